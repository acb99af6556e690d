//! Metadata readings: title, dates and the index number from the panel and
//! the page. (Year, agency, region, kind and template arrive with the prose issue.)

use std::sync::LazyLock;

use regex::Regex;

use crate::document::{BlockKind, Document};

/// What this stage reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub published: Option<String>,
    pub written: Option<String>,
    pub index_number: Option<String>,
}

fn panel_value<'a>(doc: &'a Document, key: &str) -> Option<&'a str> {
    doc.panel.iter().find(|e| e.key == key).map(|e| e.value.as_str())
}

static DATE_ARABIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?").expect("date regex")
});

/// The first date in `s` as ISO `YYYY-MM-DD` (`2014-08-13`, `2014年8月13日`, `2014/8/13 15:13`).
pub fn parse_date(s: &str) -> Option<String> {
    let c = DATE_ARABIC.captures(s)?;
    let y: u32 = c[1].parse().ok()?;
    let m: u32 = c[2].parse().ok()?;
    let d: u32 = c[3].parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// Site names and separators that CMS `<title>`s append to the document title.
fn strip_site_suffix(title: &str) -> String {
    let parts: Vec<&str> = title.split(['_', '|', '－', '—']).map(str::trim).filter(|p| !p.is_empty()).collect();
    let best = parts.iter().find(|p| p.contains("报告")).or_else(|| parts.first()).copied().unwrap_or("");
    best.split(" - ").next().unwrap_or(best).trim().to_string()
}

/// Index numbers are codes: ASCII letters, digits, `/`, `-`, `_`, `.`.
fn clean_index_number(v: &str) -> Option<String> {
    let code: String = v.split_whitespace().next()?.to_string();
    let ok = code.len() >= 4 && code.chars().all(|c| c.is_ascii_alphanumeric() || "/-_.".contains(c));
    ok.then_some(code)
}

/// Reads the metadata the foundation owns.
pub fn read(doc: &Document) -> Meta {
    let title = panel_value(doc, "title")
        .map(str::to_string)
        .or_else(|| doc.html_title.as_deref().map(strip_site_suffix).filter(|t| !t.is_empty()))
        .or_else(|| first_title_line(doc));
    Meta {
        title,
        published: panel_value(doc, "published").and_then(parse_date),
        written: panel_value(doc, "written").and_then(parse_date),
        index_number: panel_value(doc, "index_number").and_then(clean_index_number),
    }
}

/// The first short paragraph naming a report, among the first lines.
fn first_title_line(doc: &Document) -> Option<String> {
    let chars: Vec<char> = doc.text.chars().collect();
    doc.blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .take(30)
        .map(|b| chars[b.span[0]..b.span[1]].iter().collect::<String>())
        .find(|p| p.chars().count() <= 60 && (p.contains("报告") || p.contains("总结")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_common_forms() {
        assert_eq!(parse_date("2014-08-13 15:13:23").as_deref(), Some("2014-08-13"));
        assert_eq!(parse_date("2014年8月13日").as_deref(), Some("2014-08-13"));
        assert_eq!(parse_date("发布日期：2020/1/31").as_deref(), Some("2020-01-31"));
        assert_eq!(parse_date("2014-13-01"), None);
    }

    #[test]
    fn site_suffix_is_removed() {
        assert_eq!(
            strip_site_suffix("某局2019年政府信息公开工作年度报告_某某市人民政府"),
            "某局2019年政府信息公开工作年度报告"
        );
    }
}
