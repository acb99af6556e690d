//! Table 3 (either form) that a report writes in sentences in its section instead of printing
//! it: `本年新收政府信息公开申请2件，均为自然人申请；上年结转政府信息公开申请0件。本年度办理结果：
//! 予以公开1件，因本机关不掌握相关政府信息无法提供1件，其余办理结果均为0件；办理结果总计2件`, a
//! row a line (`予以公开：一件（自然人）`, `③部分公开五宗`, `1.属于国家秘密……14件`), or
//! breakdowns in clauses (`不予公开5件，其中保护第三方合法权益1件、…，属于国家秘密、…的均为0件`).
//!
//! A count (digits or Chinese numerals with their unit; without one only after a colon or
//! leader dots) is read where the last label before it, since the count before, names one row
//! (`予以公开`), one group of rows (`不予公开`: the sum of its rows), one applicant of the row
//! just counted (`其中自然人申请80件`: a cell of that row) or the organisations together
//! (`法人或其他组织6件`: the sum of five cells), and nothing but joining words stand between label
//! and count (`的`, `为`, `：`, leader dots, `申请`). A list of labels joined by `、` or `和` takes
//! a count of 0, or a count `均` gives each. Words after a count that say whose it was
//! (`，均为自然人申请`, `（本机关不掌握相关政府信息，自然人）`, `（其他）`) give it to that applicant or
//! row; a row denied (`部分公开：无`, `未收到政府信息公开申请`, `上年无结转`) is 0, and `其余办理结果均为0`
//! makes 0 every result row not counted outside a group with a count.
//!
//! The rest follows from the arithmetic, with every count at least 0: a row's applicants add up
//! to its total, each column's results to its results total, each column's new and carried-over
//! requests to its results and carried-forward ones, a group's rows to its count. A cell is
//! known where that leaves one value (`inferred`). The table is made only with three counts
//! read at least and nothing contradicting: a cell stated twice with two values, or a count the
//! arithmetic cannot meet, makes no table (the sentences stay facts).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::model::{Number, OrderedMap, TableFormat, TableReading};

use super::cells;
use super::template::{
    t3_row_in, t3_rows_of, T3Label, T3_CARRIED_FORWARD, T3_COLS, T3_LABELS, T3_OTHER_2019, T3_RESULTS_TOTAL, T3_ROWS,
};

/// What a label of the section names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    /// A row of `T3_ROWS`.
    Row(usize),
    /// A group of rows, index into `GROUPS` (其他处理: a group in the 2021 form, a row in 2019).
    Group(usize),
    /// An applicant column (index into `T3_COLS`, not the total).
    Applicant(usize),
    /// `法人或其他组织`: the five organisation columns together.
    Organisations,
    /// A row its words deny (`未收到政府信息公开申请`): 0.
    Zero(usize),
    /// `其他` alone: the 2021 row `other_other` inside 其他处理.
    Other,
    /// The results' heading (`本年度办理结果`): their total where a count follows at once.
    Results,
}

/// Groups of rows (first and last index into `T3_ROWS`): 不予公开, 无法提供, 不予处理, and 其他处理
/// of the 2021 form.
const GROUPS: [(usize, usize); 4] = [(4, 11), (12, 14), (15, 19), (21, 23)];
/// Index of 其他处理 in `GROUPS`.
const OTHER_PROCESSING: usize = 3;
/// The 2021 row `other_other`, 其他处理's last.
const OTHER_OTHER: usize = GROUPS[OTHER_PROCESSING].1;

/// Labels of prose beyond the form's (`T3_LABELS`), compact (no spaces or quotes).
const PROSE_LABELS: &[(&str, Word)] = &[
    ("本年新收申请", Word::Row(0)),
    ("本年新收", Word::Row(0)),
    ("新收政府信息公开申请", Word::Row(0)),
    ("新收申请", Word::Row(0)),
    ("收到政府信息公开申请", Word::Row(0)),
    ("收到依申请公开申请", Word::Row(0)),
    ("收到申请", Word::Row(0)),
    ("受理政府信息公开申请", Word::Row(0)),
    ("受理依申请公开申请", Word::Row(0)),
    ("受理申请", Word::Row(0)),
    ("接收政府信息公开申请", Word::Row(0)),
    ("上年结转", Word::Row(1)),
    ("办理结果总计", Word::Row(T3_RESULTS_TOTAL)),
    ("办理结果合计", Word::Row(T3_RESULTS_TOTAL)),
    ("共办结", Word::Row(T3_RESULTS_TOTAL)),
    ("办结", Word::Row(T3_RESULTS_TOTAL)),
    ("结转下年度", Word::Row(T3_CARRIED_FORWARD)),
    ("结转至下年度", Word::Row(T3_CARRIED_FORWARD)),
    ("结转到下年度", Word::Row(T3_CARRIED_FORWARD)),
    ("自然人", Word::Applicant(0)),
    ("商业企业", Word::Applicant(1)),
    ("科研机构", Word::Applicant(2)),
    ("社会公益组织", Word::Applicant(3)),
    ("法律服务机构", Word::Applicant(4)),
    ("其他组织", Word::Applicant(5)),
    ("法人或其他组织", Word::Organisations),
    ("法人或者其他组织", Word::Organisations),
    ("法人和其他组织", Word::Organisations),
    ("未收到政府信息公开申请", Word::Zero(0)),
    ("未收到依申请公开申请", Word::Zero(0)),
    ("未收到申请", Word::Zero(0)),
    ("没有收到政府信息公开申请", Word::Zero(0)),
    ("未受理政府信息公开申请", Word::Zero(0)),
    ("上年无结转", Word::Zero(1)),
    ("无上年结转", Word::Zero(1)),
    ("无结转下年度", Word::Zero(T3_CARRIED_FORWARD)),
    ("没有结转下年度", Word::Zero(T3_CARRIED_FORWARD)),
];

