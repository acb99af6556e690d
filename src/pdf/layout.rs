//! Pages of positioned glyphs and rules → `RawDocument`: ruled tables become grids (with
//! each cell's page and box), the text around them lines and re-flowed paragraphs; page
//! numbers and running headers are dropped.

use std::collections::HashMap;

use super::grid::{self, Part};
use super::interp::{PGlyph, PageContent};
use super::unruled;
use crate::document::{CellEvidence, RawBlock, RawCell, RawDocument, RawTable};
use crate::panel;

/// A line of prose.
#[derive(Debug, Clone)]
struct Line {
    page: usize,
    top: f64,
    bottom: f64,
    x0: f64,
    x1: f64,
    size: f64,
    text: String,
}

enum Item {
    Line(Line),
    /// Index of a table chain.
    Table(usize),
    /// A table without rules, built already.
    Ready(RawTable),
}

/// Drops whitespace glyphs and the second copy of a glyph drawn twice at (nearly) one place
/// (bold simulated by overprinting).
fn dedupe(glyphs: &mut Vec<PGlyph>) {
    glyphs.retain(|g| !g.text.trim().is_empty());
    #[allow(clippy::zero_sized_map_values)]
    let mut seen: HashMap<(String, i64, i64), ()> = HashMap::new();
    glyphs.retain(|g| {
        let key = (g.text.clone(), (g.x0 / 1.5).round() as i64, (g.top / 1.5).round() as i64);
        seen.insert(key, ()).is_none()
    });
}

/// How many times the page's usual glyph size a glyph drawn over other text must be to be an
/// overlay (a watermark's `2024 内部` across a table), not the report's.
const OVERLAY_SIZE: f64 = 2.5;
/// Most large glyphs a page is checked for overlaying (a bound on work).
const MAX_OVERLAY_CHECKS: usize = 400;

/// Large glyphs drawn over the page's ordinary text: a watermark set dark and opaque, whose
/// digits would land in the table's cells. A large title stands clear of other text and stays.
fn drop_overlays(glyphs: &mut Vec<PGlyph>) {
    if glyphs.len() < 8 {
        return;
    }
    let mut sizes: Vec<f64> = glyphs.iter().map(|g| g.size).collect();
    let mid = sizes.len() / 2;
    let usual = *sizes.select_nth_unstable_by(mid, f64::total_cmp).1;
    let big = |g: &PGlyph| g.size >= OVERLAY_SIZE * usual;
    if usual <= 0.0 || glyphs.iter().filter(|g| big(g)).count() > MAX_OVERLAY_CHECKS {
        return;
    }
    let covers = |g: &PGlyph| {
        glyphs.iter().any(|o| !big(o) && o.x0 < g.x1 && g.x0 < o.x1 && o.top < g.bottom && g.top < o.bottom)
    };
    // A run of large glyphs on one line (the same size, the same height) goes as a whole when
    // any of it lies over the text: the rest of a watermark's line is in the margins or
    // between the table's columns.
    let marks: Vec<&PGlyph> = glyphs.iter().filter(|g| big(g) && covers(g)).collect();
    let same_run = |g: &PGlyph, m: &PGlyph| {
        (g.size - m.size).abs() <= 0.05 * m.size && (g.cy() - m.cy()).abs() <= 0.5 * (m.bottom - m.top).max(1.0)
    };
    let over: Vec<bool> = glyphs.iter().map(|g| big(g) && marks.iter().any(|m| same_run(g, m))).collect();
    let mut k = 0;
    glyphs.retain(|_| {
        k += 1;
        !over[k - 1]
    });
}

/// How much smaller than the glyph right before it a raised glyph is to be a footnote's mark.
const MARK_SIZE: f64 = 0.8;
/// How far (in the glyph's sizes) a mark's baseline stands above the glyph before it.
const MARK_RISE: f64 = 0.2;

