//! Tables drawn without ruling lines: a run of text lines in which several numbers stand
//! apart at the same horizontal positions is a table. Its value columns are those positions
//! (clustered across the lines), so a blank cell stays a blank cell at its column instead of
//! shifting the numbers after it; whatever stands left of the first value column is the
//! row's label. Every line is a row (a label wrapped in its cell gives rows of words only,
//! as in column-aligned text); the lines above the first number line (the header) too, their
//! words placed in the columns under which they stand.

use super::grid;
use super::interp::PGlyph;
use crate::document::{CellEvidence, RawCell, RawTable};

/// A line's glyphs split where a gap wider than this many font sizes opens.
const GAP: f64 = 0.9;

/// Two digits stand apart by at least this many font sizes when they belong to two numbers.
const DIGIT_GAP: f64 = 0.25;

/// One piece of a line between wide gaps.
#[derive(Clone)]
struct Seg<'a> {
    glyphs: Vec<&'a PGlyph>,
    x0: f64,
    x1: f64,
    numeric: bool,
}

impl Seg<'_> {
    fn cx(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }

    /// The piece cut at its narrow gaps (a fifth of a font size or more: not between the
    /// glyphs of a word) where `col` puts the glyphs either side in different columns: header
    /// words of neighbouring cells set closer than [`GAP`] (`本年新制作数量 本年新公开数量`).
    fn split_by(&self, col: impl Fn(f64) -> Option<usize>) -> Vec<Self> {
        let mut out: Vec<Self> = Vec::new();
        let mut cur = Seg { glyphs: Vec::new(), x0: self.x0, x1: self.x0, numeric: self.numeric };
        for &g in &self.glyphs {
            let narrow_gap = g.x0 - cur.x1 >= 0.2 * g.size.max(1.0);
            if let (Some(first), true) = (cur.glyphs.first(), narrow_gap) {
                let left = col((first.x0 + cur.x1) / 2.0);
                if left != col(g.cx()) || left.is_none() {
                    out.push(std::mem::replace(
                        &mut cur,
                        Seg { glyphs: Vec::new(), x0: g.x0, x1: g.x0, numeric: self.numeric },
                    ));
                }
            }
            if cur.glyphs.is_empty() {
                cur.x0 = g.x0;
            }
            cur.x1 = cur.x1.max(g.x1);
            cur.glyphs.push(g);
        }
        if !cur.glyphs.is_empty() {
            out.push(cur);
        }
        out
    }
}

fn segments<'a>(line: &[&'a PGlyph]) -> Vec<Seg<'a>> {
    let mut out: Vec<Seg<'a>> = Vec::new();
    // Two numbers of neighbouring cells set a space apart (`2798 49`): digits of one number
    // stand closer.
    let digit = |p: &PGlyph| p.text.len() == 1 && p.text.as_bytes()[0].is_ascii_digit();
    for &g in line {
        let size = g.size.max(1.0);
        match out.last_mut() {
            Some(s) if digit(g) && s.glyphs.last().is_some_and(|p| digit(p)) && g.x0 - s.x1 >= size * DIGIT_GAP => {
                out.push(Seg { glyphs: vec![g], x0: g.x0, x1: g.x1, numeric: false });
            }
            Some(s) if g.x0 - s.x1 <= size * GAP => {
                s.x1 = s.x1.max(g.x1);
                s.glyphs.push(g);
            }
            _ => out.push(Seg { glyphs: vec![g], x0: g.x0, x1: g.x1, numeric: false }),
        }
    }
    for s in &mut out {
        let text: String = s.glyphs.iter().map(|g| g.text.as_str()).collect();
        // A number, maybe with its unit (`251000元`, `3.5万元`, `12%`).
        let core = text.trim_end_matches(|c: char| "元万件个条次人项%".contains(c));
        s.numeric = core.starts_with(|c: char| c.is_ascii_digit())
            && core.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '－'));
    }
    out
}

/// Most lines of wrapped labels between two number lines of one table.
const MAX_LABEL_LINES: usize = 12;

/// Whether a line's words all end left of `row`'s first number: a label's lines.
fn label_only(line: &[Seg], row: &[Seg]) -> bool {
    let Some(first) = row.iter().find(|s| s.numeric) else { return false };
    !line.is_empty() && line.iter().all(|s| s.x1 < first.x0)
}

