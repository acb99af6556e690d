//! From rows of tokens to `TableReading`s: solving each row, the cross-row
//! arithmetic of table 3, and the issues for cells that stay unknown.

use crate::document::Span;
use crate::model::{
    Blame, CellReading, CellState, ExtraRow, Form, Issue, IssueCode, OrderedMap, Severity, TableFormat, TableReading,
};

use super::cells::{self, ColKind};
use super::rows;
use super::solve::{self, Cand, Equation, RowSpec, Token};
use super::template::{T3_CARRIED_FORWARD, T3_COLS, T3_COL_LABELS, T3_RESULTS_TOTAL, T3_ROWS, T4_COLS, T4_GROUPS};

/// One row read from a document: its key, tokens, and the text region they came from.
pub(super) struct RowIn {
    pub key: &'static str,
    pub tokens: Vec<Token>,
    pub region: Span,
    /// Template column keys and kinds of this row.
    pub cols: Vec<(&'static str, ColKind)>,
    /// Known values from prose: `(column index, value)`.
    pub pins: Vec<(usize, f64)>,
    /// Per token, where its printed position is known (column-aligned text). Empty when no
    /// token has one.
    pub at: Vec<Option<Printed>>,
    /// Why the row's values cannot be placed at all, when they cannot (its cells stay
    /// unknown; `tokens` are the evidence).
    pub unreadable: Option<&'static str>,
    /// The tokens stand one a cell in the columns' order (a grid row): a row that breaks its
    /// sum is read as printed, never as cells the text printed out of order.
    pub in_order: bool,
    /// `RowSpec::every_cell`.
    pub every_cell: bool,
}

/// Where a token was printed in column-aligned text.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Printed {
    /// The page (columns shift from page to page).
    pub page: u32,
    /// Its centre, in columns of the table's pitch.
    pub x: f32,
    /// The template columns it may stand in, where the page's columns are known.
    pub cols: Option<Vec<usize>>,
}

/// The issue for cells that could not be placed.
pub(super) fn unreadable(table: &str, row: &str, cols: &[&str], msg: String) -> Issue {
    Issue {
        code: IssueCode::TableUnreadable,
        severity: Severity::Warning,
        message: msg,
        cells: cols
            .iter()
            .map(|c| if row.is_empty() { format!("{table}.{c}") } else { format!("{table}.{row}.{c}") })
            .collect(),
        expected: None,
        actual: None,
        blame: Blame::Parser,
    }
}

/// The issue for a column of table 3 that the page does not print (`col`, a `T3_COLS` index),
/// over `rows` (template keys): its cells stay unknown, for nothing was printed there.
pub(super) fn unprinted_column(col: usize, rows: &[&str]) -> Issue {
    let name = T3_COL_LABELS.iter().find(|(_, c)| *c == col).map_or("", |(l, _)| *l);
    Issue {
        code: IssueCode::TableUnreadable,
        severity: Severity::Warning,
        message: format!(
            "requests: the table leaves out the form's column {name}; its six other columns are read as the header names them, this column's cells are not known"
        ),
        cells: rows.iter().map(|r| format!("requests.{r}.{}", T3_COLS[col])).collect(),
        expected: None,
        actual: None,
        blame: Blame::Source,
    }
}

/// The issue for a table 3 printing each row's total alone (`rows`, template keys): the six
/// applicant columns' cells stay unknown, for nothing was printed there.
pub(super) fn unprinted_columns(rows: &[&str]) -> Issue {
    Issue {
        code: IssueCode::TableUnreadable,
        severity: Severity::Warning,
        message: "requests: the table prints each row's total alone (one value a row, no applicant column); \
                  the form's six applicant columns are not known"
            .to_string(),
        cells: rows.iter().flat_map(|r| T3_COLS[..6].iter().map(move |c| format!("requests.{r}.{c}"))).collect(),
        expected: None,
        actual: None,
        blame: Blame::Source,
    }
}

/// Fewest rows of a totals-only table 3 (`totals_only`).
pub(super) const MIN_TOTALS_ROWS: usize = 10;