/// Footnote marks set superscript after a number or a word (`14¹`, Word's raised `1` in a cell):
/// a glyph drawn right after another (next in the content stream, ending where it starts),
/// smaller than it, its baseline well above that one's; and the glyphs of the same size and
/// baseline drawn right after it. Joined to the number, a mark would be a digit of it (`141`):
/// dropped. (One look back a glyph: no search, the page's glyphs in drawing order.)
fn drop_raised_marks(glyphs: &mut Vec<PGlyph>) {
    // Glyph boxes run from 0.12 of the size below the baseline (see the interpreter).
    let baseline = |g: &PGlyph| g.bottom - 0.12 * g.size;
    let mut mark = vec![false; glyphs.len()];
    for i in 1..glyphs.len() {
        let (n, g) = (&glyphs[i - 1], &glyphs[i]);
        if g.vertical || n.vertical || n.x1 < g.x0 - 0.5 * g.size || n.x1 > g.x0 + 0.25 * g.size {
            continue;
        }
        mark[i] = if mark[i - 1] {
            (g.size - n.size).abs() <= 0.05 * n.size && (baseline(g) - baseline(n)).abs() <= 0.1 * n.size
        } else {
            g.size <= MARK_SIZE * n.size && baseline(g) < baseline(n) - MARK_RISE * n.size && g.bottom > n.top
        };
    }
    if !mark.contains(&true) {
        return;
    }
    let mut k = 0;
    glyphs.retain(|_| {
        k += 1;
        !mark[k - 1]
    });
}

/// Glyphs into lines: same vertical band, each sorted left to right.
fn bands(glyphs: &[PGlyph]) -> Vec<Vec<&PGlyph>> {
    let mut order: Vec<&PGlyph> = glyphs.iter().collect();
    order.sort_by(|a, b| a.cy().total_cmp(&b.cy()).then(a.x0.total_cmp(&b.x0)));
    let mut bands: Vec<(f64, f64, Vec<&PGlyph>)> = Vec::new();
    for g in order {
        let h = (g.bottom - g.top).max(1.0);
        match bands.last_mut() {
            Some(b) if (g.cy() - (b.0 + b.1) / 2.0).abs() < h * 0.45 => {
                b.0 = b.0.min(g.top);
                b.1 = b.1.max(g.bottom);
                b.2.push(g);
            }
            _ => bands.push((g.top, g.bottom, vec![g])),
        }
    }
    bands
        .into_iter()
        .map(|(_, _, mut gs)| {
            gs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            gs
        })
        .collect()
}

