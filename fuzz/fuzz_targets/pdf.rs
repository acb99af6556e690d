//! The PDF reader on arbitrary bytes (objects, xref repair, filters, decryption, fonts, the
//! content interpreter, the layout), then the whole parse as `gongkai.parse(bytes)` runs it.
#![no_main]

use _core::report::{parse, Input, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = _core::pdf::read(data);
    // With the header in front, so every input takes the PDF path.
    let mut with_header = b"%PDF-1.7\n".to_vec();
    with_header.extend_from_slice(data);
    if let Ok(report) = parse(Input::Bytes(&with_header), &Options::default()) {
        serde_json::to_value(&report).expect("a report always serialises");
    }
});
