//! Table 3's values printed a column at a time in blocks of rows, the columns of each block in an
//! order the text does not keep. pdfminer's `extract_text` of a WPS PDF makes each column of a
//! block of tight rows one text box and prints the boxes in the order its grouping tree gives:
//! `21 0 0 4 1 0 …` (the natural-person column of a page's fourteen rows), four columns of zeros,
//! then the total column `21 0 0 4 1 0 …` before the other-organisations column of zeros.
//!
//! Each block's total column is the one that is the sum of the others in every row. The part
//! columns cannot be told apart by the arithmetic (any order of them adds up alike), so only the
//! cells every order agrees on are read: the totals, and the parts of rows whose parts are all
//! equal (a row of zeros). The order must still let the whole table hold (`holds`): some order
//! of each block's parts makes the relations between rows hold in every column.
//!
//! pdftotext without `-layout` does the same to a few rows of a Word table (two rows printed a
//! pair of values a column, the total pair fourth), the other blocks in arrangements it keeps
//! (`blocks`). Once a table shows its columns moved in one block, no block's order of parts is
//! trusted: a block whose parts moved with the total still last adds up as printed, its parts
//! in the wrong columns. So the totals and the rows of equal parts are read throughout.

use super::blocks;

/// Most rows of a block whose columns moved that is also tried so where an arrangement the text
/// keeps adds up (`block_prints`): pdftotext moves the columns of a few rows.
const MOVED_ROWS: usize = 3;

/// Most ways of reading the rows as blocks that fit the text's runs: past it nothing is read.
const MAX_CUTS: usize = 64;

/// Most tables `holds` is asked about, over every way: past it nothing is read.
const MAX_TRIES: usize = 20_000;

/// What a shuffled reading settles: one reading's positions of the values (row-major, `width`
/// to a row, as text positions) and which cells every reading agrees on.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Settled {
    pub positions: Vec<usize>,
    pub certain: Vec<bool>,
}

/// How a block of rows was printed.
#[derive(Clone, Debug)]
enum Print {
    /// In an arrangement the text keeps (`blocks`: a row as printed, a column at a time in
    /// order, groups of columns): the text positions of its cells, row-major.
    Fixed(Vec<usize>),
    /// A column at a time in an order the text does not keep; `total` is the printed column
    /// that is the sum of the others.
    Shuffled { total: usize },
}

/// Rows `s..s + k` and how they were printed.
#[derive(Clone, Debug)]
struct Block {
    s: usize,
    k: usize,
    print: Print,
}

impl Block {
    /// Printed column `j` of a shuffled block (its `k` values in text order).
    fn column<'a>(&self, values: &'a [i64], width: usize, j: usize) -> &'a [i64] {
        let base = self.s * width + j * self.k;
        &values[base..base + self.k]
    }
}

/// The printed column of block `s..s + k` that is the sum of the others in every row, if any
/// (where several are, they print the same values: the others are then all zero).
fn total_column(values: &[i64], width: usize, s: usize, k: usize) -> Option<usize> {
    let base = s * width;
    let at = |j: usize, i: usize| values[base + j * k + i];
    (0..width).find(|&t| (0..k).all(|i| (0..width).filter(|&j| j != t).map(|j| at(j, i)).sum::<i64>() == at(t, i)))
}

/// The arrangements the text keeps (`blocks::block_cells`) in which block `s..s + k` adds up
/// row by row and every group begins a run: one row as printed; several a column at a time in
/// order, or in groups of columns each row by row. Distinct by values.
/// `layouts`: the column groupings of a block of several rows (a column at a time, then
/// `blocks::column_groupings`); one row is printed as it stands.
fn kept(
    values: &[i64],
    width: usize,
    starts: &[bool],
    layouts: &[Vec<(usize, usize)>],
    s: usize,
    k: usize,
) -> Vec<Vec<usize>> {
    let one_row = [vec![(0, width)]];
    let layouts = if k == 1 { &one_row[..] } else { layouts };
    let mut out: Vec<(Vec<i64>, Vec<usize>)> = Vec::new();
    for groups in layouts {
        if !blocks::groups_start_runs(starts, s, k, width, groups) {
            continue;
        }
        let cells = blocks::block_cells(s, k, width, groups);
        let v: Vec<i64> = cells.iter().map(|&p| values[p]).collect();
        if v.chunks(width).all(blocks::adds_up) && out.iter().all(|(w, _)| *w != v) {
            out.push((v, cells));
        }
    }
    out.into_iter().map(|(_, cells)| cells).collect()
}

