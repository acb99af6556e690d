//! Column-aligned text (`pdftotext -layout`): where each column of a table sits, from its
//! header words or its rows, and the printed position of each value.

use crate::document::Span;

use crate::tables::build::{self};
use crate::tables::cells::{self};
use crate::tables::rows::{Hit, Notes, View};
use crate::tables::solve::{sums_to_last, whole_number, Token};

/// Table-3 header words of column-aligned text (`pdftotext -layout` stacks them: `商业企` /
/// `业`) and the column each names; fragments two columns share (`机构`, `组织`) name none.
pub(super) const T3_HEADER_WORDS: &[(&str, usize)] = &[
    ("自然人", 0),
    ("自然", 0),
    ("人", 0),
    ("商业企业", 1),
    ("商业企", 1),
    ("商业", 1),
    ("科研机构", 2),
    ("科研", 2),
    ("社会公益组织", 3),
    ("社会公益", 3),
    ("社会", 3),
    ("公益", 3),
    ("法律服务机构", 4),
    ("法律服务", 4),
    ("法律服", 4),
    ("法律", 4),
    ("其他", 5),
    ("其它", 5),
    ("总计", 6),
    ("总", 6),
];

/// How far from its column's centre (in pitches) a value stands off it.
const OFF_COLUMN: f32 = 0.3;

/// Where a table's columns were printed in column-aligned text, page by page (a PDF text
/// extractor lays each page out on its own character grid, so the columns move between pages).
pub(super) struct ColumnModel {
    /// `(page, centre column of each template column, pitch)`.
    pub(super) pages: Vec<(u32, Vec<f32>, f32)>,
    /// The values do not stand under the columns (a converter moved each row by its label's
    /// width): only how far apart a row's values stand says anything, not which columns.
    pub(super) relative: bool,
}

impl ColumnModel {
    pub(super) fn page(&self, page: u32) -> Option<(&[f32], f32)> {
        self.pages.iter().find(|(p, _, _)| *p == page).map(|(_, c, pitch)| (c.as_slice(), *pitch))
    }

    /// The centre of each printed value on a page of the model: `(page, x)`.
    fn printed<'a>(&self, v: &View, tokens: impl Iterator<Item = &'a Token>) -> Vec<(u32, f32)> {
        tokens.filter_map(|t| centre(v, t)).filter(|(page, _)| self.page(*page).is_some()).collect()
    }

    /// Whether the values stand under the model's columns: at most one in ten more than
    /// [`OFF_COLUMN`] of a pitch from the nearest.
    fn holds(&self, xs: &[(u32, f32)]) -> bool {
        let off = xs
            .iter()
            .filter(|&&(page, x)| {
                self.page(page).is_some_and(|(centres, pitch)| nearest(centres, x).1 > OFF_COLUMN * pitch)
            })
            .count();
        off * 10 <= xs.len()
    }

    /// The model with each column's centre moved to the median of the values nearest it (a
    /// header's words drawn on one straight line miss columns of unequal widths whose values
    /// stand at one edge: pandoc's tables, left-aligned).
    fn recentred(&self, xs: &[(u32, f32)]) -> ColumnModel {
        let pages = self
            .pages
            .iter()
            .map(|(page, centres, pitch)| {
                let mut by: Vec<Vec<f32>> = vec![Vec::new(); centres.len()];
                for &(_, x) in xs.iter().filter(|(p, _)| p == page) {
                    by[nearest(centres, x).0].push(x);
                }
                let moved = centres
                    .iter()
                    .zip(by.iter_mut())
                    .map(|(c, near)| {
                        near.sort_by(f32::total_cmp);
                        near.get(near.len() / 2).copied().unwrap_or(*c)
                    })
                    .collect();
                (*page, moved, *pitch)
            })
            .collect();
        ColumnModel { pages, relative: false }
    }
}