fn line_of(page: usize, gs: &[&PGlyph]) -> Line {
    Line {
        page,
        top: gs.iter().map(|g| g.top).fold(f64::MAX, f64::min),
        bottom: gs.iter().map(|g| g.bottom).fold(f64::MIN, f64::max),
        x0: gs.first().map_or(0.0, |g| g.x0),
        x1: gs.iter().map(|g| g.x1).fold(0.0, f64::max),
        size: median(gs.iter().map(|g| g.size).collect()),
        text: grid::join_line(gs),
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// `- 3 -`, `3`, `第 3 页`, `第3页 共5页`, `3/5`, `Page 3 of 5` (in a page's margin a bare number
/// is one too).
fn is_page_number(s: &str) -> bool {
    let t = s.trim();
    ((1..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())) || crate::furniture::is_page_number_line(t)
}

/// Whether a line starts with a heading number (一、 （一） 1. 第一).
fn starts_heading(s: &str) -> bool {
    let mut it = s.chars();
    let Some(first) = it.next() else { return false };
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    if numeral(first) {
        let rest: String = s.chars().skip_while(|&c| numeral(c)).take(1).collect();
        return rest == "、" || rest == "." || rest == "．";
    }
    if first == '（' || first == '(' {
        return it.next().is_some_and(|c| numeral(c) || c.is_ascii_digit());
    }
    if first.is_ascii_digit() {
        let rest: String = s.chars().skip_while(char::is_ascii_digit).take(2).collect();
        return rest.starts_with('.') && !rest[1..].starts_with(|c: char| c.is_ascii_digit()) || rest.starts_with('、');
    }
    first == '第' && it.next().is_some_and(numeral)
}

/// One page, laid out: its ruled tables (with their glyphs) and its lines of prose. The
/// page's glyphs and rules are dropped here, so a long document holds one page of them at a time.
pub(super) struct PageLayout {
    parts: Vec<Part>,
    /// Tables without rules, built already.
    unruled: Vec<(usize, unruled::Found)>,
    lines: Vec<Line>,
    height: f64,
}

pub(super) fn page(i: usize, mut p: PageContent) -> PageLayout {
    dedupe(&mut p.glyphs);
    drop_overlays(&mut p.glyphs);
    drop_raised_marks(&mut p.glyphs);
    let parts = grid::find_tables(i, &p.rules, &mut p.glyphs);
    let bands = bands(&p.glyphs);
    let found = unruled::find(i, &bands);
    let taken: std::collections::HashSet<usize> = found.iter().flat_map(|f| f.lines.iter().copied()).collect();
    let lines = bands.iter().enumerate().filter(|(k, _)| !taken.contains(k)).map(|(_, gs)| line_of(i, gs)).collect();
    let unruled = found.into_iter().map(|f| (i, f)).collect();
    PageLayout { parts, unruled, lines, height: p.height.max(1.0) }
}

/// The document: blocks in reading order.
pub(super) fn assemble(pages: Vec<PageLayout>) -> RawDocument {
    let mut parts: Vec<Part> = Vec::new();
    let mut page_lines: Vec<Vec<Line>> = Vec::new();
    let mut heights = Vec::new();
    let mut unruled = Vec::new();
    for p in pages {
        parts.extend(p.parts);
        unruled.extend(p.unruled);
        page_lines.push(p.lines);
        heights.push(p.height);
    }
    drop_furniture(&mut page_lines, &heights);
    // Chains of parts: a part that ends its page's content continues into the next page's first.
    // Per page: the lowest line top, the highest line bottom, the lowest table top.
    let n = page_lines.len();
    let last_line_top: Vec<f64> =
        page_lines.iter().map(|ls| ls.iter().map(|l| l.top).fold(f64::MIN, f64::max)).collect();
    let first_line_bottom: Vec<f64> =
        page_lines.iter().map(|ls| ls.iter().map(|l| l.bottom).fold(f64::MAX, f64::min)).collect();
    let mut last_part_top = vec![f64::MIN; n];
    for p in &parts {
        if p.page < n {
            last_part_top[p.page] = last_part_top[p.page].max(p.top);
        }
    }
    let mut chains: Vec<Vec<usize>> = Vec::new();
    for (k, part) in parts.iter().enumerate() {
        let prev = chains.last().and_then(|c| c.last()).copied();
        if let Some(j) = prev {
            let a = &parts[j];
            let nothing_after = a.page < n && last_line_top[a.page] < a.bottom;
            let nothing_before = part.page < n && first_line_bottom[part.page] > part.top;
            let last_on_page = a.page < n && last_part_top[a.page] <= a.top;
            let room = chains.last().is_some_and(|c| c.len() < 64);
            if room && grid::continues(a, part) && nothing_after && nothing_before && last_on_page {
                if let Some(c) = chains.last_mut() {
                    c.push(k);
                }
                continue;
            }
        }
        chains.push(vec![k]);
    }
    // Items per page, by top.
    let mut items: Vec<(usize, f64, Item)> = Vec::new();
    for (ci, chain) in chains.iter().enumerate() {
        let p = &parts[chain[0]];
        items.push((p.page, p.top, Item::Table(ci)));
    }
    for lines in page_lines {
        for l in lines {
            items.push((l.page, l.top, Item::Line(l)));
        }
    }
    // A rule-less table ending a page and one opening the next with the same value columns are one.
    let mut merged: Vec<(usize, usize, unruled::Found)> = Vec::new();
    for (page, f) in unruled {
        if let Some((_, pa, a)) = merged.last_mut() {
            let continues = *pa + 1 == page
                && last_line_top.get(*pa).is_none_or(|&t| t < a.bottom)
                && first_line_bottom.get(page).is_none_or(|&b| b > f.top)
                && a.cols.len() == f.cols.len()
                && a.cols.iter().zip(&f.cols).all(|(x, y)| (x - y).abs() <= 3.0);
            if continues {
                a.bottom = f.bottom;
                *pa = page;
                unruled::stitch(&mut a.table, f.table);
                continue;
            }
        }
        merged.push((page, page, f));
    }
    for (page, _, f) in merged {
        items.push((page, f.top, Item::Ready(f.table)));
    }
    items.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let body = median(
        items.iter().filter_map(|(_, _, it)| if let Item::Line(l) = it { Some(l.size) } else { None }).collect(),
    );
    let (left, right) = margins(&items, body);
    let mut blocks: Vec<RawBlock> = Vec::new();
    let mut prev: Option<Line> = None;
    for (_, _, item) in items {
        match item {
            Item::Table(ci) => {
                let mut parts: Vec<Part> = chains[ci].iter().map(|&k| parts[k].clone()).collect();
                if let Some((first, rest)) = parts.split_first_mut() {
                    for b in rest {
                        grid::drop_repeated_header(first, b);
                    }
                }
                blocks.push(RawBlock::Table(raw_table(grid::build(&parts))));
                prev = None;
            }
            Item::Ready(t) => {
                blocks.push(RawBlock::Table(t));
                prev = None;
            }
            Item::Line(l) => {
                let joins = prev.as_ref().is_some_and(|p| continues_paragraph(p, &l, body, left, right));
                match (joins, blocks.last_mut()) {
                    (true, Some(RawBlock::Paragraph(text))) => {
                        if text.chars().last().is_some_and(|c| c.is_ascii_alphanumeric())
                            && l.text.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
                        {
                            text.push(' ');
                        }
                        text.push_str(&l.text);
                    }
                    _ => blocks.push(RawBlock::Paragraph(l.text.clone())),
                }
                prev = Some(l);
            }
        }
    }
    let panel_lines: Vec<&str> = blocks
        .iter()
        .filter_map(|b| if let RawBlock::Paragraph(p) = b { Some(p.as_str()) } else { None })
        .take(80)
        .collect();
    let panel = panel::scan_lines(panel_lines);
    RawDocument { blocks, panel, html_title: None }
}

/// The body text's left edge and right edge (the most common line starts and the far end).
fn margins(items: &[(usize, f64, Item)], body: f64) -> (f64, f64) {
    let mut starts: HashMap<i64, usize> = HashMap::new();
    let mut ends = Vec::new();
    for (_, _, it) in items {
        if let Item::Line(l) = it {
            if (l.size - body).abs() <= body * 0.1 {
                *starts.entry(l.x0.round() as i64).or_default() += 1;
                ends.push(l.x1);
            }
        }
    }
    let left = starts.into_iter().max_by_key(|&(x, n)| (n, -x)).map_or(0.0, |(x, _)| x as f64);
    ends.sort_by(f64::total_cmp);
    let right = ends.get(ends.len().saturating_sub(1) * 9 / 10).copied().unwrap_or(0.0);
    (left, right)
}

fn continues_paragraph(p: &Line, l: &Line, body: f64, left: f64, right: f64) -> bool {
    let size = l.size.max(1.0);
    if (l.size - p.size).abs() > p.size.max(1.0) * 0.15 {
        return false;
    }
    // The title: larger than body text, its lines joined.
    if l.size > body * 1.15 && l.page == p.page && l.top - p.bottom < size * 1.2 {
        return !starts_heading(&l.text);
    }
    let same_flow = if l.page == p.page { l.top - p.bottom < size * 1.0 } else { l.page == p.page + 1 };
    same_flow && p.x1 >= right - size * 1.5 && l.x0 <= left + size * 0.8 && !starts_heading(&l.text)
}

/// Page numbers and running headers/footers in the top and bottom margins.
fn drop_furniture(pages: &mut [Vec<Line>], heights: &[f64]) {
    let in_margin = |l: &Line| {
        let h = heights.get(l.page).copied().unwrap_or(842.0);
        l.top < h * 0.08 || l.bottom > h * 0.9
    };
    let key = |l: &Line| -> String {
        l.text.chars().filter(|c| !c.is_whitespace()).map(|c| if c.is_ascii_digit() { '#' } else { c }).collect()
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    for lines in pages.iter() {
        let mut seen = std::collections::HashSet::new();
        for l in lines.iter().filter(|l| in_margin(l)) {
            if seen.insert(key(l)) {
                *counts.entry(key(l)).or_default() += 1;
            }
        }
    }
    let n = pages.len();
    for (p, lines) in pages.iter_mut().enumerate() {
        lines.retain(|l| {
            // (In two pages, a line in both margins is the second page's running header or
            // footer; on the first it may be the title, and stays.)
            let repeated = (n >= 3 || (n == 2 && p == 1)) && counts.get(&key(l)).copied().unwrap_or(0) * 2 > n;
            !(in_margin(l) && (is_page_number(&l.text) || repeated))
        });
    }
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

fn raw_table(g: grid::Grid) -> RawTable {
    RawTable {
        n_rows: g.n_rows,
        n_cols: g.n_cols,
        cells: g
            .cells
            .into_iter()
            .map(|c| RawCell {
                text: c.text,
                row: c.row,
                col: c.col,
                rowspan: c.rowspan,
                colspan: c.colspan,
                header: false,
                evidence: Some(CellEvidence { page: c.page as u32 + 1, bbox: c.bbox.map(round2) }),
                marked: Vec::new(),
            })
            .collect(),
        grid: g.grid,
        // A cell of ruled lines holds only its own text.
        exact: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_and_headings() {
        for s in ["- 3 -", "3", "第 3 页", "第3页 共5页", "3/5", "Page 3 of 5", "— 12 —"] {
            assert!(is_page_number(s), "{s}");
        }
        for s in ["2023年", "一、总体情况", "3.5万"] {
            assert!(!is_page_number(s), "{s}");
        }
        for s in ["一、总体情况", "（二）主动公开", "3.加强", "第二章", "十一、其他"] {
            assert!(starts_heading(s), "{s}");
        }
        for s in ["2023年", "3.5万件", "本机关"] {
            assert!(!starts_heading(s), "{s}");
        }
    }
}
