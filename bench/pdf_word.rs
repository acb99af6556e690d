//! Times the PDF, DOCX and .doc readers in the Rust core (no Python): for every such file under
//! the given folders, the reader alone (`pdf::read`, `word::docx::read`, `word::doc::read`) and
//! the whole parse, best of `--repeat` runs on one thread, in ms; then the median per format.
//!
//!     cargo run --release --example pdf_word -- tests/data/real-pdf tests/data/pdf-word --repeat 20

#![allow(clippy::print_stdout)]

use std::path::{Path, PathBuf};
use std::time::Instant;

use _core::{parse, Input, Options};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        out.push(dir.to_path_buf());
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else if matches!(path.extension().and_then(|e| e.to_str()), Some("pdf" | "docx" | "doc")) {
            out.push(path);
        }
    }
}

fn best_ms(repeat: usize, mut f: impl FnMut()) -> f64 {
    (0..repeat)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::MAX, f64::min)
}

fn main() {
    let mut dirs = Vec::new();
    let mut repeat = 10usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--repeat" => repeat = args.next().and_then(|v| v.parse().ok()).expect("--repeat N"),
            _ => dirs.push(PathBuf::from(arg)),
        }
    }
    let mut files = Vec::new();
    for d in &dirs {
        walk(d, &mut files);
    }
    files.sort();
    let opts = Options::default();
    let mut per_format: std::collections::BTreeMap<String, Vec<(f64, f64, usize)>> =
        std::collections::BTreeMap::default();
    println!("{:<48} {:>8} {:>6} {:>9} {:>9} {:>8}", "file", "KB", "pages", "read ms", "parse ms", "ms/page");
    for path in &files {
        let bytes = std::fs::read(path).expect("readable");
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_string();
        let Ok(report) = parse(Input::Bytes(&bytes), &opts) else { continue };
        let pages = report.source.pages.unwrap_or(1).max(1) as usize;
        let read = best_ms(repeat, || match ext.as_str() {
            "pdf" => drop(std::hint::black_box(_core::pdf::read(&bytes))),
            "docx" => drop(std::hint::black_box(_core::word::docx::read(&bytes))),
            _ => drop(std::hint::black_box(_core::word::doc::read(&bytes))),
        });
        let whole = best_ms(repeat, || drop(std::hint::black_box(parse(Input::Bytes(&bytes), &opts))));
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        println!(
            "{name:<48} {:>8.0} {pages:>6} {read:>9.2} {whole:>9.2} {:>8.2}",
            bytes.len() as f64 / 1024.0,
            whole / pages as f64
        );
        per_format.entry(ext).or_default().push((read, whole, pages));
    }
    for (fmt, mut v) in per_format {
        v.sort_by(|a, b| a.1.total_cmp(&b.1));
        let (r, w, p) = v[v.len() / 2];
        let per_page = v.iter().map(|x| x.1 / x.2 as f64).sum::<f64>() / v.len() as f64;
        println!(
            "{fmt}: {} files, median parse {w:.2} ms (reader {r:.2} ms, {p} pages), mean {per_page:.2} ms/page",
            v.len()
        );
    }
}