/// Whether recentring drew two neighbouring columns much closer together than the drawn ones
/// stand, and no row printed a value under each of the two: one column's values, moved by
/// their rows' labels (pypdf's layout mode), not two columns.
fn squeezed(v: &View, found: &[(usize, Vec<Token>, Span)], drawn: &ColumnModel, moved: &ColumnModel) -> bool {
    moved.pages.iter().any(|(p, m, pitch)| {
        let Some((c, _)) = drawn.page(*p) else { return false };
        // The columns each row's values stand nearest on this page.
        let rows: Vec<Vec<usize>> = found
            .iter()
            .map(|f| {
                f.1.iter().filter_map(|t| centre(v, t)).filter(|(q, _)| q == p).map(|(_, x)| nearest(m, x).0).collect()
            })
            .collect();
        (1..m.len()).any(|k| {
            let gap = m[k] - m[k - 1];
            gap < 0.6 * pitch
                && gap < 0.6 * (c[k] - c[k - 1])
                && !rows.iter().any(|cols| cols.contains(&k) && cols.contains(&(k - 1)))
        })
    })
}

/// Where a token was printed on a column-aligned line: `(page, centre column)`.
fn centre(v: &View, t: &Token) -> Option<(u32, f32)> {
    v.word_at(t.span()[0]).map(|(_, page, x0, x1)| (page, (x0 + x1) / 2.0))
}

/// The column whose centre stands nearest `x` (of at least one), and how far.
fn nearest(centres: &[f32], x: f32) -> (usize, f32) {
    centres.iter().enumerate().map(|(c, cx)| (c, (cx - x).abs())).fold((0, f32::INFINITY), |a, b| {
        if b.1 < a.1 {
            b
        } else {
            a
        }
    })
}

/// Nearest and furthest two neighbouring columns found as groups of values stand apart, in
/// pitches (the mean gap): a table's columns differ in width, not by a factor of three.
const GROUP_GAP: [f32; 2] = [0.5, 1.8];

/// Furthest a column's centre moves to the values under it, in pitches ([`ColumnModel::recentred`]).
const MAX_RECENTRE: f32 = 2.0;