/// A table found: its top, the grid, and which of the page's lines it took.
pub(super) struct Found {
    pub top: f64,
    pub bottom: f64,
    /// The value columns' centres.
    pub cols: Vec<f64>,
    pub table: RawTable,
    pub lines: Vec<usize>,
}

/// Rule-less tables among a page's lines (each line's glyphs sorted left to right).
pub(super) fn find(page: usize, lines: &[Vec<&PGlyph>]) -> Vec<Found> {
    let segs: Vec<Vec<Seg>> = lines.iter().map(|l| segments(l)).collect();
    let numeric_row = |i: usize| segs[i].iter().filter(|s| s.numeric).count() >= 2;
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !numeric_row(i) {
            i += 1;
            continue;
        }
        // The run: number lines with at most 3 word lines between two of them, not counting
        // lines of a label wrapped in its cell (left of the last number line's first number:
        // `2.申请人逾期未按收费通知要求` / `他处理` / `缴纳费用、…`), at most 12 such.
        let start = i;
        let mut end = i;
        let (mut j, mut words, mut labels) = (i + 1, 0usize, 0usize);
        while j < lines.len() && words <= 3 && labels <= MAX_LABEL_LINES {
            if numeric_row(j) {
                (end, words, labels) = (j, 0, 0);
            } else if label_only(&segs[j], &segs[end]) {
                labels += 1;
            } else {
                words += 1;
            }
            j += 1;
        }
        let rows: Vec<usize> = (start..=end).filter(|&k| numeric_row(k)).collect();
        // Two number lines suffice at the foot of a page (the table goes on overleaf).
        let at_foot = lines.len() - end <= 2;
        if rows.len() >= 3 || (rows.len() >= 2 && at_foot) {
            if let Some(f) = build(page, lines, &segs, start, end, &rows) {
                found.push(f);
            }
        }
        i = end + 1;
    }
    found
}

fn top_of(line: &[&PGlyph]) -> f64 {
    line.iter().map(|g| g.top).fold(f64::MAX, f64::min)
}

