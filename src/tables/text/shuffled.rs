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

/// Most ways of cutting the rows into blocks that fit the text's runs: past it nothing is read.
const MAX_CUTS: usize = 16;

/// Most tables `holds` is asked about, over every cut: past it nothing is read.
const MAX_TRIES: usize = 200_000;

/// What a shuffled reading settles: one order's positions of the values (row-major, `width` to
/// a row, as text positions) and which cells every order agrees on.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Settled {
    pub positions: Vec<usize>,
    pub certain: Vec<bool>,
}

/// A block of rows `s..s + k`: its columns in text order (`k` values each), the printed column
/// that is the total, and the text position of its first value.
struct Block {
    s: usize,
    k: usize,
    base: usize,
    total: usize,
}

impl Block {
    fn column<'a>(&self, values: &'a [i64], j: usize) -> &'a [i64] {
        &values[self.base + j * self.k..self.base + (j + 1) * self.k]
    }
}

/// The printed column of block `s..s + k` that is the sum of the others in every row, if any
/// (where several are, they print the same values: the others are then all zero).
fn total_column(values: &[i64], width: usize, s: usize, k: usize) -> Option<usize> {
    let base = s * width;
    let at = |j: usize, i: usize| values[base + j * k + i];
    (0..width).find(|&t| (0..k).all(|i| (0..width).filter(|&j| j != t).map(|j| at(j, i)).sum::<i64>() == at(t, i)))
}

/// Every way of cutting rows `s..rows` into blocks each printed a column at a time (every column
/// beginning a run of the text) with a total column; `false` when they are more than `MAX_CUTS`.
fn cuts(
    values: &[i64],
    width: usize,
    starts: &[bool],
    s: usize,
    path: &mut Vec<(usize, usize, usize)>,
    out: &mut Vec<Vec<(usize, usize, usize)>>,
) -> bool {
    let rows = values.len() / width;
    if s == rows {
        if out.len() == MAX_CUTS {
            return false;
        }
        out.push(path.clone());
        return true;
    }
    for k in 1..=rows - s {
        if !(0..width).all(|j| starts[s * width + j * k]) {
            continue;
        }
        let Some(t) = total_column(values, width, s, k) else { continue };
        path.push((s, k, t));
        let ok = cuts(values, width, starts, s + k, path, out);
        path.pop();
        if !ok {
            return false;
        }
    }
    true
}

/// The table (row-major) with block `b`'s parts in `orders[b]` (printed column indices, the
/// total last) and the text positions giving it.
fn assemble(values: &[i64], width: usize, blocks: &[Block], orders: &[Vec<usize>]) -> (Vec<i64>, Vec<usize>) {
    let mut table = vec![0; values.len()];
    let mut positions = vec![0; values.len()];
    for (b, order) in blocks.iter().zip(orders) {
        for (c, &j) in order.iter().enumerate() {
            for i in 0..b.k {
                let p = b.base + j * b.k + i;
                table[(b.s + i) * width + c] = values[p];
                positions[(b.s + i) * width + c] = p;
            }
        }
    }
    (table, positions)
}

/// The next order of `order[..last]` (printed part columns) whose columns' values differ from
/// every earlier one's (orders of equal columns give the same table), lexicographically by value.
fn next_order(values: &[i64], block: &Block, order: &mut [usize]) -> bool {
    let parts = order.len() - 1;
    let col = |j: usize| block.column(values, j);
    let order = &mut order[..parts];
    let Some(i) = (0..parts.saturating_sub(1)).rev().find(|&i| col(order[i]) < col(order[i + 1])) else {
        return false;
    };
    let j = (i + 1..parts).rev().find(|&j| col(order[i]) < col(order[j])).expect("a larger column after i");
    order.swap(i, j);
    order[i + 1..].reverse();
    true
}

