//! Table 2 (proactive disclosure) from grid rows: the header's columns, joined when cut
//! over cells or rows, then each item's values.

use crate::model::{ExtraRow, Form, Issue, TableReading};

use crate::tables::build::{self, RowIn};
use crate::tables::cells::{self, ColKind};
use crate::tables::solve::Token;
use crate::tables::template::{T2Label, T2_ITEMS, T2_LABELS};

use super::{cell_tokens, extra_row, grow, token, GRow, RowCell, T2_AC};

/// The column headers of a table-2 header row: `(c0, c1, key, format)`. A header cut over two
/// cells (`本年` | `增/减`) or over rows (`上一年项目数` / `量`, the next row holding only
/// fragments; `本年新` / `制作数` / `量`, the next two) is joined; one repeated over the cells of
/// its merged span is one column.
pub(super) fn t2_header(
    row: &GRow,
    prev: Option<&GRow>,
    after: &[GRow],
) -> Vec<(usize, usize, &'static str, Option<Form>)> {
    let col = |k: &str| {
        T2_LABELS.iter().find(|(p, _)| k.starts_with(p)).and_then(|(_, l)| match l {
            T2Label::Col(key, f) => Some((*key, *f)),
            _ => None,
        })
    };
    // The rows around add their text column by column when they are fragments only (a header
    // cut over rows: `上一年` over `项目数量`).
    let only_fragments = |n: &&GRow| {
        !n.any_number() && !n.cells.iter().any(|c| col(&c.key).is_some()) && T2_AC.find_iter(&n.label).next().is_none()
    };
    let fragments = after.first().filter(only_fragments);
    // (The row after it too, for a header cut over three rows.)
    let more = fragments.and(after.get(1)).filter(only_fragments).filter(|n| n.table == row.table);
    let over = prev.filter(only_fragments).filter(|p| p.table == row.table);
    let around = |n: Option<&GRow>, c: &RowCell| -> String {
        n.map_or(String::new(), |n| {
            n.cells.iter().filter(|x| x.c0 <= c.c1 && c.c0 <= x.c1).map(|x| x.key.as_str()).collect()
        })
    };
    let below = |c: &RowCell| around(fragments, c);
    let below2 = |c: &RowCell| format!("{}{}", around(fragments, c), around(more, c));
    let above = |c: &RowCell| around(over, c);
    let texts: Vec<(usize, usize, &str)> = row.cells.iter().map(|c| (c.c0, c.c1, c.key.as_str())).collect();
    // Whether a column's label runs on past `t`: else every text made of `t` and more begins
    // with the same labels as `t`, `col` gives it `col(t)` (None where the joins are tried),
    // and the joins after the cell's text are not made (most cells, values and items, begin
    // no column's label: each join was a string and a pass over the labels).
    let runs_on = |t: &str| T2_LABELS.iter().any(|(p, _)| p.len() > t.len() && p.starts_with(t));
    let mut out: Vec<(usize, usize, &'static str, Option<Form>)> = Vec::new();
    let mut i = 0;
    while i < texts.len() {
        let (c0, c1, t) = texts[i];
        // Two headers in one cell (`上一年项目数量本年增/减`): both columns, at this cell.
        let inner: Vec<(&'static str, Option<Form>)> = T2_AC
            .find_iter(t)
            .filter_map(|m| match T2_LABELS[m.pattern().as_usize()].1 {
                T2Label::Col(key, f) => Some((key, f)),
                _ => None,
            })
            .collect();
        if inner.len() > 1 {
            for (key, f) in inner {
                out.push((c0, c1, key, f));
            }
            i += 1;
            continue;
        }
        // The joins with the rows around and with the next cell are made only when the cell's
        // own text names no column (and is not empty: then none of them counts).
        // (Without a row above, `above` is empty and its join is `t` again.)
        let runs = !t.is_empty() && runs_on(t);
        let hit = col(t)
            .or_else(|| (runs && fragments.is_some()).then(|| col(&format!("{t}{}", below(&row.cells[i])))).flatten())
            .or_else(|| {
                (!t.is_empty() && over.is_some()).then(|| col(&format!("{}{t}", above(&row.cells[i])))).flatten()
            })
            .or_else(|| (runs && more.is_some()).then(|| col(&format!("{t}{}", below2(&row.cells[i])))).flatten())
            .map(|h| (h, c1, 1))
            .or_else(|| {
                let n = texts.get(i + 1).filter(|_| runs)?;
                col(&format!("{t}{}", n.2)).map(|h| (h, n.1, 2))
            });
        match hit {
            Some(((key, f), end, step)) => {
                match out.last_mut() {
                    Some(h) if h.2 == key && h.1 + 1 == c0 => h.1 = end,
                    _ => out.push((c0, end, key, f)),
                }
                i += step;
            }
            None => i += 1,
        }
    }
    out
}

/// A row's value cells: those that read as values, and those standing under a column of the
/// header that name no item and hold no digit (`不详` printed where a number belongs is an unread
/// value, not a label; `文件 3 0 3` is the end of a label with the values glued on).
fn t2_values<'r, 'a>(row: &'r GRow<'a>, header: &[(usize, usize, &'static str)]) -> Vec<&'r RowCell<'a>> {
    // A label's end split from the values glued to it (`文件` of `文件3`) shares their cell.
    let split = |c: &RowCell| row.cells.iter().any(|v| v.value_like && v.c0 == c.c0);
    let under = |c: &RowCell| header.iter().any(|&(a, b, _)| c.c0 >= a && c.c1 <= b) && !split(c);
    row.cells
        .iter()
        .filter(|c| {
            c.value_like || (!c.is_empty() && under(c) && !cells::has_digit(c.text) && T2_AC.find(&c.key).is_none())
        })
        .collect()
}

pub(super) fn proactive(rows: &[GRow], issues: &mut Vec<Issue>) -> Option<TableReading> {
    let mut t2_rows: Vec<RowIn> = Vec::new();
    let mut t2_extra: Vec<ExtraRow> = Vec::new();
    let mut header: Vec<(usize, usize, &'static str)> = Vec::new(); // (c0, c1, key)
    let (mut n19, mut n21) = (0usize, 0usize);
    let mut span: Option<[usize; 2]> = None;
    for (ri, row) in rows.iter().enumerate() {
        grow(&mut span, row.span);
        let mut hits: Vec<T2Label> = T2_AC.find_iter(&row.label).map(|m| T2_LABELS[m.pattern().as_usize()].1).collect();
        if row.any_number() && !hits.iter().any(|h| matches!(h, T2Label::Item(_))) {
            if let Some(wrapped) = wrapped_label(rows, ri) {
                hits = wrapped;
            }
        }
        let heads = t2_header(row, ri.checked_sub(1).and_then(|p| rows.get(p)), &rows[ri + 1..]);
        if !heads.is_empty() {
            for (_, _, _, f) in &heads {
                match *f {
                    Some(Form::F2019) => n19 += 1,
                    Some(Form::F2021) => n21 += 1,
                    None => {}
                }
            }
            header = heads.into_iter().map(|(a, b, k, _)| (a, b, k)).collect();
            continue;
        }
        if hits.contains(&T2Label::Caption) {
            // Each 第二十条 block prints its own header.
            header.clear();
        }
        if hits.contains(&T2Label::Caption) {
            continue;
        }
        let values = t2_values(row, &header);
        let item = hits.iter().find_map(|h| if let T2Label::Item(i) = h { Some(*i) } else { None });
        let (Some(i), true) = (item, !values.is_empty()) else {
            if row.any_number() && !row.label.is_empty() {
                t2_extra.push(extra_row(&row.label, &values));
            }
            continue;
        };
        if matches!(i, 3 | 7) {
            n19 += 1;
        }
        // Columns from the header: by position; else in order when the counts agree (a cell
        // may print several values, one per line); else the row is not readable.
        if header.is_empty() {
            continue;
        }
        let mut keys: Vec<&'static str> = header.iter().map(|h| h.2).collect();
        // Under a header spanning several grid columns the value may stand in any of them
        // (or be printed in each): the one printed value, or the first cell when all are blank.
        let positional: Vec<Option<&&RowCell>> = header
            .iter()
            .map(|&(c0, c1, _)| {
                let under: Vec<&&RowCell> = values.iter().filter(|v| v.c0 <= c1 && c0 <= v.c1).collect();
                let printed: Vec<&&RowCell> = under.iter().copied().filter(|v| !v.is_empty()).collect();
                match printed.as_slice() {
                    [] => under.first().copied(),
                    [one, rest @ ..] if rest.iter().all(|r| r.key == one.key) => Some(*one),
                    _ => None,
                }
            })
            .collect();
        // Columns sharing a header cell have no positions of their own.
        let shared = header.windows(2).any(|w| w[0].0 == w[1].0);
        let placed_all = !shared
            && positional.iter().all(Option::is_some)
            && values.iter().all(|v| v.is_empty() || header.iter().any(|&(a, b, _)| v.c0 <= b && a <= v.c1));
        let single = values.iter().all(|v| cell_tokens(v, ColKind::Signed).len() <= 1);
        let listed: Vec<Token> =
            values.iter().filter(|v| !v.is_empty()).flat_map(|v| cell_tokens(v, ColKind::Signed)).collect();
        let mut unreadable = None;
        let tokens: Vec<Token> = if placed_all && single {
            positional.iter().zip(&keys).map(|(v, k)| token(v.expect("placed"), build::t2_kind(k))).collect()
        } else if single && !shared && values.len() == keys.len() {
            values.iter().zip(&keys).map(|(v, k)| token(v, build::t2_kind(k))).collect()
        } else if listed.len() == keys.len() {
            listed
        } else if let Some(cols) = format_columns(i, &keys, n19, n21).filter(|c| single && c.len() == listed.len()) {
            // A header cut into fragments (`本年` / `止件` / `废数…`) names fewer columns than the
            // row prints; the values, as many as the item's columns in the format the table
            // shows, are those columns in order.
            keys = cols.to_vec();
            listed
        } else if let Some(cols) = header_prefix(i, &keys, n19, n21).filter(|c| single && c.len() == listed.len()) {
            // A header naming more columns than the item has, beginning with the item's own
            // (the header of the block before: this block's caption and header were printed
            // apart from the grid, markitdown's `行政事业性收费 | 8 | 0` under (六)'s three
            // columns): the values are the item's columns in order.
            keys = cols.to_vec();
            listed
        } else {
            unreadable = Some("neither the header's columns nor the count of its values place them");
            listed
        };
        t2_rows.push(RowIn {
            key: T2_ITEMS[i].key,
            region: [values[0].span[0], values[values.len() - 1].span[1]],
            cols: keys.iter().map(|k| (*k, build::t2_kind(k))).collect(),
            tokens,
            pins: Vec::new(),
            at: Vec::new(),
            unreadable,
            in_order: false,
            every_cell: false,
        });
    }
    if t2_rows.is_empty() {
        return None;
    }
    // An item printed twice (a label repeated in a note) is read once.
    let mut seen: Vec<&str> = Vec::new();
    t2_rows.retain(|r| {
        let new = !seen.contains(&r.key);
        seen.push(r.key);
        new
    });
    let format = if n21 > n19 { Form::F2021 } else { Form::F2019 };
    t2_rows.retain(|r| {
        let def = T2_ITEMS.iter().find(|d| d.key == r.key);
        def.is_some_and(|d| !d.cols(format).is_empty())
    });
    Some(build::proactive(format, t2_rows, span.unwrap_or_default(), t2_extra, issues))
}

/// The label hits of row `ri` whose label cell wrapped its lines into rows of their own
/// (tabulate's multi-line rows, pandas' `to_markdown` of pdfplumber's cells: `行政规 | 13 | 12 |
/// 59` / `范性文 | | |` / `件 | | |`): the next rows of the same grid printing no number, their
/// text only under the row's label cells, joined to its label until an item's label is whole.
/// `None` where no item's label comes of it.
fn wrapped_label(rows: &[GRow], ri: usize) -> Option<Vec<T2Label>> {
    let row = &rows[ri];
    let under_label =
        |c: &RowCell| row.cells.iter().any(|l| !l.value_like && !l.is_empty() && l.c0 <= c.c0 && c.c1 <= l.c1);
    // An item's label begun in the row's own text and ended in its wrapped lines.
    let across = |m: &aho_corasick::Match| m.start() < row.label.len() && m.end() > row.label.len();
    let mut joined = row.label.clone();
    for next in rows.iter().skip(ri + 1).take(MAX_WRAPPED_ROWS) {
        let text: Vec<&RowCell> = next.cells.iter().filter(|c| !c.is_empty()).collect();
        // (A row of a label of its own, its values blank, is no line of this one.)
        if next.table != row.table
            || next.any_number()
            || text.is_empty()
            || !text.iter().all(|c| under_label(c))
            || T2_AC.find(&next.label).is_some()
        {
            return None;
        }
        joined.push_str(&next.label);
        if T2_AC
            .find_iter(&joined)
            .any(|m| across(&m) && matches!(T2_LABELS[m.pattern().as_usize()].1, T2Label::Item(_)))
        {
            return Some(T2_AC.find_iter(&joined).map(|m| T2_LABELS[m.pattern().as_usize()].1).collect());
        }
    }
    None
}

/// Most rows a label cell's wrapped lines run over (`wrapped_label`).
const MAX_WRAPPED_ROWS: usize = 3;

/// The item's columns in the format the table shows, where `named` (a header's columns) names
/// more and begins with them.
fn header_prefix(i: usize, named: &[&str], n19: usize, n21: usize) -> Option<&'static [&'static str]> {
    let cols = form_columns(i, n19, n21)?;
    (!cols.is_empty() && named.len() > cols.len() && named[..cols.len()] == *cols).then_some(cols)
}

/// Item `i`'s columns in the format the table shows (more 2019 items seen than 2021 ones, or
/// fewer); `None` where the counts tie.
fn form_columns(i: usize, n19: usize, n21: usize) -> Option<&'static [&'static str]> {
    match n19.cmp(&n21) {
        std::cmp::Ordering::Less => Some(T2_ITEMS[i].cols_2021),
        std::cmp::Ordering::Greater => Some(T2_ITEMS[i].cols_2019),
        std::cmp::Ordering::Equal => None,
    }
}

/// Table-2 item `i`'s columns in the format the table shows so far (`n19`, `n21`: the
/// evidence for each), when that is clear and every column the header named is one of them.
pub(super) fn format_columns(i: usize, named: &[&str], n19: usize, n21: usize) -> Option<&'static [&'static str]> {
    let cols = form_columns(i, n19, n21)?;
    (!named.is_empty() && named.iter().all(|k| cols.contains(k))).then_some(cols)
}
