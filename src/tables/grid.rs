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

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::document::{Document, Table};
use crate::model::{ExtraRow, Issue, TableReading};

use super::build::{self, RowIn};
use super::cells::{self, fold, is_space, ColKind};
use super::fit;
use super::rows;
use super::solve::Token;
use super::template::{
    self, T2Label, T3Label, T2_ITEMS, T2_LABELS, T3_COLS, T3_COL_LABELS, T3_LABELS, T3_ROWS, T4_COL_LABELS,
    T4_GROUP_LABELS,
};

static T3_AC: LazyLock<AhoCorasick> =
    LazyLock::new(|| rows::matcher(&T3_LABELS.iter().map(|(p, _)| *p).collect::<Vec<_>>()));
static T2_AC: LazyLock<AhoCorasick> =
    LazyLock::new(|| rows::matcher(&T2_LABELS.iter().map(|(p, _)| *p).collect::<Vec<_>>()));

/// Most alignment combinations tried for one table (grids × alignments).
const MAX_COMBOS: usize = 64;

/// Compact label text: no whitespace or quotes, widths folded, notes in parentheses removed.
pub fn compact(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars().map(fold) {
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
    span: [usize; 2],
    /// A number, a blank or a not-applicable mark: a value, not a label.
    value_like: bool,
}

impl RowCell<'_> {
    fn is_empty(&self) -> bool {
        self.text.trim_matches(is_space).is_empty()
    }
}

fn row_cells(t: &Table, r: usize) -> Vec<RowCell<'_>> {
    let mut out: Vec<RowCell> = Vec::new();
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
        let parsed = cells::parse_cell(&cell.text, cell.span, ColKind::Signed);
        let value_like = parsed.state != "text"
            || cells::parse_number_text(&compact(&cell.text), ColKind::Yuan).is_some()
            || is_number_list(&cell.text);
        out.push(RowCell { c0: c, c1: c, text: &cell.text, span: cell.span, value_like });
    }
    out
}

/// Several numbers in one cell, separated by spaces (`3 0 0 2`): values, not a label.
fn is_number_list(s: &str) -> bool {
    let words: Vec<&str> = s.split(is_space).filter(|w| !w.is_empty()).collect();
    words.len() > 1 && words.iter().all(|w| cells::parse_cell(w, [0, 0], ColKind::Signed).state != "text")
}

