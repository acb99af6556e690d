//! The three tables read from grids (DOMAIN §8.1): HTML tables with
//! rowspan/colspan expanded, DOCX and PDF tables, and the text tables the
//! `plain` stage turned into grids (pipe rows, TAB rows). Rows are located by
//! their labels, never by counting cells; a table may be split over several
//! grids or merged with another one: rows are read across all grids, a marker
//! row (caption, header) switching which statutory table they belong to.
//!
//! Which cells of a row are its values is not taken on trust. A grid made from
//! text prints a merged cell as its text followed by empty cells, may end every
//! row with one extra empty cell, or (a continuation after a page break) omits
//! the cells of labels spanning from above; a header may be complete or not.
//! Each grid is therefore read under every alignment that fits its rows — by
//! the header's column positions, right-anchored (with 0–2 extra trailing
//! cells), left-anchored after the label — and the template's arithmetic over
//! the whole table decides (`fit`). Cells on which the best readings disagree
//! stay unknown.
//!
//! Here: grid rows sorted into the three tables. `align` (column alignments and the judge),
//! `t2`, `t3`, `t4` (each table from its rows).

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::document::{CharCursor, Document, Table};
use crate::model::{CellState, Issue, TableReading};

use super::cells::{self, fold, is_space, ColKind};
use super::rows;
use super::solve::Token;
use super::template::{self, t4_group, T3Label, T2_LABELS, T3_LABELS};

mod align;
mod t2;
mod t3;
mod t4;

use align::{
    alignments, flat_tokens, header_columns, judge, keep_placed, key_of, place, placed, row_tokens, tokens_of, Align,
    Placed, PlacementKey, Reading,
};
use t2::proactive;
use t3::{extra_row, requests};
use t4::{review, t4_col};

static T3_AC: LazyLock<AhoCorasick> =
    LazyLock::new(|| rows::matcher(&T3_LABELS.iter().map(|(p, _)| *p).collect::<Vec<_>>()));
static T2_AC: LazyLock<AhoCorasick> =
    LazyLock::new(|| rows::matcher(&T2_LABELS.iter().map(|(p, _)| *p).collect::<Vec<_>>()));

/// Most alignment combinations tried for one table (grids × alignments).
const MAX_COMBOS: usize = 64;

/// Compact label text: no whitespace or quotes, widths folded, notes in parentheses removed.
pub(super) fn compact(s: &str) -> String {
    // Most value cells print ASCII digits only: nothing to fold, drop or cut, so a copy.
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return s.to_string();
    }
    // The characters before the first one that is dropped, changed or a bracket are kept as
    // they are (no bracket is open before it): copied at once rather than pushed one at a time
    // (most labels hold none of those, or only late).
    let keeps = |c: char| {
        fold(c) == c
            && !is_space(c)
            && !matches!(c, '(' | ')' | '"' | '“' | '”' | '「' | '」' | '\'' | '‘' | '’' | '它')
    };
    let first = s.char_indices().find(|&(_, c)| !keeps(c)).map_or(s.len(), |(i, _)| i);
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    let mut depth = 0usize;
    for c in s[first..].chars().map(fold) {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if is_space(c) || matches!(c, '"' | '“' | '”' | '「' | '」' | '\'' | '‘' | '’') => {}
            '它' => out.push('他'),
            c => out.push(c),
        }
    }
    out
}

/// One distinct cell of a grid row: first and last grid column it covers in this row.
#[derive(Clone)]
struct RowCell<'a> {
    c0: usize,
    c1: usize,
    text: &'a str,
    /// `compact(text)`, made once: every table's label matching reads it.
    key: String,
    span: [usize; 2],
    /// A number, a blank or a not-applicable mark: a value, not a label.
    value_like: bool,
    /// A blank mark the text prints (`Cell::marked`): a blank cell the text shows.
    blank_mark: bool,
    /// One of the words of a cell that prints blank marks: each word is a cell of the PDF.
    piece: bool,
    /// A cell of a grid whose cells are the source's own (`Table::exact`), as printed.
    exact: bool,
    /// `several_numbers(text)`, found once: table 3's reading asks it of every value cell for
    /// each alignment it tries, and again for the tokens.
    several: bool,
}