fn build(
    page: usize,
    lines: &[Vec<&PGlyph>],
    segs: &[Vec<Seg>],
    start: usize,
    end: usize,
    rows: &[usize],
) -> Option<Found> {
    // Value columns: the centres of the number pieces, clustered.
    let size = lines[rows[0]].first().map_or(10.0, |g| g.size.max(1.0));
    let mut centres: Vec<f64> = rows.iter().flat_map(|&r| segs[r].iter().filter(|s| s.numeric).map(Seg::cx)).collect();
    centres.sort_by(f64::total_cmp);
    let mut cols: Vec<(f64, usize)> = Vec::new();
    for c in centres {
        match cols.last_mut() {
            Some((m, n)) if c - *m / *n as f64 <= size * 1.5 => {
                *m += c;
                *n += 1;
            }
            _ => cols.push((c, 1)),
        }
    }
    let cols: Vec<f64> = cols.into_iter().filter(|&(_, n)| n >= 2).map(|(m, n)| m / n as f64).collect();
    if cols.len() < 2 || cols.len() > 40 {
        return None;
    }
    let first_col = cols[0];
    let half = cols.windows(2).map(|w| w[1] - w[0]).fold(f64::MAX, f64::min) / 2.0;
    let col_of = |x: f64| -> Option<usize> {
        let (k, d) = cols.iter().enumerate().map(|(k, c)| (k, (c - x).abs())).min_by(|a, b| a.1.total_cmp(&b.1))?;
        (d <= half.max(size)).then_some(k)
    };
    // Header lines right above: words standing under the value columns.
    let mut head = Vec::new();
    let mut k = start;
    while k > 0 && head.len() < 6 {
        let prev = k - 1;
        let gap = top_of(&lines[k]) - lines[prev].iter().map(|g| g.bottom).fold(f64::MIN, f64::max);
        let over_cols = segs[prev].iter().any(|s| s.x1 >= first_col - half && col_of(s.cx()).is_some());
        if gap > size * 2.5 || !over_cols || segs[prev].iter().any(|s| s.numeric) {
            break;
        }
        head.push(prev);
        k = prev;
    }
    head.reverse();
    // Rows: header lines each, then each line of the run, as the page prints it. A line of
    // words only is a row of its own: a label wrapped in its cell, or a row whose cells are
    // all blank (`行政处罚` over `行政强制  0  0  0`), which joined to the nearer number line
    // made one label of two rows'; the table readers join wrapped labels as they do in
    // column-aligned text.
    let n_head = head.len();
    // Rows in reading order (header first): the row's line.
    let mut body: Vec<usize> = (start..=end).collect();
    body.sort_by(|&a, &b| top_of(&lines[a]).total_cmp(&top_of(&lines[b])));
    let members: Vec<usize> = head.iter().copied().chain(body).collect();
    // Label columns: the label pieces' x extents, overlapping ones united (a group label, a
    // subgroup label, the item label each keep their own column).
    let mut spans: Vec<(f64, f64)> = members
        .iter()
        .flat_map(|&l| segs[l].iter())
        .filter(|s| s.x1 < first_col - half)
        .map(|s| (s.x0, s.x1))
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut label_cols: Vec<(f64, f64)> = Vec::new();
    // (pieces of a label column: read before the next column's)
    for (a, b) in spans {
        match label_cols.last_mut() {
            Some(last) if a <= last.1 + size * 0.5 => last.1 = last.1.max(b),
            _ => label_cols.push((a, b)),
        }
    }
    // One label cell per row; its pieces read column by column (a group label's fragments
    // before the item label's).
    let piece_col = |x0: f64| label_cols.iter().rposition(|c| c.0 <= x0 + 0.01).unwrap_or(0);
    let nl = 1;
    let n_cols = cols.len() + nl;
    let n_rows = members.len();
    let mut table = RawTable { n_rows, n_cols, cells: Vec::new(), grid: vec![None; n_rows * n_cols], exact: false };
    let x_left = lines[start..=end]
        .iter()
        .chain(head.iter().map(|&h| &lines[h]))
        .flatten()
        .map(|g| g.x0)
        .fold(f64::MAX, f64::min);
    let x_right = lines[start..=end].iter().flatten().map(|g| g.x1).fold(f64::MIN, f64::max);
    for (r, &l) in members.iter().enumerate() {
        let mut slots: Vec<Vec<&PGlyph>> = vec![Vec::new(); n_cols];
        // Words reaching into the value columns: cut where they cross from one to the next.
        let pieces: Vec<Seg> = segs[l]
            .iter()
            .flat_map(|s| if !s.numeric && s.x1 >= first_col - half { s.split_by(col_of) } else { vec![s.clone()] })
            .collect();
        let mut label_pieces: Vec<(usize, &Seg)> = Vec::new();
        for s in &pieces {
            // Left of the value columns, or words under none of them (a caption inside the
            // table, a long label reaching in): the row's label.
            let col = if s.x1 < first_col - half { None } else { col_of(s.cx()) };
            match col {
                Some(k) => slots[k + nl].extend(s.glyphs.iter().copied()),
                // A number under no value column (a cluster of one) is no cell of the grid.
                None if s.numeric && s.x1 >= first_col - half => {}
                None => label_pieces.push((piece_col(s.x0), s)),
            }
        }
        label_pieces.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.x0.total_cmp(&b.1.x0)));
        let (top, bottom) = lines[l].iter().fold((f64::MAX, f64::MIN), |(t, b), g| (t.min(g.top), b.max(g.bottom)));
        for (c, gl) in slots.into_iter().enumerate() {
            let text = if c < nl {
                label_pieces.iter().map(|(_, s)| grid::join_line(&s.glyphs)).collect::<String>()
            } else {
                let mut gl: Vec<(usize, &PGlyph)> = gl.into_iter().map(|g| (0, g)).collect();
                gl.sort_by(|a, b| a.1.cy().total_cmp(&b.1.cy()));
                grid::cell_text(&gl, false)
            };
            let (x0, x1) = if c < nl {
                (x_left, first_col - half)
            } else {
                let v = c - nl;
                (cols[v] - half, if v + 1 < cols.len() { cols[v] + half } else { x_right.max(cols[v] + half) })
            };
            let idx = table.cells.len() as u32;
            table.cells.push(RawCell {
                text,
                row: r,
                col: c,
                rowspan: 1,
                colspan: 1,
                header: r < n_head,
                evidence: Some(CellEvidence {
                    page: page as u32 + 1,
                    bbox: [x0, top, x1, bottom].map(|v| (v * 100.0).round() / 100.0),
                }),
                marked: Vec::new(),
            });
            table.grid[r * n_cols + c] = Some(idx);
        }
    }
    let taken: Vec<usize> = head.iter().copied().chain(start..=end).collect();
    let top = taken.iter().map(|&l| top_of(&lines[l])).fold(f64::MAX, f64::min);
    let bottom = taken.iter().flat_map(|&l| lines[l].iter()).map(|g| g.bottom).fold(f64::MIN, f64::max);
    Some(Found { top, bottom, cols, table, lines: taken })
}

