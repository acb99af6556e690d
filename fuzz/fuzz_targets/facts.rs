//! Facts and numbers: `numbers::{scan, parse}` on the raw text, then outline + `facts::read_with_issues` on a text document.
#![no_main]

use _core::document::{Document, Format};
use _core::normalize::{normalize, NormalizeOptions};
use _core::plain::parse_plain;
use _core::{facts, numbers, outline, tables};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for tok in numbers::scan(&text) {
        let _ = tok;
    }
    let _ = numbers::parse(&text);
    let _ = numbers::parse_cn_int(&text);
    let (raw, _) = normalize(parse_plain(&text), &NormalizeOptions { t2s: true });
    let doc = Document::assemble(raw, Format::Text);
    let sections = outline::read(&doc);
    // As `report::build_one` does: the table readings' spans are not prose.
    let (tables, _) = tables::read_with_issues(&doc);
    let spans: Vec<_> = [&tables.proactive, &tables.requests, &tables.review_litigation]
        .into_iter()
        .flatten()
        .map(|t| t.span)
        .collect();
    let (_facts, _issues) = facts::read_with_issues(&doc, &sections, &spans);
});
