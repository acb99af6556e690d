//! Tables 3 and 4 that a report states in words instead of printing them: every entry zero,
//! or table 4's groups counted in a sentence (`t4_in_words`: `行政复议3件，其中结果维持1件…`, `行政复议：
//! 结果维持5件，…，总计7件。`, `行政诉讼12件，均为未经复议直接起诉`).
//!
//! Small offices often print no table 3 or 4 and write instead `收到和处理政府信息公开申请情况
//! 统计表中各项数据均为0` or `…行政诉讼案件，各项总计均为0`. Such a statement of the table's
//! entries fixes every cell: each is 0. It is taken only where nothing else in the section is
//! counted (no number but years and dates, no count in Chinese numerals, no `除…外` or `其余`
//! exception), so a section that states one count and zeros for the rest is left alone. Every
//! cell is `inferred`, its span the statement's zero, and the table's span the statement. A
//! section of table 4 saying no review and no lawsuit happened (`本年度未发生因政府信息公开引起的
//! 行政复议、行政诉讼案件`, `行政复议：无。行政诉讼：无。`) gives table 4 all 0 the same way (and the
//! facts `reviews`, `lawsuits` 0, negated).

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{CellReading, Number, OrderedMap, Section, TableFormat, TableReading, Tables};

use super::cells;
use super::template::{t3_rows_of, T3_COLS, T3_ROWS, T4_COLS, T4_GROUPS};

/// `各项数据均为0`, `统计表各项均为“0”`, `表中数据均为零`: the entries of the section's table
/// all zero. Group 1: the zero.
static ALL_ZERO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:各项|各栏|所有|全部|表中|表内|表格|统计表|数据|数值|数字)[^。；;！!\n，,]{0,16}?(?:均|都|全|皆|全部)\s*(?:为|是|填)\s*[“”\x22‘’'「『]?\s*(0|０|零|〇)\s*[”\x22’'」』]?(?:件|个|项)?(?:[。；;！!，,、\s]|$)",
    )
    .expect("all-zero regex")
});

/// A count in Chinese numerals (`一件`, `两起`, `十二宗`): the section counts something.
static WORDS_COUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[一二两三四五六七八九十百千]+\s*(?:件|起|宗|个|次|人次|条)").expect("count regex"));

/// The tables `tables` holds none of that the report states in words: table 2 written as
/// sentences ([`super::t2_words`]), table 3 (`requests`) and table 4 (`review_litigation`) where
/// the section states every entry zero or table 4's groups in sentences ([`super::t3_words`]
/// also where the table 3 read before has no value). `template`: the report's form (none for
/// reports before 2019 and for other documents). Whether a table 3 read before was replaced
/// (the issues of its reading no longer apply).
pub fn fill(text: &str, sections: &[Section], template: Option<TableFormat>, tables: &mut Tables) -> bool {
    let Some(format) = template.filter(|f| *f != TableFormat::Other) else { return false };
    if tables.proactive.is_none() {
        tables.proactive = super::t2_words::read(text, sections, format);
    }
    let Tables { requests, review_litigation: review, .. } = tables;
    if let Some(t) = requests.as_mut().filter(|t| format == TableFormat::F2021 && t.format == TableFormat::F2019) {
        zeros_as_2021(t);
    }
    // A table 3 read from the section's words stands in for a reading without a value (the
    // sentences taken for a table printed out of order).
    let mut replaced = false;
    let valueless = |t: &TableReading| t.cells.0.iter().all(|(_, row)| row.0.iter().all(|(_, c)| c.value.is_none()));
    if requests.as_ref().is_none_or(valueless) {
        if let Some((body, at)) = section_text(text, sections, "requests") {
            if requests.is_none() && counts_nothing(&body) {
                if let Some((zero, raw)) = all_zero(&body) {
                    let rows = t3_rows_of(format).into_iter().map(|r| T3_ROWS[r].key);
                    *requests = Some(zeros(format, rows, &T3_COLS, shift(zero, at), raw));
                }
            } else if let Some(t) = super::t3_words::read(&body, at, format) {
                replaced = requests.replace(t).is_some();
            }
        }
    }
    if review.is_none() {
        if let Some((body, at)) = section_text(text, sections, "review_litigation") {
            if counts_nothing(&body) {
                if let Some((zero, raw)) = all_zero(&body).or_else(|| no_cases(&body)) {
                    *review = Some(zeros(format, T4_GROUPS.into_iter(), &T4_COLS, shift(zero, at), raw));
                }
            } else {
                *review = t4_in_words(&body, at, format);
            }
        }
    }
    replaced
}