/// Table 3's columns in column-aligned text. On a page where rows print all seven values,
/// their positions; else on the header's page a straight line through the columns its words
/// name (at least three different ones lying on it); else the tokens' positions when they fall
/// into exactly seven groups on the page.
pub(super) fn t3_columns(
    v: &View,
    from: usize,
    to: usize,
    found: &[(usize, Vec<crate::tables::solve::Token>, Span)],
    trusted: impl Fn(&[Token]) -> bool,
) -> Option<ColumnModel> {
    if separated(v, found) {
        return None;
    }
    let mut model = ColumnModel { pages: Vec::new(), relative: false };
    // Rows printing all seven values, page by page.
    let mut full: Vec<(u32, Vec<f32>)> = Vec::new();
    for f in found.iter().filter(|f| f.1.len() == 7 && trusted(&f.1)) {
        let xs: Option<Vec<(u32, f32)>> = f.1.iter().map(|t| centre(v, t)).collect();
        let Some(xs) = xs else { continue };
        if xs.iter().all(|(p, _)| *p == xs[0].0) && xs.windows(2).all(|w| w[1].1 > w[0].1) {
            full.push((xs[0].0, xs.iter().map(|x| x.1).collect()));
        }
    }
    let mut pages: Vec<u32> = full.iter().map(|f| f.0).collect();
    pages.dedup();
    pages.sort_unstable();
    pages.dedup();
    for p in pages {
        let rows: Vec<&Vec<f32>> = full.iter().filter(|f| f.0 == p).map(|f| &f.1).collect();
        let centres: Vec<f32> = (0..7)
            .map(|c| {
                let mut xs: Vec<f32> = rows.iter().map(|r| r[c]).collect();
                xs.sort_by(f32::total_cmp);
                xs[xs.len() / 2]
            })
            .collect();
        let pitch = (centres[6] - centres[0]) / 6.0;
        if pitch >= 2.0 {
            model.pages.push((p, centres, pitch));
        }
    }
    // The header's words.
    let mut named: Vec<(usize, f32)> = Vec::new();
    let mut page = None;
    for (a, b, p, x0, x1) in v.words_in(from, to) {
        let w: String = v.chars[a..b].iter().collect();
        if let Some((_, col)) = T3_HEADER_WORDS.iter().find(|(pat, _)| *pat == w) {
            named.push((*col, (x0 + x1) / 2.0));
            page = Some(p);
        }
    }
    let distinct = (0..7).filter(|c| named.iter().any(|(k, _)| k == c)).count();
    if let (true, Some(page)) = (distinct >= 3, page) {
        if model.page(page).is_none() {
            // Least squares x = a + b·col.
            let n = named.len() as f32;
            let (sx, sy) = named.iter().fold((0.0, 0.0), |acc, (c, x)| (acc.0 + *c as f32, acc.1 + x));
            let (mx, my) = (sx / n, sy / n);
            let sxx: f32 = named.iter().map(|(c, _)| (*c as f32 - mx).powi(2)).sum();
            let sxy: f32 = named.iter().map(|(c, x)| (*c as f32 - mx) * (x - my)).sum();
            if sxx > 0.0 {
                let b = sxy / sxx;
                let a = my - b * mx;
                if b >= 2.0 && named.iter().all(|(c, x)| (a + b * *c as f32 - x).abs() <= 0.45 * b) {
                    model.pages.push((page, (0..7).map(|c| a + b * c as f32).collect(), b));
                }
            }
        }
    }
    // Seven groups of token positions on a page without a model yet.
    let xs: Vec<(u32, f32)> = found.iter().flat_map(|f| f.1.iter()).filter_map(|t| centre(v, t)).collect();
    let mut pages: Vec<u32> = xs.iter().map(|x| x.0).collect();
    pages.sort_unstable();
    pages.dedup();
    for p in pages {
        if model.page(p).is_some() {
            continue;
        }
        let mut on: Vec<f32> = xs.iter().filter(|x| x.0 == p).map(|x| x.1).collect();
        on.sort_by(f32::total_cmp);
        let mut groups: Vec<Vec<f32>> = Vec::new();
        for x in on {
            match groups.last_mut() {
                Some(g) if x - g[g.len() - 1] <= 2.0 => g.push(x),
                _ => groups.push(vec![x]),
            }
        }
        if groups.len() == 7 {
            let centres: Vec<f32> = groups.iter().map(|g| g.iter().sum::<f32>() / g.len() as f32).collect();
            let pitch = (centres[6] - centres[0]) / 6.0;
            // Columns of a table stand roughly evenly apart; seven groups of which two stand
            // far closer or far wider than the rest are values of rows each printed on its own
            // grid (pdftotext's layout of a page without the table's header), not columns.
            if centres.windows(2).all(|w| (GROUP_GAP[0] * pitch..=GROUP_GAP[1] * pitch).contains(&(w[1] - w[0]))) {
                model.pages.push((p, centres, pitch));
            }
        }
    }
    if model.pages.is_empty() {
        return None;
    }
    // Where the values stand off the columns, the columns are drawn again through them; where
    // they still stand off, where a value stands says nothing of its column, only how far apart
    // a row's values stand: a converter that sets text out by character counts (pypdf's layout
    // mode, PyMuPDF's `sort`) moves each row's values by its label's width.
    let xs = model.printed(v, found.iter().flat_map(|f| f.1.iter()));
    let model = if model.holds(&xs) {
        model
    } else {
        let drawn = model;
        let mut model = drawn.recentred(&xs);
        // Recentring moves a column within its own width (values at one edge of a wide
        // column); one moved further was drawn where no column is (a header on another
        // character grid than the values): the page has no model.
        model.pages.retain(|(p, moved, pitch)| {
            drawn.page(*p).is_some_and(|(c, _)| c.iter().zip(moved).all(|(a, b)| (a - b).abs() <= MAX_RECENTRE * pitch))
        });
        model.relative = !model.holds(&xs) || squeezed(v, found, &drawn, &model);
        model
    };
    if model.pages.is_empty() {
        return None;
    }
    (!totals_off(v, found, &model)).then_some(model)
}