/// The tokens of a value cell: one token, or several when the cell prints several numbers.
fn cell_tokens(c: &RowCell, kind: ColKind) -> Vec<Token> {
    let trimmed = c.text.trim_matches(is_space);
    if trimmed.chars().any(is_space) && is_number_list(trimmed) {
        let v = rows::View::new(c.text);
        return rows::tokenize(&v, 0, v.chars.len(), None)
            .into_iter()
            .map(|t| match t {
                Token::Run { chars, start, unit, unit_len, raw_len } => {
                    Token::Run { chars, start: start + c.span[0], unit, unit_len, raw_len }
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
        return Token::Run { chars, start: c.span[0] + lead, unit: String::new(), unit_len: 0, raw_len: n };
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
}

impl<'a> GRow<'a> {
    fn any_number(&self) -> bool {
        self.cells.iter().any(|c| c.value_like && !c.is_empty())
    }
    fn values(&self) -> Vec<&RowCell<'a>> {
        self.cells.iter().filter(|c| c.value_like).collect()
    }
    /// The cells after the last label cell: where the row's values are.
    fn tail(&self) -> &[RowCell<'a>] {
        let last_label = self.cells.iter().rposition(|c| !c.value_like);
        &self.cells[last_label.map_or(0, |i| i + 1)..]
    }
}

/// What the grids of a document hold.
#[derive(Default)]
pub struct GridTables {
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
        let before = paragraphs_around(doc, &layout, ti, false);
        let caption = before.first().cloned();
        let labels_around = (has_row_label(&before), has_row_label(&paragraphs_around(doc, &layout, ti, true)));
        for r in 0..t.n_rows {
            let cells = row_cells(t, r);
            if cells.is_empty() {
                continue;
            }
            let label: String = cells.iter().filter(|c| !c.value_like).map(|c| compact(c.text)).collect();
            let all: String = cells.iter().map(|c| compact(c.text)).collect();
            let span = [cells[0].span[0], cells[cells.len() - 1].span[1]];
            let caption = if r == 0 { caption.clone() } else { None };

            let t4_cols = cells.iter().filter(|c| t4_col(&compact(c.text)).is_some_and(|k| k < 4)).count();
            let row = GRow { table: ti, width: t.n_cols, cells, label, all, span, caption, labels_around };
            if row.all.contains("第二十条") || row.all.contains("信息内容") {
                mode = Mode::T2;
            } else if row.all.contains("勾稽关系") || row.all.contains("申请人情况") {
                mode = Mode::T3;
            } else if (row.all.contains("行政复议") && (row.all.contains("行政诉讼") || row.all.contains("结果维持")))
                || t4_cols >= 4
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
    out
}

/// The paragraphs between table `ti` and the table before it (or the start of the
/// document), whitespace removed, nearest first: the nearest is a caption such as
/// `行政诉讼（未经复议直接起诉）` over one of table 4's small tables; short row labels among
/// them mean the grid lost its labels to the text around it (PDF-to-Markdown output).
fn paragraphs_around(doc: &Document, at: &Layout, ti: usize, after: bool) -> Vec<String> {
    let Some(&b) = at.table_block.get(ti) else { return Vec::new() };
    let blocks: Box<dyn Iterator<Item = (usize, &crate::document::Block)>> = if after {
        Box::new(doc.blocks.iter().enumerate().skip(b + 1))
    } else {
        Box::new(doc.blocks[..b].iter().enumerate().rev())
    };
    let mut out: Vec<String> = Vec::new();
    for (k, blk) in blocks {
        if blk.kind != crate::document::BlockKind::Paragraph || out.len() >= 40 {
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
        let mut it = doc.text.char_indices().map(|(b, _)| b).chain(std::iter::once(doc.text.len()));
        let mut char_at = 0usize;
        let mut byte_at = it.next().unwrap_or(0);
        let mut byte_of = |c: usize| {
            while char_at < c {
                byte_at = it.next().unwrap_or(doc.text.len());
                char_at += 1;
            }
            byte_at
        };
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
        let bare = compact(template::strip_ordinal(p));
        p.chars().count() <= 40
            && T3_AC.find_iter(p).any(|m| {
                let pat = T3_LABELS[m.pattern().as_usize()];
                matches!(pat.1, T3Label::Row(_)) && (m.len() >= 4 * 3 || bare == pat.0)
            })
    })
}

/// The column headers of a table-2 header row: `(c0, c1, key, format)`. A header cut over two
/// cells (`本年` | `增/减`) or over two rows (`上一年项目数` / `量`, the next row holding only
/// fragments) is joined; one repeated over the cells of its merged span is one column.
fn t2_header(
    row: &GRow,
    prev: Option<&GRow>,
    next: Option<&GRow>,
) -> Vec<(usize, usize, &'static str, Option<&'static str>)> {
    let col = |k: &str| {
        T2_LABELS.iter().find(|(p, _)| k.starts_with(p)).and_then(|(_, l)| match l {
            T2Label::Col(key, f) => Some((*key, *f)),
            _ => None,
        })
    };
    // The rows around add their text column by column when they are fragments only (a header
    // cut over rows: `上一年` over `项目数量`).
    let only_fragments = |n: &&GRow| {
        !n.any_number()
            && !n.cells.iter().any(|c| col(&compact(c.text)).is_some())
            && T2_AC.find_iter(&n.label).next().is_none()
    };
    let fragments = next.filter(only_fragments);
    let over = prev.filter(only_fragments).filter(|p| p.table == row.table);
    let around = |n: Option<&GRow>, c: &RowCell| -> String {
        n.map_or(String::new(), |n| {
            n.cells.iter().filter(|x| x.c0 <= c.c1 && c.c0 <= x.c1).map(|x| compact(x.text)).collect()
        })
    };
    let below = |c: &RowCell| around(fragments, c);
    let above = |c: &RowCell| around(over, c);
    let texts: Vec<(usize, usize, String)> = row.cells.iter().map(|c| (c.c0, c.c1, compact(c.text))).collect();
    let mut out: Vec<(usize, usize, &'static str, Option<&'static str>)> = Vec::new();
    let mut i = 0;
    while i < texts.len() {
        let (c0, c1, ref t) = texts[i];
        let with_below = format!("{t}{}", below(&row.cells[i]));
        let joined = texts.get(i + 1).map(|n| format!("{t}{}", n.2));
        // Two headers in one cell (`上一年项目数量本年增/减`): both columns, at this cell.
        let inner: Vec<(&'static str, Option<&'static str>)> = T2_AC
            .find_iter(t)
            .filter_map(|m| match T2_LABELS[m.pattern().as_usize()].1 {
                T2Label::Col(key, f) => Some((key, f)),
                _ => None,
            })
            .collect();
        if inner.len() > 1 {
            for (key, f) in inner {
                out.push((c0, c1, key, f));
            }
            i += 1;
            continue;
        }
        let with_above = format!("{}{t}", above(&row.cells[i]));
        let hit = col(t)
            .or_else(|| col(&with_below).filter(|_| !t.is_empty()))
            .or_else(|| col(&with_above).filter(|_| !t.is_empty()))
            .map(|h| (h, c1, 1))
            .or_else(|| joined.as_deref().and_then(col).filter(|_| !t.is_empty()).map(|h| (h, texts[i + 1].1, 2)));
        match hit {
            Some(((key, f), end, step)) => {
                match out.last_mut() {
                    Some(h) if h.2 == key && h.1 + 1 == c0 => h.1 = end,
                    _ => out.push((c0, end, key, f)),
                }
                i += step;
            }
            None => i += 1,
        }
    }
    out
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

pub fn read(doc: &Document, issues: &mut Vec<Issue>) -> GridTables {
    let [t2, t3, t4] = sort_rows(doc);
    GridTables { proactive: proactive(&t2, issues), requests: requests(&t3, issues), review: review(&t4, issues) }
}

fn grow(s: &mut Option<[usize; 2]>, sp: [usize; 2]) {
    *s = Some(match *s {
        Some([a, b]) => [a.min(sp[0]), b.max(sp[1])],
        None => sp,
    })
}

// ---------------------------------------------------------------------------
// Column alignment

/// Which cells of a row hold the template's columns.
#[derive(Debug, Clone, PartialEq)]
enum Align {
    /// The header's grid columns, one per template column.
    Header(Vec<usize>),
    /// The last cells of the row, after dropping this many empty trailing cells.
    Right(usize),
    /// The first cells after the label.
    Left,
}

/// The header's grid column for each of `n` template columns, when every one is named
/// and they stand left to right: `named` holds `(template column, first grid column)`.
fn header_columns(named: &[(usize, usize)], n: usize) -> Option<Vec<usize>> {
    // For each template column in order, the smallest grid column that keeps the order.
    let mut out = Vec::with_capacity(n);
    let mut after: Option<usize> = None;
    for col in 0..n {
        let pick = named.iter().filter(|(c, g)| *c == col && after.is_none_or(|a| *g > a)).map(|(_, g)| *g).min()?;
        out.push(pick);
        after = Some(pick);
    }
    Some(out)
}

/// The value cells of `tail` for `n` columns under `align` (`None` for a column no cell
/// covers: a ragged row's missing cell, blank); `None` when the alignment would leave a
/// printed value out or has too few cells.
fn place<'r, 'a>(tail: &'r [RowCell<'a>], align: &Align, n: usize) -> Option<Vec<Option<&'r RowCell<'a>>>> {
    match align {
        Align::Header(cols) => {
            let last = tail.last().map_or(0, |c| c.c1);
            let mut out = Vec::with_capacity(n);
            for &g in cols {
                match tail.iter().find(|c| c.c0 <= g && g <= c.c1) {
                    Some(c) => out.push(Some(c)),
                    None if g > last => out.push(None),
                    None => return None,
                }
            }
            let covered = |c: &RowCell| cols.iter().any(|&g| c.c0 <= g && g <= c.c1);
            tail.iter().all(|c| c.is_empty() || covered(c)).then_some(out)
        }
        Align::Right(k) => {
            let len = tail.len();
            if len < n + k || !tail[len - k..].iter().all(RowCell::is_empty) {
                return None;
            }
            let start = len - k - n;
            tail[..start].iter().all(RowCell::is_empty).then(|| tail[start..len - k].iter().map(Some).collect())
        }
        Align::Left => {
            (tail.len() >= n && tail[n..].iter().all(RowCell::is_empty)).then(|| tail[..n].iter().map(Some).collect())
        }
    }
}

/// The alignments worth trying for one grid's rows.
fn alignments(header: Option<Vec<usize>>) -> Vec<Align> {
    let mut out = Vec::new();
    if let Some(h) = header {
        out.push(Align::Header(h));
    }
    out.extend([Align::Right(0), Align::Left, Align::Right(1), Align::Right(2)]);
    out
}

/// Tokens for a row under an alignment: one per column when the alignment places
/// every value; otherwise the row's value tokens in order (blanks the text dropped
/// are then the solver's to find).
fn row_tokens(tail: &[RowCell], align: &Align, n: usize, kinds: &[ColKind]) -> (Vec<Token>, bool) {
    let single = tail.iter().all(|c| !(c.text.trim_matches(is_space).chars().any(is_space) && is_number_list(c.text)));
    if single {
        if let Some(cells) = place(tail, align, n) {
            let end = tail.last().map_or(0, |c| c.span[1]);
            let toks = cells
                .iter()
                .zip(kinds)
                .map(|(c, k)| match c {
                    Some(c) => token(c, *k),
                    None => Token::Fixed(cells::blank([end, end])),
                })
                .collect();
            return (toks, true);
        }
    }
    let toks = tail.iter().filter(|c| !c.is_empty()).flat_map(|c| cell_tokens(c, ColKind::Count)).collect();
    (toks, false)
}

/// One reading of a table under one alignment per grid.
struct Reading {
    table: TableReading,
    issues: Vec<Issue>,
    /// `Fit::key` of the reading.
    key: (i32, i32),
    /// Every grid read by its header's column positions.
    explicit: bool,
}

/// Picks the best of several readings of one table by `score`; cells on which the
/// best readings (equal scores) disagree become unknown, with an issue.
fn judge(table: &str, mut readings: Vec<Reading>, issues: &mut Vec<Issue>) -> Option<TableReading> {
    let best_key = readings.iter().map(|r| r.key).max()?;
    let first = readings.iter().position(|r| r.key == best_key)?;
    let Reading { table: mut best, issues: mut best_issues, explicit, .. } = readings.swap_remove(first);
    // The header's own column positions, valid for every row, are evidence no equal fit
    // of another alignment outweighs.
    let rivals: Vec<TableReading> = if explicit {
        Vec::new()
    } else {
        readings.into_iter().filter(|r| r.key == best_key).map(|r| r.table).collect()
    };
    let mut disputed: Vec<String> = Vec::new();
    for (rk, row) in best.cells.0.iter_mut() {
        for (ck, cell) in row.0.iter_mut() {
            let differs = rivals
                .iter()
                .any(|t| t.cells.get(rk).and_then(|m| m.get(ck)).is_none_or(|other| !fit::same_value(cell, other)));
            if differs {
                disputed.push(format!("{rk}.{ck}"));
                *cell = cells::unknown(&cell.raw, cell.span);
            }
        }
    }
    if !disputed.is_empty() {
        best_issues.push(Issue {
            code: "TABLE_UNREADABLE",
            severity: "warning",
            message: format!(
                "{table}: the grid's columns can be aligned in more than one way that fits the arithmetic; {} cells left unknown",
                disputed.len()
            ),
            cells: disputed.iter().map(|p| format!("{table}.{p}")).collect(),
            expected: None,
            actual: None,
            blame: "parser",
        });
    }
    issues.append(&mut best_issues);
    Some(best)
}

// ---------------------------------------------------------------------------
// Table 3

/// How a table-3 grid row was identified.
enum T3Kind {
    /// A data row of the template: index into `T3_ROWS`.
    Row(usize),
    /// A header or group label, no data.
    Skip,
    /// Numbers without a label: placed by its position among the labelled rows.
    Unlabelled,
    /// A label the template does not know, with numbers.
    Extra,
    /// A template row whose values cannot be told apart from a neighbour's.
    Unknown(usize),
}

fn t3_kind(row: &GRow, group_other: &mut bool) -> T3Kind {
    let tail_has_cells = !row.tail().is_empty();
    // The row's own label is its rightmost label cell (cells to its left are the group
    // labels spanning from above): the last label hit that reaches into that cell.
    let labels: Vec<String> = row.cells.iter().filter(|c| !c.value_like).map(|c| compact(c.text)).collect();
    let last_cell = labels.iter().rposition(|l| !l.is_empty());
    let own_start = last_cell.map_or(0, |i| labels[..i].iter().map(String::len).sum::<usize>());
    let own_len = last_cell.map_or(0, |i| template::strip_ordinal(&labels[i]).chars().count());
    // A short hit inside the own cell must be most of it: `其他` inside a misprinted
    // `2.其他法律行政止公开` is not the row 3.其他.
    let last = T3_AC
        .find_iter(&row.label)
        .filter(|m| m.end() > own_start)
        .filter(|m| {
            let n = row.label[m.range()].chars().count();
            m.start() < own_start || n >= 4 || 2 * n >= own_len
        })
        .last()
        .map(|m| T3_LABELS[m.pattern().as_usize()].1);
    match last {
        Some(T3Label::Row(i)) => return T3Kind::Row(i),
        // （六）其他处理 as the row's last label with value cells of its own (even
        // blank ones) is the 2019 data row; in 2021 its grid rows end in a sub-row label.
        Some(T3Label::OtherProcessing) if tail_has_cells => return T3Kind::Row(20),
        Some(T3Label::OtherProcessing) => {
            *group_other = true;
            return T3Kind::Skip;
        }
        Some(T3Label::Group) => return T3Kind::Skip,
        None => {}
    }
    let own = last_cell.map_or("", |i| labels[i].as_str());
    if let Some(i) = template::fuzzy_t3(own).or_else(|| template::fuzzy_t3(&row.label)) {
        return if tail_has_cells { T3Kind::Row(i) } else { T3Kind::Skip };
    }
    if !row.any_number() {
        // A label fragment (`（四）无`, a vertical `三、本年…`) or a group label.
        return T3Kind::Skip;
    }
    if row.label.is_empty() || is_ordinal_only(&row.label) {
        T3Kind::Unlabelled
    } else {
        T3Kind::Extra
    }
}

/// A label that is only a number mark (`1.`, `（三）`) or a fragment of a group label.
fn is_ordinal_only(label: &str) -> bool {
    label.chars().all(|c| c.is_ascii_digit() || "().、．,一二三四五六七八九十".contains(c))
}

/// The table-3 format its rows show: 2021 has the three （六） rows, 2019 one.
fn t3_format(rows: &[usize], group_other: bool, unlabelled: usize) -> &'static str {
    if rows.iter().any(|&i| T3_ROWS[i].only == Some("2021")) || group_other {
        "2021"
    } else if rows.contains(&20) {
        "2019"
    } else if rows.len() + unlabelled == 25 {
        "2021"
    } else if rows.len() + unlabelled == 23 {
        "2019"
    } else {
        "other"
    }
}

fn template_rows(format: &str) -> Vec<usize> {
    (0..T3_ROWS.len()).filter(|&i| T3_ROWS[i].only.is_none_or(|f| format == "other" || f == format)).collect()
}

fn requests(rows: &[GRow], issues: &mut Vec<Issue>) -> Option<TableReading> {
    let mut span: Option<[usize; 2]> = None;
    let mut group_other = false;
    // Header names per grid: (template column, grid column).
    let mut named: Vec<(usize, Vec<(usize, usize)>)> = Vec::new();
    let mut kinds: Vec<(usize, T3Kind)> = Vec::new();
    let mut extra: Vec<ExtraRow> = Vec::new();
    for (k, row) in rows.iter().enumerate() {
        grow(&mut span, row.span);
        if !row.any_number() {
            // Header cells name the columns. A row naming one column only (`总计`) once
            // every column is named is the all-blank （七）总计 data row (its label compacts
            // to 总计), not a header.
            let cols: Vec<(usize, usize)> =
                row.cells.iter().filter_map(|c| t3_col_label(&compact(c.text)).map(|col| (col, c.c0))).collect();
            let slot = named.iter().position(|(t, _)| *t == row.table);
            let distinct = |v: &[(usize, usize)]| (0..7).filter(|c| v.iter().any(|(x, _)| x == c)).count();
            let complete = slot.is_some_and(|s| distinct(&named[s].1) == 7);
            if cols.len() >= 2 || (cols.len() == 1 && !complete) {
                match slot {
                    Some(s) => named[s].1.extend(cols),
                    None => named.push((row.table, cols)),
                }
                continue;
            }
        }
        let kind = t3_kind(row, &mut group_other);
        kinds.push((k, kind));
    }
    // A labelled row with no value followed by a row of values: a label wrapped onto the
    // next row (a row cut by a page break, or split by a converter) when that row's text
    // continues the label or the next labelled row has values of its own; when the next
    // labelled row has none either, the values may be either row's, and both stay unknown.
    // Row labels printed as paragraphs between the grids of the table: the converter split
    // labels from their rows, so a row of values is not known to be the row above it.
    let first_table = rows.first().map_or(0, |r| r.table);
    let last_table = rows.last().map_or(0, |r| r.table);
    // Labels before the table's first grid are its header area's; between and after its grids,
    // the rows' own.
    let scattered = rows
        .iter()
        .any(|r| (r.labels_around.0 && r.table != first_table) || (r.labels_around.1 && r.table == last_table));
    // Placing by position reads the rows as identified, before labels are joined to rows.
    let positional = if scattered { by_position(rows, &kinds) } else { None };
    for j in 1..kinds.len() {
        let (prev, next) = (kinds[j - 1].0, kinds[j].0);
        let T3Kind::Row(i) = kinds[j - 1].1 else { continue };
        if next != prev + 1 || !rows[prev].tail().iter().all(RowCell::is_empty) {
            continue;
        }
        let after = kinds[j + 1..].iter().find(|(_, k)| matches!(k, T3Kind::Row(_)));
        let after_has_values = !scattered && after.is_some_and(|(b, _)| rows[*b].tail().iter().any(|c| !c.is_empty()));
        match kinds[j].1 {
            T3Kind::Extra if !scattered => {
                kinds[j - 1].1 = T3Kind::Skip;
                kinds[j].1 = T3Kind::Row(i);
            }
            T3Kind::Unlabelled if after_has_values => {
                kinds[j - 1].1 = T3Kind::Skip;
                kinds[j].1 = T3Kind::Row(i);
            }
            T3Kind::Unlabelled | T3Kind::Extra => {
                kinds[j - 1].1 = T3Kind::Unknown(i);
                kinds[j].1 = T3Kind::Skip;
                if let Some(b) = kinds[j + 1..].iter().position(|(_, k)| matches!(k, T3Kind::Row(_))) {
                    if let T3Kind::Row(ib) = kinds[j + 1 + b].1 {
                        kinds[j + 1 + b].1 = T3Kind::Unknown(ib);
                    }
                }
            }
            _ => {}
        }
    }
    // Template rows for the labelled rows, then the unlabelled ones by position.
    let labelled: Vec<usize> = kinds
        .iter()
        .filter_map(|(_, k)| match k {
            T3Kind::Row(i) | T3Kind::Unknown(i) => Some(*i),
            _ => None,
        })
        .collect();
    let n_unlabelled = kinds.iter().filter(|(_, k)| matches!(k, T3Kind::Unlabelled)).count();
    let format = t3_format(&labelled, group_other, n_unlabelled);
    let order = template_rows(format);
    let mut assigned: Vec<(usize, usize)> = Vec::new(); // (grid row index, template row)
    let mut seen: Vec<usize> = Vec::new();
    let mut unknown: Vec<usize> = Vec::new(); // grid rows whose values stay unknown
    for (k, kind) in &kinds {
        if let T3Kind::Row(i) | T3Kind::Unknown(i) = kind {
            if !seen.contains(i) && order.contains(i) {
                seen.push(*i);
                assigned.push((*k, *i));
                if matches!(kind, T3Kind::Unknown(_)) {
                    unknown.push(*k);
                }
            }
        }
    }
    if scattered {
        // The rows of values, as many as the template's rows and agreeing with every label
        // still beside its values, are the template's rows in order (converters keep the
        // order); that reading stands when the table's arithmetic holds throughout.
        if let Some((format, by_position, short)) = positional {
            let span = span.unwrap_or_default();
            let why = "a row of values placed by position does not print all seven values";
            let readings = t3_readings(rows, &by_position, &short, why, &named, format, span, &extra);
            if readings.iter().any(|r| fits_throughout(&r.table)) {
                return judge("requests", readings, issues);
            }
        }
        // Nor is any row known to hold its own values: the grid is a converter's remains.
        for (k, _) in &assigned {
            if !unknown.contains(k) {
                unknown.push(*k);
            }
        }
    } else {
        assign_unlabelled(&kinds, &order, &mut assigned);
    }
    // Rows with an unknown label and numbers that no position placed: kept as extra rows.
    for (k, kind) in &kinds {
        if matches!(kind, T3Kind::Extra) && !assigned.iter().any(|(a, _)| a == k) {
            extra.push(extra_row(&rows[*k].label, &rows[*k].tail().iter().collect::<Vec<_>>()));
        }
    }
    assigned.sort_by_key(|(k, _)| *k);
    if assigned.len() < 4 {
        return None;
    }
    let span = span.unwrap_or_default();
    let why = if scattered {
        "the table's row labels stand apart from its grid (a converter split them)"
    } else {
        "a row of values between two labelled rows without values may be either's"
    };
    let readings = t3_readings(rows, &assigned, &unknown, why, &named, format, span, &extra);
    judge("requests", readings, issues)
}

/// The rows holding numbers placed on the template's rows by position: `(format, (grid
/// row, template row), rows that do not give seven values)`, when there are exactly as
/// many as one format's rows, every row that kept its label sits at that label's place
/// (three at least) and no more than two rows lost values.
#[allow(clippy::type_complexity)]
fn by_position(rows: &[GRow], kinds: &[(usize, T3Kind)]) -> Option<(&'static str, Vec<(usize, usize)>, Vec<usize>)> {
    let with_values: Vec<&(usize, T3Kind)> = kinds.iter().filter(|(k, _)| rows[*k].any_number()).collect();
    let kinds7 = [ColKind::Count; 7];
    let short: Vec<usize> = with_values
        .iter()
        .map(|(k, _)| *k)
        .filter(|&k| row_tokens(rows[k].tail(), &Align::Right(0), 7, &kinds7).0.len() != 7)
        .collect();
    if short.len() > 2 {
        return None;
    }
    for format in ["2021", "2019"] {
        let order = template_rows(format);
        if order.len() != with_values.len() {
            continue;
        }
        let mut agree = 0;
        let mut ok = true;
        for (&(_, kind), &i) in with_values.iter().zip(&order) {
            match kind {
                T3Kind::Row(j) | T3Kind::Unknown(j) if *j == i => agree += 1,
                T3Kind::Row(_) | T3Kind::Unknown(_) => ok = false,
                _ => {}
            }
        }
        if ok && agree >= 3 {
            return Some((format, with_values.iter().map(|(k, _)| *k).zip(order).collect(), short));
        }
    }
    None
}

/// Every relation of table 3 holds, with enough of them non-zero to mean something: the
/// evidence a reading by position needs.
fn fits_throughout(t: &TableReading) -> bool {
    let f = fit::requests(t);
    f.violations == 0 && f.support >= 8
}

/// The readings of table 3 with `assigned` rows (grid row, template row), one per
/// combination of the grids' alignments.
#[allow(clippy::too_many_arguments)]
fn t3_readings(
    rows: &[GRow],
    assigned: &[(usize, usize)],
    unknown: &[usize],
    unknown_why: &'static str,
    named: &[(usize, Vec<(usize, usize)>)],
    format: &'static str,
    span: [usize; 2],
    extra: &[ExtraRow],
) -> Vec<Reading> {
    let tables: Vec<usize> = {
        let mut t: Vec<usize> = assigned.iter().map(|(k, _)| rows[*k].table).collect();
        t.dedup();
        t.sort_unstable();
        t.dedup();
        t
    };
    // A grid's rows share one geometry: an alignment is tried only when it places every
    // value row of its grid (a row whose values it would drop rules it out).
    let options: Vec<Vec<Align>> = tables
        .iter()
        .map(|t| {
            let h = named.iter().find(|(tt, _)| tt == t).and_then(|(_, n)| header_columns(n, T3_COLS.len()));
            let fits = |a: &Align| {
                assigned.iter().filter(|(k, _)| rows[*k].table == *t).all(|(k, _)| {
                    let tail = rows[*k].tail();
                    tail.iter().all(RowCell::is_empty) || place(tail, a, T3_COLS.len()).is_some()
                })
            };
            let valid: Vec<Align> = alignments(h).into_iter().filter(fits).collect();
            if valid.is_empty() {
                vec![Align::Right(0)]
            } else {
                valid
            }
        })
        .collect();
    let cols: Vec<(&'static str, ColKind)> = T3_COLS.iter().map(|c| (*c, ColKind::Count)).collect();
    let kinds7 = [ColKind::Count; 7];
    // A table printing no number at all is blank everywhere, however its grid came out.
    let any_value = rows.iter().any(GRow::any_number);
    let mut readings = Vec::new();
    for combo in combos(&options) {
        let mut rows_in = Vec::with_capacity(assigned.len());
        let mut order_in: Vec<(usize, RowIn)> = Vec::new();
        for &(k, i) in assigned {
            let row = &rows[k];
            let ti = tables.iter().position(|t| *t == row.table).unwrap_or(0);
            let (tokens, _) = row_tokens(row.tail(), &combo[ti], 7, &kinds7);
            let unreadable = if unknown.contains(&k) {
                Some(unknown_why)
            } else if row.width < T3_COLS.len() + 1 && tokens.len() != T3_COLS.len() && any_value {
                // A grid too narrow for the label and seven columns lost cells (a converter
                // merged or dropped them): only a row printing all seven values is readable.
                Some("the grid has too few columns for the table; the row does not print all seven values")
            } else {
                None
            };
            let region = rows::tokens_span(&tokens, row.span[1]);
            order_in.push((
                i,
                RowIn {
                    key: T3_ROWS[i].key,
                    tokens,
                    region,
                    cols: cols.clone(),
                    pins: Vec::new(),
                    at: Vec::new(),
                    unreadable,
                },
            ));
        }
        order_in.sort_by_key(|(i, _)| *i);
        rows_in.extend(order_in.into_iter().map(|(_, r)| r));
        let mut scratch = Vec::new();
        let t = build::requests(format, rows_in, span, extra.to_vec(), &mut scratch);
        let f = fit::requests(&t);
        let explicit = combo.iter().all(|a| matches!(a, Align::Header(_)));
        readings.push(Reading { table: t, issues: scratch, key: f.key(), explicit });
    }
    readings
}

/// A table-3 column header: the exact label, or a fragment of one printed over two lines.
fn t3_col_label(k: &str) -> Option<usize> {
    if let Some((_, col)) = T3_COL_LABELS.iter().find(|(p, _)| k == *p) {
        return Some(*col);
    }
    const FRAGMENTS: [(&str, usize); 6] =
        [("商业", 1), ("科研", 2), ("社会公益", 3), ("公益组织", 3), ("法律服务", 4), ("服务机构", 4)];
    FRAGMENTS.iter().find(|(p, _)| k == *p).map(|(_, c)| *c)
}

/// Rows with numbers and no label between two labelled rows take the template rows
/// between those two, in order, when there are exactly as many (DOMAIN: converters keep
/// template order); a table with no label at all is placed by position when its row
/// count is the template's.
fn assign_unlabelled(kinds: &[(usize, T3Kind)], order: &[usize], assigned: &mut Vec<(usize, usize)>) {
    let pos_of = |i: usize| order.iter().position(|&o| o == i);
    let mut prev: Option<usize> = None; // template position of the last labelled row
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, lo: Option<usize>, hi: Option<usize>, assigned: &mut Vec<(usize, usize)>| {
        if run.is_empty() {
            return;
        }
        let lo = lo.map_or(0, |p| p + 1);
        let hi = hi.unwrap_or(order.len());
        if hi >= lo && hi - lo == run.len() {
            for (j, &k) in run.iter().enumerate() {
                assigned.push((k, order[lo + j]));
            }
        }
        run.clear();
    };
    for (k, kind) in kinds {
        match kind {
            T3Kind::Row(i) | T3Kind::Unknown(i) => {
                let p = pos_of(*i);
                flush(&mut run, prev, p, assigned);
                if p.is_some() {
                    prev = p;
                }
            }
            T3Kind::Unlabelled | T3Kind::Extra => run.push(*k),
            _ => {}
        }
    }
    flush(&mut run, prev, None, assigned);
}

/// Every combination of one alignment per grid, the preferred ones first, at most `MAX_COMBOS`.
fn combos(options: &[Vec<Align>]) -> Vec<Vec<Align>> {
    let mut out: Vec<Vec<Align>> = vec![Vec::new()];
    for opts in options {
        let mut next = Vec::new();
        for prefix in &out {
            for o in opts {
                if next.len() >= MAX_COMBOS {
                    break;
                }
                let mut p = prefix.clone();
                p.push(o.clone());
                next.push(p);
            }
        }
        out = next;
    }
    out
}

fn extra_row(label: &str, values: &[&RowCell]) -> ExtraRow {
    ExtraRow {
        label: label.to_string(),
        cells: values
            .iter()
            .filter(|c| !c.is_empty())
            .map(|c| cells::parse_cell(c.text, c.span, ColKind::Signed))
            .collect(),
    }
}

// ---------------------------------------------------------------------------
// Table 4

fn t4_group(k: &str) -> Option<usize> {
    // Longest label first: 复议后起诉 and 未经复议直接起诉 both contain 复议.
    let mut best: Option<(usize, usize)> = None;
    for (p, g) in T4_GROUP_LABELS {
        if k.contains(p) && best.is_none_or(|(len, _)| p.len() > len) {
            best = Some((p.len(), *g));
        }
    }
    best.map(|(_, g)| g)
}

fn t4_col(k: &str) -> Option<usize> {
    T4_COL_LABELS.iter().find(|(p, _)| k == *p).map(|(_, c)| *c)
}

fn review(rows: &[GRow], issues: &mut Vec<Issue>) -> Option<TableReading> {
    let start = rows.first()?.span[0];
    let kinds15 = [ColKind::Count; 15];
    // Header names per grid, flat column index = group * 5 + column.
    let mut group_at: Vec<(usize, usize, usize, usize)> = Vec::new(); // (table, c0, c1, group)
    let mut named: Vec<(usize, Vec<(usize, usize)>)> = Vec::new();
    let mut current_group: Option<usize> = None;
    let mut per_group: Vec<(usize, &GRow)> = Vec::new();
    for row in rows {
        if let Some(g) = row.caption.as_deref().and_then(t4_group) {
            current_group = Some(g);
        }
        // An agency with nothing to report prints a data row of 15 blank cells without a label.
        let blank_row = !row.any_number() && row.label.is_empty() && row.cells.len() >= 15 && !named.is_empty();
        if !row.any_number() && !blank_row {
            let mut cols = Vec::new();
            for c in &row.cells {
                let k = compact(c.text);
                if let Some(g) = t4_group(&k) {
                    group_at.push((row.table, c.c0, c.c1, g));
                    current_group = Some(g);
                } else if k == "行政诉讼" {
                    current_group = None;
                } else if let Some(col) = t4_col(&k) {
                    cols.push((col, c.c0));
                }
            }
            if !cols.is_empty() {
                // Flat columns: the group whose header spans the cell, in order of appearance.
                let flat: Vec<(usize, usize)> = cols
                    .iter()
                    .enumerate()
                    .map(|(n, &(col, c0))| {
                        let g = group_at
                            .iter()
                            .filter(|(t, a, b, _)| *t == row.table && *a <= c0 && c0 <= *b && *b > *a)
                            .map(|x| x.3)
                            .next_back()
                            .unwrap_or(n / 5);
                        (g * 5 + col, c0)
                    })
                    .collect();
                match named.iter_mut().find(|(t, _)| *t == row.table) {
                    Some((_, v)) => v.extend(flat),
                    None => named.push((row.table, flat)),
                }
            }
            continue;
        }
        let tail = row.tail();
        let n_vals = tail.len();
        // A row labelled with its group (`行政复议 | 1 | 0 | 0 | 0 | 1`), or the data row of a
        // small table printed per group.
        let own = t4_group(&row.label).or(if n_vals < 15 { current_group } else { None });
        if n_vals < 15 {
            if let Some(g) = own {
                per_group.push((g, row));
                continue;
            }
        }
        if n_vals >= 5 {
            let h = named.iter().find(|(t, _)| *t == row.table).and_then(|(_, n)| header_columns(n, 15));
            let mut readings = Vec::new();
            for a in alignments(h) {
                let (tokens, placed) = row_tokens(tail, &a, 15, &kinds15);
                if tokens.len() != 15 && !matches!(a, Align::Right(0)) {
                    continue;
                }
                let region = rows::tokens_span(&tokens, row.span[0]);
                let r = RowIn {
                    key: "",
                    tokens,
                    region,
                    cols: build::t4_flat_cols(),
                    pins: Vec::new(),
                    at: Vec::new(),
                    unreadable: None,
                };
                let mut scratch = Vec::new();
                let t = build::review(r, [start, row.span[1]], &mut scratch);
                let f = fit::review(&t);
                let explicit = placed && matches!(a, Align::Header(_));
                readings.push(Reading { table: t, issues: scratch, key: f.key(), explicit });
            }
            return judge("review_litigation", readings, issues);
        }
    }
    if per_group.is_empty() {
        return None;
    }
    // One row per group: five values each.
    let mut tokens: Vec<Token> = Vec::with_capacity(15);
    let mut end = start;
    for g in 0..3 {
        match per_group.iter().find(|(gg, _)| *gg == g) {
            Some((_, row)) => {
                let (toks, ok) = row_tokens(row.tail(), &Align::Right(0), 5, &[ColKind::Count; 5]);
                if !ok {
                    return None;
                }
                end = end.max(row.span[1]);
                tokens.extend(toks);
            }
            None => tokens.extend((0..5).map(|_| Token::Fixed(cells::blank([end, end])))),
        }
    }
    let region = rows::tokens_span(&tokens, start);
    let r = RowIn {
        key: "",
        tokens,
        region,
        cols: build::t4_flat_cols(),
        pins: Vec::new(),
        at: Vec::new(),
        unreadable: None,
    };
    Some(build::review(r, [start, end], issues))
}

// ---------------------------------------------------------------------------
// Table 2

fn proactive(rows: &[GRow], issues: &mut Vec<Issue>) -> Option<TableReading> {
    let mut t2_rows: Vec<RowIn> = Vec::new();
    let mut t2_extra: Vec<ExtraRow> = Vec::new();
    let mut header: Vec<(usize, usize, &'static str)> = Vec::new(); // (c0, c1, key)
    let (mut n19, mut n21) = (0usize, 0usize);
    let mut span: Option<[usize; 2]> = None;
    for (ri, row) in rows.iter().enumerate() {
        grow(&mut span, row.span);
        let hits: Vec<T2Label> = T2_AC.find_iter(&row.label).map(|m| T2_LABELS[m.pattern().as_usize()].1).collect();
        let heads = t2_header(row, ri.checked_sub(1).and_then(|p| rows.get(p)), rows.get(ri + 1));
        if !heads.is_empty() {
            for (_, _, _, f) in &heads {
                match *f {
                    Some("2019") => n19 += 1,
                    Some("2021") => n21 += 1,
                    _ => {}
                }
            }
            header = heads.into_iter().map(|(a, b, k, _)| (a, b, k)).collect();
            continue;
        }
        if hits.contains(&T2Label::Caption) {
            // Each 第二十条 block prints its own header.
            header.clear();
        }
        if hits.contains(&T2Label::Caption) {
            continue;
        }
        let values = row.values();
        let item = hits.iter().find_map(|h| if let T2Label::Item(i) = h { Some(*i) } else { None });
        let (Some(i), true) = (item, !values.is_empty()) else {
            if row.any_number() && !row.label.is_empty() {
                t2_extra.push(extra_row(&row.label, &values));
            }
            continue;
        };
        if matches!(i, 3 | 7) {
            n19 += 1;
        }
        // Columns from the header: by position; else in order when the counts agree (a cell
        // may print several values, one per line); else the row is not readable.
        if header.is_empty() {
            continue;
        }
        let mut keys: Vec<&'static str> = header.iter().map(|h| h.2).collect();
        // Under a header spanning several grid columns the value may stand in any of them
        // (or be printed in each): the one printed value, or the first cell when all are blank.
        let positional: Vec<Option<&&RowCell>> = header
            .iter()
            .map(|&(c0, c1, _)| {
                let under: Vec<&&RowCell> = values.iter().filter(|v| v.c0 <= c1 && c0 <= v.c1).collect();
                let printed: Vec<&&RowCell> = under.iter().copied().filter(|v| !v.is_empty()).collect();
                match printed.as_slice() {
                    [] => under.first().copied(),
                    [one, rest @ ..] if rest.iter().all(|r| compact(r.text) == compact(one.text)) => Some(*one),
                    _ => None,
                }
            })
            .collect();
        // Columns sharing a header cell have no positions of their own.
        let shared = header.windows(2).any(|w| w[0].0 == w[1].0);
        let placed_all = !shared
            && positional.iter().all(Option::is_some)
            && values.iter().all(|v| v.is_empty() || header.iter().any(|&(a, b, _)| v.c0 <= b && a <= v.c1));
        let single = values.iter().all(|v| cell_tokens(v, ColKind::Signed).len() <= 1);
        let listed: Vec<Token> =
            values.iter().filter(|v| !v.is_empty()).flat_map(|v| cell_tokens(v, ColKind::Signed)).collect();
        let mut unreadable = None;
        let tokens: Vec<Token> = if placed_all && single {
            positional.iter().zip(&keys).map(|(v, k)| token(v.expect("placed"), build::t2_kind(k))).collect()
        } else if single && !shared && values.len() == keys.len() {
            values.iter().zip(&keys).map(|(v, k)| token(v, build::t2_kind(k))).collect()
        } else if listed.len() == keys.len() {
            listed
        } else if let Some(cols) = format_columns(i, &keys, n19, n21).filter(|c| single && c.len() == listed.len()) {
            // A header cut into fragments (`本年` / `止件` / `废数…`) names fewer columns than the
            // row prints; the values, as many as the item's columns in the format the table
            // shows, are those columns in order.
            keys = cols.to_vec();
            listed
        } else {
            unreadable = Some("neither the header's columns nor the count of its values place them");
            listed
        };
        t2_rows.push(RowIn {
            key: T2_ITEMS[i].key,
            region: [values[0].span[0], values[values.len() - 1].span[1]],
            cols: keys.iter().map(|k| (*k, build::t2_kind(k))).collect(),
            tokens,
            pins: Vec::new(),
            at: Vec::new(),
            unreadable,
        });
    }
    if t2_rows.is_empty() {
        return None;
    }
    // An item printed twice (a label repeated in a note) is read once.
    let mut seen: Vec<&str> = Vec::new();
    t2_rows.retain(|r| {
        let new = !seen.contains(&r.key);
        seen.push(r.key);
        new
    });
    let format = if n21 > n19 { "2021" } else { "2019" };
    t2_rows.retain(|r| {
        let def = T2_ITEMS.iter().find(|d| d.key == r.key);
        def.is_some_and(|d| !(if format == "2021" { d.cols_2021 } else { d.cols_2019 }).is_empty())
    });
    Some(build::proactive(format, t2_rows, span.unwrap_or_default(), t2_extra, issues))
}

/// Table-2 item `i`'s columns in the format the table shows so far (`n19`, `n21`: the
/// evidence for each), when that is clear and every column the header named is one of them.
fn format_columns(i: usize, named: &[&str], n19: usize, n21: usize) -> Option<&'static [&'static str]> {
    let cols = match n19.cmp(&n21) {
        std::cmp::Ordering::Less => T2_ITEMS[i].cols_2021,
        std::cmp::Ordering::Greater => T2_ITEMS[i].cols_2019,
        std::cmp::Ordering::Equal => return None,
    };
    (!named.is_empty() && named.iter().all(|k| cols.contains(k))).then_some(cols)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_columns_keep_order() {
        // pymupdf4llm: 其他 printed under 其他 and under 总计.
        let named = [(0, 3), (1, 4), (2, 5), (3, 6), (4, 7), (5, 8), (5, 9), (6, 9)];
        assert_eq!(header_columns(&named, 7), Some(vec![3, 4, 5, 6, 7, 8, 9]));
        // Cells in <tr> order name positions that cannot hold seven columns.
        let tr = [(0, 0), (6, 2), (1, 0), (2, 1), (3, 2), (4, 3), (5, 4)];
        assert_eq!(header_columns(&tr, 7), None);
    }

    #[test]
    fn fuzzy_labels_need_a_clear_winner() {
        assert_eq!(template::fuzzy_t3("2.其他法律行政止公开"), Some(5));
        assert_eq!(template::fuzzy_t3("3.补正后申请内容仍不明"), Some(14));
        assert_eq!(template::fuzzy_t3("其他"), None);
    }
}
