//! Table 3's values printed in blocks of rows, each block row by row or a column at a time
//! (pdftotext without `-layout` and pdfminer on a WPS or Word PDF: rows under one merged group
//! label come out as one text block per column, `1 0 0 0 0 1 1 0 10 3` the natural-person
//! column of ten rows, then the next column's ten values). Where each block starts and which way
//! it reads is not printed: each row's own sum (its six parts add up to its total) and the
//! relations between rows tell, and the order is used only where every arrangement of blocks
//! that satisfies them all gives the same values.

use crate::hashing::FastSet;

/// Most distinct tables kept per starting row while arrangements are enumerated: past it the
/// values are not settled. (A row of zeros beside a row with one value reads as two rows a
/// column at a time too, the value moved to another column: each such pair doubles them.)
const MAX_DISTINCT: usize = 64;

/// Tables of rows `s..` as values, each with one arrangement (cell positions) giving it.
type Tails = Vec<(Vec<i64>, Vec<usize>)>;

/// Whether `row`'s first cells add up to its last.
pub(super) fn adds_up(row: &[i64]) -> bool {
    let (total, parts) = row.split_last().expect("a row has cells");
    parts.iter().sum::<i64>() == *total
}

/// Most cells the arrangements of one table may copy, over every grouping of its columns tried:
/// past it the values are left unread rather than enumerated further.
const MAX_WORK: usize = 4_000_000;

/// The positions in text order of the cells of rows `s..s + k`, row-major, when the block was
/// printed one group of columns after another, each group row by row (`groups`: the column
/// ranges left to right; one group of every column is the block printed as it stands, a group
/// per column is the block printed a column at a time).
pub(super) fn block_cells(s: usize, k: usize, width: usize, groups: &[(usize, usize)]) -> Vec<usize> {
    let base = s * width;
    let mut at = vec![0; k * width];
    let mut p = base;
    for &(c0, c1) in groups {
        for i in 0..k {
            for c in c0..c1 {
                at[i * width + c] = p;
                p += 1;
            }
        }
    }
    at
}

/// The groupings of `width` columns into runs of neighbours (column ranges left to right): a cut
/// after column c or not, neither none (the block printed as it stands) nor every one (a column
/// at a time).
pub(super) fn column_groupings(width: usize) -> impl Iterator<Item = Vec<(usize, usize)>> {
    (1..(1u32 << (width - 1)) - 1).map(move |mask| {
        let mut groups = Vec::new();
        let mut from = 0;
        for c in 1..width {
            if mask >> (c - 1) & 1 == 1 {
                groups.push((from, c));
                from = c;
            }
        }
        groups.push((from, width));
        groups
    })
}

/// Whether every group of the block of rows `s..s + k` printed in `groups` (`block_cells`)
/// begins a run of the text (`starts`, by value in text order).
pub(super) fn groups_start_runs(starts: &[bool], s: usize, k: usize, width: usize, groups: &[(usize, usize)]) -> bool {
    let mut p = s * width;
    groups.iter().all(|&(c0, c1)| {
        let at = p;
        p += k * (c1 - c0);
        starts.get(at).copied().unwrap_or(false)
    })
}

