//! Table 4's values placed by the header words printed before them (pdftotext without
//! `-layout` of a Word table). Such text prints each group's header pieces and then the values
//! under them: `行政复议` / `结果 结果` / `维持 纠正` / `其他` / `结果` / … / `12` / `8` / `3` /
//! `24` / `1`, then `未经复议直接起诉` / `结果 结果 其他` / `维持 纠正 结果` / `44` / `9` / `17` /
//! `尚未` / `审结` / `9` / `总计` / `79`, and flows a few cells of the last group before the
//! section heading (`其他` / `结果` / `7` / `尚未` / `审结` / `5` / `四、…行政诉讼情况`), a column
//! word whose value went elsewhere (`总计`) sometimes among them.
//!
//! The values after a header's words are a cluster: in the group the words name (the group
//! named last carries on), in the columns the words name (a group's words name its columns in
//! the form's order, else nothing is read). One text block (values on lines one
//! after another) is printed in the row's order; values apart from each other (empty lines
//! between them, `View::apart`) are boxes the tool may print in any order, so every order of
//! the boxes is a placement. A cluster flowed before the heading names one column and holds one
//! value; it may belong to any group. A cluster holding more values than its words name takes
//! the columns of the words printed with no value after them. Every placement that puts each
//! value in a cell of its own is tried (`MOST_FLOATING` clusters of any group, `BUDGET` steps
//! at most): a group is read where each of its five cells is placed and its four results add
//! up to its total, and only the cells that every such placement gives the same value; the rest
//! stay unknown (a group's boxes whose order nothing tells: which part is which). A whole group
//! that adds up in no placement (a report's slip, or values not under their words after all)
//! leaves the whole table to the other readers.

use super::super::cells;
use super::super::rows::{self, View};
use super::super::solve::{sum_is_last, whole_number, Token};
use super::super::template::T4_HEADER_CHARS;
use super::{section_heading_at, split_apart};

/// Most clusters printed before the section heading, each placed in any group (3^n choices).
const MOST_FLOATING: usize = 4;
/// Most placements of whole groups tried.
const BUDGET: usize = 100_000;
/// How far before the section heading flowed clusters are looked for (chars).
const REACH_BEFORE: usize = 200;
/// How far after the section heading the table's values are looked for (chars).
const REACH_AFTER: usize = 1500;

/// Values printed after header words.
struct Cluster {
    /// The group the words (or earlier words) name; `None` before the section heading.
    group: Option<usize>,
    /// The columns the values stand in, template order.
    cols: Vec<usize>,
    /// The values' boxes (`split_apart`), as indices into the table's tokens.
    boxes: Vec<Vec<usize>>,
}

/// The group words name (`None` where none) and the columns they name (template order):
/// `None` where they name two groups or one column twice (two headers' words run together,
/// a page printing groups side by side).
fn named(words: &str) -> Option<(Option<usize>, Vec<usize>)> {
    let groups: Vec<usize> = [("行政复议", 0), ("直接起诉", 1), ("复议后", 2)]
        .iter()
        .flat_map(|&(name, g)| words.matches(name).map(move |_| g))
        .collect();
    if groups.len() > 1 {
        return None;
    }
    // Each column's header holds one character no other one does.
    let mut cols = Vec::new();
    for (col, c) in ['维', '纠', '其', '尚', '总'].into_iter().enumerate() {
        match words.matches(c).count() {
            0 => {}
            1 => cols.push(col),
            _ => return None,
        }
    }
    Some((groups.first().copied(), cols))
}

/// Value runs each with the header words printed before it, and the words after the last run.
type Scanned = (Vec<(String, Vec<Token>)>, String);

/// The header words and value runs of `[a, b)`: each run of whole numbers with the words
/// printed before it, and the words after the last run. `None` where other text stands there.
fn scan(v: &View, a: usize, b: usize) -> Option<Scanned> {
    let blank = |i: usize| v.furniture[i] || cells::is_space(v.chars[i]);
    let mut out = Vec::new();
    let mut words = String::new();
    let mut i = a;
    while i < b {
        let c = cells::fold(v.chars[i]);
        if blank(i) {
            i += 1;
        } else if T4_HEADER_CHARS.contains(c) {
            words.push(c);
            i += 1;
        } else if c.is_ascii_digit() {
            let mut e = i;
            while e < b && (blank(e) || cells::fold(v.chars[e]).is_ascii_digit()) {
                e += 1;
            }
            let tokens = rows::tokenize(v, i, e, None);
            if tokens.is_empty() || tokens.iter().any(|t| whole_number(t).is_none()) {
                return None;
            }
            out.push((std::mem::take(&mut words), tokens));
            i = e;
        } else {
            return None;
        }
    }
    Some((out, words))
}

