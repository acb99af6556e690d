//! Table 2 that a report writes in words in its section instead of printing it, in the 2021 form:
//! `本年度制发规章0件，废止规章0件，现行有效规章0件；制发行政规范性文件0件，…。本年作出行政许可处理
//! 决定0件，行政处罚处理决定1件，…。本年行政事业性收费金额4166.214619万元`, or as labelled lines
//! (`- 规章：本年制发0件，本年废止0件，现行有效0件`, `行政许可本年处理决定数量：2293`,
//! `规章本年制发件数……0`).
//!
//! Each count is read where the words before it, from the clause's start or the count before it,
//! name one item (`规章`, `行政规范性文件`, `行政许可`, …) and one of its columns (`制发`, `废止`,
//! `现行有效`; `决定`; the fee's `万元`): the item carried from earlier in the sentence where the
//! words name none (`制发行政规范性文件77件，废止132件`), the column from a label before a colon
//! (`行政许可本年处理决定数量：2293`), or the item's only column (`行政处罚：一件`). A clause counting
//! nothing that denies an item or its columns (`未制发规章`, `规章：无`, `无行政许可、行政强制
//! 决定`, `规章的制发、废止和现行有效件数均为0`) makes them 0. A part (`其中…`), a count naming two
//! items or two columns, a date and a fee in 元 are not read; a cell stated twice with two values
//! is unknown. The table is made only with three cells read at least; the rest of its cells are
//! unknown.
//!
//! The 2019 form the same way, by its columns' words (`新制作`, `新公开`, `总数`; `上一年`, `增减`,
//! `决定`; `采购项目`): `本年新制作规章13件，…对外公开规章总数量524件`, `行政许可事项上一年89项，本年减少
//! 3项` (a change counted down is negative; its raw is the number, its span the digits), `…的上一年
//! 项目数量、本年增减和处理决定数量均为0`. The procurement's amount (元 or 万元) is not read.
//! `2,561` is one count: a comma between digits splits no clause.

use crate::model::{CellReading, Form, Number, OrderedMap, Section, TableFormat, TableReading};
use crate::numbers;

use super::cells;
use super::template::T2_ITEMS;

/// Items of the 2021 form as written, index into `T2_ITEMS`; longer words first.
const ITEMS: &[(&str, usize)] = &[
    ("其他对外管理服务事项", 3),
    ("政府集中采购", 7),
    ("行政规范性文件", 1),
    ("规范性文件", 1),
    ("行政事业性收费", 6),
    ("规章", 0),
    ("行政许可", 2),
    ("行政处罚", 4),
    ("行政强制", 5),
];

/// Words of a column of the 2019 form, by column key (`减少`: a change counted down).
const COLUMNS_2019: &[(&str, &str)] = &[
    ("制作", "new_made"),
    ("新公开", "new_published"),
    ("总数", "total_published"),
    ("上一年", "prev_items"),
    ("上年项目", "prev_items"),
    ("增减", "change"),
    ("增/减", "change"),
    ("增加", "change"),
    ("减少", "change"),
    ("决定", "decisions"),
    ("采购项目", "items"),
    ("金额", "amount"),
];

/// Words of a column of the 2021 form, by column key.
const COLUMNS: &[(&str, &str)] = &[
    ("制发", "issued"),
    ("印发", "issued"),
    ("出台", "issued"),
    ("废止", "repealed"),
    ("现行有效", "in_force"),
    ("决定", "decisions"),
];

/// Words that deny what follows in a clause counting nothing.
const DENIALS: &[&str] = &["未", "没有", "无"];

/// Words that state every count a clause names zero.
const ALL_ZERO: &[&str] = &["均为0", "均为零", "均为“0”", "均无", "都为0", "都是0", "均是0"];

/// Fewest cells read for a table.
const MIN_CELLS: usize = 3;

