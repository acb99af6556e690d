//! Template placeholders (`xx条`) in place of data: `PLACEHOLDER` issues.

use std::sync::LazyLock;

use regex::Regex;

use crate::document::CharIndex;
use crate::model::{Blame, Issue, IssueCode, Number, Severity};

/// Template placeholders in place of data (SPEC §5, §6).
pub(super) static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[xXｘＸ]{2,}\s*(?:条|件|次|人次|元|万元|个|年|月|日|期|篇|项|人|名|%|％)|[×＊]{3,}")
        .expect("placeholder regex")
});

pub(super) fn placeholders(text: &str, idx: &CharIndex, in_table: &dyn Fn(usize) -> bool) -> Vec<Issue> {
    let found: Vec<(usize, &str)> =
        PLACEHOLDER.find_iter(text).filter(|m| !in_table(m.start())).map(|m| (m.start(), m.as_str())).collect();
    if found.is_empty() {
        return Vec::new();
    }
    let examples: Vec<String> = found.iter().take(5).map(|(b, s)| format!("{s} at {}", idx.char_at(*b))).collect();
    vec![Issue {
        code: IssueCode::Placeholder,
        severity: Severity::Warning,
        message: format!(
            "{} template placeholder(s) in place of data: {}{}",
            found.len(),
            examples.join(", "),
            if found.len() > 5 { ", …" } else { "" }
        ),
        cells: Vec::new(),
        expected: None,
        actual: Some(Number::Int(i64::try_from(found.len()).unwrap_or(i64::MAX))),
        blame: Blame::Source,
    }]
}
