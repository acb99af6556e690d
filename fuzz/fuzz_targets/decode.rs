//! `decode::decode` on any bytes; the first byte picks the caller hints.
#![no_main]

use _core::decode::{decode, DecodeOptions};
use libfuzzer_sys::fuzz_target;

const CONTENT_TYPES: [Option<&str>; 4] =
    [None, Some("text/html; charset=gbk"), Some("text/html; charset=utf-8"), Some("text/plain;charset=\"big5\"")];
const ENCODINGS: [Option<&str>; 4] = [None, Some("gb18030"), Some("utf-16le"), Some("bogus-label")];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let opts = DecodeOptions {
        content_type: CONTENT_TYPES[usize::from(pick & 3)],
        encoding: ENCODINGS[usize::from((pick >> 2) & 3)],
    };
    if let Ok(d) = decode(bytes, &opts) {
        // The text is valid UTF-8 by construction; the counts must be sane.
        assert!(d.undecodable_bytes <= bytes.len());
    }
});