/// Items named in `s` (index into `T2_ITEMS`), in order, without `规章制度` (rules of work).
fn items_in(s: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < s.len() {
        let rest = &s[at..];
        if let Some((w, i)) = ITEMS.iter().find(|(w, _)| rest.starts_with(w)) {
            let rules_of_work = *i == 0 && rest.starts_with("规章制度");
            if !rules_of_work && !out.contains(i) {
                out.push(*i);
            }
            at += w.len();
        } else {
            at += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// Columns of `form` named in `s`, in order.
fn columns_in(s: &str, form: Form) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    let words = if form == Form::F2019 { COLUMNS_2019 } else { COLUMNS };
    for (w, c) in words {
        if s.contains(w) && !out.contains(c) {
            out.push(c);
        }
    }
    out
}

/// Index of 政府集中采购 in `T2_ITEMS`.
const PROCUREMENT: usize = 7;

/// The columns of item `i` in `form` read from words: the procurement's amount (in 元 or
/// 万元, printed as the report writes it) is not.
fn columns_of(i: usize, form: Form) -> &'static [&'static str] {
    let cols = T2_ITEMS[i].cols(form);
    if i == PROCUREMENT {
        &cols[..cols.len().min(1)]
    } else {
        cols
    }
}

/// The cells stated so far: `(item, column) → (value, raw, span)`; `None` once two statements
/// disagree.
type Found = Vec<((usize, &'static str), Option<(Number, String, [usize; 2])>)>;

fn put(found: &mut Found, at: (usize, &'static str, Form), value: Number, raw: &str, span: [usize; 2]) {
    let (item, col, form) = at;
    if !columns_of(item, form).contains(&col) {
        return;
    }
    match found.iter_mut().find(|(k, _)| *k == (item, col)) {
        Some((_, slot)) => {
            if slot.as_ref().is_some_and(|(v, _, _)| v.as_f64() != value.as_f64()) {
                *slot = None;
            }
        }
        None => found.push(((item, col), Some((value, raw.to_string(), span)))),
    }
}

/// Table 2 stated in words in the proactive section of a report of the 2019 or the 2021 form
/// (see the module).
pub(super) fn read(text: &str, sections: &[Section], format: TableFormat) -> Option<TableReading> {
    let form = format.form()?;
    let (body, at) = super::stated::section_text(text, sections, "proactive")?;
    // Byte offsets → characters of the text, counted on from the last offset asked (they come in
    // order): once over the section, not from its start for every count.
    let mut cursor = (0usize, at);
    let mut chars = |b: usize| {
        if b < cursor.0 {
            cursor = (0, at);
        }
        cursor.1 += body[cursor.0..b].chars().count();
        cursor.0 = b;
        cursor.1
    };
    let mut found: Found = Vec::new();
    let mut sentence_start = 0usize;
    for sentence in body.split_inclusive(['。', '；', ';', '\n']) {
        let base = sentence_start;
        sentence_start += sentence.len();
        // The item and column named last, and whether a label before a colon named the column.
        let mut item: Option<usize> = None;
        let mut label_col: Option<&'static str> = None;
        let mut clause_start = 0usize;
        for clause in clauses(sentence) {
            let c0 = clause_start;
            clause_start += clause.len();
            let tokens: Vec<_> = numbers::scan(clause)
                .into_iter()
                .filter(|t| !t.code_like && !matches!(t.unit, Some("年" | "月" | "日" | "号" | "%")))
                .collect();
            // (`规章的制发、废止和现行有效件数均为0`: a clause whose only count is the zero it
            // states of all it names.)
            let all_zero = tokens.iter().all(|t| t.value == 0.0) && ALL_ZERO.iter().any(|w| clause.contains(w));
            if tokens.is_empty() || all_zero {
                let named = items_in(clause);
                let span = [chars(base + c0), chars(base + c0 + clause.len())];
                zero_clause(clause, &named, (item, form), &mut found, span);
                label_col = labels(clause, &named, &mut item, form);
                continue;
            }
            let mut from = 0usize;
            for t in &tokens {
                let window = &clause[from..t.start];
                from = t.tail_end;
                if window.contains("其中") {
                    break;
                }
                // (An ordinal is no count: `第二十条第（五）项` over a table flattened into the text,
                // a list's `（1）`.)
                let bracketed = window.ends_with(['（', '(']) && clause[t.end..].starts_with(['）', ')']);
                if bracketed || window.trim_end_matches([' ', '（', '(']).ends_with('第') {
                    continue;
                }
                let names = items_in(window);
                let it = match names.as_slice() {
                    [one] => Some(*one),
                    [] => item,
                    _ => None,
                };
                item = it;
                let Some(i) = it else { continue };
                let cols = columns_in(window, form);
                let col = match cols.as_slice() {
                    [one] => Some(*one),
                    [] => label_col.or_else(|| (columns_of(i, form).len() == 1).then(|| columns_of(i, form)[0])),
                    _ => None,
                };
                label_col = None;
                let Some(col) = col else { continue };
                let raw = &clause[t.start..t.end];
                let span = [chars(base + c0 + t.start), chars(base + c0 + t.end)];
                let value = if col == "amount_10k_yuan" {
                    // The fee in 万元, as printed (`4166.214619万元`, `（万元）：24252.311082`).
                    let wan = clause[t.start..].trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
                    if !(wan.starts_with("万元") || (t.unit.is_none() && sentence.contains("万元"))) {
                        continue;
                    }
                    let digits: &str = raw.trim_end_matches('万');
                    let Some(v) = cells::parse_plain_number(digits) else { continue };
                    v
                } else {
                    if !matches!(t.unit, None | Some("件" | "个" | "条" | "宗" | "项")) || t.approx {
                        continue;
                    }
                    #[allow(clippy::cast_possible_truncation)]
                    let n = t.value as i64;
                    if t.value.fract() != 0.0 || t.value < 0.0 {
                        continue;
                    }
                    // (`本年减少2项`: the change counted down.)
                    let down = col == "change" && window.contains("减少") && !window.contains("增");
                    Number::Int(if down { -n } else { n })
                };
                put(&mut found, (i, col, form), value, raw, span);
            }
            // The words after the clause's last count name what the next clause counts
            // (`（1）规章：本年制发0个`).
            let tail = &clause[from.min(clause.len())..];
            label_col = labels(tail, &items_in(tail), &mut item, form);
        }
    }
    let read: Vec<_> = found.iter().filter(|(_, v)| v.is_some()).collect();
    if read.len() < MIN_CELLS {
        return None;
    }
    let first = read.iter().filter_map(|(_, v)| v.as_ref().map(|x| x.2[0])).min()?;
    let last = read.iter().filter_map(|(_, v)| v.as_ref().map(|x| x.2[1])).max()?;
    let span = [first, last];
    let rows = T2_ITEMS
        .iter()
        .enumerate()
        .map(|(i, d)| (i, d, d.cols(form)))
        .filter(|(_, _, cols)| !cols.is_empty())
        .map(|(i, d, cols)| {
            let row = cols
                .iter()
                .map(|c| {
                    let cell: CellReading =
                        match found.iter().find(|(k, _)| *k == (i, *c)).and_then(|(_, v)| v.as_ref()) {
                            Some((v, raw, s)) => cells::number(raw, *v, *s, raw.is_empty()),
                            None => cells::unknown("", span),
                        };
                    (c.to_string(), cell)
                })
                .collect();
            (d.key.to_string(), OrderedMap(row))
        })
        .collect();
    Some(TableReading { format, cells: OrderedMap(rows), extra_rows: Vec::new(), span })
}

/// The clauses of `sentence`, each with its closing mark: split after `，`, `：`, and `,` or `:`
/// not between digits (`2,561` is one count).
fn clauses(sentence: &str) -> impl Iterator<Item = &str> {
    let b = sentence.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let mut ends: Vec<usize> = sentence
        .char_indices()
        .filter(|&(i, c)| match c {
            '，' | '：' => true,
            ',' | ':' => !(i > 0 && digit(i - 1) && digit(i + 1)),
            _ => false,
        })
        .map(|(i, c)| i + c.len_utf8())
        .collect();
    if ends.last() != Some(&sentence.len()) {
        ends.push(sentence.len());
    }
    let mut start = 0;
    ends.into_iter().filter(|&e| e > 0).map(move |e| {
        let clause = &sentence[start..e];
        start = e;
        clause
    })
}

/// What words that count nothing (a clause, or a clause's words after its last count) name for
/// the counts after them: the item, where they name one (none where they name two or more,
/// `行政许可、行政处罚：`), and the column a label before a colon names (`本年处理决定数量：`).
fn labels(words: &str, named: &[usize], item: &mut Option<usize>, form: Form) -> Option<&'static str> {
    match named {
        [one] => *item = Some(*one),
        [] => {}
        _ => *item = None,
    }
    let cols = columns_in(words, form);
    (words.ends_with(['：', ':']) && cols.len() == 1).then(|| cols[0])
}

/// A clause counting nothing that denies items or their columns (`未制发规章`, `规章：无`, `无行政
/// 许可、行政强制决定`) or states them all zero (`…件数均为0`): those cells 0, inferred.
/// (A statement of zeros may name the 2019 form's four items and their three columns: 60
/// characters; a denial 40.)
fn zero_clause(
    clause: &str,
    named: &[usize],
    (carried, form): (Option<usize>, Form),
    found: &mut Found,
    span: [usize; 2],
) {
    let body = clause.trim_end_matches(['，', ',', '：', ':', '。', '；', ';', '\n', ' ']);
    let zero = ALL_ZERO.iter().any(|w| body.contains(w));
    if body.chars().count() > if zero { 60 } else { 40 } {
        return;
    }
    let denied = DENIALS.iter().any(|w| body.contains(w)) && !body.contains("无法") && !body.contains("未来");
    if !zero && !denied {
        return;
    }
    let items: Vec<usize> = if named.is_empty() { carried.into_iter().collect() } else { named.to_vec() };
    let cols = columns_in(body, form);
    for i in items {
        let of_item: Vec<&'static str> = if cols.is_empty() {
            columns_of(i, form).to_vec()
        } else {
            cols.iter().copied().filter(|c| columns_of(i, form).contains(c)).collect()
        };
        for c in of_item {
            put(found, (i, c, form), Number::Int(0), "", span);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells_of(body: &str) -> Vec<(String, String, Option<f64>)> {
        cells_of_year(body, 2023)
    }

    fn cells_of_year(body: &str, year: u16) -> Vec<(String, String, Option<f64>)> {
        let text = format!(
            "某某局{year}年政府信息公开工作年度报告\n一、总体情况\n本局依法公开。\n二、主动公开政府信息情况\n{body}\n三、收到和处理政府信息公开申请情况\n本年度未收到申请。\n四、政府信息公开行政复议、行政诉讼情况\n无。\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n"
        );
        let report = crate::report::parse(crate::Input::Str(&text), &crate::Options::default()).expect("a report");
        let Some(t) = report.tables.proactive else { return Vec::new() };
        t.cells
            .0
            .iter()
            .flat_map(|(r, cols)| {
                cols.0.iter().map(move |(c, cell)| (r.clone(), c.clone(), cell.value.map(Number::as_f64)))
            })
            .filter(|x| x.2.is_some())
            .collect()
    }

    #[test]
    fn counts_named_in_sentences() {
        let got = cells_of("本年度制发规章0件，废止规章0件，现行有效规章0件；制发行政规范性文件2件，废止行政规范性文件1件，现行有效行政规范性文件9件。本年作出行政许可处理决定5件，行政处罚处理决定1件，行政强制处理决定0件。本年行政事业性收费金额12.5万元。");
        let want: Vec<(String, String, Option<f64>)> = [
            ("rules", "issued", 0.0),
            ("rules", "repealed", 0.0),
            ("rules", "in_force", 0.0),
            ("normative_documents", "issued", 2.0),
            ("normative_documents", "repealed", 1.0),
            ("normative_documents", "in_force", 9.0),
            ("licensing", "decisions", 5.0),
            ("punishment", "decisions", 1.0),
            ("coercion", "decisions", 0.0),
            ("fees", "amount_10k_yuan", 12.5),
        ]
        .iter()
        .map(|(r, c, v)| (r.to_string(), c.to_string(), Some(*v)))
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn items_carried_labels_and_denials() {
        let got = cells_of("2023年，全区制发行政规范性文件77件，废止132件，现行有效470件；未制发规章。\n行政处罚：一件。\n行政许可本年处理决定数量：2293\n无行政强制决定。");
        let find = |r: &str, c: &str| got.iter().find(|x| x.0 == r && x.1 == c).and_then(|x| x.2);
        assert_eq!(find("normative_documents", "issued"), Some(77.0));
        assert_eq!(find("normative_documents", "repealed"), Some(132.0));
        assert_eq!(find("normative_documents", "in_force"), Some(470.0));
        assert_eq!(find("rules", "issued"), Some(0.0));
        assert_eq!(find("rules", "repealed"), None);
        assert_eq!(find("punishment", "decisions"), Some(1.0));
        assert_eq!(find("licensing", "decisions"), Some(2293.0));
        assert_eq!(find("coercion", "decisions"), Some(0.0));
        assert_eq!(find("fees", "amount_10k_yuan"), None);
    }

    #[test]
    fn a_clause_stating_all_it_names_zero() {
        let got = cells_of("制发行政规范性文件77件，废止132件，现行有效470件；规章的制发、废止和现行有效件数均为0。");
        let rules: Vec<_> = got.iter().filter(|x| x.0 == "rules").map(|x| (x.1.as_str(), x.2)).collect();
        assert_eq!(rules, vec![("issued", Some(0.0)), ("repealed", Some(0.0)), ("in_force", Some(0.0))]);
    }

    #[test]
    fn the_2019_form_in_words() {
        let got = cells_of_year("本局未制作规章。本年新制作规范性文件4件，新公开4件，对外公开规范性文件总数26件。行政许可事项上一年89项，本年减少3项，全年办理行政许可决定2,561件；行政处罚事项上一年230项，本年增加5项，全年作出行政处罚决定48件；行政强制事项上一年12项，本年无增减。政府集中采购项目5个，采购总金额86.4万元。", 2019);
        let find = |r: &str, c: &str| got.iter().find(|x| x.0 == r && x.1 == c).and_then(|x| x.2);
        assert_eq!(find("rules", "new_made"), Some(0.0));
        // (Not making rules says nothing of those in force.)
        assert_eq!(find("rules", "total_published"), None);
        assert_eq!(find("normative_documents", "new_published"), Some(4.0));
        assert_eq!(find("normative_documents", "total_published"), Some(26.0));
        assert_eq!(find("licensing", "prev_items"), Some(89.0));
        assert_eq!(find("licensing", "change"), Some(-3.0));
        assert_eq!(find("licensing", "decisions"), Some(2561.0));
        assert_eq!(find("punishment", "change"), Some(5.0));
        assert_eq!(find("coercion", "change"), Some(0.0));
        assert_eq!(find("coercion", "decisions"), None);
        assert_eq!(find("procurement", "items"), Some(5.0));
        assert_eq!(find("procurement", "amount"), None);
        assert_eq!(clauses("决定2,561件，其中1:2").collect::<Vec<_>>(), ["决定2,561件，", "其中1:2"]);
    }

    #[test]
    fn what_is_not_read() {
        // A part, a fee in 元, two items in one count, too few cells, narrative rules of work.
        let got = cells_of("作出行政许可决定20件，其中不予许可决定3件。收取行政事业性收费3000元。行政许可、行政强制决定共5件。完善规章制度3项。");
        assert!(got.is_empty(), "{got:?}");
        // A label naming two items names neither for the count after it.
        let got =
            cells_of("行政规范性文件：本年制发2件，废止1件，现行有效3件，（3）行政许可、行政处罚：本年处理决定7件。");
        assert!(!got.iter().any(|x| x.1 == "decisions"), "{got:?}");
        // Two statements of one cell that disagree leave it unknown.
        let got = cells_of("制发行政规范性文件3件，废止1件，现行有效8件。全年制发行政规范性文件4件。");
        assert!(!got.iter().any(|x| x.1 == "issued"), "{got:?}");
    }
}