/// Whether a row whose values add up to its last (`1  1  2`, the total not 0) stands under the
/// model with that last value off the total column: the columns are not where the values
/// stand (a header moved against the rows, the lines' indents stripped), and no model of
/// them is taken.
fn totals_off(v: &View, found: &[(usize, Vec<Token>, Span)], m: &ColumnModel) -> bool {
    let total = crate::tables::template::T3_COLS.len() - 1;
    found.iter().any(|f| {
        let toks = &f.1;
        toks.len() >= 2
            && sums_to_last(toks)
            && toks.last().and_then(whole_number).is_some_and(|n| n != 0)
            && positions(v, toks, m)
                .last()
                .and_then(Option::as_ref)
                .and_then(|p| p.cols.as_ref())
                .is_some_and(|cols| !cols.contains(&total))
    })
}

/// Whether the rows' values stand the same distance apart throughout (`62  1  1  1  1  66`,
/// `3235  172  14`): cells joined by one separator, blanks dropped, where a value's position
/// says nothing of its column, nor how many blanks stand between two values. Counted over
/// neighbours on one line; six such gaps at least.
fn separated(v: &View, found: &[(usize, Vec<Token>, Span)]) -> bool {
    let mut gap: Option<f32> = None;
    let mut n = 0usize;
    for f in found {
        for w in f.1.windows(2) {
            let (a, b) = (w[0].span(), w[1].span());
            let end = b[0].min(v.chars.len());
            if v.chars[a[1].min(end)..end].contains(&'\n') {
                continue;
            }
            let (Some((_, pa, _, x1)), Some((_, pb, x0, _))) = (v.word_at(a[0]), v.word_at(b[0])) else { continue };
            if pa != pb {
                continue;
            }
            let g = x0 - x1;
            if gap.is_some_and(|first| (first - g).abs() > 0.01) {
                return false;
            }
            gap = Some(g);
            n += 1;
        }
    }
    n >= 6
}

/// Table 4's columns in column-aligned text: a header line of `[a, b)` printing 15 words
/// (`结果 结果 其他 尚未 总 …`), one over each column.
pub(super) fn t4_columns(v: &View, a: usize, b: usize) -> Option<ColumnModel> {
    let words: Vec<(usize, usize, u32, f32, f32)> = v.words_in(a, b).collect();
    let mut line: Vec<&(usize, usize, u32, f32, f32)> = Vec::new();
    let mut best: Option<ColumnModel> = None;
    let mut flush = |line: &mut Vec<&(usize, usize, u32, f32, f32)>| {
        if line.len() == 15 && best.is_none() {
            let centres: Vec<f32> = line.iter().map(|w| (w.3 + w.4) / 2.0).collect();
            let pitch = (centres[14] - centres[0]) / 14.0;
            if pitch >= 2.0 && centres.windows(2).all(|p| p[1] > p[0]) {
                best = Some(ColumnModel { pages: vec![(line[0].2, centres, pitch)], relative: false });
            }
        }
        line.clear();
    };
    for w in &words {
        let same_line = line.last().is_some_and(|p| !v.chars[p.1..w.0].contains(&'\n'));
        if !same_line {
            flush(&mut line);
        }
        line.push(w);
    }
    flush(&mut line);
    best.or_else(|| t4_stacked_columns(v, &words))
}

