//! Tables printed as text are not prose (DOMAIN §8.2, §8.3): the lines of a
//! table the table reader may or may not have placed — rows with their cells
//! (`4.无正当理由大量反复申请 0 0 0 0 0 0 0`, `| 2.申请人逾期未按收费通知要求缴纳费用… | | |`),
//! label lines, table 4's stacked header (`结果 结果 其他 尚未 总 未经复议直接起诉 复议后起诉`)
//! — and the labels that open a table flattened into a line of prose
//! (`…（本列数据的勾稽关系为：…） 申请人情况 …`). Their numbers and words give no facts.

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use crate::document::{CharCursor, CharIndex, Document, Span};
use crate::tables::template;

/// Character spans of the lines of `doc.text` that are rows or labels of a table
/// printed as text (see [`table_line_kind`]), outside the document's own tables. A
/// line of bare numbers counts only next to another table line: alone between
/// prose lines it is a number a text layer wrapped onto a line of its own
/// (`…累计主动公开政府信息\n5928\n条`).
pub fn text_table_spans(doc: &Document) -> Vec<Span> {
    text_table_spans_indexed(doc, &CharIndex::new(&doc.text))
}

/// [`text_table_spans`] with the character index of the text made already (the report's
/// reader shares one with the facts reader).
pub(crate) fn text_table_spans_indexed(doc: &Document, idx: &CharIndex<'_>) -> Vec<Span> {
    let text = doc.text.as_str();
    // The document's own tables (HTML) are tables already: their lines are not looked at.
    let mut own: Vec<(usize, usize)> = Vec::new();
    if !doc.tables.is_empty() {
        // The byte of the first character from `c` on not taken yet, which it takes.
        let mut cursor = CharCursor::new(text);
        let mut next = 0usize;
        for t in doc.tables.iter().filter(|t| !is_prose_table(t)) {
            let mut byte_of = |c: usize| {
                let ci = c.max(next);
                next = ci + 1;
                cursor.byte_of(ci)
            };
            let a = byte_of(t.span[0]);
            let b = if t.span[1] > t.span[0] { byte_of(t.span[1]) } else { a };
            own.push((a, b));
        }
    }
    // (start, end, kind): 0 prose, 1 numbers only, 2 a table line with a label and values,
    // 3 a label alone.
    let mut lines: Vec<(usize, usize, u8)> = Vec::new();
    let mut at = 0usize;
    let mut t = 0usize;
    for line in crate::charset::split_newlines(text) {
        let (s, e) = (at, at + line.len());
        at = e + 1;
        while t < own.len() && own[t].1 <= s {
            t += 1;
        }
        if line.trim().is_empty() || own.get(t).is_some_and(|o| o.0 <= s) {
            continue;
        }
        let kind = match table_line_kind(line) {
            None => 0,
            Some(TableLine::Values) => 1,
            Some(TableLine::Row) => 2,
            Some(TableLine::Label) => 3,
        };
        lines.push((s, e, kind));
    }
    let mut out: Vec<Span> = Vec::new();
    for (k, &(s, e, kind)) in lines.iter().enumerate() {
        // Numbers alone, or a label alone (`府信息`, the end of a sentence's phrase wrapped onto
        // a line of its own, is also a scrap of a label), are a table's only beside its lines.
        let table = match kind {
            0 => false,
            2 => true,
            _ => {
                let prev = k.checked_sub(1).map(|j| lines[j].2);
                let next = lines.get(k + 1).map(|l| l.2);
                prev.is_some_and(|x| x > 0) || next.is_some_and(|x| x > 0)
            }
        };
        if !table {
            continue;
        }
        let span = idx.span(s..e);
        match out.last_mut() {
            // Adjacent lines (one line break apart) merge into one span.
            Some(last) if last[1] + 1 >= span[0] => last[1] = span[1],
            _ => out.push(span),
        }
    }
    out
}

