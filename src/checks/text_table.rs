//! `TEXT_TABLE_MISMATCH`: the prose figure for requests received, reviews and
//! lawsuits against the table.
//!
//! A report often states several numbers under one key (per-category counts,
//! responses, last year's figure), so a figure is compared only when it is
//! unambiguous: every candidate fact agrees, or else the first one in the part
//! of the report that deals with it. Candidates are the facts with the key that
//! are not approximate (`40余件`) and not about another year (a year other than
//! the report's named earlier in the sentence, or 上年/去年/结转 earlier in the clause).

use std::sync::LazyLock;

use regex::Regex;

use crate::document::CharCursor;
use crate::model::{Blame, Fact, Issue, IssueCode, Report, Severity};

use super::arith::{self, Grid};
use super::{issue, same, show};

static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"((?:19|20)[0-9]{2})\s*年").expect("year regex"));
static PRIOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"上年|去年|上一年|前一年|上年度|同比|环比|较上|比上|结转").expect("prior regex"));

/// How far back from a number its sentence is searched (characters).
const LOOK_BACK: usize = 120;

/// Byte offsets of the character positions `pos` (ascending) in one pass.
fn byte_offsets(text: &str, pos: &[usize]) -> Vec<usize> {
    let mut cursor = CharCursor::new(text);
    pos.iter().map(|&p| cursor.byte_of(p)).collect()
}

/// Whether the words before a fact place it in another year than `year`.
fn other_year(before: &str, year: Option<i32>) -> bool {
    let sentence = before.rsplit(['。', '；', ';', '！', '？', '\n']).next().unwrap_or(before);
    let clause = sentence.rsplit(['，', ',', '、', '：', ':']).next().unwrap_or(sentence);
    if PRIOR.is_match(clause) {
        return true;
    }
    // The year is a match's first four bytes (its digits): found without captures.
    match (YEAR.find_iter(sentence).last(), year) {
        (Some(m), Some(y)) => m.as_str()[..4].parse::<i32>().is_ok_and(|named| named != y),
        _ => false,
    }
}

/// The figure the prose gives for `key`, if unambiguous.
fn figure<'a>(candidates: &[&'a Fact], home: &str) -> Option<&'a Fact> {
    let first = *candidates.first()?;
    if candidates.iter().all(|f| same(f.value.as_f64(), first.value.as_f64())) {
        return Some(first);
    }
    candidates.iter().copied().find(|f| f.section == Some(home))
}

pub(super) fn check(report: &Report, issues: &mut Vec<Issue>) {
    const KEYS: [&str; 3] = ["requests_received", "reviews", "lawsuits"];
    let facts: Vec<&Fact> =
        report.facts.iter().filter(|f| f.key.is_some_and(|k| KEYS.contains(&k)) && !f.approx).collect();
    if facts.is_empty() {
        return;
    }
    // Candidates lie in the order of the text; read what precedes each one.
    let mut starts: Vec<usize> = facts.iter().flat_map(|f| [f.span[0].saturating_sub(LOOK_BACK), f.span[0]]).collect();
    starts.sort_unstable();
    let bytes = byte_offsets(&report.text, &starts);
    let at = |c: usize| starts.binary_search(&c).ok().map(|i| bytes[i]);
    let current: Vec<&Fact> = facts
        .into_iter()
        .filter(|f| {
            let (Some(a), Some(b)) = (at(f.span[0].saturating_sub(LOOK_BACK)), at(f.span[0])) else { return false };
            !other_year(report.text.get(a..b).unwrap_or(""), report.year)
        })
        .collect();
    let of = |key: &str| current.iter().copied().filter(|f| f.key == Some(key)).collect::<Vec<_>>();

    if let Some(t) = &report.tables.requests {
        let g = Grid::new(t);
        let new = g.eff[0][6].value();
        let carried = g.eff[1][6].value();
        if let (Some(fact), Some(new)) = (figure(&of("requests_received"), "requests"), new) {
            let v = fact.value.as_f64();
            // `共受理申请77件（含上年结转5件）` counts the carried-over requests in.
            let with_carried = carried.is_some_and(|c| same(v, new + c));
            if !same(v, new) && !with_carried {
                issues.push(mismatch(fact, "requests.new_received.total", vec!["requests.new_received.total"], new));
            }
        }
    }
    if let Some(t) = &report.tables.review_litigation {
        if let (Some(fact), Some(total)) = (figure(&of("reviews"), "review_litigation"), arith::t4_total(t, "review")) {
            if !same(fact.value.as_f64(), total) {
                issues.push(mismatch(
                    fact,
                    "review_litigation.review.total",
                    vec!["review_litigation.review.total"],
                    total,
                ));
            }
        }
        let lawsuits = arith::t4_total(t, "litigation_direct")
            .and_then(|d| arith::t4_total(t, "litigation_after_review").map(|a| d + a));
        if let (Some(fact), Some(total)) = (figure(&of("lawsuits"), "review_litigation"), lawsuits) {
            if !same(fact.value.as_f64(), total) {
                issues.push(mismatch(
                    fact,
                    "litigation_direct.total + litigation_after_review.total",
                    vec![
                        "review_litigation.litigation_direct.total",
                        "review_litigation.litigation_after_review.total",
                    ],
                    total,
                ));
            }
        }
    }
}

fn mismatch(fact: &Fact, what: &str, cells: Vec<&str>, table: f64) -> Issue {
    let key = fact.key.unwrap_or_default();
    let quote: String = fact.sentence.chars().take(80).collect();
    issue(
        IssueCode::TextTableMismatch,
        Severity::Warning,
        Blame::Source,
        format!(
            "the text gives {key} = {} but the table has {what} = {} («{quote}»)",
            show(fact.value.as_f64()),
            show(table)
        ),
        cells.into_iter().map(str::to_string).collect(),
        Some(table),
        Some(fact.value.as_f64()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_in_one_pass() {
        let s = "ab中文cd";
        assert_eq!(byte_offsets(s, &[0, 2, 3, 4, 9]), vec![0, 2, 5, 8, s.len()]);
    }

    #[test]
    fn statements_about_other_years() {
        assert!(!other_year("2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计", Some(2023)));
        assert!(other_year("2024年制作、获取政府信息总数467条。2022年共收到申请", Some(2023)));
        assert!(other_year("本年共收到申请70件，较上年增加", Some(2021)));
        assert!(other_year("答复申请805件(含上年度结转申请", Some(2019)));
        assert!(!other_year("2020年的工作。本年度全区共收到", Some(2021)));
    }
}