/// Table 3 printed as its rows' totals alone (`项目 | 总计（件）` in a grid of two columns, or
/// `一、本年新收政府信息公开申请数量……154` a line each: small offices' shortened form): `rows`,
/// each template row (`T3_ROWS` index) with its one printed value and where its line ends. The
/// values are the `total` column's; the six applicant columns were not printed and stay unknown
/// (one issue names them). Only where the rows are ten or more (`MIN_TOTALS_ROWS`), each one whole
/// number, and the column adds up as table 3's totals do (new + carried over = results + carried
/// forward, the results' rows = their total): a row's one count is then all its applicants'.
pub(super) fn totals_only(
    rows: &[(usize, Token, usize)],
    format: TableFormat,
    span: Span,
    extra: &[ExtraRow],
    issues: &mut Vec<Issue>,
) -> Option<TableReading> {
    if rows.len() < MIN_TOTALS_ROWS {
        return None;
    }
    let mut rows_in = Vec::with_capacity(rows.len());
    for (i, value, end) in rows {
        solve::whole_number(value)?;
        let at = value.span()[0];
        let mut tokens: Vec<Token> = (0..T3_COLS.len() - 1).map(|_| solve::unprinted_cell(at)).collect();
        tokens.push(value.clone());
        rows_in.push(RowIn {
            key: T3_ROWS[*i].key,
            region: rows::tokens_span(&tokens[6..], *end),
            tokens,
            cols: T3_COLS.iter().map(|c| (*c, ColKind::Count)).collect(),
            pins: Vec::new(),
            at: Vec::new(),
            unreadable: None,
            in_order: true,
            every_cell: false,
        });
    }
    let value = |key: &str| rows_in.iter().find(|r| r.key == key).and_then(|r| solve::whole_number(&r.tokens[6]));
    let results: Option<i64> = rows_in
        .iter()
        .filter(|r| !matches!(r.key, "new_received" | "carried_over" | "results_total" | "carried_forward"))
        .map(|r| solve::whole_number(&r.tokens[6]))
        .sum();
    let [new, carried, total, forward] =
        ["new_received", "carried_over", "results_total", "carried_forward"].map(value);
    if new? + carried? != total? + forward? || results? != total? {
        return None;
    }
    let keys: Vec<&str> = rows_in.iter().map(|r| r.key).collect();
    let t = requests(format, rows_in, span, extra.to_vec(), issues);
    issues.push(unprinted_columns(&keys));
    Some(t)
}