impl RowCell<'_> {
    fn is_empty(&self) -> bool {
        self.text.trim_matches(is_space).is_empty()
    }
}

fn row_cells(t: &Table, r: usize) -> Vec<RowCell<'_>> {
    let mut out: Vec<RowCell> = Vec::new();
    // How the table uses empty marks, worked out at its first mark (most tables print none).
    let mut blanks: Option<Option<Vec<bool>>> = None;
    // (A row of nothing but empty marks is an empty row: it shows no blank cell.)
    let printed_row = || {
        (0..t.n_cols).filter_map(|c| t.grid[r * t.n_cols + c]).any(|i| {
            let text = &t.cells[i as usize].text;
            !text.trim_matches(is_space).is_empty() && !cells::is_empty_mark(text)
        })
    };
    let mut last: Option<u32> = None;
    for c in 0..t.n_cols {
        let idx = t.grid[r * t.n_cols + c];
        if idx.is_some() && idx == last {
            if let Some(x) = out.last_mut() {
                x.c1 = c;
            }
            continue;
        }
        last = idx;
        let Some(i) = idx else { continue };
        let cell = &t.cells[i as usize];
        if !cell.marked.is_empty() {
            push_marked(&mut out, c, cell);
            continue;
        }
        // What a data tool prints for an empty cell (`nan`): in a column of values, a blank cell
        // the text shows (pandas' `read_html` of a blank cell; `cell_state` reads it blank);
        // elsewhere, or in a row of nothing else, no cell (a `DataFrame` of pdfplumber's
        // `extract_tables`: `None` where a label or a header spans columns or rows).
        let mark = cells::is_empty_mark(&cell.text);
        let no_cell =
            mark && !(printed_row() && blanks.get_or_insert_with(|| blank_columns(t)).as_ref().is_some_and(|v| v[c]));
        let text: &str = if no_cell { "" } else { &cell.text };
        // (No cell's text, empty, is no mark.)
        let state = cells::cell_state_marked(text, ColKind::Signed, mark && !no_cell);
        let key = compact(text);
        let several = several_numbers(text);
        let value_like = state != CellState::Text
            || (cells::has_digit(&key) && cells::parse_number_text(cells::strip_approx(&key), ColKind::Yuan).is_some())
            || several;
        if !value_like && split_glued_item(&mut out, c, text, cell.span) {
            continue;
        }
        out.push(RowCell {
            c0: c,
            c1: c,
            text,
            key,
            span: cell.span,
            value_like,
            blank_mark: false,
            piece: false,
            exact: t.exact,
            several,
        });
    }
    mark_unread_values(&mut out);
    out
}

/// Where a table's empty marks (`nan`) are blank cells it shows: a table of pandas' `read_html`
/// repeats a merged cell's text in every cell it spans, so its marks are blank cells (in the
/// columns where numbers stand); a `DataFrame` of pdfplumber's `extract_tables` marks the cells a
/// merged cell spans (`第二十条第（五）项 | nan | nan`, a label over rows `nan | （二）部分公开`),
/// so none is. `None`: every mark is no cell; else whether grid column `c` is a column of values.
fn blank_columns(t: &Table) -> Option<Vec<bool>> {
    let n = t.n_cols;
    let cell = |rr: usize, cc: usize| t.grid[rr * n + cc].map(|i| t.cells[i as usize].text.trim_matches(is_space));
    let rows = 0..t.grid.len() / n.max(1);
    let number = |x: &str| matches!(cells::cell_state(x, ColKind::Signed), CellState::Number | CellState::Zero);
    let values: Vec<bool> = (0..n).map(|cc| rows.clone().any(|rr| cell(rr, cc).is_some_and(number))).collect();
    let first = values.iter().position(|&v| v);
    let word =
        |x: &str| !x.is_empty() && !cells::is_empty_mark(x) && cells::cell_state(x, ColKind::Signed) == CellState::Text;
    // Marks under spans: a mark in a column of labels (left of every value), or right after a
    // header's word; and a table that prints its empty cells empty marks none of them.
    let spans_marked = rows.filter(|&rr| (0..n).any(|cc| cell(rr, cc).is_some_and(word))).any(|rr| {
        (0..n).any(|cc| match cell(rr, cc) {
            Some("") => true,
            Some(x) if cells::is_empty_mark(x) => {
                first.is_some_and(|f| cc < f || (cc > f && cell(rr, cc - 1).is_some_and(word)))
            }
            _ => false,
        })
    });
    match first {
        _ if spans_marked => None,
        // A table of no number at all: every mark a blank.
        None => Some(vec![true; n]),
        Some(_) => Some(values),
    }
}

