//! The main content: a known CMS container if it holds the report, otherwise the body,
//! without page furniture unless it holds substantial text; emitted as blocks (one
//! paragraph per line, data tables as grids, layout tables as flow).

use crate::document::RawBlock;

use super::arena::{Arena, CellTexts, Tag, Walk, NONE};
use super::grid::{build_table, TableKind};
use super::lines::{non_ws_chars, Lines, Noted};
use super::marks::Mark;
use super::panel::is_panel_table;

/// A run of this many non-space characters without a block break is prose.
const LONG_RUN: u32 = 100;
/// A table this shape (rows, cells in its widest row) looks like statistics, not a menu.
const STAT_ROWS: usize = 5;
const STAT_COLS: usize = 3;

pub(super) struct Content<'a> {
    pub(super) a: &'a Arena,
    /// The nodes of the page numbers of `pdftohtml -s` pages (`page_numbers`, none on other
    /// pages), read as furniture.
    pub(super) page_numbers: Vec<u32>,
    /// Non-space characters in each subtree (0 for skipped subtrees).
    pub(super) count: Vec<u32>,
    /// Subtree holds a long run of prose or a statistics-shaped table.
    pub(super) substantial: Vec<bool>,
}

impl<'a> Content<'a> {
    #[cfg(test)]
    pub(super) fn new(a: &'a Arena) -> Content<'a> {
        Content::counted(a, &[])
    }

    /// [`Content::new`] with the non-space characters of the text nodes `known` gives
    /// (`read_panel` counts those it reads).
    pub(super) fn counted(a: &'a Arena, known: &[Option<u32>]) -> Content<'a> {
        let len = a.nodes.len();
        let mut count = vec![0u32; len];
        for i in (0..len).rev() {
            let n = &a.nodes[i];
            match n.tag {
                Tag::Skip => continue,
                Tag::Text => {
                    count[i] = known.get(i).copied().flatten().unwrap_or_else(|| non_ws_chars(a.text_of(i as u32)));
                }
                _ => {}
            }
            if n.parent != NONE {
                let p = n.parent as usize;
                count[p] = count[p].saturating_add(count[i]);
            }
        }
        let mut c = Content { a, page_numbers: page_numbers(a), count, substantial: vec![false; len] };
        c.mark_substance();
        c
    }

    pub(super) fn mark_up(&mut self, mut i: u32) {
        while i != NONE && !self.substantial[i as usize] {
            self.substantial[i as usize] = true;
            i = self.a.node(i).parent;
        }
    }

    pub(super) fn is_stat_table(&self, t: u32) -> bool {
        let (rows, cols) = self.a.table_shape(t);
        rows >= STAT_ROWS && cols >= STAT_COLS
    }

    pub(super) fn mark_substance(&mut self) {
        let a = self.a;
        let mut walk = Walk::new(0);
        let mut run = 0u32;
        while let Some((i, enter)) = walk.next(a) {
            match a.tag(i) {
                Tag::Skip => walk.skip(),
                Tag::Text if enter => {
                    run = run.saturating_add(self.count[i as usize]);
                    if run >= LONG_RUN {
                        self.mark_up(a.node(i).parent);
                    }
                }
                Tag::Table if enter => {
                    run = 0;
                    if self.is_stat_table(i) {
                        self.mark_up(i);
                    }
                }
                Tag::Br => run = 0,
                t if t.breaks_line() => run = 0,
                _ => {}
            }
        }
    }

    pub(super) fn is_furniture(&self, i: u32, in_container: bool) -> bool {
        let n = self.a.node(i);
        match (n.tag, n.mark) {
            (_, Mark::Container) => false,
            (Tag::Nav, _) | (_, Mark::Furniture) => true,
            (Tag::Header, _) | (_, Mark::Header) => !in_container,
            _ => false,
        }
    }

    /// Furniture that may be dropped below `root`: marked, small, no prose or statistics inside.
    pub(super) fn droppable(&self, i: u32, root: u32, in_container: bool) -> bool {
        i != root
            && self.is_furniture(i, in_container)
            && !self.substantial[i as usize]
            && u64::from(self.count[i as usize]) * 3 < u64::from(self.count[root as usize])
    }

    pub(super) fn body(&self) -> u32 {
        self.a.nodes.iter().position(|n| n.tag == Tag::Body).map_or(0, |i| i as u32)
    }

    /// The main-content root and whether it is a content container.
    pub(super) fn root(&self) -> (u32, bool) {
        let body = self.body();
        let total = u64::from(self.count[body as usize]);
        if total == 0 {
            return (body, false);
        }
        let mut best: Option<u32> = None;
        for (i, n) in self.a.nodes.iter().enumerate().skip(body as usize + 1) {
            if n.mark != Mark::Container && n.tag != Tag::Article {
                continue;
            }
            let c = u64::from(self.count[i]);
            if c * 2 < total {
                continue;
            }
            // The smallest; on a tie the later (deeper) one.
            if best.is_none_or(|b| c <= u64::from(self.count[b as usize])) {
                best = Some(i as u32);
            }
        }
        match best {
            Some(c) if !self.report_outside(body, c) => (c, true),
            _ => (body, false),
        }
    }

    /// Whether anything report-like (a long run of prose, a statistics table) lies
    /// in the body outside `container` and outside droppable furniture.
    pub(super) fn report_outside(&self, body: u32, container: u32) -> bool {
        let a = self.a;
        let mut ancestor = vec![false; a.nodes.len()];
        let mut j = container;
        while j != NONE {
            ancestor[j as usize] = true;
            j = a.node(j).parent;
        }
        let mut walk = Walk::new(body);
        let mut run = 0u32;
        while let Some((i, enter)) = walk.next(a) {
            let tag = a.tag(i);
            if enter && i != body && (i == container || tag == Tag::Skip || self.droppable(i, body, false)) {
                walk.skip();
                run = 0;
                continue;
            }
            match tag {
                Tag::Text if enter => {
                    run = run.saturating_add(self.count[i as usize]);
                    if run >= LONG_RUN {
                        return true;
                    }
                }
                Tag::Table if enter && !ancestor[i as usize] && self.is_stat_table(i) => return true,
                t if t == Tag::Br || t.breaks_line() => run = 0,
                _ => {}
            }
        }
        false
    }

    /// Paragraphs and tables of the main content, in reading order (`known`: cell texts
    /// the panel read already; `noted`: where the whitespace of the text nodes it read lies).
    pub(super) fn blocks(&self, known: &mut CellTexts, noted: &mut Noted) -> Vec<RawBlock> {
        let a = self.a;
        let (root, in_container) = self.root();
        let mut blocks = Vec::new();
        // Outside a content container, lines of links only are the page's (sidebars, lists of
        // other reports: `驻马店市人民政府2021年政府信息公开工作年度报告` over another agency's report).
        let mut lines = Lines { drop_links_only: !in_container, ..Lines::default() };
        let mut stack = vec![Walk::new(root)];
        while let Some(walk) = stack.last_mut() {
            let Some((i, enter)) = walk.next(a) else {
                stack.pop();
                continue;
            };
            let tag = a.tag(i);
            if enter && (tag == Tag::Skip || self.droppable(i, root, in_container) || self.page_numbers.contains(&i)) {
                walk.skip();
                if tag.breaks_line() {
                    lines.brk();
                }
                continue;
            }
            match tag {
                Tag::Text if enter => lines.push_node(a.text_of(i), i, noted),
                Tag::Br if enter => lines.brk(),
                Tag::Link => lines.link(enter),
                Tag::Pre => lines.pre(enter),
                Tag::Table if enter => {
                    lines.brk();
                    let built = build_table(a, i, known);
                    if matches!(built.kind, TableKind::Layout) {
                        continue;
                    }
                    walk.skip();
                    if !in_container && matches!(built.kind, TableKind::Data) && is_panel_table(&built.table) {
                        continue;
                    }
                    flush(&mut lines, &mut blocks);
                    if let Some(c) = built.caption {
                        paragraph(&mut blocks, c.split('\n'));
                    }
                    match built.kind {
                        TableKind::Data => blocks.push(RawBlock::Table(built.table)),
                        _ => {
                            for cell in built.table.cells {
                                paragraph(&mut blocks, cell.text.split('\n'));
                            }
                        }
                    }
                    // Nested tables follow their parent, depth first in document order.
                    stack.extend(built.nested.into_iter().rev().map(Walk::new));
                }
                t if t.breaks_line() => lines.brk(),
                _ => {}
            }
        }
        flush(&mut lines, &mut blocks);
        blocks
    }
}

/// The last paragraph of each page of `pdftohtml -s` output where every page's is a bare
/// number and those numbers count the pages (`1`, `2`, … or from another first number): the
/// page numbers, which would otherwise read as one more value of the row above them
/// (`0 0 0 0 0 0 0 1`). One page, or any page's last paragraph not its number, and none is.
fn page_numbers(a: &Arena) -> Vec<u32> {
    let pages: Vec<u32> = (0..a.nodes.len() as u32).filter(|&i| a.node(i).mark == Mark::PdfPage).collect();
    if pages.len() < 2 {
        return Vec::new();
    }
    let mut found: Vec<u32> = Vec::with_capacity(pages.len());
    let mut first = None;
    for (k, &page) in pages.iter().enumerate() {
        // The page's last child holding text.
        let last = a.children(page).filter(|&c| a.tag(c) != Tag::Text || !a.text_of(c).trim().is_empty()).last();
        let Some(last) = last.filter(|&c| a.tag(c) == Tag::Block) else { return Vec::new() };
        let text = a.cell_text(last, &mut Vec::new());
        let Some(n) = text.trim().parse::<u32>().ok().filter(|_| text.trim().len() <= 4) else { return Vec::new() };
        let first_n = *first.get_or_insert(n.wrapping_sub(k as u32));
        if n.wrapping_sub(k as u32) != first_n {
            return Vec::new();
        }
        found.push(last);
    }
    found
}

pub(super) fn flush(lines: &mut Lines, blocks: &mut Vec<RawBlock>) {
    lines.brk();
    let done = std::mem::take(&mut lines.done);
    paragraph(blocks, done.iter().map(String::as_str));
}

pub(super) fn paragraph<'s>(blocks: &mut Vec<RawBlock>, lines: impl Iterator<Item = &'s str>) {
    for l in lines {
        let l = l.trim();
        if !l.is_empty() {
            blocks.push(RawBlock::Paragraph(l.to_string()));
        }
    }
}