/// Solves rows independently (`groups` per row) and, for table 3, jointly. Each row's tokens
/// move into the result (the rows keep the rest: keys, columns, positions).
pub(super) fn solve_rows(
    rows: &mut [RowIn],
    groups: &[(usize, usize)],
    eqs: &[Equation],
    omitted: bool,
) -> Vec<(Vec<Token>, Vec<Cand>, bool)> {
    let mut solved: Vec<(Vec<Token>, Vec<Cand>)> = Vec::with_capacity(rows.len());
    let mut overflow = Vec::with_capacity(rows.len());
    let mut kinds: Vec<ColKind> = Vec::new();
    for r in rows {
        if r.unreadable.is_some() {
            overflow.push(false);
            solved.push((std::mem::take(&mut r.tokens), Vec::new()));
            continue;
        }
        kinds.clear();
        kinds.extend(r.cols.iter().map(|c| c.1));
        let s = solve::solve_row(
            &r.tokens,
            RowSpec { kinds: &kinds, groups, omitted_totals: omitted, in_order: r.in_order, every_cell: r.every_cell },
        );
        let mut cands = s.cands;
        // A token printed under a column stands in it: placements elsewhere are dropped.
        // Where every token's column is known, that is the row as printed, whether or not
        // its sums hold; where none of the placements fits the positions of every token,
        // the row is not known.
        // A row printing a value in every column needs no positions.
        let gaps = r.tokens.len() < kinds.len();
        let all_at = gaps && !r.at.is_empty() && r.at.iter().all(Option::is_some);
        if let Some(printed) = all_at.then(|| solve::placement_at(&r.tokens, &kinds, &r.at)).flatten() {
            cands = vec![printed];
        } else if gaps && r.at.iter().any(Option::is_some) {
            let kept: Vec<Cand> =
                cands.iter().filter(|c| solve::fits_positions(c, &r.tokens, &r.at)).cloned().collect();
            if !kept.is_empty() || all_at {
                cands = kept;
            }
        }
        // Each prose number filters on its own; one the table contradicts is ignored.
        for &(col, v) in &r.pins {
            if cands.len() <= 1 {
                break;
            }
            let kept: Vec<Cand> = cands
                .iter()
                .filter(|c| solve::slot_value(&r.tokens, &c[col]).is_some_and(|x| (x - v).abs() < 1e-6))
                .cloned()
                .collect();
            if !kept.is_empty() {
                cands = kept;
            }
        }
        overflow.push(s.overflow);
        solved.push((std::mem::take(&mut r.tokens), cands));
    }
    if !eqs.is_empty() {
        // Each equation prunes assuming it holds; where the pruned rows leave some equation
        // unsatisfiable, the source does not add up and the pruning is undone (pruning one
        // column after another would otherwise leave whichever placement came last).
        let before: Vec<Vec<Cand>> = solved.iter().map(|(_, c)| c.clone()).collect();
        solve::propagate(&mut solved, eqs);
        if !eqs.iter().all(|e| solve::satisfiable(&solved, e)) {
            for ((_, c), b) in solved.iter_mut().zip(before) {
                *c = b;
            }
        }
    }
    solved.into_iter().zip(overflow).map(|((t, c), o)| (t, c, o)).collect()
}

/// Whether a row's total that only an "omitted total" placement explains (blank while its
/// parts are not) is believed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum OmittedTotal {
    /// The table omits totals (or has no total column to doubt).
    Believed,
    /// The table's other rows print their totals: believed only where the row prints a value
    /// for every part.
    UnlessEveryPart,
    /// As `UnlessEveryPart`, in a text whose blank cells vanish (rows printing five values or
    /// fewer): a row of six values may as well be five parts and a total, one part blank, so
    /// even a value for every part believes it only where printed positions placed them.
    Doubted,
    /// In a text whose cells' digits run together (rows read only by splitting runs of digits):
    /// the total may as well be glued to the last part (`…1376` = 3 and 76), so a row whose
    /// only reading leaves its total out is not known at all.
    Glued,
}

