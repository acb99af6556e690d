//! Column alignment: which cells of a row hold the template's columns (by the header's
//! positions, right- or left-anchored), and the judge that keeps the readings the
//! arithmetic favours.

use crate::model::{Blame, Issue, IssueCode, Severity, TableReading};

use crate::tables::cells::{self, is_space, ColKind};
use crate::tables::fit;
use crate::tables::solve::Token;

use super::{cell_tokens, token, RowCell};

/// Which cells of a row hold the template's columns.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Align {
    /// The header's grid columns, one per template column, and the grid columns of the
    /// columns it names that the template lacks (`小计`): their cells are no values.
    Header(Vec<usize>, Vec<usize>),
    /// The last cells of the row, after dropping this many empty trailing cells.
    Right(usize),
    /// The first cells after the label.
    Left,
}

/// The header's grid column for each of `n` template columns, when every one is named
/// and they stand left to right: `named` holds `(template column, first grid column)`. A
/// header that names each column at one grid column of its own in another order (总计 first)
/// gives those columns: the names say where each column's values stand.
pub(super) fn header_columns(named: &[(usize, usize)], n: usize) -> Option<Vec<usize>> {
    // For each template column in order, the smallest grid column that keeps the order.
    let mut out = Vec::with_capacity(n);
    let mut after: Option<usize> = None;
    for col in 0..n {
        let Some(pick) = named.iter().filter(|(c, g)| *c == col && after.is_none_or(|a| *g > a)).map(|(_, g)| *g).min()
        else {
            return reordered_columns(named, n);
        };
        out.push(pick);
        after = Some(pick);
    }
    Some(out)
}

/// Each of `n` template columns named at exactly one grid column, all of them different.
fn reordered_columns(named: &[(usize, usize)], n: usize) -> Option<Vec<usize>> {
    let mut out: Vec<usize> = Vec::with_capacity(n);
    for col in 0..n {
        let mut at = named.iter().filter(|(c, _)| *c == col).map(|(_, g)| *g);
        let first = at.next()?;
        if at.any(|g| g != first) || out.contains(&first) {
            return None;
        }
        out.push(first);
    }
    Some(out)
}

