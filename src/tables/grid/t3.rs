//! Table 3 (requests) from grid rows: rows identified by their labels, the format they
//! show, unlabelled rows placed, every alignment combination read and judged.

use crate::model::{CellState, ExtraRow, Form, Issue, TableFormat, TableReading};

use crate::tables::build::{self, RowIn};
use crate::tables::cells::{self, ColKind};
use crate::tables::fit;
use crate::tables::rows;
use crate::tables::solve::{self, whole_number, Token};
use crate::tables::template::{self, T3Label, T3_COLS, T3_COL_LABELS, T3_LABELS, T3_ROWS};

use super::{
    alignments, cell_tokens, flat_tokens, grow, header_columns, judge, keep_placed, key_of, place, placed, row_tokens,
    tokens_of, Align, GRow, Placed, PlacementKey, Reading, RowCell, MAX_COMBOS, T3_AC,
};

/// How a table-3 grid row was identified.
pub(super) enum T3Kind {
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

pub(super) fn t3_kind(row: &GRow, group_other: &mut bool, first_value_col: Option<usize>) -> T3Kind {
    // Under a header naming every column, cells in its value columns are values, whatever
    // they print (`不详`); the label cells stand left of them.
    let is_label = |c: &RowCell| !c.value_like && first_value_col.is_none_or(|f| c.c0 < f);
    let tail_has_cells = match first_value_col {
        Some(f) => row.cells.iter().any(|c| c.c0 >= f) || !row.tail().is_empty(),
        None => !row.tail().is_empty(),
    };
    // The row's own label is its rightmost label cell (cells to its left are the group
    // labels spanning from above): the last label hit that reaches into that cell.
    let labels: Vec<String> = row.cells.iter().filter(|c| is_label(c)).map(|c| c.key.clone()).collect();
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
pub(super) fn is_ordinal_only(label: &str) -> bool {
    label.chars().all(|c| c.is_ascii_digit() || "().、．,一二三四五六七八九十".contains(c))
}

/// The table-3 format its rows show: 2021 has the three （六） rows, 2019 one.
pub(super) fn t3_format(rows: &[usize], group_other: bool, unlabelled: usize) -> TableFormat {
    if rows.iter().any(|&i| T3_ROWS[i].only == Some(Form::F2021)) || group_other {
        TableFormat::F2021
    } else if rows.contains(&20) {
        TableFormat::F2019
    } else if rows.len() + unlabelled == 25 {
        TableFormat::F2021
    } else if rows.len() + unlabelled == 23 {
        TableFormat::F2019
    } else {
        TableFormat::Other
    }
}

pub(super) fn requests(rows: &[GRow], issues: &mut Vec<Issue>) -> Option<TableReading> {
    let mut span: Option<[usize; 2]> = None;
    let mut group_other = false;
    // Header names per grid: (template column, grid column).
    let mut named: Vec<(usize, Vec<(usize, usize)>)> = Vec::new();
    let mut kinds: Vec<(usize, T3Kind)> = Vec::new();
    let mut extra: Vec<ExtraRow> = Vec::new();
    // The first value column the header names, for the grid of the rows just read.
    let mut first_col: Option<(usize, Option<usize>)> = None;
    for (k, row) in rows.iter().enumerate() {
        grow(&mut span, row.span);
        if !row.any_number() {
            // Header cells name the columns. A row naming one column only (`总计`) once
            // every column is named is the all-blank （七）总计 data row (its label compacts
            // to 总计), not a header, also where a tool repeats its merged label cell
            // (python-docx's `cell.text` of each grid column: `（七）总计 | （七）总计`).
            let cols: Vec<(usize, usize)> = row
                .cells
                .iter()
                .filter_map(|c| t3_col_label(&c.key).map(|col| (col, c.c0)))
                .chain(
                    row.cells
                        .iter()
                        .filter(|c| SUBTOTAL_WORDS.contains(&c.key.as_str()))
                        .flat_map(|c| (c.c0..=c.c1).map(|g| (EXTRA_COL, g))),
                )
                .chain(
                    row.cells
                        .iter()
                        .filter(|c| template::REMARK_WORDS.contains(&c.key.as_str()))
                        .map(|c| (NOTES, c.c0)),
                )
                .chain(row.cells.iter().filter(|c| c.key.starts_with("其中")).map(|c| (PART_COL, c.c0)))
                .collect();
            let slot = named.iter().position(|(t, _)| *t == row.table);
            let distinct = |v: &[(usize, usize)]| (0..7).filter(|c| v.iter().any(|(x, _)| x == c)).count();
            let complete = slot.is_some_and(|s| distinct(&named[s].1) == 7);
            let names = {
                let mut n: Vec<usize> = cols.iter().map(|(col, _)| *col).collect();
                n.sort_unstable();
                n.dedup();
                n.len()
            };
            if names >= 2 || (names == 1 && !complete) {
                // And every grid column a column's label covers (a label over two grid columns
                // of an uneven grid): no column the template lacks.
                let covered = row
                    .cells
                    .iter()
                    .filter(|c| t3_col_label(&c.key).is_some())
                    .flat_map(|c| (c.c0..=c.c1).map(|g| (LABELLED, g)));
                let cols: Vec<(usize, usize)> = cols.into_iter().chain(covered).collect();
                match slot {
                    Some(s) => named[s].1.extend(cols),
                    None => named.push((row.table, cols)),
                }
                first_col = None;
                continue;
            }
        }
        let first_value_col = match first_col {
            Some((t, f)) if t == row.table => f,
            _ => {
                let f = named
                    .iter()
                    .find(|(t, _)| *t == row.table)
                    .and_then(|(_, n)| header_columns(n, T3_COLS.len()))
                    .and_then(|h| h.iter().min().copied());
                first_col = Some((row.table, f));
                f
            }
        };
        let kind = t3_kind(row, &mut group_other, first_value_col);
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
    // (Only where a row of values lost its label: grids whose every row kept its label are read
    // by their labels, whatever paragraphs stand around them, as when a pipeline prints a page's
    // text and then the page's tables again.)
    let unlabelled_values = kinds.iter().any(|(k, kind)| matches!(kind, T3Kind::Unlabelled) && rows[*k].any_number());
    let scattered = unlabelled_values
        && rows
            .iter()
            .any(|r| (r.labels_around.0 && r.table != first_table) || (r.labels_around.1 && r.table == last_table));
    // Placing by position reads the rows as identified, before labels are joined to rows.
    let positional = if scattered { by_position(rows, &kinds) } else { None };
    // A row of words only the table reader has no place for (a group label's piece, a wrapped
    // label's line).
    let words_only = |(k, kind): &(usize, T3Kind)| matches!(kind, T3Kind::Skip) && !rows[*k].any_number();
    for j in 1..kinds.len() {
        let prev = kinds[j - 1].0;
        let T3Kind::Row(i) = kinds[j - 1].1 else { continue };
        if kinds[j].0 != prev + 1 || !rows[prev].tail().iter().all(RowCell::is_empty) {
            continue;
        }
        // The row after it, past rows of words only a group label's piece left between them
        // (`2.申请人逾期未按收费通知` / `他处理` / `要求缴纳费用…  9 0 0 0 0 2 11`, a table drawn
        // without rules, a line a row).
        let mut n = j;
        while n + 1 < kinds.len() && words_only(&kinds[n]) && kinds[n + 1].0 == kinds[n].0 + 1 {
            n += 1;
        }
        // The next labelled row after it.
        let after = kinds[n + 1..].iter().position(|(_, k)| matches!(k, T3Kind::Row(_))).map(|b| n + 1 + b);
        let after_has_values =
            !scattered && after.is_some_and(|b| rows[kinds[b].0].tail().iter().any(|c| !c.is_empty()));
        // The label goes on under the values (`5.要求行政机关确认或重新` / `7 0 1 0 0 0 8` /
        // `出具已获取信息`): the values stand inside its cell, not the next row's.
        let wrapped_around = !scattered
            && kinds
                .get(n + 1)
                .is_some_and(|next| words_only(next) && next.0 == kinds[n].0 + 1 && !rows[next.0].label.is_empty());
        let takes = match kinds[n].1 {
            // (A label opening with an item's number, `2.其他法律行政法` cut short where its cell
            // wrapped, is another item's, not the rest of this one's.)
            // Nor is a label the row's printed label does not go on with.
            T3Kind::Extra => {
                let row = &rows[kinds[n].0];
                let pieces = || row.cells.iter().filter(|c| !c.value_like && !c.text.trim().is_empty());
                !scattered && !opens_with_item_number(&row.label) && pieces().all(|c| continues_label(c.text, i))
            }
            T3Kind::Unlabelled => wrapped_around || after_has_values,
            _ => continue,
        };
        if takes {
            kinds[j - 1].1 = T3Kind::Skip;
            kinds[n].1 = T3Kind::Row(i);
        } else {
            kinds[j - 1].1 = T3Kind::Unknown(i);
            kinds[n].1 = T3Kind::Skip;
            if let Some(b) = after {
                if let T3Kind::Row(ib) = kinds[b].1 {
                    kinds[b].1 = T3Kind::Unknown(ib);
                }
            }
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
    let order = template::t3_rows_of(format);
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
        // order); that reading stands when the table's arithmetic holds throughout, or holds
        // between the rows in every column of parts, or when the table prints no number but 0
        // in every cell.
        if let Some((format, by_position, short)) = positional {
            let span = span.unwrap_or_default();
            let why = "a row of values placed by position does not print all seven values";
            let placed = |t: &TableReading| fit::holds_throughout(t) || fit::rows_in_place(t) || zeros_throughout(t);
            if short.len() <= 2 {
                let readings = t3_readings(rows, &by_position, &short, why, &named, format, span, &extra, false);
                if readings.iter().any(|r| placed(&r.table)) {
                    return judge("requests", readings, issues);
                }
            }
            // Rows that lost their blank cells (a converter dropped them, or merged two cells
            // into one): every row's values in order, none by its place in the moved grid,
            // placed where the table's arithmetic leaves one way only.
            if !short.is_empty() {
                let readings = t3_readings(rows, &by_position, &[], why, &named, format, span, &extra, true);
                if readings.iter().any(|r| fit::holds_throughout(&r.table)) {
                    return judge("requests", readings, issues);
                }
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
        // Rows of values no position placed (more of them between two labels than template
        // rows there: values printed above their labels as well as below): a labelled row
        // without values of its own is not known to print blanks, its values may be those.
        let left = kinds.iter().any(|(k, kind)| {
            matches!(kind, T3Kind::Unlabelled) && rows[*k].any_number() && !assigned.iter().any(|(a, _)| a == k)
        });
        if left {
            for (k, _) in &assigned {
                if rows[*k].tail().iter().all(RowCell::is_empty) && !unknown.contains(k) {
                    unknown.push(*k);
                }
            }
        }
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
    if !scattered {
        if let Some(t) = totals_only(rows, &assigned, format, span, &extra, issues) {
            return Some(t);
        }
    }
    let readings = t3_readings(rows, &assigned, &unknown, why, &named, format, span, &extra, false);
    judge("requests", readings, issues)
}

/// Table 3 printed as its rows' totals alone in a grid of two columns, each row's label and one
/// number (`build::totals_only`), all in one grid.
fn totals_only(
    rows: &[GRow],
    assigned: &[(usize, usize)],
    format: TableFormat,
    span: [usize; 2],
    extra: &[ExtraRow],
    issues: &mut Vec<Issue>,
) -> Option<TableReading> {
    let table = rows[assigned.first()?.0].table;
    let one_grid = assigned.iter().all(|(k, _)| rows[*k].table == table && rows[*k].width == 2);
    if !one_grid {
        return None;
    }
    let mut values = Vec::with_capacity(assigned.len());
    for &(k, i) in assigned {
        let [value] = flat_tokens(rows[k].tail()).try_into().ok()?;
        values.push((i, value, rows[k].span[1]));
    }
    build::totals_only(&values, format, span, extra, issues)
}

/// The rows holding numbers placed on the template's rows by position: `(format, (grid
/// row, template row), rows that do not give seven values)`, when there are exactly as
/// many as one format's rows, every row that kept its label sits at that label's place
/// (three at least).
#[allow(clippy::type_complexity)]
pub(super) fn by_position(
    rows: &[GRow],
    kinds: &[(usize, T3Kind)],
) -> Option<(TableFormat, Vec<(usize, usize)>, Vec<usize>)> {
    // Rows printing blank marks only (`Cell::marked`) are rows of values too: the template's
    // rows then count every row. Where they do not (a row's marks and numbers printed on two
    // lines), the rows with numbers are placed as before.
    by_position_of(rows, kinds, true).or_else(|| by_position_of(rows, kinds, false))
}

#[allow(clippy::type_complexity)]
fn by_position_of(
    rows: &[GRow],
    kinds: &[(usize, T3Kind)],
    marks: bool,
) -> Option<(TableFormat, Vec<(usize, usize)>, Vec<usize>)> {
    let with_values: Vec<&(usize, T3Kind)> =
        kinds.iter().filter(|(k, _)| if marks { rows[*k].prints_values() } else { rows[*k].any_number() }).collect();
    let kinds7 = [ColKind::Count; 7];
    let short: Vec<usize> = with_values
        .iter()
        .map(|(k, _)| *k)
        .filter(|&k| {
            let n = if pieced(rows, rows[k].table) {
                flat_tokens(rows[k].tail()).len()
            } else {
                row_tokens(rows[k].tail(), &Align::Right(0), 7, &kinds7).0.len()
            };
            n != 7
        })
        .collect();
    for format in [TableFormat::F2021, TableFormat::F2019] {
        let order = template::t3_rows_of(format);
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

/// Whether a cell of grid `table` holds the words of several PDF cells (`Cell::marked`): its
/// grid columns then do not stand for the table's columns, and a row's values are read in
/// order only (its numbers and blank marks), never by the columns of its cells.
pub(super) fn pieced(rows: &[GRow], table: usize) -> bool {
    rows.iter().any(|r| r.table == table && r.cells.iter().any(|c| c.piece))
}

/// Every cell of the template read as a printed 0 (none blank, unknown or inferred): the rows
/// of values then read the same whichever is whose, so placing them by position needs no
/// arithmetic (an agency that received no request prints a table of zeros, which gives the
/// arithmetic nothing to hold on to).
pub(super) fn zeros_throughout(t: &TableReading) -> bool {
    let cells = template::t3_rows_of(t.format).len() * T3_COLS.len();
    t.cells.iter().map(|(_, r)| r.len()).sum::<usize>() == cells
        && t.cells.iter().flat_map(|(_, r)| r.iter()).all(|(_, c)| c.state == CellState::Zero && !c.inferred)
}

/// The readings of table 3 with `assigned` rows (grid row, template row), one per
/// combination of the grids' alignments; with `flat`, each row's values in order only (none
/// placed by its cell's position), for the solver to place.
#[allow(clippy::too_many_arguments)]
pub(super) fn t3_readings(
    rows: &[GRow],
    assigned: &[(usize, usize)],
    unknown: &[usize],
    unknown_why: &'static str,
    named: &[(usize, Vec<(usize, usize)>)],
    format: TableFormat,
    span: [usize; 2],
    extra: &[ExtraRow],
    flat: bool,
) -> Vec<Reading> {
    let tables: Vec<usize> = {
        let mut t: Vec<usize> = assigned.iter().map(|(k, _)| rows[*k].table).collect();
        t.dedup();
        t.sort_unstable();
        t.dedup();
        t
    };
    // Each grid's header names (`requests`), where it has header rows of its own.
    let header_of = |t: &usize| named.iter().find(|(tt, _)| tt == t).map(|(_, n)| n);
    let GridOptions { options, forced, placements } = grid_options(rows, assigned, &tables, named);
    // A grid whose header names six of the form's seven columns, every row of it printing six
    // values: the table left a column out (`text::missing_column`).
    let six: Vec<Six> = tables
        .iter()
        .map(|t| {
            // (The grid's own header, or the table's where its header rows are a grid of their own.)
            let headers: Vec<&Vec<(usize, usize)>> = match header_of(t) {
                Some(n) => vec![n],
                None => named.iter().map(|(_, n)| n).collect(),
            };
            let unnamed: Vec<usize> =
                (0..T3_COLS.len()).filter(|c| !headers.iter().any(|n| n.iter().any(|(x, _)| x == c))).collect();
            let printed: Vec<usize> = assigned
                .iter()
                .filter(|(r, _)| rows[*r].table == *t)
                .map(|(r, _)| rows[*r].tail().iter().filter(|c| !c.is_empty()).count())
                .filter(|&n| n > 0)
                .collect();
            if !template::leaves_a_column_out(T3_COLS.len() - unnamed.len(), &printed) {
                return Six::No;
            }
            // One of the 法人或其他组织 columns left out, every value a whole number: the row's
            // six values stand in the columns the header names, in the form's order.
            let whole = assigned
                .iter()
                .filter(|(r, _)| rows[*r].table == *t)
                .all(|(r, _)| flat_tokens(rows[*r].tail()).iter().all(solve::plain_count));
            match template::left_out_part(&unnamed) {
                Some(m) if whole => Six::Without(m),
                _ => Six::Unknown,
            }
        })
        .collect();
    // In a grid no alignment places, a remarks column the header names (`备注`) where its place
    // is lost (the rows of a converter's grid run short of its last column).
    let notes: Vec<bool> = tables
        .iter()
        .zip(&forced)
        .map(|(t, &forced)| {
            forced
                && (header_of(t).is_some_and(|n| n.iter().any(|(c, _)| *c == NOTES))
                    || rows.iter().any(|r| r.table == *t && r.notes))
        })
        .collect();
    // In such a grid, a subtotal column (`小计` in the header) among eight values a row: where
    // the header's words put it and every row adds up with it there (`template::subtotal_fits`).
    let subtotal: Vec<Option<usize>> = tables
        .iter()
        .zip(&forced)
        .map(|(t, &forced)| {
            let n = header_of(t).filter(|_| forced)?;
            let first = |col: usize| n.iter().filter(|(c, _)| *c == col).map(|(_, g)| *g).min();
            let types: Vec<usize> = n.iter().filter(|(c, _)| (1..=4).contains(c)).map(|(_, g)| *g).collect();
            let values = || -> Option<Vec<Vec<i64>>> {
                assigned
                    .iter()
                    .filter(|(r, _)| rows[*r].table == *t && rows[*r].any_number())
                    .map(|(r, _)| flat_tokens(rows[*r].tail()).iter().map(whole_number).collect::<Option<Vec<i64>>>())
                    .collect()
            };
            if let Some(at) = first(EXTRA_COL) {
                let k = template::subtotal_place(&types, at)?;
                return template::subtotal_fits(&values()?, k).then_some(k);
            }
            // Or a column printing a part of another (`其中：网上申请`): where `template::part_fits`.
            let k = template::part_place(&types, first(PART_COL)?)?;
            template::part_fits(&values()?, k).then_some(k)
        })
        .collect();
    // In a grid too narrow for the form (a converter merged cells: `821 35 | 0 | 0 2 1 | 859`),
    // how many of the form's columns each grid column holds, where the rows printing all seven
    // values agree (`merged_groups`).
    let groups: Vec<Option<Vec<(usize, usize)>>> =
        tables.iter().map(|t| merged_groups(rows, assigned, *t).filter(|_| !flat)).collect();
    let cols: Vec<(&'static str, ColKind)> = T3_COLS.iter().map(|c| (*c, ColKind::Count)).collect();
    let kinds7 = [ColKind::Count; 7];
    // A table printing no number at all is blank everywhere, however its grid came out.
    let any_value = rows.iter().any(GRow::any_number);
    // Whether each grid is `pieced`, found once: the rows below ask for every row of every
    // combination, and each asking scanned every cell of every row.
    let pieced: Vec<bool> = tables.iter().map(|t| pieced(rows, *t)).collect();
    let mut readings = Vec::new();
    // Alignments that place every row alike (a full grid: header, left and right agree)
    // give the same reading; it is built once. `judge` takes the first of equal readings
    // and finds no cell two equal readings dispute, so the repeats add nothing. Rows are
    // compared by the cells their columns get, before any token is made.
    let mut seen: Vec<Vec<PlacementKey>> = Vec::new();
    let grid_of = |k: usize| tables.iter().position(|t| *t == rows[k].table).unwrap_or(0);
    for combo in combos(&options.iter().map(Vec::len).collect::<Vec<_>>()) {
        let keys: Vec<PlacementKey> = assigned
            .iter()
            .enumerate()
            .map(|(j, &(k, _))| key_of(placements[j][combo[grid_of(k)]].as_deref()))
            .collect();
        if seen.contains(&keys) {
            continue;
        }
        seen.push(keys);
        let placed = assigned.iter().enumerate().map(|(j, &(k, _))| {
            let g = grid_of(k);
            let align = &options[g][combo[g]];
            let mut tokens = if flat || pieced[g] {
                flat_tokens(rows[k].tail_for(align))
            } else {
                tokens_of(rows[k].tail_for(align), placements[j][combo[g]].as_deref(), &kinds7).0
            };
            if let Six::Without(m) = six[grid_of(k)] {
                tokens = flat_tokens(rows[k].tail());
                if tokens.len() == T3_COLS.len() - 1 {
                    tokens.insert(m, solve::unprinted_cell(tokens[m - 1].span()[1]));
                }
            }
            if let (Some(g), true) = (&groups[grid_of(k)], tokens.len() != T3_COLS.len()) {
                if let Some(placed) = by_groups(rows[k].tail(), g) {
                    tokens = placed;
                }
            }
            if let (Some(at), 8) = (subtotal[grid_of(k)], tokens.len()) {
                tokens.remove(at);
            }
            // A note after the row's values, in a grid whose header names a remarks column.
            if notes[grid_of(k)] && template::ends_with_note(&tokens.iter().map(whole_number).collect::<Vec<_>>()) {
                tokens.truncate(T3_COLS.len());
            }
            tokens
        });
        let mut rows_in = Vec::with_capacity(assigned.len());
        let mut order_in: Vec<(usize, RowIn)> = Vec::new();
        for (&(k, i), tokens) in assigned.iter().zip(placed) {
            let row = &rows[k];
            let unreadable = if unknown.contains(&k) {
                Some(unknown_why)
            } else if !flat && row.width < T3_COLS.len() + 1 && tokens.len() != T3_COLS.len() && any_value {
                // A grid too narrow for the label and seven columns lost cells (a converter
                // merged or dropped them): only a row printing all seven values is readable.
                Some("the grid has too few columns for the table; the row does not print all seven values")
            } else if six[grid_of(k)] == Six::Unknown && row.tail().iter().any(|c| !c.is_empty()) {
                Some("the header names six of the form's seven columns and every row prints six values")
            } else if forced[grid_of(k)]
                && !matches!(six[grid_of(k)], Six::Without(_))
                && any_value
                && row.cells.iter().all(|c| c.exact)
                && row.tail().len() < T3_COLS.len()
                && row.tail().iter().any(|c| !c.is_empty())
            {
                // A grid of the source's own cells with fewer value cells than the form's columns
                // (a column left out of the table): which column each value is in is not known.
                Some("the table has fewer columns than the form's; which column each value is in is not known")
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
                    // A grid row: its cells stand in the columns' order.
                    in_order: true,
                    every_cell: false,
                },
            ));
        }
        order_in.sort_by_key(|(i, _)| *i);
        rows_in.extend(order_in.into_iter().map(|(_, r)| r));
        let mut scratch = Vec::new();
        for (g, six) in six.iter().enumerate() {
            if let Six::Without(m) = six {
                let keys: Vec<&str> = assigned
                    .iter()
                    .filter(|(k, _)| grid_of(*k) == g && rows[*k].any_number())
                    .map(|(_, i)| T3_ROWS[*i].key)
                    .collect();
                scratch.push(build::unprinted_column(*m, &keys));
            }
        }
        let t = build::requests(format, rows_in, span, extra.to_vec(), &mut scratch);
        let f = fit::requests(&t);
        let explicit = combo.iter().enumerate().all(|(g, &a)| matches!(options[g][a], Align::Header(..)));
        readings.push(Reading { table: t, issues: scratch, key: f.key(), explicit });
    }
    readings
}

/// For grid `t` narrower than the form (fewer than seven value columns), each value column's
/// count of the form's columns, `(grid column, count)` in order: the counts of values the rows
/// printing all seven put in each grid column (a PDF-to-Markdown converter merging the cells
/// of several columns into one: `821 35 | 0 | 0 2 1 | 859`, two, one, three and one), where two
/// rows or more print all seven and every one of them splits them alike.
fn merged_groups(rows: &[GRow], assigned: &[(usize, usize)], t: usize) -> Option<Vec<(usize, usize)>> {
    let counts = |tail: &[RowCell]| -> Vec<(usize, usize)> {
        tail.iter().map(|c| (c.c0, if c.is_empty() { 0 } else { cell_tokens(c, ColKind::Count).len() })).collect()
    };
    let mut seen: Option<Vec<(usize, usize)>> = None;
    let mut full = 0;
    for (k, _) in assigned.iter().filter(|(k, _)| rows[*k].table == t) {
        let tail = rows[*k].tail();
        if rows[*k].width > T3_COLS.len() || flat_tokens(tail).len() != T3_COLS.len() {
            continue;
        }
        let c = counts(tail);
        if c.iter().all(|&(_, n)| n <= 1) || seen.as_ref().is_some_and(|s| *s != c) {
            return None;
        }
        seen = Some(c);
        full += 1;
    }
    seen.filter(|_| full >= 2)
}

/// A row of a grid whose columns hold `groups` of the form's columns (`merged_groups`): its
/// values with each empty grid column's columns blank, where every grid column prints its
/// count of values or none (`258 12 | 0 | 0 1 1 | ` = 258 12 0 0 1 1 and a blank total).
fn by_groups(tail: &[RowCell], groups: &[(usize, usize)]) -> Option<Vec<Token>> {
    if tail.len() != groups.len() {
        return None;
    }
    let mut out = Vec::with_capacity(T3_COLS.len());
    for (c, &(c0, n)) in tail.iter().zip(groups) {
        if c.c0 != c0 {
            return None;
        }
        if c.is_empty() {
            out.extend((0..n).map(|_| Token::Fixed(cells::blank([c.span[0], c.span[0]]))));
        } else {
            let toks = cell_tokens(c, ColKind::Count);
            if toks.len() != n {
                return None;
            }
            out.extend(toks);
        }
    }
    (out.len() == T3_COLS.len()).then_some(out)
}

/// Whether a cell's text is a piece of template row `row`'s printed label (`出具已获取信息` of
/// `5.要求行政机关确认或重新出具已获取信息`) or of a group label spanning it (`果` of
/// `三、本年度办理结果`, `予公开` of `（三）不予公开`), or pieces of these one after another:
/// spaces and quotes aside, widths folded.
fn continues_label(text: &str, row: usize) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .map(super::fold)
            .filter(|&c| !super::is_space(c) && !matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’'))
            .collect()
    };
    let Some((printed, category)) = template::T3_ROW_PRINTED.get(row) else { return false };
    let result = (2..=template::T3_RESULTS_TOTAL).contains(&row);
    let labels: Vec<String> = [Some(*printed), *category, result.then_some(template::T3_RESULTS_LABEL)]
        .into_iter()
        .flatten()
        .map(norm)
        .collect();
    // (A PDF's cell may hold pieces of two: `果情形，不计其他情形）`, the group label's last line
    // beside the row label's. The text is pieces of them one after another, each label's one
    // piece at most.)
    let piece: Vec<char> = norm(text).chars().collect();
    // reach[at]: the label sets (bits) whose pieces make up the text's first `at` characters.
    let mut reach: Vec<Vec<u8>> = vec![Vec::new(); piece.len() + 1];
    reach[0].push(0);
    for a in 0..piece.len() {
        for used in reach[a].clone() {
            for b in a + 1..=piece.len() {
                let part: String = piece[a..b].iter().collect();
                for (k, l) in labels.iter().enumerate() {
                    let bit = 1u8 << k;
                    if used & bit == 0 && l.contains(&part) && !reach[b].contains(&(used | bit)) {
                        reach[b].push(used | bit);
                    }
                }
            }
        }
    }
    !piece.is_empty() && !reach[piece.len()].is_empty()
}

/// Whether a row label opens with an item's number (`2.`, `3、`, `（四）`, `五、`): a label of its
/// own, whatever follows.
fn opens_with_item_number(label: &str) -> bool {
    let t = label.trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        return t[digits..].starts_with(['.', '、', '．']);
    }
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let after_open = t.strip_prefix(['（', '(']).unwrap_or(t);
    let n = after_open.chars().take_while(|&c| numeral(c)).count();
    n > 0 && after_open.chars().nth(n).is_some_and(|c| matches!(c, '、' | '）' | ')'))
}

/// Whether a grid's table 3 leaves one of the form's columns out (its header names six, every
/// row prints six values), and which.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Six {
    No,
    /// One of the 法人或其他组织 columns, its rows' values whole numbers: read without it.
    Without(usize),
    /// Another column, or values not plain: which column each value is in is not known.
    Unknown,
}

/// Header words of a column some reports add to table 3 that the template lacks: the
/// 法人或其他组织 columns' subtotal.
const SUBTOTAL_WORDS: [&str; 3] = ["小计", "合计", "法人或其他组织小计"];

/// The template-column index `requests` records, in a grid's header names, for such a column.
const EXTRA_COL: usize = usize::MAX;

/// Likewise for each grid column a column's label covers.
const LABELLED: usize = usize::MAX - 1;

/// Likewise for a remarks column's header (`备注`).
const NOTES: usize = usize::MAX - 2;

/// Likewise for the header of a column printing a part of another (`其中：网上申请`).
const PART_COL: usize = usize::MAX - 3;

/// The grid columns of the columns a header names that the template lacks: under a subtotal's
/// word, or between two of the template's columns (`header`) with no column's label over them
/// (a column under a name not known here: `其中：网上申请`, `同比增减`).
fn extra_columns(named: &[(usize, usize)], header: Option<&[usize]>) -> Vec<usize> {
    let at = |col: usize| named.iter().filter(move |(c, _)| *c == col).map(|(_, g)| *g);
    let mut out: Vec<usize> = at(EXTRA_COL).collect();
    if let Some(h) = header {
        let (lo, hi) = (h.iter().min().copied().unwrap_or(0), h.iter().max().copied().unwrap_or(0));
        out.extend((lo + 1..hi).filter(|g| !at(LABELLED).any(|l| l == *g)));
    }
    out
}

/// A table-3 column header: the exact label, or a fragment of one printed over two lines.
pub(super) fn t3_col_label(k: &str) -> Option<usize> {
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
pub(super) fn assign_unlabelled(kinds: &[(usize, T3Kind)], order: &[usize], assigned: &mut Vec<(usize, usize)>) {
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
            T3Kind::Skip => {}
        }
    }
    flush(&mut run, prev, None, assigned);
}

/// Every combination of one alignment per grid, the preferred ones first, at most `MAX_COMBOS`:
/// for each grid, the index of its alignment among its `counts[grid]` options.
pub(super) fn combos(counts: &[usize]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new()];
    for &count in counts {
        let mut next = Vec::new();
        for prefix in &out {
            for o in 0..count {
                if next.len() >= MAX_COMBOS {
                    break;
                }
                let mut p = prefix.clone();
                p.push(o);
                next.push(p);
            }
        }
        out = next;
    }
    out
}

/// Each grid's alignments worth trying, and what every assigned row's cells are under them.
struct GridOptions<'r, 'a> {
    /// For each grid, the alignments that place every value row of it, preferred first.
    options: Vec<Vec<Align>>,
    /// For each grid, whether no alignment placed its rows (`Right(0)` stands in; the rows'
    /// values are taken in order).
    forced: Vec<bool>,
    /// For each assigned row, its `placed` cells under each of its grid's `options`.
    placements: Vec<Vec<Placed<'r, 'a>>>,
}

/// The alignments `t3_readings` tries for each of `tables`' grids, and each assigned row's
/// cells under them, found once: every combination of alignments asks for a row's cells
/// under its grid's alignment, and the test that an alignment fits its grid placed them.
fn grid_options<'r, 'a>(
    rows: &'r [GRow<'a>],
    assigned: &[(usize, usize)],
    tables: &[usize],
    named: &[(usize, Vec<(usize, usize)>)],
) -> GridOptions<'r, 'a> {
    let n = T3_COLS.len();
    let header_of = |t: &usize| named.iter().find(|(tt, _)| tt == t).map(|(_, n)| n);
    let mut out = GridOptions { options: Vec::new(), forced: Vec::new(), placements: vec![Vec::new(); assigned.len()] };
    for t in tables {
        let h = header_of(t).and_then(|names| header_columns(names, n));
        let skip = header_of(t).map_or(Vec::new(), |names| extra_columns(names, h.as_deref()));
        let mine: Vec<usize> = (0..assigned.len()).filter(|&j| rows[assigned[j].0].table == *t).collect();
        // A grid's rows share one geometry: an alignment is tried only when it places every
        // value row of its grid (a row whose values it would drop rules it out).
        let mut valid = Vec::new();
        for a in alignments(h, skip) {
            let mut cells = Vec::with_capacity(mine.len());
            let fits = mine.iter().all(|&j| {
                let tail = rows[assigned[j].0].tail_for(&a);
                let at = place(tail, &a, n);
                let fits = at.is_some() || tail.iter().all(RowCell::is_empty);
                cells.push(keep_placed(tail, &a, at));
                fits
            });
            if fits {
                for (&j, c) in mine.iter().zip(cells) {
                    out.placements[j].push(c);
                }
                valid.push(a);
            }
        }
        // Grids no alignment places: their rows' values are taken in order.
        let forced = valid.is_empty();
        if forced {
            let a = Align::Right(0);
            for &j in &mine {
                let tail = rows[assigned[j].0].tail_for(&a);
                out.placements[j].push(placed(tail, &a, n));
            }
            valid.push(a);
        }
        out.options.push(valid);
        out.forced.push(forced);
    }
    out
}

pub(super) fn extra_row(label: &str, values: &[&RowCell]) -> ExtraRow {
    ExtraRow {
        label: label.to_string(),
        cells: values
            .iter()
            .filter(|c| !c.is_empty())
            .map(|c| cells::parse_cell(c.text, c.span, ColKind::Signed))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_piece_goes_on_only_with_its_rows_labels() {
        assert!(opens_with_item_number("2.其他法律行政法"));
        assert!(opens_with_item_number("（四）无法"));
        assert!(opens_with_item_number("五、存在"));
        assert!(!opens_with_item_number("出具已获取信息"));
        assert!(!opens_with_item_number("2023年"));
        // Row 19: `5.要求行政机关确认或重新出具已获取信息` under （五）不予处理.
        assert!(continues_label("出具已获取信息", 19));
        // The group label's last line beside the row label's (row 3, （二）部分公开…).
        assert!(continues_label("果情形，不计其他情形）", 3));
        // Another row's label, cut short: no piece of row 4's (1.属于国家秘密) or its groups'.
        assert!(!continues_label("其他法律行政法", 4));
        assert!(!continues_label("", 4));
    }

    #[test]
    fn extra_columns_are_named_or_between_the_form_columns_with_no_label_over_them() {
        let labelled = |cols: &[usize]| cols.iter().map(|&g| (LABELLED, g)).collect::<Vec<_>>();
        // 自然人 at 3, a column at 4 under a name not known here, 商业企业 … 总计 at 5 … 10.
        let mut named: Vec<(usize, usize)> = [(0, 3), (1, 5), (2, 6), (3, 7), (4, 8), (5, 9), (6, 10)].to_vec();
        named.extend(labelled(&[3, 5, 6, 7, 8, 9, 10]));
        let h = header_columns(&named, 7).expect("header");
        assert_eq!(extra_columns(&named, Some(&h)), vec![4]);
        // 法律服务机构 and 其他 each over two grid columns of an uneven grid (7-8, 9-10), 总计 at
        // 11: no extra column; a value standing at 8 or 10 is no column the template lacks.
        let mut uneven: Vec<(usize, usize)> = [(0, 3), (1, 4), (2, 5), (3, 6), (4, 7), (5, 9), (6, 11)].to_vec();
        uneven.extend(labelled(&[3, 4, 5, 6, 7, 8, 9, 10, 11]));
        let h = header_columns(&uneven, 7).expect("header");
        assert!(extra_columns(&uneven, Some(&h)).is_empty());
        // A subtotal's word names its column wherever it stands.
        let mut sub: Vec<(usize, usize)> =
            [(0, 3), (1, 4), (2, 5), (3, 6), (4, 7), (5, 8), (6, 10), (EXTRA_COL, 9)].to_vec();
        sub.extend(labelled(&[3, 4, 5, 6, 7, 8, 10]));
        let h = header_columns(&sub, 7).expect("header");
        assert_eq!(extra_columns(&sub, Some(&h)), vec![9, 9]);
    }
}