/// The words of a cell that prints blank marks, each a value cell of its own at the cell's grid
/// column: a number where the cell's text prints it, a blank mark where the number before it
/// ends.
fn push_marked<'a>(out: &mut Vec<RowCell<'a>>, c: usize, cell: &'a crate::document::Cell) {
    let pieces = cell.marked.len() > 1;
    let mut at = 0usize; // byte offset in the cell text past the last number found
    let mut pos = cell.span[0];
    for word in &cell.marked {
        let (text, span) = match word {
            Some(w) => match cell.text[at..].find(w.as_str()) {
                Some(i) => {
                    let start = cell.span[0] + cell.text[..at + i].chars().count();
                    at += i + w.len();
                    pos = start + w.chars().count();
                    (w.as_str(), [start, pos])
                }
                None => (w.as_str(), [pos, pos]),
            },
            None => ("", [pos, pos]),
        };
        out.push(RowCell {
            c0: c,
            c1: c,
            text,
            key: compact(text),
            span,
            value_like: true,
            blank_mark: word.is_none(),
            piece: pieces,
            exact: false,
            several: several_numbers(text),
        });
    }
}

/// Cells that print a value the cell reader cannot read (`（3）`, `[3]`, `×`, `不详`) stand where
/// the row's values are: after the row's last cell holding Han characters (in a row without any,
/// those short or holding a digit), or after a number when short or holding a digit; a number in
/// brackets and a word for a number not given stand anywhere. Read as labels, they would move the
/// row's values into other columns (or leave it none, reading it as blank); as values they are
/// unknown, and the row's other values keep their places. A unit in a cell of its own (`万元`)
/// stays no value.
fn mark_unread_values(cells: &mut [RowCell]) {
    let last_han = cells.iter().rposition(|c| !c.value_like && c.text.chars().any(rows::is_cjk));
    let mut after_number = false;
    for (i, c) in cells.iter_mut().enumerate() {
        if c.value_like {
            after_number |= !c.is_empty();
            continue;
        }
        let digit = cells::has_digit(c.text);
        if c.is_empty() || (!digit && cells::is_unit(&c.key)) {
            continue;
        }
        let short = || c.key.chars().count() <= 4;
        // `（3）`, `（3）件`: a number in brackets, then at most a unit.
        let bracketed = || digit && (c.key.is_empty() || cells::is_unit(&c.key));
        let ungiven = || cells::UNGIVEN.contains(&c.key.as_str());
        let placed = match last_han {
            Some(h) => i > h,
            None => digit || short(),
        };
        if placed || (after_number && (digit || short())) || bracketed() || ungiven() {
            c.value_like = true;
        }
    }
}

/// Pushes a label cell with a table-2 item's values glued on (`行政规范性文件3`: a converter
/// joined the cells) as the label and a value cell of its own; false where it is no such cell.
#[inline(never)]
fn split_glued_item<'a>(out: &mut Vec<RowCell<'a>>, c: usize, text: &'a str, span: [usize; 2]) -> bool {
    if !text.trim_end_matches(is_space).chars().next_back().is_some_and(|ch| fold(ch).is_ascii_digit()) {
        return false;
    }
    let before: String = out.iter().filter(|x| !x.value_like).map(|x| x.key.as_str()).collect();
    let Some(at) = glued_item_value(&before, text) else { return false };
    let (head, tail) = text.split_at(at);
    let mid = span[0] + head.chars().count();
    let (blank_mark, piece) = (false, false);
    out.push(RowCell {
        c0: c,
        c1: c,
        text: head,
        key: compact(head),
        span: [span[0], mid],
        value_like: false,
        blank_mark,
        piece,
        exact: false,
        several: several_numbers(head),
    });
    out.push(RowCell {
        c0: c,
        c1: c,
        text: tail,
        key: compact(tail),
        span: [mid, span[1]],
        value_like: true,
        blank_mark,
        piece,
        exact: false,
        several: several_numbers(tail),
    });
    true
}