/// Words that may stand between a label and its count.
const JOINING: &[&str] = &[
    "政府信息公开申请",
    "申请数量",
    "申请",
    "数量",
    "件数",
    "均为",
    "都为",
    "共计",
    "合计",
    "总计",
    "的",
    "为",
    "是",
    "共",
    "计",
    "有",
    "达",
];

/// Words after a count that say whose it was (`，均为自然人申请`).
const WHOSE: &[&str] = &["均为", "均系", "均是", "均属于", "全部为", "全部是", "全为", "都是", "都为", "为", "系"];

/// Every label, form's and prose's, and what it names (`T3_LABELS`' groups and 其他处理 by
/// `GROUPS`; 其他处理 is the 2019 row where `GROUPS` is not used).
static LABELS: LazyLock<(AhoCorasick, Vec<Word>)> = LazyLock::new(|| {
    let mut pats: Vec<&str> = Vec::new();
    let mut words = Vec::new();
    for (p, l) in T3_LABELS {
        let w = match (*p, l) {
            ("其他", _) => Word::Other,
            ("本年度办理结果", _) => Word::Results,
            ("不予公开", _) => Word::Group(0),
            ("无法提供", _) => Word::Group(1),
            ("不予处理", _) => Word::Group(2),
            (_, T3Label::OtherProcessing) => Word::Group(OTHER_PROCESSING),
            (_, T3Label::Row(r)) => Word::Row(*r),
            (_, T3Label::Group) => continue,
        };
        pats.push(p);
        words.push(w);
    }
    for (p, w) in PROSE_LABELS {
        pats.push(p);
        words.push(*w);
    }
    let ac = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&pats).expect("table 3 labels");
    (ac, words)
});

/// The section in compact form: spaces and quotes out, full-width folded, `其它` as `其他`;
/// `at[i]`: the character of the section that compact character `i` was.
struct Compact {
    text: String,
    chars: Vec<char>,
    at: Vec<usize>,
    /// Character index of each byte of `text` that starts one.
    byte_char: Vec<usize>,
}

fn compact(body: &str) -> Compact {
    let (mut chars, mut at) = (Vec::new(), Vec::new());
    for (i, c) in body.chars().enumerate() {
        // (A full-width comma stays one: `1,047` is a number, `1，0` two.)
        let c = if c == '，' { c } else { cells::fold(c) };
        if c != '\n' && (cells::is_space(c) || matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'' | '「' | '」'))
        {
            continue;
        }
        let c = if c == '它' && chars.last() == Some(&'其') { '他' } else { c };
        chars.push(c);
        at.push(i);
    }
    let text: String = chars.iter().collect();
    let mut byte_char = vec![0; text.len() + 1];
    for (k, (b, _)) in text.char_indices().enumerate() {
        byte_char[b] = k;
    }
    byte_char[text.len()] = chars.len();
    Compact { text, chars, at, byte_char }
}

/// A label or a count of the section, in compact characters `[s, e)`.
#[derive(Debug, Clone, Copy)]
enum Token {
    Label { word: Word, s: usize, e: usize },
    Count { value: i64, s: usize, e: usize, unit: bool },
}

/// Whether `c` is a Chinese numeral of a count.
fn is_numeral(c: char) -> bool {
    matches!(c, '零' | '〇' | '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千')
}

/// Units of a count of requests.
fn is_unit(c: char) -> bool {
    matches!(c, '件' | '宗' | '个' | '条' | '项' | '次')
}

/// Where a clause ends.
fn ends_clause(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '。' | '\n' | '、' | '）' | ')' | '！' | '!')
}