/// Cell readings of one solved row, with an issue for the cells left unknown.
pub(super) fn row_cells(
    table: &str,
    row: &RowIn,
    tokens: &[Token],
    cands: &[Cand],
    overflow: bool,
    omitted: OmittedTotal,
    issues: &mut Vec<Issue>,
) -> OrderedMap<CellReading> {
    let mut out = OrderedMap(Vec::with_capacity(row.cols.len()));
    let mut unknown = Vec::new();
    // A total left blank by every placement while its parts are not, in a table whose other
    // rows print their totals, is not known to be omitted unless the row prints a value for
    // every part: with fewer (blanks vanished), the printed total may as well be among the
    // parts of a row that does not add up. Where blanks vanish from the whole text, a value for
    // every part proves nothing either: six values may be five parts and the total, and the
    // six-part reading only stands because it adds up. Unless printed positions placed the
    // values, that reading's parts are not known then, and the whole row stays unknown.
    let last = row.cols.len().saturating_sub(1);
    let positioned = !row.at.is_empty() && row.at.iter().all(Option::is_some);
    let every_part = tokens.len() >= last;
    let doubted = match omitted {
        OmittedTotal::Believed => false,
        // (A value for every part but none more, the last more than the sum of the others, not
        // all 0: a total with one part lost as well, `39` run into the label of `2.重复申请 39 |
        // 0 1 1 | 4 | 2 | 47` read as five parts and a total, one lost.)
        OmittedTotal::UnlessEveryPart => !every_part || (tokens.len() == last && solve::last_exceeds_rest(tokens)),
        OmittedTotal::Doubted => !every_part || !positioned,
        OmittedTotal::Glued => true,
    };
    let mut read: Vec<Option<CellReading>> = (0..row.cols.len())
        .map(|i| {
            let pinned = row.pins.iter().any(|(c, _)| *c == i);
            if overflow {
                None
            } else {
                solve::settle(tokens, cands, i, row.region, pinned)
            }
        })
        .collect();
    let omitted_only = doubted
        && read.get(last).and_then(Option::as_ref).is_some_and(|c| c.inferred && c.state == CellState::Blank)
        && solve::omitted_total_only(tokens, cands, 0, last);
    // The parts of such a row were placed assuming its total left out: where its last value is
    // the sum of the others (`3 3`, `1 2 3`), a part and its total read as printed, so with the
    // total doubted the parts are not known either; so where it is more than their sum (`66 14
    // 1 2 84`, a total printed off by a slip as well as a part).
    let row_doubted = omitted_only
        && ((every_part && !positioned) || omitted == OmittedTotal::Glued || solve::last_covers_rest(tokens));
    if row_doubted {
        read.fill(None);
    } else if omitted_only {
        read[last] = None;
    }
    // What the row printed, for the cells left unknown and the issue about them.
    let raw = if read.iter().any(Option::is_none) {
        tokens.iter().map(Token::raw).collect::<Vec<_>>().join(" ")
    } else {
        String::new()
    };
    for ((key, _), cell) in row.cols.iter().zip(read) {
        if let Some(c) = cell {
            out.insert(*key, c);
        } else {
            unknown.push(*key);
            out.insert(*key, cells::unknown(&raw, row.region));
        }
    }
    if !unknown.is_empty() {
        let why = if let Some(why) = row.unreadable {
            if raw.trim().is_empty() {
                why.to_string()
            } else {
                format!("{why}; printed: {raw:?}")
            }
        } else if row_doubted && omitted == OmittedTotal::Glued {
            format!(
                "{raw:?} adds up only with its total left out, and the table's cells run together: \
                 the total may as well be among the digits"
            )
        } else if row_doubted {
            format!(
                "{raw:?} adds up only with its total left out, and the table prints its other rows' totals: \
                 the total may as well be among the values"
            )
        } else if overflow {
            format!("too many ways to split {raw:?}")
        } else if cands.is_empty() {
            if raw.trim().is_empty() {
                "the row's label is there but no numbers follow it".to_string()
            } else if row.at.iter().any(Option::is_some) {
                format!("no placement of {raw:?} fits both the template's arithmetic and where its values were printed")
            } else {
                format!("no placement of {raw:?} fits the template's arithmetic")
            }
        } else {
            let shown: Vec<String> = cands.iter().take(6).map(|c| solve::describe(tokens, c)).collect();
            let more = if cands.len() > 6 { format!(" (+{} more)", cands.len() - 6) } else { String::new() };
            format!("{} placements of {raw:?} fit: {}{more}", cands.len(), shown.join(", "))
        };
        issues.push(unreadable(table, row.key, &unknown, format!("{table} {}: {why}", row.key)));
    }
    out
}

