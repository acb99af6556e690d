//! The prose readings on a million short lines and on a long flattened line: every
//! heading and fact is read. Their time is measured by `bench/adversarial.py`, not here.

use _core::{parse, Input, Options};

#[test]
fn a_million_lines_stay_linear() {
    let text = "一、总体情况\n我局未收到申请。主动公开政府信息12条\n".repeat(100_000);
    let r = parse(Input::Str(&text), &Options::default()).expect("parses");
    assert_eq!(r.sections.len(), 100_000);
    assert!(r.facts.len() >= 200_000);
}

#[test]
fn a_long_flattened_line_stays_linear() {
    // One line, no full stops: clause and quote tracking must not rescan the prefix.
    let text = format!("一、总体情况 {}", "“三个一”，主动公开政府信息12条、收到申请3件".repeat(40_000));
    let r = parse(Input::Str(&text), &Options::default()).expect("parses");
    assert!(r.facts.iter().filter(|f| f.key == Some("proactive_total")).count() >= 40_000);
}