/// A table 3 of zeros read in the 2019 form in a report of the 2021 form: its rows told it
/// that form only by a `其他处理` row (`…不予处理、其他处理均为0`), which in the 2021 form is the
/// group of three rows; their cells 0 too (`inferred`, no count being negative), as the form's.
/// Nothing else changes: a table with any count but 0 stays as read.
fn zeros_as_2021(t: &mut TableReading) {
    let zero = |c: &CellReading| c.value.is_some_and(|v| v.as_f64() == 0.0);
    if !t.cells.0.iter().all(|(_, row)| row.0.iter().all(|(_, c)| zero(c))) {
        return;
    }
    let row = |key: &str| t.cells.0.iter().find(|(k, _)| k == key).map(|(_, r)| r.clone());
    let Some(other) = row("other") else { return };
    let mut rows = Vec::new();
    for i in t3_rows_of(TableFormat::F2021) {
        let key = T3_ROWS[i].key;
        let r = match row(key) {
            Some(r) => r,
            None if key.starts_with("other_") => OrderedMap(
                other.0.iter().map(|(c, cell)| (c.clone(), CellReading { inferred: true, ..cell.clone() })).collect(),
            ),
            None => return,
        };
        rows.push((key.to_string(), r));
    }
    t.cells = OrderedMap(rows);
    t.format = TableFormat::F2021;
}

/// Where a statement and its zero stand (characters of the section's text): `[statement,
/// zero]`.
type Stated = [[usize; 2]; 2];

fn shift([s, z]: Stated, by: usize) -> Stated {
    [[s[0] + by, s[1] + by], [z[0] + by, z[1] + by]]
}

/// The text of the first section keyed `key` (at any level) and where it starts (characters).
pub(super) fn section_text(text: &str, sections: &[Section], key: &str) -> Option<(String, usize)> {
    fn find<'a>(sections: &'a [Section], key: &str) -> Option<&'a Section> {
        sections.iter().find_map(|s| if s.key == Some(key) { Some(s) } else { find(&s.children, key) })
    }
    let s = find(sections, key)?;
    let [a, b] = s.span;
    Some((text.chars().skip(a).take(b.saturating_sub(a)).collect(), a))
}

/// Whether `body` counts nothing: no digit but 0 outside years and dates (`2023年`, `1月16日`),
/// no count in Chinese numerals, no exception (`除…外`, `其余`, `其他…均`).
fn counts_nothing(body: &str) -> bool {
    if body.contains('除') || body.contains("其余") || WORDS_COUNT.is_match(body) {
        return false;
    }
    let chars: Vec<char> = body.chars().map(cells::fold).collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
            i += 1;
        }
        let zero = chars[start..i].iter().all(|c| matches!(c, '0' | '.'));
        let date = chars.get(i).is_some_and(|c| matches!(c, '年' | '月' | '日' | '号'));
        // (The heading's own number, `三、`, is no digit; `2023-12-31` is a date.)
        let dash_date = chars.get(i).is_some_and(|c| matches!(c, '-' | '/')) && i - start == 4;
        if !zero && !date && !dash_date {
            return false;
        }
    }
    true
}

/// The first statement of `body` that its table's entries are all zero, and its zero as printed.
fn all_zero(body: &str) -> Option<(Stated, &str)> {
    let c = ALL_ZERO.captures(body)?;
    let (m, z) = (c.get(0)?, c.get(1)?);
    let at = |b: usize| body[..b].chars().count();
    Some(([[at(m.start()), at(m.end())], [at(z.start()), at(z.end())]], z.as_str()))
}

