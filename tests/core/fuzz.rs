//! Inputs the fuzzers (`fuzz/`, cargo-fuzz) found crashing, hanging or blowing
//! up, kept in `tests/data/fuzz-regressions/` (named `TARGET-what.bin`). Each
//! runs through every pipeline the fuzz targets drive, so a file found by one
//! target also guards the others.

use std::fs;
use std::path::{Path, PathBuf};

use _core::decode::{decode, DecodeOptions};
use _core::document::{Document, Format};
use _core::normalize::{normalize, NormalizeOptions};
use _core::{facts, html, numbers, outline, plain, tables};
use _core::{parse, Input, Options};

fn regressions() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz-regressions")
}

/// What the fuzz targets do with `data`, in one call.
fn every_target(data: &[u8]) {
    // pdf, docx, doc
    let _ = _core::pdf::read(data);
    let _ = _core::word::docx::read(data);
    let _ = _core::word::doc::read(data);
    let _ = decode(data, &DecodeOptions::default());
    let _ = decode(data, &DecodeOptions { encoding: Some("gb18030"), content_type: Some("text/html; charset=gbk") });
    let text = String::from_utf8_lossy(data);
    // html
    let (raw, _) = normalize(html::parse_html(&text), &NormalizeOptions { t2s: true });
    let _ = Document::assemble(raw, Format::Html);
    // text tables and facts
    let (raw, _) = normalize(plain::parse_plain(&text), &NormalizeOptions { t2s: true });
    let doc = Document::assemble(raw, Format::Text);
    let (tables, _) = tables::read_with_issues(&doc);
    let _ = numbers::scan(&text);
    let _ = numbers::parse(&text);
    let sections = outline::read(&doc);
    let spans: Vec<_> = [&tables.proactive, &tables.requests, &tables.review_litigation]
        .into_iter()
        .flatten()
        .map(|t| t.span)
        .collect();
    let _ = facts::read_with_issues(&doc, &sections, &spans);
    // the whole parse, bytes and text
    if let Ok(r) = parse(Input::Bytes(data), &Options::default()) {
        serde_json::to_value(&r).expect("serialises");
    }
    let text_opts = Options { format: Some(Format::Text), ..Options::default() };
    let _ = parse(Input::Str(&text), &text_opts);
}

/// Runs one kept input through every target: it must finish without a panic. (Tests
/// assert no wall-clock time; the fuzzers' own timeout, `fuzz/run.sh`, judges speed.)
fn check(name: &str) {
    let data = fs::read(regressions().join(name)).expect("regression input");
    every_target(&data);
}

#[test]
fn every_kept_input_runs_clean() {
    let mut n = 0;
    for entry in fs::read_dir(regressions()).expect("fuzz-regressions folder") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "bin") {
            check(path.file_name().and_then(|s| s.to_str()).expect("name"));
            n += 1;
        }
    }
    assert!(n > 0);
}

/// text_tables: a table-3 row that got no candidate sat in a column equation;
/// the joint enumeration indexed its (empty) candidate list.
#[test]
fn text_tables_joint_row_without_candidates() {
    check("text_tables-joint-row-without-candidates.bin");
}
