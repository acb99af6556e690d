//! Numbers stated in prose → facts with canonical keys (SPEC §5): counts with
//! their units and approximation flags, statements of absence (`未收到…申请`) as
//! negated zeros, and template placeholders (`xx条`) as `PLACEHOLDER` issues.
//!
//! The reading goes text → sentences → clauses → keyed numbers:
//! - Sentences end at `。！？`, at section headings and at tables. A line break
//!   ends one only where the line is complete: PDF text layers and converters
//!   hard-wrap prose mid-phrase and between a number and its unit
//!   (`…主动公开各类政\n府信息 5500 余条`). Whitespace inside a sentence is set
//!   aside before it is read (`申请 12 件`).
//! - Tables are not prose: HTML tables, the tables the table reader placed, lines
//!   of tables printed as text and tables flattened into a line
//!   ([`table_text`]) give no facts.
//! - A number is keyed by the predicate right before it in its clause
//!   ([`grammar`]); parts of a total (`其中…`, `（含…）`, `在…的N条…中`, `…，占27%`)
//!   are not the total; counts about other years or carried over are not this
//!   year's; a statement of absence is scoped to what it negates (`未被复议机关纠错`
//!   says a review happened). Where two readings remain, the document keeps the
//!   one a total must be (the largest of the surest shape) and unkeys the others.
//!
//! Modules by job: `sentences` (text → sentences, the compact copy read), `reader` (a
//! sentence → keyed numbers), `grammar` (the predicate before a number), `negation`
//! (statements of absence), `table_text` (lines that are tables), `placeholders`; this file
//! runs them over the document and reconciles its readings.

mod grammar;
mod negation;
mod placeholders;
mod reader;
mod sentences;
mod table_text;

use negation::{find_negator, find_word, may_negate, NEGATION_REACH, NEGATION_RULES};
use placeholders::placeholders;
use reader::{collect_starts, Carry, Read, Reader};
use sentences::{is_clause_end, segments, Compact};
pub use table_text::text_table_spans;
pub(crate) use table_text::text_table_spans_indexed;

use crate::document::{CharIndex, Document, Span};
use crate::model::{Fact, Issue, Section};

/// Reads the facts and the `PLACEHOLDER` issues of a document whose year is not known.
///
/// `table_spans` are the character spans of the tables read from the text
/// (`report.tables.*.span`); tables printed as text that were not read are found
/// by [`text_table_spans`].
pub fn read_with_issues(doc: &Document, sections: &[Section], table_spans: &[Span]) -> (Vec<Fact>, Vec<Issue>) {
    let mut excluded = table_spans.to_vec();
    excluded.extend(text_table_spans(doc));
    read_report(doc, sections, &excluded, None)
}

/// Reads the facts and the `PLACEHOLDER` issues of a document.
///
/// Nothing inside `excluded` (character spans: tables read from the text, tables
/// printed as text) nor inside an HTML table is prose. `year` is the year the
/// report covers: counts stated for another year get no key.
pub fn read_report(
    doc: &Document,
    sections: &[Section],
    excluded: &[Span],
    year: Option<i32>,
) -> (Vec<Fact>, Vec<Issue>) {
    read(doc, sections, excluded, year, true)
}

/// The `PLACEHOLDER` issues of a document, without reading its facts (a compilation as a
/// whole: its facts are its parts').
pub fn placeholder_issues(doc: &Document, sections: &[Section], excluded: &[Span]) -> Vec<Issue> {
    read(doc, sections, excluded, None, false).1
}

fn read(
    doc: &Document,
    sections: &[Section],
    excluded: &[Span],
    year: Option<i32>,
    with_facts: bool,
) -> (Vec<Fact>, Vec<Issue>) {
    read_indexed(doc, &CharIndex::new(&doc.text), sections, excluded, year, with_facts)
}

