//! How well a reading of a statutory table fits the template's arithmetic
//! (DOMAIN §7): the judge between readings of one table that place its cells
//! differently (which grid columns are values, where a continuation part's rows
//! start). Counts relations that hold with a non-zero total (`support`) and
//! relations that fail (`violations`); a blank total with non-zero parts (an
//! omitted total, §7.4) neither holds nor fails.

use crate::model::{CellReading, OrderedMap, TableReading};

use super::template::{T3_CARRIED_FORWARD, T3_COLS, T3_RESULTS_TOTAL, T3_ROWS, T4_COLS, T4_GROUPS};

/// The arithmetic evidence for one reading.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Fit {
    /// Relations that hold with a non-zero total.
    pub support: i32,
    /// Relations that fail.
    pub violations: i32,
    /// Cells with a value (blank and `na` count as 0).
    pub known: i32,
}

impl Fit {
    /// Higher is better: support minus twice the violations, then more cells known.
    pub(super) fn key(&self) -> (i32, i32) {
        (self.support - 2 * self.violations, self.known)
    }
}

fn val(c: Option<&CellReading>) -> Option<(f64, bool)> {
    let c = c?;
    if c.state.counts_as_zero() {
        Some((0.0, true))
    } else {
        c.value.map(|v| (v.as_f64(), false))
    }
}

fn relation(fit: &mut Fit, total: Option<(f64, bool)>, parts: &[Option<(f64, bool)>]) {
    let Some((t, t_blank)) = total else { return };
    let Some(sum) = parts.iter().map(|p| p.map(|x| x.0)).sum::<Option<f64>>() else { return };
    if (t - sum).abs() < 1e-6 {
        if t != 0.0 {
            fit.support += 1;
        }
    } else if !(t_blank && sum != 0.0) {
        fit.violations += 1;
    }
}

/// The fit of a table 3 reading: R2 per row, R3 and R1 per column.
pub(super) fn requests(t: &TableReading) -> Fit {
    let mut fit = Fit::default();
    for row in &t.cells.0 {
        fit.known += row.1 .0.iter().filter(|(_, c)| val(Some(c)).is_some()).count() as i32;
        row_sum(&mut fit, &row.1);
    }
    between_rows(&mut fit, t, 0..T3_COLS.len());
    fit
}

/// The fit of a table 3 reading in the relations between its rows only (R1 and R3 per
/// column), over the six columns of parts: the evidence for where whole rows were placed.
/// A row's own sum (R2) holds or fails wherever the row is put, and the 总计 column is the
/// one a report leaves blank or prints 0 in while its parts are not (DOMAIN §7.4), so
/// neither says anything about placement.
fn requests_between_rows(t: &TableReading) -> Fit {
    let mut fit = Fit::default();
    between_rows(&mut fit, t, 0..T3_COLS.len() - 1);
    fit
}

/// R1 (the results rows add up to 总计) and R3 (new + carried over = results + carried
/// forward) in each of `columns`.
fn between_rows(fit: &mut Fit, t: &TableReading, columns: std::ops::Range<usize>) {
    between_rows_as(fit, t, columns, false);
}

/// [`between_rows`]; with `omitted_as_sum`, a blank 总计 row over parts that are not all zero
/// enters R3 as their sum.
fn between_rows_as(fit: &mut Fit, t: &TableReading, columns: std::ops::Range<usize>, omitted_as_sum: bool) {
    let get = |r: usize, c: usize| t.cells.get(T3_ROWS[r].key).and_then(|m| m.get(T3_COLS[c]));
    let results: Vec<usize> = (2..T3_RESULTS_TOTAL)
        .filter(|&r| T3_ROWS[r].only.is_none_or(|f| t.format.form().is_none_or(|g| f == g)))
        .collect();
    let present = |r: usize| t.cells.get(T3_ROWS[r].key).is_some();
    for c in columns {
        let mut results_total = val(get(T3_RESULTS_TOTAL, c));
        if present(T3_RESULTS_TOTAL) && results.iter().all(|&r| present(r)) {
            let parts: Vec<_> = results.iter().map(|&r| val(get(r, c))).collect();
            relation(fit, results_total, &parts);
            let sum = parts.iter().map(|p| p.map(|x| x.0)).sum::<Option<f64>>();
            if let (true, Some((_, true)), Some(sum)) = (omitted_as_sum, results_total, sum) {
                results_total = Some((sum, false));
            }
        }
        if [0, 1, T3_RESULTS_TOTAL, T3_CARRIED_FORWARD].iter().all(|&r| present(r)) {
            let inflow = [val(get(0, c)), val(get(1, c))];
            let out = results_total.zip(val(get(T3_CARRIED_FORWARD, c)));
            let total = out.map(|(a, b)| (a.0 + b.0, false));
            relation(fit, total, &inflow);
        }
    }
}

/// Whether a relation between the rows of table 3 (R1 or R3) fails in column `c`, a 总计 row
/// left blank over parts that are not counted as their sum (as the checks count it): the
/// value that made R1 fall back on an omitted total may yet break R3.
pub(super) fn column_fails(t: &TableReading, c: usize) -> bool {
    let mut fit = Fit::default();
    between_rows_as(&mut fit, t, c..c + 1, true);
    fit.violations > 0
}

/// Every relation of table 3 holds, with enough of them non-zero to mean something: the
/// evidence a reading that places its values by position needs.
pub(super) fn holds_throughout(t: &TableReading) -> bool {
    let f = requests(t);
    f.violations == 0 && f.support >= 8
}

/// The relations between rows hold in every column of parts, with enough of them non-zero to
/// mean something (`requests_between_rows`): the evidence for where whole rows were placed.
pub(super) fn rows_in_place(t: &TableReading) -> bool {
    let f = requests_between_rows(t);
    f.violations == 0 && f.support >= 4
}

/// Rows of a table 3 reading whose printed 总计 is neither 0 nor the sum of their parts (a
/// total printed 0 beside parts that are not is the report's omitted total, DOMAIN §7.4).
pub(super) fn rows_off(t: &TableReading) -> usize {
    let total = T3_COLS.len() - 1;
    t.cells
        .0
        .iter()
        .filter(|row| {
            let mut fit = Fit::default();
            row_sum(&mut fit, &row.1);
            fit.violations > 0 && val(row.1.get(T3_COLS[total])).is_some_and(|(t, _)| t != 0.0)
        })
        .count()
}

/// R2 of one table-3 row: its six parts add up to its 总计.
fn row_sum(fit: &mut Fit, row: &OrderedMap<CellReading>) {
    let vals: Vec<Option<(f64, bool)>> = T3_COLS.iter().map(|c| val(row.get(c))).collect();
    relation(fit, vals[6], &vals[..6]);
}

/// The fit of a table 4 reading: R4 per group.
pub(super) fn review(t: &TableReading) -> Fit {
    let mut fit = Fit::default();
    for g in T4_GROUPS {
        let Some(m) = t.cells.get(g) else { continue };
        let vals: Vec<Option<(f64, bool)>> = T4_COLS.iter().map(|c| val(m.get(c))).collect();
        fit.known += vals.iter().filter(|v| v.is_some()).count() as i32;
        relation(&mut fit, vals[4], &vals[..4]);
    }
    fit
}

/// Whether two readings of a cell give the same number (blank and `na` read 0).
pub(super) fn same_value(a: &CellReading, b: &CellReading) -> bool {
    match (val(Some(a)), val(Some(b))) {
        (Some(x), Some(y)) => (x.0 - y.0).abs() < 1e-9,
        (None, None) => true,
        _ => false,
    }
}
