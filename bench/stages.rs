//! Where the time goes: runs the pipeline's stages one by one over every file under
//! the given folders and prints each stage's share of the time, so a speed change can
//! be aimed at the stage that costs most.
//!
//!     cargo run --release --example stages -- /tmp/corpus/html50k --repeat 2

#![allow(clippy::print_stdout)]

#[path = "walk.rs"]
mod walk;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use _core::decode::{self, DecodeOptions};
use _core::document::{Document, Format};
use _core::normalize::{self, NormalizeOptions};
use _core::{checks, facts, kinds, meta, outline, report, tables};

const STAGES: [&str; 11] =
    ["decode", "html/plain", "normalize", "assemble", "meta", "outline", "tables", "facts", "kind", "checks", "report"];

fn main() {
    let mut dirs = Vec::new();
    let mut repeat = 1usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--repeat" => repeat = args.next().and_then(|v| v.parse().ok()).expect("--repeat N"),
            _ => dirs.push(PathBuf::from(arg)),
        }
    }
    let docs = walk::documents(&dirs);
    let mut spent = [Duration::ZERO; STAGES.len()];
    let opts = DecodeOptions { encoding: None, content_type: None };
    let mut n = 0usize;
    // html5ever's tree for the same decoded page, untouched: the floor of the html stage.
    let mut tree_only = Duration::ZERO;
    // A memchr scan that splits tags from text and copies the text: what any single-pass
    // builder must at least do (the floor of the html stage).
    let mut scan_only = Duration::ZERO;
    let mut html_docs = 0usize;
    for _ in 0..repeat {
        for bytes in &docs {
            let mut t = Instant::now();
            let mut lap = |i: usize, t: &mut Instant| {
                let now = Instant::now();
                spent[i] += now - *t;
                *t = now;
            };
            let Ok(decoded) = decode::decode(bytes, &opts) else { continue };
            lap(0, &mut t);
            let format = report::sniff_text(&decoded.text);
            if format == Format::Html {
                let t0 = Instant::now();
                std::hint::black_box(scraper::Html::parse_document(&decoded.text));
                tree_only += t0.elapsed();
                let t0 = Instant::now();
                std::hint::black_box(scan_floor(&decoded.text));
                scan_only += t0.elapsed();
                html_docs += 1;
                t = Instant::now();
            }
            let raw = report::read_raw(&decoded.text, format);
            lap(1, &mut t);
            let (raw, _script) = normalize::normalize(raw, &NormalizeOptions { t2s: true });
            lap(2, &mut t);
            let doc = Document::assemble(raw, format);
            lap(3, &mut t);
            let m = meta::read(&doc);
            lap(4, &mut t);
            let sections = outline::read(&doc);
            lap(5, &mut t);
            let (tabs, _) = tables::read_with_issues(&doc);
            lap(6, &mut t);
            let spans: Vec<_> = [&tabs.proactive, &tabs.requests, &tabs.review_litigation]
                .into_iter()
                .flatten()
                .map(|t| t.span)
                .collect();
            let (f, _) = facts::read_with_issues(&doc, &sections, &spans);
            lap(7, &mut t);
            let prints_tables = tabs.prints_national_tables();
            let kind = kinds::kind(m.title.as_deref(), &doc.text, &sections, prints_tables);
            let _template = kinds::template(kind, &doc.text, m.year);
            lap(8, &mut t);
            std::hint::black_box((&m, &sections, &tabs, &f));
            // The checks run on a whole report: time parse() minus the stages above.
            let report = _core::parse(_core::Input::Bytes(bytes), &_core::Options::default()).expect("parsed once");
            t = Instant::now();
            std::hint::black_box(checks::run(&report));
            lap(9, &mut t);
            std::hint::black_box(report.text.clone());
            lap(10, &mut t);
            n += 1;
        }
    }
    let total: Duration = spent.iter().sum();
    println!("{n} documents, {:.3} ms each over the stages", total.as_secs_f64() * 1e3 / n as f64);
    for (name, d) in STAGES.iter().zip(spent) {
        println!(
            "  {name:<11} {:>8.3} ms/doc  {:>5.1}%",
            d.as_secs_f64() * 1e3 / n as f64,
            100.0 * d.as_secs_f64() / total.as_secs_f64()
        );
    }
    if html_docs > 0 {
        println!(
            "  (html5ever's tree alone, unpruned: {:.3} ms per HTML page, not counted above)",
            tree_only.as_secs_f64() * 1e3 / html_docs as f64
        );
        println!(
            "  (a memchr scan splitting tags from text and copying the text, the floor of any \
             single-pass builder: {:.3} ms per HTML page)",
            scan_only.as_secs_f64() * 1e3 / html_docs as f64
        );
    }
}

/// Text between tags, copied out; tags (and comments) skipped with memchr.
fn scan_floor(html: &str) -> (usize, String) {
    let b = html.as_bytes();
    let mut text = String::with_capacity(html.len() / 2);
    let (mut i, mut tags) = (0usize, 0usize);
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        text.push_str(&html[i..i + off]);
        let p = i + off;
        let end = if b[p..].starts_with(b"<!--") {
            memchr::memmem::find(&b[p + 4..], b"-->").map_or(b.len(), |e| p + 4 + e + 3)
        } else {
            memchr::memchr(b'>', &b[p..]).map_or(b.len(), |e| p + e + 1)
        };
        tags += 1;
        i = end;
    }
    text.push_str(&html[i..]);
    (tags, text)
}