/// [`read_report`] (with `with_facts`) or [`placeholder_issues`] (without), with the
/// character index of the text made already.
pub(crate) fn read_indexed(
    doc: &Document,
    idx: &CharIndex<'_>,
    sections: &[Section],
    excluded: &[Span],
    year: Option<i32>,
    with_facts: bool,
) -> (Vec<Fact>, Vec<Issue>) {
    let text = doc.text.as_str();
    // The document's tables are not prose, unless a converter cut prose into one; in a table
    // that holds a whole report (a spreadsheet laid out as one, a page's layout table), its
    // rows of one sentence are.
    let mut spans: Vec<Span> = doc
        .tables
        .iter()
        .filter(|t| !table_text::is_prose_table(t))
        .flat_map(table_text::data_spans)
        .chain(excluded.iter().copied())
        .collect();
    spans.sort_unstable();
    let mut heads = Vec::new();
    collect_starts(sections, &mut heads);
    heads.sort_unstable();
    heads.dedup();
    // Character positions → byte offsets, in one pass.
    let mut wanted: Vec<usize> = spans.iter().flat_map(|s| [s[0], s[1]]).chain(heads.iter().copied()).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let bytes: Vec<usize> = wanted.iter().map(|&c| idx.byte_at(c)).collect();
    let to_byte = |c: usize| wanted.binary_search(&c).map_or(text.len(), |i| bytes[i]);
    let mut excl: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for s in &spans {
        let (a, b) = (to_byte(s[0]), to_byte(s[1]));
        match excl.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => excl.push((a, b)),
        }
    }
    let head_bytes: Vec<usize> = heads.iter().filter(|&&h| h > 0).map(|&h| to_byte(h)).collect();
    let mut reader =
        Reader { text, idx, sections, year, carry: Carry::default(), out: Vec::new(), year_total_stated: false };
    let segs = if with_facts { segments(text, &head_bytes, &excl) } else { Vec::new() };
    for seg in segs {
        if seg.fresh {
            reader.carry = Carry::default();
        }
        reader.sentence(seg.start, seg.end);
    }
    let mut facts = reader.out;
    reconcile(&mut facts);
    let in_table = |byte: usize| {
        let i = excl.partition_point(|e| e.1 <= byte);
        excl.get(i).is_some_and(|e| e.0 <= byte)
    };
    let issues = placeholders(text, idx, &in_table);
    (facts.into_iter().map(|r| r.fact).collect(), issues)
}

/// `h.find(w)` without the searcher `find` sets up for each word, for the short pieces
/// of a sentence the readers search: candidates by the word's last byte (the least
/// frequent in Han text: a lead byte is shared by thousands of characters), each checked
/// whole. A match of a whole word starts on a character (UTF-8 is self-synchronising).
fn find_short(h: &str, w: &str) -> Option<usize> {
    let (hb, wb) = (h.as_bytes(), w.as_bytes());
    let Some(&last) = wb.last() else { return Some(0) };
    let n = wb.len();
    let mut from = n - 1;
    while from < hb.len() {
        let end = from + memchr::memchr(last, &hb[from..])?;
        let start = end + 1 - n;
        if &hb[start..=end] == wb {
            return Some(start);
        }
        from = end + 1;
    }
    None
}

/// `h.contains(w)` by [`find_short`].
fn has(h: &str, w: &str) -> bool {
    find_short(h, w).is_some()
}