/// How each block of rows `s..s + k` may have been printed (`prints[s][k - 1]`): in the
/// arrangements the text keeps (`kept`) and, where it has none or the block is of a few rows
/// (`MOVED_ROWS`), a column at a time out of order (every column beginning a run, one column the
/// total): a block of a few rows whose columns moved may add up by chance in a kept arrangement
/// (two rows of pairs, mostly zeros, read as the first column a pair and the rest row by row),
/// and the table hold with it.
fn block_prints(values: &[i64], width: usize, starts: &[bool]) -> Vec<Vec<Vec<Print>>> {
    let rows = values.len() / width;
    let layouts: Vec<Vec<(usize, usize)>> =
        std::iter::once((0..width).map(|c| (c, c + 1)).collect()).chain(blocks::column_groupings(width)).collect();
    (0..rows)
        .map(|s| {
            (1..=rows - s)
                .map(|k| {
                    let mut prints: Vec<Print> =
                        kept(values, width, starts, &layouts, s, k).into_iter().map(Print::Fixed).collect();
                    if (prints.is_empty() || (2..=MOVED_ROWS).contains(&k))
                        && (0..width).all(|j| starts[s * width + j * k])
                    {
                        prints.extend(total_column(values, width, s, k).map(|total| Print::Shuffled { total }));
                    }
                    prints
                })
                .collect()
        })
        .collect()
}

/// Every way of reading rows `s..` as blocks (`prints`), only through rows from which the end
/// can be reached (`ends`); `false` when they are more than `MAX_CUTS`.
fn cuts(prints: &[Vec<Vec<Print>>], ends: &[bool], s: usize, path: &mut Vec<Block>, out: &mut Vec<Vec<Block>>) -> bool {
    if s == prints.len() {
        if out.len() == MAX_CUTS {
            return false;
        }
        out.push(path.clone());
        return true;
    }
    for (k, options) in (1..).zip(&prints[s]) {
        if !ends[s + k] {
            continue;
        }
        for print in options {
            path.push(Block { s, k, print: print.clone() });
            let ok = cuts(prints, ends, s + k, path, out);
            path.pop();
            if !ok {
                return false;
            }
        }
    }
    true
}

/// The table (row-major) the blocks give with each shuffled block's printed columns in
/// `orders` (one per shuffled block, in block order: the parts, then the total), and the text
/// positions giving it.
fn assemble(values: &[i64], width: usize, blocks: &[Block], orders: &[Vec<usize>]) -> (Vec<i64>, Vec<usize>) {
    let mut table = vec![0; values.len()];
    let mut positions = vec![0; values.len()];
    let mut orders = orders.iter();
    for b in blocks {
        let base = b.s * width;
        match &b.print {
            Print::Fixed(cells) => {
                for (q, &p) in cells.iter().enumerate() {
                    table[base + q] = values[p];
                    positions[base + q] = p;
                }
            }
            Print::Shuffled { .. } => {
                let order = orders.next().expect("an order for each shuffled block");
                for (c, &j) in order.iter().enumerate() {
                    for i in 0..b.k {
                        let p = base + j * b.k + i;
                        table[base + i * width + c] = values[p];
                        positions[base + i * width + c] = p;
                    }
                }
            }
        }
    }
    (table, positions)
}

