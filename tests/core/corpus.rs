//! The whole pipeline over the dev corpus, without Python: every document
//! parses, and the metadata the foundation reads sits where the page shows it.

use std::fs;
use std::path::{Path, PathBuf};

use _core::{parse, Input, Options};

fn corpus() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut out = Vec::new();
    for dir in ["seeds", "real"] {
        for entry in fs::read_dir(root.join(dir)).expect("corpus folder") {
            let path = entry.expect("entry").path();
            if matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "html")) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn parse_path(name: &str) -> _core::Report {
    let path = corpus().into_iter().find(|p| p.ends_with(name)).expect("document in corpus");
    parse(Input::Bytes(&fs::read(path).expect("read")), &Options::default()).expect("parses")
}

#[test]
fn every_document_parses_into_text() {
    let docs = corpus();
    assert_eq!(docs.len(), 20);
    for path in docs {
        let report = parse(Input::Bytes(&fs::read(&path).expect("read")), &Options::default())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(report.text.chars().count() > 1000, "{}", path.display());
        assert_eq!(report.source.undecodable_bytes, 0, "{}", path.display());
        assert_eq!(report.source.encoding, "UTF-8");
    }
}

#[test]
fn seed_000_panel() {
    let r = parse_path("000_cc707d8ae19cac44.txt");
    assert_eq!(r.index_number.as_deref(), Some("11330702731527164G/2014-32225"));
    assert_eq!(r.written.as_deref(), Some("2014-08-13"));
    assert_eq!(r.title.as_deref(), Some("金华市婺城区琅琊镇2010年政府信息公开工作年度报告"));
    assert_eq!(r.source.format.as_str(), "text");
}

#[test]
fn shanghai_published_and_title() {
    let r = parse_path("shanghai-bgt-2019.html");
    assert_eq!(r.source.format.as_str(), "html");
    assert_eq!(r.published.as_deref(), Some("2020-01-31"));
    assert_eq!(r.title.as_deref(), Some("2019年上海市人民政府办公厅政府信息公开工作年度报告"));
    assert!(r.text.contains("一、总体情况"));
    assert!(!r.text.contains("<p"));
}

#[test]
fn seed_002_is_simplified_without_pinyin_or_furniture() {
    let r = parse_path("002_2f212ad4ee3ae2a4.txt");
    assert_eq!(r.source.script.as_str(), "traditional");
    assert!(r.text.contains("政务公开工作自查报告"));
    for gone in ["(zhèn)", "(wù)", "下载本文档", "版权说明", "_第1页", "鎮", "務"] {
        assert!(!r.text.contains(gone), "{gone} still in text");
    }
}

#[test]
fn furniture_of_other_seeds_is_removed() {
    assert!(!parse_path("001_f30eff389d3d77a8.txt").text.contains("[bookmark"));
    assert!(!parse_path("003_e7e8e141b0d8918b.txt").text.contains("点击下载此文件"));
    assert!(!parse_path("004_e4ca24f9fb34d657.txt").text.contains("$txy$"));
}

#[test]
fn table_cell_spans_point_at_their_text() {
    let html = "<p>三、收到和处理政府信息公开申请情况</p><table><tr><td rowspan=2>总计</td><td>８５９</td></tr><tr><td>18</td></tr></table>";
    let r = parse(Input::Str(html), &Options::default()).expect("parses");
    // The text holds the table row by row; full-width digits are folded.
    assert!(r.text.contains("总计\t859"));
    assert!(r.text.contains("\n18"));
    // In real reports, every cell's span (characters of the text) covers what the cell printed.
    let mut checked = 0;
    for name in ["real/shanghai-bgt-2019.html", "real/pingtan-czj-2021.txt", "real/pingtan-czj-2019.txt"] {
        let bytes = fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)).expect("doc");
        let r = parse(Input::Bytes(&bytes), &Options::default()).expect("parses");
        let chars: Vec<char> = r.text.chars().collect();
        let tables = [&r.tables.proactive, &r.tables.requests, &r.tables.review_litigation];
        for t in tables.into_iter().flatten() {
            for (row, cells) in &t.cells.0 {
                for (col, c) in &cells.0 {
                    if c.raw.is_empty() {
                        continue;
                    }
                    let at: String = chars[c.span[0]..c.span[1]].iter().collect();
                    assert_eq!(at, c.raw, "{name} {row}.{col} at {:?}", c.span);
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 300, "cells checked: {checked}");
}