/// Whether header words belong to table 4 only (table 3 prints `其他` and `总计` too).
fn t4_only(words: &str) -> bool {
    ["结果", "尚未", "审结"].iter().any(|w| words.contains(w))
}

/// The clusters of table 4 whose section heading starts at `heading`, with the columns of
/// words printed with no value after them; its tokens.
fn clusters(v: &View, heading: usize) -> Option<(Vec<Cluster>, Vec<Token>)> {
    let len = v.chars.len();
    let hs = v.line_start(heading);
    if !section_heading_at(v, hs) {
        return None;
    }
    // Before the heading: the lines of header words and numbers only.
    let mut a = hs;
    while a > 0 && hs - a < REACH_BEFORE {
        let ls = v.line_start(a - 1);
        let fits = (ls..a - 1).all(|i| {
            let c = cells::fold(v.chars[i]);
            v.furniture[i] || cells::is_space(c) || c.is_ascii_digit() || T4_HEADER_CHARS.contains(c)
        });
        if !fits {
            break;
        }
        a = ls;
    }
    let (before, before_tail) = scan(v, a, hs)?;
    // The last clusters before the heading whose words are one column of table 4's and whose
    // first box is one value are flowed cells: that value (boxes after it are other values
    // the tool flowed there, table 3's).
    let flowed: Vec<(String, Vec<Token>)> = before
        .iter()
        .rev()
        .map(|(w, t)| (w, split_apart(v, t.clone())))
        .take_while(|(w, boxes)| {
            boxes[0].len() == 1 && t4_only(w) && named(w).is_some_and(|(g, c)| g.is_none() && c.len() == 1)
        })
        .map(|(w, mut boxes)| (w.clone(), boxes.swap_remove(0)))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let from = v.line_end(heading) + 1;
    let end = (from..len.min(from + REACH_AFTER)).find(|&i| section_heading_at(v, i))?;
    let (after, after_tail) = scan(v, from, end)?;
    // Column words with no value after them: before the heading, those right after the flowed
    // cells (or table 4's own words), and those the table ends with.
    let last_whole = before.last().is_some_and(|(_, t)| flowed.last().is_some_and(|(_, f)| f.len() == t.len()));
    let before_tail = if last_whole || t4_only(&before_tail) { before_tail.as_str() } else { "" };
    let mut orphans = Vec::new();
    for tail in [before_tail, after_tail.as_str()] {
        let (group, cols) = named(tail)?;
        if group.is_some() {
            return None;
        }
        orphans.extend(cols);
    }
    let mut tokens = Vec::new();
    let mut out = Vec::new();
    let mut group = None;
    let mut last_col: [Option<usize>; 3] = [None; 3];
    let flowed_count = flowed.len();
    for (k, (words, run)) in flowed.iter().chain(&after).enumerate() {
        let (named_group, cols) = named(words)?;
        if k >= flowed_count {
            group = named_group.or(group);
            // A group's header words name its columns in the form's order (words in an order of
            // their own are not known to stand over the values after them).
            let g = group?;
            if cols.first().is_some_and(|&c| last_col[g].is_some_and(|l| c <= l)) {
                return None;
            }
            last_col[g] = cols.last().copied().or(last_col[g]);
        }
        let first = tokens.len();
        let boxes: Vec<Vec<usize>> = split_apart(v, run.clone())
            .into_iter()
            .scan(first, |at, b| {
                let ids = (*at..*at + b.len()).collect();
                *at += b.len();
                Some(ids)
            })
            .collect();
        tokens.extend(run.iter().cloned());
        out.push(Cluster { group: if k < flowed_count { None } else { group }, cols, boxes });
    }
    take_orphans(&mut out, &orphans)?;
    Some((out, tokens))
}

/// Gives the one cluster holding more values than its words name the columns of words printed
/// apart from their values (its boxes in any order, as ever); `None` where the values and
/// columns do not then match one to one.
fn take_orphans(clusters: &mut [Cluster], orphans: &[usize]) -> Option<()> {
    let count = |c: &Cluster| c.boxes.iter().map(Vec::len).sum::<usize>();
    let surplus: Vec<usize> = (0..clusters.len()).filter(|&k| count(&clusters[k]) != clusters[k].cols.len()).collect();
    match (surplus.as_slice(), orphans.is_empty()) {
        ([], true) => Some(()),
        ([k], false) => {
            let c = &mut clusters[*k];
            if orphans.iter().any(|o| c.cols.contains(o)) {
                return None;
            }
            c.cols.extend(orphans);
            c.cols.sort_unstable();
            (c.cols.len() == count(c) && c.cols.windows(2).all(|w| w[0] < w[1])).then_some(())
        }
        _ => None,
    }
}