/// Where the values start in a cell that ends a table-2 item's label (alone, or after the row's
/// label cells `before`) with numbers glued on (`行政规范性文件3`, `行政事业性收费7816`, `行政规范性`
/// | `文件3 0 3`): PDF-to-Markdown converters join a narrow label cell to the values beside it.
fn glued_item_value(before: &str, text: &str) -> Option<usize> {
    let trimmed = text.trim_end_matches(is_space);
    let run = trimmed.char_indices().rev().take_while(|(_, c)| fold(*c).is_ascii_digit() || *c == '.' || is_space(*c));
    let at = run.last()?.0;
    let at = at + trimmed[at..].chars().take_while(|c| is_space(*c)).map(char::len_utf8).sum::<usize>();
    let (head, tail) = trimmed.split_at(at);
    let item = compact(head);
    let joined = format!("{before}{item}");
    let known = !item.is_empty()
        && T2_LABELS.iter().any(|(p, l)| matches!(l, template::T2Label::Item(_)) && (*p == item || *p == joined));
    let numbers = tail.chars().next().is_some_and(|c| fold(c).is_ascii_digit())
        && tail.split(is_space).filter(|w| !w.is_empty()).all(|w| {
            w.chars().next().is_some_and(|c| fold(c).is_ascii_digit())
                && cells::parse_number_text(&compact(w), ColKind::Yuan).is_some()
        });
    (known && numbers).then_some(at)
}

/// Whether a cell's text prints several numbers a space apart (`3 0 0 2`, `2 5 8`): values,
/// not a label. (Two words or more, so a space stands between words, inside the trimmed text.)
fn several_numbers(text: &str) -> bool {
    // Digits alone (most value cells) are one word.
    if text.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    // Without collecting the words: the first two decide whether there is a list at all.
    let mut words = text.split(is_space).filter(|w| !w.is_empty());
    let (Some(a), Some(b)) = (words.next(), words.next()) else { return false };
    [a, b].into_iter().chain(words).all(|w| cells::cell_state(w, ColKind::Signed) != CellState::Text)
}

/// The tokens of a value cell: one token, or several when the cell prints several numbers.
fn cell_tokens(c: &RowCell, kind: ColKind) -> Vec<Token> {
    if c.blank_mark {
        return vec![Token::Fixed(cells::blank(c.span))];
    }
    if c.several {
        let v = rows::View::new(c.text);
        return rows::tokenize(&v, 0, v.chars.len(), None)
            .into_iter()
            .map(|t| match t {
                Token::Run { chars, start, unit, unit_len, raw_len, gaps } => {
                    Token::Run { chars, start: start + c.span[0], unit, unit_len, raw_len, gaps }
                }
                Token::Fixed(mut f) => {
                    f.span = [f.span[0] + c.span[0], f.span[1] + c.span[0]];
                    Token::Fixed(f)
                }
            })
            .collect();
    }
    vec![token(c, kind)]
}

fn token(c: &RowCell, kind: ColKind) -> Token {
    let trimmed = c.text.trim_matches(is_space);
    let digits = !trimmed.is_empty() && trimmed.chars().all(|ch| fold(ch).is_ascii_digit());
    if digits {
        let lead = c.text.chars().take_while(|ch| is_space(*ch)).count();
        let chars: Vec<char> = trimmed.chars().map(fold).collect();
        let n = chars.len();
        return Token::Run {
            chars,
            start: c.span[0] + lead,
            unit: String::new(),
            unit_len: 0,
            raw_len: n,
            gaps: Vec::new(),
        };
    }
    Token::Fixed(cells::parse_cell(c.text, c.span, kind))
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Mode {
    None,
    T2,
    T3,
    T4,
}

/// The grid column where a table's last column, headed by a remarks word, starts: its cells are
/// left out of every row (read as values, a note would take a column's place).
fn remark_column(t: &Table) -> Option<usize> {
    let last = t.n_cols.checked_sub(1)?;
    (0..t.n_rows).find_map(|r| {
        let i = t.grid[r * t.n_cols + last]?;
        let start = (0..=last).rev().take_while(|&c| t.grid[r * t.n_cols + c] == Some(i)).last()?;
        let key = compact(&t.cells[i as usize].text);
        (start > 0 && template::REMARK_WORDS.contains(&key.as_str())).then_some(start)
    })
}

/// One grid row with its cells, in document order.
struct GRow<'a> {
    table: usize,
    /// Grid columns of the row's table.
    width: usize,
    cells: Vec<RowCell<'a>>,
    /// Compact text of the cells that are not values.
    label: String,
    /// Compact text of every cell.
    all: String,
    span: [usize; 2],
    /// For a grid's first row: the paragraph right before the grid (a caption such as
    /// `行政诉讼（未经复议直接起诉）` over one of table 4's small tables).
    caption: Option<String>,
    /// Short paragraphs right before / after the row's grid hold table-3 row labels.
    labels_around: (bool, bool),
    /// The row's grid ends in a column of notes (`remark_column`), left out of its cells.
    notes: bool,
}