/// The table-3 equations over the rows present: results total = sum of result
/// rows (R3) and new + carried over = results total + carried forward (R1), per column.
pub(super) fn t3_equations(keys: &[&str], format: TableFormat) -> Vec<Equation> {
    let pos = |k: &str| keys.iter().position(|x| *x == k);
    let mut eqs = Vec::new();
    let results: Vec<&str> = T3_ROWS[2..T3_RESULTS_TOTAL]
        .iter()
        .filter(|r| r.only.is_none() || r.only == format.form())
        .map(|r| r.key)
        .collect();
    let total = pos(T3_ROWS[T3_RESULTS_TOTAL].key);
    // The applicant columns only: a total may be omitted (blank while its parts are not),
    // which the total column's sums would read as 0; each row's own sum ties its total.
    for col in 0..T3_COLS.len() - 1 {
        if let Some(t) = total {
            let idx: Option<Vec<usize>> = results.iter().map(|k| pos(k)).collect();
            if let Some(idx) = idx {
                let mut terms: Vec<(usize, f64)> = idx.into_iter().map(|i| (i, 1.0)).collect();
                terms.push((t, -1.0));
                eqs.push(Equation { terms, col });
            }
        }
        if let (Some(n), Some(c), Some(t), Some(f)) =
            (pos("new_received"), pos("carried_over"), total, pos(T3_ROWS[T3_CARRIED_FORWARD].key))
        {
            eqs.push(Equation { terms: vec![(n, 1.0), (c, 1.0), (t, -1.0), (f, -1.0)], col });
        }
    }
    eqs
}

/// Where the rows of the whole-table equations are, when every one is present.
fn t3_rows(keys: &[&str], format: TableFormat) -> Option<solve::T3Rows> {
    let pos = |k: &str| keys.iter().position(|x| *x == k);
    let results = T3_ROWS[2..T3_RESULTS_TOTAL]
        .iter()
        .filter(|r| r.only.is_none() || r.only == format.form())
        .map(|r| pos(r.key))
        .collect::<Option<Vec<usize>>>()?;
    Some(solve::T3Rows {
        new: pos("new_received")?,
        carried_over: pos("carried_over")?,
        results_total: pos(T3_ROWS[T3_RESULTS_TOTAL].key)?,
        carried_forward: pos(T3_ROWS[T3_CARRIED_FORWARD].key)?,
        results,
    })
}