/// The labels and counts of the section, in order.
fn tokens(c: &Compact) -> Vec<Token> {
    let (ac, words) = &*LABELS;
    let mut labels: Vec<Token> = ac
        .find_iter(&c.text)
        .map(|m| Token::Label {
            word: words[m.pattern().as_usize()],
            s: c.byte_char[m.start()],
            e: c.byte_char[m.end()],
        })
        .collect();
    let mut covered = vec![false; c.chars.len()];
    for t in &labels {
        if let Token::Label { s, e, .. } = t {
            covered[*s..*e].iter_mut().for_each(|x| *x = true);
        }
    }
    let ch = &c.chars;
    let mut out = Vec::new();
    let mut i = 0;
    while i < ch.len() {
        if covered[i] {
            i += 1;
            continue;
        }
        let digits = ch[i].is_ascii_digit();
        if !digits && !is_numeral(ch[i]) && ch[i] != '无' {
            i += 1;
            continue;
        }
        let s = i;
        if ch[i] == '无' {
            i += 1;
            // `部分公开：无。`: a count of none where the clause ends at once.
            if ch.get(i).is_none_or(|&x| ends_clause(x)) {
                out.push(Token::Count { value: 0, s, e: i, unit: false });
            }
            continue;
        }
        while i < ch.len() && !covered[i] && (if digits { ch[i].is_ascii_digit() } else { is_numeral(ch[i]) }) {
            i += 1;
            // Thousands apart: `1,047`.
            let thousands = |k: usize| ch.get(k).is_some_and(char::is_ascii_digit);
            if digits && ch.get(i) == Some(&',') && (1..=3).all(|d| thousands(i + d)) && !thousands(i + 4) {
                i += 1;
            }
        }
        // Part of a decimal, a date, a share or a longer number: no count.
        let glued = s > 0 && (ch[s - 1].is_ascii_digit() || ch[s - 1] == '.');
        let next = ch.get(i).copied();
        let unit = next.is_some_and(is_unit);
        let raw: String = ch[s..i].iter().filter(|&&x| x != ',').collect();
        let Some(value) = crate::numbers::parse_whole(&raw).and_then(|v| i64::try_from(v).ok()) else { continue };
        if glued {
            continue;
        }
        if unit {
            out.push(Token::Count { value, s, e: i + 1, unit: true });
            i += 1;
        } else if digits && next.is_none_or(|x| ends_clause(x) && x != '、') {
            out.push(Token::Count { value, s, e: i, unit: false });
        }
    }
    labels.append(&mut out);
    labels.sort_by_key(|t| match t {
        Token::Label { s, .. } | Token::Count { s, .. } => *s,
    });
    labels
}

/// Whether `gap` (between a label and its count) holds only joining words, leader dots and
/// colons; `set_apart`: whether a colon or leader dots stand in it (a count without a unit
/// needs them).
fn joins(gap: &[char]) -> Option<bool> {
    let mut rest: String = gap.iter().collect();
    let mut set_apart = false;
    loop {
        let trimmed = rest.trim_start_matches(|c: char| {
            let leader = matches!(c, '…' | '·' | '.' | '．' | '-' | '—' | '_' | '：' | ':');
            set_apart |= leader;
            leader
        });
        let mut next = trimmed.to_string();
        if let Some(w) = JOINING.iter().find(|w| trimmed.starts_with(**w)) {
            next = trimmed[w.len()..].to_string();
        } else if trimmed.starts_with(['（', '(']) {
            // A remark in brackets, without a number (`（区分处理的，只计这一情形）`).
            if let Some(close) = trimmed.find(['）', ')']) {
                let inner = &trimmed[..close];
                let nested = inner.chars().skip(1).any(|c| matches!(c, '（' | '('));
                if !inner.chars().any(|c| c.is_ascii_digit()) && !nested {
                    next = trimmed[close..].chars().skip(1).collect();
                }
            }
        }
        if next == rest {
            return rest.is_empty().then_some(set_apart);
        }
        rest = next;
    }
}

/// A cell's value and where it came from.
#[derive(Debug, Clone, Copy)]
struct Known {
    value: i64,
    /// Compact span of the count or the words that gave it; none for a cell the arithmetic gave.
    span: Option<[usize; 2]>,
    /// Read from a count printed for this cell (not inferred).
    printed: bool,
}

/// The cells read so far (`T3_ROWS` × `T3_COLS`), the groups' counts, the organisations' sums.
struct Sheet {
    cells: Vec<Option<Known>>,
    groups: [Option<i64>; 4],
    organisations: Vec<(usize, i64)>,
    printed: usize,
    /// A cell stated twice with two values.
    clash: bool,
}

const NCOLS: usize = T3_COLS.len();
const TOTAL: usize = NCOLS - 1;

