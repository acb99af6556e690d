//! Table 3's values printed in blocks of rows, each block row by row or a column at a time
//! (pdftotext without `-layout` and pdfminer on a WPS or Word PDF: rows under one merged group
//! label come out as one text block per column, `1 0 0 0 0 1 1 0 10 3` the natural-person
//! column of ten rows, then the next column's ten values). Where each block starts and which way
//! it reads is not printed: each row's own sum (its six parts add up to its total) and the
//! relations between rows tell, and the order is used only where every arrangement of blocks
//! that satisfies them all gives the same values.

use std::collections::HashSet;

/// Most distinct tables kept per starting row while arrangements are enumerated: past it the
/// values are not settled. (A row of zeros beside a row with one value reads as two rows a
/// column at a time too, the value moved to another column: each such pair doubles them.)
const MAX_DISTINCT: usize = 64;

/// Tables of rows `s..` as values, each with one arrangement (cell positions) giving it.
type Tails = Vec<(Vec<i64>, Vec<usize>)>;

/// Whether `row`'s first cells add up to its last.
fn adds_up(row: &[i64]) -> bool {
    let (total, parts) = row.split_last().expect("a row has cells");
    parts.iter().sum::<i64>() == *total
}

/// The positions in text order of the cells of rows `s..s + k`, row-major, when the block
/// was printed a column at a time (`k == 1`: a row printed as it stands).
fn block_cells(s: usize, k: usize, width: usize) -> impl Iterator<Item = usize> {
    let base = s * width;
    (0..k).flat_map(move |i| (0..width).map(move |c| base + c * k + i))
}

/// The cells of `values` (in text order, `width` to a row) in row-major order of the rows, as
/// the one arrangement of blocks that makes every row add up and the whole table `holds` (given
/// the values row-major): `Some(positions)` where all such arrangements give the same values,
/// `None` where none does or they differ (or they are too many to tell).
pub(super) fn block_order(values: &[i64], width: usize, holds: impl Fn(&[i64]) -> bool) -> Option<Vec<usize>> {
    if width < 2 || values.is_empty() || !values.len().is_multiple_of(width) {
        return None;
    }
    let rows = values.len() / width;
    let mut row = vec![0i64; width];
    let valid = |s: usize, k: usize, row: &mut Vec<i64>| {
        (0..k).all(|i| {
            for (c, cell) in row.iter_mut().enumerate() {
                *cell = values[(s * width) + c * k + i];
            }
            adds_up(row)
        })
    };
    // valid[s][k - 1]: rows s..s + k printed as one block add up.
    let mut ok = vec![Vec::new(); rows];
    for (s, blocks) in ok.iter_mut().enumerate() {
        for k in 1..=rows - s {
            blocks.push(valid(s, k, &mut row));
        }
    }
    // From the last row back: the distinct tables of rows s.. (as values) and one arrangement
    // giving each.
    let mut tails: Vec<Option<Tails>> = vec![None; rows + 1];
    tails[rows] = Some(vec![(Vec::new(), Vec::new())]);
    for s in (0..rows).rev() {
        let mut here: Tails = Vec::new();
        let mut seen: HashSet<Vec<i64>> = HashSet::new();
        for k in 1..=rows - s {
            if !ok[s][k - 1] {
                continue;
            }
            let Some(rest) = &tails[s + k] else { return None };
            let cells: Vec<usize> = block_cells(s, k, width).collect();
            for (vals, order) in rest {
                let mut v: Vec<i64> = cells.iter().map(|&p| values[p]).collect();
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
        tails[s] = Some(here);
    }
    let mut all = tails.swap_remove(0)?;
    all.retain(|(v, _)| holds(v));
    (all.len() == 1).then(|| all.swap_remove(0).1)
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
        block_order(values, width, |v| columns_add_up(v, width)).map(|o| o.iter().map(|&p| values[p]).collect())
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
    fn too_many_readings_are_unread_not_enumerated() {
        // Pairs of a row of zeros and a row with one value: each pair also reads as two rows a
        // column at a time, the value moved to another column; twelve pairs read 4,096 ways.
        let mut rows = Vec::new();
        for i in 1..=12 {
            rows.push(row([0; 6]));
            rows.push(row([i, 0, 0, 0, 0, 0]));
        }
        assert_eq!(block_order(&rows.concat(), 7, |_| true), None);
    }

    #[test]
    fn values_that_never_add_up_are_unread() {
        assert_eq!(block_order(&[1, 2, 4, 5, 6, 7], 3, |_| true), None);
        assert_eq!(block_order(&[1, 2, 3, 4], 3, |_| true), None);
    }
}
