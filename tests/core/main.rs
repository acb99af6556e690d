//! The core's integration tests: one binary, a module per stage or concern, each running
//! the pipeline (or the stages it guards) without Python.
//!
//! - `corpus`: every document of the dev corpus parses; its metadata sits where the page shows it.
//! - `tables`: every gold cell of the real corpus (`real`), read back from renderings of gold
//!   values in many layouts (`render`, laid out by `support`), and minimal shapes that once
//!   failed (`regressions`).
//! - `prose`: metadata, outline and facts against gold (`gold`), sentence shapes and their
//!   facts (`shapes`), and big inputs read in full (`perf`).
//! - `checks`: the SPEC §6 checks, over the corpus and over gold tables with one cell changed.
//! - `pdf_word`: PDF, DOCX and .doc input: gold cells, typed errors, evidence.
//! - `inputs`: adversarial inputs found by hand; `fuzz`: the fuzzers' finds, replayed
//!   through every pipeline.
//!
//! Where a new test goes: a new label variant → a unit test beside `src/tables/template.rs`
//! and a rendering in `tables::render`; a new page or file shape → `tables::regressions` (a
//! minimal input) or a file in `tests/data` with its gold; a sentence shape →
//! `tests/data/prose_shapes.txt`; a crash → `tests/data/fuzz-regressions`.

mod checks;
mod corpus;
mod fuzz;
mod inputs;
mod pdf_word;
mod prose;
mod support;
mod tables;
