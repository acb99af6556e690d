//! The three tables read from the document text (DOMAIN §8.2–§8.3): labels
//! located in order, the numbers between them tokenised and placed. Column-aligned text's
//! column positions are `columns`'.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use crate::document::{CharIndex, Span};
use crate::model::{Form, Issue, Number, OrderedMap, TableFormat, TableReading};

use super::build::{self, RowIn};
use super::cells::{self, ColKind};
use super::fit;
use super::rows::{self, Hit, View};
use super::solve::{self, sum_is_last, sums_to_last, whole_number};
use super::template::{
    self, T2Label, T3Label, T2_ITEMS, T2_LABELS, T2_PROSE, T3_COLS, T3_COL_LABELS, T3_LABELS, T3_ROWS, T4_COLS,
    T4_GROUPS, T4_HEADER_CHARS,
};

mod apart;
mod blocks;
mod columns;
mod labelled;
mod pieces;
mod shuffled;

use columns::{
    any_value_digit, first_digit, has_blank, join_pieces, orphan_value, pieces_apart, pitch_positions, positions,
    single_digit, t3_columns, t4_columns, ColumnModel,
};

static T3_AC: LazyLock<AhoCorasick> =
    LazyLock::new(|| rows::matcher(&T3_LABELS.iter().map(|(p, _)| *p).collect::<Vec<_>>()));
static T2_AC: LazyLock<AhoCorasick> =
    LazyLock::new(|| rows::matcher(&T2_LABELS.iter().map(|(p, _)| *p).collect::<Vec<_>>()));
static T4_AC: LazyLock<AhoCorasick> = LazyLock::new(|| rows::matcher(&["行政复议"]));
static T2_PROSE_RE: LazyLock<Vec<Regex>> =
    LazyLock::new(|| T2_PROSE.iter().map(|(p, _, _)| Regex::new(p).expect("prose regex")).collect());

/// Largest distance (chars) between two consecutive labels of one table.
const MAX_GAP: usize = 400;
/// The heading of table 4's section, as reports word it (compact view).
const T4_HEADINGS: &[&str] = &["行政复议、行政诉讼", "行政复议、提起行政诉讼", "行政复议和行政诉讼"];
/// Fewest table-3 data rows that make a table.
const MIN_T3_ROWS: usize = 4;
/// Table 3's 2019 row （六）其他处理 in `T3_ROWS` (in 2021 a group label over three rows).
const OTHER_2019: usize = 20;

/// Position of a table-3 label in template order (groups sit between their rows).
fn t3_order(l: T3Label, pat: &str) -> usize {
    match l {
        T3Label::Row(i) => 2 * i + 2,
        T3Label::OtherProcessing => 2 * OTHER_2019 + 2,
        T3Label::Group => match pat {
            "本年度办理结果" => 5,
            "不予公开" => 9,
            "无法提供" => 25,
            _ => 31, // 不予处理
        },
    }
}

/// The longest chain of hits in template order with small gaps: `(hit indices)`.
fn chain(hits: &[Hit], order: impl Fn(&Hit) -> usize, counts: impl Fn(&Hit) -> bool) -> Vec<usize> {
    let n = hits.len();
    let mut best: Vec<(usize, Option<usize>)> = vec![(0, None); n];
    for j in 0..n {
        let oj = order(&hits[j]);
        let mut b = (usize::from(counts(&hits[j])), None);
        for i in (0..j).rev() {
            if hits[j].start.saturating_sub(hits[i].end) > MAX_GAP {
                break;
            }
            if hits[i].end <= hits[j].start && order(&hits[i]) < oj {
                let s = best[i].0 + usize::from(counts(&hits[j]));
                if s > b.0 {
                    b = (s, Some(i));
                }
            }
        }
        best[j] = b;
    }
    let Some(end) = (0..n).max_by_key(|&j| (best[j].0, std::cmp::Reverse(j))) else { return Vec::new() };
    let mut out = vec![end];
    let mut cur = end;
    while let Some(p) = best[cur].1 {
        out.push(p);
        cur = p;
    }
    out.reverse();
    out
}

/// Rows whose label is misprinted or cut (`2.其他法律行政止公开`, `5.属于三类内部事务信`): a
/// line inside the table that no label matched, whose leading text is closest to one template
/// row's label (`template::fuzzy_t3`), is a hit for that row.
fn fuzzy_hits(v: &View, hits: &[Hit]) -> Vec<Hit> {
    let (Some(first), Some(last)) = (hits.first(), hits.last()) else { return Vec::new() };
    let mut out = Vec::new();
    let mut ls = v.line_start(first.start);
    let end = last.end.min(v.chars.len());
    while ls < end {
        let le = v.line_end(ls);
        // The label: the line's text before its first digit that follows the ordinal.
        let body = (ls..le).find(|&i| !cells::is_space(v.chars[i])).unwrap_or(le);
        let ord_end = (body..le)
            .find(|&i| {
                !(cells::fold(v.chars[i]).is_ascii_digit()
                    || matches!(cells::fold(v.chars[i]), '.' | '、' | ',' | '(' | ')'))
            })
            .unwrap_or(le);
        let label_end = (ord_end..le).find(|&i| cells::fold(v.chars[i]).is_ascii_digit()).unwrap_or(le);
        // The label's length as `fuzzy_t3` counts it (spaces left out, the ordinal stripped),
        // without building it: most lines are prose, far longer than any row label.
        let (mut label_len, mut stripping) = (0usize, true);
        for c in v.chars[body..label_end].iter().map(|&c| cells::fold(c)).filter(|&c| !cells::is_space(c)) {
            stripping = stripping && template::is_ordinal_char(c);
            label_len += usize::from(!stripping);
        }
        if !template::fuzzy_t3_may_match(label_len) {
            ls = le + 1;
            continue;
        }
        let label: String =
            v.chars[body..label_end].iter().map(|c| cells::fold(*c)).filter(|c| !cells::is_space(*c)).collect();
        // A hit covering little of the label (`其他` inside `2.其他法律行政止公开`) is no label.
        debug_assert_eq!(label_len, template::strip_ordinal(&label).chars().count());
        let covered = hits
            .iter()
            .any(|h| h.start < le && h.end > ls && (h.end - h.start >= 4 || 2 * (h.end - h.start) >= label_len));
        if !covered {
            // A label wrapped over two lines with the row's values on its first
            // (`4.无正当理由大量反   1   1` / `复申请`): the label with the next line's text.
            let row = template::fuzzy_t3(&label).or_else(|| {
                (label_end < le)
                    .then(|| wrapped_tail(v, le + 1))
                    .flatten()
                    .and_then(|tail| template::fuzzy_t3(&(label.clone() + &tail)))
            });
            // (Not a row whose own label is there: the line is something else, such as the
            // tail of another row's wrapped label, `反复申请` of `4.无正当理由大量` / `反复申请`.)
            if let Some(i) = row.filter(|&i| !names_row(hits, i)) {
                if let Some(pat) = row_pattern(i) {
                    let end =
                        (body..label_end).rev().find(|&k| !cells::is_space(v.chars[k])).map_or(label_end, |k| k + 1);
                    out.push(Hit { start: body, end, pat });
                }
            }
        }
        ls = le + 1;
    }
    out
}

/// Whether a hit names table-3 row `i`.
fn names_row(hits: &[Hit], i: usize) -> bool {
    hits.iter().any(|h| T3_LABELS[h.pat].1 == T3Label::Row(i))
}

/// The first of table-3 row `i`'s label patterns (its full label).
fn row_pattern(i: usize) -> Option<usize> {
    T3_LABELS.iter().position(|(_, l)| *l == T3Label::Row(i))
}

/// The template row a numbered first line of a wrapped label names (`rows::numbered_fragment`,
/// the line `[ls, le)`): the one row with its ordinal whose label starts with the piece after
/// the ordinal (Han characters, two at least).
fn numbered_row(v: &View, ls: usize, le: usize) -> Option<(rows::Numbered, usize)> {
    let f = rows::numbered_fragment(&v.chars[ls..le])?;
    let piece: String = v.chars[ls + f.piece..ls + f.values].iter().copied().filter(|&c| rows::is_cjk(c)).collect();
    if piece.chars().count() < 2 {
        return None;
    }
    let mut named = T3_LABELS.iter().filter_map(|(pat, l)| match *l {
        T3Label::Row(i) if T3_ROWS[i].ordinal.map(u32::from) == Some(f.ordinal) && pat.starts_with(piece.as_str()) => {
            Some(i)
        }
        _ => None,
    });
    let row = named.next()?;
    named.all(|i| i == row).then_some((f, row))
}

/// Rows whose label wrapped in a narrow cell has its values on its first line and its rest broken
/// by another column's words (`（三）不予 1.属于国家  -  -  …` / `公开  秘密`, as `pdftotext
/// -layout` prints them): a line inside the table that no label matched, numbered
/// (`rows::numbered_fragment`) with the ordinal of one template row only whose label starts with
/// the piece after the ordinal (two characters at least), is a hit for that row, unless another
/// hit names it.
fn first_line_hits(v: &View, hits: &[Hit]) -> Vec<Hit> {
    let (Some(first), Some(last)) = (hits.first(), hits.last()) else { return Vec::new() };
    let mut out = Vec::new();
    let mut ls = v.line_start(first.start);
    let end = last.end.min(v.chars.len());
    while ls < end {
        let le = v.line_end(ls);
        let covered = || hits.iter().any(|h| h.start < le && h.end > ls && h.end - h.start >= 4);
        if let Some((f, i)) = if covered() { None } else { numbered_row(v, ls, le) } {
            if let Some(pat) = row_pattern(i).filter(|_| !names_row(hits, i)) {
                let end = (ls + f.piece..ls + f.values).rev().find(|&k| !cells::is_space(v.chars[k]));
                out.push(Hit { start: ls + f.start, end: end.map_or(ls + f.values, |k| k + 1), pat });
            }
        }
        ls = le + 1;
    }
    out
}

/// The text of the line starting at `ls` as the rest of a wrapped label (folded, spaces left
/// out): a few Chinese characters and no digit (`复申请`, `益`), else `None`.
fn wrapped_tail(v: &View, ls: usize) -> Option<String> {
    /// Longest rest of a label taken from the next line.
    const MAX_TAIL: usize = 12;
    let le = v.line_end(ls);
    let tail: String = v.chars.get(ls..le)?.iter().map(|&c| cells::fold(c)).filter(|&c| !cells::is_space(c)).collect();
    let n = tail.chars().count();
    (n > 0 && n <= MAX_TAIL && tail.chars().all(rows::is_cjk)).then_some(tail)
}

/// Table 3's label hits in text: the labels matched outside notes, up to table 4's heading
/// where table 3's rows came before it, with the rows `fuzzy_hits` and `first_line_hits` find.
fn t3_hits(v: &View) -> Vec<Hit> {
    let mut hits = v.find(&T3_AC);
    hits.retain(|h| !v.in_note(h.start));
    // Past the heading of table 4's section, label words (`总计`, `其他`) are table 4's header
    // or prose, where table 3's rows came before it: text printing a table's labels out of
    // order would chain them after table 3's late labels, past its own total rows.
    let is_row = |h: &Hit| matches!(T3_LABELS[h.pat].1, T3Label::Row(_));
    if let Some(t4) = hits.iter().find(|h| is_row(h)).and_then(|h| v.compact_marker_after(h.end, T4_HEADINGS)) {
        if hits.iter().filter(|h| h.start < t4 && is_row(h)).count() >= MIN_T3_ROWS {
            hits.retain(|h| h.start < t4);
        }
    }
    for more in [fuzzy_hits as fn(&View, &[Hit]) -> Vec<Hit>, first_line_hits] {
        let found = more(v, &hits);
        if !found.is_empty() {
            hits.extend(found);
            hits.sort_by_key(|h| h.start);
        }
    }
    hits
}

