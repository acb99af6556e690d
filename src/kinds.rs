//! What kind of document this is (SPEC §2 `kind`) and which national template an
//! annual report follows (`template`, DOMAIN §1.4, §12.3); compilations of
//! several documents (`第一篇 … 第五篇`) are split into parts.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Kind, Section, Template};

/// Title words of a self-inspection report (政务公开自查报告).
const SELF_INSPECTION_WORDS: &[&str] = &["自查报告", "自查情况", "自检自查", "自查自纠", "自评报告"];
/// Title words of an annual report, with one of the disclosure words below
/// (`…政府信息公开年度报告`, `…2011年度政府信息公开报告`).
const ANNUAL_WORDS: &[&str] = &["年度报告", "年报", "工作报告", "公开报告"];
/// Title words of a report on the year's work points, a work summary whatever its
/// body (`…2018年政务公开工作要点落实情况`, `关于2015年政府信息公开工作要点落实情况的函`).
const WORK_POINTS_WORDS: &[&str] = &["要点落实情况", "工作要点落实", "要点完成情况"];
const DISCLOSURE_WORDS: &[&str] = &["政府信息公开", "信息公开", "政务公开", "工作公开"];
/// Title words of a work summary.
const SUMMARY_WORDS: &[&str] = &["总结", "工作情况", "工作汇报", "情况报告", "报告"];

/// Table labels of the 2021 format (DOMAIN §3.1, §12.3).
const LABELS_2021: &[&str] = &[
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年处理决定数量",
    "本年收费金额",
    "逾期不补正",
    "逾期未按收费通知",
];
/// Table labels of the 2019 format (DOMAIN §3.2, §12.3).
const LABELS_2019: &[&str] = &[
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "本年增／减",
    "第二十条第（九）项",
    "第二十条第(九)项",
];
/// Signs of the 2019/2021 structure without telling which (DOMAIN §2).
const LABELS_POST2019: &[&str] = &["第二十条第", "收到和处理政府信息公开申请", "本年新收政府信息公开申请数量"];

/// Statutory section keys that make a body an annual report.
const STATUTORY_KEYS: &[&str] = &["proactive", "requests", "fees", "review_litigation", "problems", "consultation"];

fn has_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

