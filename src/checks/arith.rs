//! Table arithmetic (DOMAIN §7): R1 the per-column balance of table 3, R2 its
//! row totals, R3 its results total, R4 the group totals of table 4; blank
//! totals (§7.4), negative counts in table 2, and numbers cut in two.
//!
//! A blank total whose parts are not all zero is a *total omitted* (the Shanghai
//! 2019 table leaves the 总计 of every result row blank): it raises
//! `T3_TOTAL_OMITTED` instead of the arithmetic error for that cell, and the
//! other relations that use the cell count it as the sum of its parts, so one
//! omission is reported once and not again as a broken column sum.

use crate::model::{Blame, CellReading, Form, Issue, IssueCode, Severity, TableFormat, TableReading};
use crate::tables::template::{T3_CARRIED_FORWARD, T3_COLS, T3_RESULTS_TOTAL, T3_ROWS, T4_COLS, T4_GROUPS};

use super::{issue, same, show};

/// One cell as the checks see it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Val {
    /// A value; `blank` for blank and `na` cells, which count as 0.
    Known { v: f64, blank: bool },
    /// Null, text, or absent: takes no part in arithmetic.
    Unknown,
}

impl Val {
    pub(super) fn value(self) -> Option<f64> {
        match self {
            Val::Known { v, .. } => Some(v),
            Val::Unknown => None,
        }
    }
    fn is_blank(self) -> bool {
        matches!(self, Val::Known { blank: true, .. })
    }
    fn nonzero(self) -> bool {
        matches!(self, Val::Known { v, .. } if v != 0.0)
    }
    fn derived(v: Option<f64>) -> Val {
        v.map_or(Val::Unknown, |v| Val::Known { v, blank: false })
    }
}

pub(super) fn read(cell: Option<&CellReading>) -> Val {
    let Some(c) = cell else { return Val::Unknown };
    if c.state.counts_as_zero() {
        return Val::Known { v: 0.0, blank: true };
    }
    match c.value.map(super::super::model::Number::as_f64) {
        Some(v) if v.is_finite() => Val::Known { v, blank: false },
        _ => Val::Unknown,
    }
}

/// The sum of values when all are known.
fn sum(vals: impl IntoIterator<Item = Val>) -> Option<f64> {
    vals.into_iter().map(Val::value).sum()
}

const N_ROWS: usize = T3_ROWS.len();
const N_COLS: usize = T3_COLS.len();
/// Index of the `total` column; the six before it are the applicant columns.
const TOTAL: usize = N_COLS - 1;
const RT: usize = T3_RESULTS_TOTAL;
const CF: usize = T3_CARRIED_FORWARD;
const NEW: usize = 0;
const CARRIED_OVER: usize = 1;

fn t3_path(r: usize, c: usize) -> String {
    format!("requests.{}.{}", T3_ROWS[r].key, T3_COLS[c])
}

