//! Ruled tables: ruling lines → table regions → cell grids with rowspan/colspan (the study's
//! "positioned text → grid" steps 2–5, ../shared/research/pdf-docx.md).
//!
//! A table is a connected group of touching horizontal and vertical rules. Its column and
//! row boundaries are the clustered rule positions plus the outer ends of the rules (at a
//! page break WPS draws the side rules of the last row and no bottom rule). Grid slots whose
//! shared edge has no rule across its middle are one cell. A table ending a page and one
//! starting the next with the same left and right edges are one table: their column
//! boundaries are united, and a row cut by the page break (no rule under it) is re-joined.

use super::interp::{PGlyph, Rule};

/// Positions closer than this are one boundary (points).
const SNAP: f64 = 2.0;

/// One page's piece of a ruled table.
#[derive(Debug, Clone)]
pub(super) struct Part {
    pub page: usize,
    pub x0: f64,
    pub top: f64,
    pub x1: f64,
    pub bottom: f64,
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    pub h: Vec<Rule>,
    pub v: Vec<Rule>,
    pub glyphs: Vec<PGlyph>,
}

/// A cell of a built table: grid position, text, and where it is drawn.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct GridCell {
    pub row: usize,
    pub col: usize,
    pub rowspan: usize,
    pub colspan: usize,
    pub text: String,
    pub page: usize,
    pub bbox: [f64; 4],
}

#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::struct_field_names)]
pub(super) struct Grid {
    pub n_rows: usize,
    pub n_cols: usize,
    pub cells: Vec<GridCell>,
    pub grid: Vec<Option<u32>>,
}

/// Merges collinear rules that touch or overlap.
pub(super) fn merge_rules(rules: &[Rule]) -> (Vec<Rule>, Vec<Rule>) {
    let mut h: Vec<Rule> = rules.iter().copied().filter(Rule::horizontal).collect();
    let mut v: Vec<Rule> = rules.iter().copied().filter(|r| !r.horizontal()).collect();
    h.sort_by(|a, b| a.y0.total_cmp(&b.y0).then(a.x0.total_cmp(&b.x0)));
    v.sort_by(|a, b| a.x0.total_cmp(&b.x0).then(a.y0.total_cmp(&b.y0)));
    let merge = |list: Vec<Rule>, horizontal: bool| -> Vec<Rule> {
        let mut out: Vec<Rule> = Vec::with_capacity(list.len());
        // Group by position, then merge along.
        let mut i = 0;
        while i < list.len() {
            let pos = |r: &Rule| if horizontal { r.y0 } else { r.x0 };
            let mut j = i;
            while j < list.len() && pos(&list[j]) - pos(&list[i]) <= 1.0 {
                j += 1;
            }
            let mut group: Vec<Rule> = list[i..j].to_vec();
            let p = group.iter().map(pos).sum::<f64>() / group.len() as f64;
            let ends = |r: &Rule| if horizontal { (r.x0, r.x1) } else { (r.y0, r.y1) };
            group.sort_by(|a, b| ends(a).0.total_cmp(&ends(b).0));
            let mut cur: Option<(f64, f64)> = None;
            for r in &group {
                let (a, b) = ends(r);
                cur = match cur {
                    Some((s, e)) if a <= e + 1.5 => Some((s, e.max(b))),
                    Some((s, e)) => {
                        out.push(make(horizontal, p, s, e));
                        Some((a, b))
                    }
                    None => Some((a, b)),
                };
            }
            if let Some((s, e)) = cur {
                out.push(make(horizontal, p, s, e));
            }
            i = j;
        }
        out.retain(|r| (r.x1 - r.x0) + (r.y1 - r.y0) >= 2.0);
        out
    };
    h = merge(h, true);
    v = merge(v, false);
    (h, v)
}

fn make(horizontal: bool, p: f64, s: f64, e: f64) -> Rule {
    if horizontal {
        Rule { x0: s, y0: p, x1: e, y1: p }
    } else {
        Rule { x0: p, y0: s, x1: p, y1: e }
    }
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (a, b) = (find(parent, a), find(parent, b));
    if a != b {
        parent[a.max(b)] = a.min(b);
    }
}

/// Clusters sorted values: runs closer than `SNAP` become their mean.
fn cluster(mut vals: Vec<f64>) -> Vec<f64> {
    vals.sort_by(f64::total_cmp);
    let mut out: Vec<f64> = Vec::new();
    let mut run: Vec<f64> = Vec::new();
    for v in vals {
        if run.last().is_some_and(|&l| v - l > SNAP) {
            out.push(run.iter().sum::<f64>() / run.len() as f64);
            run.clear();
        }
        run.push(v);
    }
    if !run.is_empty() {
        out.push(run.iter().sum::<f64>() / run.len() as f64);
    }
    out
}