impl Sheet {
    fn set(&mut self, row: usize, col: usize, value: i64, span: [usize; 2], printed: bool) {
        let cell = &mut self.cells[row * NCOLS + col];
        match cell {
            Some(k) if k.value != value => self.clash = true,
            Some(k) => k.printed |= printed,
            None => {
                *cell = Some(Known { value, span: Some(span), printed });
                self.printed += usize::from(printed);
            }
        }
    }

    fn group(&mut self, g: usize, value: i64) {
        if self.groups[g].replace(value).is_some_and(|v| v != value) {
            self.clash = true;
        }
    }
}

/// What a count was given to: a row, or a group.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Counted {
    Row(usize),
    Group(usize),
}

/// Table 3 written in words in its section (`body`, starting at character `at` of the text).
pub(super) fn read(body: &str, at: usize, format: TableFormat) -> Option<TableReading> {
    let c = compact(body);
    let toks = tokens(&c);
    let mut sheet = Sheet {
        cells: vec![None; T3_ROWS.len() * NCOLS],
        groups: [None; 4],
        organisations: Vec::new(),
        printed: 0,
        clash: false,
    };
    // Under a header naming the applicant columns, a row's one count without its unit may be
    // any column's (the blank cells of a table that vanished from its text): not read.
    let headed = names_applicants(&c.chars, &toks);
    // The row or group counted last in this sentence, and the group its rows belong to.
    let mut last: Option<Counted> = None;
    let mut group: Option<usize> = None;
    // Whether the count before was an applicant's.
    let mut applicants = false;
    let mut from = 0;
    for (k, t) in toks.iter().enumerate() {
        if let Token::Label { word: Word::Zero(r), s, e } = *t {
            sheet.set(r, TOTAL, 0, [s, e], false);
            continue;
        }
        let Token::Count { value, s, e, unit } = *t else { continue };
        if c.chars[from..s].contains(&'。') {
            (last, group) = (None, None);
        }
        let window = &toks[..k];
        from = e;
        if !unit && headed {
            continue;
        }
        let Some(mut chain) = labels_before(window, &c.chars, s, unit, value) else { continue };
        // `自然人：64件 / 社会公益组织：2件 / 其他：4件`: `其他` among applicants is the form's column
        // of other organisations.
        if let [(w @ Word::Other, ..)] = &mut chain[..] {
            if applicants {
                *w = Word::Applicant(5);
            }
        }
        applicants = matches!(chain[..], [(Word::Applicant(_) | Word::Organisations, ..)]);
        let counted = give(&mut sheet, &chain, value, [s, e], last, group, format);
        if let Some(x) = counted {
            last = Some(x);
            if let Counted::Group(g) = x {
                group = Some(g);
            }
            whose(&mut sheet, &c, &toks[k + 1..], e, x, value, format);
        }
    }
    rest_zero(&mut sheet, &c, &toks, format);
    if sheet.clash || sheet.printed < 3 {
        return None;
    }
    solve(&mut sheet, format)?;
    Some(table(&sheet, &c, at, format))
}

/// Whether a line of the section names three applicants or more and counts nothing (a table's
/// header: `申请人情况 自然人 商业企业 科研机构 …`).
fn names_applicants(chars: &[char], toks: &[Token]) -> bool {
    // (Applicants named on this line, whether it counts, where the last token stood.)
    let (mut named, mut counts, mut from) = (0, false, 0);
    for t in toks {
        let s = match *t {
            Token::Label { s, .. } | Token::Count { s, .. } => s,
        };
        if chars[from..s].contains(&'\n') {
            (named, counts) = (0, false);
        }
        from = s;
        match t {
            Token::Label { word: Word::Applicant(_) | Word::Organisations, .. } => named += 1,
            Token::Count { .. } => counts = true,
            Token::Label { .. } => {}
        }
        if named >= 3 && !counts {
            return true;
        }
    }
    false
}

