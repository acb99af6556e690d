//! Tables as span-expanded grids (`colspan`/`rowspan` as browsers read them), each judged
//! a data table, a layout table (read as flow) or one too big to expand.

use crate::document::{RawCell, RawTable};

use super::arena::{Arena, CellTexts, Tag};

/// Largest span-expanded grid (`rows × cols`); bigger tables become paragraphs.
const MAX_GRID: usize = 2_000_000;

pub(super) enum TableKind {
    /// A data table: emit as a grid.
    Data,
    /// A layout table: read its contents as flow.
    Layout,
    /// Grid over [`MAX_GRID`]: emit its cell texts as paragraphs.
    TooBig,
}

pub(super) struct Built {
    pub(super) table: RawTable,
    pub(super) caption: Option<String>,
    /// Tables inside this table's cells, in document order.
    pub(super) nested: Vec<u32>,
    pub(super) kind: TableKind,
}

pub(super) fn build_table(a: &Arena, t: u32, known: &mut CellTexts) -> Built {
    let (rows, caption_node) = a.table_rows(t);
    let mut nested = Vec::new();
    let caption = caption_node.map(|c| a.cell_text(c, &mut nested)).filter(|s| !s.is_empty());
    let n_rows = rows.len();
    let mut cells: Vec<RawCell> = Vec::new();
    let mut grid_rows: Vec<Vec<Option<u32>>> = Vec::with_capacity(n_rows);
    // Per column: (cell, rows it still covers below the current row).
    let mut carry: Vec<Option<(u32, usize)>> = Vec::new();
    let mut n_cols = 0usize;
    let mut too_big = false;
    let mut max_chars = 0usize;
    for (r, &tr) in rows.iter().enumerate() {
        let mut line: Vec<Option<u32>> = Vec::new();
        if !too_big {
            line.reserve(carry.len());
            for slot in &mut carry {
                match slot {
                    Some((idx, left)) => {
                        line.push(Some(*idx));
                        *left -= 1;
                        if *left == 0 {
                            *slot = None;
                        }
                    }
                    None => line.push(None),
                }
            }
        }
        let mut col = 0usize;
        for cell in a.cells(tr) {
            let text = a.cell_text_known(cell, &mut nested, known);
            max_chars = max_chars.max(text.chars().count());
            let node = a.node(cell);
            let colspan = node.colspan.max(1) as usize;
            let remaining = n_rows - r;
            let rowspan = if node.rowspan == 0 { remaining } else { (node.rowspan as usize).clamp(1, remaining) };
            let Ok(idx) = u32::try_from(cells.len()) else {
                too_big = true;
                break;
            };
            if !too_big {
                while col < line.len() && line[col].is_some() {
                    col += 1;
                }
                let end = col + colspan;
                if end > MAX_GRID {
                    too_big = true;
                } else {
                    if line.len() < end {
                        line.resize(end, None);
                    }
                    for slot in &mut line[col..end] {
                        if slot.is_none() {
                            *slot = Some(idx);
                        }
                    }
                    if rowspan > 1 {
                        if carry.len() < end {
                            carry.resize(end, None);
                        }
                        for slot in &mut carry[col..end] {
                            *slot = Some((idx, rowspan - 1));
                        }
                    }
                }
            }
            cells.push(RawCell {
                text,
                row: r,
                col,
                rowspan,
                colspan,
                header: node.tag == Tag::Th,
                evidence: None,
                marked: Vec::new(),
            });
            col += colspan;
        }
        if !too_big {
            n_cols = n_cols.max(line.len());
            if n_cols.saturating_mul(r + 1) > MAX_GRID {
                too_big = true;
                grid_rows.clear();
            } else {
                grid_rows.push(line);
            }
        }
    }
    let has_nested = !nested.is_empty();
    let kind = if too_big {
        TableKind::TooBig
    } else if n_rows == 0
        || cells.is_empty()
        || n_cols <= 1
        || (has_nested && (n_cols <= 2 || (n_cols <= 3 && (n_rows <= 3 || max_chars >= 200))))
        || (n_cols <= 2 && max_chars >= 200)
        || max_chars >= 2000
    {
        // Layout: a wrapper of one or two columns (page furniture, prose, inner tables).
        TableKind::Layout
    } else {
        TableKind::Data
    };
    let mut table = RawTable { n_rows, n_cols, cells, grid: Vec::new(), exact: true };
    if matches!(kind, TableKind::Data) {
        table.grid.reserve(n_rows * n_cols);
        for mut line in grid_rows {
            line.resize(n_cols, None);
            table.grid.extend(line);
        }
    }
    Built { table, caption, nested, kind }
}