/// Table 3 from text.
pub(super) fn requests(v: &View, issues: &mut Vec<Issue>) -> Option<(TableReading, Span)> {
    let hits = t3_hits(v);
    let label = |h: &Hit| T3_LABELS[h.pat];
    let chain = chain(&hits, |h| t3_order(label(h).1, label(h).0), |h| matches!(label(h).1, T3Label::Row(_)));
    let rows_found = chain.iter().filter(|&&i| matches!(label(&hits[i]).1, T3Label::Row(_))).count();
    if rows_found < MIN_T3_ROWS || stated_in_prose(v, &hits, &chain, rows_found) {
        return None;
    }
    let mut found: Vec<(usize, Vec<super::solve::Token>, Span)> = Vec::new();
    let mut group_other = false;
    let mut other_at: Option<(Vec<super::solve::Token>, Span)> = None;
    // Rows whose values cannot be placed, and why.
    let mut bad: Vec<(usize, &'static str)> = Vec::new();
    let mut lines_of = line_readings(v, &hits, &chain, &mut bad);
    // Rows printing their blanks marked, and those read so (every cell printed).
    let (mut marked, mut every_cell) = (marked_rows(v, &hits, &chain), Vec::new());
    // Values of rows whose labels the text printed elsewhere, after another row's (from their
    // ordinal on): no row's, but not values outside the table's rows either.
    let mut claimed: Vec<Span> = Vec::new();
    // A column's header before a row's numbers: the table is printed a column at a time.
    let mut column_run = false;
    for (k, &hi) in chain.iter().enumerate() {
        let h = hits[hi];
        let next = chain.get(k + 1).map(|&n| hits[n]);
        let limit = next.map_or(h.end + MAX_GAP, |n| n.start);
        let end = v.region_end(h.end, limit);
        let ordinal = next.and_then(|n| match label(&n).1 {
            T3Label::Row(i) => T3_ROWS[i].ordinal,
            _ => None,
        });
        let lines = std::mem::take(&mut lines_of[k]);
        // Numbers printed inside the label (between the lines of a wrapped label) are the row's.
        let inner = v.number_lines_in(h.start, h.end);
        let mut tokens = match inner {
            // One cell per line inside the label, blanks as empty lines (`6.属于四类过程性信` /
            // `75` / `1` / … / `76` / `息`), or the values of the lines of numbers there.
            Some((a, b)) => (a > 0 && v.chars[a - 1] == '\n')
                .then(|| rows::line_cells(v, a - 1, h.end, T3_COLS.len()))
                .flatten()
                .unwrap_or_else(|| rows::tokenize(v, a, b, None)),
            None => lines.unwrap_or_else(|| rows::tokenize(v, h.end, end, ordinal)),
        };
        if let (true, T3Label::Row(i)) = (tokens.is_empty(), label(&h).1) {
            // The label wrapped in a narrow cell, broken by another column's words, found by its
            // rest: the values on its first line, after the row's ordinal, are the row's.
            let from = found.last().map_or(0, |f| f.2[1]).max(k.checked_sub(1).map_or(0, |p| hits[chain[p]].end));
            if let Some(t) = values_on_first_line(v, i, from, h.start) {
                tokens = t;
            }
        }
        if tokens.is_empty() && !matches!(label(&h).1, T3Label::Group) && next.is_some() {
            // The region stopped at a label's continuation (a label wrapped over lines, with a
            // vertical group label between): the numbers start at the first digit before the
            // next label. A row only prints no value when there is no digit before it.
            if let Some(d) = first_digit(v, h.end, limit) {
                let ls = (h.end..d).rev().find(|&i| v.chars[i] == '\n').map_or(d, |i| i + 1);
                tokens = rows::tokenize(v, ls.max(h.end), v.region_end(d, limit), ordinal);
                if tokens.is_empty() {
                    if let T3Label::Row(i) = label(&h).1 {
                        bad.push((i, "its numbers cannot be told from the label text around them"));
                    }
                }
            } else if let T3Label::Row(i) = label(&h).1 {
                // Digits only inside the label's notes: values the text ran into a note, not a
                // row of blanks.
                if any_value_digit(v, h.end, limit) {
                    bad.push((i, "its only digits stand inside the label's note: not known to be its values"));
                }
            }
        }
        words_row(v, &tokens, (&hits, &chain[..=k]), limit, &mut bad);
        if let Some(i) = row_of(label(&h).1) {
            take_marked(&mut marked[k], i, &mut tokens, &mut every_cell, &mut bad);
        }
        foreign_words(v, label(&h).1, h.end, &mut tokens, &mut bad);
        if let (T3Label::Row(i), true) = (label(&h).1, column_after(v, h.end, &tokens)) {
            bad.push((i, "a column's header stands between its label and the numbers after it"));
            column_run = true;
        }
        let span = rows::tokens_span(&tokens, h.end);
        if let (T3Label::Row(i), false) = (label(&h).1, own_values_before_ordinal(v, &mut tokens, span, &mut claimed)) {
            bad.push((i, "another row's ordinal stands among its values: which of them are its own is not known"));
        }
        match label(&h).1 {
            T3Label::Row(i) => found.push((i, tokens, span)),
            T3Label::OtherProcessing if !tokens.is_empty() => found.push((OTHER_2019, tokens, span)),
            // Without values of its own: the 2021 group label, or the 2019 row with every cell
            // blank (decided below by whether the 2021 sub-rows follow).
            T3Label::OtherProcessing => {
                group_other = true;
                other_at = Some((tokens, span));
            }
            T3Label::Group => {}
        }
    }
    // Lines of values apart from their labels, before or after them: paired with the labels.
    let row_labels: Vec<(usize, Hit)> = chain
        .iter()
        .filter_map(|&i| match label(&hits[i]).1 {
            T3Label::Row(r) => Some((r, hits[i])),
            T3Label::OtherProcessing => Some((OTHER_2019, hits[i])),
            T3Label::Group => None,
        })
        .collect();
    let table_end = found.iter().map(|f| f.2[1]).max().unwrap_or(0).max(row_labels.last().map_or(0, |l| l.1.end));
    match value_lines(v, &row_labels, table_end) {
        ValueLines::Same => {}
        ValueLines::Paired(rows_of) => {
            for (r, toks) in rows_of {
                if let Some(f) = found.iter_mut().find(|f| f.0 == r) {
                    f.2 = rows::tokens_span(&toks, f.2[0]);
                    f.1 = toks;
                }
            }
        }
        ValueLines::Unsure(rows_of) => {
            for r in rows_of {
                bad.push((r, "lines of values stand apart from the labels, and which is whose is not known"));
            }
        }
    }
    // （六）其他处理 with no value of its own and no 2021 row after it: the 2019 row, printing
    // no value (or whose values came out elsewhere).
    let has_2021 = found.iter().any(|(i, _, _)| T3_ROWS[*i].only == Some(Form::F2021));
    if group_other && !has_2021 {
        group_other = false;
        if let Some((tokens, span)) = other_at {
            found.push((OTHER_2019, tokens, span));
            found.sort_by_key(|f| f.0);
        }
    }
    rows_out_of_order(v, &hits, &chain, &mut found);
    spill_whole_rows(&mut found);
    // A text whose table came out garbled (values before their labels, a column of values
    // printed down the page, as PDF text without layout often is) leaves numbers outside
    // every row: there, a row without a value of its own is not known to be blank.
    let first = hits[chain[0]].start;
    let header_from = v.compact_marker_before(first, &["勾稽关系", "申请人情况"], 400).unwrap_or(first);
    let header = v.compact_between(header_from, first);
    if let Some(m) = drop_extra_columns(v, &header, &mut found) {
        let keys: Vec<&str> = found.iter().filter(|f| !f.1.is_empty()).map(|f| T3_ROWS[f.0].key).collect();
        issues.push(build::unprinted_column(m, &keys));
    }
    let last_end = found.iter().map(|f| f.2[1]).chain(chain.last().map(|&i| hits[i].end)).max().unwrap_or(first);
    // Seven values of which two stand a column apart and the rest wider (`2 5 8   1 2   1  1`)
    // set no columns unless they add up as a row: they may be pieces of fewer numbers.
    let row_of_cells = |toks: &[super::solve::Token]| !pieces_apart(v, toks) || sums_to_last(toks);
    let mut printed_at = t3_columns(v, header_from, first, &found, row_of_cells);
    if join_rows(v, &mut found, printed_at.as_ref().filter(|m| !m.relative)) {
        // The rows now print whole numbers: their columns again.
        printed_at = t3_columns(v, header_from, first, &found, row_of_cells);
    }
    // Columns where the values stand under them; `printed_at` also where only how far apart
    // they stand is known.
    let columns = printed_at.as_ref().filter(|m| !m.relative);
    let spans: Vec<Span> = found.iter().filter(|f| !f.1.is_empty()).map(|f| f.2).chain(claimed).collect();
    let whole_rows = whole_rows_a_cell_a_line(v, &found);
    // Values one per line are whole rows (one cell per line, blanks as empty lines); fewer
    // than the columns spread over several lines are pieces of a table printed out of order.
    let spread = |toks: &[super::solve::Token]| {
        // (A row printing its blanks, a line each, is where it was printed.)
        toks.len() < T3_COLS.len() && toks.len() > 1 && !whole_rows && !has_blank(toks) && {
            let first = toks[0].span()[0];
            let last = toks[toks.len() - 1].span()[0];
            (first..last).any(|i| v.chars.get(i) == Some(&'\n'))
        }
    };
    // Unless every such row adds up to its last value (`139` / `1` / `1` / `141`), three rows or
    // more of them to a total not 0: rows a cell a paragraph whose blank cells vanished
    // (mammoth's Markdown, docx2txt), not a column's run down the page, whose last value is not
    // the sum of the others (but for a run of zeros).
    let spread_rows: Vec<&[super::solve::Token]> = found.iter().map(|f| f.1.as_slice()).filter(|t| spread(t)).collect();
    let nonzero_total = |t: &[super::solve::Token]| t.last().and_then(whole_number).is_some_and(|n| n != 0);
    let rows_add_up =
        spread_rows.iter().filter(|t| nonzero_total(t)).count() >= 3 && spread_rows.iter().all(|t| sums_to_last(t));
    let scattered = |toks: &[super::solve::Token]| spread(toks) && !rows_add_up;
    let garbled = interleaved_rows(v, [first, header_from, last_end], &found, &mut bad)
        || column_run
        || found.iter().any(|f| f.1.len() > T3_COLS.len() || scattered(&f.1))
        || orphan_value(v, header_from, last_end, &spans, &hits);
    // A row whose every value was printed under a known column is read where it was printed.
    let placed = |toks: &[super::solve::Token]| {
        columns.as_ref().is_some_and(|m| {
            !toks.is_empty() && positions(v, toks, m).iter().all(|p| p.as_ref().is_some_and(|p| p.cols.is_some()))
        })
    };
    // A table printing every cell (zeros as 0) drops no blanks: a row of it without any
    // value lost its numbers, it does not print blanks.
    // (Counted in digits: glued runs `0000000` print every cell too.)
    let digits = |toks: &[super::solve::Token]| -> usize {
        toks.iter().map(|t| t.raw_chars().filter(char::is_ascii_digit).count().max(1)).sum()
    };
    // (A row printing blank cells, a line each, prints its blanks: not such a table.)
    let full_width = found.iter().any(|f| digits(&f.1) >= T3_COLS.len())
        && !found.iter().any(|f| (1..T3_COLS.len()).contains(&digits(&f.1)) || has_blank(&f.1));
    if full_width {
        for f in found.iter().filter(|f| f.1.is_empty()) {
            bad.push((f.0, "the row's label is there but no numbers follow it"));
        }
    }
    values_after_labels(v, &found, last_end, &mut bad);
    if garbled {
        garbled_rows(v, &found, &placed, [header_from, first], last_end, &mut bad);
    }
    // Numbers one column apart where the row's other values stand wider apart, not placed
    // under columns and not adding up: pieces of numbers or cells, not known which.
    for f in found.iter().filter(|f| !placed(&f.1) && !sums_to_last(&f.1) && pieces_apart(v, &f.1)) {
        bad.push((
            f.0,
            "numbers stand a space apart where the row's other values stand wider: pieces of one number or two cells",
        ));
    }
    unsure_rows(v, &header, &found, &mut bad);
    let format = if has_2021 || group_other {
        TableFormat::F2021
    } else if found.iter().any(|(i, _, _)| *i == OTHER_2019) {
        TableFormat::F2019
    } else {
        TableFormat::Other
    };
    if !garbled && bad.is_empty() {
        if let Some(t) = short_form(v, &found, format, [header_from, first, last_end], issues) {
            return Some(t);
        }
    }
    if garbled || !bad.is_empty() {
        if let Some(read) = read_apart(v, &found, &row_labels, format, [header_from, last_end], first, issues) {
            return Some(read);
        }
    }
    let cols: Vec<(&'static str, ColKind)> = T3_COLS.iter().map(|c| (*c, ColKind::Count)).collect();
    let mut rows_in: Vec<RowIn> = Vec::new();
    for (i, tokens, region) in found {
        if !template::t3_row_in(format, i) {
            continue;
        }
        if rows_in.iter().any(|r| r.key == T3_ROWS[i].key) {
            continue;
        }
        // (A row printing every cell is placed by its runs, not by where its words stand.)
        let marked = every_cell.contains(&i);
        let at = printed_at.as_ref().filter(|_| !marked).map_or(Vec::new(), |c| positions(v, &tokens, c));
        let unreadable = bad.iter().find(|(b, _)| *b == i).map(|(_, why)| *why);
        rows_in.push(RowIn {
            key: T3_ROWS[i].key,
            tokens,
            region,
            cols: cols.clone(),
            pins: Vec::new(),
            at,
            unreadable,
            in_order: marked,
            every_cell: marked,
        });
    }
    let last = rows_in.iter().map(|r| r.region[1]).max().unwrap_or(first);
    let span = [first, last.max(hits[*chain.last().unwrap_or(&0)].end)];
    Some((build::requests(format, rows_in, span, Vec::new(), issues), span))
}

/// Table 3 in a small office's short form, its rows read cleanly: each row's total alone
/// (`totals_only`), or a year with nothing to handle (`nothing_to_handle`).
fn short_form(
    v: &View,
    found: &[(usize, Vec<super::solve::Token>, Span)],
    format: TableFormat,
    [header_from, first, last_end]: [usize; 3],
    issues: &mut Vec<Issue>,
) -> Option<(TableReading, Span)> {
    totals_only(v, found, format, [first, last_end], issues)
        .or_else(|| nothing_to_handle(v, found, format, [header_from, first, last_end]))
}

/// Most values a table 3 prints (every cell of the 2021 form's 175, and some to spare).
const T3_MOST_VALUES: usize = 200;

/// Table 3 of a year with no request to handle: new requests and those carried over each print
/// a value, and every value the table prints is 0 (`（1）本年新收政府信息公开申请数量：0；
/// （2）上年结转政府信息公开申请数量：0；（3）本年度办理结果：…均为0，总计0`), so every cell is 0
/// whichever column a row's one value stands in: each column's results and carried-forward
/// requests add up to its new and carried-over ones, 0, and no count is negative. Only where
/// some row prints fewer or more values than columns (else the table is read as printed), and
/// no other number stands among the table's values (from its header to where they may end,
/// `t3_values_end`: a value printed out of order elsewhere would be some row's). A row printing
/// seven values keeps them; the other rows' cells are inferred, each row's span its first value
/// (the first row's, for a row not printed). A table of neither form (`TableFormat::Other`)
/// gets the rows both forms share and those it printed.
fn nothing_to_handle(
    v: &View,
    found: &[(usize, Vec<super::solve::Token>, Span)],
    format: TableFormat,
    [header_from, first, last_end]: [usize; 3],
) -> Option<(TableReading, Span)> {
    // (A lone `0` each: a glued run `0000000` is several cells, read as printed.)
    let zeros = |t: &[super::solve::Token]| !t.is_empty() && t.iter().all(|t| t.raw_chars().eq(['0']));
    let printed = |row: usize| found.iter().find(|f| f.0 == row && zeros(&f.1));
    let new = printed(0)?;
    printed(1)?;
    // (A table printing every row's seven zeros is read as printed.)
    let uneven = found.iter().any(|f| !f.1.is_empty() && f.1.len() != T3_COLS.len());
    if !uneven || found.iter().any(|f| !f.1.is_empty() && !zeros(&f.1)) {
        return None;
    }
    let until = t3_values_end(v, last_end);
    let values = value_spans(v, [header_from, until], false, T3_MOST_VALUES)?;
    if values.iter().any(|&[a, b]| v.chars[a..b].iter().any(|c| cells::fold(*c) != '0')) {
        return None;
    }
    let rows: Vec<usize> = template::t3_rows_of(format)
        .into_iter()
        .filter(|&i| format != TableFormat::Other || T3_ROWS[i].only.is_none() || found.iter().any(|f| f.0 == i))
        .collect();
    let at = |t: &[super::solve::Token]| t.first().map(super::solve::Token::span);
    let default = at(&new.1)?;
    let cells = rows
        .iter()
        .map(|&i| {
            let f = found.iter().find(|f| f.0 == i);
            let (raw, span) = f.and_then(|f| at(&f.1)).map_or(("", default), |s| ("0", s));
            // A row printing its seven cells gives each its own zero.
            let own = f.filter(|f| f.1.len() == T3_COLS.len());
            let row = T3_COLS
                .iter()
                .enumerate()
                .map(|(c, name)| {
                    let cell = match own {
                        Some(f) => cells::number("0", Number::Int(0), f.1[c].span(), false),
                        None => cells::number(raw, Number::Int(0), span, true),
                    };
                    (name.to_string(), cell)
                })
                .collect();
            (T3_ROWS[i].key.to_string(), OrderedMap(row))
        })
        .collect();
    let span = [first, last_end];
    Some((TableReading { format, cells: OrderedMap(cells), extra_rows: Vec::new(), span }, span))
}

/// Words of table 3's applicant columns: a table naming any prints them, so a row's one value
/// is not known to be its total.
const APPLICANT_WORDS: &[&str] =
    &["自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益", "法律服务", "申请人情况"];

/// How far before the first row's label the applicant columns' header is looked for.
const HEADER_REACH: usize = 300;

/// Table 3 printed as its rows' totals alone, a line each (`一、本年新收政府信息公开申请数量……154`,
/// `（一）予以公开 33`): every row of the format found prints one whole number and no applicant
/// column is named before or among the rows (`APPLICANT_WORDS`), so that the one value is not a
/// column's of a table whose blank cells vanished; `build::totals_only` checks the column adds up
/// as table 3's totals do. `[first, last_end]`: from the first row's label to the last row.
fn totals_only(
    v: &View,
    found: &[(usize, Vec<super::solve::Token>, Span)],
    format: TableFormat,
    [first, last_end]: Span,
    issues: &mut Vec<Issue>,
) -> Option<(TableReading, Span)> {
    let mut rows = Vec::with_capacity(found.len());
    for (i, tokens, span) in found {
        if !template::t3_row_in(format, *i) {
            continue;
        }
        let [value] = tokens.as_slice() else { return None };
        rows.push((*i, value.clone(), span[1]));
    }
    if rows.len() < build::MIN_TOTALS_ROWS {
        return None;
    }
    let around = v.compact_between(first.saturating_sub(HEADER_REACH), last_end);
    if APPLICANT_WORDS.iter().any(|w| around.contains(w)) {
        return None;
    }
    let span = [first, last_end];
    let table = build::totals_only(&rows, format, span, &[], issues)?;
    Some((table, span))
}

/// The row of the last label of `chain` (its values `tokens`) is unreadable where none of its
/// values was found and its line states its count in words (`②予以公开三十宗；`: a row stating
/// its count in words is no row of blank cells), or its group does before it
/// (`⑤无法提供二十五宗，均为本机关不掌握…`).
fn words_row(
    v: &View,
    tokens: &[super::solve::Token],
    (hits, chain): (&[Hit], &[usize]),
    limit: usize,
    bad: &mut Vec<(usize, &'static str)>,
) {
    let Some((&last, before)) = chain.split_last() else { return };
    let (T3Label::Row(i), true) = (T3_LABELS[hits[last].pat].1, tokens.is_empty()) else { return };
    let (start, prev_end) = (hits[last].start, before.last().map_or(0, |&p| hits[p].end));
    // (A few characters back at most: a flattened text is one line.)
    let from = prev_end.max(start.saturating_sub(16));
    let line_start = (from..start).rev().find(|&j| v.chars[j] == '\n').map_or(from, |j| j + 1);
    if count_in_words(v, line_start, limit) && !bad.iter().any(|b| b.0 == i) {
        bad.push((i, "its count is written in words, not as a number in a cell"));
    }
}

/// Whether the text from `from` up to `limit` on its line states a count in Chinese numerals
/// (`三十宗`, `两件`, `一件（自然人）`): a prose list's row, not a row of blank cells.
fn count_in_words(v: &View, from: usize, limit: usize) -> bool {
    let limit = limit.min(v.chars.len());
    let line = &v.chars[from..limit];
    let line = &line[..line.iter().position(|&c| c == '\n').unwrap_or(line.len())];
    line.iter().enumerate().any(|(k, &c)| {
        crate::numbers::is_cn_numeral_char(c)
            && (k == 0 || !crate::numbers::is_cn_numeral_char(line[k - 1]) && line[k - 1] != '第')
            && {
                let end = (k..line.len()).find(|&j| !crate::numbers::is_cn_numeral_char(line[j])).unwrap_or(line.len());
                line.get(end).is_some_and(|u| matches!(u, '件' | '宗' | '条' | '個' | '个' | '項' | '项' | '次' | '起'))
            }
    })
}

/// The row a table-3 label names (`OTHER_2019` for the 2019 form's （六）其他处理), if any.
fn row_of(l: T3Label) -> Option<usize> {
    match l {
        T3Label::Row(i) => Some(i),
        T3Label::OtherProcessing => Some(OTHER_2019),
        T3Label::Group => None,
    }
}

/// What the lines of the labels of `chain` tell of rows printing their blank cells as no-break
/// spaces glued between their numbers (`pieces::marked_row`): where one row prints them so, the
/// table does (a row of digits only after its label prints every cell).
fn marked_rows(v: &View, hits: &[Hit], chain: &[usize]) -> Vec<pieces::Marked> {
    let at = |marked: bool| -> Vec<pieces::Marked> {
        chain
            .iter()
            .map(|&hi| match row_of(T3_LABELS[hits[hi].pat].1) {
                Some(_) => pieces::marked_row(v, hits[hi].end, T3_COLS.len(), marked),
                None => pieces::Marked::No,
            })
            .collect()
    };
    let rows = at(false);
    if rows.iter().any(|m| matches!(m, pieces::Marked::Row(_))) {
        at(true)
    } else {
        rows
    }
}

/// Row `i`'s reading from its marked blanks (`marked_rows`): its cells in `tokens` where they
/// make a row (`every_cell` then names it), or the row unreadable (`bad`) where they do not.
fn take_marked(
    marked: &mut pieces::Marked,
    i: usize,
    tokens: &mut Vec<super::solve::Token>,
    every_cell: &mut Vec<usize>,
    bad: &mut Vec<(usize, &'static str)>,
) {
    match std::mem::replace(marked, pieces::Marked::No) {
        pieces::Marked::Row(cells) => {
            *tokens = cells;
            every_cell.push(i);
        }
        pieces::Marked::Unfit => {
            bad.push((i, "its blank cells are marked, but with its numbers they make no row of the table's columns"));
        }
        pieces::Marked::No => {}
    }
}

/// A row's tokens up to another row's ordinal among them (`rows::ordinal_among_values`), if
/// one stands there: a whole row before it (its blanks printed, empty CSV fields), or none (the
/// ordinal first, a field of its own: the row's record printed only empty fields), is the
/// row's; the values from the ordinal on are another row's, read for none, their span pushed to
/// `claimed` (not values outside every row). `false`: the row's own values are not known.
fn own_values_before_ordinal(
    v: &View,
    tokens: &mut Vec<super::solve::Token>,
    span: Span,
    claimed: &mut Vec<Span>,
) -> bool {
    match rows::ordinal_among_values(v, tokens) {
        None => true,
        Some(k) if k == T3_COLS.len() || k == 0 => {
            claimed.push([tokens[k].span()[0], span[1]]);
            tokens.truncate(k);
            true
        }
        Some(_) => false,
    }
}

/// Whether a whole row of values (seven adding up, or the six of the applicants with the total
/// left blank) stands between table 3's header and its first row's label: the first row's own,
/// printed above its label (camelot's cells of a Word PDF, each holding the row below's values,
/// or a row's values before its label throughout), so each label's values after it may be the
/// next row's (where no reading of the table apart places them by its arithmetic).
fn row_above_first(v: &View, header_from: usize, first: usize) -> bool {
    let above: Vec<super::solve::Token> =
        rows::tokenize(v, header_from, first, None).into_iter().filter(|t| whole_number(t).is_some()).collect();
    (above.len() == T3_COLS.len() && sums_to_last(&above)) || above.len() == T3_COLS.len() - 1
}

/// Rows of a table printed out of order (values apart from their labels) whose values are not
/// known to be theirs: `bad` gets each with why. `placed`: whether a row's values were printed
/// under known columns (read where they were printed); from `header_from` to `first` the
/// header stands, before the first row's label.
fn garbled_rows(
    v: &View,
    found: &[(usize, Vec<super::solve::Token>, Span)],
    placed: &dyn Fn(&[super::solve::Token]) -> bool,
    [header_from, first]: [usize; 2],
    last_end: usize,
    bad: &mut Vec<(usize, &'static str)>,
) {
    if row_above_first(v, header_from, first) {
        for f in found.iter().filter(|f| !f.1.is_empty() && !placed(&f.1)) {
            bad.push((
                f.0,
                "values stand before the first row's label: the values after each label may be the next row's",
            ));
        }
    }
    // The blanks of a row printing fewer values than columns are not known to be where they
    // seem.
    for f in found.iter().filter(|f| (f.1.len() < T3_COLS.len() || has_blank(&f.1)) && !placed(&f.1)) {
        bad.push((
            f.0,
            "the table was printed out of order (values apart from their labels); its blanks are not known",
        ));
    }
    // Two runs of values after a label whose row before printed none: the first may be that
    // row's. Text out of order prints a row's label before the values of the row above it,
    // where a group label or a tall row moved the labels (`4.保护第三方合法权益` /
    // `（三）不予公开` / `5.属于三类内部事务信息` / `1 0 0 0 0 0 1` / `0 0 0 0 0 0 0`).
    for k in 1..found.len() {
        let (before, row) = (&found[k - 1], &found[k]);
        let next = found.get(k + 1).map_or(last_end, |f| f.2[0]);
        if before.1.is_empty() && !row.1.is_empty() && !placed(&row.1) && first_digit(v, row.2[1], next).is_some() {
            bad.push((
                row.0,
                "the table was printed out of order, and the row before printed no values: these may be its",
            ));
        }
    }
    // Seven values after a label that do not add up may as well be a column's run printed
    // down the page (`25` / `34` / `41` …, one applicant type of seven rows).
    for f in found.iter().filter(|f| f.1.len() == T3_COLS.len() && !placed(&f.1) && !adds_up(&f.1)) {
        bad.push((f.0, "the table was printed out of order, and these seven values do not add up as a row"));
    }
}

/// Rows whose values are not known to stand in their columns: digits spaced apart
/// (`spaced_digit_rows`), a column left out of the table (`missing_column`).
fn unsure_rows(
    v: &View,
    header: &str,
    found: &[(usize, Vec<super::solve::Token>, Span)],
    bad: &mut Vec<(usize, &'static str)>,
) {
    spaced_digit_rows(v, found, bad);
    missing_column(header, found, bad);
}

/// A table 3 whose header names six of the form's seven columns, every row of which prints six
/// values: it left a column out, and which column each value is in is not known (read
/// as seven columns with a blank, the values after the gap ran a column over, or the total
/// went into 其他).
fn missing_column(
    header: &str,
    found: &[(usize, Vec<super::solve::Token>, Span)],
    bad: &mut Vec<(usize, &'static str)>,
) {
    let named = named_columns(header).iter().filter(|&&n| n).count();
    let printed: Vec<usize> = found.iter().map(|f| f.1.len()).filter(|&n| n > 0).collect();
    if !template::leaves_a_column_out(named, &printed) {
        return;
    }
    for f in found.iter().filter(|f| !f.1.is_empty()) {
        bad.push((f.0, "the header names six of the form's seven columns and every row prints six values"));
    }
}

/// Which of table 3's columns (`T3_COLS`) the header's words name.
fn named_columns(header: &str) -> [bool; 7] {
    let others = header.matches("其他").count() - header.matches("法人或其他组织").count();
    // (Each by a piece of its name: column-aligned text cuts names over lines, `社会公` / `益组织`,
    // or prints them down a column a character a line, `自` / `然` / `人`.)
    const NAMES: [(&[&str], usize); 6] = [
        (&["自然", "然人", "然"], 0),
        (&["商业", "企业"], 1),
        (&["科研"], 2),
        (&["社会", "公益"], 3),
        (&["法律", "服务"], 4),
        (&["总计", "总"], 6),
    ];
    let mut named = [false; 7];
    for (ws, c) in NAMES {
        named[c] = ws.iter().any(|w| header.contains(w));
    }
    named[5] = others > 0;
    named
}

/// A table 3 that leaves one of the 法人或其他组织 columns out (its header names the other six,
/// every row prints six whole numbers): each row gets an unknown cell in that column, so that
/// its six values stand in the columns the header names, in the form's order (a table never
/// reorders the form's columns). The cell stays unknown: the page printed no such column.
fn fill_missing_column(header: &str, found: &mut [(usize, Vec<super::solve::Token>, Span)]) -> Option<usize> {
    let named = named_columns(header);
    let missing: Vec<usize> = (0..T3_COLS.len()).filter(|&c| !named[c]).collect();
    let printed: Vec<usize> = found.iter().map(|f| f.1.len()).filter(|&n| n > 0).collect();
    let m = template::left_out_part(&missing)?;
    let whole = found.iter().all(|f| f.1.iter().all(solve::plain_count));
    if !template::leaves_a_column_out(T3_COLS.len() - 1, &printed) || !whole {
        return None;
    }
    for f in found.iter_mut().filter(|f| !f.1.is_empty()) {
        let at = f.1[m - 1].span()[1];
        f.1.insert(m, solve::unprinted_cell(at));
    }
    Some(m)
}

/// Values of columns the header names and the form lacks, taken out of the rows: a subtotal
/// (`drop_subtotal`), notes (`drop_notes`). `header`: the compact text between the table's
/// header marker and its first row label, read once for these and for `missing_column`.
/// Returns the column a table that leaves one out lacks (`fill_missing_column`).
fn drop_extra_columns(v: &View, header: &str, found: &mut [(usize, Vec<super::solve::Token>, Span)]) -> Option<usize> {
    drop_subtotal(header, found);
    drop_part_column(header, found);
    drop_notes(v, header, found);
    fill_missing_column(header, found)
}

/// A column of notes after table 3's (`备注` in its header; text that lost the header's columns
/// prints each row's note after its seven values): a row's eighth token is its note where
/// `template::ends_with_note`.
fn drop_notes(v: &View, header: &str, found: &mut [(usize, Vec<super::solve::Token>, Span)]) {
    if !template::names_notes(header) {
        return;
    }
    for f in found.iter_mut() {
        if template::ends_with_note(&f.1.iter().map(whole_number).collect::<Vec<_>>()) {
            f.1.truncate(T3_COLS.len());
        }
        // The rest of the row's line is its note (`含转办2件`): its digits are no value apart
        // from every row.
        if !f.1.is_empty() {
            f.2[1] = v.line_end(f.2[1].min(v.chars.len()));
        }
    }
}

/// The values of a subtotal column (`subtotal_column`) taken out of the rows.
fn drop_subtotal(header: &str, found: &mut [(usize, Vec<super::solve::Token>, Span)]) {
    if let Some(k) = subtotal_column(header, found) {
        drop_eighth(found, k);
    }
}

/// The values of a column printing a part of another (`其中：网上申请`, `part_column`) taken
/// out of the rows: the form has no cell for them.
fn drop_part_column(header: &str, found: &mut [(usize, Vec<super::solve::Token>, Span)]) {
    if let Some(k) = part_column(header, found) {
        drop_eighth(found, k);
    }
}

/// Where a table 3 printing a part of one of its columns in a column of its own (`其中` in its
/// header, text that lost the header's columns) prints it, by the header's words
/// (`template::part_place`) and `template::part_fits`.
fn part_column(header: &str, found: &[(usize, Vec<super::solve::Token>, Span)]) -> Option<usize> {
    let k = template::part_place(&type_words(header), header.find("其中")?)?;
    template::part_fits(&whole_rows(found)?, k).then_some(k)
}

/// Where the header prints the four 法人或其他组织 types named apart from 其他 (which also
/// stands in 法人或其他组织): they say where a column the form lacks stands among them.
fn type_words(header: &str) -> Vec<usize> {
    ["商业", "科研", "公益", "法律"].iter().filter_map(|w| header.find(w)).collect()
}

/// The values of the rows that print any, each a whole number, or `None`.
fn whole_rows(found: &[(usize, Vec<super::solve::Token>, Span)]) -> Option<Vec<Vec<i64>>> {
    found
        .iter()
        .filter(|f| !f.1.is_empty())
        .map(|f| f.1.iter().map(whole_number).collect::<Option<Vec<i64>>>())
        .collect()
}

/// Value `k` taken out of each row of eight.
fn drop_eighth(found: &mut [(usize, Vec<super::solve::Token>, Span)], k: usize) {
    for f in found.iter_mut().filter(|f| f.1.len() == T3_COLS.len() + 1) {
        f.1.remove(k);
    }
}

/// Where a table 3 printing a subtotal of the 法人或其他组织 columns among its values (`小计`
/// or `合计` in its header, text that lost the header's columns) prints it, by the header's
/// words (before 商业企业, or after the other types) and `template::subtotal_fits`.
fn subtotal_column(header: &str, found: &[(usize, Vec<super::solve::Token>, Span)]) -> Option<usize> {
    let at = ["小计", "合计"].iter().filter_map(|w| header.find(w)).min()?;
    let k = template::subtotal_place(&type_words(header), at)?;
    template::subtotal_fits(&whole_rows(found)?, k).then_some(k)
}

/// Whether half the chained rows or more are prose naming the rows' outcomes, each with its
/// count and unit and a clause's punctuation after it (`予以公开 163 件，部分公开 72 件，不予公开
/// 41 件`, a summary hard-wrapped over lines): sentences, not a table's rows.
fn stated_in_prose(v: &View, hits: &[Hit], chain: &[usize], rows_found: usize) -> bool {
    let row = |i: usize| matches!(T3_LABELS[hits[i].pat].1, T3Label::Row(_));
    chain.iter().filter(|&&i| row(i) && states_a_count(v, hits[i].end)).count() * 2 >= rows_found
}

/// Whether a label ending at `end` is followed by a count and its unit ending a clause, as in a
/// sentence (`予以公开 163 件，`, `新收政府信息公开申请412件；`): spaces, digits, spaces, a unit of
/// count, then a comma, enumeration comma, semicolon or full stop; or a colon, the count and its
/// unit (`予以公开：6件`, a line of label and count).
fn states_a_count(v: &View, end: usize) -> bool {
    let at = |i: usize| v.chars.get(i).copied();
    let past = |mut i: usize, f: fn(char) -> bool| {
        while at(i).is_some_and(f) {
            i += 1;
        }
        i
    };
    let space = |c: char| c == ' ';
    let mut i = past(end, space);
    // A label's colon before the count (`予以公开：6件`, lines of label and count) says so too.
    let colon = matches!(at(i), Some('：' | ':'));
    if colon {
        i = past(i + 1, space);
    }
    let digits = i;
    i = past(i, |c| c.is_ascii_digit() || c == ',');
    if i == digits {
        return false;
    }
    i = past(i, space);
    matches!(at(i), Some('件' | '条' | '个' | '次'))
        && (colon || matches!(at(i + 1), Some('，' | '、' | '；' | '。' | ',' | ';')))
}

/// Whether nothing but a column's header stands between a row's label (ending at `end`) and
/// its numbers, a number a line (`自然` / `人` / `31` / `13` …, text that prints the table a
/// column at a time): they are that column's, not the row's.
fn column_after(v: &View, end: usize, tokens: &[super::solve::Token]) -> bool {
    let Some(first) = tokens.first().filter(|t| tokens.len() >= 2 && t.span()[0] > end) else { return false };
    let between = v.compact_between(end, first.span()[0]);
    let header = !between.is_empty() && T3_COL_LABELS.iter().fold(between, |b, (l, _)| b.replace(l, "")).is_empty();
    header && tokens.windows(2).all(|w| v.chars.get(w[0].span()[1]..w[1].span()[0]).is_some_and(|s| s.contains(&'\n')))
}

/// Each chained label's cells read one a line (`rows::line_cells_or_more`): `None` where its
/// lines are no cells; rows whose lines are more than cells flagged in `bad`.
fn line_readings(
    v: &View,
    hits: &[Hit],
    chain: &[usize],
    bad: &mut Vec<(usize, &'static str)>,
) -> Vec<Option<Vec<super::solve::Token>>> {
    let label = |hi: usize| T3_LABELS[hits[hi].pat].1;
    let readings: Vec<rows::LineCells> = chain
        .iter()
        .enumerate()
        .map(|(k, &hi)| {
            if matches!(label(hi), T3Label::Group) {
                return rows::LineCells::No;
            }
            let limit = chain.get(k + 1).map_or(hits[hi].end + MAX_GAP, |&n| hits[n].start);
            rows::line_cells_or_more(v, hits[hi].end, limit, T3_COLS.len())
        })
        .collect();
    // A table printing its numbers a digit or a few a line (a row with more lines of digits
    // than cells): a row of exactly its cells whose digits stand a line apart may as well print
    // fewer, longer numbers and blank cells after them; it too is split only by its arithmetic.
    let glued_table = readings.iter().any(|r| matches!(r, rows::LineCells::More(Some(_))));
    chain
        .iter()
        .zip(readings)
        .map(|(&hi, reading)| {
            let row = match label(hi) {
                T3Label::Row(i) => Some(i),
                _ => None,
            };
            match reading {
                rows::LineCells::Cells(cells) => {
                    match glued_table.then(|| rows::glue_digit_lines(v, &cells, T3_COLS.len())) {
                        Some(Some(glued)) => Some(split_glued(glued, row, bad)),
                        _ => Some(cells),
                    }
                }
                rows::LineCells::More(Some(glued)) => Some(split_glued(glued, row, bad)),
                rows::LineCells::Digits(glued) if glued_table => Some(split_glued(glued, row, bad)),
                rows::LineCells::More(None) => {
                    if let Some(i) = row {
                        bad.push((i, "more lines of one value or blank than columns: not one cell a line"));
                    }
                    None
                }
                rows::LineCells::Digits(_) | rows::LineCells::No => None,
            }
        })
        .collect()
}

/// A row printing its numbers a digit or a few a line (`rows::glue_digit_lines`): its cells
/// where the arithmetic settles them (`pieces::split_row`), else the glued runs, the row
/// flagged.
fn split_glued(
    glued: Vec<super::solve::Token>,
    row: Option<usize>,
    bad: &mut Vec<(usize, &'static str)>,
) -> Vec<super::solve::Token> {
    if let Some(cells) = pieces::split_row(&glued, T3_COLS.len()) {
        return cells;
    }
    if let Some(i) = row {
        bad.push((
            i,
            "its numbers were printed a digit or a few a line, the cells between them not marked: \
             the row's arithmetic does not settle where each number ends",
        ));
    }
    glued
}

/// How many of table 4's three groups of five add up (each group's four results to its total),
/// where `v` are its fifteen values.
fn t4_groups_adding_up(v: &[i64]) -> Option<usize> {
    (v.len() == 15).then(|| v.chunks(5).filter(|g| sum_is_last(g)).count())
}

/// A token's count for the arithmetic of a row: a whole number, with thousands separators
/// (`1,218`), or 0 for a cell's mark of no value (`-`).
fn counted(t: &super::solve::Token) -> Option<i64> {
    if t.no_value() {
        return Some(0);
    }
    let raw: Vec<char> = t.raw_chars().collect();
    let groups: Vec<&[char]> = raw.split(|c| *c == ',').collect();
    let grouped = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
        && raw.iter().all(|c| c.is_ascii_digit() || *c == ',');
    if !grouped {
        return whole_number(t);
    }
    raw.iter().filter(|c| c.is_ascii_digit()).collect::<String>().parse().ok()
}

/// How many of table 4's three groups of five print a total that is not 0 and not the sum of
/// their four results (`v` its fifteen values; a total left 0 beside its parts is a report's
/// slip of its own, not values out of place).
fn t4_miscounted(v: &[i64]) -> usize {
    if v.len() != 15 {
        return 0;
    }
    v.chunks(5).filter(|g| g[4] != 0 && !sum_is_last(g)).count()
}

/// Whether table 4's fifteen values add up, where they are whole numbers.
fn t4_adds_up(toks: &[super::solve::Token]) -> Option<bool> {
    let v = toks.iter().map(whole_number).collect::<Option<Vec<i64>>>()?;
    Some(t4_groups_adding_up(&v) == Some(3))
}

/// Most steps of the search for the orders of table 4's runs (`t4_orders`).
const T4_ORDER_BUDGET: usize = 100_000;

/// Table 4's values printed in several runs between header pieces (PDF text without layout
/// prints each group's results under its own header, a total after its `总计` apart from them):
/// the runs in text order where `in_order_first` (a tool that prints runs in the table's order) and
/// they add up; else the one order of the runs that makes every group add up, where all such
/// orders give the same values (pdfminer prints a group's runs after another's); else the runs
/// in text order, and why they are not the table where their values are whole numbers and some
/// order adds up (the groups' runs may stand in any of those orders).
fn t4_runs(
    runs: Vec<Vec<super::solve::Token>>,
    in_order_first: bool,
) -> (Vec<super::solve::Token>, Option<&'static str>) {
    let in_order: Vec<_> = runs.iter().flatten().cloned().collect();
    if runs.len() == 1 {
        return (in_order, None);
    }
    if in_order.len() != 15 {
        return (in_order, Some("its values were printed in several runs that do not make 15"));
    }
    let Some(values) =
        runs.iter().map(|r| r.iter().map(whole_number).collect::<Option<Vec<i64>>>()).collect::<Option<Vec<_>>>()
    else {
        return (in_order, None);
    };
    if in_order_first && t4_groups_adding_up(&values.concat()) == Some(3) {
        return (in_order, None);
    }
    let unsettled = "its values were printed in several runs whose order the arithmetic does not settle";
    match t4_orders(&values).as_deref() {
        // No order adds up: the report's own slip, its values as printed, where the tool printed
        // them in the table's order and one group at most prints a total that is not its parts'
        // sum (a slip is one cell's, or totals left 0; two such groups, the runs cut the row
        // elsewhere: OCR printing one line of the table as two, `2 0 1 1 3 1 1 1 3 6` /
        // `0 1 2 5 1`); printed box by box, their places are not known.
        Some([]) if in_order_first && t4_miscounted(&values.concat()) < 2 => (in_order, None),
        Some([]) if in_order_first => {
            (in_order, Some("its values were printed in several runs and two of its groups do not add up"))
        }
        Some([]) => (in_order, Some("its values were printed box by box and no order of them adds up")),
        Some([(_, order)]) => (order.iter().flat_map(|&r| runs[r].iter().cloned()).collect(), None),
        _ => (in_order, Some(unsettled)),
    }
}

/// The distinct values (two at most) of the orders of `runs` whose every group of five adds up,
/// each with one order of the runs giving it; `None` where the search takes more than
/// `T4_ORDER_BUDGET` steps. Runs printing the same values are one choice (a table of zeros
/// prints many runs of `0`), so the search is over their distinct arrangements.
fn t4_orders(runs: &[Vec<i64>]) -> Option<Vec<(Vec<i64>, Vec<usize>)>> {
    struct Search<'a> {
        kinds: Vec<(&'a [i64], Vec<usize>)>,
        used: Vec<usize>,
        seq: Vec<i64>,
        order: Vec<usize>,
        found: Vec<(Vec<i64>, Vec<usize>)>,
        steps: usize,
    }
    impl Search<'_> {
        fn go(&mut self) -> bool {
            if self.found.len() > 1 {
                return true;
            }
            self.steps += 1;
            if self.steps > T4_ORDER_BUDGET {
                return false;
            }
            if self.seq.len() == 15 {
                if self.found.first().is_none_or(|(v, _)| *v != self.seq) {
                    self.found.push((self.seq.clone(), self.order.clone()));
                }
                return true;
            }
            for k in 0..self.kinds.len() {
                if self.used[k] == self.kinds[k].1.len() {
                    continue;
                }
                let (values, ids) = (self.kinds[k].0, &self.kinds[k].1);
                let run = ids[self.used[k]];
                let before = self.seq.len();
                self.seq.extend_from_slice(values);
                let after = self.seq.len();
                // Every group completed by this run adds up.
                let fits = after <= 15
                    && (1..=3)
                        .filter(|g| g * 5 > before && g * 5 <= after)
                        .all(|g| sum_is_last(&self.seq[(g - 1) * 5..g * 5]));
                if fits {
                    self.used[k] += 1;
                    self.order.push(run);
                    let ok = self.go();
                    self.order.pop();
                    self.used[k] -= 1;
                    if !ok {
                        return false;
                    }
                }
                self.seq.truncate(before);
            }
            true
        }
    }
    let mut kinds: Vec<(&[i64], Vec<usize>)> = Vec::new();
    for (i, r) in runs.iter().enumerate() {
        match kinds.iter_mut().find(|(v, _)| *v == r.as_slice()) {
            Some((_, ids)) => ids.push(i),
            None => kinds.push((r, vec![i])),
        }
    }
    let used = vec![0; kinds.len()];
    let mut search =
        Search { kinds, used, seq: Vec::with_capacity(15), order: Vec::new(), found: Vec::new(), steps: 0 };
    search.go().then_some(search.found)
}

/// Whether seven values are a row of table 3: its first six add up to the seventh.
fn adds_up_as_row(v: &[i64]) -> bool {
    v.len() == T3_COLS.len() && sum_is_last(v)
}

/// Single digits a space apart, seven, not adding up, in a table whose blank cells vanish (rows
/// of fewer values than columns): a converter that sets a Word page's text runs a space apart
/// prints `1 5 1 3 1 5 4` for 151 3 154, pieces of numbers as much as cells. Such rows go to `bad`.
fn spaced_digit_rows(
    v: &View,
    found: &[(usize, Vec<super::solve::Token>, Span)],
    bad: &mut Vec<(usize, &'static str)>,
) {
    let vanish = found.iter().any(|f| (1..T3_COLS.len()).contains(&f.1.len()) && !has_blank(&f.1));
    if !vanish {
        return;
    }
    let spaced_digits = |toks: &[super::solve::Token]| {
        toks.iter().all(single_digit)
            && toks.windows(2).all(|w| v.chars.get(w[0].span()[1]..w[1].span()[0]) == Some(&[' '][..]))
    };
    for f in found.iter().filter(|f| f.1.len() == T3_COLS.len() && !sums_to_last(&f.1) && spaced_digits(&f.1)) {
        bad.push((f.0, "single digits a space apart that do not add up, blanks vanishing: pieces of numbers or cells"));
    }
}

/// The values of table-3 row `row` on the first line of its label, in `[from, to)`, its label's
/// rest standing after them (`（六）其他  1.申请人无  20  2 …` / `处理  正当理由逾` / … / `期不补正、`):
/// the last line before `to` that names the row (`numbered_row`).
fn values_on_first_line(v: &View, row: usize, from: usize, to: usize) -> Option<Vec<super::solve::Token>> {
    let mut ls = v.line_start(to.min(v.chars.len()));
    while ls > from {
        ls = v.line_start(ls - 1);
        if ls < from {
            break;
        }
        let le = v.line_end(ls);
        if let Some((f, _)) = numbered_row(v, ls, le).filter(|&(_, i)| i == row) {
            let tokens = rows::tokenize(v, ls + f.values, le, None);
            return (!tokens.is_empty()).then_some(tokens);
        }
    }
    None
}

/// Rows printed out of the template's order inside the table (`（七）总计  44  3 …` before
/// `（一）予以公开`, a table printing its total row first): a row label the chain of labels in
/// order left out, between the chain's first and last labels, for a row not found, followed on
/// its line by seven values that add up and lie in no found row's span, gets them. Without
/// this the values stood in no row and the row was missing, and nothing said so.
fn rows_out_of_order(
    v: &View,
    hits: &[Hit],
    chain: &[usize],
    found: &mut Vec<(usize, Vec<super::solve::Token>, Span)>,
) {
    let (Some(&a), Some(&b)) = (chain.first(), chain.last()) else { return };
    let (from, to) = (hits[a].end, hits[b].start);
    let mut added = false;
    for (k, h) in hits.iter().enumerate() {
        let T3Label::Row(i) = T3_LABELS[h.pat].1 else { continue };
        if h.start < from || h.end > to || chain.contains(&k) || found.iter().any(|f| f.0 == i) {
            continue;
        }
        let tokens = rows::tokenize(v, h.end, v.line_end(h.end), None);
        let right_after =
            tokens.first().is_some_and(|t| v.chars[h.end..t.span()[0]].iter().all(|c| cells::is_space(*c)));
        let taken = |t: &super::solve::Token| found.iter().any(|f| f.2[0] <= t.span()[0] && t.span()[0] < f.2[1]);
        if right_after && adds_up(&tokens) && !tokens.iter().any(taken) {
            let span = rows::tokens_span(&tokens, h.end);
            found.push((i, tokens, span));
            added = true;
        }
    }
    if added {
        found.sort_by_key(|f| f.0);
    }
}

/// Whether seven tokens are counts (`solve::count_in_sum`: `1,234`, a blank mark 0) whose first
/// six add up to the seventh.
fn adds_up(toks: &[super::solve::Token]) -> bool {
    let counts: Option<Vec<i64>> = toks.iter().map(super::solve::count_in_sum).collect();
    counts.is_some_and(|c| adds_up_as_row(&c))
}

/// Digits one column apart (under one column, where the columns are known), joined in each row
/// that then adds up and did not as printed (`2 7 9 8  4 9 … 2 8 7 2`): a number printed a digit
/// at a time. Whether any row was joined.
fn join_rows(v: &View, found: &mut [(usize, Vec<super::solve::Token>, Span)], columns: Option<&ColumnModel>) -> bool {
    let mut joined = false;
    let may_join = |toks: &[super::solve::Token]| toks.windows(2).any(|w| single_digit(&w[0]) && single_digit(&w[1]));
    for f in found.iter_mut().filter(|f| may_join(&f.1) && !sums_to_last(&f.1)) {
        let whole = join_pieces(v, f.1.clone(), columns);
        if whole.len() < f.1.len() && sums_to_last(&whole) {
            f.1 = whole;
            joined = true;
        }
    }
    joined
}

/// What `value_lines` found.
enum ValueLines {
    /// Nothing to change: every row's values follow its label, or the text is not of that shape.
    Same,
    /// The rows' tokens, paired with their labels: `(template row, tokens)`.
    Paired(Vec<(usize, Vec<super::solve::Token>)>),
    /// Lines of values stand apart from the labels in a way no pairing settles: the rows
    /// without values on their labels' lines.
    Unsure(Vec<usize>),
}

/// Lines of seven values printed apart from their rows' labels, above or below them. A row's
/// values sit in the middle of its cell: where its label wraps over lines or sits low, PDF text
/// without positions (pdfplumber, pypdf) prints them on a line of their own before the label or
/// after it. Each label either has its seven values on its own line or none there; the labels
/// without values and the lines of values, each in text order, pair off one to one (a table
/// prints rows top to bottom), and each line must then stand next to its label, with no other
/// label between. `Unsure` when a line of values follows a row that has its own (values print
/// apart from their labels here) and no such pairing exists; `Same` when the text is not of
/// this shape (a line not seven values, text with digits between the labels). `labels` are
/// `(template row, hit)`; （六）其他处理 (row 20) without values of its own is the 2021 group label.
fn value_lines(v: &View, labels: &[(usize, Hit)], b: usize) -> ValueLines {
    enum Item {
        Label(usize, bool),
        Values(Vec<super::solve::Token>),
    }
    let n = T3_COLS.len();
    let b = b.min(v.chars.len());
    let eol = |i: usize| (i..b).find(|&k| v.chars[k] == '\n').unwrap_or(b);
    let mut items: Vec<Item> = Vec::new();
    let mut own: Vec<Vec<super::solve::Token>> = Vec::with_capacity(labels.len());
    // A line between the labels that is neither a line of seven values nor a label's line:
    // the text is not of the shape this pairs, and rows the text shows printed apart from
    // their values are not known to be read by the default (values after the label).
    let mut odd = false;
    for (k, (_, h)) in labels.iter().enumerate() {
        // (The last label's text may end the table: its values stood before it.)
        let next = labels.get(k + 1).map_or(b.max(h.end), |(_, n)| n.start);
        if next <= h.end && k + 1 < labels.len() {
            return ValueLines::Same;
        }
        // The label's own values: inside a label wrapped around them, or after it on its line.
        let line_end = eol(h.end).min(next);
        let mut toks = match v.number_lines_in(h.start, h.end) {
            Some((x, y)) => rows::tokenize(v, x, y, None),
            None => Vec::new(),
        };
        toks.extend(rows::tokenize(v, h.end, line_end, None));
        if !toks.is_empty() && toks.len() != n {
            odd = true;
        }
        if !(toks.is_empty() && labels[k].0 == OTHER_2019) {
            items.push(Item::Label(k, !toks.is_empty()));
        }
        own.push(toks);
        // The lines up to the next label: lines of values, or text without a digit.
        let mut ls = line_end + 1;
        while ls < next {
            let le = eol(ls).min(next);
            let content: Vec<usize> = (ls..le).filter(|&i| !cells::is_space(v.chars[i]) && !v.furniture[i]).collect();
            if !content.is_empty() && content.iter().all(|&i| v.on_number_line(i)) {
                let toks = rows::tokenize(v, ls, le, None);
                if toks.len() == n {
                    items.push(Item::Values(toks));
                } else {
                    odd = true;
                }
            } else if let Some(d) = first_digit(v, ls, le) {
                // A row whose label was not found (misprinted), with its values on its line: a
                // label of no known row.
                let tail_numbers =
                    (d..le).all(|i| cells::fold(v.chars[i]).is_ascii_digit() || cells::is_space(v.chars[i]));
                if tail_numbers && rows::tokenize(v, d, le, None).len() == n {
                    items.push(Item::Label(usize::MAX, true));
                } else {
                    odd = true;
                }
            } else if ordinal_label(v, ls, le) {
                // A row's label no pattern matched (`三 2.其他法律行政止公开`), without values:
                // a bare label of no known row.
                items.push(Item::Label(usize::MAX, false));
            }
            ls = le + 1;
        }
    }
    let orphan = items.windows(2).any(|w| matches!(w, [Item::Label(_, true), Item::Values(_)]));
    let known_rows = |ix: &[usize]| -> Vec<usize> {
        ix.iter()
            .filter_map(|&l| match items[l] {
                Item::Label(k, _) if k != usize::MAX => Some(labels[k].0),
                _ => None,
            })
            .collect()
    };
    let bare: Vec<usize> = (0..items.len()).filter(|&i| matches!(items[i], Item::Label(_, false))).collect();
    let lines: Vec<usize> = (0..items.len()).filter(|&i| matches!(items[i], Item::Values(_))).collect();
    let beside = |a: usize, b: usize| {
        let (lo, hi) = (a.min(b), a.max(b));
        !items[lo + 1..hi].iter().any(|it| matches!(it, Item::Label(..)))
    };
    if odd || bare.len() != lines.len() || !bare.iter().zip(&lines).all(|(&l, &x)| beside(l, x)) {
        if !orphan {
            return ValueLines::Same;
        }
        return ValueLines::Unsure(known_rows(&bare));
    }
    if !orphan && bare.iter().zip(&lines).all(|(&l, &x)| x > l) {
        return ValueLines::Same;
    }
    let mut out: Vec<(usize, Vec<super::solve::Token>)> = Vec::with_capacity(labels.len());
    for (k, toks) in own.into_iter().enumerate() {
        if !toks.is_empty() {
            out.push((labels[k].0, toks));
        }
    }
    for (&l, &x) in bare.iter().zip(&lines) {
        if let (Item::Label(k, _), Item::Values(toks)) = (&items[l], &items[x]) {
            if *k != usize::MAX {
                out.push((labels[*k].0, toks.clone()));
            }
        }
    }
    ValueLines::Paired(out)
}

/// Whether the text of `[a, b)` runs two lines' characters into one (a PDF's glyphs sorted by
/// position where wrapped labels stand side by side: `二一、、本上年年新结收转政政府府信息`):
/// two Han characters or more doubled (`XX`, not a numeral) outside notes. The labels and
/// the values beside them are then not known to be one row's. (Table labels double no
/// character; prose inside a table region rarely does twice.)
fn labels_interleaved(v: &View, a: usize, b: usize) -> bool {
    let b = b.min(v.chars.len());
    if a + 1 >= b {
        return false;
    }
    // Most texts double no Han character at all: the pairs are counted first without a branch
    // (a compare of each character with the next, that vectorises), and only two or more of
    // them are looked at one by one (numerals, notes).
    let pairs = v.chars[a..b - 1].chunks(192).zip(v.chars[a + 1..b].chunks(192));
    let doubled_han: usize = pairs
        .map(|(x, y)| {
            let n = x
                .iter()
                .zip(y)
                .fold(0u8, |n, (&c, &d)| n + u8::from((c == d) & ('\u{3400}'..='\u{9FFF}').contains(&c)));
            usize::from(n)
        })
        .sum();
    if doubled_han < 2 {
        return false;
    }
    let doubled = (a..b.saturating_sub(1))
        .filter(|&i| {
            let c = v.chars[i];
            c == v.chars[i + 1] && rows::is_cjk(c) && !NUMERALS.contains(c) && !v.in_note(i)
        })
        .count();
    doubled >= 2
}

/// The end of table 3's section heading (`template::T3_TITLE`), its ordinal and first words left
/// out: what finds the heading in text however its start was printed.
const T3_HEADING_TAIL: &str = "处理政府信息公开申请情况";

/// Whether the text's table 3 (from its section's heading, as far as table 4's) runs lines'
/// characters into one (`labels_interleaved`): a PDF's text sorted by position, whose other
/// tables' labels are not known to stand beside their values either.
pub(super) fn tables_interleaved(v: &View) -> bool {
    let Some(at) = v.compact_marker_after(0, &[T3_HEADING_TAIL]) else { return false };
    let end = v.compact_marker_after(at, T4_HEADINGS).unwrap_or(v.chars.len()).min(at + 3000);
    labels_interleaved(v, at, end)
}

/// Whether every row of `found` with values prints one value per line, all seven or six (its
/// total left blank), on lines of their own after its label: whole rows printed one cell per
/// line, not pieces.
fn whole_rows_a_cell_a_line(v: &View, found: &[(usize, Vec<super::solve::Token>, Span)]) -> bool {
    let per_line = |toks: &[super::solve::Token]| {
        toks.windows(2).all(|w| {
            let between = &v.chars[w[0].span()[1].min(v.chars.len())..w[1].span()[0].min(v.chars.len())];
            between.iter().filter(|&&c| c == '\n').count() == 1
                && between.iter().all(|&c| cells::is_space(c) || c == '\n')
        })
    };
    found
        .iter()
        .filter(|f| !f.1.is_empty())
        .all(|f| (T3_COLS.len() - 1..=T3_COLS.len()).contains(&f.1.len()) && per_line(&f.1))
}

/// A row whose label is followed by Han characters of no label of its own before its numbers
/// (`words_before_values`): its tokens cleared, the row in `bad`.
fn foreign_words(
    v: &View,
    label: T3Label,
    label_end: usize,
    tokens: &mut Vec<super::solve::Token>,
    bad: &mut Vec<(usize, &'static str)>,
) {
    if let T3Label::Row(i) = label {
        if words_before_values(v, i, label_end, tokens) {
            bad.push((i, "words of no label stand between its label and its numbers: not known to be its own"));
            tokens.clear();
        }
    }
}

/// Whether table 3's text, from its section's heading (the first labels the text garbled are
/// not found) to `last_end`, runs lines' characters into one (`labels_interleaved`): then every
/// row of `found` goes to `bad` (so `requests` calls it first among the signs of a garbled table).
fn interleaved_rows(
    v: &View,
    [first, header_from, last_end]: [usize; 3],
    found: &[(usize, Vec<super::solve::Token>, Span)],
    bad: &mut Vec<(usize, &'static str)>,
) -> bool {
    let heading = v.compact_marker_before(first, &[T3_HEADING_TAIL], 600).unwrap_or(header_from);
    let interleaved = labels_interleaved(v, heading.min(header_from), last_end);
    if interleaved {
        for f in found {
            bad.push((
                f.0,
                "the labels' characters are interleaved (`申申请请`): no row is known to be beside its label",
            ));
        }
    }
    interleaved
}

/// Whether Han characters of no label of row `row` stand on the label's line between its end
/// and the first of `tokens` (two or more): PDF text whose glyphs of wrapped labels were sorted
/// by position runs one row's label into another's words (`（一）予以公开 开申请数数量量 2798 …`,
/// the values of the row above), and the numbers after it are not known to be the label's. The
/// rest of the row's own label (`5.要求行政机关确认` `或重新出` `0 0 …`) is no such word.
fn words_before_values(v: &View, row: usize, label_end: usize, tokens: &[super::solve::Token]) -> bool {
    let Some(first) = tokens.first() else { return false };
    let start = first.span()[0].min(v.chars.len());
    if start <= label_end || v.chars[label_end..start].contains(&'\n') {
        return false;
    }
    let own = |c: char| T3_LABELS.iter().any(|(p, l)| matches!(l, T3Label::Row(r) if *r == row) && p.contains(c));
    let foreign = |i: usize| {
        let c = v.chars[i];
        rows::is_cjk(c) && !NUMERALS.contains(c) && !v.in_note(i) && !own(c)
    };
    (label_end..start).filter(|&i| foreign(i)).count() >= 2
}

/// Chinese numerals: a group's ordinal (`四、`), no label's word.
const NUMERALS: &str = "一二三四五六七八九十";

/// Whether the line `[ls, le)` (holding no value digit) prints a row's ordinal and label text
/// (`三 2.其他法律行政止公开`): digits ending in `.` or `、` or in brackets (`（2）`), text after them.
fn ordinal_label(v: &View, ls: usize, le: usize) -> bool {
    let Some(d) = (ls..le).find(|&i| cells::fold(v.chars[i]).is_ascii_digit()) else { return false };
    let end = (d..le).find(|&i| !cells::fold(v.chars[i]).is_ascii_digit()).unwrap_or(le);
    end < le
        && (matches!(cells::fold(v.chars[end]), '.' | '、')
            || (d > ls && cells::fold(v.chars[d - 1]) == '(' && cells::fold(v.chars[end]) == ')'))
        && (end + 1..le).any(|i| !cells::is_space(v.chars[i]) && !cells::fold(v.chars[i]).is_ascii_digit())
}

/// Where the values of a table 3 are, when they are exactly as many as the format's cells (the
/// format the counts tell apart, 161 or 175 cells, where the labels did not; half its rows'
/// labels found at least) and each is a whole number: then the values in text order,
/// seven to a row, may be the template's rows in order, however out of order the text printed
/// the labels (pdftotext without -layout prints a table's values in the order the PDF drew its
/// cells, row by row, and the labels of rows under a group label later). Values are the digit
/// runs `first_digit` finds in `[a, b)` (table 3's labels print no other digit; a value inside a
/// label wrapped around it is the row's). In a table with a column of notes (`notes`), a digit
/// run after a Chinese character is a note's (`含转` / `办2` / `件`), no value.
fn lone_values(
    v: &View,
    found: &[(usize, Vec<super::solve::Token>, Span)],
    format: TableFormat,
    [a, b]: Span,
    notes: bool,
    skip: &[Span],
) -> Option<(TableFormat, Vec<Span>)> {
    let formats = match format {
        TableFormat::Other => vec![TableFormat::F2019, TableFormat::F2021],
        f => vec![f],
    };
    let n_cells = |f: TableFormat| template::t3_rows_of(f).len() * T3_COLS.len();
    let most = formats.iter().map(|f| n_cells(*f)).max()?;
    let values = value_spans_but(v, [a, b], notes, most, skip)?;
    let format = formats.into_iter().find(|f| n_cells(*f) == values.len())?;
    half_labelled(found, format).then_some((format, values))
}

/// Whether at least half the format's rows of table 3 were found by their labels: values
/// printed apart from them are read only then.
fn half_labelled(found: &[(usize, Vec<super::solve::Token>, Span)], format: TableFormat) -> bool {
    let order = template::t3_rows_of(format);
    let labelled = order.iter().filter(|i| found.iter().any(|f| f.0 == **i)).count();
    2 * labelled >= order.len()
}

/// The values `lone_values` finds in `[a, b)`, at most `most` of them (`None` past it, or at a
/// number that is no whole value).
fn value_spans(v: &View, ab: Span, notes: bool, most: usize) -> Option<Vec<Span>> {
    value_spans_but(v, ab, notes, most, &[])
}

/// [`value_spans`] leaving out the numbers at `skip`.
fn value_spans_but(v: &View, [a, b]: Span, notes: bool, most: usize, skip: &[Span]) -> Option<Vec<Span>> {
    let b = b.min(v.chars.len());
    let mut values = Vec::with_capacity(most);
    let mut i = a;
    while let Some(d) = first_digit(v, i, b) {
        let end = (d..b).find(|&k| !cells::fold(v.chars[k]).is_ascii_digit()).unwrap_or(b);
        let lone = end - d <= 9 && v.chars.get(end).is_none_or(|c| !matches!(cells::fold(*c), '.' | ',' | '%'));
        i = end;
        if (notes && d > a && rows::is_cjk(v.chars[d - 1])) || skip.contains(&[d, end]) {
            continue;
        }
        if !lone || values.len() == most {
            return None;
        }
        values.push([d, end]);
    }
    Some(values)
}

/// Table 3 printed out of order, from its values apart from the labels (`lone_values`): seven to
/// a row in text order, or in blocks of rows some printed a column at a time, where the
/// arithmetic says so. `[header_from, last_end]`: from the table's header to its last row read.
fn read_apart(
    v: &View,
    found: &[(usize, Vec<super::solve::Token>, Span)],
    labels: &[(usize, Hit)],
    format: TableFormat,
    [header_from, last_end]: Span,
    first: usize,
    issues: &mut Vec<Issue>,
) -> Option<(TableReading, Span)> {
    // The values of a table printed out of order run on to the next section's heading
    // (table 4's), past the rows' own regions, or to table 4's own column words where a page's
    // text flows its first cells above the heading (`其他` / `结果` / `0` / `尚未` / `审结`).
    let until = t3_values_end(v, last_end);
    read_apart_until(v, found, labels, format, [header_from, last_end], until, first, issues)
        .or_else(|| {
            let past = past_t4_heading(v, last_end, until)?;
            read_apart_until(v, found, labels, format, [header_from, last_end], past, first, issues)
        })
        .or_else(|| read_apart_around_t4(v, found, labels, format, [header_from, last_end], first, issues))
}

/// Table 4's values (its fifteen cells) among the values of table 3 that run past table 4's
/// heading (`read_apart_around_t4`).
const T4_CELLS: usize = 15;

/// Table 3's values that run on past table 4's heading with table 4's own values around them
/// (pdfminer of a Word PDF whose last page holds table 3's lower rows beside table 4: the page's
/// text boxes come out as table 4's heading, its header boxes and first values, then table 3's
/// columns of the lower rows as one stretch, then table 4's last values). Table 3's values are
/// the values before the heading and one stretch of the values after it, up to the next
/// section's heading: every stretch of whole text runs that makes up the format's cells is read
/// (`read_values`), table 4's values (its `T4_CELLS`, every one printed) the rest, some before
/// the stretch and some after it; the table is taken only where every stretch that reads gives
/// the same cells.
fn read_apart_around_t4(
    v: &View,
    found: &[(usize, Vec<super::solve::Token>, Span)],
    labels: &[(usize, Hit)],
    format: TableFormat,
    [header_from, last_end]: Span,
    first: usize,
    issues: &mut Vec<Issue>,
) -> Option<(TableReading, Span)> {
    let n = template::t3_rows_of(format).len() * T3_COLS.len();
    if format == TableFormat::Other || n == 0 {
        return None;
    }
    let h = v.compact_marker_after(last_end, T4_HEADINGS)?;
    let (heading, heading_end) = (v.line_start(h), v.line_end(h));
    let end = (heading_end..v.chars.len()).find(|&i| section_heading_at(v, i)).unwrap_or(v.chars.len());
    let notes = template::names_notes(&v.compact_between(header_from, end));
    let before = value_spans(v, [header_from, heading], notes, n)?;
    let after = value_spans(v, [heading_end, end], notes, n + T4_CELLS)?;
    let m = n.checked_sub(before.len())?;
    if m == 0 || after.len() != m + T4_CELLS {
        return None;
    }
    if !half_labelled(found, format) {
        return None;
    }
    let mut read: Option<((TableReading, Span), Vec<Issue>)> = None;
    // (A stretch is whole text runs: table 4's values printed on one line with spaces between
    // them are one run, no part of it table 3's.)
    // Table 4's values stand on both sides of the stretch (its first values after its header
    // boxes, its last after the stretch): a stretch at either end would be table 4's own values
    // taken for a table 3 short of some.
    let run_edge = |k: usize| v.apart(after[k - 1][1], after[k][0]);
    for w in (1..after.len() - m).filter(|&w| run_edge(w) && run_edge(w + m)) {
        let mut values = before.clone();
        values.extend_from_slice(&after[w..w + m]);
        let mut scratch = Vec::new();
        let Some(table) = read_values(v, found, labels, format, &values, [first, last_end], &mut scratch) else {
            continue;
        };
        match &read {
            None => read = Some((table, scratch)),
            Some(((t, _), _)) if same_cells(t, &table.0) => {}
            Some(_) => return None,
        }
    }
    let (table, mut scratch) = read?;
    issues.append(&mut scratch);
    Some(table)
}

/// Whether two readings of a table give every cell the same value and state.
fn same_cells(a: &TableReading, b: &TableReading) -> bool {
    let cells = |t: &TableReading| -> Vec<(String, String, Option<crate::model::Number>, crate::model::CellState)> {
        t.cells
            .0
            .iter()
            .flat_map(|(r, row)| row.0.iter().map(move |(c, cell)| (r.clone(), c.clone(), cell.value, cell.state)))
            .collect()
    };
    cells(a) == cells(b)
}

/// Words that end table 3's values printed out of order: table 4's.
const T3_VALUES_END: &[&str] = &["行政复议", "其他结果", "尚未审结"];

/// `read_apart` with the table's values ending at `until`.
#[allow(clippy::too_many_arguments)]
fn read_apart_until(
    v: &View,
    found: &[(usize, Vec<super::solve::Token>, Span)],
    labels: &[(usize, Hit)],
    format: TableFormat,
    [header_from, last_end]: Span,
    until: usize,
    first: usize,
    issues: &mut Vec<Issue>,
) -> Option<(TableReading, Span)> {
    // (A header naming a column of notes may print anywhere in text out of order.)
    let notes = template::names_notes(&v.compact_between(header_from, until));
    if let Some((format, values)) = lone_values(v, found, format, [header_from, until], notes, &[]) {
        return read_values(v, found, labels, format, &values, [first, last_end], issues);
    }
    // Pages' numbers printed among the values (`page_numbers`): the table is read without
    // them only where one choice of them alone gives a table that holds.
    let pages = page_numbers(v, [header_from, until]);
    let mut read: Option<((TableReading, Span), Vec<Issue>)> = None;
    for drop in page_number_choices(v, &pages) {
        let Some((format, values)) = lone_values(v, found, format, [header_from, until], notes, &drop) else {
            continue;
        };
        let mut scratch = Vec::new();
        if let Some(table) = read_values(v, found, labels, format, &values, [first, last_end], &mut scratch) {
            if read.is_some() {
                return None;
            }
            read = Some((table, scratch));
        }
    }
    let (table, mut scratch) = read?;
    issues.append(&mut scratch);
    Some(table)
}

/// Most pages' numbers among one table's values (`page_numbers`) whose choices are tried.
const MOST_PAGE_NUMBERS: usize = 6;

/// The choices of page numbers to leave out of a table's values (`page_numbers`): each one
/// alone, and each two printed on different pages (a table over three pages).
fn page_number_choices(v: &View, pages: &[Span]) -> Vec<Vec<Span>> {
    if pages.len() > MOST_PAGE_NUMBERS {
        return Vec::new();
    }
    let mut out: Vec<Vec<Span>> = pages.iter().map(|p| vec![*p]).collect();
    for (i, p) in pages.iter().enumerate() {
        for q in &pages[i + 1..] {
            if v.page_of(p[0]) != v.page_of(q[0]) {
                out.push(vec![*p, *q]);
            }
        }
    }
    out
}

/// The numbers in `[a, b)` that may be the number of the page they are printed on
/// (pdftotext without `-layout` prints a page's footer where its reading order puts it, inside a
/// table that runs over the page: `2` / `` / `1` / `` / `法律` / `服务`): a number 1–999 alone on
/// its line, an empty line (or a page's edge) before and after it, reading its page's number
/// where the text's pages are numbered so (`page_offset`). A table's value may be such a
/// number as well: only the arithmetic tells (`read_apart_until`).
pub(super) fn page_numbers(v: &View, [a, b]: Span) -> Vec<Span> {
    let Some(offset) = page_offset(v) else { return Vec::new() };
    let b = b.min(v.chars.len());
    // Where the text's last printed character ends (found once, not per line).
    let text_end = v.chars.iter().rposition(|&c| !cells::is_space(c)).map_or(0, |i| i + 1);
    let mut out = Vec::new();
    let mut ls = v.line_start(a);
    while ls < b {
        let le = v.line_end(ls);
        if let Some((n, span)) = bare_number(v, ls, le) {
            let page = v.page_of(span[0]).map(i64::from);
            // (The text's last line, the last page's number the numbering is known by, is no
            // table's value.)
            let last_line = le >= text_end;
            let numbered = page.is_some_and(|p| p + offset == n);
            if span[0] >= a && span[1] <= b && numbered && !last_line && alone_in_block(v, ls, le) {
                out.push(span);
            }
        }
        ls = le + 1;
    }
    out
}

/// The number 1–999 the line `[ls, le)` holds alone (spaces around it), and where it is.
fn bare_number(v: &View, ls: usize, le: usize) -> Option<(i64, Span)> {
    let a = (ls..le).find(|&i| !cells::is_space(v.chars[i]))?;
    let b = (a..le).find(|&i| !v.chars[i].is_ascii_digit()).unwrap_or(le);
    let n: i64 = v.chars[a..b].iter().collect::<String>().parse().ok().filter(|_| b - a <= 3)?;
    ((1..=999).contains(&n) && (b..le).all(|i| cells::is_space(v.chars[i])) && !v.furniture[a]).then_some((n, [a, b]))
}

/// Whether the line `[ls, le)` is a text block of its own: an empty line or a page's edge (or
/// the text's) before it and after it.
fn alone_in_block(v: &View, ls: usize, le: usize) -> bool {
    let edge = |at: usize| v.page_of(at) != v.page_of(at + 1);
    let before = ls == 0 || edge(ls - 1) || v.apart(ls - 1, ls);
    let after = le >= v.chars.len() || edge(le) || v.apart(le, le + 1);
    before && after
}

/// How the text's pages are numbered: the number printed on page 0, where the text marks its
/// pages and its last line is its last page's bare number (a text block of its own, the
/// footer printed last), and every other page whose first or last line is a bare number so
/// agrees (a table's value may end a page too: then nothing is known).
fn page_offset(v: &View) -> Option<i64> {
    let pages = v.page_ranges();
    // The first and last line of a page, where it is a bare number alone in its block.
    let edges = |&(start, end, _): &(usize, usize, u32)| {
        let first = (start..end).find(|&i| !cells::is_space(v.chars[i]));
        let last = (start..end).rev().find(|&i| !cells::is_space(v.chars[i]));
        [first, last].map(|at| {
            let at = at?;
            let (ls, le) = (v.line_start(at).max(start), v.line_end(at).min(end));
            bare_number(v, ls, le).filter(|_| alone_in_block(v, ls, le)).map(|(n, _)| n)
        })
    };
    let last = pages.last()?;
    let offset = edges(last)[1]? - i64::from(last.2);
    // (Page 1 the first page, or the second after an unnumbered cover: a text ending in another
    // number, table 4's values flowed to its end say, tells nothing.)
    let agree = pages.iter().all(|p| edges(p).iter().flatten().all(|n| n - i64::from(p.2) == offset));
    ((0..=1).contains(&offset) && agree).then_some(offset)
}

/// Table 3 from `values` (text order, as many as `format` has cells): seven to a row in text
/// order, or in blocks of rows, where the arithmetic says so (`read_apart_until`).
fn read_values(
    v: &View,
    found: &[(usize, Vec<super::solve::Token>, Span)],
    labels: &[(usize, Hit)],
    format: TableFormat,
    values: &[Span],
    [first, last_end]: Span,
    issues: &mut Vec<Issue>,
) -> Option<(TableReading, Span)> {
    // The table of values seven to a row in this order, with its issues, where `accept` takes it.
    let mut read = |values: &[Span], accept: &dyn Fn(&TableReading) -> bool| {
        let mut scratch = Vec::new();
        let (table, span) = stream_table(v, format, values, first, last_end, &mut scratch);
        accept(&table).then(|| {
            issues.append(&mut scratch);
            (table, span)
        })
    };
    let zeros = values.iter().all(|&[a, b]| b == a + 1 && cells::fold(v.chars[a]) == '0');
    // Seven values to a row by text order: each row's own sum is evidence of where the
    // rows start, so only a row or two may be off (a report's slip), besides totals
    // printed 0; and the rows must stand where the relations between them hold.
    let in_order = |t: &TableReading| {
        zeros
            || ((fit::holds_throughout(t) || (fit::rows_in_place(t) && fit::rows_off(t) <= 1))
                && rows_agree(found, format, values))
    };
    if let Some(done) = read(values, &in_order) {
        return Some(done);
    }
    // Rows in text order but for the first values that came out between the lines of their
    // wrapped labels (`label_cells_inside`): the rows holding, and every row adding up but
    // for totals printed 0 (no slip allowed: the moved values are the rows' first cells).
    if let Some(moved) = label_cells_inside(v, labels, format, values) {
        let holds = |t: &TableReading| {
            (fit::holds_throughout(t) || (fit::rows_in_place(t) && fit::rows_off(t) == 0))
                && rows_agree(found, format, &moved)
        };
        if let Some(done) = read(&moved, &holds) {
            return Some(done);
        }
    }
    // Rows printed in blocks, some a column at a time (merged group labels make PDF
    // text without layout print a block's values column by column).
    let (order, certain, slipped) = match in_blocks(v, format, values) {
        Some(read) => read,
        None => (label_cells_moved(v, found, labels, format, values)?, None, false),
    };
    // A table read with a row that does not add up holds between its rows, that row apart.
    let slipped_holds = |t: &TableReading| fit::rows_in_place(t) && fit::rows_off(t) <= blocks::MAX_SLIPS;
    let accept: &dyn Fn(&TableReading) -> bool = if slipped { &slipped_holds } else { &fit::holds_throughout };
    let (mut table, span) = read(&order, accept)?;
    if let Some(certain) = certain {
        unsettle(&mut table, format, &certain, issues);
    }
    Some((table, span))
}

/// No row of table 3 printing a value, and values after its labels before table 4 (a page
/// turned, its table printed labels first and the columns after): no row is known to be blank.
fn values_after_labels(
    v: &View,
    found: &[(usize, Vec<super::solve::Token>, Span)],
    last_end: usize,
    bad: &mut Vec<(usize, &'static str)>,
) {
    if found.iter().all(|f| f.1.is_empty()) && any_value_digit(v, last_end, t3_values_end(v, last_end)) {
        for f in found {
            bad.push((f.0, "no row prints a value by its label and numbers follow the labels: printed apart"));
        }
    }
}

/// Where the values of a table 3 printed out of order may end, in the order to try them: at
/// table 4's section heading or its column words (`行政复议` / `其他结果` / `尚未审结`), past
/// `last_end` (the last row read); then, where that is the heading, at table 4's column words
/// after it. pdfminer prints each page's text boxes of labels first and its
/// boxes of values after, so a page's columns of table 3 may follow table 4's heading; only a
/// reading that takes exactly the template's cells and adds up is kept (`read_apart`).
fn t3_values_end(v: &View, last_end: usize) -> usize {
    v.compact_marker_after(last_end, T3_VALUES_END).unwrap_or(v.chars.len()).max(last_end)
}

/// The second end (`t3_values_end`'s doc): where `until` is table 4's heading, table 4's column
/// words after it.
fn past_t4_heading(v: &View, last_end: usize, until: usize) -> Option<usize> {
    // The marker inside table 4's section heading (`四、政府信息公开行政复议、行政诉讼情况`).
    let h = v.compact_marker_after(last_end, T4_HEADINGS)?;
    let heading_end = v.line_end(h);
    if until <= heading_end && v.line_start(h) <= until {
        v.compact_marker_after(heading_end, T3_VALUES_END)
    } else {
        None
    }
}

/// Leaves unknown the cells of `table` (table 3 in `format`) that `certain` (row-major in
/// template order) does not settle, with an issue for each row that has any.
fn unsettle(table: &mut TableReading, format: TableFormat, certain: &[bool], issues: &mut Vec<Issue>) {
    let width = T3_COLS.len();
    let why = "printed a column at a time with the columns out of order; \
               only the total and the parts every order agrees on are read";
    for (p, i) in template::t3_rows_of(format).into_iter().enumerate() {
        let key = T3_ROWS[i].key;
        let Some(row) = table.cells.get(key) else { continue };
        let unsure: Vec<&'static str> = (0..width)
            .filter(|&c| !certain[p * width + c] && row.get(T3_COLS[c]).is_some())
            .map(|c| T3_COLS[c])
            .collect();
        build::unseat(table, "requests", key, &unsure, why, issues);
    }
}

/// `values` (text order) put in template order where the table was printed in blocks of rows,
/// each row by row or a column at a time (`blocks::block_order`), the one arrangement whose rows
/// add up and whose relations between rows hold in every column; or, where none is, a column
/// at a time with each block's columns out of order (`shuffled::settle`), with the cells every
/// such order agrees on (row-major in template order).
fn in_blocks(v: &View, format: TableFormat, values: &[Span]) -> Option<(Vec<Span>, Option<Vec<bool>>, bool)> {
    let nums = whole_values(v, values)?;
    let holds = t3_holds(format)?;
    let width = T3_COLS.len();
    let spans = |positions: Vec<usize>| positions.into_iter().map(|p| values[p]).collect();
    // The values alone first; where they allow several tables (or none is found), the runs the
    // text printed them in (an empty line or other text between two values) as well.
    if let Some(positions) = blocks::block_order(&nums, width, &holds, None) {
        return Some((spans(positions), None, false));
    }
    let starts: Vec<bool> = (0..values.len()).map(|j| j == 0 || v.apart(values[j - 1][1], values[j][0])).collect();
    // Runs that tell nothing (every value its own, as a browser's PDF prints them) add nothing.
    if starts.iter().all(|s| *s) {
        return None;
    }
    if let Some(positions) = blocks::block_order(&nums, width, &holds, Some(&starts)) {
        return Some((spans(positions), None, false));
    }
    if let Some(settled) = shuffled::settle(&nums, width, &holds, &starts) {
        return Some((spans(settled.positions), Some(settled.certain), false));
    }
    // A row that does not add up (the report's slip) leaves no arrangement above: the rows that
    // add up and the relations between rows in the columns of parts settle it, the values alone
    // first, then the text's runs (`blocks::block_order_slipped`).
    let parts = t3_holds_in(format, width - 1)?;
    let positions = blocks::block_order_slipped(&nums, width, &parts, None, SLIPPED_SUPPORT)
        .or_else(|| blocks::block_order_slipped(&nums, width, &parts, Some(&starts), SLIPPED_SUPPORT))?;
    Some((spans(positions), None, true))
}

/// Rows adding up to a total that is not 0 that a table 3 read in blocks with a row that does
/// not add up needs (as many relations as `fit::holds_throughout` asks of a table that holds).
const SLIPPED_SUPPORT: usize = 8;

/// The values at `values` as whole numbers.
fn whole_values(v: &View, values: &[Span]) -> Option<Vec<i64>> {
    values
        .iter()
        .map(|&[a, b]| v.chars[a..b].iter().map(|c| cells::fold(*c)).collect::<String>().parse().ok())
        .collect()
}

/// Whether a table 3 in `format` (values row-major in template order) holds between its rows in
/// every column: the results add up to their total, new and carried over to the total and
/// carried forward.
fn t3_holds(format: TableFormat) -> Option<impl Fn(&[i64]) -> bool> {
    t3_holds_in(format, T3_COLS.len())
}

/// [`t3_holds`] in the first `columns` columns only (the six of parts: the 总计 column's
/// relations fail with a row whose total is off).
fn t3_holds_in(format: TableFormat, columns: usize) -> Option<impl Fn(&[i64]) -> bool> {
    let order = template::t3_rows_of(format);
    let at = |r: usize| order.iter().position(|&o| o == r);
    let (new, carried) = (at(0)?, at(1)?);
    let (total, forward) = (at(template::T3_RESULTS_TOTAL)?, at(template::T3_CARRIED_FORWARD)?);
    let results: Vec<usize> =
        (0..order.len()).filter(|&p| (2..template::T3_RESULTS_TOTAL).contains(&order[p])).collect();
    let width = T3_COLS.len();
    Some(move |t: &[i64]| {
        (0..columns).all(|c| {
            let cell = |p: usize| t[p * width + c];
            results.iter().map(|&p| cell(p)).sum::<i64>() == cell(total)
                && cell(new) + cell(carried) == cell(total) + cell(forward)
        })
    })
}

/// `values` (text order) put in template order where pdfminer printed a block of rows a column
/// at a time but one row's first cell right after the row's label, ahead of the block's columns
/// (`1.本机关不掌握相关政府信息` / `31` / `申请人情况` / `自然人` / 12 values for 13 rows: the cell
/// beside the label made a text box of its own next to the label's). Each value that a row has
/// alone after its label, on a line of its own, and that stands where a block would begin (a
/// whole number of rows of values before it) is moved to that row's place in the block's first
/// column; the values so ordered must then be one arrangement of blocks only that adds up row by
/// row and holds between rows (`blocks::block_order`, the values alone), else nothing is read.
/// `found`: the rows' own tokens after their labels.
fn label_cells_moved(
    v: &View,
    found: &[(usize, Vec<super::solve::Token>, Span)],
    labels: &[(usize, Hit)],
    format: TableFormat,
    values: &[Span],
) -> Option<Vec<Span>> {
    let width = T3_COLS.len();
    let order = template::t3_rows_of(format);
    // Each value alone after its row's label (the row's only token, or on the label's own
    // line after it): its place in the values and the row's.
    let mut pinned: Vec<(usize, usize)> = Vec::new();
    let own = found.iter().filter_map(|(i, toks, _)| match toks.as_slice() {
        [tok] => Some((*i, values.iter().position(|s| *s == tok.span())?)),
        _ => None,
    });
    let beside = labels.iter().filter_map(|(i, h)| {
        let (ls, le) = (v.line_start(h.start), v.line_end(h.start));
        Some((*i, values.iter().position(|s| s[0] >= h.end.max(ls) && s[1] <= le)?))
    });
    for (i, p) in own.chain(beside) {
        let Some(r) = order.iter().position(|o| *o == i) else { continue };
        // (The label's line holds the value alone: no other value stands on it.)
        let (ls, le) = (v.line_start(values[p][0]), v.line_end(values[p][0]));
        if values.iter().filter(|s| s[0] >= ls && s[1] <= le).count() == 1 && !pinned.contains(&(p, r)) {
            pinned.push((p, r));
        }
    }
    pinned.sort_unstable();
    let mut moved = values.to_vec();
    let mut any = false;
    let mut at = 0;
    while at < pinned.len() {
        let (p, r) = pinned[at];
        // The values of the next rows' labels printed right after it move with it (`1.属于国家
        // 秘密` / `0` / `2.其他法律行政法规禁止公开 0` before the block's first column).
        let g = 1 + (at + 1..pinned.len()).take_while(|&k| pinned[k] == (p + k - at, r + k - at)).count();
        at += g;
        let s = p / width;
        if p % width != 0 || r <= s || (r - s + g - 1) * width >= values.len() - p {
            continue;
        }
        // Block rows s..: row r's natural-person value is the block's (r - s)-th value.
        let q = moved.iter().position(|x| *x == values[p])?;
        if moved.get(q..q + g) != Some(&values[p..p + g]) {
            continue;
        }
        let group: Vec<Span> = moved.drain(q..q + g).collect();
        for (k, x) in group.into_iter().enumerate() {
            moved.insert(q + (r - s) + k, x);
        }
        any = true;
    }
    if !any {
        return None;
    }
    let nums = whole_values(v, &moved)?;
    let positions = blocks::block_order(&nums, width, t3_holds(format)?, None)?;
    Some(positions.into_iter().map(|p| moved[p]).collect())
}

/// The values (`lone_values`, text order) with each value printed between the lines of a wrapped
/// row label moved to the first place of that label's row, seven to a row in template order;
/// `None` where no value moves. pdftotext without -layout prints a wrapped label's nearest cell,
/// its row's first (natural-person) value, between the label's lines, and the label, with it,
/// where its text block falls (after later rows' values: `（二）部分公开（…不计其他` / `19` /
/// `情形）`; `2.申请人逾期未按收费通知要求缴纳费用、行` / `处理` / `0` / `政机关不再处理…`), while
/// the row's other values stay among the rows' values in row order. Such a value stands alone on
/// its line between two lines of label text, one or two lines after a row label's match with no
/// digit between; the row is the label's (each row one such value at most). The values so ordered
/// are only read where every row adds up and the rows hold (`read_values`).
fn label_cells_inside(v: &View, labels: &[(usize, Hit)], format: TableFormat, values: &[Span]) -> Option<Vec<Span>> {
    let width = T3_COLS.len();
    let order = template::t3_rows_of(format);
    if values.len() != order.len() * width {
        return None;
    }
    let blank = |a: usize, b: usize| (a..b).all(|i| cells::is_space(v.chars[i]));
    let has_cjk = |a: usize, b: usize| (a..b).any(|i| rows::is_cjk(v.chars[i]));
    let mut owner: Vec<Option<usize>> = vec![None; values.len()];
    for (j, &[d, e]) in values.iter().enumerate() {
        let (ls, le) = (v.line_start(d), v.line_end(d));
        if ls == 0 || le >= v.chars.len() || !blank(ls, d) || !blank(e, le) {
            continue;
        }
        let prev = v.line_start(ls - 1);
        let next_end = v.line_end(le + 1);
        if !has_cjk(prev, ls - 1) || !has_cjk(le + 1, next_end) {
            continue;
        }
        // The last row label before the value, one or two lines up, no digit after it.
        let Some(&(r, h)) = labels.iter().filter(|(_, h)| h.end <= ls).max_by_key(|(_, h)| h.start) else {
            continue;
        };
        let lines = v.chars[h.end..ls].iter().filter(|&&c| c == '\n').count();
        if !(1..=2).contains(&lines) || (h.end..ls).any(|i| cells::fold(v.chars[i]).is_ascii_digit()) {
            continue;
        }
        if !order.contains(&r) || owner.contains(&Some(r)) {
            return None;
        }
        owner[j] = Some(r);
    }
    if owner.iter().all(Option::is_none) {
        return None;
    }
    let mut stream = values.iter().zip(&owner).filter(|(_, o)| o.is_none()).map(|(s, _)| *s);
    let mut moved = Vec::with_capacity(values.len());
    for r in &order {
        let own = owner.iter().position(|o| *o == Some(*r));
        if let Some(j) = own {
            moved.push(values[j]);
        }
        for _ in own.map_or(0, |_| 1)..width {
            moved.push(stream.next()?);
        }
    }
    (moved.as_slice() != values).then_some(moved)
}

/// Every row found with exactly seven values of its own after its label holds the values that
/// text order gives it.
fn rows_agree(found: &[(usize, Vec<super::solve::Token>, Span)], format: TableFormat, values: &[Span]) -> bool {
    let order = template::t3_rows_of(format);
    found.iter().filter(|f| f.1.len() == T3_COLS.len()).all(|(i, toks, _)| {
        order.iter().position(|o| o == i).is_some_and(|p| {
            let at = &values[p * T3_COLS.len()..(p + 1) * T3_COLS.len()];
            toks.iter().zip(at).all(|(t, s)| t.span() == *s)
        })
    })
}

/// Table 3 from `values` (`lone_values`) in text order, seven to a row of the template. Each
/// cell is `inferred`: its value is read, its place is not.
fn stream_table(
    v: &View,
    format: TableFormat,
    values: &[Span],
    first: usize,
    last_end: usize,
    issues: &mut Vec<Issue>,
) -> (TableReading, Span) {
    let cols: Vec<(&'static str, ColKind)> = T3_COLS.iter().map(|c| (*c, ColKind::Count)).collect();
    let rows_in: Vec<RowIn> = template::t3_rows_of(format)
        .into_iter()
        .zip(values.chunks(T3_COLS.len()))
        .map(|(i, at)| {
            let tokens: Vec<super::solve::Token> =
                at.iter().flat_map(|&[a, b]| rows::tokenize(v, a, b, None)).collect();
            RowIn {
                key: T3_ROWS[i].key,
                region: rows::tokens_span(&tokens, at[0][0]),
                tokens,
                cols: cols.clone(),
                pins: Vec::new(),
                at: Vec::new(),
                unreadable: None,
                in_order: false,
                every_cell: false,
            }
        })
        .collect();
    let span = [first.min(values[0][0]), last_end.max(values[values.len() - 1][1])];
    let mut table = build::requests(format, rows_in, span, Vec::new(), issues);
    for (_, row) in &mut table.cells.0 {
        for (_, cell) in &mut row.0 {
            cell.inferred = true;
        }
    }
    (table, span)
}

/// Whether table 4's 15 cells hold a number and add up group by group (blanks counting 0, each
/// group's total printed).
fn groups_add_up(tokens: &[super::solve::Token]) -> bool {
    tokens.len() == 15
        && tokens.iter().any(|t| !t.is_blank())
        && tokens.chunks(5).all(|g| {
            g.iter().map(solve::blank_as_zero).collect::<Option<Vec<i64>>>().is_some_and(|v| sum_is_last(&v))
                && (g[4].is_blank() == g.iter().all(super::solve::Token::is_blank))
        })
}

/// Whether table 4's 15 cells read one a line are every other one blank (`7` / `` / `1` / `` /
/// `1` …) and a group does not add up: the text's empty lines between its paragraphs, one after
/// each value (pdftotext's text of a Chromium PDF whose blank cells vanished: `7 1 1 9 3 1 4 2`),
/// taken for blank cells. Then the lines are no cells.
fn spacing_taken_for_blanks(tokens: &[super::solve::Token]) -> bool {
    let alternating = tokens.iter().enumerate().all(|(i, t)| t.is_blank() == (i % 2 == 1));
    // A blank part counts 0; a group whose total is blank is not known not to add up.
    alternating
        && tokens.chunks(5).any(|g| {
            g.last().is_some_and(|t| !t.is_blank())
                && g.iter().map(solve::blank_as_zero).collect::<Option<Vec<i64>>>().is_some_and(|v| !sum_is_last(&v))
        })
}

/// A run of values after one row's label that holds whole rows — 7·k values, each seven
/// adding up, the next k − 1 rows of the template printing no value of their own (their labels
/// came out after the values, as pdftotext without -layout prints them) — is those k rows'
/// values, in template order — unless the k − 1 rows before it print none either.
fn spill_whole_rows(found: &mut Vec<(usize, Vec<super::solve::Token>, Span)>) {
    let n = T3_COLS.len();
    let format_2021 = found.iter().any(|f| T3_ROWS[f.0].only == Some(Form::F2021));
    let format_2019 = found.iter().any(|f| f.0 == OTHER_2019);
    let order: Vec<usize> = (0..T3_ROWS.len())
        .filter(|&i| match T3_ROWS[i].only {
            Some(Form::F2021) => format_2021,
            Some(_) => format_2019 && !format_2021,
            None => true,
        })
        .collect();
    let mut k = 0;
    while k < found.len() {
        let (row, toks) = (found[k].0, &found[k].1);
        let rows = toks.len() / n;
        let Some(at) = order.iter().position(|&i| i == row) else {
            k += 1;
            continue;
        };
        let whole = rows >= 2 && toks.len() == rows * n && at + rows <= order.len();
        let values: Option<Vec<i64>> = whole.then(|| toks.iter().map(whole_number).collect()).flatten();
        let adds_up =
            values.as_ref().is_some_and(|v| v.chunks(n).all(adds_up_as_row) && v.chunks(n).any(|c| c[n - 1] != 0));
        // The rows the run spills into print nothing of their own (or are not found at all);
        // rows without a place in the format (the 2019/2021 （六） rows, undecided) stop it.
        let next: Vec<usize> = if whole { order[at + 1..at + rows].to_vec() } else { Vec::new() };
        let no_values = |i: &usize| found.iter().all(|f| f.0 != *i || f.1.is_empty());
        let free = next.len() + 1 == rows
            && next.iter().all(no_values)
            && next.iter().all(|i| T3_ROWS[*i].only.is_none() || format_2021 || format_2019);
        // The k − 1 rows before it printing nothing of their own either (their labels printed
        // together before the run: `一、…` `二、…` `（一）予以公开` then 21 values): the run may as
        // well be theirs and its label's, not known which.
        let before_free = whole && at + 1 >= rows && order[at + 1 - rows..at].iter().all(no_values);
        if !(adds_up && free) || before_free {
            k += 1;
            continue;
        }
        let mut toks = std::mem::take(&mut found[k].1);
        let rest = toks.split_off(n);
        found[k].2 = rows::tokens_span(&toks, found[k].2[0]);
        found[k].1 = toks;
        for (chunk, &i) in rest.chunks(n).zip(&next) {
            let span = rows::tokens_span(chunk, chunk[0].span()[0]);
            match found.iter_mut().find(|f| f.0 == i) {
                Some(f) => {
                    f.1 = chunk.to_vec();
                    f.2 = span;
                }
                None => found.push((i, chunk.to_vec(), span)),
            }
        }
        found.sort_by_key(|f| order.iter().position(|&i| i == f.0).unwrap_or(usize::MAX));
        k += 1;
    }
}

/// Table 4 from its 15 values in the form's order (group by group), the first at or after `from`.
fn t4_in_order(tokens: Vec<super::solve::Token>, from: usize, issues: &mut Vec<Issue>) -> TableReading {
    let row = build::t4_row(tokens, from);
    let end = row.region[1];
    build::review(row, [from, end], issues)
}

/// Table 4 printed as a list, a line per cell from the line at `from` on (`行政复议结果维持 1`,
/// `行政诉讼未经复议直接起诉总计 5`): each line's label names a group (the longest name it
/// holds) and ends with a column's name, one value after it; the 15 cells each once.
fn t4_listed(v: &View, from: usize) -> Option<Vec<super::solve::Token>> {
    let mut slots: Vec<Option<super::solve::Token>> = (0..15).map(|_| None).collect();
    let mut ls = v.line_start(from);
    for _ in 0..15 {
        while ls < v.chars.len() && v.chars[ls] == '\n' {
            ls += 1;
        }
        let le = v.line_end(ls);
        let d = first_digit(v, ls, le)?;
        let label = v.compact_between(ls, d);
        let group = template::t4_group(&label)?;
        let col = template::T4_COL_LABELS.iter().find(|(p, _)| label.ends_with(p))?.1;
        let mut tokens = rows::tokenize(v, d, le, None);
        if tokens.len() != 1 || slots[group * 5 + col].is_some() {
            return None;
        }
        slots[group * 5 + col] = tokens.pop();
        ls = le + 1;
    }
    slots.into_iter().collect()
}

/// Table 4 a row per group (`行政复议 | 1 | 1 | 0 | 0 | 2`) under a header line naming its five
/// columns (`类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计`, in any order): the line at
/// `from` and the two after it (empty lines and a Markdown rule between them skipped) each name
/// one group, no column, and hold five values, placed by the header's order of the columns.
fn t4_by_group_rows(v: &View, from: usize) -> Option<Vec<super::solve::Token>> {
    // (An empty line, or a Markdown rule `|---|---|`.)
    let skipped = |a: usize, b: usize| v.compact_between(a, b).is_empty() || rows::is_separator_line(v, a, b);
    let first = v.line_start(from);
    // The header: the nearest line before that is not skipped.
    let mut end = first;
    let header = loop {
        let e = end.checked_sub(1)?;
        let s = v.line_start(e);
        end = s;
        if !skipped(s, e) {
            break v.compact_between(s, e);
        }
    };
    if template::t4_group(&header).is_some() {
        return None;
    }
    let mut named: Vec<(usize, usize)> =
        template::T4_COL_LABELS.iter().filter_map(|&(p, c)| header.find(p).map(|i| (i, c))).collect();
    named.sort_unstable();
    let order: Vec<usize> = named.into_iter().map(|(_, c)| c).collect();
    if order.len() != T4_COLS.len() || (0..T4_COLS.len()).any(|c| !order.contains(&c)) {
        return None;
    }
    let mut slots: Vec<Option<super::solve::Token>> = (0..15).map(|_| None).collect();
    let mut ls = first;
    for _ in 0..T4_GROUPS.len() {
        while ls < v.chars.len() && skipped(ls, v.line_end(ls)) {
            ls = v.line_end(ls) + 1;
        }
        let le = v.line_end(ls);
        let d = first_digit(v, ls, le)?;
        let label = v.compact_between(ls, d);
        let group = template::t4_group(&label)?;
        if template::T4_COL_LABELS.iter().any(|(p, _)| label.contains(p)) || slots[group * 5].is_some() {
            return None;
        }
        // (A pipe row's values from the pipe closing its label, blank cells kept.)
        let from = (ls..d).rev().find(|&k| matches!(v.chars[k], '|' | '｜')).unwrap_or(d);
        let tokens = rows::tokenize(v, from, le, None);
        if tokens.len() != T4_COLS.len() {
            return None;
        }
        for (k, t) in tokens.into_iter().enumerate() {
            slots[group * 5 + order[k]] = Some(t);
        }
        ls = le + 1;
    }
    slots.into_iter().collect()
}

/// Table 4 printed on its side (`结果维持 1 4 1` … `总计 2 5 2`): from its header's start
/// (`from`) up to where its header characters end (`header_end`, within the first row's label),
/// a header naming the three groups and five lines after it, one for each result in the form's
/// order, each its label and three values; the 15 values in the form's order (group by group,
/// the groups in the order the header names them).
fn t4_on_its_side(v: &View, from: usize, header_end: usize) -> Option<Vec<super::solve::Token>> {
    // The header: up to the line the first result's label starts.
    let first = (from..header_end.min(v.chars.len())).find(|&i| v.chars[i..].starts_with(&['结', '果', '维', '持']))?;
    let groups = template::t4_groups_named(&v.compact_between(from, first));
    if groups.len() != 3 {
        return None;
    }
    let mut slots: Vec<Option<super::solve::Token>> = (0..15).map(|_| None).collect();
    let mut ls = first;
    for col in 0..T4_COLS.len() {
        // (Blank lines between the rows.)
        while ls < v.chars.len() && v.chars[ls] == '\n' {
            ls += 1;
        }
        let le = v.line_end(ls);
        let text: String = v.chars[ls..le].iter().collect();
        // (The column's label, or another of its names: 总计 or 合计.)
        let (i, label) = template::T4_COL_LABELS
            .iter()
            .filter(|(_, c)| *c == col)
            .find_map(|&(label, _)| text.find(label).filter(|&i| text[..i].trim().is_empty()).map(|i| (i, label)))?;
        let start = ls + text[..i].chars().count();
        let tokens = rows::tokenize(v, start + label.chars().count(), le, None);
        if tokens.len() != 3 {
            return None;
        }
        for (k, t) in tokens.into_iter().enumerate() {
            slots[groups[k] * 5 + col] = Some(t);
        }
        ls = le + 1;
    }
    slots.into_iter().collect()
}

/// Table 4 from text: after `行政复议 … 行政诉讼` and the header characters (stacked or
/// not; a `注：` line may stand between them and the numbers), the next 15 numbers. A
/// section heading `四、…行政复议、行政诉讼情况` with no header at all is followed by a bare
/// row of exactly 15 numbers; a full header followed by the next section and no number is
/// the table of an agency with nothing to report (every cell blank).
/// Where a line stating only a table's unit (`单位：件`, `（单位：件）`, `单位:件次`) ends, when such a
/// line starts at `i` (after its indent).
fn unit_line_end(v: &View, i: usize) -> Option<usize> {
    if v.chars[v.line_start(i)..i].iter().any(|&c| !super::cells::is_space(c)) {
        return None;
    }
    let end = v.line_end(i);
    let line: String = v.chars[i..end].iter().filter(|&&c| !super::cells::is_space(c)).collect();
    let inner = line.trim_start_matches(['（', '(']).trim_end_matches(['）', ')']);
    let unit = inner.strip_prefix("单位").map(|u| u.trim_start_matches(['：', ':']));
    unit.is_some_and(|u| matches!(u, "件" | "个" | "件次" | "条" | "次")).then_some(end)
}

pub(super) fn review(v: &View, issues: &mut Vec<Issue>, after: usize) -> Option<TableReading> {
    let len = v.chars.len();
    for h in v.find(&T4_AC) {
        if h.start < after {
            continue;
        }
        if let Some(tokens) = t4_listed(v, h.start).or_else(|| t4_by_group_rows(v, h.start)) {
            return Some(t4_in_order(tokens, h.start, issues));
        }
        // 行政诉讼 must follow closely.
        let near = v.compact_between(h.end, (h.end + 40).min(len));
        if !near.chars().take(12).collect::<String>().contains("行政诉讼") {
            continue;
        }
        // Skip header characters (stacked or not) and note lines up to the first value.
        let mut i = h.end;
        let mut header_end = h.end;
        let mut header = String::new();
        while i < len {
            let c = v.chars[i];
            // (Commas too: a header row as comma-separated values.)
            if v.furniture[i]
                || super::cells::is_space(c)
                || matches!(c, '|' | '｜' | '、' | '(' | ')' | '（' | '）' | ',' | '，')
            {
                i += 1;
                continue;
            }
            if let Some(end) = rows::separator_line_end(v, i) {
                i = end; // a markdown separator `|---|---|` under a header row
                continue;
            }
            let line_start = i == 0 || v.chars[i - 1] == '\n';
            if line_start && (c == '注' || v.chars[i..].starts_with(&['备', '注'])) {
                // A note between the header and the numbers (`注：…`): its line is no value.
                i = (i..len).find(|&k| v.chars[k] == '\n').unwrap_or(len);
                header_end = i;
                continue;
            }
            if let Some(end) = matches!(c, '单' | '（' | '(').then(|| unit_line_end(v, i)).flatten() {
                // The table's unit on a line of its own (`单位：件`, set right) over the header.
                i = end;
                header_end = i;
                continue;
            }
            if T4_HEADER_CHARS.contains(c) {
                header.push(c);
                i += 1;
                header_end = i;
                continue;
            }
            break;
        }
        if let Some(tokens) = t4_on_its_side(v, h.start, header_end) {
            return Some(t4_in_order(tokens, h.start, issues));
        }
        let full_header = header.contains('维') && header.contains('审');
        // Column-aligned text prints the 15 column headers on one line: the columns' places.
        let model = t4_columns(v, h.start, header_end);
        let row = |tokens: Vec<super::solve::Token>, unreadable: Option<&'static str>, issues: &mut Vec<Issue>| {
            // Without the header's columns, the values' own spacing, where it tells.
            let at = match &model {
                Some(m) => positions(v, &tokens, m),
                None => pitch_positions(v, &tokens, 15),
            };
            let row = RowIn { at, unreadable, in_order: false, ..build::t4_row(tokens, header_end) };
            let end = row.region[1];
            build::review(row, [h.start, end], issues)
        };
        if full_header {
            // A pipe row right after the header: its cells, blank ones kept (even all blank).
            if let Some((a, b)) = rows::pipe_row_after(v, header_end) {
                let tokens = rows::tokenize(v, a, b, None);
                if tokens.len() == 15 {
                    return Some(row(tokens, None, issues));
                }
            }
            // One cell per line with blanks as empty lines: the 15 lines after the header.
            // (Where the empty lines right after the header were taken for blank cells, only if
            // every group then adds up: BeautifulSoup's `get_text("\n")` prints empty lines
            // between cells and none for a blank one.)
            if let Some(tokens) = rows::line_cells(v, header_end, header_end + 600, 15) {
                let leading_blank = tokens.first().is_some_and(super::solve::Token::is_blank);
                if !spacing_taken_for_blanks(&tokens) && (!leading_blank || groups_add_up(&tokens)) {
                    return Some(row(tokens, None, issues));
                }
            }
            // The same with only empty lines after the 15th cell to the next section: read so
            // where each group adds up to its total.
            if let Some(tokens) = rows::line_cells_blank_after(v, header_end, header_end + 600, 15) {
                if !spacing_taken_for_blanks(&tokens) && groups_add_up(&tokens) {
                    return Some(row(tokens, None, issues));
                }
            }
        }
        let Some(&c) = v.chars.get(i) else {
            // The header is the text's last word. Comma-separated records print a row of blank
            // cells as a record of empty fields (`,,,,`); with none after the header, the row
            // printed nothing, as a row the text lost does (left out by a tool printing tables
            // only: tabula's stream CSV drops a row it did not find): not known to be blank.
            // (Other text drops a line of empty cells: TABs or spaces left at its end.)
            if full_header {
                let after = (header_end..len).find(|&k| v.chars[k] == '\n');
                let printed = !v.is_csv() || after.is_some_and(|k| v.chars[k..].contains(&','));
                let why = "the text ends at its header with no record of cells: its values printed blank or \
                           lost, which is not known";
                return Some(row(Vec::new(), (!printed).then_some(why), issues));
            }
            continue;
        };
        let c = super::cells::fold(c);
        if !(c.is_ascii_digit() || "/-—–".contains(c) || c == '无') {
            // The next section with no number in between: nothing to report.
            if full_header && section_heading_at(v, i) {
                return Some(row(Vec::new(), None, issues));
            }
            continue;
        }
        // Back up to the line start when only pipes/space precede (a blank first cell).
        let mut start = i;
        while start > h.end && matches!(v.chars[start - 1], ' ' | '\t' | '|' | '｜' | '\u{a0}' | '\u{3000}') {
            start -= 1;
        }
        if !(start == 0 || v.chars[start.saturating_sub(1)] == '\n') {
            start = i;
        }
        if let Some(table) = t4_marked(v, [h.start, start], issues) {
            return Some(table);
        }
        let end = v.region_end(start, start + 600);
        let tokens = rows::tokenize(v, start, end, None);
        if !full_header && tokens.len() != 15 {
            continue; // a bare row under the section heading holds all 15 cells
        }
        // A bare row none of whose groups adds up is not known to be the table's: a tool that
        // moves text boxes (pdfminer) can print another table's values under the heading.
        let whole: Option<Vec<i64>> = tokens.iter().map(counted).collect();
        if !full_header && whole.is_some_and(|v| t4_groups_adding_up(&v) == Some(0)) {
            continue;
        }
        // Values printed in several runs between header pieces (PDF text without layout puts
        // each group's numbers under its own header): all 15, or no reading of the blanks.
        let mut at = end;
        let mut runs = vec![tokens];
        while runs.iter().map(Vec::len).sum::<usize>() < 15 {
            let mut j = at;
            while j < len
                && (v.furniture[j] || super::cells::is_space(v.chars[j]) || T4_HEADER_CHARS.contains(v.chars[j]))
            {
                j += 1;
            }
            let Some(&c) = v.chars.get(j) else { break };
            if !super::cells::fold(c).is_ascii_digit() || section_heading_at(v, j) {
                break;
            }
            let e = v.region_end(j, j + 600);
            let more = rows::tokenize(v, j, e, None);
            if more.is_empty() {
                break;
            }
            runs.push(more);
            at = e;
        }
        // The last runs printed after the prose that follows the table (pdftotext without
        // -layout flows a page's right-hand cells after the page's body: `t4_tail`): read only
        // where they make the 15 and every group then adds up. Lone numbers there that do not
        // are values moved too: the run's blanks are not known.
        let short = 15usize.saturating_sub(runs.iter().map(Vec::len).sum::<usize>());
        let mut moved = false;
        if short > 0 {
            if let Some(tail) = t4_tail(v, at, short) {
                let mut all: Vec<_> = runs.iter().flatten().cloned().collect();
                all.extend(tail.iter().cloned());
                if tail.len() == short && t4_adds_up(&all) == Some(true) {
                    runs.push(tail);
                } else {
                    moved = true;
                }
            }
        }
        if !moved {
            if let Some((tokens, unsure)) = t4_pinned(v, h.end, &runs) {
                let mut table = row(tokens, None, issues);
                let why = "printed box by box, the review row's boxes after its header in an order \
                           of their own: only its total and parts all equal are read";
                build::unseat(&mut table, "review_litigation", T4_GROUPS[0], &unsure, why, issues);
                return Some(table);
            }
        }
        // Values printed one by one between pieces of the header (pdfminer prints each cell's
        // box, in an order of its own): a value set apart from the next by an empty line is a
        // text block the tool may have printed anywhere, a run of its own. (pdftotext prints a
        // row's values in one run between the header's pieces, in the row's order.)
        let boxes = runs.iter().filter(|r| r.len() == 1).count() > 1;
        if boxes {
            runs = runs.into_iter().flat_map(|r| split_apart(v, r)).collect();
        }
        let (tokens, unreadable) = t4_runs(runs, !boxes);
        // Fifteen values over several lines of which two groups or more print a total that is not
        // their parts' sum: the lines cut the row elsewhere than the table's groups (OCR printing
        // one row as two lines, `2 0 1 1 3 1 1 1 3 6` / `0 1 2 5 1`), not the report's slip (one
        // cell's, or totals left 0 beside their parts).
        let whole: Option<Vec<i64>> = tokens.iter().map(whole_number).collect();
        let over_lines = tokens
            .first()
            .zip(tokens.last())
            .is_some_and(|(a, b)| v.chars.get(a.span()[0]..b.span()[1]).is_some_and(|s| s.contains(&'\n')));
        let cut = over_lines && whole.is_some_and(|w| t4_miscounted(&w) >= 2);
        let unreadable = unreadable
            .or(moved.then_some("some of its values were printed apart from it, after the text that follows"))
            .or(cut.then_some("its values run over lines that cut its groups: two of them do not add up"));
        if unreadable.is_some() {
            if let Some(table) = t4_by_header_words(v, h.start, issues) {
                return Some(table);
            }
        }
        return Some(row(tokens, unreadable, issues));
    }
    // No hit read: the row's values among the pieces of its header, from the first hit on.
    v.find(&T4_AC)
        .into_iter()
        .filter(|h| h.start >= after)
        .find_map(|h| t4_among_headers(v, h.end).map(|tokens| t4_in_order(tokens, h.start, issues)))
}

/// Table 4's 15 values printed among the pieces of its header, from `from` on: plain
/// `pdftotext` puts the row's values between the header's words, each group's after its own
/// (`结果` / `维持` / `结果` / `纠正` / `2` / `0` / `行政复议` / `其他` / `尚未` / `结果` / `审结` / `1` /
/// `2` / `行政诉讼` / `总计` / `5` / …), camelot glues a value to the header word above it
/// (`"维持\n0"`). Read in text order (a row's values print left to right, the header's words
/// in an order of their own) only where nothing but the header's words, spaces, page furniture
/// and the marks of cells stands between them, the header names every column and both lawsuit
/// groups, there are exactly 15 whole numbers and each group's parts add up to its total.
fn t4_among_headers(v: &View, from: usize) -> Option<Vec<super::solve::Token>> {
    let len = v.chars.len();
    let mark = |c: char| matches!(c, '|' | '｜' | '、' | ',' | '，' | '"' | '(' | ')' | '（' | '）');
    let mut header = String::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut i = from;
    while i < len && spans.len() <= 15 {
        let c = v.chars[i];
        if v.furniture[i] || cells::is_space(c) || mark(c) {
            i += 1;
        } else if T4_HEADER_CHARS.contains(c) {
            header.push(c);
            i += 1;
        } else if cells::fold(c).is_ascii_digit() {
            let a = i;
            while i < len && cells::fold(v.chars[i]).is_ascii_digit() {
                i += 1;
            }
            // (A number glued to anything else, `4件`, `3.5`, is no cell of the row.)
            let next = v.chars.get(i).copied();
            if !next.is_none_or(|c| cells::is_space(c) || mark(c) || T4_HEADER_CHARS.contains(c) || v.furniture[i]) {
                return None;
            }
            spans.push([a, i]);
        } else {
            break;
        }
    }
    let named = ["维持", "纠正", "审结", "总计", "直接起诉", "复议后起诉"].iter().all(|w| header.contains(w));
    if !named || spans.len() != 15 {
        return None;
    }
    let tokens: Vec<super::solve::Token> =
        spans.iter().map(|&[a, b]| rows::tokenize(v, a, b, None)).filter(|t| t.len() == 1).flatten().collect();
    let values: Vec<i64> = tokens.iter().map(whole_number).collect::<Option<_>>()?;
    let adds_up = values.len() == 15 && values.chunks(5).all(|g| g[..4].iter().sum::<i64>() == g[4]);
    adds_up.then_some(tokens)
}

/// Table 4 from its values' line starting at `start` (its heading at `heading`) where it prints
/// its blank cells as no-break spaces glued between the numbers (`pieces::marked_row`), or, in
/// text that prints table 3's so (`View::marks_blanks_before`), every cell: each blank placed,
/// the runs split where the groups' sums settle them.
fn t4_marked(v: &View, [heading, start]: Span, issues: &mut Vec<Issue>) -> Option<TableReading> {
    let marked = v.marks_blanks_before(heading, T3_COLS.len());
    let pieces::Marked::Row(tokens) = pieces::marked_row(v, start, 15, marked) else { return None };
    let row = RowIn { every_cell: true, ..build::t4_row(tokens, start) };
    let end = row.region[1];
    Some(build::review(row, [heading, end], issues))
}

/// Table 4's values where pdfminer printed each litigation cell's box right after its column's
/// header box (`结果维` / `持` / `0` / `结果纠` / `正` / `1` … `总` / `计` / `2`, then `复议后起诉` and
/// the same again), the review row's five values before them right after the review group's
/// column words (`header`: where the column words start): each litigation value is placed by the
/// header words printed just before it, which must be each group's five column words in the
/// template's order, the second group's after `复议后起诉`, and every group must add up. The
/// review row's values, one line of text, read left to right; five boxes of their own are in
/// an order nothing tells: the one that is the sum of the others is the total, and the parts
/// are read only where all four are equal (the review columns left unknown are returned).
/// `None` where the runs are not of that shape.
fn t4_pinned(
    v: &View,
    header: usize,
    runs: &[Vec<super::solve::Token>],
) -> Option<(Vec<super::solve::Token>, Vec<&'static str>)> {
    const WORDS: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let (first, rest) = runs.split_first()?;
    if first.len() != 5 || rest.len() != 10 || rest.iter().any(|r| r.len() != 1) {
        return None;
    }
    let line = [first[0].span()[0], first[4].span()[1]];
    if !v.compact_between(header, line[0]).ends_with(&format!("行政复议{}", WORDS.concat())) {
        return None;
    }
    let mut prev = line[1];
    for (k, run) in rest.iter().enumerate() {
        let at = run[0].span();
        let before = v.compact_between(prev, at[0]);
        let word = WORDS[k % 5];
        let fits = match k {
            0 => before.strip_suffix(word).is_some_and(|head| head.ends_with("未经复议直接起诉")),
            5 => before.strip_suffix(word).is_some_and(|head| head.ends_with("复议后起诉")),
            _ => before == word,
        };
        if !fits {
            return None;
        }
        prev = at[1];
    }
    let mut review = first.clone();
    let mut unsure = Vec::new();
    if v.chars[line[0]..line[1]].contains(&'\n') {
        let values: Vec<i64> = review.iter().map(whole_number).collect::<Option<_>>()?;
        let t = (0..5).find(|&t| values[t] * 2 == values.iter().sum::<i64>())?;
        let total = review.remove(t);
        review.push(total);
        let parts: Vec<i64> = review[..4].iter().map(whole_number).collect::<Option<_>>()?;
        if parts.iter().any(|&p| p != parts[0]) {
            unsure.extend(&T4_COLS[..4]);
        }
    }
    let tokens: Vec<super::solve::Token> = review.into_iter().chain(rest.iter().flatten().cloned()).collect();
    (t4_adds_up(&tokens) == Some(true)).then_some((tokens, unsure))
}

/// Table 4 placed by the header words printed before its values (`labelled`), its section
/// heading at `heading`: the cells every placement that adds up agrees on, the others unknown.
fn t4_by_header_words(v: &View, heading: usize, issues: &mut Vec<Issue>) -> Option<TableReading> {
    let (at, tokens) = labelled::t4_labelled(v, heading)?;
    let placed: Vec<super::solve::Token> = at
        .iter()
        .map(|cell| match cell {
            Some(t) => tokens[*t].clone(),
            None => super::solve::Token::Fixed(cells::unknown("", [heading, heading])),
        })
        .collect();
    let mut table = t4_in_order(placed, heading, issues);
    for (g, group) in T4_GROUPS.iter().enumerate() {
        let unsure: Vec<&'static str> = (0..5).filter(|&c| at[g * 5 + c].is_none()).map(|c| T4_COLS[c]).collect();
        let why = "printed in pieces under its header's words, where the places of these values are not \
                   told by the words nor by the arithmetic";
        build::unseat(&mut table, "review_litigation", group, &unsure, why, issues);
    }
    Some(table)
}

/// `run` cut where two values stand apart in the text (`View::apart`: an empty line, other text).
fn split_apart(v: &View, run: Vec<super::solve::Token>) -> Vec<Vec<super::solve::Token>> {
    let mut out: Vec<Vec<super::solve::Token>> = Vec::new();
    for t in run {
        match out.last_mut() {
            Some(last) if !last.last().is_some_and(|p| v.apart(p.span()[1], t.span()[0])) => last.push(t),
            _ => out.push(vec![t]),
        }
    }
    out
}

/// Values of table 4 printed after the text that follows it (pdftotext without -layout flows
/// a page's right-hand cells after the page's body): the first lines after `from` that print
/// a lone whole number each, `n` at most, with prose (a line with CJK text) before them and a
/// section heading (`五、`) or the end of the text after them.
fn t4_tail(v: &View, from: usize, n: usize) -> Option<Vec<super::solve::Token>> {
    let len = v.chars.len();
    let mut prose = false;
    // Whether the group of lone numbers stands right after a section heading's line, the first
    // prose: the heading of the section after the table, the cells flowed to its top (pdftotext
    // of a Chromium page breaking inside the table: `2` / `五、存在的主要问题…` / `1` … `3` / its
    // prose). The prose after them ends them too.
    let mut after_heading = false;
    // The lines of lone numbers so far: first line's start, last line's end, how many.
    let mut group: Option<(usize, usize, usize)> = None;
    let mut ls = from;
    while ls < len {
        let le = (ls..len).find(|&i| v.chars[i] == '\n').unwrap_or(len);
        // What the line prints (page furniture, a footer's number, is no value).
        let mut printed =
            (ls..le).filter(|&i| !v.furniture[i] && !super::cells::is_space(v.chars[i]) && v.chars[i] != '\u{c}');
        if let Some(first) = printed.next() {
            if std::iter::once(first).chain(printed).all(|i| super::cells::fold(v.chars[i]).is_ascii_digit()) {
                if !prose {
                    return None;
                }
                let (start, _, lines) = group.unwrap_or((ls, le, 0));
                if lines + 1 > n {
                    return None;
                }
                group = Some((start, le, lines + 1));
            } else if let Some((start, end, lines)) = group {
                let ends = after_heading || section_heading_at(v, first);
                return ends.then(|| lone_numbers(v, start, end, lines)).flatten();
            } else if v.chars[ls..le].iter().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(c)) {
                after_heading = !prose && section_heading_at(v, first);
                prose = true;
            } else {
                return None;
            }
        }
        ls = le + 1;
    }
    let (start, end, lines) = group?;
    lone_numbers(v, start, end, lines)
}

/// The whole numbers of `start..end`, `lines` lines of one number each.
fn lone_numbers(v: &View, start: usize, end: usize, lines: usize) -> Option<Vec<super::solve::Token>> {
    let tokens = rows::tokenize(v, start, end, None);
    (tokens.len() == lines && tokens.iter().all(|t| whole_number(t).is_some())).then_some(tokens)
}

/// Whether a level-1 heading (`五、`, `六.`) starts at `i`, at the start of its line.
fn section_heading_at(v: &View, i: usize) -> bool {
    let line_start = i == 0 || v.chars[i - 1] == '\n';
    let numeral = v.chars.get(i).is_some_and(|c| "一二三四五六七八九十".contains(*c));
    let mark = v.chars.get(i + 1).is_some_and(|c| matches!(c, '、' | '.' | '．' | ' '));
    line_start && numeral && mark
}

/// Table 2 from text.
pub(super) fn proactive(
    v: &View,
    text: &str,
    issues: &mut Vec<Issue>,
    before: Option<usize>,
    t3_format: Option<TableFormat>,
) -> Option<TableReading> {
    let hits = v.find(&T2_AC);
    let label = |h: &Hit| T2_LABELS[h.pat].1;
    // The table starts at a 第二十条 caption or a 信息内容 header followed closely by a
    // column header (some reports print no captions), or by an item when the headers came
    // out unreadable (stacked a few characters per line in PDF text).
    let start = hits.iter().position(|h| {
        matches!(T2_LABELS[h.pat].0, "第二十条" | "信息内容")
            && hits.iter().any(|x| x.start > h.end && x.start < h.end + 80 && matches!(label(x), T2Label::Col(..)))
    });
    // The first caption either way: a later block's header words do not move the start past
    // the blocks whose headers came out unreadable.
    let by_item = hits.iter().position(|h| {
        T2_LABELS[h.pat].0 == "第二十条"
            && hits.iter().any(|x| x.start > h.end && x.start < h.end + 160 && matches!(label(x), T2Label::Item(0 | 1)))
    });
    let start = match (start, by_item) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    let mut in_table: Vec<Hit> = Vec::new();
    let mut last_end = hits[start].end;
    for h in &hits[start..] {
        if h.start.saturating_sub(last_end) > MAX_GAP || before.is_some_and(|b| h.start >= b) {
            break;
        }
        in_table.push(*h);
        last_end = h.end;
    }
    let (mut n19, mut n21) = (0, 0);
    for h in &in_table {
        match label(h) {
            T2Label::Col(_, Some(Form::F2019)) => n19 += 1,
            T2Label::Col(_, Some(Form::F2021)) => n21 += 1,
            T2Label::Item(3 | 7) => n19 += 1,
            _ => {}
        }
    }
    let format = if n21 > n19 {
        Form::F2021
    } else if n19 > n21 {
        Form::F2019
    } else if in_table.iter().any(|h| T2_LABELS[h.pat].0 == "行政规范性文件") {
        Form::F2021
    } else {
        match t3_format {
            Some(TableFormat::F2021) => Form::F2021,
            _ => Form::F2019,
        }
    };
    let span = [in_table.first()?.start, last_end];
    let pins = prose_pins(text, format, span);
    let mut rows_in: Vec<RowIn> = Vec::new();
    // Where each row's label stands.
    let mut labels_at: Vec<[usize; 2]> = Vec::new();
    let mut read: Vec<usize> = Vec::new();
    for (k, h) in in_table.iter().enumerate() {
        let T2Label::Item(i) = label(h) else { continue };
        if read.contains(&i) {
            continue; // a label repeated further down (e.g. 规章 inside a note)
        }
        let item = &T2_ITEMS[i];
        let cols = item.cols(format);
        if cols.is_empty() {
            continue;
        }
        read.push(i);
        let limit = in_table.get(k + 1).map_or(h.end + MAX_GAP, |n| n.start);
        let from = past_unit_cell(v, h.end, limit);
        let end = v.region_end(from, limit);
        let tokens = match v.number_lines_in(h.start, h.end) {
            // Numbers printed inside the label (between the lines of a wrapped label).
            Some((a, b)) => rows::tokenize(v, a, b, None),
            None => rows::line_cells(v, from, limit, cols.len()).unwrap_or_else(|| rows::tokenize(v, from, end, None)),
        };
        let region = rows::tokens_span(&tokens, from);
        let row_pins = pins
            .iter()
            .filter(|(it, _, _)| *it == item.key)
            .filter_map(|(_, col, val)| cols.iter().position(|c| c == col).map(|p| (p, *val)))
            .collect();
        labels_at.push([h.start, h.end]);
        rows_in.push(RowIn {
            key: item.key,
            tokens,
            region,
            cols: cols.iter().map(|c| (*c, build::t2_kind(c))).collect(),
            pins: row_pins,
            at: Vec::new(),
            unreadable: None,
            in_order: false,
            every_cell: false,
        });
    }
    if rows_in.is_empty() {
        return None;
    }
    let end = rows_in.iter().map(|r| r.region[1]).max().unwrap_or(span[1]).max(span[1]);
    // A Word page's numbers split over text runs, each run a line (BeautifulSoup's
    // `get_text("\n")`) or a space apart (inscriptis): where every item printed values after its
    // own label, a one-column item's pieces are one number's.
    let cells: usize = rows_in.iter().map(|r| r.cols.len()).sum();
    if rows_in.iter().all(|r| !r.tokens.is_empty()) && pieces::digit_a_piece(v, span[0], end, cells) {
        for r in rows_in.iter_mut().filter(|r| r.cols.len() == 1 && r.tokens.len() > 1) {
            if let Some(t) = pieces::one_number(v, &r.tokens, r.cols[0].1) {
                r.region = rows::tokens_span(std::slice::from_ref(&t), r.region[0]);
                r.tokens = vec![t];
            }
        }
    }
    // Values printed away from their labels (PDF text without layout: `550` before `行政许可`):
    // an item without values of its own is then not known to be blank.
    // So is it where one label is followed by more values than its item has columns: the
    // values of the items before or after it (`行政处罚` / `行政强制` / `4119` / `195`).
    let mut unsure: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
    let spans: Vec<Span> = rows_in.iter().filter(|r| !r.tokens.is_empty()).map(|r| r.region).collect();
    let overfull = rows_in.iter().any(|r| r.tokens.len() > r.cols.len() && r.pins.is_empty());
    if overfull || orphan_value(v, span[0], end, &spans, &in_table) {
        let limit = before.unwrap_or(end + MAX_GAP);
        let mut placed = apart::place_columns(v, &in_table, format, limit, &mut rows_in);
        if placed.is_empty() {
            placed = apart::place_runs(v, &in_table, format, limit, &mut rows_in);
            let more = apart::place_blocks(v, &in_table, format, limit, &mut rows_in, &placed);
            placed.extend(more);
        }
        // A label printed right after another's with no value between them (a run of labels,
        // as pdfminer prints them) is not known to own the values after it either: they may be
        // those of any label of the run.
        let after_bare: Vec<bool> = (0..rows_in.len()).map(|i| i > 0 && rows_in[i - 1].tokens.is_empty()).collect();
        // Values after a label with values right before it too (after the previous row's):
        // those may be the label's own, and the ones after it the next label's (camelot's
        // cells holding the values above their label, `"0` / `0` / `规章",0` / `"10` / `7` /
        // `规范性文件",7`, or a header cell a row's values: `对外公开总数量` / `54"` /
        // `规章,9,9,54`).
        let preceded: Vec<bool> = (0..rows_in.len())
            .map(|i| {
                let (r, a) = (&rows_in[i], labels_at[i][0]);
                let before = if i == 0 { span[0] } else { rows_in[i - 1].region[1].max(labels_at[i - 1][1]) };
                !r.tokens.is_empty() && orphan_value(v, before.min(a), a, &[], &in_table)
            })
            .collect();
        let in_runs = label_runs(&mut rows_in, &placed, &mut unsure);
        for (((r, bare), run), after_values) in rows_in.iter_mut().zip(after_bare).zip(in_runs).zip(preceded) {
            if !placed.contains(&r.key)
                && !run
                && (r.tokens.len() < r.cols.len() || has_blank(&r.tokens) || bare || after_values)
            {
                r.unreadable = Some("the table was printed out of order (values apart from their labels)");
            }
        }
    }
    if values_apart(v, &in_table, &rows_in, &labels_at) {
        for r in rows_in.iter_mut().filter(|r| r.pins.is_empty()) {
            r.unreadable = Some("the table was printed out of order (values apart from their labels)");
        }
    }
    let mut table = build::proactive(format, rows_in, [span[0], end], Vec::new(), issues);
    let why = "the labels came out in a run, then their values; \
               read row by row and a column at a time, this row's differ";
    for (key, cols) in unsure {
        build::unseat(&mut table, "proactive", key, &cols, why, issues);
    }
    Some(table)
}

/// Past a unit column's cell printed on the row's line after its label (`政府集中采购   项/元   6
/// 385000 元`, `行政许可  件  …`): a table with a 单位 column, read as text.
fn past_unit_cell(v: &View, from: usize, limit: usize) -> usize {
    let limit = limit.min(v.chars.len());
    let start = (from..limit).find(|&k| !matches!(v.chars[k], ' ' | '\t' | '\u{3000}' | '\u{a0}')).unwrap_or(limit);
    if start == from {
        return from; // the unit is set apart from the label
    }
    let end = (start..limit).find(|&k| !"件项条个元万次/／".contains(v.chars[k])).unwrap_or(limit);
    let word: String = v.chars[start..end].iter().collect();
    let unit = |w: &str| matches!(w, "件" | "项" | "条" | "个" | "次" | "元" | "万元");
    let is_unit = word.split(['/', '／']).all(unit);
    let apart = v.chars.get(end).is_some_and(|c| matches!(c, ' ' | '\t' | '\u{3000}' | '\n'));
    if is_unit && apart {
        end
    } else {
        from
    }
}

/// Whether table 2's values stand apart from their labels throughout, so that no row is known
/// by what follows its label:
/// - every label left with no value after it (none placed either), and a column header after the last label,
///   with values further on (a PDF's text without layout: the labels, then the headers, then
///   the values a column at a time);
/// - or the first label right after values (`信息内容…` / `/ / /` / `规章` / `5 5 31`): the
///   values stand before their labels (a spreadsheet's cells, their labels centred lower in
///   merged cells), and each label's values after it are the next one's.
fn values_apart(v: &View, in_table: &[Hit], rows: &[RowIn], labels_at: &[[usize; 2]]) -> bool {
    let is_item = |h: &&Hit| matches!(T2_LABELS[h.pat].1, T2Label::Item(_));
    let Some(last_item) = in_table.iter().filter(is_item).map(|h| h.start).max() else { return false };
    if rows.iter().all(|r| r.tokens.is_empty()) {
        let header_after =
            in_table.iter().filter(|h| h.start > last_item).any(|h| matches!(T2_LABELS[h.pat].1, T2Label::Col(..)));
        let end = in_table.last().map_or(last_item, |h| h.end);
        return header_after && first_digit(v, end, end + 2 * MAX_GAP).is_some();
    }
    // The first label after values of its own block (`/ / /` / `规章` / `5 5 31` / `规范性文件`).
    let first = labels_at[0][0];
    let header_end = in_table.iter().filter(|h| h.end <= first).map(|h| h.end).max().unwrap_or(first);
    // (Comma-separated records keep a cell's place in its row: a tool printing a row's values in
    // the header's record above, camelot's, is read by the rows' shift.)
    !v.is_csv() && !rows::tokenize(v, header_end, first, None).is_empty()
}

/// Runs of table 2 labels printed one after another with no value between them, the last
/// followed by exactly the run's values (`n` items of `m` columns, `n·m` values): pdfminer
/// prints the labels, then the values a column at a time (`规章` / `行政规范性文件` / `0 0` /
/// `0 5` / `0 5`, in any order of the columns), pdftotext row by row. Each item of the run takes
/// its values row by row, and a cell is known only where every such order gives it the same
/// value (a row of zeros); the others go to `unsure`. Returns, per row, whether a run took it.
fn label_runs(
    rows: &mut [RowIn],
    placed: &[&'static str],
    unsure: &mut Vec<(&'static str, Vec<&'static str>)>,
) -> Vec<bool> {
    let mut taken = vec![false; rows.len()];
    let free = |r: &RowIn| !placed.contains(&r.key) && r.pins.is_empty();
    let mut j = 0;
    while j < rows.len() {
        let Some(e) = (j..rows.len()).find(|&e| !rows[e].tokens.is_empty() || !free(&rows[e])) else { break };
        let (n, m) = (e - j + 1, rows[e].cols.len());
        let fits = n >= 2
            && m >= 2
            && free(&rows[e])
            && rows[j..=e].iter().all(|r| r.cols.len() == m)
            && rows[e].tokens.len() == n * m;
        let values: Option<Vec<i64>> = rows[e].tokens.iter().map(whole_number).collect();
        let (true, Some(values)) = (fits, values) else {
            j = e + 1;
            continue;
        };
        let tokens = std::mem::take(&mut rows[e].tokens);
        for (i, chunk) in tokens.chunks(m).enumerate() {
            let r = &mut rows[j + i];
            apart::give(r, chunk.to_vec());
            taken[j + i] = true;
            // Row by row the cell is values[i·m + c]; a column at a time, in any order of the
            // columns, it is one of values[c'·n + i].
            let cols: Vec<&'static str> = (0..m)
                .filter(|&c| (0..m).any(|c2| values[c2 * n + i] != values[i * m + c]))
                .map(|c| r.cols[c].0)
                .collect();
            if !cols.is_empty() {
                unsure.push((r.key, cols));
            }
        }
        j = e + 1;
    }
    taken
}

/// Table 2 values the prose states (outside the table): `(item, column, value)`,
/// only where every statement of the same cell agrees.
pub(super) fn prose_pins(text: &str, format: Form, table: Span) -> Vec<(&'static str, &'static str, f64)> {
    if format != Form::F2021 {
        return Vec::new();
    }
    let idx = CharIndex::new(text);
    let mut out: Vec<(&'static str, &'static str, f64)> = Vec::new();
    let mut conflict: Vec<(&str, &str)> = Vec::new();
    for (re, (_, item, col)) in T2_PROSE_RE.iter().zip(T2_PROSE) {
        for cap in re.captures_iter(text).take(16) {
            let Some(m) = cap.get(1) else { continue };
            let at = idx.char_at(m.start());
            if at >= table[0] && at < table[1] {
                continue;
            }
            let Ok(val) = m.as_str().parse::<f64>() else { continue };
            match out.iter().find(|(i, c, _)| i == item && c == col) {
                Some((_, _, v)) if (*v - val).abs() > 1e-9 => conflict.push((item, col)),
                Some(_) => {}
                None => out.push((item, col, val)),
            }
        }
    }
    out.retain(|(i, c, _)| !conflict.contains(&(*i, *c)));
    out
}

#[cfg(test)]
mod tests {
    use super::rows::{self, View};
    use super::{label_cells_moved, past_t4_heading, review, t3_values_end, t4_orders, whole_values};
    use crate::model::TableFormat;
    use crate::tables::template::{self, T3_RESULTS_TOTAL};

    /// A 2021 table 3 (template order, row-major) whose rows add up and hold: 4 new requests
    /// (3 natural persons, 1 company), 3 granted, 1 not held, every other row 0.
    fn table_2021() -> Vec<Vec<i64>> {
        let order = template::t3_rows_of(TableFormat::F2021);
        let mut t = vec![vec![0i64; 7]; order.len()];
        let at = |r: usize| order.iter().position(|&o| o == r).unwrap();
        t[at(0)] = vec![3, 1, 0, 0, 0, 0, 4];
        t[at(2)] = vec![2, 1, 0, 0, 0, 0, 3];
        t[12] = vec![1, 0, 0, 0, 0, 0, 1];
        t[at(T3_RESULTS_TOTAL)] = vec![3, 1, 0, 0, 0, 0, 4];
        t
    }

    /// pdfminer's text of `table` on two pages of 13 and 12 rows, each a column at a time, the
    /// first page's row 13 (`1.本机关不掌握相关政府信息`) printing its natural-person value `label`
    /// right after its label, before the columns; with the values' spans and the label's tokens.
    fn pdfminer_text(table: &[Vec<i64>], label: &str) -> (View, Vec<[usize; 2]>, Vec<super::super::solve::Token>) {
        let mut text = format!("1.本机关不掌握相关政府信息\n\n{label}\n\n申请人情况\n\n");
        for (rows, skip) in [(0..13, Some(12)), (13..table.len(), None)] {
            for c in 0..7 {
                let page = &table[rows.clone()];
                for (r, row) in rows.clone().zip(page) {
                    if c != 0 || Some(r) != skip {
                        text.push_str(&format!("{}\n\n", row[c]));
                    }
                }
            }
        }
        let v = View::new(&text);
        let mut values = Vec::new();
        let mut i = 0;
        while i < v.chars.len() {
            if v.chars[i].is_ascii_digit() && (i == 0 || !v.chars[i - 1].is_ascii_digit()) {
                let end = (i..v.chars.len()).find(|&k| !v.chars[k].is_ascii_digit()).unwrap_or(v.chars.len());
                // (The label's ordinal `1.` is no value.)
                if v.chars.get(end) != Some(&'.') {
                    values.push([i, end]);
                }
                i = end;
            } else {
                i += 1;
            }
        }
        let label_end = "1.本机关不掌握相关政府信息".chars().count();
        let toks = rows::tokenize(&v, label_end, v.line_end(label_end + 2), None);
        (v, values, toks)
    }

    /// camelot's CSV of a table 3 cut by a page break inside row 6's label (`fuzz_tools.py`
    /// seed 4503, report 13, LibreOffice PDF): the row's ordinal and values on the first page
    /// (`,,6.,4,1,,,,,5`), the rest of its label (`信息`) on the next.
    const CAMELOT_T3: &str = r#""（本列数据的勾稽关系为：第一项加第二项之和，
等于第三项加第四项之和）",,,申请人情况,,,,,,
,,,"自然
人",法人或其他组织,,,,,总计
,,,,"商业企
业","科研
机构","社会
公益
组织","法律服
务机构",其他,
一、本年新收政府信息公开申请数量,,,71,23,,2,3,4,103
二、上年结转政府信息公开申请数量,,,,,,,,,
"三、本年度
办理结果",（一）予以公开,,31,12,,2,3,3,51
,"（二）部分公开（区分处理的，只
计这一情形，不计其他情形）",,4,1,,,,,5
,"（三）不予
公开","1.
属于国家秘密",,,,,,,
,,"2.
其他法律行政法
规禁止公开",1,,,,,,1
,,"3.
危及“三安全一
稳定”",,,,,,,
,,"4.
保护第三方合法
权益",,,,,,,
,,"5.
属于三类内部事
务信息",1,1,,,,,2
,,6.,4,1,,,,,5

,,信息,,,,,,,
,,"7.
属于行政执法案
卷",,,,,,,
,,"8.
属于行政查询事
项",2,,,,,,2
,"（四）无法
提供","1.
本机关不掌握相
关政府信息",13,3,,,,,16
,,"2.
没有现成信息需
要另行制作",1,,,,,,1
,,"3.
补正后申请内容
仍不明确",,2,,,,,2
,"（五）不予
处理","1.
信访举报投诉类
申请",3,1,,,,1,5
,,"2.
重复申请",5,1,,,,,6
,,"3.
要求提供公开出
版物",2,,,,,,2
,,"4.
无正当理由大量
反复申请",1,,,,,,1
,,"5.
要求行政机关确
认或重新出具已获
取信息",,,,,,,
,（六）其他处理,,2,,,,,,2
,（七）总计,,70,22,,2,3,4,101
四、结转下年度继续办理,,,1,1,,,,,2
"#;

    #[test]
    fn values_beside_another_rows_ordinal_are_not_the_row_befores() {
        let v = View::new(CAMELOT_T3);
        let mut issues = Vec::new();
        let (t, _) = super::requests(&v, &mut issues).expect("table 3");
        // Row 5 (1 1 _ _ _ _ 2) runs on over row 6's `6.,4,1,,,,,5` to row 7's label: its own
        // values, its blanks the empty fields between them; not row 6's.
        let row = t.cells.get("denied_internal_affairs").expect("row 5");
        let got: Vec<Option<f64>> = row.0.iter().map(|(_, c)| c.value.map(crate::model::Number::as_f64)).collect();
        assert_eq!(got, [Some(1.0), Some(1.0), None, None, None, None, Some(2.0)], "{row:?}");
        assert!(row
            .0
            .iter()
            .filter(|(_, c)| c.value.is_none())
            .all(|(_, c)| c.state == crate::model::CellState::Blank));
        // A row whose values have a blank between them (`71,23,,2,3,4,103`): read.
        let new = t.cells.get("new_received").expect("row");
        let got: Vec<Option<f64>> = new.0.iter().map(|(_, c)| c.value.map(crate::model::Number::as_f64)).collect();
        assert_eq!(got, [Some(71.0), Some(23.0), None, Some(2.0), Some(3.0), Some(4.0), Some(103.0)], "{new:?}");
        // The rows printing no value are read still (blank).
        let secret = t.cells.get("denied_state_secret").expect("row 1");
        assert!(secret.0.iter().all(|(_, c)| c.state == crate::model::CellState::Blank), "{secret:?}");
    }

    #[test]
    fn a_value_alone_after_a_row_label_is_its_first_cell_of_a_block_printed_a_column_at_a_time() {
        let table = table_2021();
        let row = template::t3_rows_of(TableFormat::F2021)[12];
        let (v, values, toks) = pdfminer_text(&table, "1");
        assert_eq!(values.len(), 175);
        let found = vec![(row, toks, [0, 0])];
        let moved = label_cells_moved(&v, &found, &[], TableFormat::F2021, &values).expect("read");
        let got = whole_values(&v, &moved).expect("numbers");
        assert_eq!(got, table.concat());
        // The value does not add up in that row (or any other): nothing is read.
        let mut off = table.clone();
        off[12] = vec![2, 0, 0, 0, 0, 0, 1];
        let (v, values, toks) = pdfminer_text(&off, "2");
        assert_eq!(label_cells_moved(&v, &[(row, toks, [0, 0])], &[], TableFormat::F2021, &values), None);
        // Two values after the label: not one cell printed beside it.
        let (v, values, toks) = pdfminer_text(&table, "1 0");
        assert_eq!(values.len(), 176);
        assert_eq!(label_cells_moved(&v, &[(row, toks, [0, 0])], &[], TableFormat::F2021, &values), None);
        // No label holding a value alone: nothing moves, nothing is read here.
        let (v, values, _) = pdfminer_text(&table, "1");
        assert_eq!(label_cells_moved(&v, &[], &[], TableFormat::F2021, &values), None);
    }

    /// A 2021 table 3 (template order, row-major) with values in many rows: every row adds up,
    /// the results to their total, new and carried over to the total and carried forward.
    fn table_2021_full() -> Vec<Vec<i64>> {
        let order = template::t3_rows_of(TableFormat::F2021);
        let at = |r: usize| order.iter().position(|&o| o == r).unwrap();
        let mut t = vec![vec![0i64; 7]; order.len()];
        t[at(0)] = vec![53, 17, 2, 2, 6, 5, 85];
        t[at(1)] = vec![3, 0, 0, 0, 0, 0, 3];
        t[at(2)] = vec![33, 12, 0, 2, 6, 2, 55];
        t[at(3)] = vec![4, 1, 0, 0, 0, 1, 6];
        t[at(12)] = vec![10, 2, 1, 0, 0, 1, 14];
        t[at(T3_RESULTS_TOTAL)] = vec![47, 15, 1, 2, 6, 4, 75];
        t[at(template::T3_CARRIED_FORWARD)] = vec![9, 2, 1, 0, 0, 1, 13];
        t
    }

    /// pdftotext's text (no `-layout`) of a two-page report whose table 3 prints its labels,
    /// then its values a row at a time, a block each; page 0's bare number `number` printed as
    /// a block of its own before row `at` and the page ending before row 20; `footer`, the last
    /// page's number printed last.
    fn paged_text(table: &[Vec<i64>], number: &str, at: usize, footer: Option<&str>) -> String {
        let mut t = String::from(
            "某某局2021年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n\n申请人情况\n自然人\n\
             法人或其他组织\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n总计\n\n\
             一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n三、本年度办理结果\n\
             （一）予以公开\n（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n（三）不予公开\n\
             1.属于国家秘密\n2.其他法律行政法规禁止公开\n3.危及“三安全一稳定”\n4.保护第三方合法权益\n\
             5.属于三类内部事务信息\n6.属于四类过程性信息\n7.属于行政执法案卷\n8.属于行政查询事项\n\
             （四）无法提供\n1.本机关不掌握相关政府信息\n2.没有现成信息需要另行制作\n3.补正后申请内容仍不明确\n\
             （五）不予处理\n1.信访举报投诉类申请\n2.重复申请\n3.要求提供公开出版物\n4.无正当理由大量反复申请\n\
             5.要求行政机关确认或重新出具已获取信息\n（六）其他处理\n\
             1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\n\
             2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\n3.其他\n（七）总计\n\
             四、结转下年度继续办理\n\n",
        );
        for (r, row) in table.iter().enumerate() {
            if r == at {
                t.push_str(&format!("{number}\n\n"));
            }
            if r == 20 {
                t.push('\u{c}');
            }
            for x in row {
                t.push_str(&format!("{x}\n"));
            }
            t.push('\n');
        }
        t.push_str("四、政府信息公开行政复议、行政诉讼情况\n\n本年度未发生行政复议、行政诉讼。\n\n");
        if let Some(f) = footer {
            t.push_str(&format!("{f}\n"));
        }
        t + "\u{c}"
    }

    /// Table 3's cells read from `text` (template order, row-major; `None` where unread).
    fn t3_cells(text: &str) -> Vec<Option<i64>> {
        let doc = crate::document::Document::assemble(crate::plain::parse_plain(text), crate::document::Format::Text);
        let (tables, _) = crate::tables::read_with_issues(&doc);
        let Some(t) = tables.requests else { return Vec::new() };
        let keys = template::t3_rows_of(TableFormat::F2021).into_iter().map(|i| template::T3_ROWS[i].key);
        keys.flat_map(|k| template::T3_COLS.iter().map(move |c| (k, *c)).collect::<Vec<_>>())
            .map(|(k, c)| match t.cells.get(k).and_then(|row| row.get(c)).map(|cell| &cell.value) {
                Some(Some(crate::model::Number::Int(n))) => Some(*n),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_pages_bare_number_among_table_3s_values_is_left_out_where_the_arithmetic_says_so() {
        let table = table_2021_full();
        let want: Vec<Option<i64>> = table.concat().into_iter().map(Some).collect();
        // Page 0's number `1` before row 10 (where rows of zeros stand), the last page's `2` last.
        assert_eq!(t3_cells(&paged_text(&table, "1", 10, Some("2"))), want);
        // Before row 3 (between rows of values): the same.
        assert_eq!(t3_cells(&paged_text(&table, "1", 3, Some("2"))), want);
        // The last page printing no number: the pages are not known to be numbered, nothing is
        // left out and the table stays unread.
        let unread = |cells: Vec<Option<i64>>| cells.iter().all(Option::is_none);
        assert!(unread(t3_cells(&paged_text(&table, "1", 10, None))));
        // A number that is not its page's: no page number, the table stays unread.
        assert!(unread(t3_cells(&paged_text(&table, "7", 10, Some("2")))));
        // A table that holds whichever number is left out (a row that does not add up): nothing
        // is read.
        let mut off = table.clone();
        off[3][0] = 5;
        assert!(unread(t3_cells(&paged_text(&off, "1", 10, Some("2")))));
        // (Without the page number the table reads as printed: the shape is one the readers know.)
        assert_eq!(t3_cells(&paged_text(&table, "", 10, Some("2"))), want);
    }

    /// pdfminer's text of table 4 with each litigation value's box after its column's header
    /// box (`lit`: ten values), the review row's five boxes after the review header.
    fn t4_boxes(review_row: [i64; 5], lit: [i64; 10], words: [&str; 5]) -> String {
        let mut t = String::from("四、政府信息公开行政复议、行政诉讼情况\n\n行政复议\n\n");
        for w in ["结果维\n持", "结果纠\n正", "其他结\n果", "尚未审\n结", "总\n计"] {
            t.push_str(&format!("{w}\n\n"));
        }
        for x in review_row {
            t.push_str(&format!("{x}\n\n"));
        }
        t.push_str("行政诉讼\n未经复议直接起诉\n");
        for (k, x) in lit.iter().enumerate() {
            if k == 5 {
                t.push_str("复议后起诉\n");
            }
            t.push_str(&format!("{}\n{x}\n\n", words[k % 5]));
        }
        t + "五、存在的主要问题及改进情况\n"
    }

    fn t4_values(text: &str) -> Vec<Option<i64>> {
        let table = review(&View::new(text), &mut Vec::new(), 0).expect("a table 4");
        let cell = |c: &crate::model::CellReading| match c.value {
            Some(crate::model::Number::Int(n)) => Some(n),
            _ => None,
        };
        table.cells.0.iter().flat_map(|(_, row)| row.0.iter().map(|(_, c)| cell(c)).collect::<Vec<_>>()).collect()
    }

    #[test]
    fn table_4_a_row_per_group_under_its_columns() {
        let md = "## 四、政府信息公开行政复议、行政诉讼情况\n\n| 类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|---|\n| 行政复议 | 1 | 1 | 0 | 0 | 2 |\n| 行政诉讼（未经复议直接起诉） | 4 | 0 | 0 | 1 | 5 |\n| 行政诉讼（复议后起诉） | 1 | 0 | 1 | 0 | 2 |\n\n## 五、存在的主要问题及改进情况\n";
        let want = [1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2].map(Some);
        assert_eq!(t4_values(md), want);
        // As plain text lines, the columns in another order (placed by the header).
        let text = "四、政府信息公开行政复议、行政诉讼情况\n类别 总计 结果维持 结果纠正 其他结果 尚未审结\n行政复议 2 1 1 0 0\n未经复议直接起诉 5 4 0 0 1\n复议后起诉 2 1 0 1 0\n";
        assert_eq!(t4_values(text), want);
        // A header not naming all five columns: not read so.
        let short = text.replace("尚未审结", "备注");
        assert!(super::t4_by_group_rows(
            &View::new(&short),
            short.find("行政复议 2").map_or(0, |b| short[..b].chars().count())
        )
        .is_none());
    }

    #[test]
    fn litigation_boxes_after_their_header_boxes_are_placed_by_them() {
        const WORDS: [&str; 5] = ["结果维\n持", "结果纠\n正", "其他结\n果", "尚未审\n结", "总\n计"];
        let text = t4_boxes([1, 0, 0, 1, 2], [1, 1, 1, 3, 6, 0, 1, 0, 0, 1], WORDS);
        let got = t4_values(&text);
        let want: Vec<Option<i64>> =
            [None, None, None, None, Some(2)].into_iter().chain([1, 1, 1, 3, 6, 0, 1, 0, 0, 1].map(Some)).collect();
        assert_eq!(got, want);
        // Review parts all equal: every review cell is known, the total wherever it was printed.
        let got = t4_values(&t4_boxes([8, 2, 2, 2, 2], [1, 1, 1, 3, 6, 0, 1, 0, 0, 1], WORDS));
        assert_eq!(got[..5], [Some(2), Some(2), Some(2), Some(2), Some(8)]);
        // Two header words swapped: no value is placed by them.
        let swapped = ["结果维\n持", "其他结\n果", "结果纠\n正", "尚未审\n结", "总\n计"];
        let got = t4_values(&t4_boxes([1, 0, 0, 1, 2], [1, 2, 1, 3, 7, 0, 1, 0, 0, 1], swapped));
        assert!(got[5..].iter().all(Option::is_none), "{got:?}");
    }

    #[test]
    fn table_3s_values_may_run_past_table_4s_heading_to_its_column_words() {
        // pdfminer: a page's labels, table 4's section heading, then the page's columns of
        // table 3's values, then table 4's column words.
        let text = "（七）总计\n四、结转下年度继续办理\n四、政府信息公开行政复议、行政诉讼情况\n\n0\n\n1\n\n行政复议\n结果维持\n";
        let v = View::new(text);
        let at = |s: &str| text[..text.find(s).unwrap()].chars().count();
        let heading = at("政府信息公开行政复议");
        let last_end = at("四、结转");
        let until = t3_values_end(&v, last_end);
        assert_eq!(until, heading + "政府信息公开".chars().count());
        assert_eq!(past_t4_heading(&v, last_end, until), Some(at("行政复议\n结果")));
        // Table 4's column words first: one end only.
        let text = "（七）总计\n其他结果\n四、政府信息公开行政复议、行政诉讼情况\n0\n行政复议\n";
        let v = View::new(text);
        assert_eq!(past_t4_heading(&v, 0, t3_values_end(&v, 0)), None);
        // A heading without column words after it: the values are not known to end anywhere.
        let v = View::new("（七）总计\n四、政府信息公开行政复议、行政诉讼情况\n0\n");
        assert_eq!(past_t4_heading(&v, 0, t3_values_end(&v, 0)), None);
    }

    #[test]
    fn runs_of_equal_values_are_one_choice_and_readings_that_differ_unsettle() {
        // Fifteen runs of one 0 each: one arrangement, not 15! orders.
        let zeros = vec![vec![0i64]; 15];
        let found = t4_orders(&zeros).expect("within the budget");
        assert_eq!(found.len(), 1);
        // Two groups' runs that may stand in either group: two readings.
        let runs = vec![vec![1, 0, 0, 0, 1], vec![2, 0, 0, 0, 2], vec![0; 5]];
        assert_eq!(t4_orders(&runs).expect("within the budget").len(), 2);
        // A group that adds up nowhere: no reading at all.
        let runs = vec![vec![1, 2, 3, 4, 5], vec![0; 10]];
        assert!(t4_orders(&runs).expect("within the budget").is_empty());
    }

    /// tabula's stream CSV of a 2021 table 3 (LibreOffice PDF: zeros blank, a label wrapped
    /// over two records): row 5's label cut after `事务`, its values on the record of the label's
    /// rest, `信息` then `cont`.
    fn tabula_t3(cont: &str) -> String {
        let mut t = String::from(
            "\"\",,申请人情况,,,,,\n\"\",自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计\n\
             一、本年新收政府信息公开申请数量,2,1,,,,,3\n二、上年结转政府信息公开申请数量,,,,,,,\n\
             三、本年度办理结果,,,,,,,\n（一）予以公开,1,1,,,,,2\n\
             \"（二）部分公开（区分处理的，只计这一情形，不计其他情形）\",,,,,,,\n（三）不予公开,,,,,,,\n\
             1.属于国家秘密,,,,,,,\n2.其他法律行政法规禁止公开,,,,,,,\n3.危及“三安全一稳定”,,,,,,,\n\
             4.保护第三方合法权益,,,,,,,\n5.属于三类内部事务,,,,,,,\n",
        );
        t.push_str(&format!("信息,{cont}\n"));
        t.push_str(
            "6.属于四类过程性信息,,,,,,,\n7.属于行政执法案卷,,,,,,,\n8.属于行政查询事项,,,,,,,\n\
             （四）无法提供,,,,,,,\n1.本机关不掌握相关政府信息,,,,,,,\n2.没有现成信息需要另行制作,,,,,,,\n\
             3.补正后申请内容仍不明确,,,,,,,\n（五）不予处理,,,,,,,\n1.信访举报投诉类申请,,,,,,,\n\
             2.重复申请,,,,,,,\n3.要求提供公开出版物,,,,,,,\n4.无正当理由大量反复申请,,,,,,,\n\
             5.要求行政机关确认或重新出具已获取信息,,,,,,,\n（六）其他处理,,,,,,,\n\
             1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请,,,,,,,\n\
             2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请,,,,,,,\n\
             3.其他,,,,,,,\n（七）总计,2,1,,,,,3\n四、结转下年度继续办理,,,,,,,\n",
        );
        t
    }

    /// The cells of table 3's row `key` read from `text`: value and state.
    fn t3_row(text: &str, key: &str) -> Vec<(Option<f64>, crate::model::CellState)> {
        let v = View::new(text);
        let (t, _) = super::requests(&v, &mut Vec::new()).expect("table 3");
        let row = t.cells.get(key).expect("row");
        row.0.iter().map(|(_, c)| (c.value.map(crate::model::Number::as_f64), c.state)).collect()
    }

    #[test]
    fn a_value_after_a_separating_comma_is_no_ordinal() {
        use crate::model::CellState::{Blank, Number};
        // The record of the label's rest holds the row's values (`信息,1,,,,,,1`): read, its empty
        // fields between them blank; not a row printing no value (its `1,` is no ordinal `1、`).
        let got = t3_row(&tabula_t3("1,,,,,,1"), "denied_internal_affairs");
        let blank = (None, Blank);
        assert_eq!(got, [(Some(1.0), Number), blank, blank, blank, blank, blank, (Some(1.0), Number)]);
        // A value alone there (the record's fields fewer than the columns: `信息,1,,,`): not a row
        // of blanks; the columns' sums place it, the row's total (1 or blank) stays unknown.
        let got = t3_row(&tabula_t3("1,,,"), "denied_internal_affairs");
        assert_eq!(got[..6], [(Some(1.0), Number), blank, blank, blank, blank, blank], "{got:?}");
        assert_eq!(got[6], (None, crate::model::CellState::Text), "{got:?}");
    }

    #[test]
    fn a_csv_table_4_ending_at_its_header_is_not_known_blank() {
        use crate::model::CellState;
        let text = "（六）其他处理,,,,,,,\n（七）总计,2,,,,,,2\n四、结转下年度继续办理,,,,,,,\n\
                    行政复议,,,,,行政诉讼,,,,,,,,,\n,,,,,未经复议直接起诉,,,,,复议后起诉,,,,\n\
                    结果维持,结果纠正,其他结果,尚未审结,总计,结果维持,结果纠正,其他结果,尚未审结,总计,\
                    结果维持,结果纠正,其他结果,尚未审结,总计\n";
        assert!(View::new(text).is_csv());
        let states = |text: &str| {
            let table = review(&View::new(text), &mut Vec::new(), 0).expect("a table 4");
            table.cells.0.iter().flat_map(|(_, row)| row.0.iter().map(|(_, c)| c.state).collect::<Vec<_>>()).collect()
        };
        // No record after the header (tabula leaves out the row of `1 1` it did not find): the
        // row printed blank or lost, unknown.
        let got: Vec<CellState> = states(text);
        assert_eq!(got, [CellState::Text; 15]);
        // A record of empty fields after it: the row printed blank.
        let got: Vec<CellState> = states(&format!("{text},,,,,,,,,,,,,,\n"));
        assert_eq!(got, [CellState::Blank; 15]);
        // Text other than comma-separated records drops a line of empty cells at its end: blank.
        let plain = text.replace(',', "\t");
        assert!(!View::new(&plain).is_csv());
        assert_eq!(states(&plain), [CellState::Blank; 15]);
    }
}