/// The distinct orders of a cluster's boxes (by the values they print), each the cluster's
/// token indices in its columns' order.
fn orders(c: &Cluster, values: &[i64]) -> Vec<Vec<usize>> {
    fn go(boxes: &[Vec<usize>], used: &mut Vec<bool>, seq: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if used.iter().all(|&u| u) {
            out.push(seq.clone());
            return;
        }
        for k in 0..boxes.len() {
            if !used[k] {
                used[k] = true;
                let before = seq.len();
                seq.extend(&boxes[k]);
                go(boxes, used, seq, out);
                seq.truncate(before);
                used[k] = false;
            }
        }
    }
    let mut all = Vec::new();
    go(&c.boxes, &mut vec![false; c.boxes.len()], &mut Vec::new(), &mut all);
    let mut seen: Vec<Vec<i64>> = Vec::new();
    all.retain(|o| {
        let vals: Vec<i64> = o.iter().map(|&t| values[t]).collect();
        let new = !seen.contains(&vals);
        if new {
            seen.push(vals);
        }
        new
    });
    all
}

/// What is known of a cell so far: nothing yet, its token, or not known.
#[derive(Clone, Copy, PartialEq)]
enum Known {
    Unseen,
    Token(usize),
    Not,
}

/// The cells of one group given its clusters, where every placement of their boxes that adds
/// up agrees (`None` where a cell is not known, all of a group not whole); `Ok(None)` where the
/// group is whole and no placement adds up (a report's slip, or values not placed by their
/// words: nothing of the table is read then); `Err` past the budget.
fn group_cells(cs: &[&Cluster], values: &[i64], steps: &mut usize) -> Result<Option<[Option<usize>; 5]>, ()> {
    let mut cols: Vec<usize> = cs.iter().flat_map(|c| c.cols.iter().copied()).collect();
    cols.sort_unstable();
    if cols != [0, 1, 2, 3, 4] {
        return Ok(Some([None; 5]));
    }
    let choices: Vec<Vec<Vec<usize>>> = cs.iter().map(|c| orders(c, values)).collect();
    let mut known = [Known::Unseen; 5];
    let mut pick = vec![0; cs.len()];
    loop {
        *steps += 1;
        if *steps > BUDGET {
            return Err(());
        }
        let mut row = [0usize; 5];
        for (k, c) in cs.iter().enumerate() {
            for (&col, &t) in c.cols.iter().zip(&choices[k][pick[k]]) {
                row[col] = t;
            }
        }
        if sum_is_last(&row.map(|t| values[t])) {
            for (cell, &t) in known.iter_mut().zip(&row) {
                *cell = match *cell {
                    Known::Unseen => Known::Token(t),
                    Known::Token(u) if values[u] == values[t] => Known::Token(u),
                    _ => Known::Not,
                };
            }
        }
        // The next combination of the clusters' orders.
        let Some(k) = (0..cs.len()).find(|&k| pick[k] + 1 < choices[k].len()) else { break };
        pick[k] += 1;
        pick[..k].iter_mut().for_each(|p| *p = 0);
    }
    if known[0] == Known::Unseen {
        return Ok(None);
    }
    Ok(Some(known.map(|k| match k {
        Known::Token(t) => Some(t),
        _ => None,
    })))
}