/// The next order of a shuffled block's parts (`order[..last]`, printed columns) whose columns'
/// values differ from every earlier one's (orders of equal columns give the same table),
/// lexicographically by value.
fn next_order(values: &[i64], width: usize, block: &Block, order: &mut [usize]) -> bool {
    let parts = order.len() - 1;
    let col = |j: usize| block.column(values, width, j);
    let order = &mut order[..parts];
    let Some(i) = (0..parts.saturating_sub(1)).rev().find(|&i| col(order[i]) < col(order[i + 1])) else {
        return false;
    };
    let j = (i + 1..parts).rev().find(|&j| col(order[i]) < col(order[j])).expect("a larger column after i");
    order.swap(i, j);
    order[i + 1..].reverse();
    true
}

/// A table (row-major) and the text positions giving it.
type Reading = (Vec<i64>, Vec<usize>);

/// One order of the shuffled blocks' parts (searching from shuffled block `b`; `shuffled`: their
/// indices in `blocks`) that makes `holds` true: the table and its positions, `Ok(None)` where
/// there is none, `Err(())` when the tries run out. The first shuffled block keeps its text
/// order where `first_free` (no block fixes the columns: any order of one block's parts is as
/// good).
#[allow(clippy::too_many_arguments)]
fn find_order(
    values: &[i64],
    width: usize,
    blocks: &[Block],
    shuffled: &[usize],
    first_free: bool,
    orders: &mut Vec<Vec<usize>>,
    holds: &impl Fn(&[i64]) -> bool,
    tries: &mut usize,
) -> Result<Option<Reading>, ()> {
    let b = orders.len();
    if b == shuffled.len() {
        *tries += 1;
        if *tries > MAX_TRIES {
            return Err(());
        }
        let (table, positions) = assemble(values, width, blocks, orders);
        return Ok(holds(&table).then_some((table, positions)));
    }
    let block = &blocks[shuffled[b]];
    let Print::Shuffled { total } = block.print else { unreachable!("shuffled blocks only") };
    let mut order: Vec<usize> = (0..width).filter(|&j| j != total).collect();
    let fixed = b == 0 && first_free;
    if !fixed {
        order.sort_by(|&x, &y| block.column(values, width, x).cmp(block.column(values, width, y)));
    }
    order.push(total);
    loop {
        orders.push(order.clone());
        if let Some(found) = find_order(values, width, blocks, shuffled, first_free, orders, holds, tries)? {
            return Ok(Some(found));
        }
        orders.pop();
        if fixed || !next_order(values, width, block, &mut order) {
            return Ok(None);
        }
    }
}

