//! The DOCX reader (ZIP members, the XML walk, table spans) on arbitrary bytes, and on the bytes
//! as the document part of a stored ZIP, so the XML walk sees them.
#![no_main]

use _core::report::{parse, Input, Options};
use libfuzzer_sys::fuzz_target;

/// A one-member stored ZIP holding `body` as word/document.xml.
fn zip(body: &[u8]) -> Vec<u8> {
    let name = b"word/document.xml";
    let mut z = Vec::new();
    z.extend_from_slice(b"PK\x03\x04\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00");
    z.extend_from_slice(&(body.len() as u32).to_le_bytes());
    z.extend_from_slice(&(body.len() as u32).to_le_bytes());
    z.extend_from_slice(&(name.len() as u16).to_le_bytes());
    z.extend_from_slice(&[0, 0]);
    z.extend_from_slice(name);
    z.extend_from_slice(body);
    z
}

fuzz_target!(|data: &[u8]| {
    let _ = _core::word::docx::read(data);
    if let Ok(report) = parse(Input::Bytes(&zip(data)), &Options::default()) {
        serde_json::to_value(&report).expect("a report always serialises");
    }
});
