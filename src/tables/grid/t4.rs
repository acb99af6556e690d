//! Table 4 (review and litigation) from grid rows: its groups and columns by their headers.

use crate::model::{Issue, TableReading};

use crate::tables::build::{self, RowIn};
use crate::tables::cells::{self, ColKind};
use crate::tables::fit;
use crate::tables::rows;
use crate::tables::solve::Token;
use crate::tables::template::{T4_COL_LABELS, T4_GROUP_LABELS};

use super::{alignments, header_columns, judge, row_tokens, Align, GRow, Reading};

pub(super) fn t4_group(k: &str) -> Option<usize> {
    // Longest label first: 复议后起诉 and 未经复议直接起诉 both contain 复议.
    let mut best: Option<(usize, usize)> = None;
    for (p, g) in T4_GROUP_LABELS {
        if k.contains(p) && best.is_none_or(|(len, _)| p.len() > len) {
            best = Some((p.len(), *g));
        }
    }
    best.map(|(_, g)| g)
}

pub(super) fn t4_col(k: &str) -> Option<usize> {
    T4_COL_LABELS.iter().find(|(p, _)| k == *p).map(|(_, c)| *c)
}

pub(super) fn review(rows: &[GRow], issues: &mut Vec<Issue>) -> Option<TableReading> {
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
                let k = &c.key;
                if let Some(g) = t4_group(k) {
                    group_at.push((row.table, c.c0, c.c1, g));
                    current_group = Some(g);
                } else if k == "行政诉讼" {
                    current_group = None;
                } else if let Some(col) = t4_col(k) {
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
            // Alignments placing the row alike give the same reading: built once (see `t3_readings`).
            let mut seen: Vec<Vec<Token>> = Vec::new();
            for a in alignments(h, Vec::new()) {
                let (tokens, placed) = row_tokens(tail, &a, 15, &kinds15);
                if (tokens.len() != 15 && !matches!(a, Align::Right(0))) || seen.contains(&tokens) {
                    continue;
                }
                seen.push(tokens.clone());
                let r = flat_row(tokens, row.span[0]);
                let mut scratch = Vec::new();
                let t = build::review(r, [start, row.span[1]], &mut scratch);
                let f = fit::review(&t);
                let explicit = placed && matches!(a, Align::Header(..));
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
    let r = flat_row(tokens, start);
    Some(build::review(r, [start, end], issues))
}

/// Table 4 as one row of its 15 values (group by group), its region from the tokens.
fn flat_row(tokens: Vec<Token>, start: usize) -> RowIn {
    let region = rows::tokens_span(&tokens, start);
    RowIn {
        key: "",
        tokens,
        region,
        cols: build::t4_flat_cols(),
        pins: Vec::new(),
        at: Vec::new(),
        unreadable: None,
        // Grid cells: they stand in the columns' order, as table 3's grid rows do.
        in_order: true,
    }
}
