//! Table 4 (review and litigation) from grid rows: its groups and columns by their headers.

use crate::model::{Issue, TableReading};

use crate::tables::build;
use crate::tables::cells::{self, ColKind};
use crate::tables::fit;
use crate::tables::solve::Token;
use crate::tables::template::{t4_group, t4_groups_named, T4_COL_LABELS};

use super::{alignments, header_columns, judge, row_tokens, Align, GRow, Reading, RowCell};

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
    // Header columns under a group's spanning header: (grid, grid column, flat column).
    let mut spanned: Vec<(usize, usize, usize)> = Vec::new();
    // Values of rows of fewer than 15 whose every cell stands under such a column (table 4
    // printed as two tables, `行政复议` and `行政诉讼`): (flat column, cell).
    let mut by_name: Vec<(usize, Token)> = Vec::new();
    let mut unplaced: Vec<&GRow> = Vec::new();
    // Grids whose caption names several groups: (grid, the groups in order).
    let mut captioned: Vec<(usize, Vec<usize>)> = Vec::new();
    for row in rows {
        if let Some(g) = row.caption.as_deref().and_then(t4_group) {
            current_group = Some(g);
        }
        // A caption naming several groups (a converter's header row printed apart from its
        // grid): the grid's values are theirs, five each, in that order.
        if let Some(groups) = row.caption.as_deref().map(t4_groups_named).filter(|g| g.len() >= 2) {
            captioned.push((row.table, groups));
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
                // The groups this grid names, in order: without spans (a converter's grid), the
                // first five columns are the first group's, and so on, where they are as many.
                let named_groups = groups_of(&group_at, row.table);
                let by_order = (named_groups.len() == cols.len().div_ceil(5)).then_some(named_groups);
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
                            .or_else(|| by_order.as_ref().map(|o| o[n / 5]));
                        if let Some(g) = g {
                            spanned.push((row.table, c0, g * 5 + col));
                        }
                        (g.unwrap_or(n / 5) * 5 + col, c0)
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
        // Table 4 as a list, a row per cell (`行政复议结果维持 | 1`, `行政诉讼未经复议直接起诉总计
        // | 5`): the label names the group and ends with the column's name.
        if n_vals == 1 {
            let col = T4_COL_LABELS.iter().find(|(p, _)| row.label.ends_with(p)).map(|(_, c)| *c);
            if let (Some(g), Some(col), Some(t)) = (t4_group(&row.label), col, cell_token(&tail[0])) {
                by_name.push((g * 5 + col, t));
                continue;
            }
        }
        // Table 4 on its side: a row per result (`结果维持 | 0 | 1 | 0`), a column per group, each
        // value under a group's header.
        if let Some(col) = t4_col(&row.label) {
            let group_of = |c: &RowCell| {
                group_at.iter().find(|(t, a, b, _)| *t == row.table && *a <= c.c0 && c.c0 <= *b).map(|x| x.3)
            };
            // (A converter's grid without spans: three values under the three groups the
            // header names, in its order.)
            let named_order = groups_of(&group_at, row.table);
            let placed = n_vals <= 3 && tail.iter().all(|c| group_of(c).is_some());
            let by_order = !placed && n_vals == 3 && named_order.len() == 3;
            if placed || by_order {
                for (k, c) in tail.iter().enumerate() {
                    let g = if by_order { Some(named_order[k]) } else { group_of(c) };
                    if let (Some(g), Some(t)) = (g, cell_token(c)) {
                        by_name.push((g * 5 + col, t));
                    }
                }
                continue;
            }
        }
        if n_vals < 15 && t4_group(&row.label).is_none() {
            let groups = captioned.iter().find(|(t, g)| *t == row.table && g.len() * 5 == n_vals).map(|x| &x.1);
            if let Some(groups) = groups {
                let (toks, _) = row_tokens(tail, &Align::Right(0), n_vals, &kinds15);
                by_name.extend(toks.into_iter().enumerate().map(|(k, t)| (groups[k / 5] * 5 + k % 5, t)));
                continue;
            }
            let under = |c: &RowCell| spanned.iter().find(|(t, g, _)| *t == row.table && *g == c.c0).map(|x| x.2);
            if tail.iter().all(|c| under(c).is_some()) {
                for c in tail {
                    if let (Some(flat), Some(t)) = (under(c), cell_token(c)) {
                        by_name.push((flat, t));
                    }
                }
                continue;
            }
        }
        // A row labelled with its group (`行政复议 | 1 | 0 | 0 | 0 | 1`), or the data row of a
        // small table printed per group.
        let own = t4_group(&row.label).or(if n_vals < 15 { current_group } else { None });
        if n_vals < 15 {
            if let Some(g) = own {
                per_group.push((g, row));
                continue;
            }
        }
        // A row of fewer values than the table's, of no group known, under a header naming
        // table 4's columns: read with the others (table 4 printed as two tables, their
        // groups' names apart from the grids).
        if (5..15).contains(&n_vals) && named.iter().any(|(t, _)| *t == row.table) {
            unplaced.push(row);
            continue;
        }
        if n_vals >= 5 {
            return aligned(row, &named, start, issues);
        }
    }
    if per_group.is_empty() && by_name.is_empty() {
        return match unplaced.as_slice() {
            [] => None,
            [row] => aligned(row, &named, start, issues),
            // Rows of values that make the table's 15 between them: its groups in the form's order.
            rows if rows.iter().map(|r| r.tail().len()).sum::<usize>() == 15 => {
                let tokens: Vec<Token> = rows
                    .iter()
                    .flat_map(|r| row_tokens(r.tail(), &Align::Right(0), r.tail().len(), &kinds15).0)
                    .collect();
                let end = rows.last().map_or(start, |r| r.span[1]);
                Some(build::review(build::t4_row(tokens, start), [start, end], issues))
            }
            _ => None,
        };
    }
    // One row per group, five values each, and the values placed by their columns' names.
    let mut slots: Vec<Option<Token>> = (0..15).map(|_| None).collect();
    let mut end = start;
    for (g, row) in per_group {
        let (toks, ok) = row_tokens(row.tail(), &Align::Right(0), 5, &[ColKind::Count; 5]);
        if !ok || slots[g * 5..g * 5 + 5].iter().any(Option::is_some) {
            return None;
        }
        end = end.max(row.span[1]);
        for (k, t) in toks.into_iter().enumerate() {
            slots[g * 5 + k] = Some(t);
        }
    }
    for (flat, t) in by_name {
        // (A column named twice: not known which value is its.)
        if slots[flat].is_some() {
            return None;
        }
        end = end.max(t.span()[1]);
        slots[flat] = Some(t);
    }
    // Rows of no known group fill the cells left, in order, where they are as many.
    if !unplaced.is_empty() {
        let mut rest = unplaced.iter().flat_map(|r| row_tokens(r.tail(), &Align::Right(0), r.tail().len(), &kinds15).0);
        let free = slots.iter().filter(|t| t.is_none()).count();
        if unplaced.iter().map(|r| r.tail().len()).sum::<usize>() != free {
            return None;
        }
        for slot in slots.iter_mut().filter(|t| t.is_none()) {
            *slot = rest.next();
        }
        end = end.max(unplaced.iter().map(|r| r.span[1]).max().unwrap_or(end));
    }
    let tokens: Vec<Token> =
        slots.into_iter().map(|t| t.unwrap_or_else(|| Token::Fixed(cells::blank([end, end])))).collect();
    let r = build::t4_row(tokens, start);
    Some(build::review(r, [start, end], issues))
}