/// The ruled tables of one page; `glyphs` inside them are moved into the parts.
pub(super) fn find_tables(page: usize, rules: &[Rule], glyphs: &mut Vec<PGlyph>) -> Vec<Part> {
    let (h, v) = merge_rules(rules);
    if h.len() < 2 || v.len() < 2 || h.len() * v.len() > 4_000_000 {
        return Vec::new();
    }
    let n = h.len() + v.len();
    let mut parent: Vec<usize> = (0..n).collect();
    for (i, a) in h.iter().enumerate() {
        for (j, b) in v.iter().enumerate() {
            if b.x0 >= a.x0 - SNAP && b.x0 <= a.x1 + SNAP && a.y0 >= b.y0 - SNAP && a.y0 <= b.y1 + SNAP {
                union(&mut parent, i, h.len() + j);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, (Vec<Rule>, Vec<Rule>)> = std::collections::BTreeMap::default();
    for i in 0..n {
        let root = find(&mut parent, i);
        let g = groups.entry(root).or_default();
        if i < h.len() {
            g.0.push(h[i]);
        } else {
            g.1.push(v[i - h.len()]);
        }
    }
    let mut parts = Vec::new();
    for (_, (gh, gv)) in groups {
        if gh.len() < 2 && gv.len() < 2 {
            continue;
        }
        let x0 = gh.iter().map(|r| r.x0).chain(gv.iter().map(|r| r.x0)).fold(f64::MAX, f64::min);
        let x1 = gh.iter().map(|r| r.x1).chain(gv.iter().map(|r| r.x1)).fold(f64::MIN, f64::max);
        let top = gh.iter().map(|r| r.y0).chain(gv.iter().map(|r| r.y0)).fold(f64::MAX, f64::min);
        let bottom = gh.iter().map(|r| r.y1).chain(gv.iter().map(|r| r.y1)).fold(f64::MIN, f64::max);
        if x1 - x0 < 10.0 || bottom - top < 5.0 {
            continue;
        }
        let xs = cluster(gv.iter().map(|r| r.x0).chain([x0, x1]).collect());
        let ys = cluster(gh.iter().map(|r| r.y0).chain([top, bottom]).collect());
        // A bound on work: more slots than any report table has is not a table.
        if xs.len() < 2 || ys.len() < 2 || (xs.len() - 1) * (ys.len() - 1) > 20_000 {
            continue;
        }
        let inside =
            |g: &PGlyph| g.cx() >= x0 - 1.0 && g.cx() <= x1 + 1.0 && g.cy() >= top - 1.0 && g.cy() <= bottom + 1.0;
        let (ins, rest): (Vec<PGlyph>, Vec<PGlyph>) = glyphs.drain(..).partition(inside);
        *glyphs = rest;
        if ins.is_empty() {
            continue;
        }
        parts.push(Part { page, x0, top, x1, bottom, xs, ys, h: gh, v: gv, glyphs: ins });
    }
    parts.sort_by(|a, b| a.top.total_cmp(&b.top));
    parts
}

/// Whether `b` continues `a` on the next page (same left and right edges).
pub(super) fn continues(a: &Part, b: &Part) -> bool {
    b.page == a.page + 1 && (a.x0 - b.x0).abs() <= 3.0 && (a.x1 - b.x1).abs() <= 3.0
}

/// The text of each row band of a part (glyphs in reading order, no separators).
fn row_texts(p: &Part) -> Vec<String> {
    let mut rows = vec![Vec::new(); p.ys.len().saturating_sub(1)];
    for g in &p.glyphs {
        if let Some(r) = p.ys.windows(2).position(|w| g.cy() < w[1]) {
            rows[r].push(g);
        }
    }
    rows.into_iter()
        .map(|mut gs| {
            gs.sort_by(|a, b| a.top.total_cmp(&b.top).then(a.x0.total_cmp(&b.x0)));
            gs.iter().map(|g| g.text.as_str()).collect()
        })
        .collect()
}

/// Drops from `b` (a continuation) the header rows it repeats from `first` (Word's and WPS's
/// "repeat as header row"): read twice they would be a second header inside the table.
pub(super) fn drop_repeated_header(first: &Part, b: &mut Part) {
    let (ha, hb) = (row_texts(first), row_texts(b));
    let k = ha.iter().zip(&hb).take_while(|(x, y)| !x.is_empty() && x == y).count();
    if k == 0 || k >= hb.len() {
        return;
    }
    let cut = b.ys[k];
    b.glyphs.retain(|g| g.cy() >= cut);
    b.ys.drain(..k);
    b.top = cut;
    b.h.retain(|r| r.y0 >= cut - SNAP);
    for r in &mut b.v {
        r.y0 = r.y0.max(cut);
    }
}

fn covers_v(rules: &[Rule], x: f64, y: f64) -> bool {
    rules.iter().any(|r| (r.x0 - x).abs() <= SNAP && r.y0 - 1.0 <= y && y <= r.y1 + 1.0)
}

fn covers_h(rules: &[Rule], y: f64, x: f64) -> bool {
    rules.iter().any(|r| (r.y0 - y).abs() <= SNAP && r.x0 - 1.0 <= x && x <= r.x1 + 1.0)
}

/// Builds one table from the parts of a chain (one part, or parts stitched across pages).
pub(super) fn build(parts: &[Part]) -> Grid {
    let xs = if parts.len() == 1 {
        parts[0].xs.clone()
    } else {
        cluster(parts.iter().flat_map(|p| p.xs.iter().copied()).collect())
    };
    let nc = xs.len() - 1;
    // Rows: (part index, top, bottom).
    let rows: Vec<(usize, f64, f64)> =
        parts.iter().enumerate().flat_map(|(k, p)| p.ys.windows(2).map(move |w| (k, w[0], w[1]))).collect();
    let nr = rows.len();
    // Glyphs to slots.
    let mut slot_glyphs: Vec<Vec<(usize, &PGlyph)>> = vec![Vec::new(); nr * nc];
    let mut row_start = Vec::with_capacity(parts.len());
    let mut acc = 0;
    for p in parts {
        row_start.push(acc);
        acc += p.ys.len() - 1;
    }
    for (k, p) in parts.iter().enumerate() {
        for g in &p.glyphs {
            let c = xs.windows(2).position(|w| g.cx() < w[1]).unwrap_or(nc - 1);
            let r = p.ys.windows(2).position(|w| g.cy() < w[1]).unwrap_or(p.ys.len() - 2);
            slot_glyphs[(row_start[k] + r) * nc + c].push((k, g));
        }
    }
    let has_digit = |r: usize| {
        (0..nc).any(|c| slot_glyphs[r * nc + c].iter().any(|(_, g)| g.text.chars().any(|ch| ch.is_ascii_digit())))
    };
    let mut parent: Vec<usize> = (0..nr * nc).collect();
    for (r, &(k, y0, y1)) in rows.iter().enumerate() {
        let p = &parts[k];
        let ym = (y0 + y1) / 2.0;
        for c in 0..nc.saturating_sub(1) {
            if !covers_v(&p.v, xs[c + 1], ym) {
                union(&mut parent, r * nc + c, r * nc + c + 1);
            }
        }
        if r + 1 >= nr {
            continue;
        }
        let across = rows[r + 1].0 != k;
        // A row cut by the page break: its continuation has text and no number, and the same
        // cell edges (a caption row ending a page is not cut when the header row follows).
        let same_edges = || {
            let (kb, yb0, yb1) = rows[r + 1];
            let ymb = (yb0 + yb1) / 2.0;
            (0..nc.saturating_sub(1)).all(|c| covers_v(&p.v, xs[c + 1], ym) == covers_v(&parts[kb].v, xs[c + 1], ymb))
        };
        let cut =
            across && !has_digit(r + 1) && !(0..nc).all(|c| slot_glyphs[(r + 1) * nc + c].is_empty()) && same_edges();
        for c in 0..nc {
            let xm = (xs[c] + xs[c + 1]) / 2.0;
            let open = !covers_h(&p.h, y1, xm);
            // Within a page: no rule under the slot. Across a break (where WPS draws no
            // bottom rule at all): a cut row, or a spanning cell whose continuation is empty.
            let merge = if across { cut || (open && slot_glyphs[(r + 1) * nc + c].is_empty()) } else { open };
            if merge {
                union(&mut parent, r * nc + c, (r + 1) * nc + c);
            }
        }
    }
    // Redundant rows and columns (every slot one group with its neighbour) collapse.
    let roots: Vec<usize> = (0..nr * nc).map(|i| find(&mut parent, i)).collect();
    let keep_row: Vec<bool> =
        (0..nr).map(|r| r == 0 || (0..nc).any(|c| roots[r * nc + c] != roots[(r - 1) * nc + c])).collect();
    let keep_col: Vec<bool> =
        (0..nc).map(|c| c == 0 || (0..nr).any(|r| roots[r * nc + c] != roots[r * nc + c - 1])).collect();
    let row_map: Vec<usize> = keep_row
        .iter()
        .scan(0usize, |n, &k| {
            if k {
                *n += 1;
            }
            Some(*n - 1)
        })
        .collect();
    let col_map: Vec<usize> = keep_col
        .iter()
        .scan(0usize, |n, &k| {
            if k {
                *n += 1;
            }
            Some(*n - 1)
        })
        .collect();
    let n_rows = row_map.last().map_or(0, |r| r + 1);
    let n_cols = col_map.last().map_or(0, |c| c + 1);
    // Groups → cells, in reading order of their top-left slot.
    let mut cells: Vec<GridCell> = Vec::new();
    let mut cell_of_root: std::collections::HashMap<usize, u32> = std::collections::HashMap::default();
    let mut grid = vec![None; n_rows * n_cols];
    let mut members: std::collections::HashMap<usize, Vec<usize>> = std::collections::HashMap::default();
    for (i, &root) in roots.iter().enumerate() {
        members.entry(root).or_default().push(i);
    }
    for (i, &root) in roots.iter().enumerate() {
        if cell_of_root.contains_key(&root) {
            continue;
        }
        let slots = &members[&root];
        let (r0, c0) = (i / nc, i % nc);
        let r1 = slots.iter().map(|s| s / nc).max().unwrap_or(r0);
        let c1 = slots.iter().map(|s| s % nc).max().unwrap_or(c0);
        let (gr0, gc0, gr1, gc1) = (row_map[r0], col_map[c0], row_map[r1], col_map[c1]);
        let k0 = rows[r0].0;
        let bottom = slots.iter().filter(|s| rows[*s / nc].0 == k0).map(|s| rows[s / nc].2).fold(rows[r0].1, f64::max);
        let mut gl: Vec<(usize, &PGlyph)> = slots.iter().flat_map(|s| slot_glyphs[*s].iter().copied()).collect();
        gl.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cy().total_cmp(&b.1.cy())));
        let text = cell_text(&gl, true);
        let idx = cells.len() as u32;
        cell_of_root.insert(root, idx);
        cells.push(GridCell {
            row: gr0,
            col: gc0,
            rowspan: gr1 - gr0 + 1,
            colspan: gc1 - gc0 + 1,
            text,
            page: parts[k0].page,
            bbox: [xs[c0], rows[r0].1, xs[c1 + 1], bottom],
        });
    }
    for (i, &root) in roots.iter().enumerate() {
        let (r, c) = (row_map[i / nc], col_map[i % nc]);
        let slot = &mut grid[r * n_cols + c];
        if slot.is_none() {
            *slot = cell_of_root.get(&root).copied();
        }
    }
    Grid { n_rows, n_cols, cells, grid }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Joins glyphs into text: lines by vertical position (per part), left to right inside a
/// line; a space only between Latin letters or digits set apart; lines joined without a
/// separator (a number wrapped in a narrow cell is one number) except between Latin words.
/// With `one_number`, a line of single digits set apart is one number spread over its cell
/// (distributed alignment, `6      4` for 64): a ruled cell holds one value.
pub(super) fn cell_text(glyphs: &[(usize, &PGlyph)], one_number: bool) -> String {
    let mut lines: Vec<(usize, f64, f64, Vec<&PGlyph>)> = Vec::new();
    for &(k, g) in glyphs {
        let h = (g.bottom - g.top).max(1.0);
        // Glyphs come sorted by part and height: the line is among the last few.
        match lines.iter_mut().rev().take(4).find(|l| l.0 == k && !g.vertical && (g.cy() - l.1).abs() < h * 0.5) {
            Some(l) => l.3.push(g),
            None => lines.push((k, g.cy(), h, vec![g])),
        }
    }
    let mut out = String::new();
    for (_, _, _, mut line) in lines {
        line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let digits = |g: &&PGlyph| g.text.chars().count() == 1 && g.text.chars().all(|c| c.is_ascii_digit());
        let text = if one_number && line.len() > 1 && line.iter().all(digits) {
            line.iter().map(|g| g.text.as_str()).collect()
        } else {
            join_line(&line)
        };
        if let (Some(a), Some(b)) = (out.chars().last(), text.chars().next()) {
            if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() {
                out.push(' ');
            }
        }
        out.push_str(&text);
    }
    out
}

/// One line's glyphs (sorted by x) as text.
pub(super) fn join_line(line: &[&PGlyph]) -> String {
    let mut s = String::new();
    let mut prev: Option<&PGlyph> = None;
    for g in line {
        if let Some(p) = prev {
            let gap = g.x0 - p.x1;
            let size = p.size.max(g.size).max(1.0);
            let (a, b) = (p.text.chars().last().unwrap_or(' '), g.text.chars().next().unwrap_or(' '));
            if gap > size * 1.5 || (gap > size * 0.25 && !is_cjk(a) && !is_cjk(b)) {
                s.push(' ');
            }
        }
        s.push_str(&g.text);
        prev = Some(g);
    }
    s
}