impl<'a> GRow<'a> {
    fn any_number(&self) -> bool {
        self.cells.iter().any(|c| c.value_like && !c.is_empty())
    }
    /// The row prints values: numbers, or blank marks (`Cell::marked`) after its label.
    fn prints_values(&self) -> bool {
        self.any_number() || self.tail().iter().any(|c| c.blank_mark)
    }
    /// The cells after the last label cell: where the row's values are.
    fn tail(&self) -> &[RowCell<'a>] {
        let last_label = self.cells.iter().rposition(|c| !c.value_like);
        &self.cells[last_label.map_or(0, |i| i + 1)..]
    }
    /// The cells where `align` looks for the row's values: under the header's columns, every
    /// cell from the first value column on, label-like or not (`不详` printed in a value column is
    /// an unread value, not the row's label); otherwise the cells after the last label cell.
    fn tail_for(&self, align: &Align) -> &[RowCell<'a>] {
        let tail = self.tail();
        let Align::Header(cols, _) = align else { return tail };
        let Some(&first) = cols.first() else { return tail };
        let from = self.cells.iter().position(|c| c.c0 >= first).unwrap_or(self.cells.len());
        let own = self.cells.len() - tail.len();
        // Only cells after a label: a row whose label itself stands in a value column keeps its tail.
        if from < own && from > 0 {
            &self.cells[from..]
        } else {
            tail
        }
    }
}

/// What the grids of a document hold.
#[derive(Default)]
pub(super) struct GridTables {
    pub proactive: Option<TableReading>,
    pub requests: Option<TableReading>,
    pub review: Option<TableReading>,
}