/// The value cells of `tail` for `n` columns under `align` (`None` for a column no cell
/// covers: a ragged row's missing cell, blank); `None` when the alignment would leave a
/// printed value out or has too few cells.
pub(super) fn place<'r, 'a>(tail: &'r [RowCell<'a>], align: &Align, n: usize) -> Option<Vec<Option<&'r RowCell<'a>>>> {
    match align {
        Align::Header(cols, skip) => {
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
            // A cell right of every column the header names is a note in a column of its own
            // (`无`, `含转办3件`): in a grid of the source's own cells whatever it prints, else
            // only words.
            let right = cols.iter().max().copied().unwrap_or(0);
            let note = |c: &RowCell| c.c0 > right && (c.exact || !cells::has_digit(c.text));
            // A cell under a column the header names and the template lacks (`小计`) is that
            // column's.
            let extra = |c: &RowCell| (c.c0..=c.c1).all(|g| skip.contains(&g));
            tail.iter().all(|c| c.is_empty() || covered(c) || note(c) || extra(c)).then_some(out)
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
pub(super) fn alignments(header: Option<Vec<usize>>, skip: Vec<usize>) -> Vec<Align> {
    let mut out = Vec::new();
    if let Some(h) = header {
        out.push(Align::Header(h, skip));
    }
    out.extend([Align::Right(0), Align::Left, Align::Right(1), Align::Right(2)]);
    out
}

/// Every cell prints at most one value (no `3 0 0 2`): the cells can be placed by column.
fn single_values(tail: &[RowCell]) -> bool {
    tail.iter().all(|c| !(c.piece || c.several))
}

/// What `row_tokens` depends on besides the row: which cell (by first column) each column
/// gets, or `None` where the row's tokens are taken in order. Equal keys, equal tokens.
pub(super) type PlacementKey = Option<Vec<Option<usize>>>;

/// The cells `row_tokens` places by column: `place`'s, when every cell prints at most one
/// value, or when every placed cell is one grid column of its own under the header's columns
/// or in a grid of the source's own cells (see `row_tokens`).
pub(super) fn placed<'r, 'a>(tail: &'r [RowCell<'a>], align: &Align, n: usize) -> Placed<'r, 'a> {
    keep_placed(tail, align, place(tail, align, n))
}

/// A row's cells under one alignment, as `placed` gives them (`None`: taken in order).
pub(super) type Placed<'r, 'a> = Option<Vec<Option<&'r RowCell<'a>>>>;

/// `placed` of `tail` under `align` from `place`'s cells for them, `cells` (the caller that
/// asked `place` already keeps its answer).
pub(super) fn keep_placed<'r, 'a>(tail: &'r [RowCell<'a>], align: &Align, cells: Placed<'r, 'a>) -> Placed<'r, 'a> {
    let single = single_values(tail);
    let header = matches!(align, Align::Header(..));
    let own =
        |cells: &Vec<Option<&RowCell>>| cells.iter().flatten().all(|c| c.c0 == c.c1 && !c.piece && (header || c.exact));
    cells.filter(|cells| single || own(cells))
}

/// A row's `PlacementKey` from its `placed` cells.
pub(super) fn key_of(cells: Option<&[Option<&RowCell>]>) -> PlacementKey {
    cells.map(|cells| cells.iter().map(|c| c.map(|c| c.c0)).collect())
}

/// Tokens for a row under an alignment: one per column when the alignment places
/// every value; otherwise the row's value tokens in order (blanks the text dropped
/// are then the solver's to find).
///
/// A cell printing several numbers (`2 5 8`, `12 3`) where the alignment gives each column a
/// cell of one grid column: the cell is that column's, and which number is its value cannot be
/// told (digits spaced apart, two values typed in one cell): it is unknown, and the row's other
/// values keep their columns (taken in order, they would run into the next columns).
pub(super) fn row_tokens(tail: &[RowCell], align: &Align, n: usize, kinds: &[ColKind]) -> (Vec<Token>, bool) {
    tokens_of(tail, placed(tail, align, n).as_deref(), kinds)
}

/// `row_tokens` of `tail` from its `placed` cells, `cells`.
pub(super) fn tokens_of(tail: &[RowCell], cells: Option<&[Option<&RowCell>]>, kinds: &[ColKind]) -> (Vec<Token>, bool) {
    if let Some(cells) = cells {
        let end = tail.last().map_or(0, |c| c.span[1]);
        let toks = cells
            .iter()
            .zip(kinds)
            .map(|(c, k)| match c {
                Some(c) if c.several => Token::Fixed(cells::unknown(c.text.trim_matches(is_space), c.span)),
                Some(c) => token(c, *k),
                None => Token::Fixed(cells::blank([end, end])),
            })
            .collect();
        return (toks, true);
    }
    (flat_tokens(tail), false)
}

/// The numbers of `tail` in order, none placed by its position in the grid (a converter's
/// grid whose cells moved: only the order of the values holds).
pub(super) fn flat_tokens(tail: &[RowCell]) -> Vec<Token> {
    tail.iter().filter(|c| !c.is_empty() || c.blank_mark).flat_map(|c| cell_tokens(c, ColKind::Count)).collect()
}

/// One reading of a table under one alignment per grid.
pub(super) struct Reading {
    pub(super) table: TableReading,
    pub(super) issues: Vec<Issue>,
    /// `Fit::key` of the reading.
    pub(super) key: (i32, i32),
    /// Every grid read by its header's column positions.
    pub(super) explicit: bool,
}

/// Picks the best of several readings of one table by `score`; cells on which the
/// best readings (equal scores) disagree become unknown, with an issue.
pub(super) fn judge(table: &str, mut readings: Vec<Reading>, issues: &mut Vec<Issue>) -> Option<TableReading> {
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
    for (rk, row) in &mut best.cells.0 {
        for (ck, cell) in &mut row.0 {
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
            code: IssueCode::TableUnreadable,
            severity: Severity::Warning,
            message: format!(
                "{table}: the grid's columns can be aligned in more than one way that fits the arithmetic; {} cells left unknown",
                disputed.len()
            ),
            cells: disputed.iter().map(|p| format!("{table}.{p}")).collect(),
            expected: None,
            actual: None,
            blame: Blame::Parser,
        });
    }
    issues.append(&mut best_issues);
    Some(best)
}
