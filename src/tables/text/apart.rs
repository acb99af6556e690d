//! Table 2's values printed apart from their labels, read block by block (pdftotext without
//! `-layout` on a WPS PDF: `本年处理决定数量` / `550` / `行政许可`, a value set a little higher
//! than its label coming out before it). Every way a tool orders the text of one block — row
//! by row, a column at a time — keeps the block's cells in the table's order when the block has
//! one item or one column, so there the block's values, in text order, are its cells: the
//! items in the order their labels are printed, each item's columns left to right. Nothing is
//! read from a block of several items and several columns (`规章` / `行政规范性文件` × three),
//! whose order cannot be told, nor from a block whose value count is not its cell count.
//!
//! pdftotext without `-layout` of a Word table prints every item label first, then each column
//! of each block in turn: its header word (`本年制发件数`) and the values of the block's items
//! under it, top to bottom. There the header words tell every value's place (`place_columns`).
//! pdfminer prints such column runs too, but the blocks in any order: a run is placed where its
//! header word and its number of values fit one block only (`place_runs`).

use crate::model::Form;

use super::super::build::RowIn;
use super::super::rows::{self, Hit, View};
use super::super::solve::Token;
use super::super::template::{t2_blocks, T2Block, T2Label, T2_ITEMS, T2_LABELS};

/// Where the values after hit `k` of `in_table` end: at the next hit, or (after the last) where
/// its region ends before `limit`.
fn end_after(v: &View, in_table: &[Hit], k: usize, limit: usize) -> usize {
    in_table.get(k + 1).map_or_else(|| v.region_end(in_table[k].end, limit), |n| n.start)
}

/// The values after hit `k` of `in_table`, to where they end (`end_after`).
fn values_after(v: &View, in_table: &[Hit], k: usize, limit: usize) -> Vec<Token> {
    rows::tokenize(v, in_table[k].end, end_after(v, in_table, k, limit), None)
}

/// Gives row `r` the tokens `toks`.
pub(super) fn give(r: &mut RowIn, toks: Vec<Token>) {
    r.region = rows::tokens_span(&toks, r.region[0]);
    r.tokens = toks;
}

/// Gives the rows of every block that can be read this way their values, but for blocks holding
/// a row in `skip` (placed already); returns the keys of the rows it placed (their values are
/// then known, not out of order).
pub(in super::super) fn place_blocks(
    v: &View,
    in_table: &[Hit],
    format: Form,
    limit: usize,
    rows_in: &mut [RowIn],
    skip: &[&'static str],
) -> Vec<&'static str> {
    let captions: Vec<usize> =
        in_table.iter().enumerate().filter(|(_, h)| T2_LABELS[h.pat].0 == "第二十条").map(|(k, _)| k).collect();
    let mut placed = Vec::new();
    for (n, &c) in captions.iter().enumerate() {
        let next = captions.get(n + 1).copied().unwrap_or(in_table.len());
        let hits = &in_table[c..next];
        let Some(items) = block_items(hits, format) else { continue };
        if items.iter().any(|k| skip.contains(k)) {
            continue;
        }
        if hits.is_empty() {
            continue;
        }
        // The block's text: to the next caption, or (the last block) past its last label's values.
        let end = end_after(v, in_table, next - 1, limit);
        let mut tokens: Vec<Token> = Vec::new();
        for (k, h) in hits.iter().enumerate() {
            let gap_end = hits.get(k + 1).map_or(end, |x| x.start);
            if gap_end > h.end {
                tokens.extend(rows::tokenize(v, h.end, gap_end, None));
            }
        }
        let width = rows_in.iter().find(|r| r.key == items[0]).map_or(0, |r| r.cols.len());
        if width == 0 || tokens.len() != items.len() * width {
            continue;
        }
        let assigned: Vec<(&'static str, Vec<Token>)> =
            items.iter().zip(tokens.chunks(width)).map(|(k, t)| (*k, t.to_vec())).collect();
        // The rows' own readings (values after each label, glued pieces) hold only these
        // values: nothing from outside the block (a blank read from an empty line is the layout's).
        // A line of digits a space apart a row reads as one cell (`1 1`, 11 spaced) is one token
        // here too: split, its digits became the row's values (1 and 1 where the report printed
        // 11 and a blank).
        let hull = rows::tokens_span(&tokens, 0);
        let agrees = assigned.iter().all(|(key, _)| {
            rows_in.iter().find(|r| r.key == *key).is_some_and(|r| {
                r.cols.len() == width
                    && r.tokens
                        .iter()
                        .filter(|t| !t.is_blank())
                        .all(|t| hull[0] <= t.span()[0] && t.span()[1] <= hull[1])
                    && r.tokens
                        .iter()
                        .filter(|t| rows::is_spaced(t))
                        .all(|t| tokens.iter().any(|x| x.span() == t.span()))
            })
        });
        if !agrees {
            continue;
        }
        for (key, toks) in assigned {
            if let Some(r) = rows_in.iter_mut().find(|r| r.key == key) {
                give(r, toks);
                placed.push(key);
            }
        }
    }
    placed
}

/// The item keys of one caption's block in the order their labels are printed, when the labels
/// are exactly one block's items, each once, and that block has one item or one column.
fn block_items(hits: &[Hit], format: Form) -> Option<Vec<&'static str>> {
    let mut items: Vec<&'static str> = Vec::new();
    for h in hits {
        if let T2Label::Item(i) = T2_LABELS[h.pat].1 {
            let key = T2_ITEMS[i].key;
            if items.contains(&key) {
                return None;
            }
            items.push(key);
        }
    }
    let block = t2_blocks(format)
        .iter()
        .find(|b| b.items.len() == items.len() && b.items.iter().all(|(k, _)| items.contains(k)))?;
    (block.items.len() == 1 || block.columns.len() == 1).then_some(items)
}