/// A table of `rows` × `cols`, every cell the stated zero (`raw` at `zero`, inferred), its span
/// the statement.
fn zeros<'a>(
    format: TableFormat,
    rows: impl Iterator<Item = &'a str>,
    cols: &[&str],
    [statement, zero]: Stated,
    raw: &str,
) -> TableReading {
    let cells = rows
        .map(|r| {
            let row = cols.iter().map(|c| (c.to_string(), cells::number(raw, Number::Int(0), zero, true))).collect();
            (r.to_string(), OrderedMap(row))
        })
        .collect();
    TableReading { format, cells: OrderedMap(cells), extra_rows: Vec::new(), span: statement }
}

/// Words that deny a case happened.
const NO_CASE: &[&str] = &["未发生", "没有发生", "未出现", "未有", "未被", "未收到", "未接到", "没有", "无"];

/// Outcomes of cases: a clause denying them (`未发生…被复议纠错或诉讼败诉的情况`) does not deny the
/// cases.
const OUTCOMES: &[&str] = &["纠错", "纠正", "败诉", "撤销", "确认违法", "维持"];

/// A section of table 4 (`body`, its heading the first line) that says no review and no lawsuit
/// happened: `本年度未发生因政府信息公开引起的行政复议、行政诉讼案件`, `行政复议：无。行政诉讼：无。`, or
/// only `无。` under the heading. Every group of table 4 is then 0. Not for a clause about the
/// cases' outcomes or about cases of another cause (`未发生因征收引起的行政复议`). The statements'
/// span, and the first denial word as the zero.
fn no_cases(body: &str) -> Option<(Stated, &str)> {
    let start = body.find('\n')? + 1;
    let (mut review, mut lawsuit) = (None, None);
    let (mut first, mut last) = (usize::MAX, 0);
    let mut zero: Option<(usize, usize)> = None;
    let mut at = start;
    for clause in body[start..].split_inclusive(['。', '；', ';', '！', '\n']) {
        let (from, words) = (at, clause.trim_matches(|c: char| c.is_whitespace() || "。；;！".contains(c)));
        at += clause.len();
        let Some((w, k)) = NO_CASE.iter().find_map(|w| words.find(w).map(|k| (*w, k))) else { continue };
        if OUTCOMES.iter().any(|o| words.contains(o)) {
            continue;
        }
        let caused = words.contains('因') && ["引起", "引发", "产生", "导致"].iter().any(|x| words.contains(x));
        if caused && !words.contains("信息公开") {
            continue;
        }
        let bare = matches!(words, "无" | "暂无" | "没有" | "均无" | "本年度无" | "本年无");
        let (r, l) = (bare || words.contains("行政复议"), bare || words.contains("行政诉讼"));
        if !r && !l {
            continue;
        }
        let off = from + clause.find(words).unwrap_or(0);
        review = review.or(r.then_some(()));
        lawsuit = lawsuit.or(l.then_some(()));
        first = first.min(off);
        last = last.max(off + words.len());
        zero.get_or_insert((off + k, off + k + w.len()));
    }
    review.and(lawsuit)?;
    let (z0, z1) = zero?;
    let chars = |b: usize| body[..b].chars().count();
    Some(([[chars(first), chars(last)], [chars(z0), chars(z1)]], &body[z0..z1]))
}

/// Table 4's groups as a report writes them in words (`被申请行政复议36件，其中结果维持25件、结果纠正3件、
/// 其他结果8件、尚未审结0件；被提起行政诉讼9件，其中未经复议直接起诉6件(结果维持3件、结果纠正3件)，复议后起诉3件`):
/// each group's count right after its name (or its label: `- 行政诉讼（未经复议直接起诉）：12件`,
/// A group of table 4 named: 1 `行政复议`; 2 the lawsuits brought directly (`行政诉讼（未经复议直接起诉）`,
/// `直接起诉的行政诉讼`); 3 those after a review (`复议后起诉`); 4 `行政诉讼` of either kind.
static T4_GROUP_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"((?:行政诉讼[（(])?(?:未经(?:行政)?复议)?直接起诉(?:的行政诉讼)?[）)]?)|((?:行政诉讼[（(])?经?(?:行政)?复议后起诉(?:的行政诉讼)?[）)]?)|(行政复议)|(行政诉讼)",
    )
    .expect("table 4 group regex")
});

/// A group's total right after its name: `行政复议3件`, `行政复议总计……………………36` (a line each).
static T4_TOTAL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\A(?:案件)?[）)]?(?:总计|合计|共计|共)?{COUNTED}")).expect("table 4 total regex")
});

