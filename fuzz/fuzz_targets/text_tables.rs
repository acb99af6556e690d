//! The statutory-table reader on a text document (rows, glued-digit splitter, solver).
#![no_main]

use _core::document::{Document, Format};
use _core::normalize::{normalize, NormalizeOptions};
use _core::plain::parse_plain;
use _core::tables;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (raw, _) = normalize(parse_plain(&text), &NormalizeOptions { t2s: true });
    let doc = Document::assemble(raw, Format::Text);
    let (_tables, _issues) = tables::read_with_issues(&doc);
});
