//! The Word 97 reader (compound file, FIB, piece table, PAPX, TDefTable) on arbitrary bytes,
//! with the OLE signature in front so every input reaches it through the whole parse.
#![no_main]

use _core::report::{parse, Input, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = _core::word::doc::read(data);
    let mut with_magic = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    with_magic.extend_from_slice(data.get(8..).unwrap_or(&[]));
    if let Ok(report) = parse(Input::Bytes(&with_magic), &Options::default()) {
        serde_json::to_value(&report).expect("a report always serialises");
    }
});