/// A group's total at the end of its clause: `行政复议：结果维持5件，…，总计7件。`
static T4_TOTAL_LAST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?:总计|合计|共计){COUNTED}")).expect("table 4 total regex"));

/// An outcome counted in words: `结果维持25件`, `尚未审结0件`, `结果维持……………………25` (a line).
static T4_OUTCOME_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(结果维持|维持|结果纠正|纠正|其他结果|尚未审结){COUNTED}")).expect("outcome regex")
});

/// A count after its name: with its unit (`：12件`, `三宗`), or without one where a colon, leader
/// dots or a space set it apart and it ends its line (`：36`, `……………………36`, as a list of the
/// table's cells writes it).
const COUNTED: &str = r"(?:\s*[：:]?\s*(\d+|[零〇一二两三四五六七八九十百]+)\s*(?:件|起|宗|个)|(?:\s*(?:[：:]|[…\.·]{2,})\s*|[ \t　]+)(\d+)[ \t]*(?:\r?\n|\z))";

/// The count `COUNTED` found (its last two captures).
fn counted<'h>(c: &regex::Captures<'h>) -> Option<regex::Match<'h>> {
    c.get(c.len() - 2).or_else(|| c.get(c.len() - 1))
}

/// A count as written, in digits or Chinese numerals (`12`, `十二`, `两`, `零`).
fn count(s: &str) -> Option<i64> {
    crate::numbers::parse_whole(s).and_then(|v| i64::try_from(v).ok())
}

/// A group of table 4 stated in words: its total, where the total stands (characters), where its
/// outcomes are counted (bytes of the section's text).
type Group = (i64, [usize; 2], [usize; 2]);

/// Where the clause starting `s` ends (bytes): its `。`, `；` or line end, or the end of `s`.
fn clause_end(s: &str) -> usize {
    s.find(['。', '；', ';', '\n']).unwrap_or(s.len())
}

/// Words before a lawsuit group's name saying every lawsuit counted was of it (`行政诉讼12件，均为
/// 未经复议直接起诉`).
const ALL_OF: &[&str] = &["均为", "均系", "均是", "均属", "都是", "都为", "全部为", "全部是", "全部系"];