/// The cells of `values` (text order, `width` to a row, the last column the total) that every
/// reading agrees on, where the rows were printed in blocks each in an arrangement the text
/// keeps (`kept`) or, where a block has none, a column at a time with its columns in any order,
/// and some reading makes every row add up and the whole table `holds`. `starts` tells which
/// values begin a run of the text. `None` where no reading holds, or the ways to read the rows
/// or the tables tried run past their bounds.
///
/// Where a reading has a shuffled block, the text is known to move columns, so no block's
/// order of parts is taken as printed (one moved with its total still last would add up as
/// printed, its parts in the wrong columns): of every row only the total is read, and the parts
/// where they are all equal (a row of zeros). The order that makes the table hold is needed
/// only to show that one does.
pub(super) fn settle(values: &[i64], width: usize, holds: impl Fn(&[i64]) -> bool, starts: &[bool]) -> Option<Settled> {
    if width < 3 || values.is_empty() || !values.len().is_multiple_of(width) || starts.len() != values.len() {
        return None;
    }
    let prints = block_prints(values, width, starts);
    // Rows from which some blocks reach the end: the search below only enters those, so every
    // way it starts is a whole reading and `MAX_CUTS` bounds it.
    let rows = prints.len();
    let mut ends = vec![false; rows + 1];
    ends[rows] = true;
    for s in (0..rows).rev() {
        ends[s] = (1..).zip(&prints[s]).any(|(k, options)| !options.is_empty() && ends[s + k]);
    }
    let mut all = Vec::new();
    if !ends[0] || !cuts(&prints, &ends, 0, &mut Vec::new(), &mut all) {
        return None;
    }
    let mut tries = 0;
    let mut first: Option<Reading> = None;
    let mut certain = vec![true; values.len()];
    for blocks in all {
        let shuffled: Vec<usize> =
            (0..blocks.len()).filter(|&b| matches!(blocks[b].print, Print::Shuffled { .. })).collect();
        let first_free = shuffled.len() == blocks.len();
        let Some((table, positions)) =
            find_order(values, width, &blocks, &shuffled, first_free, &mut Vec::new(), &holds, &mut tries).ok()?
        else {
            continue;
        };
        if !shuffled.is_empty() {
            for (row, known) in table.chunks(width).zip(certain.chunks_mut(width)) {
                if row[..width - 1].iter().any(|&x| x != row[0]) {
                    known[..width - 1].iter_mut().for_each(|c| *c = false);
                }
            }
        }
        match &first {
            None => first = Some((table, positions)),
            Some((t, _)) => {
                for p in 0..table.len() {
                    certain[p] &= t[p] == table[p];
                }
            }
        }
    }
    first.map(|(_, positions)| Settled { positions, certain })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows (six parts and their total) printed as blocks of `ks` rows, each a column at a time
    /// with its columns in `orders[b]`; the text runs start at every column of a block.
    fn print(rows: &[Vec<i64>], ks: &[usize], orders: &[Vec<usize>]) -> (Vec<i64>, Vec<bool>) {
        let (mut out, mut starts) = (Vec::new(), Vec::new());
        let mut s = 0;
        for (&k, order) in ks.iter().zip(orders) {
            for &c in order {
                for (i, r) in rows[s..s + k].iter().enumerate() {
                    out.push(r[c]);
                    starts.push(i == 0);
                }
            }
            s += k;
        }
        (out, starts)
    }

    fn row(parts: [i64; 6]) -> Vec<i64> {
        let mut r = parts.to_vec();
        r.push(parts.iter().sum());
        r
    }

    /// Every column's first rows add up to its last, and its first two to the last too.
    fn columns_add_up(v: &[i64]) -> bool {
        let rows = v.len() / 7;
        (0..7).all(|c| {
            let at = |r: usize| v[r * 7 + c];
            (2..rows - 1).map(at).sum::<i64>() == at(rows - 1) && at(0) + at(1) == at(rows - 1)
        })
    }

    /// The settled cells; the one order's table they come from holds.
    fn read(values: &[i64], starts: &[bool]) -> Option<Vec<Option<i64>>> {
        let s = settle(values, 7, columns_add_up, starts)?;
        let table: Vec<i64> = s.positions.iter().map(|&p| values[p]).collect();
        assert!(columns_add_up(&table) && table.chunks(7).all(|r| r[..6].iter().sum::<i64>() == r[6]));
        Some(s.positions.iter().zip(&s.certain).map(|(&p, &c)| c.then_some(values[p])).collect())
    }

    /// `got` (row-major) holds every row's total and the parts of rows whose parts are all
    /// equal, and nothing else.
    fn assert_totals_and_equal_parts(got: &[Option<i64>], rows: &[Vec<i64>]) {
        for (r, row) in rows.iter().enumerate() {
            let equal = row[..6].iter().all(|&x| x == row[0]);
            let want: Vec<Option<i64>> = (0..7).map(|c| (c == 6 || equal).then_some(row[c])).collect();
            assert_eq!(&got[r * 7..r * 7 + 7], &want[..], "row {r}");
        }
    }

    #[test]
    fn totals_and_rows_of_zeros_are_read_whatever_the_column_order() {
        // As pdfminer printed a WPS table over two pages: the total column before the last part's.
        let rows = vec![
            row([5, 0, 0, 0, 0, 0]),
            row([0; 6]),
            row([2, 0, 0, 0, 0, 0]),
            row([0; 6]),
            row([1, 0, 0, 0, 0, 0]),
            row([2, 0, 0, 0, 0, 0]),
            row([5, 0, 0, 0, 0, 0]),
        ];
        let shuffled = vec![0, 1, 2, 3, 4, 6, 5];
        let (text, starts) = print(&rows, &[4, 3], &[shuffled.clone(), shuffled]);
        let got = read(&text, &starts).expect("read");
        assert_totals_and_equal_parts(&got, &rows);
    }

    #[test]
    fn parts_in_any_order_are_not_read_but_must_let_the_table_hold() {
        let rows = vec![
            row([3, 1, 0, 0, 0, 0]),
            row([0, 1, 0, 0, 0, 0]),
            row([2, 1, 0, 0, 0, 0]),
            row([1, 1, 0, 0, 0, 0]),
            row([3, 2, 0, 0, 0, 0]),
        ];
        let order = vec![6, 1, 0, 2, 3, 4, 5];
        let (text, starts) = print(&rows, &[2, 3], &[order.clone(), vec![6, 0, 1, 2, 3, 4, 5]]);
        let got = read(&text, &starts).expect("read");
        assert_eq!(got[6], Some(4));
        assert_eq!(got[0], None);
        assert_eq!(got[2], None);
        // Row 1's parts (0 1 0 0 0 0) are not all equal either: only its total is read.
        assert_eq!((got[7], got[13]), (None, Some(1)));
        // Rows that add up but columns that cannot hold in any order: nothing is read.
        let mut off = rows.clone();
        off[4] = row([4, 1, 0, 0, 0, 0]);
        let (text, starts) = print(&off, &[2, 3], &[(0..7).collect(), (0..7).collect()]);
        assert_eq!(read(&text, &starts), None);
    }

    #[test]
    fn beside_a_shuffled_block_no_block_is_taken_in_its_printed_order() {
        // pdftotext without -layout: three rows a column at a time in order, then two rows a
        // pair a column with the total pair fourth. The columns moved in one block; those of
        // the first may have moved too (with the total still last they add up alike): only
        // totals and rows of equal parts are read.
        let rows = vec![
            row([4, 1, 0, 0, 0, 0]),
            row([0; 6]),
            row([3, 0, 0, 0, 0, 0]),
            row([1, 1, 0, 0, 0, 0]),
            row([4, 1, 0, 0, 0, 0]),
        ];
        let (text, starts) = print(&rows, &[3, 2], &[(0..7).collect(), vec![0, 2, 3, 6, 1, 4, 5]]);
        let got = read(&text, &starts).expect("read");
        assert_totals_and_equal_parts(&got, &rows);
        // The same with the first block's parts moved (natural persons and commercial swapped,
        // the total still last): the same cells, none of them wrong.
        let (text, starts) = print(&rows, &[3, 2], &[vec![1, 0, 2, 3, 4, 5, 6], vec![0, 2, 3, 6, 1, 4, 5]]);
        assert_eq!(read(&text, &starts).expect("read"), got);
    }

    #[test]
    fn too_many_orders_are_unread_not_enumerated() {
        // Five blocks of five rows, each printed with its total first and six distinct parts:
        // 720 orders for each block after the first. Where none holds, the search stops at the
        // bound on tables tried.
        let rows: Vec<Vec<i64>> = (0..25).map(|r| row([r + 1, r + 2, r + 3, r + 4, r + 5, r + 6])).collect();
        let order = vec![6, 0, 1, 2, 3, 4, 5];
        let (text, starts) = print(&rows, &[5; 5], &vec![order.clone(); 5]);
        let asked = std::cell::Cell::new(0usize);
        let never = |_: &[i64]| {
            asked.set(asked.get() + 1);
            false
        };
        assert_eq!(settle(&text, 7, never, &starts), None);
        assert!(asked.get() <= MAX_TRIES, "{}", asked.get());
        // Where one holds, the first found is enough: only the totals are known.
        let settled = settle(&text, 7, |_| true, &starts).expect("read");
        assert_eq!(settled.certain.iter().filter(|c| **c).count(), 25);
    }

    #[test]
    fn runs_that_no_block_fits_are_unread() {
        let rows = vec![row([1, 0, 0, 0, 0, 0]), row([0; 6]), row([1, 0, 0, 0, 0, 0])];
        let (text, mut starts) = print(&rows, &[3], &[(0..7).collect()]);
        // A column that does not begin a run.
        starts[3] = false;
        assert_eq!(read(&text, &starts), None);
    }
}
