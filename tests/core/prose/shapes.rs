//! Sentence shapes of real reports → the facts they state (SPEC §5), from
//! `tests/data/prose_shapes.txt`: every case is read as a document of its own (as
//! a text input is: lines, outline, tables printed as text left out), and its keyed
//! facts must be exactly the listed ones — shapes that state no fact must give none.

use std::fs;
use std::path::Path;

use _core::document::{Document, Format};
use _core::normalize::{normalize, NormalizeOptions};
use _core::{facts, outline, plain};

struct Case {
    line: usize,
    year: Option<i32>,
    text: String,
    want: Vec<String>,
}

fn cases() -> Vec<Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/prose_shapes.txt");
    let data = fs::read_to_string(path).expect("prose_shapes.txt");
    let mut year = None;
    let mut out = Vec::new();
    for (i, line) in data.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(y) = line.strip_prefix("@year") {
            year = y.trim().parse().ok();
            continue;
        }
        let (text, want) = line.split_once("=>").unwrap_or_else(|| panic!("line {}: no =>", i + 1));
        let mut want: Vec<String> =
            want.split(',').map(str::trim).filter(|w| !w.is_empty()).map(str::to_string).collect();
        want.sort();
        out.push(Case { line: i + 1, year, text: text.trim().replace("\\n", "\n"), want });
    }
    out
}

/// `key=value`, with `~` when approximate and `!` when a statement of absence.
fn show(f: &_core::model::Fact) -> Option<String> {
    let v = f.value.as_f64();
    let value = if v.fract() == 0.0 { format!("{}", v as i64) } else { format!("{v}") };
    Some(format!("{}={value}{}{}", f.key?, if f.approx { "~" } else { "" }, if f.negated { "!" } else { "" }))
}

#[test]
fn every_shape_gives_its_facts_and_no_other() {
    let cases = cases();
    assert!(cases.len() >= 100, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let (raw, _) = normalize(plain::parse_plain(&case.text), &NormalizeOptions { t2s: true });
        let doc = Document::assemble(raw, Format::Text);
        let sections = outline::read(&doc);
        let excluded = facts::text_table_spans(&doc);
        let (found, _) = facts::read_report(&doc, &sections, &excluded, case.year);
        let mut got: Vec<String> = found.iter().filter_map(show).collect();
        got.sort();
        if got != case.want {
            failures.push(format!("line {}: {}\n  want {:?}\n  got  {:?}", case.line, case.text, case.want, got));
        }
        // Every fact's span is its evidence, inside its sentence.
        let chars: Vec<char> = doc.text.chars().collect();
        for f in &found {
            let ev: String = chars[f.span[0]..f.span[1]].iter().collect();
            assert!(!ev.trim().is_empty() && f.sentence.contains(ev.trim()), "line {}: {ev:?} in {f:?}", case.line);
        }
    }
    assert!(failures.is_empty(), "{} of {} shapes read wrong:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