/// The one token of grid cell `c`.
fn cell_token(c: &RowCell) -> Option<Token> {
    row_tokens(std::slice::from_ref(c), &Align::Right(0), 1, &[ColKind::Count]).0.into_iter().next()
}

/// The groups grid `table`'s header names (`group_at`: grid, first and last grid column, group),
/// each once, in the order named.
fn groups_of(group_at: &[(usize, usize, usize, usize)], table: usize) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for &(_, _, _, g) in group_at.iter().filter(|x| x.0 == table) {
        if !out.contains(&g) {
            out.push(g);
        }
    }
    out
}

/// Table 4 from its one row of values (`row`) under each alignment of its grid's header
/// (`named`), the best by the table's arithmetic.
fn aligned(
    row: &GRow,
    named: &[(usize, Vec<(usize, usize)>)],
    start: usize,
    issues: &mut Vec<Issue>,
) -> Option<TableReading> {
    let kinds15 = [ColKind::Count; 15];
    let h = named.iter().find(|(t, _)| *t == row.table).and_then(|(_, n)| header_columns(n, 15));
    // More cells than the table's fifteen, an empty one among the first fifteen, no header
    // naming their columns (a table tool's grid with a column of its own among the values):
    // which cells are the table's is only known where every group then adds up. (An empty cell
    // after fifteen values is a converter's extra cell.)
    let tail = row.tail();
    let guessed = h.is_none() && tail.len() > 15 && tail.iter().take(15).any(RowCell::is_empty);
    let mut readings = Vec::new();
    // Alignments placing the row alike give the same reading: built once (see `t3_readings`).
    let mut seen: Vec<Vec<Token>> = Vec::new();
    for a in alignments(h, Vec::new()) {
        let (tokens, placed) = row_tokens(row.tail(), &a, 15, &kinds15);
        if (tokens.len() != 15 && !matches!(a, Align::Right(0))) || seen.contains(&tokens) {
            continue;
        }
        seen.push(tokens.clone());
        let r = build::t4_row(tokens, row.span[0]);
        let mut scratch = Vec::new();
        let t = build::review(r, [start, row.span[1]], &mut scratch);
        let f = fit::review(&t);
        if guessed && f.violations > 0 {
            continue;
        }
        let explicit = placed && matches!(a, Align::Header(..));
        readings.push(Reading { table: t, issues: scratch, key: f.key(), explicit });
    }
    judge("review_litigation", readings, issues)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_named_in_the_order_the_text_names_them() {
        assert_eq!(t4_groups_named("未经复议直接起诉| 复议后起诉"), vec![1, 2]);
        assert_eq!(t4_groups_named("复议后起诉 行政复议"), vec![2, 0]);
        assert_eq!(t4_groups_named("四、政府信息公开行政复议、行政诉讼情况"), vec![0]);
        assert!(t4_groups_named("行政诉讼").is_empty());
    }
}