/// Table 4's columns from a header stacked over several lines (`结果` over `维持`, `总计` a line
/// apart): the column words of the header's page, grouped by where they stand, when they stand
/// in exactly 15 groups clearly apart.
pub(super) fn t4_stacked_columns(v: &View, words: &[(usize, usize, u32, f32, f32)]) -> Option<ColumnModel> {
    const COLUMN_CHARS: &str = "维持纠正其他它结果尚未审结总计";
    let column_word = |w: &&(usize, usize, u32, f32, f32)| v.chars[w.0..w.1].iter().all(|c| COLUMN_CHARS.contains(*c));
    let page = words.iter().find(column_word)?.2;
    let mut xs: Vec<f32> =
        words.iter().filter(column_word).filter(|w| w.2 == page).map(|w| (w.3 + w.4) / 2.0).collect();
    xs.sort_by(f32::total_cmp);
    let mut groups: Vec<Vec<f32>> = Vec::new();
    for x in xs {
        match groups.last_mut() {
            Some(g) if x - g[g.len() - 1] <= 2.5 => g.push(x),
            _ => groups.push(vec![x]),
        }
    }
    if groups.len() != 15 {
        return None;
    }
    let centres: Vec<f32> = groups.iter().map(|g| g.iter().sum::<f32>() / g.len() as f32).collect();
    let pitch = (centres[14] - centres[0]) / 14.0;
    let apart = centres.windows(2).all(|w| w[1] - w[0] >= 0.6 * pitch);
    (pitch >= 3.0 && apart).then(|| ColumnModel { pages: vec![(page, centres, pitch)], relative: false })
}

/// Where each token was printed, on pages whose columns are known: its centre in columns of
/// the page's pitch, and the columns it may stand in (the nearest, and a neighbour nearly as
/// near).
pub(super) fn positions(
    v: &View,
    tokens: &[crate::tables::solve::Token],
    m: &ColumnModel,
) -> Vec<Option<build::Printed>> {
    let mut shifted = false;
    let mut at: Vec<Option<build::Printed>> = tokens
        .iter()
        .map(|t| {
            let (_, page, x0, x1) = v.word_at(t.span()[0])?;
            let (centres, pitch) = m.page(page)?;
            let x = (x0 + x1) / 2.0;
            let n = centres.len();
            let (first_gap, last_gap) = (centres[1] - centres[0], centres[n - 1] - centres[n - 2]);
            if x > centres[n - 1] + last_gap.max(2.0) || x < centres[0] - first_gap.max(2.0) {
                shifted = true;
            }
            let mut by: Vec<(f32, usize)> = centres.iter().enumerate().map(|(c, cx)| ((cx - x).abs(), c)).collect();
            by.sort_by(|a, b| a.0.total_cmp(&b.0));
            let mut cols = vec![by[0].1];
            if by.len() > 1 && by[1].0 - by[0].0 < 0.2 * pitch {
                cols.push(by[1].1);
            }
            Some(build::Printed { page, x: x / pitch, cols: (!m.relative).then_some(cols) })
        })
        .collect();
    match marked_columns(v, tokens, m) {
        Marked::Columns(cols) => {
            for (p, col) in at.iter_mut().zip(cols) {
                if let Some(p) = p {
                    p.cols = Some(vec![col]);
                }
            }
            return at;
        }
        // Where each value stood was set out by the widths of what was printed before it, the
        // marks' narrow glyphs among them: not even how far apart the values stand is known.
        Marked::Unsure if m.relative => return vec![None; tokens.len()],
        Marked::Unsure | Marked::None => {}
    }
    // A value further outside an outer column than its neighbour stands inside: the row was
    // printed shifted (a converter sets a two-level label's row apart), so none of its columns
    // is known.
    if shifted {
        for p in at.iter_mut().flatten() {
            p.cols = None;
        }
    }
    at
}

/// What the blank marks of a row's line (`View::marks_at`) tell of its values' columns.
enum Marked {
    /// The line prints no marks after the row's label (or the row spans lines).
    None,
    /// Values and marks together are as many as the columns: each value's column is its rank
    /// among them.
    Columns(Vec<usize>),
    /// Marks are printed, but with the values they do not fill the columns.
    Unsure,
}

