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
    if !prints_tables && lists_reports(text, sections) {
        return Kind::Other;
    }
    if let Some(full) = title {
        let t = crate::meta::subject(full);
        if other_document(t) || announces(full, t, text, sections, prints_tables) {
            return Kind::Other;
        }
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
    // Without a telling title, the opening of the text stands in for it: its first line may
    // name a document of another kind (`上海市某区卫生健康委员会政府信息公开指南`).
    let first_line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    if title.is_none() && first_line.chars().count() <= 60 && other_document(first_line) {
        return Kind::Other;
    }
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

/// How many lines naming reports a page listing them holds at least (`2024-03-28某某区人民政府2023年
/// 政府信息公开工作年度报告` …), among its first [`LISTING_LINES`].
const LISTED_REPORTS: usize = 3;
const LISTING_LINES: usize = 80;

/// Whether the text is a list of reports (a site's column page, an index of a year's reports):
/// three lines or more each naming a report of its own year (no sentence, no label's value), no
/// two alike, and none of a report's statutory parts (a compilation of reports has them).
fn lists_reports(text: &str, sections: &[Section]) -> bool {
    if statutory_parts(sections) > 0 {
        return false;
    }
    let mut named: Vec<&str> = Vec::new();
    for line in text.lines().take(LISTING_LINES).map(str::trim) {
        // (A line naming a report, not a sentence or a label's value: `现将…年度报告予以公布，详见
        // 附件。`, `附件：…年度报告.pdf`.)
        let names = line.chars().count() <= 80
            && !line.contains(['，', '。', '：', ':', ',', '；'])
            && has_any(line, &["工作年度报告", "工作年报"])
            && crate::meta::year_in_title(line).is_some();
        if names && !named.contains(&line) {
            named.push(line);
        }
    }
    named.len() >= LISTED_REPORTS
}

/// Kinds of document a title may end with that are no report, though they speak of reports:
/// `…关于做好2021年政府信息公开工作年度报告编制发布工作的通知`, `…年度报告评查情况的通报`,
/// `…政府信息公开指南`, `…政府信息公开目录`, a site's column of them (`…年度报告专栏`), a plan
/// for the year (`…2024年政务公开工作要点`, `…工作计划`, `…实施方案`).
const OTHER_DOCUMENT_ENDS: &[&str] = &[
    "通知",
    "通报",
    "指南",
    "目录",
    "答复书",
    "告知书",
    "意见",
    "批复",
    "专栏",
    "工作要点",
    "工作计划",
    "工作方案",
    "实施方案",
];

/// Verbs with which a notice carries the report itself (`关于印发某县2019年政府信息公开工作年度报告的通知`).
const TRANSMITTING: &[&str] = &["印发", "公布", "发布", "报送", "转发", "上报"];

/// Whether a title names a document of another kind ([`OTHER_DOCUMENT_ENDS`]), not one carrying
/// a report ([`TRANSMITTING`]).
fn other_document(title: &str) -> bool {
    let t = title.trim_end_matches(['）', ')', ' ']);
    OTHER_DOCUMENT_ENDS.iter().any(|w| t.ends_with(w))
        && !(has_any(t, TRANSMITTING) && has_any(t, ANNUAL_WORDS) && !has_any(t, &["工作的通知", "做好"]))
}

/// Longest body of a cover letter that only announces its document (`现将《…年度报告》予以公布，
/// 全文详见附件。`): a report runs longer.
const ANNOUNCEMENT_CHARS: usize = 800;

/// Whether a notice publishing a report (`关于公布…年度报告的公告`, its subject `t` the report) only
/// announces it: a short body with none of the report's parts or tables (the report is an attachment).
fn announces(full: &str, t: &str, text: &str, sections: &[Section], prints_tables: bool) -> bool {
    // (A letter sending its report up, `关于报送《…》的函`, is read as the report it sends.)
    let full = full.trim();
    t.len() != full.len()
        && has_any(full, &["公布", "发布"])
        && ["公告", "通告", "通知"].iter().any(|w| full.ends_with(w))
        && !prints_tables
        && statutory_parts(sections) == 0
        && text.chars().nth(ANNOUNCEMENT_CHARS).is_none()
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
///
/// Parts start at part marks (`第一篇`), or, without them, at the titles of two or more annual
/// reports pasted one after another (`某局2022年政府信息公开工作年度报告` … `某某局2022年…`): each a
/// line of its own, no two alike, each followed by a report's body ([`PART_BODY`]).
pub fn compilation_parts(text: &str) -> Option<Vec<std::ops::Range<usize>>> {
    let mut starts: Vec<usize> = PART_MARK.find_iter(text).map(|m| m.start()).collect();
    if starts.len() < 2 {
        starts = report_title_lines(text);
    }
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

/// Fewest characters a pasted report runs to after its title, the proactive disclosure named in it.
const PART_BODY: usize = 200;

/// Where the titles of distinct annual reports stand as lines of their own, when there are two or
/// more and each is followed by a report's body; else none. (A title repeated, a page's running
/// header, starts nothing; a line `附件2` right before a title starts its part.)
fn report_title_lines(text: &str) -> Vec<usize> {
    let mut titles: Vec<(usize, String)> = Vec::new();
    let mut prev_line: Option<(usize, &str)> = None;
    let mut at = 0usize;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        let n = t.chars().count();
        let title = (10..=60).contains(&n)
            && !t.contains(['，', '。', '；', '：', ':', '《', '》', '>'])
            && has_any(t, DISCLOSURE_WORDS)
            && has_any(t, &["年度报告", "年报"])
            && crate::meta::year_in_title(t).is_some();
        if title {
            // (Told apart by agency and year: a running header worded otherwise than the title
            // names the same report.)
            let name: String = t.chars().filter(|c| !c.is_whitespace()).collect();
            let key = format!("{:?}{:?}", crate::meta::agency_from_title(&name), crate::meta::year_in_title(&name));
            if !titles.iter().any(|(_, k)| *k == key) {
                // (`附件2` / `某局…年度报告`: the part starts with its attachment line.)
                let start = match prev_line {
                    Some((p, l)) if l.trim().starts_with("附件") && l.trim().chars().count() <= 6 => p,
                    _ => at,
                };
                titles.push((start, key));
            }
        }
        if !t.is_empty() {
            prev_line = Some((at, line));
        }
        at += line.len();
    }
    if titles.len() < 2 {
        return Vec::new();
    }
    let starts: Vec<usize> = titles.into_iter().map(|(s, _)| s).collect();
    let bodies = starts.iter().enumerate().all(|(k, &s)| {
        let e = starts.get(k + 1).copied().unwrap_or(text.len());
        let part = &text[s..e];
        part.chars().count() >= PART_BODY && part.contains("主动公开")
    });
    if bodies {
        starts
    } else {
        Vec::new()
    }
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
    fn a_list_of_reports_is_none() {
        let list = "政府信息公开年报\n2024-03-28某某区人民政府2023年政府信息公开工作年度报告\n\
                    2024-01-31某某区财政局2023年政府信息公开工作年度报告\n\
                    2023-03-30某某区人民政府2022年政府信息公开工作年度报告\n共3页 首页 下一页";
        assert_eq!(kind(Some("政府信息公开年报"), list, &[], false), Kind::Other);
        // Two lines: a report and its link to last year's.
        let two = list.lines().take(3).collect::<Vec<_>>().join("\n");
        assert_eq!(kind(Some("政府信息公开年报"), &two, &[], false), Kind::AnnualReport);
        assert_eq!(kind(Some("2022年度政府信息公开工作年度报告专栏"), "", &[], false), Kind::Other);
        // A page sending its report as an attachment names it in sentences and a label: a report.
        let sent = "某局2023年政府信息公开工作年度报告\n现将某局2023年政府信息公开工作年度报告予以公布，详见附件。\n\
                    附件：某局2023年政府信息公开工作年度报告.pdf";
        assert_eq!(kind(Some("某局2023年政府信息公开工作年度报告"), sent, &[], false), Kind::AnnualReport);
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

    #[test]
    fn compilation_parts_split_at_distinct_report_titles() {
        let body = "一、主动公开政府信息情况\n全年主动公开政府信息120条。".repeat(12);
        let two = format!(
            "甲县财政局2022年政府信息公开工作年度报告\n{body}\n附件2\n乙县民政局2022年政府信息公开工作年度报告\n{body}"
        );
        let parts = compilation_parts(&two).unwrap();
        assert_eq!(parts.len(), 2);
        assert!(two[parts[1].clone()].starts_with("附件2"));
        // One report's title repeated (a running header, worded otherwise) starts no part.
        let one = format!(
            "甲县财政局2022年政府信息公开工作年度报告\n{body}\n甲县财政局2022年度政府信息公开工作年度报告\n{body}"
        );
        assert!(compilation_parts(&one).is_none());
        // Nor do titles without a report's body after each (a list of links).
        let links =
            format!("甲县财政局2022年政府信息公开工作年度报告\n乙县民政局2022年政府信息公开工作年度报告\n{body}");
        assert!(compilation_parts(&links).is_none());
    }
}