/// Table 4 stated in words in its section (`body`, starting at character `at` of the text): each
/// group's total after its name (`行政复议3件`) or closing its clause (`…，总计7件。`), its outcomes
/// from there up to the next group's name. A group's outcomes not named are 0 where the named ones
/// add up to its total (inferred), and every outcome of a group of total 0 is 0; the lawsuits'
/// total alone (`行政诉讼12件`) settles both lawsuit groups where it is 0 or where the words say
/// all were of one kind (`均为未经复议直接起诉`: the other kind 0, inferred). Only where all
/// three groups' totals are stated so, and no group is stated twice.
fn t4_in_words(body: &str, at: usize, format: TableFormat) -> Option<TableReading> {
    let chars = |b: usize| at + body[..b].chars().count();
    // Group names, but those saying which kind all the lawsuits were (`均为直接起诉`).
    let names: Vec<(usize, usize, usize)> = T4_GROUP_NAME
        .captures_iter(body)
        .filter_map(|c| {
            let kind = (1..=4).find(|&i| c.get(i).is_some())?;
            let m = c.get(0)?;
            Some((kind, m.start(), m.end()))
        })
        .collect();
    let of_all = |kind: usize, s: usize| kind <= 2 && ALL_OF.iter().any(|w| body[..s].ends_with(w));
    let groups_named: Vec<_> = names.iter().filter(|(k, s, _)| !of_all(*k, *s)).collect();
    // Per group: its total, the total's span (characters), its outcomes' text (bytes of `body`).
    let mut groups: [Option<Group>; 3] = [None; 3];
    let mut lawsuits: Option<(i64, [usize; 2], [usize; 2])> = None;
    for (k, &&(kind, _, e)) in groups_named.iter().enumerate() {
        let until = groups_named.get(k + 1).map_or(body.len(), |x| x.1);
        let rest = &body[e..until.max(e)];
        let (n, from) = if let Some(c) = T4_TOTAL_AFTER.captures(rest) {
            let n = counted(&c)?;
            (n, e + n.end())
        } else {
            let clause = &rest[..clause_end(rest)];
            let mut last = T4_TOTAL_LAST.captures_iter(clause);
            let (Some(c), None) = (last.next(), last.next()) else { continue };
            (counted(&c)?, e)
        };
        let value = count(n.as_str())?;
        let span = [chars(e + n.start()), chars(e + n.end())];
        let total = (value, span, [from, until.max(from)]);
        if kind == 4 {
            if lawsuits.replace(total).is_some() {
                return None;
            }
        } else if groups[[0, 1, 2, 0][kind]].replace(total).is_some() {
            return None;
        }
    }
    // Which lawsuit group all the lawsuits counted were, said in the clause of their count: the
    // one lawsuit group named there, after `均为`.
    let all_of: Vec<usize> = match lawsuits {
        Some((_, _, [a, _])) => {
            let b = a + clause_end(&body[a..]);
            let named: Vec<_> = names.iter().filter(|(k, s, _)| *k <= 2 && (a..b).contains(s)).collect();
            named.iter().filter(|(k, s, _)| of_all(*k, *s)).map(|x| x.0).filter(|_| named.len() == 1).collect()
        }
        None => Vec::new(),
    };
    let mut cells = Vec::with_capacity(3);
    for (g, group) in groups.iter().enumerate() {
        let row = match (group, lawsuits) {
            (Some((total, span, [a, b])), _) => outcome_cells(&body[*a..*b], *total, *span, |x| chars(*a + x))?,
            (None, Some((0, span, _))) if g > 0 => outcome_cells("", 0, span, |x| x)?,
            (None, Some((total, span, [a, b]))) if g > 0 && all_of.len() == 1 => {
                if all_of[0] == g {
                    outcome_cells(&body[a..b], total, span, |x| chars(a + x))?
                } else {
                    let mut row = outcome_cells("", 0, span, |x| x)?;
                    row[4].1 = cells::number("", Number::Int(0), span, true);
                    row
                }
            }
            _ => return None,
        };
        cells.push((T4_GROUPS[g].to_string(), OrderedMap(row)));
    }
    let first = groups.iter().flatten().chain(&lawsuits).map(|g| g.1[0]).min()?;
    let last = groups.iter().flatten().chain(&lawsuits).map(|g| g.1[1]).max()?;
    Some(TableReading { format, cells: OrderedMap(cells), extra_rows: Vec::new(), span: [first, last] })
}