/// Whether a table of the document holds prose, not data: no cell is a table's
/// label, fewer cells are bare values than run on like a sentence. Converters cut a
/// paragraph into the cells of a row (`| 府网站平台主动公开政府信息 |  | 1136 条。 |`).
pub(super) fn is_prose_table(t: &crate::document::Table) -> bool {
    let (mut prose, mut values) = (0usize, 0usize);
    for c in &t.cells {
        let text = c.text.trim();
        if text.is_empty() {
            continue;
        }
        let cell = compact_cell(text);
        if CELL.is_match(&cell) {
            values += 1;
            continue;
        }
        // A label of the statutory tables (not a scrap of one: `件，` is held by many).
        if bare_label(&cell).is_some_and(|l| l.chars().count() >= 3 && TABLE_LABELS.holds(l)) {
            return false;
        }
        if text.contains(['。', '，', '；']) || text.chars().count() >= 12 {
            prose += 1;
        }
    }
    prose > 0 && prose >= values
}

/// The spans of a table that are data, not prose: the whole table, but for its rows of one
/// sentence (a single non-empty cell that runs on like one and is no table's label), which a
/// table holding a whole report prints its paragraphs as (`全年共收到政府信息公开申请1218件，…`).
pub(super) fn data_spans(t: &crate::document::Table) -> Vec<Span> {
    // Each row's non-empty cells, in one pass over the cells: how many, and the first.
    let mut rows: Vec<(usize, Option<&crate::document::Cell>)> = vec![(0, None); t.n_rows];
    for c in t.cells.iter().filter(|c| !c.text.trim().is_empty()) {
        if let Some(row) = rows.get_mut(c.row) {
            row.0 += 1;
            row.1.get_or_insert(c);
        }
    }
    let sentence = |text: &str| {
        let text = text.trim();
        let cell = compact_cell(text);
        text.contains(['。', '，'])
            && text.chars().count() >= 20
            && !CELL.is_match(&cell)
            && bare_label(&cell).is_none()
    };
    let mut sentences = rows.iter().filter(|r| r.0 == 1).filter_map(|r| r.1).filter(|c| sentence(&c.text)).peekable();
    if sentences.peek().is_none() {
        return vec![t.span];
    }
    let mut out = Vec::new();
    let mut from = t.span[0];
    for c in sentences {
        if c.span[0] > from {
            out.push([from, c.span[0]]);
        }
        from = from.max(c.span[1]);
    }
    if t.span[1] > from {
        out.push([from, t.span[1]]);
    }
    out
}

/// Labels that open a table flattened into a line (DOMAIN §3–§5, §9.3), as they read
/// with whitespace removed. Only labels no prose sentence holds: a report's prose may
/// say `其中结果维持 72 件`, but not `结果维持结果纠正`.
const TABLE_MARKERS: &[&str] = &[
    "本年新收政府信息公开申请数量",
    "申请人情况",
    "本年制发件数",
    "本年新制作数量",
    "本年新公开数量",
    "第二十条第",
    "本年处理决定数量",
    "上一年项目数量",
    "采购总金额",
    "本列数据的勾稽关系",
    "计量单位",
    "指标名称",
    "结果维持结果纠正",
    "尚未审结总计",
    "未经复议直接起诉复议后起诉",
    "商业企业科研机构",
];

/// Where the first table label of a compacted sentence starts: the text from there on
/// is a flattened table.
///
/// The leftmost match: no marker holds another, so the match that ends first (what the
/// standard semantics report) starts first too; leftmost semantics let the automaton use
/// its packed (Teddy) prefilter instead of stepping its DFA over every byte.
pub(super) fn table_start(compact: &str) -> Option<usize> {
    static MARKERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(TABLE_MARKERS)
            .expect("table markers automaton")
    });
    MARKERS.find(compact).map(|m| m.start())
}

/// Labels of the statutory tables' rows, columns and captions (DOMAIN §3–§5) that
/// the table templates do not list as patterns of their own.
const EXTRA_TABLE_LABELS: &[&str] = &["申请人情况", "法人或其他组织", "行政诉讼", "第二十条第"];

/// Every table label, in the compact form of [`compact_cell`], one per line: a
/// piece is part of a label when it occurs in this text (pieces hold no line
/// breaks, so no match spans two labels). One search instead of one per label.
struct TableLabels {
    joined: String,
    longest: usize,
    /// Where each character of `joined` starts, ordered by the text from there on (its
    /// suffixes sorted): a piece occurs in `joined` when the first suffix not below it starts
    /// with it. A binary search of a few comparisons, where `str::contains` set up a
    /// searcher and walked the few thousand bytes of labels for every piece of every line.
    suffixes: Vec<u32>,
}