/// One order of every block's parts that makes `holds` true, searching block by block from `b`;
/// `None` when there is none, `Err(())` when the tries run out.
fn find_orders(
    values: &[i64],
    width: usize,
    blocks: &[Block],
    orders: &mut Vec<Vec<usize>>,
    holds: &impl Fn(&[i64]) -> bool,
    tries: &mut usize,
) -> Result<bool, ()> {
    let b = orders.len();
    if b == blocks.len() {
        *tries += 1;
        if *tries > MAX_TRIES {
            return Err(());
        }
        return Ok(holds(&assemble(values, width, blocks, orders).0));
    }
    let block = &blocks[b];
    let mut order: Vec<usize> = (0..width).filter(|&j| j != block.total).collect();
    // The first block's parts stand in text order (any order of one block's parts is as good);
    // each later block's parts are tried in every distinct order, from the smallest by value.
    if b > 0 {
        order.sort_by(|&x, &y| block.column(values, x).cmp(block.column(values, y)));
    }
    order.push(block.total);
    loop {
        // On success the later blocks' orders stay pushed after this one's.
        orders.push(order.clone());
        if find_orders(values, width, blocks, orders, holds, tries)? {
            return Ok(true);
        }
        orders.pop();
        if b == 0 || !next_order(values, block, &mut order) {
            return Ok(false);
        }
    }
}

/// The cells of `values` (text order, `width` to a row, the last column the total) that every
/// reading as blocks printed a column at a time in any column order agrees on, where some such
/// reading makes every row add up and the whole table `holds`. `starts` tells which values begin
/// a run of the text: every column of a block must. `None` where no reading holds, or the ways
/// to cut the rows into blocks or the orders tried run past their bounds.
pub(super) fn settle(values: &[i64], width: usize, holds: impl Fn(&[i64]) -> bool, starts: &[bool]) -> Option<Settled> {
    if width < 3 || values.is_empty() || !values.len().is_multiple_of(width) || starts.len() != values.len() {
        return None;
    }
    let mut all = Vec::new();
    if !cuts(values, width, starts, 0, &mut Vec::new(), &mut all) {
        return None;
    }
    let mut tries = 0;
    let mut settled: Option<(Vec<i64>, Settled)> = None;
    for cut in all {
        let blocks: Vec<Block> = cut.iter().map(|&(s, k, total)| Block { s, k, base: s * width, total }).collect();
        let mut orders = Vec::new();
        if !find_orders(values, width, &blocks, &mut orders, &holds, &mut tries).ok()? {
            continue;
        }
        let (table, positions) = assemble(values, width, &blocks, &orders);
        let mut certain = vec![true; values.len()];
        for b in &blocks {
            for i in 0..b.k {
                let row = &table[(b.s + i) * width..(b.s + i + 1) * width];
                let parts_equal = row[..width - 1].iter().all(|&x| x == row[0]);
                for c in 0..width - 1 {
                    certain[(b.s + i) * width + c] = parts_equal;
                }
            }
        }
        match &mut settled {
            None => settled = Some((table, Settled { positions, certain })),
            // Another cut: a cell is certain only where both are and their values agree.
            Some((first, s)) => {
                for p in 0..values.len() {
                    s.certain[p] &= certain[p] && first[p] == table[p];
                }
            }
        }
    }
    settled.map(|(_, s)| s)
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
        for (r, row) in rows.iter().enumerate() {
            let zeros = row[..6].iter().all(|&x| x == 0);
            for c in 0..7 {
                let want = (c == 6 || zeros).then_some(row[c]);
                assert_eq!(got[r * 7 + c], want, "row {r} column {c}");
            }
        }
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
        let (text, starts) = print(&rows, &[2, 3], &[order.clone(), (0..7).collect()]);
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
    fn runs_that_no_block_fits_are_unread() {
        let rows = vec![row([1, 0, 0, 0, 0, 0]), row([0; 6]), row([1, 0, 0, 0, 0, 0])];
        let (text, mut starts) = print(&rows, &[3], &[(0..7).collect()]);
        // A column that does not begin a run.
        starts[3] = false;
        assert_eq!(read(&text, &starts), None);
    }
}