/// Table 2 printed as every item label, then column after column under its header word, each
/// column's values the block's items' in the order their labels are printed. Reads the whole
/// table or nothing: every block's items printed together, every column header of every block
/// after the last item label, in the template's order, each followed by exactly one value per
/// item of its block. Returns the keys of the rows it placed.
pub(in super::super) fn place_columns(
    v: &View,
    in_table: &[Hit],
    format: Form,
    limit: usize,
    rows_in: &mut [RowIn],
) -> Vec<&'static str> {
    let blocks = t2_blocks(format);
    // The blocks in the order their items are printed, each with its items in that order.
    let mut order: Vec<(&T2Block, Vec<&'static str>)> = Vec::new();
    let mut last_item = None;
    for (k, h) in in_table.iter().enumerate() {
        let T2Label::Item(i) = T2_LABELS[h.pat].1 else { continue };
        let key = T2_ITEMS[i].key;
        let Some(block) = blocks.iter().find(|b| b.items.iter().any(|(k, _)| *k == key)) else { return Vec::new() };
        if order.iter().any(|(_, items)| items.contains(&key)) {
            return Vec::new();
        }
        let open = order.last().is_some_and(|(b, _)| std::ptr::eq(*b, block));
        if open {
            order.last_mut().expect("an open block").1.push(key);
        } else if order.iter().any(|(b, _)| std::ptr::eq(*b, block)) {
            return Vec::new();
        } else {
            order.push((block, vec![key]));
        }
        last_item = Some(k);
    }
    let Some(last_item) = last_item else { return Vec::new() };
    let headers: Vec<(usize, &Hit)> =
        in_table.iter().enumerate().filter(|(_, h)| matches!(T2_LABELS[h.pat].1, T2Label::Col(..))).collect();
    let expected: usize = order.iter().map(|(b, _)| b.columns.len()).sum();
    if order.iter().any(|(b, items)| items.len() != b.items.len())
        || headers.len() != expected
        || headers.first().is_none_or(|(k, _)| *k < last_item)
    {
        return Vec::new();
    }
    // Each item's values, its block's columns left to right.
    let mut cells: Vec<(&'static str, usize, Vec<Token>)> = Vec::new();
    let mut at = headers.iter();
    for (block, items) in &order {
        let first = cells.len();
        cells.extend(items.iter().map(|item| (*item, block.columns.len(), Vec::new())));
        for (col, _, _) in block.columns {
            let Some(&(k, h)) = at.next() else { return Vec::new() };
            if !matches!(T2_LABELS[h.pat].1, T2Label::Col(key, _) if key == *col) {
                return Vec::new();
            }
            let tokens = values_after(v, in_table, k, limit);
            if tokens.len() != items.len() {
                return Vec::new();
            }
            for (cell, t) in cells[first..].iter_mut().zip(tokens) {
                cell.2.push(t);
            }
        }
    }
    let mut placed = Vec::new();
    for (item, width, toks) in cells {
        if let Some(r) = rows_in.iter_mut().find(|r| r.key == item && r.cols.len() == width) {
            give(r, toks);
            placed.push(item);
        }
    }
    placed
}

/// Table 2's column runs in any order (pdfminer: `本年处理决定数量` / `0` / `0`, then
/// `本年处理决定数量` / `0`): a header word followed by nothing but values, as many as the items
/// of exactly one block having that column, gives that column of the block, the values the
/// items' top to bottom. A block is placed when every one of its columns is given once; a
/// column given twice places nothing of its block. Returns the keys of the rows it placed.
pub(in super::super) fn place_runs(
    v: &View,
    in_table: &[Hit],
    format: Form,
    limit: usize,
    rows_in: &mut [RowIn],
) -> Vec<&'static str> {
    let blocks = t2_blocks(format);
    // (block, column, values) of every run that fits one block.
    let mut runs: Vec<(usize, usize, Vec<Token>)> = Vec::new();
    for (k, h) in in_table.iter().enumerate() {
        let T2Label::Col(col, _) = T2_LABELS[h.pat].1 else { continue };
        let tokens = values_after(v, in_table, k, limit);
        if tokens.is_empty() {
            continue;
        }
        let mut fits = blocks.iter().enumerate().filter_map(|(b, block)| {
            let c = block.columns.iter().position(|(key, _, _)| *key == col)?;
            (block.items.len() == tokens.len()).then_some((b, c))
        });
        if let (Some((b, c)), None) = (fits.next(), fits.next()) {
            runs.push((b, c, tokens));
        }
    }
    let mut placed = Vec::new();
    for (b, block) in blocks.iter().enumerate() {
        let mut columns: Vec<&[Token]> = Vec::with_capacity(block.columns.len());
        for c in 0..block.columns.len() {
            let mut given = runs.iter().filter(|(rb, rc, _)| *rb == b && *rc == c);
            match (given.next(), given.next()) {
                (Some((_, _, toks)), None) => columns.push(toks),
                _ => break,
            }
        }
        if columns.len() != block.columns.len() {
            continue;
        }
        for (i, (item, _)) in block.items.iter().enumerate() {
            if let Some(r) = rows_in.iter_mut().find(|r| r.key == *item && r.cols.len() == block.columns.len()) {
                give(r, columns.iter().map(|col| col[i].clone()).collect());
                placed.push(*item);
            }
        }
    }
    placed
}