impl TableLabels {
    fn new(labels: &[&str]) -> TableLabels {
        let joined = labels.join("\n");
        let mut suffixes: Vec<u32> =
            joined.char_indices().map(|(i, _)| u32::try_from(i).expect("labels under 4 GB")).collect();
        suffixes.sort_unstable_by(|&a, &b| joined[a as usize..].cmp(&joined[b as usize..]));
        TableLabels { longest: labels.iter().map(|l| l.len()).max().unwrap_or(0), joined, suffixes }
    }

    /// `joined.contains(piece)` for a piece no longer than the longest label (a match of
    /// valid UTF-8 starts on a character, so the character starts are every place it may).
    fn holds(&self, piece: &str) -> bool {
        if piece.len() > self.longest {
            return false;
        }
        let i = self.suffixes.partition_point(|&o| &self.joined[o as usize..] < piece);
        self.suffixes.get(i).is_some_and(|&o| self.joined[o as usize..].starts_with(piece))
    }
}

static TABLE_LABELS: LazyLock<TableLabels> = LazyLock::new(|| {
    let mut out: Vec<&'static str> = Vec::new();
    out.extend(template::T2_LABELS.iter().map(|(l, _)| *l));
    out.extend(template::T3_LABELS.iter().map(|(l, _)| *l));
    out.extend(template::T3_COL_LABELS.iter().map(|(l, _)| *l));
    out.extend(template::T4_COL_LABELS.iter().map(|(l, _)| *l));
    out.extend(template::T4_GROUP_LABELS.iter().map(|(l, _)| *l));
    out.extend(EXTRA_TABLE_LABELS);
    TableLabels::new(&out)
});

/// A cell value of a text table (DOMAIN §8.5): a number, money with its unit, a
/// signed delta, or a not-applicable mark. `件`/`条` are not among the units, so a
/// count stated in prose (`受理申请 70件`) is never taken for a cell.
static CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-+]?[0-9][0-9,]*(?:\.[0-9]+)?(?:万元|元|笔|%)?|[-—–/]+|无|不适用)$").expect("cell regex")
});

/// Ordinals before a label (`一、`, `(三)`, `4.`) and page numbers.
static ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|[0-9]+[.、)])+").expect("ordinal regex")
});

/// A token of a text table row as the templates write labels: full-width ASCII
/// folded, quotes dropped, `其它` read as `其他`.
fn compact_cell(token: &str) -> Cow<'_, str> {
    let folded = |c: char| matches!(c, '\u{FF01}'..='\u{FF5E}');
    let dropped = |c: char| matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』');
    // Most pieces need none of it: no copy for them.
    if !token.contains(|c: char| folded(c) || dropped(c)) && !crate::charset::has_short(token, "其它") {
        return Cow::Borrowed(token);
    }
    let out: String = token
        .chars()
        .map(|c| if folded(c) { char::from_u32(c as u32 - 0xFEE0).unwrap_or(c) } else { c })
        .filter(|&c| !dropped(c))
        .collect();
    Cow::Owned(out.replace("其它", "其他"))
}

/// A label without its ordinal, its parenthesised notes (`(区分处理的，…)`,
/// `(单位：万元)`, also cut by a line break) and digits glued to its end (`""` for
/// an ordinal alone). `None` when digits remain or only a note does (`(注：收到申请
/// 70件)`, `(本年度未收费)` are prose, not labels).
fn bare_label(token: &str) -> Option<&str> {
    let t = ORDINAL.find(token).map_or(token, |m| &token[m.end()..]);
    if t.is_empty() {
        return Some(t);
    }
    let mut t = t.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    if t.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if let Some(open) = t.find('(') {
        t = &t[..open];
    }
    if let Some(close) = t.rfind(')') {
        t = &t[close + 1..];
    }
    (!t.is_empty()).then_some(t)
}

