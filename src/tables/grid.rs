//! The three tables read from HTML grids (DOMAIN §8.1): rowspan/colspan are
//! already expanded by the `html` stage; rows and header cells are located by
//! their labels, never by counting cells. A table may be split over several
//! `<table>`s or merged with another one: rows are read across all grids, a
//! marker row (caption, header) switching which statutory table they belong to.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::document::{Document, Table};
use crate::model::{ExtraRow, Issue, TableReading};

use super::build::{self, RowIn};
use super::cells::{self, fold, is_space, ColKind};
use super::rows;
use super::solve::Token;
use super::template::{T2Label, T3Label, T2_ITEMS, T2_LABELS, T3_COLS, T3_COL_LABELS, T3_LABELS, T3_ROWS};

static T3_AC: LazyLock<AhoCorasick> =
    LazyLock::new(|| rows::matcher(&T3_LABELS.iter().map(|(p, _)| *p).collect::<Vec<_>>()));
static T2_AC: LazyLock<AhoCorasick> =
    LazyLock::new(|| rows::matcher(&T2_LABELS.iter().map(|(p, _)| *p).collect::<Vec<_>>()));

/// Compact label text: no whitespace or quotes, widths folded, notes in parentheses removed.
fn compact(s: &str) -> String {
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
struct RowCell<'a> {
    c0: usize,
    c1: usize,
    text: &'a str,
    span: [usize; 2],
    value_like: bool,
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
        let value_like =
            parsed.state != "text" || cells::parse_number_text(&compact(&cell.text), ColKind::Yuan).is_some();
        out.push(RowCell { c0: c, c1: c, text: &cell.text, span: cell.span, value_like });
    }
    out
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

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    None,
    T2,
    T3,
    T4,
}

/// What the grids of a document hold.
#[derive(Default)]
pub struct GridTables {
    pub proactive: Option<TableReading>,
    pub requests: Option<TableReading>,
    pub review: Option<TableReading>,
}