/// The cells of `values` (in text order, `width` to a row) in row-major order of the rows, as
/// the one arrangement of blocks that makes every row add up and the whole table `holds` (given
/// the values row-major): `Some(positions)` where all such arrangements give the same values,
/// `None` where none does or they differ (or they are too many to tell).
///
/// A block of rows is printed row by row or a column at a time. Where no such arrangement holds,
/// the blocks may also print one grouping of the columns (the same for the whole table: it comes
/// from the columns' widths) group after group, each group row by row — pdftotext without
/// `-layout` prints the four narrow columns of a Word table's first rows as lines, then each
/// wide column on its own.
///
/// `starts`, where given, tells which values begin a run of the text (an empty line or other
/// text before them, `starts[0]` the first): pdftotext prints each group of a block (a column
/// printed on its own, a group of columns) as a text block of its own, so only arrangements
/// whose every group and row begins a run are taken. Where the values alone allow several
/// tables (zeros read either way), the runs tell the one the text printed.
pub(super) fn block_order(
    values: &[i64],
    width: usize,
    holds: impl Fn(&[i64]) -> bool,
    starts: Option<&[bool]>,
) -> Option<Vec<usize>> {
    if width < 2 || values.is_empty() || !values.len().is_multiple_of(width) {
        return None;
    }
    if starts.is_some_and(|s| s.len() != values.len()) {
        return None;
    }
    let mut work = 0usize;
    let by_column: Vec<(usize, usize)> = (0..width).map(|c| (c, c + 1)).collect();
    let mut found = readings(values, width, &holds, &[&by_column], starts, &mut work)?;
    if found.is_empty() {
        for groups in column_groupings(width) {
            for (v, o) in readings(values, width, &holds, &[&by_column, &groups], starts, &mut work)? {
                if found.iter().all(|(w, _)| *w != v) {
                    found.push((v, o));
                }
            }
            if found.len() > 1 {
                return None;
            }
        }
    }
    (found.len() == 1).then(|| found.swap_remove(0).1)
}