/// The labels a count at `s` is given to: the last label since the count before, where only
/// joining words stand between (and a colon or leader dots for a count without its unit),
/// with the labels joined to it by `、`/`和` where the count is 0 or said of each (`均`).
/// `None` where no label stands so, or where an applicant is named in the clause before a row.
fn labels_before(
    window: &[Token],
    chars: &[char],
    s: usize,
    unit: bool,
    value: i64,
) -> Option<Vec<(Word, usize, usize)>> {
    // Labels inside words in brackets that close before the count are remarks
    // (`部分公开（区分处理的，只计这一情形，不计其他情形）……3件`).
    let mut labels = window
        .iter()
        .rev()
        .take_while(|t| matches!(t, Token::Label { .. }))
        .filter(|t| matches!(t, Token::Label { e, .. } if !closes_before(&chars[*e..s])));
    let Some(&Token::Label { word, s: ls, e: le }) = labels.next() else { return None };
    let set_apart = joins(&chars[le..s])?;
    if !unit && !set_apart {
        return None;
    }
    let gap = &chars[le..s];
    let each = gap.contains(&'均') || gap.contains(&'都') || value == 0;
    let mut chain = vec![(word, ls, le)];
    let mut start = ls;
    for t in labels {
        let Token::Label { word: w, s: ps, e: pe } = *t else { break };
        let between: String = chars[pe..start].iter().collect();
        if between.is_empty() {
            // `因本机关不掌握相关政府信息无法提供1件`: a row just before its group's label.
            if chain.len() == 1 && matches!(word, Word::Group(_)) && matches!(w, Word::Row(_)) {
                chain.push((w, ps, pe));
            }
            break;
        }
        if matches!(between.as_str(), "、" | "和" | "及" | "以及" | "与" | "或") {
            if !each || !matches!(w, Word::Row(_) | Word::Group(_)) {
                return None;
            }
            chain.push((w, ps, pe));
            start = ps;
            continue;
        }
        // An applicant named in the clause before a row's label: the count may be its cell
        // (`自然人申请予以公开3件`).
        let same_clause = !between.chars().any(ends_clause);
        if same_clause && matches!(w, Word::Applicant(_) | Word::Organisations) && matches!(word, Word::Row(_)) {
            return None;
        }
        break;
    }
    Some(chain)
}

