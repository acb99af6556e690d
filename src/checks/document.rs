//! Checks of the document as a whole: the tables and sections its format
//! requires, its publication against the statutory deadline, and the year its
//! title names against its statistics period.

use std::sync::LazyLock;

use regex::Regex;

use crate::meta;
use crate::model::{Blame, Issue, IssueCode, Kind, Report, Section, Severity, Template};

use super::issue;

/// The national formats (2019 and 2021) print three tables (DOMAIN §2).
pub(super) fn tables_present(report: &Report, issues: &mut Vec<Issue>) {
    if report.kind != Kind::AnnualReport || report.template.and_then(Template::form).is_none() {
        return;
    }
    let t = &report.tables;
    let tables = [
        ("proactive", "table 2 (主动公开政府信息情况)", t.proactive.is_some(), &["第二十条", "信息内容"][..]),
        (
            "requests",
            "table 3 (收到和处理政府信息公开申请情况)",
            t.requests.is_some(),
            &["本年新收政府信息公开申请", "上年结转政府信息公开申请", "本年度办理结果"][..],
        ),
        (
            "review_litigation",
            "table 4 (行政复议、行政诉讼)",
            t.review_litigation.is_some(),
            &["结果维持", "尚未审结"][..],
        ),
    ];
    for (key, name, found, labels) in tables {
        if found {
            continue;
        }
        // Its labels in the text mean a table is there that could not be read
        // (an image would leave none): then the fault is the parser's.
        let labelled = labels.iter().any(|l| report.text.contains(l));
        let (blame, why) = if labelled {
            (Blame::Parser, "its labels are in the text but no table could be read")
        } else {
            (Blame::Source, "neither the table nor its labels are in the text")
        };
        issues.push(issue(
            IssueCode::TableMissing,
            Severity::Warning,
            blame,
            format!("a {} report should have {name}: {why}", report.template.map_or("", Template::as_str)),
            vec![key.to_string()],
            None,
            None,
        ));
    }
}

/// What shows that a statutory part is there besides a heading the outline keyed.
struct Part {
    key: &'static str,
    name: &'static str,
    /// Words of the part found in the text after the preamble.
    words: &'static Regex,
}

fn re(s: &str) -> Regex {
    Regex::new(s).expect("section words regex")
}

/// The six headings of the 2019 and 2021 formats (DOMAIN §2, with the variants
/// seen there): a heading the outline missed still shows by its words.
static TEMPLATE_WORDS: LazyLock<[Regex; 6]> = LazyLock::new(|| {
    [
        re("总体情况|概述"),
        re("主动公开政府信息(?:的)?情况|第二十条第"),
        re("收到和处理政府信息公开申请|依申请公开"),
        re("行政复议|行政诉讼"),
        re("存在的?主要问题|存在问题|改进情况|改进措施"),
        re("其[他它]需要报告|需要报告的事项|其[他它]事项"),
    ]
});

/// The subjects of Art. 32 (2007): before 2019 there was no fixed heading, and a
/// part is often folded into another or given only in an appended 附表 (DOMAIN
/// §9), so the subject stated anywhere after the preamble counts as present.
static PRE2019_WORDS: LazyLock<[Regex; 5]> = LazyLock::new(|| {
    [
        re("主动公开"),
        re("依申请|公开申请|申请公开"),
        // Fees for disclosure, not 收费信息 / 收费标准 published as proactive items.
        re("收费(?:及|和|与)?减免|减免|免收|免费|不收费|未收费|无收费|收取.{0,6}费|收费情况|信息处理费|检索.{0,4}费|收费[^信标项公依目许站管]"),
        re("复议|诉讼"),
        re("存在的?(?:主要)?问题|存在.{0,6}不足|不足之处|改进措施|改进情况|薄弱"),
    ]
});

fn template_parts() -> Vec<Part> {
    let w = &*TEMPLATE_WORDS;
    vec![
        Part { key: "overview", name: "一、总体情况", words: &w[0] },
        Part { key: "proactive", name: "二、主动公开政府信息情况", words: &w[1] },
        Part { key: "requests", name: "三、收到和处理政府信息公开申请情况", words: &w[2] },
        Part {
            key: "review_litigation", name: "四、政府信息公开行政复议、行政诉讼情况", words: &w[3]
        },
        Part { key: "problems", name: "五、存在的主要问题及改进情况", words: &w[4] },
        Part { key: "other", name: "六、其他需要报告的事项", words: &w[5] },
    ]
}