/// The first `n` characters of `s` (a bounded look ahead).
fn near_head(s: &str, n: usize) -> &str {
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// The last `n` characters of `s` (a bounded look back).
fn near_tail(s: &str, n: usize) -> &str {
    let start = s.char_indices().rev().take(n).last().map_or(s.len(), |(i, _)| i);
    &s[start..]
}

/// `h.rfind(w)` the way of [`find_short`]: candidates by the word's last byte, from the end.
fn rfind_short(h: &str, w: &str) -> Option<usize> {
    let (hb, wb) = (h.as_bytes(), w.as_bytes());
    let Some(&last) = wb.last() else { return Some(h.len()) };
    let n = wb.len();
    let mut end = hb.len();
    loop {
        let e = memchr::memrchr(last, &hb[..end])?;
        if e + 1 < n {
            return None;
        }
        if &hb[e + 1 - n..=e] == wb {
            return Some(e + 1 - n);
        }
        end = e;
    }
}

// ---------------------------------------------------------------------------
// The document

/// Where a document states a total several times over, its readings must agree.
/// A part is never larger than its total, so among the readings of the surest
/// shape the largest is the total (`2017年全区主动公开政府信息2122条` over a sub-count
/// of one office); readings that disagree with it lose their key. The document
/// contradicts itself, and every reading loses its key, when a weaker shape states
/// more than that total (`2012年主动公开政府信息1913条` against `通过…门户网站公开政府
/// 信息3636条`) or when the total restated as a frame differs (`其中主动公开政府信息26条`
/// against `在主动公开的32条政府信息中`). A statement of absence that a stated count
/// contradicts loses its key too. Before all that, a count of the bodies under a government
/// summed (`全区各部门、各街道…共主动公开政府信息4.7万条`) loses its key where the report states
/// that key of its own body (`区政府本级主动公开政府信息2,136条`).
fn reconcile(facts: &mut [Read]) {
    // A count the report states of its own body (`区政府本级…2,136条`) is its own; the bodies
    // under it summed (`全区各部门、各街道…4.7万条`) are theirs.
    let own: Vec<&'static str> =
        facts.iter().filter(|r| r.scope == reader::Scope::Own).filter_map(|r| r.fact.key).collect();
    for r in facts.iter_mut().filter(|r| r.scope == reader::Scope::Summed) {
        if r.fact.key.is_some_and(|k| own.contains(&k)) {
            r.fact.key = None;
        }
    }
    // Enquiries on a field's own business (`12366纳税服务热线解答涉税咨询3.1万余人次`) yield to
    // the enquiries about disclosure where the report counts those too.
    if facts.iter().any(|r| r.fact.key == Some("consultations") && r.rank > 1) {
        for r in facts.iter_mut().filter(|r| r.fact.key == Some("consultations") && r.rank == 1) {
            r.fact.key = None;
        }
    }
    for key in ["proactive_total", "requests_received"] {
        let of_key = |r: &Read| r.fact.key == Some(key) && !r.fact.negated;
        let Some(best_rank) = facts.iter().filter(|r| of_key(r)).map(|r| r.rank).max() else { continue };
        let total = facts
            .iter()
            .filter(|r| of_key(r) && r.rank == best_rank)
            .map(|r| r.fact.value.as_f64())
            .fold(f64::NEG_INFINITY, f64::max);
        let differs = |v: f64| (v - total).abs() > 1e-9;
        // Counts of the weakest shape (a field's information of the year) are read only where
        // nothing surer is stated, and only where they agree, and none where its sentence counts
        // information put out another way beside it, not as its part (`全年在城厢区人民政府网站公开
        // 信息146条，通过社区公开栏公开信息400余条`: one channel's).
        let beside = |r: &Read| {
            facts.iter().any(|q| {
                q.fact.key.is_none()
                    && q.fact.sentence == r.fact.sentence
                    && q.fact.span != r.fact.span
                    && has(&q.fact.label, "信息")
                    && ["公开", "发布", "推送", "公布"].iter().any(|w| has(&q.fact.label, w))
                    && !has(&q.fact.label, "其中")
            })
        };
        let weakest_disagree =
            best_rank == 0 && facts.iter().any(|r| of_key(r) && (differs(r.fact.value.as_f64()) || beside(r)));
        let contradicted = weakest_disagree
            || facts.iter().any(|r| {
                let v = r.fact.value.as_f64();
                // (A weaker count summed over the bodies under a government is theirs: no contradiction.)
                let summed = r.scope == reader::Scope::Summed;
                let weakest = r.rank == 0;
                (of_key(r) && r.rank < best_rank && v > total + 1e-9 && !summed && !weakest)
                    || (r.frame == Some(key) && differs(v))
            });
        for r in facts.iter_mut().filter(|r| of_key(r)) {
            if contradicted || differs(r.fact.value.as_f64()) {
                r.fact.key = None;
            }
        }
    }
    let mut counted: Vec<&'static str> = Vec::new();
    for r in facts.iter().filter(|r| !r.fact.negated && r.fact.value.as_f64() > 0.0) {
        if let Some(k) = r.fact.key.filter(|k| !counted.contains(k)) {
            counted.push(k);
        }
    }
    for r in facts.iter_mut().filter(|r| r.fact.negated) {
        if r.fact.key.is_some_and(|k| counted.contains(&k)) {
            r.fact.key = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::negation::{NEGATORS, NEGATOR_STARTS};
    use super::*;
    use crate::document::{Format, RawBlock, RawDocument};
    use crate::model::{Blame, IssueCode, Number, Severity};

    fn facts_of(text: &str) -> Vec<Fact> {
        let raw = RawDocument { blocks: vec![RawBlock::Paragraph(text.to_string())], ..Default::default() };
        let doc = Document::assemble(raw, Format::Text);
        read_with_issues(&doc, &[], &[]).0
    }

    fn keyed(text: &str) -> Vec<(&'static str, f64, bool, bool)> {
        facts_of(text).into_iter().filter_map(|f| Some((f.key?, f.value.as_f64(), f.approx, f.negated))).collect()
    }

    fn pairs(text: &str) -> Vec<(&'static str, f64)> {
        keyed(text).into_iter().map(|(k, v, _, _)| (k, v)).collect()
    }

    #[test]
    fn short_searches_agree_with_str() {
        let hay = ["", "申请", "依申请公开申请", "未收到申请。申请人", "累计总计累计", "aab申请ab", "申申请请"];
        let words = ["申请", "申", "请", "累计", "ab", "b", "申请人", "x"];
        for h in hay {
            for w in words {
                assert_eq!(find_short(h, w), h.find(w), "{h} {w}");
                assert_eq!(rfind_short(h, w), h.rfind(w), "{h} {w}");
                assert_eq!(has(h, w), h.contains(w), "{h} {w}");
            }
        }
    }

    #[test]
    fn may_negate_is_the_plain_test() {
        // Every line of the prose shapes and of the real reports' texts, and each cut short.
        let mut lines: Vec<String> = Vec::new();
        for dir in ["tests/data", "tests/data/real"] {
            let Ok(entries) = std::fs::read_dir(dir) else { continue };
            for e in entries.flatten() {
                if let Ok(t) = std::fs::read_to_string(e.path()) {
                    lines.extend(t.lines().map(str::to_string));
                }
            }
        }
        assert!(lines.len() > 100, "test texts found");
        for line in &lines {
            for s in [line.as_str(), &line[..line.char_indices().nth(3).map_or(line.len(), |(i, _)| i)]] {
                let plain = s.contains(NEGATOR_STARTS) || s.contains("为零") || s.contains("为0");
                assert_eq!(may_negate(s), plain, "{s}");
            }
        }
    }

    #[test]
    fn negator_starts_cover_every_negator() {
        for n in NEGATORS {
            assert!(NEGATOR_STARTS.iter().any(|&c| n.starts_with(c)), "{n}");
            assert!(may_negate(&format!("本年度{n}收到申请")));
        }
    }

    #[test]
    fn counts_with_keys() {
        let cases: &[(&str, &[(&str, f64)])] = &[
            ("2021年主动公开政府信息198条。", &[("proactive_total", 198.0)]),
            (
                "共受理政府信息公开申请859件，其中不予公开35件，占4.34%。",
                &[("requests_received", 859.0), ("requests_denied", 35.0)],
            ),
            ("共收到申请2件，其中公开答复1件。", &[("requests_received", 2.0), ("requests_granted", 1.0)]),
            ("因政府信息公开引发的行政复议36起，行政诉讼9起。", &[("reviews", 36.0), ("lawsuits", 9.0)]),
            ("信息公开类行政复议7件，诉讼9件。", &[("reviews", 7.0), ("lawsuits", 9.0)]),
            (
                "开展信息公开业务集中培训2次,培训人员达到116人次。",
                &[("training_sessions", 2.0), ("training_attendees", 116.0)],
            ),
            ("2011年我区共举行3次新闻发布活动。", &[("press_conferences", 3.0)]),
            ("政府信息公开专栏访问量达72065人次。", &[("site_visits", 72065.0)]),
            ("实际收取信息处理费共计1.5万元。", &[("fees_yuan", 15000.0)]),
            ("接待群众咨询120余次。", &[("consultations", 120.0)]),
            ("收到有关政府信息公开的投诉3件。", &[("complaints", 3.0)]),
            // 宗 (cases), as Guangdong's reports count requests and reviews; 例.
            (
                "全年共受理政府信息公开申请12宗，其中不予公开2宗。",
                &[("requests_received", 12.0), ("requests_denied", 2.0)],
            ),
            ("因政府信息公开引起的行政复议2宗、行政诉讼1例。", &[("reviews", 2.0), ("lawsuits", 1.0)]),
            // One of table 4's two groups of lawsuits is not all of them.
            ("因政府信息公开引起的行政复议3宗；复议后起诉的行政诉讼零宗。", &[("reviews", 3.0)]),
            ("政府信息公开方面未经复议直接起诉的行政诉讼12件。", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(&pairs(text), want, "{text}");
        }
    }

    #[test]
    fn counts_under_a_label_and_reviews_after_the_outcomes_of_requests() {
        // A receiving verb alone, after a label naming the requests and its colon.
        assert_eq!(pairs("受理申请情况：共受理12件；其中当面申请2件。"), vec![("requests_received", 12.0)]);
        assert_eq!(pairs("依申请公开情况：全年收到8件，均已按时答复。"), vec![("requests_received", 8.0)]);
        assert_eq!(pairs("政府信息公开申请：本年度共收到5件。"), vec![("requests_received", 5.0)]);
        // Not another kind of application, nor a label that names no requests, nor a count
        // after another in its clause.
        assert!(pairs("行政复议申请情况：共受理36件。").is_empty());
        assert!(pairs("来信来访情况：共受理45件。").is_empty());
        assert!(pairs("受理申请情况：网上3件，共受理12件。").is_empty());
        // Reviews and lawsuits in a sentence whose outcomes of requests tie it to disclosure.
        assert_eq!(
            pairs("办理结果：同意公开7件，不予公开1件；行政复议1件，行政诉讼0件。"),
            vec![("requests_granted", 7.0), ("requests_denied", 1.0), ("reviews", 1.0), ("lawsuits", 0.0)]
        );
        // One outcome is no such tie; nor are reviews counted before the outcomes.
        assert!(!pairs("全年同意公开7件；办理行政复议案件36件。").iter().any(|p| p.0 == "reviews"));
        assert!(!pairs("办理行政复议案件36件，同意公开7件，不予公开1件。").iter().any(|p| p.0 == "reviews"));
    }

    #[test]
    fn an_outcome_in_the_clause_after_its_count() {
        assert_eq!(
            pairs("全年收到信息公开申请2件，均已按期答复。其中，对申请公开某工程资金来源的1件，予以公开；对申请查询他人缴费记录的1件，因涉及个人信息，不予公开。"),
            vec![("requests_received", 2.0), ("requests_granted", 1.0), ("requests_denied", 1.0)]
        );
        // Not outside a sentence about requests, nor past a clause that counts, nor a reason
        // that is a clause of numbers.
        assert!(pairs("对辖区内的企业3家，予以公开表扬。").is_empty());
        assert!(!pairs("收到申请2件，对申请人的1件，经核实有3项，不予公开。").iter().any(|p| p.0 == "requests_denied"));
    }

    #[test]
    fn a_training_held_as_a_meeting() {
        assert_eq!(
            pairs("举办全市政务公开培训视频会议1次，市、县两级部门约300人参加。"),
            vec![("training_sessions", 1.0), ("training_attendees", 300.0)]
        );
        assert_eq!(pairs("召开信息公开培训会议2次。"), vec![("training_sessions", 2.0)]);
        assert!(pairs("召开政务公开工作会议2次。").is_empty());
    }

    #[test]
    fn cumulative_and_yearly_proactive() {
        let got = pairs("截止到2011年12月31日,我区累计主动公开政府信息数量达75646条,2011年度新增主动公开政府信息10759条,其中:概况信息数量113条。");
        assert_eq!(got, vec![("proactive_cumulative", 75646.0), ("proactive_total", 10759.0)]);
        let got = keyed("2025年，通过实验区政府门户网站累计主动公开政府信息7700余条。");
        assert_eq!(got, vec![("proactive_total", 7700.0, true, false)]);
        // A `累计` count whose part is the year's own: to date.
        let got = pairs("2022年，我局累计主动公开政府信息一万二千三百零四条，其中本年度主动公开政府信息 1234 条。");
        assert_eq!(got, vec![("proactive_cumulative", 12304.0), ("proactive_total", 1234.0)]);
        let got = pairs("全年累计主动公开政府信息1234条，其中规范性文件12条。");
        assert_eq!(got, vec![("proactive_total", 1234.0)]);
        // A count to date of anything but the proactive total is not the year's.
        assert!(pairs("自2008年以来累计受理申请326件，网站开通以来累计访问量达500万人次。").is_empty());
        assert_eq!(pairs("2014年共受理政府信息公开申请58件。"), vec![("requests_received", 58.0)]);
    }

    #[test]
    fn a_fields_information_of_the_year_only_where_nothing_surer_is_said() {
        let total =
            |t: &str| pairs(t).into_iter().filter(|p| p.0 == "proactive_total").map(|p| p.1).collect::<Vec<_>>();
        assert_eq!(total("全年主动公开涉税信息612条，其中税收政策法规215条。"), vec![612.0]);
        assert_eq!(total("全年共公开校务信息453条，其中通过校务公开栏发布148条。"), vec![453.0]);
        assert_eq!(total("全年在厅门户网站公开各类信息1894条。"), vec![1894.0]);
        assert_eq!(total("主动公开机构职能、工作动态、典型案例等信息986条。"), vec![986.0]);
        // One kind of information, or no word of the year: not the total.
        assert!(total("全年主动公开采购信息25条。").is_empty());
        assert!(total("主动公开涉税信息612条。").is_empty());
        assert!(total("全年发布停限电信息326条。").is_empty());
        assert!(total("全年发布各类信息4610条。").is_empty());
        // A surer statement wins; two of the weakest that differ say nothing.
        assert_eq!(total("全年主动公开政府信息700条。全年主动公开涉税信息612条。"), vec![700.0]);
        assert_eq!(total("全年主动公开政府信息500条。全年主动公开涉税信息612条。"), vec![500.0]);
        assert!(total("全年主动公开涉税信息612条。全年在门户网站公开各类信息700条。").is_empty());
        assert!(total("全年在城厢区人民政府网站公开信息146条，通过社区公开栏公开信息400余条。").is_empty());
        assert_eq!(total("全年通过局门户网站公开信息1832条，其中公开政策文件信息38条。"), vec![1832.0]);
        // The bodies under it summed are theirs where the report states its own.
        assert_eq!(total("我局主动公开政府信息312条。局属6个国土资源分局共公开信息430条。"), vec![312.0]);
    }

    #[test]
    fn statements_of_absence() {
        let cases: &[(&str, &[&str])] = &[
            ("本年度我区未收到政府信息公开申请。", &["requests_received"]),
            ("2021年，我镇没有依申请公开政府信息申请事项。", &["requests_received"]),
            ("本年度我区没有发生因政府信息公开引发的行政复议和行政诉讼事件。", &["reviews", "lawsuits"]),
            ("无收费及减免情况。", &["fees_yuan"]),
            ("2023年，无收取信息处理费情况。", &["fees_yuan"]),
            ("目前全区各公开单位均未对依申请提供政府公开信息进行收费。", &["fees_yuan"]),
            ("未收到有关政府信息公开行政复议申请。", &["reviews"]),
            ("未收取任何费用。", &["fees_yuan"]),
            ("没有发生有关政府信息公开事务的举报、投诉、行政复议、行政诉讼。", &["reviews", "lawsuits", "complaints"]),
            ("无法提供的信息已说明理由。", &[]),
            ("无论申请人是否付费。", &[]),
        ];
        for (text, want) in cases {
            let got = keyed(text);
            assert!(got.iter().all(|(_, v, _, neg)| *v == 0.0 && *neg), "{text}: {got:?}");
            let mut keys: Vec<&str> = got.iter().map(|x| x.0).collect();
            let mut want = want.to_vec();
            keys.sort_unstable();
            want.sort_unstable();
            assert_eq!(keys, want, "{text}");
        }
    }

    #[test]
    fn spans_point_at_the_number() {
        let text = "一、总体情况 我局主动公开政府信息１９８条。";
        let facts = facts_of(text);
        let f = facts.iter().find(|f| f.key == Some("proactive_total")).unwrap();
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[f.span[0]..f.span[1]].iter().collect::<String>(), "１９８");
        assert_eq!(f.value, Number::Int(198));
        assert_eq!(f.sentence, text.trim_end_matches('。'));
    }

    #[test]
    fn spaced_and_wrapped_numbers_keep_their_spans() {
        // A PDF text layer: the phrase and the number wrap over lines.
        let text = "（一）主动公开情况。2024 年，市政府网站主动公开各类政府信息 5500 余条，全年新增公开规章 1 件、文件\n11 件。\n2024 年，全市共受理政府信息公开申请 3119 件，答\n复 3050 件。";
        let doc = Document::assemble(
            RawDocument { blocks: vec![RawBlock::Paragraph(text.into())], ..Default::default() },
            Format::Text,
        );
        let facts = read_with_issues(&doc, &[], &[]).0;
        let chars: Vec<char> = text.chars().collect();
        let ev = |f: &Fact| chars[f.span[0]..f.span[1]].iter().collect::<String>();
        let p = facts.iter().find(|f| f.key == Some("proactive_total")).expect("proactive");
        assert_eq!((p.value.as_f64(), p.approx, ev(p).as_str()), (5500.0, true, "5500"));
        let r = facts.iter().find(|f| f.key == Some("requests_received")).expect("requests");
        assert_eq!((r.value.as_f64(), ev(r).as_str()), (3119.0, "3119"));
        assert_eq!(facts.iter().filter(|f| f.key.is_some()).count(), 2, "{facts:?}");
    }

    #[test]
    fn placeholders_give_issues_not_facts() {
        let raw = RawDocument {
            blocks: vec![RawBlock::Paragraph("xxxx年我乡主动公开政府信息xx条，其中×××同志负责。".into())],
            ..Default::default()
        };
        let doc = Document::assemble(raw, Format::Text);
        let (facts, issues) = read_with_issues(&doc, &[], &[]);
        assert!(facts.iter().all(|f| f.key != Some("proactive_total")), "{facts:?}");
        assert_eq!(issues.len(), 1);
        assert_eq!(
            (issues[0].code, issues[0].severity, issues[0].blame),
            (IssueCode::Placeholder, Severity::Warning, Blame::Source)
        );
        assert_eq!(issues[0].actual, Some(Number::Int(3)));
    }

    #[test]
    fn table_sentences_are_skipped() {
        let got = keyed(
            "三、收到和处理政府信息公开申请情况 申请人情况 自然人 商业企业 一、本年新收政府信息公开申请数量 713000074",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn text_table_rows_give_no_facts() {
        // Rows of tables printed as text, as DOMAIN §8.2/§8.3 describes them.
        let tables = [
            "4.无正当理由大量反复申请\n0\n0\n0\n0\n0\n0\n0",
            "4.无正当理由大量反复申请 0 0 0 0 0 0 0",
            "| 4.无正当理由大量反复申请 | | | | | | | |",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 2 0 0 0 0 0 2",
            "| （六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 1 | | | | | | 1 |",
            "|---|---|---|",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 3 0 0 0 0 0 3",
            "5.属于三类内部事务信息 1 0 0 0 0 0 1\n6.属于四类过程性信息 2 0 0 0 0 0 2",
            "3.危及“三安全一稳定” 0 0 0 0 0 0 0",
            "商业 科研 社会公益组织 法律服务机构 其他\n企业 机构",
            "未经复议直接起诉",
            "行政复议 行政诉讼\n结果 结果 其他 尚未 总 未经复议直接起诉 复议后起诉\n维持 纠正 结果 审结 计 结果 结果",
            "结 结 其 尚\n果 果 他 未\n维 纠 结 审\n持 正 果 结",
            "政府集中采购 2笔 984361元\n251000元",
            "行政事业性收费 0.5\n本年收费金额（单位：万元）",
            "第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n行政规范性文件8855698",
        ];
        for text in tables {
            let got = facts_of(text);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }

    #[test]
    fn prose_with_table_words_keeps_its_facts() {
        let cases: &[(&str, &[(&str, f64)])] = &[
            ("其中予以公开 12件，不予公开 3件。", &[("requests_granted", 12.0), ("requests_denied", 3.0)]),
            ("政府信息公开行政复议 2件 行政诉讼 1件", &[("reviews", 2.0), ("lawsuits", 1.0)]),
            // The reviews a justice bureau decides as a review body are not reviews of its disclosure.
            ("全年办理行政复议案件120件，行政诉讼应诉案件30件。", &[]),
            ("（注：本年度收到政府信息公开申请70件）", &[("requests_received", 70.0)]),
            ("（本年度未收取任何费用）", &[("fees_yuan", 0.0)]),
            // 重复申请 is an outcome of table 3 (a request not processed), not a count received.
            ("重复申请 3件", &[]),
            ("本年度未收到政府信息公开申请。", &[("requests_received", 0.0)]),
            // Table 4's words in prose.
            (
                "政府信息公开行政复议 351 件，其中结果维持 72 件，尚未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25 件。",
                &[("reviews", 351.0), ("lawsuits", 46.0)],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&pairs(text), want, "{text}");
        }
    }

    #[test]
    fn nothing_is_read_inside_a_table_span() {
        let text = "共受理申请5件。\n无正当理由 7件\n本年未收取费用。";
        let raw = RawDocument { blocks: vec![RawBlock::Paragraph(text.to_string())], ..Default::default() };
        let doc = Document::assemble(raw, Format::Text);
        let (all, _) = read_with_issues(&doc, &[], &[]);
        assert_eq!(all.len(), 3, "{all:?}");
        // The middle line, as a table reading's span, gives nothing; the prose around it does.
        let line = doc.text.split('\n').collect::<Vec<_>>();
        let a = line[0].chars().count() + 1;
        let span = [a, a + line[1].chars().count()];
        let (facts, _) = read_with_issues(&doc, &[], &[span]);
        let keys: Vec<_> = facts.iter().map(|f| (f.key, f.value.as_f64())).collect();
        assert_eq!(keys, vec![(Some("requests_received"), 5.0), (Some("fees_yuan"), 0.0)]);
    }

    #[test]
    fn segments_join_wrapped_lines_only() {
        let text = "本区到年底累计主动公开政府信息\n5928\n条,全文电子化率达\n90.3%\n,其中,本年度新增主动公开政府信息\n2110\n条。\n一、概述\n概述\n2016年，我局未收到申请。";
        let segs = segments(text, &[], &[]);
        let got: Vec<&str> = segs.iter().map(|s| text[s.start..s.end].trim()).collect();
        // Short lines without punctuation are complete: headings stay apart.
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(got[0].ends_with("2110\n条"));
        assert_eq!(&got[1..], ["一、概述", "概述", "2016年，我局未收到申请"]);
        let got = pairs(text);
        assert_eq!(
            got,
            vec![("proactive_cumulative", 5928.0), ("proactive_total", 2110.0), ("requests_received", 0.0)]
        );
    }
}