/// Whether `chars` closes a bracket it did not open.
fn closes_before(chars: &[char]) -> bool {
    let mut depth = 0i32;
    for &c in chars {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => {
                depth -= 1;
                if depth < 0 {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// Gives a count to the labels `chain` names (the last first): a row's total, a group's count,
/// an applicant's cell of the row counted `last`. What the count was given to, if a row or a
/// group.
fn give(
    sheet: &mut Sheet,
    chain: &[(Word, usize, usize)],
    value: i64,
    span: [usize; 2],
    last: Option<Counted>,
    group: Option<usize>,
    format: TableFormat,
) -> Option<Counted> {
    let f2019 = format == TableFormat::F2019;
    let mut counted = None;
    // `因本机关不掌握相关政府信息无法提供1件`: a group's row just before the group's label.
    if let [(Word::Group(g), gs, _), (Word::Row(r), _, re), ..] = chain {
        if re == gs && in_group(*g, *r, format) {
            sheet.group(*g, value);
            sheet.set(*r, TOTAL, value, span, true);
            return Some(Counted::Row(*r));
        }
    }
    if chain.len() > 1 && !chain.iter().all(|(w, _, _)| matches!(w, Word::Row(_) | Word::Group(_))) {
        return None;
    }
    for &(w, _, _) in chain {
        counted = match w {
            Word::Row(r) if t3_row_in(format, r) => {
                sheet.set(r, TOTAL, value, span, true);
                Some(Counted::Row(r))
            }
            Word::Results if chain.len() == 1 => {
                sheet.set(T3_RESULTS_TOTAL, TOTAL, value, span, true);
                Some(Counted::Row(T3_RESULTS_TOTAL))
            }
            Word::Group(OTHER_PROCESSING) if f2019 => {
                sheet.set(T3_OTHER_2019, TOTAL, value, span, true);
                Some(Counted::Row(T3_OTHER_2019))
            }
            Word::Group(g) => {
                sheet.group(g, value);
                Some(Counted::Group(g))
            }
            Word::Other if !f2019 && group == Some(OTHER_PROCESSING) && chain.len() == 1 => {
                sheet.set(OTHER_OTHER, TOTAL, value, span, true);
                Some(Counted::Row(OTHER_OTHER))
            }
            Word::Applicant(col) if chain.len() == 1 => {
                if let Some(Counted::Row(r)) = last {
                    sheet.set(r, col, value, span, true);
                }
                return None;
            }
            Word::Organisations if chain.len() == 1 => {
                if let Some(Counted::Row(r)) = last {
                    sheet.organisations.push((r, value));
                }
                return None;
            }
            _ => return None,
        };
    }
    if chain.len() > 1 {
        // A list: no one row or group to say whose its count was.
        return None;
    }
    counted
}

/// Whether row `r` is one of group `g`'s in a table of `format`.
fn in_group(g: usize, r: usize, format: TableFormat) -> bool {
    let (a, b) = GROUPS[g];
    (a..=b).contains(&r) && t3_row_in(format, r)
}

/// Words right after a count (ending at `e`) that say whose it was: `（自然人）`, `（本机关不
/// 掌握相关政府信息，自然人）`, `，均为自然人申请`, `，为重复申请`, `（其他）`: a group's count given to
/// the one row named, a row's to the one applicant named.
fn whose(sheet: &mut Sheet, c: &Compact, after: &[Token], e: usize, counted: Counted, value: i64, format: TableFormat) {
    let ch = &c.chars;
    let (from, to) = if matches!(ch.get(e), Some('（' | '(')) {
        let Some(close) = ch[e..].iter().take(40).position(|&x| matches!(x, '）' | ')')) else { return };
        (e + 1, e + close)
    } else {
        let mut i = e + usize::from(matches!(ch.get(e), Some('，' | ',')));
        let rest: String = ch[i..ch.len().min(i + 4)].iter().collect();
        let Some(w) = WHOSE.iter().find(|w| rest.starts_with(**w)) else { return };
        i += w.chars().count();
        let end = ch[i..].iter().position(|&x| ends_clause(x)).map_or(ch.len(), |p| i + p);
        (i, end)
    };
    let mut inside = Vec::new();
    for t in after {
        match *t {
            Token::Label { s, .. } | Token::Count { s, .. } if s >= to => break,
            Token::Count { .. } => return,
            Token::Label { word, s, e: le } if s >= from && le <= to => inside.push((word, s, le)),
            Token::Label { .. } => {}
        }
    }
    let span = [from, to];
    let mut row = match counted {
        Counted::Row(r) => Some(r),
        Counted::Group(_) => None,
    };
    let rows: Vec<usize> = inside
        .iter()
        .filter_map(|(w, _, _)| match (w, counted) {
            (Word::Row(r), Counted::Group(g)) if in_group(g, *r, format) => Some(*r),
            (Word::Other, Counted::Group(OTHER_PROCESSING)) if format != TableFormat::F2019 => Some(OTHER_OTHER),
            _ => None,
        })
        .collect();
    if let [r] = rows[..] {
        sheet.set(r, TOTAL, value, span, false);
        row = Some(r);
    }
    let applicants: Vec<usize> =
        inside.iter().filter_map(|(w, _, _)| if let Word::Applicant(a) = w { Some(*a) } else { None }).collect();
    if let ([a], Some(r)) = (&applicants[..], row) {
        sheet.set(r, *a, value, span, false);
    }
}

/// `其余办理结果均为0件`, `各项办理结果均为0`: the result rows not counted, outside groups with a
/// count above 0, are 0.
fn rest_zero(sheet: &mut Sheet, c: &Compact, toks: &[Token], format: TableFormat) {
    static REST: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?:其余|其他|剩余|各项)(?:办理结果|各项|项目|情形)?(?:数据|数量)?(?:均|都|全部)(?:为|是)?(?:0|零)(?:件|宗|个)?(?:[^0-9.]|$)")
            .expect("rest-zero regex")
    });
    let Some(m) = REST.find(&c.text) else { return };
    let span = [c.byte_char[m.start()], c.byte_char[m.end()]];
    // Said of the results: in so many words, or after a result's label (not after an
    // applicant's: `其中自然人80件，其余均为0`).
    let before = toks.iter().rev().find_map(|t| match *t {
        Token::Label { word, e, .. } if e <= span[0] => Some(word),
        _ => None,
    });
    let results = matches!(before, Some(Word::Row(2..T3_RESULTS_TOTAL) | Word::Group(_) | Word::Results | Word::Other));
    if !m.as_str().contains("办理结果") && !results {
        return;
    }
    for r in 2..T3_RESULTS_TOTAL {
        if !t3_row_in(format, r) || sheet.cells[r * NCOLS + TOTAL].is_some() {
            continue;
        }
        let counted_group = (0..GROUPS.len()).any(|g| in_group(g, r, format) && sheet.groups[g].is_some_and(|v| v > 0));
        if !counted_group {
            sheet.set(r, TOTAL, 0, span, false);
        }
    }
}

/// A linear equation over cells and constants: the sum of `lhs` equals the sum of `rhs`.
struct Equation {
    lhs: Vec<Term>,
    rhs: Vec<Term>,
}

#[derive(Clone, Copy)]
enum Term {
    Cell(usize),
    Const(i64),
}

/// The form's equations over the sheet's cells.
fn equations(sheet: &Sheet, format: TableFormat) -> Vec<Equation> {
    let rows = t3_rows_of(format);
    let cell = |r: usize, col: usize| Term::Cell(r * NCOLS + col);
    let mut eqs = Vec::new();
    for &r in &rows {
        eqs.push(Equation { lhs: (0..TOTAL).map(|col| cell(r, col)).collect(), rhs: vec![cell(r, TOTAL)] });
    }
    let results: Vec<usize> = rows.iter().copied().filter(|&r| (2..T3_RESULTS_TOTAL).contains(&r)).collect();
    for col in 0..NCOLS {
        eqs.push(Equation {
            lhs: results.iter().map(|&r| cell(r, col)).collect(),
            rhs: vec![cell(T3_RESULTS_TOTAL, col)],
        });
        eqs.push(Equation {
            lhs: vec![cell(0, col), cell(1, col)],
            rhs: vec![cell(T3_RESULTS_TOTAL, col), cell(T3_CARRIED_FORWARD, col)],
        });
    }
    for (g, v) in sheet.groups.iter().enumerate() {
        match v {
            Some(v) if !(format == TableFormat::F2019 && g == OTHER_PROCESSING) => eqs.push(Equation {
                lhs: rows.iter().filter(|&&r| in_group(g, r, format)).map(|&r| cell(r, TOTAL)).collect(),
                rhs: vec![Term::Const(*v)],
            }),
            _ => {}
        }
    }
    for &(r, v) in &sheet.organisations {
        eqs.push(Equation { lhs: (1..TOTAL).map(|col| cell(r, col)).collect(), rhs: vec![Term::Const(v)] });
    }
    eqs
}

/// Cells the equations leave one value for, every cell at least 0: `None` where the counts
/// read cannot all hold.
fn solve(sheet: &mut Sheet, format: TableFormat) -> Option<()> {
    let eqs = equations(sheet, format);
    let mut changed = true;
    while changed {
        changed = false;
        for eq in &eqs {
            let side = |terms: &[Term]| {
                let (mut sum, mut open) = (0i64, Vec::new());
                for t in terms {
                    match *t {
                        Term::Const(v) => sum += v,
                        Term::Cell(i) => match sheet.cells[i] {
                            Some(k) => sum += k.value,
                            None => open.push(i),
                        },
                    }
                }
                (sum, open)
            };
            let ((ls, lo), (rs, ro)) = (side(&eq.lhs), side(&eq.rhs));
            let settled: Vec<(usize, i64)> = match (lo.len(), ro.len()) {
                (0, 0) if ls != rs => return None,
                (0, 0) => continue,
                (1, 0) => vec![(lo[0], rs - ls)],
                (0, 1) => vec![(ro[0], ls - rs)],
                (_, 0) if ls > rs => return None,
                (_, 0) if ls == rs => lo.iter().map(|&i| (i, 0)).collect(),
                (0, _) if rs > ls => return None,
                (0, _) if ls == rs => ro.iter().map(|&i| (i, 0)).collect(),
                _ => continue,
            };
            for (i, v) in settled {
                if v < 0 {
                    return None;
                }
                sheet.cells[i] = Some(Known { value: v, span: None, printed: false });
                changed = true;
            }
        }
    }
    Some(())
}

/// The table of the sheet's cells, spans in characters of the text (the section starts at
/// `at`): a cell the arithmetic gave stands at its row's count, or at the table's first count.
fn table(sheet: &Sheet, c: &Compact, at: usize, format: TableFormat) -> TableReading {
    let place = |[s, e]: [usize; 2]| {
        let start = c.at.get(s).copied().unwrap_or(0);
        let end = if e > s { c.at.get(e - 1).map_or(start, |x| x + 1) } else { start };
        [at + start, at + end]
    };
    let printed: Vec<[usize; 2]> = sheet.cells.iter().flatten().filter(|k| k.printed).filter_map(|k| k.span).collect();
    let first = printed.iter().map(|s| s[0]).min().unwrap_or(0);
    let last = printed.iter().map(|s| s[1]).max().unwrap_or(0);
    let span = place([first, last]);
    let first_count = printed.iter().min_by_key(|s| s[0]).copied().unwrap_or([first, first]);
    let rows = t3_rows_of(format).into_iter().map(|r| {
        let own = sheet.cells[r * NCOLS + TOTAL].filter(|k| k.printed).and_then(|k| k.span).unwrap_or(first_count);
        let row = (0..NCOLS).map(|col| {
            let cell = match sheet.cells[r * NCOLS + col] {
                Some(Known { value, span: Some(s), printed: true }) => {
                    let raw: String = c.chars[s[0]..s[1]].iter().collect();
                    cells::number(&raw, Number::Int(value), place(s), false)
                }
                Some(Known { value, span, .. }) => {
                    cells::number("", Number::Int(value), place(span.unwrap_or(own)), true)
                }
                None => cells::unknown("", place(own)),
            };
            (T3_COLS[col].to_string(), cell)
        });
        (T3_ROWS[r].key.to_string(), OrderedMap(row.collect()))
    });
    TableReading { format, cells: OrderedMap(rows.collect()), extra_rows: Vec::new(), span }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value of `row`'s `col` in `t`.
    fn value(t: &TableReading, row: &str, col: &str) -> Option<i64> {
        let row = t.cells.0.iter().find(|r| r.0 == row)?;
        match row.1 .0.iter().find(|c| c.0 == col)?.1.value {
            Some(Number::Int(v)) => Some(v),
            _ => None,
        }
    }

    #[test]
    fn a_list_in_chinese_numerals_with_groups_and_whose_words() {
        let body = "三、收到和处理政府信息公开申请情况\n①本年新收申请七十宗，上年结转零宗；\n②予以公开三十宗；\n③部分公开五宗；\n④不予公开八宗：属于三类内部事务信息一宗，属于行政执法案卷六宗，属于行政查询事项一宗；\n⑤无法提供二十五宗，均为本机关不掌握相关政府信息；\n⑥不予处理零宗；\n⑦其他处理一宗（其他）；\n⑧办理结果合计六十九宗，结转下年度继续办理一宗。\n";
        let t = read(body, 0, TableFormat::F2021).expect("table 3");
        let total = |r: &str| value(&t, r, "total");
        assert_eq!(total("new_received"), Some(70));
        assert_eq!(total("denied_enforcement_file"), Some(6));
        // The group's rows not named are 0: 1 + 6 + 1 make its 8.
        assert_eq!(total("denied_state_secret"), Some(0));
        // `均为本机关不掌握相关政府信息`, `（其他）`: the group's count is that row's.
        assert_eq!(total("unavailable_not_held"), Some(25));
        assert_eq!(total("other_other"), Some(1));
        assert_eq!(total("not_processed_duplicate"), Some(0));
        assert_eq!(total("carried_forward"), Some(1));
        // Applicants are not told (but where a row is 0).
        assert_eq!(value(&t, "granted", "natural_person"), None);
        assert_eq!(value(&t, "carried_over", "commercial"), Some(0));
    }

    #[test]
    fn all_from_natural_persons_and_the_rest_zero() {
        let body = "三、收到和处理政府信息公开申请情况\n本年新收政府信息公开申请2件，均为自然人申请；上年结转政府信息公开申请0件。本年度办理结果：予以公开1件，因本机关不掌握相关政府信息无法提供1件，其余办理结果均为0件；办理结果总计2件。结转下年度继续办理0件。\n";
        let t = read(body, 0, TableFormat::F2021).expect("table 3");
        for (row, v) in [("new_received", 2), ("granted", 1), ("unavailable_not_held", 1), ("results_total", 2)] {
            assert_eq!(value(&t, row, "natural_person"), Some(v), "{row}");
            assert_eq!(value(&t, row, "total"), Some(v), "{row}");
            assert_eq!(value(&t, row, "other_org"), Some(0), "{row}");
        }
        assert_eq!(value(&t, "partially_granted", "total"), Some(0));
        assert_eq!(value(&t, "other_unpaid_fee", "natural_person"), Some(0));
        // Printed counts are no inference; the arithmetic's are.
        let cell = |row: &str, col: &str| {
            t.cells.0.iter().find(|r| r.0 == row).and_then(|r| r.1 .0.iter().find(|c| c.0 == col)).map(|c| c.1.inferred)
        };
        assert_eq!(cell("granted", "total"), Some(false));
        assert_eq!(cell("granted", "natural_person"), Some(true));
    }

    #[test]
    fn counts_not_said_of_one_row_are_not_read() {
        let f = TableFormat::F2021;
        let head = "三、收到和处理政府信息公开申请情况\n本年新收政府信息公开申请81件，上年结转0件；";
        // An applicant named before the row (`自然人申请予以公开3件`: its cell, not the total).
        let t = read(&format!("{head}自然人申请予以公开3件，部分公开2件，无法提供4件。"), 0, f).expect("table 3");
        assert_eq!(value(&t, "granted", "total"), None);
        assert_eq!(value(&t, "partially_granted", "total"), Some(2));
        // A count before its label (`其中3件属于国家秘密`), and a label with other words between.
        let t = read(
            &format!("{head}不予公开5件，其中3件属于国家秘密，2件属于行政查询事项。予以公开约20件。部分公开6件。"),
            0,
            f,
        )
        .expect("table 3");
        assert_eq!(value(&t, "denied_state_secret", "total"), None);
        assert_eq!(value(&t, "denied_query_matter", "total"), None);
        assert_eq!(value(&t, "granted", "total"), None);
        // Thousands apart are one number; a remark in brackets does not part label and count.
        let t = read(
            &format!("{head}予以公开：1,047件；部分公开（区分处理的，只计这一情形，不计其他情形）……3件；无法提供2件。"),
            0,
            f,
        )
        .expect("table 3");
        assert_eq!(value(&t, "granted", "total"), Some(1047));
        assert_eq!(value(&t, "partially_granted", "total"), Some(3));
        // Two values for one row, or counts the arithmetic cannot meet: no table.
        assert!(read(&format!("{head}予以公开20件，部分公开3件，予以公开21件。"), 0, f).is_none());
        let t = "三、收到和处理政府信息公开申请情况\n本年新收申请10件，上年结转0件。予以公开12件，办理结果总计10件。";
        assert!(read(t, 0, f).is_none());
    }
}