/// Every distinct table (values row-major, with one arrangement giving it) that the blocks of
/// `values` give when each block is one row printed as it stands or several rows printed by one
/// of `layouts` (column groupings), every row adding up and the whole table holding; `None` when
/// they are too many to tell or the work runs past `MAX_WORK`.
fn readings(
    values: &[i64],
    width: usize,
    holds: &impl Fn(&[i64]) -> bool,
    layouts: &[&[(usize, usize)]],
    starts: Option<&[bool]>,
    work: &mut usize,
) -> Option<Tails> {
    let rows = values.len() / width;
    // From the last row back: the distinct tables of rows s.. (as values) and one arrangement
    // giving each.
    let mut tails: Vec<Tails> = vec![Vec::new(); rows + 1];
    tails[rows] = vec![(Vec::new(), Vec::new())];
    let one_row: &[&[(usize, usize)]] = &[&[(0, width)]];
    for s in (0..rows).rev() {
        let mut here: Tails = Vec::new();
        let mut seen: FastSet<Vec<i64>> = FastSet::default();
        for k in 1..=rows - s {
            // The distinct blocks of rows s..s + k that add up, each with its positions.
            let mut blocks: Vec<(Vec<i64>, Vec<usize>)> = Vec::new();
            for groups in if k == 1 { one_row } else { layouts } {
                if starts.is_some_and(|at| !groups_start_runs(at, s, k, width, groups)) {
                    continue;
                }
                let cells = block_cells(s, k, width, groups);
                let v: Vec<i64> = cells.iter().map(|&p| values[p]).collect();
                *work += v.len();
                if v.chunks(width).all(adds_up) && blocks.iter().all(|(w, _)| *w != v) {
                    blocks.push((v, cells));
                }
            }
            if blocks.is_empty() {
                continue;
            }
            for (block, cells) in &blocks {
                for (vals, order) in &tails[s + k] {
                    *work += block.len() + vals.len();
                    if *work > MAX_WORK {
                        return None;
                    }
                    let mut v = block.clone();
                    v.extend_from_slice(vals);
                    if seen.contains(&v) {
                        continue;
                    }
                    if here.len() == MAX_DISTINCT {
                        return None;
                    }
                    let mut o = cells.clone();
                    o.extend_from_slice(order);
                    seen.insert(v.clone());
                    here.push((v, o));
                }
            }
        }
        tails[s] = here;
    }
    let mut all = tails.swap_remove(0);
    all.retain(|(v, _)| holds(v));
    Some(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `rows` printed in `blocks` (row count, column at a time?) as text order.
    fn print(rows: &[Vec<i64>], blocks: &[(usize, bool)]) -> Vec<i64> {
        let mut out = Vec::new();
        let mut s = 0;
        for &(k, by_column) in blocks {
            let b = &rows[s..s + k];
            if by_column {
                for c in 0..b[0].len() {
                    out.extend(b.iter().map(|r| r[c]));
                }
            } else {
                out.extend(b.concat());
            }
            s += k;
        }
        out
    }

    fn row(parts: [i64; 6]) -> Vec<i64> {
        let mut r = parts.to_vec();
        r.push(parts.iter().sum());
        r
    }

    /// In every column, rows 2.. add up to the last, and so do the first two (new and carried
    /// over, the results and their total, as table 3 without its carried-forward row).
    fn columns_add_up(v: &[i64], width: usize) -> bool {
        let rows = v.len() / width;
        let at = |r: usize, c: usize| v[r * width + c];
        rows < 3
            || (0..width).all(|c| {
                (2..rows - 1).map(|r| at(r, c)).sum::<i64>() == at(rows - 1, c)
                    && at(0, c) + at(1, c) == at(rows - 1, c)
            })
    }

    fn decoded(values: &[i64], width: usize) -> Option<Vec<i64>> {
        block_order(values, width, |v| columns_add_up(v, width), None).map(|o| o.iter().map(|&p| values[p]).collect())
    }

    #[test]
    fn rows_printed_a_column_at_a_time_in_blocks_are_put_back() {
        let rows = vec![
            row([19, 0, 0, 0, 0, 0]),
            row([0; 6]),
            row([4, 0, 0, 0, 0, 0]),
            row([1, 0, 0, 0, 0, 0]),
            row([0; 6]),
            row([1, 0, 0, 0, 0, 0]),
            row([10, 0, 0, 0, 0, 0]),
            row([3, 0, 0, 0, 0, 0]),
            row([0; 6]),
            row([19, 0, 0, 0, 0, 0]),
        ];
        let want: Vec<i64> = rows.concat();
        for blocks in [
            vec![(10, true)],
            vec![(3, false), (7, true)],
            vec![(1, false), (1, false), (1, false), (5, true), (2, true)],
            vec![(10, false)],
        ] {
            assert_eq!(decoded(&print(&rows, &blocks), 7).as_deref(), Some(&want[..]), "{blocks:?}");
        }
    }

    #[test]
    fn rows_with_several_parts_are_put_back() {
        let rows = vec![
            row([5, 2, 0, 1, 0, 3]),
            row([2, 2, 0, 0, 1, 0]),
            row([4, 1, 0, 1, 0, 2]),
            row([3, 3, 0, 0, 1, 1]),
            row([7, 4, 0, 1, 1, 3]),
        ];
        let want: Vec<i64> = rows.concat();
        for blocks in [vec![(5, true)], vec![(1, false), (2, true), (2, true)], vec![(2, false), (3, true)]] {
            assert_eq!(decoded(&print(&rows, &blocks), 7).as_deref(), Some(&want[..]), "{blocks:?}");
        }
    }

    /// `rows` printed as a first block of `k` rows in column `groups` (each row by row), the
    /// rest a column at a time.
    fn print_grouped(rows: &[Vec<i64>], k: usize, groups: &[(usize, usize)]) -> Vec<i64> {
        let mut out = Vec::new();
        for &(c0, c1) in groups {
            for r in &rows[..k] {
                out.extend_from_slice(&r[c0..c1]);
            }
        }
        out.extend(print(&rows[k..], &[(rows.len() - k, true)]));
        out
    }

    #[test]
    fn a_block_printed_in_groups_of_columns_is_put_back() {
        // pdftotext without -layout of a Word table: the first three rows' four narrow columns
        // as lines (`2798 49` / `1` / `5` / `0` …), then the legal-services, other and total
        // columns each on its own, the rest of the table a column at a time.
        let rows = vec![
            row([2798, 49, 1, 5, 7, 12]),
            row([0; 6]),
            row([1269, 27, 0, 1, 4, 5]),
            row([1529, 22, 1, 4, 3, 7]),
            row([2798, 49, 1, 5, 7, 12]),
        ];
        let want: Vec<i64> = rows.concat();
        let groups = [(0, 4), (4, 5), (5, 6), (6, 7)];
        let text = print_grouped(&rows, 3, &groups);
        assert_eq!(decoded(&text, 7).as_deref(), Some(&want[..]));
        // One value changed: no arrangement holds, nothing is read.
        let mut off = text.clone();
        off[1] += 1;
        assert_eq!(decoded(&off, 7), None);
    }

    #[test]
    fn arrangements_that_differ_leave_the_values_unread() {
        // 1 0 0 1 1 1 (three columns): row by row [1 0 0] does not add up; two rows a column
        // at a time are [1 0 1] [0 1 1].
        assert_eq!(decoded(&[1, 0, 0, 1, 1, 1], 3), Some(vec![1, 0, 1, 0, 1, 1]));
        // 1 1 2 1 1 2 is [1 1 2] [1 1 2] either way: the same values.
        assert_eq!(decoded(&[1, 1, 2, 1, 1, 2], 3), Some(vec![1, 1, 2, 1, 1, 2]));
        // 0 1 1 2 1 3 is [0 1 1] [2 1 3] row by row and [0 1 1] [1 2 3] a column at a time.
        assert_eq!(decoded(&[0, 1, 1, 2, 1, 3], 3), None);
    }

    #[test]
    fn the_text_runs_tell_apart_readings_the_values_allow() {
        // A row of zeros, then a row with one value: row by row, or two rows a column at a time
        // (the value moved to the fourth column). The values alone allow both: unread.
        let rows = [row([0; 6]), row([1, 0, 0, 0, 0, 0])];
        let text = rows.concat();
        assert_eq!(block_order(&text, 7, |_| true, None), None);
        // Printed as two runs of seven (a row each): row by row.
        let by_row: Vec<bool> = (0..14).map(|j| j % 7 == 0).collect();
        let read = block_order(&text, 7, |_| true, Some(&by_row)).expect("one reading");
        assert_eq!(read.iter().map(|&p| text[p]).collect::<Vec<_>>(), text);
        // Printed as seven runs of two (a column each): a column at a time.
        let by_column: Vec<bool> = (0..14).map(|j| j % 2 == 0).collect();
        let read = block_order(&text, 7, |_| true, Some(&by_column)).expect("one reading");
        assert_eq!(read.iter().map(|&p| text[p]).collect::<Vec<_>>(), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1]);
        // Runs that fit no arrangement (a break inside the first row only): nothing is read.
        let odd: Vec<bool> = (0..14).map(|j| j == 0 || j == 3).collect();
        assert_eq!(block_order(&text, 7, |_| true, Some(&odd)), None);
        // Runs of the wrong length for the values: nothing is read.
        assert_eq!(block_order(&text, 7, |_| true, Some(&by_row[..7])), None);
    }

    #[test]
    fn too_many_readings_are_unread_not_enumerated() {
        // Pairs of a row of zeros and a row with one value: each pair also reads as two rows a
        // column at a time, the value moved to another column; twelve pairs read 4,096 ways.
        let mut rows = Vec::new();
        for i in 1..=12 {
            rows.push(row([0; 6]));
            rows.push(row([i, 0, 0, 0, 0, 0]));
        }
        assert_eq!(block_order(&rows.concat(), 7, |_| true, None), None);
    }

    #[test]
    fn values_that_never_add_up_are_unread() {
        assert_eq!(block_order(&[1, 2, 4, 5, 6, 7], 3, |_| true, None), None);
        assert_eq!(block_order(&[1, 2, 3, 4], 3, |_| true, None), None);
    }
}
