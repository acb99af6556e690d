//! The whole parse on bytes, as `gongkai.parse(bytes)` runs it, including the JSON the binding serialises.
#![no_main]

use _core::report::{parse, Input, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(report) = parse(Input::Bytes(data), &Options::default()) {
        serde_json::to_value(&report).expect("a report always serialises");
    }
});