/// Words looked for in a whole text, each with its `memmem` searcher built once: about
/// half the instructions of `str::contains`, which sets a searcher up on every call (and
/// falls back to Two-Way for a word over 32 bytes, most of the long labels below).
struct Finders(Vec<memchr::memmem::Finder<'static>>);

impl Finders {
    fn of(words: &[&'static str]) -> Finders {
        Finders(words.iter().map(|w| memchr::memmem::Finder::new(w.as_bytes())).collect())
    }

    /// [`has_any`] of the words.
    fn any_in(&self, s: &str) -> bool {
        self.0.iter().any(|f| f.find(s.as_bytes()).is_some())
    }
}

static FIND_DISCLOSURE: LazyLock<Finders> = LazyLock::new(|| Finders::of(DISCLOSURE_WORDS));
static FIND_GOV_DISCLOSURE: LazyLock<Finders> = LazyLock::new(|| Finders::of(&["政府信息公开"]));
static FIND_2021: LazyLock<Finders> = LazyLock::new(|| Finders::of(LABELS_2021));
static FIND_2019: LazyLock<Finders> = LazyLock::new(|| Finders::of(LABELS_2019));
static FIND_POST2019: LazyLock<Finders> = LazyLock::new(|| Finders::of(LABELS_POST2019));

/// The kind of one document (not a compilation). A cover letter
/// (`关于报送《X》的函`) is of the kind of the document it sends; when its title calls
/// that document a work report (`…政府信息公开工作情况`) and its body has the
/// statutory parts of an annual report, it is one.
///
/// `prints_tables`: the national tables were read (table 3, or tables 2 and 4). A text that names
/// no kind but prints them (a converter that dropped the title and headings, a table tool's cells
/// alone) is an annual report: only those print them.
pub fn kind(title: Option<&str>, text: &str, sections: &[Section], prints_tables: bool) -> Kind {
    if let Some(full) = title {
        let t = crate::meta::subject(full);
        if has_any(t, WORK_POINTS_WORDS) {
            return Kind::WorkSummary;
        }
        if has_any(t, SELF_INSPECTION_WORDS) {
            return Kind::SelfInspection;
        }
        if has_any(t, DISCLOSURE_WORDS) && has_any(t, ANNUAL_WORDS) {
            return Kind::AnnualReport;
        }
        if has_any(t, DISCLOSURE_WORDS) && has_any(t, SUMMARY_WORDS) {
            let sent = t.len() != full.trim().len();
            // `某局关于2023年度政府信息公开工作情况的报告`: a report on a year, not a summary.
            let year_report = t.contains("报告") && !t.contains("总结") && crate::meta::year_in_title(t).is_some();
            if (sent || year_report) && statutory_parts(sections) >= 2 {
                return Kind::AnnualReport;
            }
            return Kind::WorkSummary;
        }
    }
    // Without a telling title, the opening of the text stands in for it.
    let head: String = text.chars().take(300).collect();
    if has_any(&head, SELF_INSPECTION_WORDS) {
        return Kind::SelfInspection;
    }
    if has_any(&head, DISCLOSURE_WORDS) && has_any(&head, &["工作年度报告", "年度报告"]) {
        return Kind::AnnualReport;
    }
    if statutory_parts(sections) >= 2 && FIND_GOV_DISCLOSURE.any_in(text) {
        return Kind::AnnualReport;
    }
    if FIND_DISCLOSURE.any_in(text)
        && (head.contains("总结") || head.contains("工作情况") || title.is_some_and(|t| t.contains("总结")))
    {
        return Kind::WorkSummary;
    }
    if prints_tables {
        return Kind::AnnualReport;
    }
    Kind::Other
}

/// How many level-1 sections are statutory parts of an annual report.
fn statutory_parts(sections: &[Section]) -> usize {
    sections.iter().filter(|s| s.key.is_some_and(|k| STATUTORY_KEYS.contains(&k))).count()
}

/// The template of an annual report: labels first, the year as a weak fallback.
pub fn template(kind: Kind, text: &str, year: Option<i32>) -> Option<Template> {
    template_for(kind, text, year, true)
}

/// [`template`] knowing whether the document has a title: a report with neither a
/// title nor a year nor a table label gives no ground for any template (not
/// `pre2019` by default).
pub fn template_for(kind: Kind, text: &str, year: Option<i32>, titled: bool) -> Option<Template> {
    if kind != Kind::AnnualReport {
        return None;
    }
    if FIND_2021.any_in(text) {
        return Some(Template::F2021);
    }
    if FIND_2019.any_in(text) {
        return Some(Template::F2019);
    }
    let by_year = |y: i32| if y >= 2021 { Template::F2021 } else { Template::F2019 };
    if FIND_POST2019.any_in(text) {
        return match year {
            Some(y) => Some(by_year(y)),
            None if titled => Some(Template::F2021),
            None => None,
        };
    }
    match year {
        Some(y) if y >= 2019 => Some(by_year(y)),
        None if !titled => None,
        _ => Some(Template::Pre2019),
    }
}

/// A part marker at a line start: 第一篇, 第2篇.
static PART_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^\s*第[一二三四五六七八九十0-9]{1,3}篇").expect("part regex"));

/// Byte ranges of the documents of a compilation, or `None` when `text` holds one document.
pub fn compilation_parts(text: &str) -> Option<Vec<std::ops::Range<usize>>> {
    let starts: Vec<usize> = PART_MARK.find_iter(text).map(|m| m.start()).collect();
    if starts.len() < 2 {
        return None;
    }
    let mut out = Vec::with_capacity(starts.len());
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(text.len());
        out.push(s..e);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_title() {
        assert_eq!(kind(Some("金华市婺城区琅琊镇2010年政府信息公开工作年度报告"), "", &[], false), Kind::AnnualReport);
        assert_eq!(kind(Some("财金局2016年政府信息公开年度报告"), "", &[], false), Kind::AnnualReport);
        assert_eq!(
            kind(Some("某局关于做好政务公开财政牵头任务落实情况的自查报告"), "", &[], false),
            Kind::SelfInspection
        );
        assert_eq!(kind(Some("某局2010年政务公开工作总结"), "", &[], false), Kind::WorkSummary);
        assert_eq!(kind(None, "xx镇2021年度政务公开工作自查报告 依据…", &[], false), Kind::SelfInspection);
        assert_eq!(kind(Some("关于召开运动会的通知"), "请各单位准时参加。", &[], false), Kind::Other);
        // The national tables alone (a converter dropped the title): an annual report; a title
        // naming another kind still decides.
        assert_eq!(kind(None, "信息内容 本年新制作数量", &[], true), Kind::AnnualReport);
        assert_eq!(kind(Some("某局2010年政务公开工作总结"), "", &[], true), Kind::WorkSummary);
        assert_eq!(kind(Some("某县农业局2011年度政府信息公开报告"), "", &[], false), Kind::AnnualReport);
        assert_eq!(kind(Some("某县海洋与渔业局2011年工作公开年度报告"), "", &[], false), Kind::AnnualReport);
        assert_eq!(kind(Some("某区公安局2018年政务公开工作要点落实情况"), "", &[], false), Kind::WorkSummary);
        assert_eq!(kind(Some("某局关于2015年政府信息公开工作要点落实情况的函"), "", &[], false), Kind::WorkSummary);
        assert_eq!(kind(Some("关于报送《某局2015年政府信息公开年度报告》的函"), "", &[], false), Kind::AnnualReport);
        // A cover letter sending a 工作情况 whose body is an annual report is one; without that body, a summary.
        let part = |key: &'static str| Section {
            key: Some(key),
            heading: String::new(),
            number: None,
            level: 1,
            span: [0, 0],
            children: Vec::new(),
        };
        let parts = [part("proactive"), part("requests"), part("fees"), part("review_litigation")];
        let t = "关于报送《某区公安局2016年 政府信息公开工作情况》的函";
        assert_eq!(kind(Some(t), "", &parts, false), Kind::AnnualReport);
        assert_eq!(kind(Some(t), "", &[], false), Kind::WorkSummary);
    }

    #[test]
    fn templates_by_labels_then_year() {
        assert_eq!(
            template(Kind::AnnualReport, "信息内容 本年制发件数 本年废止件数", Some(2019)),
            Some(Template::F2021)
        );
        assert_eq!(template(Kind::AnnualReport, "第二十条第（九）项 采购项目数量", Some(2021)), Some(Template::F2019));
        assert_eq!(template(Kind::AnnualReport, "一、概述", Some(2012)), Some(Template::Pre2019));
        assert_eq!(
            template(Kind::AnnualReport, "三、收到和处理政府信息公开申请情况", Some(2020)),
            Some(Template::F2019)
        );
        assert_eq!(template(Kind::AnnualReport, "一、总体情况", Some(2022)), Some(Template::F2021));
        assert_eq!(template(Kind::AnnualReport, "一、概述", None), Some(Template::Pre2019));
        assert_eq!(template(Kind::SelfInspection, "本年制发件数", Some(2021)), None);
        // No title, no year: no ground for a template unless the tables' own labels say.
        assert_eq!(template_for(Kind::AnnualReport, "一、概述", None, false), None);
        assert_eq!(template_for(Kind::AnnualReport, "三、收到和处理政府信息公开申请情况", None, false), None);
        assert_eq!(template_for(Kind::AnnualReport, "信息内容 本年制发件数", None, false), Some(Template::F2021));
    }

    #[test]
    fn compilation_parts_split_at_part_marks() {
        let t = "第一篇:乡政务公开年度总结\n正文\n第二篇:某局总结\n正文二";
        let parts = compilation_parts(t).unwrap();
        assert_eq!(parts.len(), 2);
        assert!(t[parts[1].clone()].starts_with("第二篇"));
        assert!(compilation_parts("第一篇 只有一篇").is_none());
    }
}