/// Art. 32 of the 2007 Regulation lists six items; the sixth, 其他需要报告的事项,
/// is whatever else there is to report, so its absence means nothing else to
/// report and is not flagged.
fn pre2019_parts() -> Vec<Part> {
    let w = &*PRE2019_WORDS;
    vec![
        Part { key: "proactive", name: "主动公开政府信息的情况 (Art. 32(1), 2007)", words: &w[0] },
        Part {
            key: "requests", name: "依申请公开政府信息和不予公开政府信息的情况 (Art. 32(2))", words: &w[1]
        },
        Part { key: "fees", name: "政府信息公开的收费及减免情况 (Art. 32(3))", words: &w[2] },
        Part {
            key: "review_litigation",
            name: "因政府信息公开申请行政复议、提起行政诉讼的情况 (Art. 32(4))",
            words: &w[3],
        },
        Part {
            key: "problems", name: "政府信息公开工作存在的主要问题及改进情况 (Art. 32(5))", words: &w[4]
        },
    ]
}

fn collect_keys(sections: &[Section], out: &mut Vec<&'static str>) {
    for s in sections {
        if let Some(k) = s.key {
            out.push(k);
        }
        collect_keys(&s.children, out);
    }
}

/// The byte offset of character `pos` of `s` (its length when past the end).
fn byte_at(s: &str, pos: usize) -> usize {
    s.char_indices().nth(pos).map_or(s.len(), |(b, _)| b)
}

/// A statutory part absent (SPEC §6 `SECTION_MISSING`). A part counts as present
/// when the outline keyed a heading for it, when its table was read (2019/2021),
/// or when its words appear after the preamble (the preamble's list of parts
/// does not count). When fewer than half the parts show at all, the outline and
/// the words have failed to see the document's structure (a flattened text with
/// no headings detected, a page that is mostly furniture): claiming that the
/// document lacks them would not be honest, so nothing is flagged.
pub(super) fn sections_present(report: &Report, issues: &mut Vec<Issue>) {
    if report.kind != Kind::AnnualReport {
        return;
    }
    let (parts, template) = match report.template {
        Some(t @ (Template::F2019 | Template::F2021)) => (template_parts(), t),
        Some(Template::Pre2019) => (pre2019_parts(), Template::Pre2019),
        None => return,
    };
    let mut keys = Vec::new();
    collect_keys(&report.sections, &mut keys);
    let body_start =
        report.sections.iter().find(|s| s.key == Some("preamble")).map_or(0, |s| byte_at(&report.text, s.span[1]));
    let body = report.text.get(body_start..).unwrap_or("");
    let t = &report.tables;
    let has_table = |key: &str| match key {
        "proactive" => t.proactive.is_some(),
        "requests" => t.requests.is_some(),
        "review_litigation" => t.review_litigation.is_some(),
        _ => false,
    };
    let absent: Vec<&Part> = parts
        .iter()
        .filter(|p| {
            let keyed = keys.contains(&p.key);
            let tabled = template != Template::Pre2019 && has_table(p.key);
            !keyed && !tabled && !p.words.is_match(body)
        })
        .collect();
    if (parts.len() - absent.len()) * 2 < parts.len() {
        return;
    }
    for p in absent {
        let rule = if template == Template::Pre2019 {
            "Art. 32 of the 2007 Regulation requires"
        } else {
            "the national format requires the section"
        };
        issues.push(issue(
            IssueCode::SectionMissing,
            Severity::Warning,
            Blame::Source,
            format!("{rule} {}, which the report does not have", p.name),
            vec![format!("sections.{}", p.key)],
            None,
            None,
        ));
    }
}

/// A date `YYYY-MM-DD` as `(y, m, d)`.
fn ymd(iso: &str) -> Option<(i32, u32, u32)> {
    let mut it = iso.get(..10)?.split('-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    Some((y, m, d))
}

/// The statutory deadline of the report for `year`, as `(date, rule)`.
///
/// - Reports for 2008–2018 fall under Art. 31 of the 2007 Regulation: every
///   administrative organ publishes by 31 March (DOMAIN §1.1); the level does not matter.
/// - From the 2019 report on (published from 2020) Art. 49 of the 2019
///   Regulation applies (DOMAIN §1.2): departments of people's governments at
///   county level and above (State Council departments included) by 31 January;
///   the governments' own reports (province, city, county; a zone's 管委会
///   reads as its government) by 31 March.
/// - Townships (乡镇, 街道) and bodies of unknown level: Art. 49 names no date for
///   them (local rules set their own, e.g. Huaihua's), so no deadline is claimed.
/// - Before 2008 there was no statutory annual report.
fn deadline(year: i32, level: Option<&str>) -> Option<((i32, u32, u32), &'static str)> {
    match year {
        ..=2007 => None,
        2008..=2018 => Some(((year + 1, 3, 31), "31 March (Art. 31 of the 2007 Regulation)")),
        _ => match level? {
            "department" | "national" => {
                Some(((year + 1, 1, 31), "31 January for a government department (Art. 49 of the 2019 Regulation)"))
            }
            "province" | "city" | "county" => Some((
                (year + 1, 3, 31),
                "31 March for a people's government's own report (Art. 49 of the 2019 Regulation)",
            )),
            _ => None,
        },
    }
}

fn as_number((y, m, d): (i32, u32, u32)) -> f64 {
    f64::from(y) * 10000.0 + f64::from(m) * 100.0 + f64::from(d)
}

/// `LATE_PUBLICATION` (info): published after the statutory deadline. `expected`
/// and `actual` are the deadline and the publication date as numbers `YYYYMMDD`.
/// "3月31日前" is read as "by 31 March": a report dated that day is on time.
pub(super) fn publication_deadline(report: &Report, issues: &mut Vec<Issue>) {
    if report.kind != Kind::AnnualReport {
        return;
    }
    let (Some(year), Some(published)) = (report.year, report.published.as_deref()) else { return };
    let Some(date) = ymd(published) else { return };
    let Some((due, rule)) = deadline(year, report.admin_level) else { return };
    if date <= due {
        return;
    }
    issues.push(issue(
        IssueCode::LatePublication,
        Severity::Info,
        Blame::Source,
        format!(
            "the report for {year} was published on {published}, after the deadline {:04}-{:02}-{:02}: {rule}",
            due.0, due.1, due.2
        ),
        Vec::new(),
        Some(as_number(due)),
        Some(as_number(date)),
    ));
}

/// The statistics period sentence (`本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止`).
static PERIOD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"统计(?:期限|时限|时间|区间|周期|范围)[^。；;\n]{0,60}").expect("period regex"));
static DIGIT_RUN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[0-9]+").expect("digits regex"));