/// The rows of each statutory table, by the markers that open them.
fn sort_rows(doc: &Document) -> [Vec<GRow<'_>>; 3] {
    let mut out: [Vec<GRow>; 3] = Default::default();
    let mut closed = [false; 3];
    let layout = Layout::new(doc);
    let mut mode = Mode::None;
    for (ti, t) in doc.tables.iter().enumerate() {
        let caption = paragraphs_around(doc, &layout, ti, false, 1).pop();
        // Filled in below for table 3's grids, the only reader of it.
        let labels_around = (false, false);
        let remarks = remark_column(t);
        for r in 0..t.n_rows {
            let mut cells = row_cells(t, r);
            if let Some(from) = remarks {
                cells.retain(|c| c.c0 < from);
            }
            if cells.is_empty() {
                continue;
            }
            // Sized at once: collected from pieces, each string grew a few times a row.
            let mut label = String::with_capacity(cells.iter().filter(|c| !c.value_like).map(|c| c.key.len()).sum());
            label.extend(cells.iter().filter(|c| !c.value_like).map(|c| c.key.as_str()));
            let mut all = String::with_capacity(cells.iter().map(|c| c.key.len()).sum());
            all.extend(cells.iter().map(|c| c.key.as_str()));
            if label.is_empty() && rows::is_furniture(&all) {
                // A page number a converter took into the grid (`| - 3 | - |`): not a row.
                continue;
            }
            let span = [cells[0].span[0], cells[cells.len() - 1].span[1]];
            let caption = if r == 0 { caption.clone() } else { None };

            let t4_cols = cells.iter().filter(|c| t4_col(&c.key).is_some_and(|k| k < 4)).count();
            let notes = remarks.is_some();
            let row = GRow { table: ti, width: t.n_cols, cells, label, all, span, caption, labels_around, notes };
            // (Five searches of most rows: without a searcher set up for each.)
            let has = |w: &str| crate::charset::has_short(&row.all, w);
            if has("第二十条") || has("信息内容") {
                mode = Mode::T2;
            } else if has("勾稽关系") || has("申请人情况") {
                mode = Mode::T3;
            } else if (has("行政复议") && (has("行政诉讼") || has("结果维持"))) || t4_cols >= 4 || t4_groups_only(&row)
            {
                mode = Mode::T4;
            } else if mode != Mode::T3 && row.any_number() && opens_t3(&row.label) {
                mode = Mode::T3;
            } else if mode == Mode::None && row.any_number() && opens_t2(&row.label) {
                mode = Mode::T2;
            }
            // A report has one of each table: once another table has started after one, its
            // rows are done (a page repeating the report, or a later unrelated table, adds none).
            let slot = match mode {
                Mode::None => None,
                Mode::T2 => Some(0),
                Mode::T3 => Some(1),
                Mode::T4 => Some(2),
            };
            if let Some(k) = slot {
                if closed[k] {
                    continue;
                }
                for (j, c) in closed.iter_mut().enumerate() {
                    if j != k && !out[j].is_empty() {
                        *c = true;
                    }
                }
                out[k].push(row);
            }
        }
    }
    let mut t3_grids: Vec<usize> = out[1].iter().map(|r| r.table).collect();
    t3_grids.dedup();
    for ti in t3_grids {
        let around = (
            has_row_label(&paragraphs_around(doc, &layout, ti, false, MAX_AROUND)),
            has_row_label(&paragraphs_around(doc, &layout, ti, true, MAX_AROUND)),
        );
        for row in out[1].iter_mut().filter(|r| r.table == ti) {
            row.labels_around = around;
        }
    }
    out
}

/// Most paragraphs read on either side of a grid for row labels.
const MAX_AROUND: usize = 40;

/// The paragraphs between table `ti` and the table before it (or the start of the
/// document), whitespace removed, nearest first: the nearest is a caption such as
/// `行政诉讼（未经复议直接起诉）` over one of table 4's small tables; short row labels among
/// them mean the grid lost its labels to the text around it (PDF-to-Markdown output).
fn paragraphs_around(doc: &Document, at: &Layout, ti: usize, after: bool, most: usize) -> Vec<String> {
    let Some(&b) = at.table_block.get(ti) else { return Vec::new() };
    let blocks: Box<dyn Iterator<Item = (usize, &crate::document::Block)>> = if after {
        Box::new(doc.blocks.iter().enumerate().skip(b + 1))
    } else {
        Box::new(doc.blocks[..b].iter().enumerate().rev())
    };
    let mut out: Vec<String> = Vec::new();
    for (k, blk) in blocks {
        if blk.kind != crate::document::BlockKind::Paragraph || out.len() >= most {
            break;
        }
        let [s, e] = at.block_bytes[k];
        out.push(doc.text[s..e].chars().filter(|c| !is_space(*c)).collect());
    }
    out
}

/// Where each table's block is and each block's byte range in the text, found in one pass.
struct Layout {
    table_block: Vec<usize>,
    block_bytes: Vec<[usize; 2]>,
}

impl Layout {
    fn new(doc: &Document) -> Layout {
        let mut table_block = vec![usize::MAX; doc.tables.len()];
        let mut block_bytes = Vec::with_capacity(doc.blocks.len());
        let mut cursor = CharCursor::new(&doc.text);
        let mut byte_of = |c: usize| cursor.byte_of(c);
        for (k, blk) in doc.blocks.iter().enumerate() {
            if let crate::document::BlockKind::Table(t) = blk.kind {
                if let Some(slot) = table_block.get_mut(t) {
                    *slot = k;
                }
            }
            let s = byte_of(blk.span[0]);
            let e = byte_of(blk.span[1]);
            block_bytes.push([s, e]);
        }
        Layout { table_block, block_bytes }
    }
}

