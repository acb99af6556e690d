//! Parses every file under the given folders (recursively) `--repeat` times on the
//! current thread, or with `--threads N` through `parse_many` on a rayon pool of N,
//! and prints documents/s and MB/s. Built as a cargo example so that profilers see
//! the Rust core alone, without Python:
//!
//!     cargo run --profile profiling --example parse_corpus -- tests/data/real --repeat 50
//!     valgrind --tool=callgrind target/profiling/examples/parse_corpus tests/data/real --repeat 2

#![allow(clippy::print_stdout)]

#[path = "walk.rs"]
mod walk;

use std::path::PathBuf;
use std::time::Instant;

use _core::{parse, parse_many, Input, Options};

fn main() {
    let mut dirs = Vec::new();
    let mut repeat = 1usize;
    let mut threads = 0usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--repeat" => repeat = args.next().and_then(|v| v.parse().ok()).expect("--repeat N"),
            "--threads" => threads = args.next().and_then(|v| v.parse().ok()).expect("--threads N"),
            _ => dirs.push(PathBuf::from(arg)),
        }
    }
    let docs = walk::documents(&dirs);
    let bytes: usize = docs.iter().map(Vec::len).sum::<usize>() * repeat;
    let opts = Options::default();
    let start = Instant::now();
    let mut ok = 0usize;
    if threads == 0 {
        for _ in 0..repeat {
            for doc in &docs {
                ok += usize::from(parse(Input::Bytes(doc), &opts).is_ok());
            }
        }
    } else {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("pool");
        let inputs: Vec<Input<'_>> = docs.iter().map(|d| Input::Bytes(d)).collect();
        pool.install(|| {
            for _ in 0..repeat {
                ok += parse_many(&inputs, &opts).iter().filter(|r| r.is_ok()).count();
            }
        });
    }
    let secs = start.elapsed().as_secs_f64();
    let n = docs.len() * repeat;
    println!(
        "{n} documents ({ok} parsed), {:.1} MB in {secs:.3} s: {:.0} documents/s, {:.2} MB/s",
        bytes as f64 / 1e6,
        n as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
}