/// Appends `b` (the table's continuation on the next page) to `a`: same value columns.
pub(super) fn stitch(a: &mut RawTable, b: RawTable) {
    let base = a.n_rows;
    let offset = a.cells.len() as u32;
    for mut c in b.cells {
        c.row += base;
        a.cells.push(c);
    }
    a.grid.extend(b.grid.into_iter().map(|g| g.map(|i| i + offset)));
    a.n_rows += b.n_rows;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(y: f64, items: &[(f64, &str)]) -> Vec<PGlyph> {
        let mut out = Vec::new();
        for &(x, text) in items {
            for (k, ch) in text.chars().enumerate() {
                let x0 = x + k as f64 * 9.0;
                out.push(PGlyph {
                    text: ch.to_string(),
                    x0,
                    top: y,
                    x1: x0 + 9.0,
                    bottom: y + 9.0,
                    size: 9.0,
                    vertical: false,
                });
            }
        }
        out
    }

    #[test]
    fn words_under_no_value_column_are_kept_and_close_header_words_cut() {
        // Glyphs 9 wide: the caption reaches past the first column's half pitch but stands
        // under none; the header's three words stand 3 apart (less than a gap), one a column.
        let rows = [
            glyphs(80.0, &[(40.0, "信息内容"), (200.0, "本年"), (221.0, "增减"), (242.0, "有效")]),
            glyphs(100.0, &[(40.0, "规章"), (200.0, "13"), (221.0, "13"), (242.0, "524")]),
            glyphs(120.0, &[(40.0, "第二十条第五项说明")]),
            glyphs(140.0, &[(40.0, "行政处罚")]),
            glyphs(160.0, &[(40.0, "行政许可"), (200.0, "1"), (221.0, "2"), (242.0, "3")]),
            glyphs(180.0, &[(40.0, "行政强制"), (200.0, "4"), (221.0, "5"), (242.0, "9")]),
        ];
        let lines: Vec<Vec<&PGlyph>> = rows.iter().map(|r| r.iter().collect()).collect();
        let found = find(0, &lines);
        assert_eq!(found.len(), 1);
        let t = &found[0].table;
        let row = |r: usize| {
            (0..t.n_cols).map(|c| t.at(r, c).map(|c| c.text.clone()).unwrap_or_default()).collect::<Vec<_>>()
        };
        assert_eq!(row(0), ["信息内容", "本年", "增减", "有效"]);
        assert_eq!(row(2), ["第二十条第五项说明", "", "", ""]);
        // A row of blank cells stays a row of its own, not joined to the next as its label.
        assert_eq!(row(3), ["行政处罚", "", "", ""]);
        assert_eq!(row(4), ["行政许可", "1", "2", "3"]);
    }

    #[test]
    fn a_blank_cell_keeps_its_column() {
        let rows = [
            glyphs(100.0, &[(40.0, "规章"), (200.0, "13"), (260.0, "13"), (320.0, "524")]),
            glyphs(120.0, &[(40.0, "规范性文件"), (200.0, "60"), (320.0, "368")]),
            glyphs(140.0, &[(40.0, "行政许可"), (200.0, "1"), (260.0, "2"), (320.0, "3")]),
        ];
        let lines: Vec<Vec<&PGlyph>> = rows.iter().map(|r| r.iter().collect()).collect();
        let found = find(0, &lines);
        assert_eq!(found.len(), 1);
        let t = &found[0].table;
        assert_eq!((t.n_rows, t.n_cols), (3, 4));
        let text = |r: usize, c: usize| t.at(r, c).map(|c| c.text.clone()).unwrap_or_default();
        assert_eq!(
            (text(1, 0), text(1, 1), text(1, 2), text(1, 3)),
            ("规范性文件".into(), "60".into(), String::new(), "368".into())
        );
        assert_eq!(t.at(0, 3).and_then(|c| c.evidence).map(|e| e.page), Some(1));
    }
}