/// Table 3 from rows (template order): `(format, rows)`.
pub(super) fn requests(
    format: TableFormat,
    mut rows: Vec<RowIn>,
    span: Span,
    extra: Vec<ExtraRow>,
    issues: &mut Vec<Issue>,
) -> TableReading {
    let keys: Vec<&str> = rows.iter().map(|r| r.key).collect();
    let eqs = t3_equations(&keys, format);
    let mut solved = solve_rows(&mut rows, &[(0, 6)], &eqs, true);
    if let Some(t3) = t3_rows(&keys, format) {
        solve::joint_columns(&mut solved, &t3);
    }
    // Rows that may print a total, against rows whose total every placement leaves out: an
    // omitted total is believed where the table omits totals.
    let totalled = solved
        .iter()
        .filter(|(t, c, _)| c.iter().any(|c| c.len() > 6 && solve::slot_value(t, &c[6]).is_some_and(|v| v != 0.0)))
        .count();
    let omitting = solved.iter().filter(|(t, c, _)| solve::omitted_total_only(t, c, 0, 6)).count();
    // (A row printing its blanks marked may print few tokens: runs of glued cells.)
    let blanks_vanish = rows.iter().zip(&solved).any(|(r, (t, _, _))| !r.every_cell && (1..=5).contains(&t.len()));
    // Where blank cells vanish, a row of one value says nothing of an omitted total: the value
    // may be the total, or a part whose total the text printed apart from its row. Only a row
    // of two values or more that adds up with its total left out shows the table omits totals.
    // Each row of two values or more on its own, before the table's equations pruned its
    // placements: one row that does not add up (a total one off, `11 12`) adds up only with its
    // total left out, and through the equations would leave every row's total out (`40 40` read
    // as two parts, the total blank). Where other such rows read with a total of their own, that
    // one row shows a slip as well as omitted totals: two rows at least that need them show them.
    //
    // Asked only where it decides (a table whose totals may be omitted and whose blank cells
    // vanish): solving each row alone again was ~1% of a Word page's instructions, for an
    // answer most tables never read.
    let shows_omitting = || {
        if !solved.iter().any(|(t, c, _)| t.len() >= 2 && solve::omitted_total_only(t, c, 0, 6)) {
            return false;
        }
        let (mut alone_omitting, mut alone_totalled) = (0usize, 0usize);
        for (r, (t, _, _)) in rows.iter().zip(&solved) {
            if t.len() < 2 || r.unreadable.is_some() {
                continue;
            }
            let kinds: Vec<ColKind> = r.cols.iter().map(|c| c.1).collect();
            let spec = RowSpec {
                kinds: &kinds,
                groups: &[(0, 6)],
                omitted_totals: true,
                in_order: r.in_order,
                every_cell: r.every_cell,
            };
            let alone = solve::solve_row(t, spec).cands;
            if !alone.is_empty() && solve::omitted_total_only(t, &alone, 0, 6) {
                alone_omitting += 1;
            } else if alone.iter().any(|c| c.len() > 6 && solve::slot_value(t, &c[6]).is_some_and(|v| v != 0.0)) {
                alone_totalled += 1;
            }
        }
        alone_omitting >= 2 || alone_totalled == 0
    };
    let glued = solved.iter().any(|(t, c, _)| !c.is_empty() && c.iter().all(|c| solve::splits_runs(t, c)));
    // A result row of three values or more whose last is the sum of the others (`1 1 2`)
    // prints its total (tables that leave the result rows' totals blank still print those of
    // 本年新收 and 总计). Every placement of the rows may yet leave their totals out (a row's
    // own slip pushes the arithmetic there: a table whose total column moved into a part
    // column adds up as well), but that is then no evidence of omitted totals.
    let is_result = |key: &str| T3_ROWS[2..T3_RESULTS_TOTAL].iter().any(|r| r.key == key);
    let summed =
        rows.iter().zip(&solved).any(|(r, (t, _, _))| is_result(r.key) && t.len() >= 3 && solve::sums_to_last(t));
    let unglued = match (totalled > omitting, blanks_vanish) {
        (false, true) if summed || !shows_omitting() => OmittedTotal::Doubted,
        (false, _) => OmittedTotal::Believed,
        (true, false) => OmittedTotal::UnlessEveryPart,
        (true, true) => OmittedTotal::Doubted,
    };
    let mut cells = OrderedMap::default();
    for (r, (t, c, o)) in rows.iter().zip(&solved) {
        // In a table whose cells run together, a row printing each value as a word of its own
        // (no placement splits a run) whose last value cannot hold the total glued to a part
        // (`1`, or `13` where the others sum to no 3 − 1) is read as the table's other rows
        // would be.
        let own_words = !c.iter().any(|c| solve::splits_runs(t, c));
        let omitted = if glued && (!own_words || solve::total_may_be_glued(t)) { OmittedTotal::Glued } else { unglued };
        cells.insert(r.key, row_cells("requests", r, t, c, *o, omitted, issues));
    }
    let mut table = TableReading { format, cells, extra_rows: extra, span };
    unseat_misplaced(&rows, &mut table, issues);
    table
}

/// Leaves the cells `cols` of row `key` of `table` (`name`: `requests`, `proactive`) unknown,
/// what they printed kept as their raw text, with an issue `{name} {key}: {why}` about them;
/// nothing where `cols` is empty.
pub(super) fn unseat(
    table: &mut TableReading,
    name: &str,
    key: &str,
    cols: &[&str],
    why: &str,
    issues: &mut Vec<Issue>,
) {
    if cols.is_empty() {
        return;
    }
    let Some(row) = table.cells.get_mut(key) else { return };
    for col in cols {
        if let Some(cell) = row.get_mut(col) {
            *cell = cells::unknown(&cell.raw, cell.span);
        }
    }
    issues.push(unreadable(name, key, cols, format!("{name} {key}: {why}")));
}