/// The years the first statistics period names (damaged copies such as
/// `自2013月1日起至2013年12月31日` still show theirs): `(first, last)`.
fn period_years(text: &str) -> Option<(i32, i32)> {
    let sentence = PERIOD.find(text)?.as_str();
    let years: Vec<i32> = DIGIT_RUN
        .find_iter(sentence)
        .filter(|m| m.len() == 4)
        .filter_map(|m| m.as_str().parse::<i32>().ok())
        .filter(|y| (1990..=2100).contains(y))
        .collect();
    Some((*years.iter().min()?, *years.iter().max()?))
}

/// `YEAR_MISMATCH`: the title's year outside the statistics period.
/// `expected` is the title's year, `actual` the last year of the period.
pub(super) fn year_of_period(report: &Report, issues: &mut Vec<Issue>) {
    if matches!(report.kind, Kind::Other | Kind::Compilation) {
        return;
    }
    let Some(title_year) = report.title.as_deref().and_then(meta::year_in_title) else { return };
    let Some((first, last)) = period_years(&report.text) else { return };
    if (first..=last).contains(&title_year) {
        return;
    }
    let period = if first == last { first.to_string() } else { format!("{first}–{last}") };
    issues.push(issue(
        IssueCode::YearMismatch,
        Severity::Warning,
        Blame::Source,
        format!("the title names {title_year} but the statistics period covers {period}"),
        Vec::new(),
        Some(f64::from(title_year)),
        Some(f64::from(last)),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_by_year_and_level() {
        assert_eq!(deadline(2009, Some("township")).map(|d| d.0), Some((2010, 3, 31)));
        assert_eq!(deadline(2018, None).map(|d| d.0), Some((2019, 3, 31)));
        assert_eq!(deadline(2019, Some("department")).map(|d| d.0), Some((2020, 1, 31)));
        assert_eq!(deadline(2021, Some("national")).map(|d| d.0), Some((2022, 1, 31)));
        assert_eq!(deadline(2023, Some("county")).map(|d| d.0), Some((2024, 3, 31)));
        assert_eq!(deadline(2023, Some("province")).map(|d| d.0), Some((2024, 3, 31)));
        assert_eq!(deadline(2023, Some("township")), None);
        assert_eq!(deadline(2023, None), None);
        assert_eq!(deadline(2007, Some("county")), None);
    }

    #[test]
    fn period_years_of_whole_and_damaged_sentences() {
        assert_eq!(period_years("本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。"), Some((2021, 2021)));
        assert_eq!(period_years("统计期限自2013月1日起至2013年12月31日。"), Some((2013, 2013)));
        assert_eq!(period_years("统计期限从2019年1月1日到12月31日止"), Some((2019, 2019)));
        assert_eq!(period_years("统计期限自2020年5月15日起至2021年5月14日止"), Some((2020, 2021)));
        assert_eq!(period_years("统计表 指标名称 2012年度"), None);
        assert_eq!(period_years("统计期限为全年。2019年"), None);
    }

    #[test]
    fn pre2019_fee_words_skip_fee_items_published_proactively() {
        let fees = &PRE2019_WORDS[2];
        assert!(!fees.is_match("价格和收费信息3条。推进价格和收费信息公开。收费标准"));
        assert!(fees.is_match("四、收费及减免情况 无收费及减免情况。"));
        assert!(fees.is_match("全年我镇未进行过政府信息公开收费。"));
        assert!(fees.is_match("未收取任何费用"));
    }
}