/// Whether a line is a row of a table printed as text (DOMAIN §8.2, §8.3): every
/// whitespace- or pipe-separated piece is a cell value or (part of) a table label
/// (`4.无正当理由大量反复申请 0 0 0 0 0 0 0`, `| 2.申请人逾期未按收费通知要求缴纳费用… | | |`,
/// the stacked header `结果 结果 其他 尚未 总 未经复议直接起诉 复议后起诉`). Prose
/// runs its words together, so a prose line is one piece and never all label.
///
/// What kind of table line it is, `None` for prose.
fn table_line_kind(line: &str) -> Option<TableLine> {
    // The separators between pieces: whitespace, `|` and `｜` ([`next_gap`]).
    let first = next_gap(line, 0);
    // A long run without separators is prose: no label or cell is that long.
    if first.is_none() && line.len() > TABLE_LABELS.longest + 64 {
        return None;
    }
    let (mut values, mut label) = (false, false);
    // The pieces between the separators, read up to the first that is neither a value nor a
    // label (the next separator is looked for only past a piece that is either).
    let (mut start, mut gap) = (0usize, first);
    loop {
        let piece = &line[start..gap.map_or(line.len(), |(at, _)| at)];
        if !piece.is_empty() {
            let piece = compact_cell(piece);
            if CELL.is_match(&piece) {
                values = true;
            } else if bare_label(&piece).is_some_and(|l| TABLE_LABELS.holds(l)) {
                label = true;
            } else {
                return None;
            }
        }
        let Some((at, c)) = gap else { break };
        start = at + c.len_utf8();
        gap = next_gap(line, start);
    }
    match (label, values) {
        (true, true) => Some(TableLine::Row),
        (true, false) => Some(TableLine::Label),
        (false, true) => Some(TableLine::Values),
        (false, false) => None,
    }
}

/// The first separator of a table line's pieces from byte `i` (a character boundary) on:
/// whitespace, `|` or `｜`, with its byte offset. Only the characters whose lead byte may
/// start one are decoded; a Han character (lead E4–E9, most of a line of prose) is stepped
/// over whole, where `char::is_whitespace` looked each up in a table.
fn next_gap(line: &str, mut i: usize) -> Option<(usize, char)> {
    let b = line.as_bytes();
    while let Some(&x) = b.get(i) {
        match x {
            b' ' | 0x09..=0x0D | b'|' => return Some((i, char::from(x))),
            0xE4..=0xE9 => i += 3,
            0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF => {
                let c = line[i..].chars().next()?;
                if crate::charset::is_whitespace(c) || c == '｜' {
                    return Some((i, c));
                }
                i += c.len_utf8();
            }
            _ => i += crate::charset::utf8_len(x),
        }
    }
    None
}

/// A line of a table printed as text.
enum TableLine {
    /// A label and values (`4.无正当理由大量反复申请 0 0 0 0 0 0 0`).
    Row,
    /// Labels only (a stacked header, a wrapped label's line).
    Label,
    /// Cell values only.
    Values,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_table_marker_holds_another() {
        // `table_start` takes the leftmost match for the one that ends first: the same start
        // only while no marker lies inside another.
        for a in TABLE_MARKERS {
            for b in TABLE_MARKERS {
                assert!(a == b || !a.contains(b), "{a} holds {b}");
            }
        }
        assert_eq!(table_start("共收到申请12件。本年新收政府信息公开申请数量12"), Some("共收到申请12件。".len()));
        assert_eq!(table_start("共收到申请12件"), None);
    }

    #[test]
    fn gaps_are_whitespace_and_pipes() {
        let lines = [
            "4.无正当理由大量反复申请 0 0 0\t0",
            "| 2.申请人逾期未按收费通知要求缴纳费用… | | |",
            "结果\u{3000}其他\u{a0}尚未｜总，未经复议直接起诉",
            "a\u{2003}b\u{85}c\u{1680}d\u{202f}e\u{205f}f\u{2028}",
            "全年共收到政府信息公开申请12件。（一）𠀀é\r",
            "",
        ];
        for line in lines {
            let want: Vec<(usize, char)> =
                line.char_indices().filter(|&(_, c)| c.is_whitespace() || matches!(c, '|' | '｜')).collect();
            let mut got = Vec::new();
            let mut i = 0;
            while let Some((at, c)) = next_gap(line, i) {
                got.push((at, c));
                i = at + c.len_utf8();
            }
            assert_eq!(got, want, "{line:?}");
        }
    }

    #[test]
    fn labels_held_as_by_contains() {
        let labels = &*TABLE_LABELS;
        let contains = |p: &str| p.len() <= labels.longest && labels.joined.contains(p);
        let text = format!("{}\n其它情况 申请人X 1 件数量量 结果 本年度 \u{3000}a", labels.joined);
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        for (k, &a) in starts.iter().enumerate() {
            for &b in starts[k..].iter().take(40) {
                let piece = &text[a..b];
                assert_eq!(labels.holds(piece), contains(piece), "{piece:?}");
            }
        }
    }
}
