//! HTML → `RawDocument` → normalize → `Document::assemble`, on any text.
#![no_main]

use _core::document::{Document, Format};
use _core::html::parse_html;
use _core::normalize::{normalize, NormalizeOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let raw = parse_html(&text);
    let (raw, _script) = normalize(raw, &NormalizeOptions { t2s: true });
    let doc = Document::assemble(raw, Format::Html);
    // Spans are char offsets into the assembled text.
    let chars = doc.text.chars().count();
    for t in &doc.tables {
        assert!(t.span[0] <= t.span[1] && t.span[1] <= chars, "table span {:?} outside {chars}", t.span);
    }
});
