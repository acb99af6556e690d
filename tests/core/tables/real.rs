//! Every table cell of the real dev corpus (`tests/data/real/*.gold.json`)
//! against its hand-checked gold value: blank and `na` read as 0 (as in gold),
//! gold `null` (cannot be determined) must stay null.

use std::path::{Path, PathBuf};

use _core::model::TableReading;
use _core::{parse, Input, Options};
use serde_json::Value;

use crate::support::{gold_cells, gold_number, read_cell};

/// Gold cells whose value the gold notes say was taken from *another* report
/// (e.g. "split 10/7/7 (inferred; consistent with the 2020 report)"): the
/// document alone admits several splits, so the parser must leave them null.
const FROM_OTHER_REPORTS: &[(&str, &str)] = &[
    ("pingtan-czj-2019.txt", "table2.normative_documents."),
    ("pingtan-syq-2021.txt", "table2.normative_documents."),
    ("pingtan-syq-2023.txt", "table2.normative_documents.repealed"),
    ("pingtan-syq-2023.txt", "table2.normative_documents.in_force"),
];

/// `(path, expected, got)` for every gold cell of one table.
fn compare(table: Option<&TableReading>, gold: &Value) -> Vec<(String, Option<f64>, Option<f64>)> {
    gold_cells(gold)
        .into_iter()
        .map(|(row, col, v)| (format!("{row}.{col}"), gold_number(v, None), read_cell(table, row, &col)))
        .collect()
}

fn real_docs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/real");
    let mut docs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "html")))
        .collect();
    docs.sort();
    docs
}

#[test]
fn real_corpus_cells_match_gold() {
    let mut wrong = Vec::new();
    let mut total = 0;
    for path in real_docs() {
        let gold_path = path.with_extension("gold.json");
        // Every document of the real corpus has its gold: a missing one is an error, not a skip.
        let gold_text = std::fs::read_to_string(&gold_path).unwrap_or_else(|e| panic!("{}: {e}", gold_path.display()));
        let gold: Value = serde_json::from_str(&gold_text).expect("gold json");
        let bytes = std::fs::read(&path).expect("doc");
        let report = parse(Input::Bytes(&bytes), &Options::default()).expect("parses");
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_string();
        for (gkey, table) in [
            ("table2", report.tables.proactive.as_ref()),
            ("table3", report.tables.requests.as_ref()),
            ("table4", report.tables.review_litigation.as_ref()),
        ] {
            for (cell, mut want, got) in compare(table, &gold[gkey]) {
                total += 1;
                let path = format!("{gkey}.{cell}");
                if FROM_OTHER_REPORTS.iter().any(|(f, p)| *f == name && path.starts_with(p)) {
                    want = None;
                }
                let ok = match (want, got) {
                    (None, None) => true,
                    (Some(a), Some(b)) => (a - b).abs() < 1e-6,
                    _ => false,
                };
                if !ok {
                    wrong.push(format!("{name} {gkey}.{cell}: gold {want:?}, read {got:?}"));
                }
            }
        }
    }
    assert!(total > 1500, "gold cells found: {total}");
    assert!(wrong.is_empty(), "{} of {total} cells wrong:\n{}", wrong.len(), wrong.join("\n"));
}