/// The columns of a row's values told by the blank marks printed on its line after its label
/// (a PDF's empty cells holding `&nbsp;`, pypdf's layout mode: `2.重复申请  1  ~  ~  ~  ~  ~  1`).
fn marked_columns(v: &View, tokens: &[Token], m: &ColumnModel) -> Marked {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else { return Marked::None };
    let (a, b) = (first.span()[0], last.span()[0]);
    if v.chars.get(a..b).is_none_or(|s| s.contains(&'\n')) {
        return Marked::None;
    }
    let line = v.line_start(a);
    // The label's words end before the row's first value.
    let label_end = v.words_in(line, a).map(|w| w.4).fold(f32::NEG_INFINITY, f32::max);
    let marks: Vec<f32> = v.marks_at(line).iter().filter(|mk| mk.0 >= label_end).map(|mk| mk.0).collect();
    if marks.is_empty() {
        return Marked::None;
    }
    let Some(words) = tokens.iter().map(|t| v.word_at(t.span()[0])).collect::<Option<Vec<_>>>() else {
        return Marked::Unsure;
    };
    let n_cols = m.page(words[0].1).map_or(0, |(c, _)| c.len());
    if words.len() + marks.len() != n_cols {
        return Marked::Unsure;
    }
    let xs: Vec<f32> = words.iter().map(|w| w.2).collect();
    Marked::Columns(xs.iter().map(|x| xs.iter().chain(&marks).filter(|y| *y < x).count()).collect())
}

/// Where each value of a row was printed, from the values alone, where no header gives the
/// columns (blank cells vanished from a column-aligned line, `1         1              1`):
/// when the values stand on one line at places that are whole multiples of one pitch apart,
/// and exactly one pitch of at least three characters fits `n_cols` columns. Each value's
/// place is then its centre, start or end, whichever of them fits (if several do, they must
/// agree on how many columns apart the values stand). Empty when nothing fits, or more than
/// one pitch would: the row's placements are then not checked against positions at all.
pub(super) fn pitch_positions(v: &View, tokens: &[Token], n_cols: usize) -> Vec<Option<build::Printed>> {
    if tokens.len() < 3 || tokens.len() >= n_cols {
        return Vec::new();
    }
    let Some(words) = tokens.iter().map(|t| v.word_at(t.span()[0])).collect::<Option<Vec<_>>>() else {
        return Vec::new();
    };
    let (first, last) = (tokens[0].span()[0], tokens[tokens.len() - 1].span()[0]);
    if v.chars.get(first..last).is_none_or(|s| s.contains(&'\n')) || words.iter().any(|w| w.1 != words[0].1) {
        return Vec::new();
    }
    // Places in half characters, so that centres are whole numbers.
    let anchors: [fn(f32, f32) -> f32; 3] = [|a, b| a + b, |a, _| 2.0 * a, |_, b| 2.0 * b];
    let mut fit: Option<(Vec<usize>, Vec<f32>, f32)> = None;
    for anchor in anchors {
        let xs: Vec<f32> = words.iter().map(|w| anchor(w.2, w.3)).collect();
        let Some(gaps) = xs.windows(2).map(|w| whole_gap(w[1] - w[0])).collect::<Option<Vec<u32>>>() else { continue };
        // Values standing the same distance apart throughout tell no pitch: blank cells that
        // vanished with one separator left each (pypdf's `2   2   4`) print so too.
        if gaps.iter().all(|&d| d == gaps[0]) {
            return Vec::new();
        }
        let g = gaps.iter().fold(0, |a, &b| gcd(a, b));
        let span: u32 = gaps.iter().sum();
        // Pitches (half characters) of at least 3 characters whose columns fit the row.
        let pitches: Vec<u32> =
            (1..=g).filter(|k| g % k == 0).map(|k| g / k).filter(|&p| p >= 6 && span / p < n_cols as u32).collect();
        let [pitch] = pitches[..] else {
            if pitches.len() > 1 {
                return Vec::new();
            }
            continue;
        };
        let cols: Vec<usize> = gaps.iter().map(|&d| (d / pitch) as usize).collect();
        match &fit {
            Some((other, _, _)) if *other != cols => return Vec::new(),
            Some(_) => {}
            None => fit = Some((cols, xs, pitch as f32)),
        }
    }
    let Some((_, xs, pitch)) = fit else { return Vec::new() };
    words.iter().zip(xs).map(|(w, x)| Some(build::Printed { page: w.1, x: x / pitch, cols: None })).collect()
}