/// Column-aligned text estimates each page's columns from its own rows (a page whose rows all
/// lost blank cells may be estimated a column off): a cell placed there by its printed position
/// (`inferred`) in a column of parts whose relations between rows then fail is not known.
fn unseat_misplaced(rows: &[RowIn], table: &mut TableReading, issues: &mut Vec<Issue>) {
    if rows.iter().all(|r| r.at.is_empty()) {
        return;
    }
    let failing: Vec<usize> = (0..T3_COLS.len() - 1).filter(|&c| super::fit::column_fails(table, c)).collect();
    if failing.is_empty() {
        return;
    }
    for r in rows.iter().filter(|r| !r.at.is_empty()) {
        let Some(row) = table.cells.get(r.key) else { continue };
        let placed: Vec<&'static str> =
            failing.iter().map(|&c| T3_COLS[c]).filter(|col| row.get(col).is_some_and(|cell| cell.inferred)).collect();
        let why = "placed by printed positions in columns whose relations between rows fail";
        unseat(table, "requests", r.key, &placed, why, issues);
    }
}

/// Table 4 from its one row of 15 tokens.
pub(super) fn review(mut row: RowIn, span: Span, issues: &mut Vec<Issue>) -> TableReading {
    let solved = solve_rows(std::slice::from_mut(&mut row), &[(0, 4), (5, 9), (10, 14)], &[], false);
    let (t, c, o) = &solved[0];
    let flat = row_cells("review_litigation", &row, t, c, *o, OmittedTotal::Believed, issues);
    let mut cells = OrderedMap::default();
    for (g, group) in T4_GROUPS.iter().enumerate() {
        let mut m = OrderedMap::default();
        for (k, col) in T4_COLS.iter().enumerate() {
            if let Some(cell) = flat.get(&format!("{group}.{col}")).or_else(|| flat.0.get(g * 5 + k).map(|(_, v)| v)) {
                m.insert(*col, cell.clone());
            }
        }
        cells.insert(*group, m);
    }
    // Issue paths name the flat columns `review.upheld` etc. already.
    TableReading { format: TableFormat::Other, cells, extra_rows: Vec::new(), span }
}

/// Table 4 as one row of its 15 values in the form's order (group by group, each value already
/// in its cell's place: a grid's cells, or values placed by their names), its region from the
/// tokens.
pub(super) fn t4_row(tokens: Vec<Token>, start: usize) -> RowIn {
    let region = rows::tokens_span(&tokens, start);
    RowIn {
        key: "",
        tokens,
        region,
        cols: t4_flat_cols(),
        pins: Vec::new(),
        at: Vec::new(),
        unreadable: None,
        in_order: true,
        every_cell: false,
    }
}

/// The 15 flat column keys of table 4 (`review.upheld` …) as static strs.
pub(super) fn t4_flat_cols() -> Vec<(&'static str, ColKind)> {
    const FLAT: [&str; 15] = [
        "review.upheld",
        "review.corrected",
        "review.other",
        "review.pending",
        "review.total",
        "litigation_direct.upheld",
        "litigation_direct.corrected",
        "litigation_direct.other",
        "litigation_direct.pending",
        "litigation_direct.total",
        "litigation_after_review.upheld",
        "litigation_after_review.corrected",
        "litigation_after_review.other",
        "litigation_after_review.pending",
        "litigation_after_review.total",
    ];
    FLAT.iter().map(|k| (*k, ColKind::Count)).collect()
}

/// Column kind of a table 2 column key (SPEC §4).
pub(super) fn t2_kind(col: &str) -> ColKind {
    match col {
        "change" => ColKind::Signed,
        "amount" => ColKind::Yuan,
        "amount_10k_yuan" => ColKind::Wan,
        _ => ColKind::Count,
    }
}

/// Table 2 from its item rows.
pub(super) fn proactive(
    format: Form,
    mut rows: Vec<RowIn>,
    span: Span,
    extra: Vec<ExtraRow>,
    issues: &mut Vec<Issue>,
) -> TableReading {
    let solved = solve_rows(&mut rows, &[], &[], false);
    let mut cells = OrderedMap::default();
    for (r, (t, c, o)) in rows.iter().zip(&solved) {
        cells.insert(r.key, row_cells("proactive", r, t, c, *o, OmittedTotal::Believed, issues));
    }
    TableReading { format: format.into(), cells, extra_rows: extra, span }
}