/// One group's five cells from the outcomes counted in `text` and its `total` (printed at
/// `span`): `None` where an outcome is named twice or the named ones exceed the total; the
/// outcomes not named are 0 (inferred) where the named add up to the total, else unknown.
fn outcome_cells(
    text: &str,
    total: i64,
    span: [usize; 2],
    place: impl Fn(usize) -> usize,
) -> Option<Vec<(String, CellReading)>> {
    let mut parts: [Option<(i64, [usize; 2], String)>; 4] = [None, None, None, None];
    for c in T4_OUTCOME_WORDS.captures_iter(text) {
        let (w, n) = (c.get(1)?, counted(&c)?);
        let col = match w.as_str() {
            "结果维持" | "维持" => 0,
            "结果纠正" | "纠正" => 1,
            "其他结果" => 2,
            _ => 3,
        };
        let value = count(n.as_str())?;
        if parts[col].replace((value, [place(n.start()), place(n.end())], n.as_str().to_string())).is_some() {
            return None;
        }
    }
    // `结果均为维持`, `均尚未审结`: every case of the group had that outcome.
    let every = [("均为维持", 0), ("全部维持", 0), ("均维持", 0), ("均为纠正", 1), ("均尚未审结", 3), ("均未审结", 3)];
    if parts.iter().all(Option::is_none) {
        if let Some((_, col)) = every.iter().find(|(w, _)| text.contains(w)) {
            parts[*col] = Some((total, span, String::new()));
        }
    }
    let named: i64 = parts.iter().flatten().map(|p| p.0).sum();
    if named > total {
        return None;
    }
    let number = |value: i64, span, raw: &str, inferred| cells::number(raw, Number::Int(value), span, inferred);
    let mut row: Vec<(String, CellReading)> = parts
        .iter()
        .zip(T4_COLS)
        .map(|(p, col)| {
            let cell = match p {
                Some((v, s, raw)) => number(*v, *s, raw, false),
                None if named == total => number(0, span, "", true),
                None => cells::unknown("", span),
            };
            (col.to_string(), cell)
        })
        .collect();
    row.push((T4_COLS[4].to_string(), number(total, span, &total.to_string(), false)));
    Some(row)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_of_zero_and_of_absence() {
        for yes in ["统计表中各项数据均为0。", "统计表各项均为“0”。", "表中数据均为零", "各项数据均为0件，"]
        {
            assert!(all_zero(yes).is_some(), "{yes}");
        }
        for no in ["各项数据均为0.5", "各项数据均为10件", "予以公开均为自然人申请"] {
            assert!(all_zero(no).is_none(), "{no}");
        }
    }

    #[test]
    fn table_4_groups_as_lines_of_label_and_count() {
        // `行政复议总计……36` a line each, the count set apart by leader dots, a colon or a space.
        for sep in ["……………………", "：", " "] {
            let body = format!("四、政府信息公开行政复议、行政诉讼情况\n行政复议总计{sep}36\n其中：结果维持{sep}25\n结果纠正{sep}3\n其他结果{sep}8\n尚未审结{sep}0\n行政诉讼(未经复议直接起诉)总计{sep}6\n行政诉讼(复议后起诉)总计{sep}3\n");
            let t = t4_in_words(&body, 0, TableFormat::F2021).expect("table 4");
            let row = |g: &str| -> Vec<Option<Number>> {
                t.cells
                    .0
                    .iter()
                    .find(|r| r.0 == g)
                    .map(|r| r.1 .0.iter().map(|x| x.1.value).collect())
                    .unwrap_or_default()
            };
            let n = |v: i64| Some(Number::Int(v));
            assert_eq!(row("review"), [n(25), n(3), n(8), n(0), n(36)], "{sep}");
            assert_eq!(row("litigation_direct"), [None, None, None, None, n(6)], "{sep}");
            assert_eq!(row("litigation_after_review"), [None, None, None, None, n(3)], "{sep}");
        }
        // A count without its unit that does not end its line is no such count (a row of a
        // table's values: which is the total is not told).
        let row =
            "四、政府信息公开行政复议、行政诉讼情况\n行政复议 25 3 8 0 36\n直接起诉 3 3 0 0 6\n复议后起诉 3 0 0 0 3\n";
        assert!(t4_in_words(row, 0, TableFormat::F2021).is_none());
    }

    #[test]
    fn table_4_groups_as_labelled_lines_and_in_chinese_numerals() {
        let labelled = "四、政府信息公开行政复议、行政诉讼情况\n- 行政复议：3件（结果维持1件，其他结果2件）\n- 行政诉讼（未经复议直接起诉）：12件（结果维持12件）\n- 行政诉讼（复议后起诉）：0件\n";
        let numerals = "四、政府信息公开行政复议、行政诉讼情况\n①行政复议三宗，结果维持一宗，其他结果两宗；\n②未经复议直接起诉的行政诉讼十二宗，结果均为维持；\n③复议后起诉的行政诉讼零宗。\n";
        for body in [labelled, numerals] {
            let t = t4_in_words(body, 0, TableFormat::F2021).expect("table 4");
            let value = |g: &str, c: &str| {
                t.cells
                    .0
                    .iter()
                    .find(|r| r.0 == g)
                    .and_then(|r| r.1 .0.iter().find(|x| x.0 == c))
                    .and_then(|x| x.1.value)
            };
            assert_eq!(value("review", "total"), Some(Number::Int(3)), "{body}");
            assert_eq!(value("review", "other"), Some(Number::Int(2)), "{body}");
            assert_eq!(value("review", "pending"), Some(Number::Int(0)), "{body}");
            assert_eq!(value("litigation_direct", "upheld"), Some(Number::Int(12)), "{body}");
            assert_eq!(value("litigation_after_review", "total"), Some(Number::Int(0)), "{body}");
        }
        assert_eq!(count("两"), Some(2));
    }

    #[test]
    fn table_4_groups_with_their_total_last_or_all_lawsuits_of_one_kind() {
        let value = |t: &TableReading, g: &str| -> Vec<Option<i64>> {
            let row = t.cells.0.iter().find(|r| r.0 == g).expect("group");
            row.1 .0.iter().map(|x| x.1.value.map(|v| if let Number::Int(i) = v { i } else { -1 })).collect()
        };
        let last = "四、政府信息公开行政复议、行政诉讼情况\n行政复议：结果维持5件，结果纠正0件，其他结果0件，尚未审结2件，总计7件。\n行政诉讼（未经复议直接起诉）：结果维持8件，结果纠正0件，其他结果0件，尚未审结1件，总计9件。\n行政诉讼（复议后起诉）：结果维持0件，结果纠正0件，其他结果0件，尚未审结0件，总计0件。\n";
        let t = t4_in_words(last, 0, TableFormat::F2021).expect("table 4");
        assert_eq!(value(&t, "review"), [Some(5), Some(0), Some(0), Some(2), Some(7)]);
        assert_eq!(value(&t, "litigation_direct"), [Some(8), Some(0), Some(0), Some(1), Some(9)]);
        assert_eq!(value(&t, "litigation_after_review"), [Some(0); 5]);
        let all = "行政复议3件，其中结果维持1件、其他结果2件；行政诉讼12件，均为未经复议直接起诉，结果均为维持。";
        let t = t4_in_words(all, 0, TableFormat::F2021).expect("table 4");
        assert_eq!(value(&t, "review"), [Some(1), Some(0), Some(2), Some(0), Some(3)]);
        assert_eq!(value(&t, "litigation_direct"), [Some(12), Some(0), Some(0), Some(0), Some(12)]);
        assert_eq!(value(&t, "litigation_after_review"), [Some(0); 5]);
        let after = t.cells.0.iter().find(|r| r.0 == "litigation_after_review").expect("group");
        assert!(after.1 .0.iter().all(|c| c.1.inferred), "the other kind's zeros are inferred");
        // Lawsuits not told apart, or said of both kinds: no table.
        for no in [
            "行政复议3件，结果维持3件；行政诉讼12件，结果均为维持。",
            "行政复议3件，结果维持3件；行政诉讼12件，均为直接起诉或复议后起诉。",
            "行政复议：结果维持5件，总计7件，总计8件。行政诉讼0件。",
        ] {
            assert!(t4_in_words(no, 0, TableFormat::F2021).is_none(), "{no}");
        }
        assert_eq!(count("一百零五"), Some(105));
    }

    #[test]
    fn a_2019_table_of_zeros_in_a_2021_report_takes_the_2021_rows() {
        let table = |v: i64| {
            let rows = t3_rows_of(TableFormat::F2019).into_iter().map(|i| {
                let cells = T3_COLS.iter().map(|c| (c.to_string(), cells::number("0", Number::Int(v), [0, 1], false)));
                (T3_ROWS[i].key.to_string(), OrderedMap(cells.collect()))
            });
            TableReading {
                format: TableFormat::F2019,
                cells: OrderedMap(rows.collect()),
                extra_rows: Vec::new(),
                span: [0, 1],
            }
        };
        let mut t = table(0);
        zeros_as_2021(&mut t);
        assert_eq!(t.format, TableFormat::F2021);
        let keys: Vec<&str> = t.cells.0.iter().map(|r| r.0.as_str()).collect();
        let want: Vec<&str> = t3_rows_of(TableFormat::F2021).into_iter().map(|i| T3_ROWS[i].key).collect();
        assert_eq!(keys, want);
        let other = &t.cells.0.iter().find(|r| r.0 == "other_other").expect("row").1;
        assert!(other.0.iter().all(|(_, c)| c.inferred && c.value == Some(Number::Int(0))));
        // A table counting anything stays as read.
        let mut t = table(1);
        zeros_as_2021(&mut t);
        assert_eq!(t.format, TableFormat::F2019);
    }

    #[test]
    fn a_section_that_counts_something_is_not_all_zero() {
        assert!(counts_nothing("四、…\n2023年12月31日止，本年度未发生行政复议、行政诉讼。"));
        for no in ["被申请行政复议1件，其余均为0。", "行政诉讼两件，其余各项均为0。", "除予以公开外，各项数据均为0。"]
        {
            assert!(!counts_nothing(no), "{no}");
        }
    }
}