/// A gap between two places (half characters) as a whole positive number, if it is one.
fn whole_gap(d: f32) -> Option<u32> {
    let r = d.round();
    ((d - r).abs() < 1e-3 && r >= 1.0).then_some(r as u32)
}

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// A number printed a digit at a time, a space apart, within one column (`2 7 9 8`: a
/// converter that sets a Word page's runs apart) is one value: consecutive single digits of a
/// line, one space between them, that stand under the same column of `m` (and only that one;
/// any, without a model) are joined. Values of neighbouring columns a space apart (`2798 49`, `pdftotext -layout`)
/// stand under different columns and stay apart; numbers of several digits are not joined
/// (`1683 74` may stand under one column of a model drawn from a shifted header).
pub(super) fn join_pieces(v: &View, tokens: Vec<Token>, m: Option<&ColumnModel>) -> Vec<Token> {
    let at = m.map(|m| positions(v, &tokens, m));
    // Without a model of the columns, every token stands under the one column.
    let column = |i: usize| match &at {
        Some(at) => match at[i].as_ref().and_then(|p| p.cols.as_deref()) {
            Some([c]) => Some(*c),
            _ => None,
        },
        None => Some(0),
    };
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    // The column of the last token out, and where its last piece was printed.
    let mut last_at: Option<(usize, u32, f32)> = None;
    for (i, t) in tokens.into_iter().enumerate() {
        let here = column(i).zip(printed(v, &t));
        let joins = match (out.last(), last_at, here) {
            (Some(Token::Run { chars, gaps, unit, .. }), Some((col, page, x1)), Some((c, (p, x0, _)))) => {
                // Single digits each (the last token out: a digit, or digits joined so far).
                let pieces = unit.is_empty() && gaps.len() + 1 == chars.len() && chars[0] != '0';
                c == col && p == page && one_apart(x1, x0) && pieces && single_digit(&t)
            }
            _ => false,
        };
        last_at = here.map(|(c, (p, _, x1))| (c, p, x1));
        if !joins {
            out.push(t);
            continue;
        }
        if let Some(last) = out.last_mut() {
            last.push_piece(&t);
        }
    }
    out
}

/// Whether a row sets single digits one column apart, twice or more, on a line whose other
/// values stand wider apart (`2 5 8   1 2   1  1`): those may be pieces of numbers (`258`,
/// `12`) as well as cells. (Once is common where text sets cells a space apart and blanks
/// wider, `258 12   1 1`; the relations between the rows place such a row.)
pub(super) fn pieces_apart(v: &View, tokens: &[Token]) -> bool {
    let printed: Vec<Option<(u32, f32, f32)>> = tokens.iter().map(|t| printed(v, t)).collect();
    let mut pairs = 0;
    let mut wide = false;
    for (i, w) in printed.windows(2).enumerate() {
        let (Some((p0, _, x1)), Some((p1, x0, _))) = (w[0], w[1]) else { continue };
        let between = &v.chars[tokens[i].span()[1].min(v.chars.len())..tokens[i + 1].span()[0].min(v.chars.len())];
        if p0 != p1 || between.contains(&'\n') {
            continue;
        }
        if one_apart(x1, x0) && single_digit(&tokens[i]) && single_digit(&tokens[i + 1]) {
            pairs += 1;
        } else {
            wide |= x0 - x1 >= 2.0;
        }
    }
    pairs >= 2 && wide
}

