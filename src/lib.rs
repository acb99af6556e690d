//! gongkai: parse Chinese government information disclosure annual reports
//! (政府信息公开工作年度报告) into data.
//!
//! Stages, in the order data flows: `decode` (bytes → text), `html` / `plain`
//! (text → `RawDocument`), `normalize`, `document` (assembled text and spans),
//! readings (`outline`, `tables`, `facts`, `meta`), `checks`, and `report`,
//! which glues them; `batch` runs many parses in parallel. Only `python` (the
//! `python` feature) touches pyo3.

pub mod batch;
mod charset;
pub mod checks;
mod codes;
pub mod decode;
pub mod document;
pub mod error;
pub mod facts;
mod furniture;
mod hashing;
pub mod html;
pub mod kinds;
pub mod meta;
mod mhtml;
pub mod model;
pub mod normalize;
pub mod numbers;
pub mod outline;
pub mod panel;
pub mod pdf;
pub mod plain;
mod printed;
#[cfg(feature = "python")]
mod python;
mod regions;
pub mod report;
mod sniff;
pub mod tables;
mod variant;
pub mod word;

pub use error::{guarded, CoreError};
pub use model::Report;
pub use report::{parse, parse_file, parse_many, Input, Options};

/// mimalloc: the parse allocates and frees many small strings; glibc's malloc cost
/// ~12% of the time (callgrind), and its arenas contend across rayon workers. Not
/// under cargo-fuzz, whose sanitizers watch the system allocator.
#[cfg(not(fuzzing))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
