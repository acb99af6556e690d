//! The prose readings stay linear: a million short lines and a long flattened line.

use _core::{parse, Input, Options};

#[test]
fn a_million_lines_stay_linear() {
    let text = "一、总体情况\n我局未收到申请。主动公开政府信息12条\n".repeat(100_000);
    let t = std::time::Instant::now();
    let r = parse(Input::Str(&text), &Options::default()).expect("parses");
    assert_eq!(r.sections.len(), 100_000);
    assert!(r.facts.len() >= 200_000);
    // Generous bound for debug builds on a shared machine.
    assert!(t.elapsed().as_secs() < 60, "{:?}", t.elapsed());
}

#[test]
fn a_long_flattened_line_stays_linear() {
    // One line, no full stops: clause and quote tracking must not rescan the prefix.
    let text = format!("一、总体情况 {}", "“三个一”，主动公开政府信息12条、收到申请3件".repeat(40_000));
    let t = std::time::Instant::now();
    let r = parse(Input::Str(&text), &Options::default()).expect("parses");
    assert!(r.facts.iter().filter(|f| f.key == Some("proactive_total")).count() >= 40_000);
    assert!(t.elapsed().as_secs() < 60, "{:?}", t.elapsed());
}