/// A single digit, printed alone (no unit).
pub(super) fn single_digit(t: &Token) -> bool {
    matches!(t, Token::Run { chars, unit, .. } if unit.is_empty() && chars.len() == 1 && chars[0].is_ascii_digit())
}

/// Where a token was printed on a column-aligned line: `(page, first column, column after)`.
fn printed(v: &View, t: &Token) -> Option<(u32, f32, f32)> {
    v.word_at(t.span()[0]).map(|(_, page, x0, x1)| (page, x0, x1))
}

/// Whether a word starting at column `x0` stands one space after a word ending at `x1`.
fn one_apart(x1: f32, x0: f32) -> bool {
    (x0 - x1 - 1.0).abs() < 0.01
}

/// Whether a row's tokens hold a blank cell (an empty line read as one).
pub(super) fn has_blank(tokens: &[Token]) -> bool {
    tokens.iter().any(Token::is_blank)
}

/// Whether a value digit in `[a, b)` lies outside every row's tokens (`spans`) and every
/// label hit (`hits`: a label may hold digits such as `三安全一稳定`'s none, or `2019`).
pub(super) fn orphan_value(v: &View, a: usize, b: usize, spans: &[Span], hits: &[Hit]) -> bool {
    let mut i = a;
    while let Some(d) = first_digit(v, i, b) {
        let inside = spans.iter().any(|s| s[0] <= d && d < s[1]) || hits.iter().any(|h| h.start <= d && d < h.end);
        if !inside {
            return true;
        }
        i = d + 1;
    }
    false
}

/// Whether `[a, b)` holds a digit that may be a value, inside a parenthesised note or not: not
/// page furniture, not an ordinal (`2.`, `3、`).
pub(super) fn any_value_digit(v: &View, a: usize, b: usize) -> bool {
    value_digit(v, a, b, true).is_some()
}

/// The first value digit in `[a, b)`: not page furniture, not an ordinal (`2.`, `3、`),
/// not inside a parenthesised note of its line.
pub(super) fn first_digit(v: &View, a: usize, b: usize) -> Option<usize> {
    value_digit(v, a, b, false)
}

/// The first value digit in `[a, b)` (`first_digit`), `in_notes_too`: those inside
/// parenthesised notes as well.
fn value_digit(v: &View, a: usize, b: usize, in_notes_too: bool) -> Option<usize> {
    let b = b.min(v.chars.len());
    let mut notes = Notes::NONE;
    let mut i = a;
    while i < b {
        let c = cells::fold(v.chars[i]);
        notes.reach(i);
        match c {
            '\n' => notes.end_line(),
            '(' | '（' if in_notes_too => {}
            '(' | '（' => notes.open(&v.chars, i),
            ')' | '）' => {
                notes.close();
            }
            _ if notes.inside() || v.furniture[i] => {}
            c if c.is_ascii_digit() => {
                let end = (i..b).find(|&k| !cells::fold(v.chars[k]).is_ascii_digit()).unwrap_or(b);
                // (A comma separating comma-separated fields ends a value: `信息,1,,,`.)
                let ordinal = end < b
                    && matches!(cells::fold(v.chars[end]), '.' | '、' | ',')
                    && !v.separates_fields(end)
                    && v.chars.get(end + 1).is_none_or(|n| !cells::fold(*n).is_ascii_digit());
                // (A row's ordinal in brackets, its label right after it: `（2）重复申请`.)
                let bracketed = i > a
                    && cells::fold(v.chars[i - 1]) == '('
                    && v.chars.get(end).is_some_and(|&c| cells::fold(c) == ')')
                    && v.chars.get(end + 1).is_some_and(|&c| crate::tables::rows::is_cjk(c));
                let ordinal = ordinal || bracketed;
                if !ordinal {
                    return Some(i);
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    None
}