/// Table 3 as the checks see it: every template row and column, read and
/// *effective* (omitted totals replaced by the sum of their parts).
pub(super) struct Grid<'a> {
    cells: [[Option<&'a CellReading>; N_COLS]; N_ROWS],
    present: [bool; N_ROWS],
    read: [[Val; N_COLS]; N_ROWS],
    pub(super) eff: [[Val; N_COLS]; N_ROWS],
    /// Omitted totals in the order found: `(row, col, sum of parts if known)`.
    omitted: Vec<(usize, usize, Option<f64>)>,
    /// The result rows summed by R3, when every one of them is present.
    results: Option<Vec<usize>>,
}

impl<'a> Grid<'a> {
    pub(super) fn new(t: &'a TableReading) -> Grid<'a> {
        let mut cells = [[None; N_COLS]; N_ROWS];
        let mut present = [false; N_ROWS];
        for (r, row) in T3_ROWS.iter().enumerate() {
            if let Some(m) = t.cells.get(row.key) {
                present[r] = true;
                for (c, col) in T3_COLS.iter().enumerate() {
                    cells[r][c] = m.get(col);
                }
            }
        }
        let mut read_vals = [[Val::Unknown; N_COLS]; N_ROWS];
        for r in 0..N_ROWS {
            for c in 0..N_COLS {
                read_vals[r][c] = read(cells[r][c]);
            }
        }
        let results = result_rows(t.format, &present);
        let mut g = Grid { cells, present, read: read_vals, eff: read_vals, omitted: Vec::new(), results };
        g.settle_omitted();
        g
    }

    /// Finds blank totals with non-zero parts and gives them the sum of their parts.
    fn settle_omitted(&mut self) {
        // Row totals (R2) of every row but the results total.
        for r in (0..N_ROWS).filter(|&r| r != RT && self.present[r]) {
            if self.read[r][TOTAL].is_blank() && self.read[r][..TOTAL].iter().any(|v| v.nonzero()) {
                let derived = sum(self.read[r][..TOTAL].iter().copied());
                self.eff[r][TOTAL] = Val::derived(derived);
                self.omitted.push((r, TOTAL, derived));
            }
        }
        if !self.present[RT] {
            return;
        }
        // Column totals (R3) of the results total row.
        if let Some(rows) = self.results.clone() {
            for c in 0..TOTAL {
                let parts = || rows.iter().map(|&r| self.eff[r][c]);
                if self.read[RT][c].is_blank() && parts().any(Val::nonzero) {
                    let derived = sum(parts());
                    self.eff[RT][c] = Val::derived(derived);
                    self.omitted.push((RT, c, derived));
                }
            }
        }
        // The grand total is a total both ways: either sum will do.
        if self.read[RT][TOTAL].is_blank() {
            let by_row = || self.eff[RT][..TOTAL].iter().copied();
            let by_col = self.results.as_ref().map(|rows| rows.iter().map(|&r| self.eff[r][TOTAL]).collect::<Vec<_>>());
            let col_nonzero = by_col.as_ref().is_some_and(|v| v.iter().any(|x| x.nonzero()));
            if by_row().any(Val::nonzero) || col_nonzero {
                let derived = sum(by_row()).or_else(|| by_col.and_then(sum));
                self.eff[RT][TOTAL] = Val::derived(derived);
                self.omitted.push((RT, TOTAL, derived));
            }
        }
    }

    fn is_omitted(&self, r: usize, c: usize) -> bool {
        self.omitted.iter().any(|&(or, oc, _)| or == r && oc == c)
    }

    /// R2 on row `r` with effective values: `(total, sum of parts)` when all are known.
    fn row_sum(&self, eff: &[[Val; N_COLS]; N_ROWS], r: usize) -> Option<(f64, f64)> {
        if !self.present[r] || self.is_omitted(r, TOTAL) {
            return None;
        }
        Some((eff[r][TOTAL].value()?, sum(eff[r][..TOTAL].iter().copied())?))
    }

    /// R3 in column `c`: `(results total, sum of result rows)`.
    fn results_sum(&self, eff: &[[Val; N_COLS]; N_ROWS], c: usize) -> Option<(f64, f64)> {
        let rows = self.results.as_ref()?;
        if !self.present[RT] || self.is_omitted(RT, c) {
            return None;
        }
        Some((eff[RT][c].value()?, sum(rows.iter().map(|&r| eff[r][c]))?))
    }

    /// R1 in column `c`: `(new + carried over, results total + carried forward)`.
    fn balance(&self, eff: &[[Val; N_COLS]; N_ROWS], c: usize) -> Option<(f64, f64)> {
        if ![NEW, CARRIED_OVER, RT, CF].iter().all(|&r| self.present[r]) {
            return None;
        }
        let inflow = eff[NEW][c].value()? + eff[CARRIED_OVER][c].value()?;
        let outflow = eff[RT][c].value()? + eff[CF][c].value()?;
        Some((inflow, outflow))
    }

    /// Every relation that fails on `eff`: `(kind, index)` with kind 1 = R1, 2 = R2, 3 = R3.
    fn failures(&self, eff: &[[Val; N_COLS]; N_ROWS]) -> Vec<(u8, usize)> {
        let mut out = Vec::new();
        for c in 0..N_COLS {
            if matches!(self.balance(eff, c), Some((a, b)) if !same(a, b)) {
                out.push((1, c));
            }
            if matches!(self.results_sum(eff, c), Some((a, b)) if !same(a, b)) {
                out.push((3, c));
            }
        }
        for r in 0..N_ROWS {
            if matches!(self.row_sum(eff, r), Some((a, b)) if !same(a, b)) {
                out.push((2, r));
            }
        }
        out
    }

    /// Whether a relation uses a total taken as the sum of its parts.
    fn uses_derived(&self, cells: &[(usize, usize)]) -> bool {
        cells.iter().any(|&(r, c)| self.is_omitted(r, c))
    }
}

/// The result rows R3 sums (DOMAIN §7.2): the 18 common rows and `other` (2019)
/// or the three `other_*` rows (2021); for a table of unknown format whichever
/// variant is fully present. `None` when a row is missing: R3 cannot be checked.
fn result_rows(format: TableFormat, present: &[bool; N_ROWS]) -> Option<Vec<usize>> {
    let variant =
        |f: Form| -> Vec<usize> { (2..RT).filter(|&r| T3_ROWS[r].only.is_none_or(|o| o == f)).collect::<Vec<_>>() };
    let order = if format == TableFormat::F2021 { [Form::F2021, Form::F2019] } else { [Form::F2019, Form::F2021] };
    order.into_iter().map(variant).find(|rows| rows.iter().all(|&r| present[r]))
}

const NOTE_DERIVED: &str = " (a blank total counted as the sum of its parts)";

/// Checks of table 3 (`requests`): R1, R2, R3, omitted totals, numbers cut in two.
pub(super) fn requests(t: &TableReading, issues: &mut Vec<Issue>) {
    let g = Grid::new(t);
    for &(r, c, derived) in &g.omitted {
        let what = if r == RT && c != TOTAL {
            format!("the results total of column {}", T3_COLS[c])
        } else {
            format!("the total of row {}", T3_ROWS[r].key)
        };
        let parts = derived.map_or(String::new(), |d| format!(" (they add up to {})", show(d)));
        issues.push(issue(
            IssueCode::T3TotalOmitted,
            Severity::Warning,
            Blame::Source,
            format!("{what} is left blank while its parts are not all zero{parts}"),
            vec![t3_path(r, c)],
            derived,
            None,
        ));
    }
    for (c, col) in T3_COLS.iter().enumerate() {
        if let Some((inflow, outflow)) = g.balance(&g.eff, c) {
            if !same(inflow, outflow) {
                let cells = [(NEW, c), (CARRIED_OVER, c), (RT, c), (CF, c)];
                let note = if g.uses_derived(&cells) { NOTE_DERIVED } else { "" };
                issues.push(issue(
                    IssueCode::T3Balance,
                    Severity::Error,
                    Blame::Source,
                    format!(
                        "column {col}: new_received + carried_over = {} but results_total + carried_forward = {}{note}",
                        show(inflow),
                        show(outflow)
                    ),
                    cells.iter().map(|&(r, c)| t3_path(r, c)).collect(),
                    Some(inflow),
                    Some(outflow),
                ));
            }
        }
    }
    for (r, row) in T3_ROWS.iter().enumerate() {
        if let Some((total, parts)) = g.row_sum(&g.eff, r) {
            if !same(total, parts) {
                let cells: Vec<(usize, usize)> = (0..N_COLS).map(|c| (r, (c + TOTAL) % N_COLS)).collect();
                let note = if g.uses_derived(&cells) { NOTE_DERIVED } else { "" };
                issues.push(issue(
                    IssueCode::T3RowSum,
                    Severity::Error,
                    Blame::Source,
                    format!(
                        "row {}: total is {} but the six applicant columns add up to {}{note}",
                        row.key,
                        show(total),
                        show(parts)
                    ),
                    cells.iter().map(|&(r, c)| t3_path(r, c)).collect(),
                    Some(parts),
                    Some(total),
                ));
            }
        }
    }
    if let Some(rows) = &g.results {
        for (c, col) in T3_COLS.iter().enumerate() {
            if let Some((total, parts)) = g.results_sum(&g.eff, c) {
                if !same(total, parts) {
                    let cells: Vec<(usize, usize)> =
                        std::iter::once((RT, c)).chain(rows.iter().map(|&r| (r, c))).collect();
                    let note = if g.uses_derived(&cells) { NOTE_DERIVED } else { "" };
                    issues.push(issue(
                        IssueCode::T3ResultsSum,
                        Severity::Error,
                        Blame::Source,
                        format!(
                            "column {col}: results_total is {} but the result rows add up to {}{note}",
                            show(total),
                            show(parts)
                        ),
                        cells.iter().map(|&(r, c)| t3_path(r, c)).collect(),
                        Some(parts),
                        Some(total),
                    ));
                }
            }
        }
    }
    split_digits_t3(&g, issues);
}

/// A non-negative integer value of a cell that holds a number (not a blank).
fn whole(v: Val) -> Option<u64> {
    match v {
        Val::Known { v, blank: false } if v >= 0.0 && v.fract() == 0.0 && v < 1e12 => Some(v as u64),
        _ => None,
    }
}

/// `a` and `b` written one after the other (`7`, `1` → 71), if `a` could open a number.
fn joined(a: u64, b: u64) -> Option<u64> {
    if a == 0 {
        return None;
    }
    let digits = b.checked_ilog10().unwrap_or(0) + 1;
    a.checked_mul(10u64.checked_pow(digits)?)?.checked_add(b)
}

/// Whose fault a cut number is: the parser's when it split a digit run itself
/// (inferred cells, or both cells from one stretch of text), else the source's.
fn cut_blame(a: Option<&CellReading>, b: Option<&CellReading>) -> Blame {
    match (a, b) {
        (Some(a), Some(b)) if a.inferred || b.inferred || a.span == b.span => Blame::Parser,
        _ => Blame::Source,
    }
}

/// A row whose total fails (R2) where reading two adjacent applicant cells as
/// one number (and the cells after them moved one column left) makes the row
/// add up without breaking a relation that held. Of such repairs the one that
/// leaves the fewest relations failing is flagged, when it is the only one.
/// Values are not changed.
fn split_digits_t3(g: &Grid<'_>, issues: &mut Vec<Issue>) {
    let before = g.failures(&g.eff);
    for r in 0..N_ROWS {
        if !before.contains(&(2, r)) {
            continue;
        }
        let mut found = Vec::new();
        for i in 0..TOTAL - 1 {
            let (Some(a), Some(b)) = (whole(g.read[r][i]), whole(g.read[r][i + 1])) else { continue };
            let Some(j) = joined(a, b) else { continue };
            let mut eff = g.eff;
            eff[r][i] = Val::Known { v: j as f64, blank: false };
            eff[r].copy_within(i + 2..TOTAL, i + 1);
            eff[r][TOTAL - 1] = Val::Known { v: 0.0, blank: true };
            let after = g.failures(&eff);
            let fixed = !after.contains(&(2, r));
            let broke = after.iter().any(|f| !before.contains(f));
            if fixed && !broke {
                found.push((after.len(), i, a, b, j));
            }
        }
        let Some(best) = found.iter().map(|f| f.0).min() else { continue };
        found.retain(|f| f.0 == best);
        if let [(_, i, a, b, j)] = found[..] {
            issues.push(issue(
                IssueCode::SplitDigits,
                Severity::Warning,
                cut_blame(g.cells[r][i], g.cells[r][i + 1]),
                format!(
                    "row {}: {} {} and {} {} look like one number {} cut in two; read as {} the row adds up to its total",
                    T3_ROWS[r].key,
                    T3_COLS[i],
                    a,
                    T3_COLS[i + 1],
                    b,
                    j,
                    j
                ),
                vec![t3_path(r, i), t3_path(r, i + 1)],
                Some(j as f64),
                Some(a as f64),
            ));
        }
    }
}

/// The effective total of a table 4 group: the cell, or the sum of the parts
/// when the total is omitted.
pub(super) fn t4_total(t: &TableReading, group: &str) -> Option<f64> {
    let m = t.cells.get(group)?;
    let vals: Vec<Val> = T4_COLS.iter().map(|c| read(m.get(c))).collect();
    let total = vals[T4_COLS.len() - 1];
    if total.is_blank() && vals[..T4_COLS.len() - 1].iter().any(|v| v.nonzero()) {
        return sum(vals[..T4_COLS.len() - 1].iter().copied());
    }
    total.value()
}

/// Checks of table 4 (`review_litigation`): R4 per group, omitted totals, numbers cut in two.
pub(super) fn review(t: &TableReading, issues: &mut Vec<Issue>) {
    let n = T4_COLS.len();
    let path = |g: &str, c: usize| format!("review_litigation.{g}.{}", T4_COLS[c]);
    for group in T4_GROUPS {
        let Some(m) = t.cells.get(group) else { continue };
        let cells: Vec<Option<&CellReading>> = T4_COLS.iter().map(|c| m.get(c)).collect();
        let vals: Vec<Val> = cells.iter().map(|c| read(*c)).collect();
        let (parts, total) = (&vals[..n - 1], vals[n - 1]);
        if total.is_blank() {
            if parts.iter().any(|v| v.nonzero()) {
                let derived = sum(parts.iter().copied());
                let add = derived.map_or(String::new(), |d| format!(" (they add up to {})", show(d)));
                issues.push(issue(
                    IssueCode::T3TotalOmitted,
                    Severity::Warning,
                    Blame::Source,
                    format!("the total of group {group} is left blank while its parts are not all zero{add}"),
                    vec![path(group, n - 1)],
                    derived,
                    None,
                ));
            }
            continue;
        }
        let (Some(total), Some(parts_sum)) = (total.value(), sum(parts.iter().copied())) else { continue };
        if same(total, parts_sum) {
            continue;
        }
        issues.push(issue(
            IssueCode::T4GroupSum,
            Severity::Error,
            Blame::Source,
            format!(
                "group {group}: total is {} but upheld + corrected + other + pending = {}",
                show(total),
                show(parts_sum)
            ),
            std::iter::once(n - 1).chain(0..n - 1).map(|c| path(group, c)).collect(),
            Some(parts_sum),
            Some(total),
        ));
        // A cut number: two adjacent parts read as one make the group add up.
        let mut found = Vec::new();
        for i in 0..n - 2 {
            let (Some(a), Some(b)) = (whole(parts[i]), whole(parts[i + 1])) else { continue };
            let Some(j) = joined(a, b) else { continue };
            if same(parts_sum - a as f64 - b as f64 + j as f64, total) {
                found.push((i, a, b, j));
            }
        }
        if let [(i, a, b, j)] = found[..] {
            issues.push(issue(
                IssueCode::SplitDigits,
                Severity::Warning,
                cut_blame(cells[i], cells[i + 1]),
                format!(
                    "group {group}: {} {} and {} {} look like one number {} cut in two; read as {} the group adds up to its total",
                    T4_COLS[i],
                    a,
                    T4_COLS[i + 1],
                    b,
                    j,
                    j
                ),
                vec![path(group, i), path(group, i + 1)],
                Some(j as f64),
                Some(a as f64),
            ));
        }
    }
}

/// Table 2 (`proactive`): every count is ≥ 0; only the 2019 `change` (本年增/减)
/// is signed (DOMAIN §3.2, §7.2 R5). Extra rows are not judged: their columns
/// are not known.
pub(super) fn proactive(t: &TableReading, issues: &mut Vec<Issue>) {
    for (item, cols) in t.cells.iter() {
        for (col, cell) in cols.iter() {
            if col == "change" {
                continue;
            }
            let Some(v) = read(Some(cell)).value() else { continue };
            if v < 0.0 {
                issues.push(issue(
                    IssueCode::T2Negative,
                    Severity::Error,
                    Blame::Source,
                    format!("{item} {col} is negative ({}); only a 2019 change (本年增/减) may be", show(v)),
                    vec![format!("proactive.{item}.{col}")],
                    None,
                    Some(v),
                ));
            }
        }
    }
}