pub fn read(doc: &Document, issues: &mut Vec<Issue>) -> GridTables {
    let mut mode = Mode::None;
    // Table 2 state.
    let mut t2_rows: Vec<RowIn> = Vec::new();
    let mut t2_extra: Vec<ExtraRow> = Vec::new();
    let mut t2_header: Vec<(usize, &'static str)> = Vec::new();
    let (mut n19, mut n21) = (0usize, 0usize);
    let mut t2_span: Option<[usize; 2]> = None;
    // Table 3 state.
    let mut t3_rows: Vec<(usize, RowIn)> = Vec::new();
    let mut t3_extra: Vec<ExtraRow> = Vec::new();
    let mut t3_cols: Vec<Option<usize>> = vec![None; T3_COLS.len()];
    let mut t3_span: Option<[usize; 2]> = None;
    let mut t3_group_other = false;
    // Table 4 state.
    let mut t4: Option<(RowIn, [usize; 2])> = None;
    let mut t4_start = 0;
    let mut t4_table = usize::MAX;

    let grow = |s: &mut Option<[usize; 2]>, sp: [usize; 2]| {
        *s = Some(match *s {
            Some([a, b]) => [a.min(sp[0]), b.max(sp[1])],
            None => sp,
        })
    };

    for (ti, t) in doc.tables.iter().enumerate() {
        for r in 0..t.n_rows {
            let cells = row_cells(t, r);
            if cells.is_empty() {
                continue;
            }
            let label_text: String = cells.iter().filter(|c| !c.value_like).map(|c| compact(c.text)).collect();
            let all: String = cells.iter().map(|c| compact(c.text)).collect();
            let values: Vec<&RowCell> = cells.iter().filter(|c| c.value_like).collect();
            let any_number = values.iter().any(|c| !c.text.trim_matches(is_space).is_empty());
            let row_span = [cells[0].span[0], cells[cells.len() - 1].span[1]];
            // Markers.
            if all.contains("第二十条") || all.contains("信息内容") {
                mode = Mode::T2;
            } else if all.contains("勾稽关系") || all.contains("申请人情况") {
                mode = Mode::T3;
            } else if all.contains("行政复议") && (all.contains("行政诉讼") || all.contains("结果维持")) {
                mode = Mode::T4;
                t4_start = row_span[0];
                t4_table = ti;
            }
            match mode {
                Mode::None => {}
                Mode::T2 => {
                    grow(&mut t2_span, row_span);
                    let hits: Vec<T2Label> =
                        T2_AC.find_iter(&label_text).map(|m| T2_LABELS[m.pattern().as_usize()].1).collect();
                    let heads: Vec<(usize, &'static str)> = cells
                        .iter()
                        .filter_map(|c| {
                            let k = compact(c.text);
                            T2_LABELS.iter().find(|(p, _)| k.starts_with(p)).and_then(|(_, l)| match l {
                                T2Label::Col(key, f) => Some((c.c0, *key, *f)),
                                _ => None,
                            })
                        })
                        .map(|(c0, key, f)| {
                            match f {
                                Some("2019") => n19 += 1,
                                Some("2021") => n21 += 1,
                                _ => {}
                            }
                            (c0, key)
                        })
                        .collect();
                    if !heads.is_empty() {
                        t2_header = heads;
                        continue;
                    }
                    if hits.contains(&T2Label::Caption) {
                        continue;
                    }
                    let item = hits.iter().find_map(|h| if let T2Label::Item(i) = h { Some(*i) } else { None });
                    let (Some(i), true) = (item, !values.is_empty()) else {
                        if any_number && !label_text.is_empty() {
                            t2_extra.push(extra(&label_text, &values));
                        }
                        continue;
                    };
                    if matches!(i, 3 | 7) {
                        n19 += 1;
                    }
                    // Columns from the header, aligned by position when counts differ.
                    let mut toks: Vec<(&'static str, Token)> = Vec::new();
                    if values.len() == t2_header.len() {
                        for (v, (_, key)) in values.iter().zip(&t2_header) {
                            toks.push((key, token(v, build::t2_kind(key))));
                        }
                    } else {
                        for &(c0, key) in &t2_header {
                            if let Some(v) = values.iter().find(|v| v.c0 <= c0 && c0 <= v.c1) {
                                toks.push((key, token(v, build::t2_kind(key))));
                            }
                        }
                    }
                    t2_rows.push(RowIn {
                        key: T2_ITEMS[i].key,
                        region: [values[0].span[0], values[values.len() - 1].span[1]],
                        cols: toks.iter().map(|(k, _)| (*k, build::t2_kind(k))).collect(),
                        tokens: toks.into_iter().map(|(_, t)| t).collect(),
                        pins: Vec::new(),
                    });
                }
                Mode::T3 => {
                    grow(&mut t3_span, row_span);
                    // Header cells name the columns. A row naming one column only (`总计`)
                    // once the header is complete is the all-blank （七）总计 data row
                    // (its label compacts to 总计), not a header.
                    let named: Vec<(usize, usize)> = if any_number {
                        Vec::new()
                    } else {
                        cells
                            .iter()
                            .filter_map(|c| {
                                let k = compact(c.text);
                                T3_COL_LABELS.iter().find(|(p, _)| k == *p).map(|(_, col)| (*col, c.c0))
                            })
                            .collect()
                    };
                    let complete = t3_cols.iter().all(Option::is_some);
                    if named.len() >= 2 || (named.len() == 1 && !complete) {
                        for (col, c0) in named {
                            t3_cols[col] = Some(c0);
                        }
                        continue;
                    }
                    let last = T3_AC.find_iter(&label_text).last().map(|m| T3_LABELS[m.pattern().as_usize()].1);
                    let row = match last {
                        Some(T3Label::Row(i)) => i,
                        // （六）其他处理 as the row's last label with value cells of its own (even
                        // blank ones) is the 2019 data row; in 2021 its grid rows end in a sub-row label.
                        Some(T3Label::OtherProcessing) if !values.is_empty() => 20,
                        Some(T3Label::OtherProcessing) => {
                            t3_group_other = true;
                            continue;
                        }
                        Some(T3Label::Group) => continue,
                        None => {
                            if any_number && !label_text.is_empty() {
                                t3_extra.push(extra(&label_text, &values));
                            }
                            continue;
                        }
                    };
                    let tokens: Vec<Token> = if t3_cols.iter().all(Option::is_some) {
                        t3_cols
                            .iter()
                            .flatten()
                            .map(|&gc| match cells.iter().find(|c| c.c0 <= gc && gc <= c.c1 && c.value_like) {
                                Some(c) => token(c, ColKind::Count),
                                None => Token::Fixed(cells::unknown("", row_span)),
                            })
                            .collect()
                    } else {
                        values.iter().map(|c| token(c, ColKind::Count)).collect()
                    };
                    let region = rows::tokens_span(&tokens, row_span[1]);
                    let cols = T3_COLS.iter().map(|c| (*c, ColKind::Count)).collect();
                    t3_rows.push((row, RowIn { key: T3_ROWS[row].key, tokens, region, cols, pins: Vec::new() }));
                }
                Mode::T4 => {
                    // The data row: numbers, or (an agency with nothing to report) a row of
                    // 15 blank cells without a label in the table the header located.
                    let blank_row = !any_number && label_text.is_empty() && values.len() >= 15 && ti == t4_table;
                    if values.len() >= 5 && (any_number || blank_row) && t4.is_none() {
                        let tokens: Vec<Token> = values.iter().map(|c| token(c, ColKind::Count)).collect();
                        let region = rows::tokens_span(&tokens, row_span[0]);
                        t4 = Some((
                            RowIn { key: "", tokens, region, cols: build::t4_flat_cols(), pins: Vec::new() },
                            [t4_start, row_span[1]],
                        ));
                        mode = Mode::None;
                    }
                }
            }
        }
    }
    let mut out = GridTables::default();
    if !t2_rows.is_empty() {
        let format = if n21 > n19 { "2021" } else { "2019" };
        out.proactive = Some(build::proactive(format, t2_rows, t2_span.unwrap_or_default(), t2_extra, issues));
    }
    if t3_rows.len() >= 4 {
        let has_2021 = t3_rows.iter().any(|(i, _)| T3_ROWS[*i].only == Some("2021"));
        let format = if has_2021 || t3_group_other {
            "2021"
        } else if t3_rows.iter().any(|(i, _)| *i == 20) {
            "2019"
        } else {
            "other"
        };
        let mut seen = Vec::new();
        let rows_in: Vec<RowIn> = t3_rows
            .into_iter()
            .filter(|(i, _)| {
                let keep = !seen.contains(i) && !T3_ROWS[*i].only.is_some_and(|f| format != "other" && f != format);
                seen.push(*i);
                keep
            })
            .map(|(_, r)| r)
            .collect();
        out.requests = Some(build::requests(format, rows_in, t3_span.unwrap_or_default(), t3_extra, issues));
    }
    if let Some((row, span)) = t4 {
        out.review = Some(build::review(row, span, issues));
    }
    out
}

fn extra(label: &str, values: &[&RowCell]) -> ExtraRow {
    ExtraRow {
        label: label.to_string(),
        cells: values.iter().map(|c| cells::parse_cell(c.text, c.span, ColKind::Signed)).collect(),
    }
}