/// Whether one of `paras` is a short line holding a table-3 row label (not a sentence).
fn has_row_label(paras: &[String]) -> bool {
    // A label of four characters or more, or a line that is nothing but a label (`（七）总计`):
    // `其他` or `总计` inside other words are any table's words.
    paras.iter().any(|p| {
        if p.len() > 40 && p.chars().count() > 40 {
            return false;
        }
        let mut bare: Option<String> = None;
        T3_AC.find_iter(p).any(|m| {
            let pat = T3_LABELS[m.pattern().as_usize()];
            matches!(pat.1, T3Label::Row(_))
                && (m.len() >= 4 * 3 || *bare.get_or_insert_with(|| compact(template::strip_ordinal(p))) == pat.0)
        })
    })
}

/// A table-3 row label that only table 3 has: a part printed without its header opens it.
fn opens_t3(label: &str) -> bool {
    ["本年新收政府信息公开申请", "上年结转政府信息公开申请", "结转下年度继续办理", "本机关不掌握相关政府信息"]
        .iter()
        .any(|p| label.contains(p))
}

fn opens_t2(label: &str) -> bool {
    ["行政规范性文件", "规范性文件", "行政事业性收费"].iter().any(|p| label.starts_with(p))
}

pub(super) fn read(doc: &Document, issues: &mut Vec<Issue>) -> GridTables {
    let [t2, t3, t4] = sort_rows(doc);
    GridTables { proactive: proactive(&t2, issues), requests: requests(&t3, issues), review: review(&t4, issues) }
}

/// A header row naming table 4's groups and nothing else (`行政复议` over the first of two
/// tables table 4 is printed as; `未经复议直接起诉` / `复议后起诉` under `行政诉讼`).
fn t4_groups_only(row: &GRow) -> bool {
    !row.any_number()
        && row.cells.iter().any(|c| t4_group(&c.key).is_some())
        && row.cells.iter().all(|c| c.key.is_empty() || c.key == "行政诉讼" || t4_group(&c.key).is_some())
}

fn grow(s: &mut Option<[usize; 2]>, sp: [usize; 2]) {
    *s = Some(match *s {
        Some([a, b]) => [a.min(sp[0]), b.max(sp[1])],
        None => sp,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table2_label_with_its_values_glued_on_splits_where_the_label_is_complete() {
        fn at<'a>(before: &str, text: &'a str) -> Option<&'a str> {
            glued_item_value(before, text).map(|i| &text[i..])
        }
        assert_eq!(at("", "行政规范性文件3"), Some("3"));
        assert_eq!(at("", "行政事业性收费7816.5"), Some("7816.5"));
        assert_eq!(at("行政规范性", "文件3\n0\n3"), Some("3\n0\n3"));
        assert_eq!(at("", "规章 2 0 5 "), Some("2 0 5 "));
        // Not a whole item's label before the digits, or not numbers after it.
        assert_eq!(at("", "文件3"), None);
        assert_eq!(at("其他", "文件3"), None);
        assert_eq!(at("", "行政许可12.5.3"), None);
        assert_eq!(at("", "第3"), None);
        assert_eq!(at("", "行政许可"), None);
        assert_eq!(at("", "2019"), None);
    }

    #[test]
    fn header_columns_keep_order() {
        // pymupdf4llm: 其他 printed under 其他 and under 总计.
        let named = [(0, 3), (1, 4), (2, 5), (3, 6), (4, 7), (5, 8), (5, 9), (6, 9)];
        assert_eq!(header_columns(&named, 7), Some(vec![3, 4, 5, 6, 7, 8, 9]));
        // Cells in <tr> order name positions that cannot hold seven columns.
        let tr = [(0, 0), (6, 2), (1, 0), (2, 1), (3, 2), (4, 3), (5, 4)];
        assert_eq!(header_columns(&tr, 7), None);
        // 总计 named first, each column at a grid column of its own: the names place them.
        let reordered = [(6, 1), (0, 2), (1, 3), (2, 4), (3, 5), (4, 6), (5, 7)];
        assert_eq!(header_columns(&reordered, 7), Some(vec![2, 3, 4, 5, 6, 7, 1]));
    }

    #[test]
    fn fuzzy_labels_need_a_clear_winner() {
        assert_eq!(template::fuzzy_t3("2.其他法律行政止公开"), Some(5));
        assert_eq!(template::fuzzy_t3("3.补正后申请内容仍不明"), Some(14));
        assert_eq!(template::fuzzy_t3("其他"), None);
    }
}