/// Table 4 whose section heading starts at `heading`, placed by its header words (the module's
/// doc): its 15 cells in template order (`None`: not known) and its tokens. `None` where the
/// text is not of that shape, where a placement leaves a whole group that adds up in no order
/// of its boxes, or where no cell is known.
pub(super) fn t4_labelled(v: &View, heading: usize) -> Option<(Vec<Option<usize>>, Vec<Token>)> {
    let (clusters, tokens) = clusters(v, heading)?;
    let values: Vec<i64> = tokens.iter().map(whole_number).collect::<Option<_>>()?;
    let floating: Vec<usize> = (0..clusters.len()).filter(|&k| clusters[k].group.is_none()).collect();
    if floating.len() > MOST_FLOATING {
        return None;
    }
    let mut known = [Known::Unseen; 15];
    let mut steps = 0;
    for choice in 0..3usize.pow(floating.len() as u32) {
        let group_of = |k: usize| match floating.iter().position(|&f| f == k) {
            Some(i) => choice / 3usize.pow(i as u32) % 3,
            None => clusters[k].group.unwrap_or_default(),
        };
        let groups: Vec<Vec<&Cluster>> =
            (0..3).map(|g| (0..clusters.len()).filter(|&k| group_of(k) == g).map(|k| &clusters[k]).collect()).collect();
        // No cell holds two values.
        let clash = groups.iter().any(|cs| {
            let mut cols: Vec<usize> = cs.iter().flat_map(|c| c.cols.iter().copied()).collect();
            let n = cols.len();
            cols.sort_unstable();
            cols.dedup();
            cols.len() != n
        });
        if clash {
            continue;
        }
        for (g, cs) in groups.iter().enumerate() {
            let cells = group_cells(cs, &values, &mut steps).ok()??;
            for (col, cell) in cells.into_iter().enumerate() {
                let k = &mut known[g * 5 + col];
                *k = match (*k, cell) {
                    (Known::Unseen, Some(t)) => Known::Token(t),
                    (Known::Token(u), Some(t)) if values[u] == values[t] => Known::Token(u),
                    _ => Known::Not,
                };
            }
        }
    }
    let cells: Vec<Option<usize>> = known
        .iter()
        .map(|k| match k {
            Known::Token(t) => Some(*t),
            _ => None,
        })
        .collect();
    cells.iter().any(Option::is_some).then_some((cells, tokens))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Table 4 as pdftotext prints a Word table: `before` flowed before the heading, the review
    /// row's values as boxes, the direct group's results one block.
    fn word_t4(before: &str, review: &str, direct: &str) -> String {
        format!(
            "{before}四、政府信息公开行政复议、行政诉讼情况\n行政复议\n结果 结果\n维持 纠正\n\n其他\n结果\n\n尚未\n审结\n\n\
             总计\n\n{review}\n行政诉讼\n未经复议直接起诉\n结果 结果 其他\n维持 纠正 结果\n{direct}\n\n尚未\n审结\n9\n\n\
             总计\n79\n\n复议后起诉\n结果 结果\n维持 纠正\n13\n3\n\n总计\n28\n\n五、存在的主要问题\n"
        )
    }

    fn read(text: &str) -> Option<Vec<Option<i64>>> {
        let v = View::new(text);
        let heading = text[..text.find("行政复议").unwrap()].chars().count();
        let (cells, tokens) = t4_labelled(&v, heading)?;
        Some(cells.iter().map(|c| c.map(|t| whole_number(&tokens[t]).unwrap())).collect())
    }

    #[test]
    fn values_are_placed_by_the_words_before_them() {
        let flowed = "211\n\n其他\n结果\n7\n\n尚未\n审结\n5\n\n";
        let got = read(&word_t4(flowed, "12\n\n8\n\n3\n\n24\n\n1\n", "44\n9\n17")).expect("read");
        let want = [None, None, None, None, Some(24)]
            .into_iter()
            .chain([44, 9, 17, 9, 79, 13, 3, 7, 5, 28].map(Some))
            .collect::<Vec<_>>();
        assert_eq!(got, want);
        // Review parts all equal: known whatever the boxes' order.
        let got = read(&word_t4(flowed, "2\n\n2\n\n2\n\n8\n\n2\n", "44\n9\n17")).expect("read");
        assert_eq!(got[..5], [Some(2), Some(2), Some(2), Some(2), Some(8)]);
    }

    #[test]
    fn what_several_placements_allow_is_not_read() {
        let flowed = "211\n\n其他\n结果\n7\n\n尚未\n审结\n5\n\n";
        // The direct group's results as boxes: any order of them adds up.
        let got = read(&word_t4(flowed, "12\n\n8\n\n3\n\n24\n\n1\n", "44\n\n9\n\n17")).expect("read");
        assert_eq!(got[5..10], [None, None, None, Some(9), Some(79)]);
        // The flowed cells not table 4's words (no `结果`): the after-review group is not whole.
        let flowed = "211\n\n其他\n7\n\n尚未\n审结\n5\n\n";
        let got = read(&word_t4(flowed, "12\n\n8\n\n3\n\n24\n\n1\n", "44\n9\n17")).expect("read");
        assert!(got[10..].iter().all(Option::is_none), "{got:?}");
        // Five flowed cells of one value each: more than `MOST_FLOATING` placements, none read.
        let flowed = "其他\n结果\n7\n\n尚未\n审结\n5\n\n".repeat(3);
        assert_eq!(read(&word_t4(&flowed, "12\n\n8\n\n3\n\n24\n\n1\n", "44\n9\n17")), None);
    }

    #[test]
    fn words_naming_two_groups_or_a_column_twice_name_nothing() {
        assert_eq!(named("未经复议直接起诉复议后起诉"), None);
        assert_eq!(named("结果维持结果维持"), None);
        assert_eq!(named("复议后起诉结果结果维持纠正"), Some((Some(2), vec![0, 1])));
    }
}
