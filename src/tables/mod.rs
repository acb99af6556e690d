//! The three statutory tables (SPEC §4): table 2 `proactive`, table 3
//! `requests`, table 4 `review_litigation`, read from HTML grids and from text.
//!
//! `template` holds the labels as data, `cells` reads one cell token, `grid`
//! reads HTML grids, `rows` tokenises text rows, `text` finds the tables in
//! text, `solve` places numbers and splits glued digit runs (unique answers
//! only), `build` assembles the readings and their issues, `stated` takes tables 3 and 4 a
//! report states all zero in words.

mod build;
pub mod cells;
mod fit;
mod grid;
mod rows;
mod solve;
mod stated;
mod t2_words;
mod t3_words;
pub mod template;
mod text;

use crate::document::{Document, Span};
use crate::model::{CellState, Issue, OrderedMap, TableReading, Tables};

pub use stated::fill as fill_stated;

/// Reads the statutory tables and reports the cells that could not be placed
/// (`TABLE_UNREADABLE`, blame `parser`).
pub fn read_with_issues(doc: &Document) -> (Tables, Vec<Issue>) {
    read_with_chars(doc, crate::document::chars_of(&doc.text))
}

/// [`read_with_issues`] with the characters of `doc.text` at hand (the text view takes them).
pub fn read_with_chars(doc: &Document, chars: Vec<char>) -> (Tables, Vec<Issue>) {
    let mut chars = Some(chars);
    let mut issues = Vec::new();
    let g = grid::read(doc, &mut issues);
    let mut tables = Tables { proactive: g.proactive, requests: g.requests, review_litigation: g.review };
    // The text's view, made once, only when a text reader runs.
    let mut view: Option<rows::View> = None;
    if let Some(p) = tables.proactive.as_mut() {
        let missing = missing_items(p);
        if !missing.is_empty() {
            let t3 = tables.requests.as_ref().map(|t| (t.span[0], t.format));
            fill_from_text(p, &missing, text_view(&mut view, doc, &mut chars), doc, t3);
            unread_items(p, doc, &mut issues);
        }
    }
    if tables.proactive.is_none() || tables.requests.is_none() || tables.review_litigation.is_none() {
        let v = text_view(&mut view, doc, &mut chars);
        let mut t3_span = None;
        if tables.requests.is_none() {
            if let Some((t, span)) = text::requests(v, &mut issues) {
                t3_span = Some(span);
                tables.requests = Some(t);
            }
        }
        let t3_start = t3_span.map(|s: [usize; 2]| s[0]).or(tables.requests.as_ref().map(|t| t.span[0]));
        let t3_format = tables.requests.as_ref().map(|t| t.format);
        let t2_read =
            |v: &rows::View, issues: &mut Vec<Issue>| text::proactive(v, &doc.text, issues, t3_start, t3_format);
        let after = t3_span.map_or(0, |s| s[1]);
        let t4_read = |v: &rows::View, issues: &mut Vec<Issue>| text::review(v, issues, after);
        let (t2_text, t4_text) = (tables.proactive.is_none(), tables.review_litigation.is_none());
        // Text whose wrapped labels ran into each other (PDF text sorted by position, `申申请请`):
        // no label of tables 2 and 4 is known to stand beside its own values.
        let interleaved = (t2_text || t4_text) && text::tables_interleaved(v);
        if interleaved {
            for (on, table) in [(t2_text, "proactive"), (t4_text, "review_litigation")] {
                if on {
                    let msg = "the text runs the lines of wrapped labels into each other: no value is known to be beside its label";
                    issues.push(build::unreadable(table, "", &[], format!("{table}: {msg}")));
                }
            }
        } else {
            if t2_text {
                tables.proactive = t2_read(v, &mut issues);
            }
            if t4_text {
                tables.review_litigation = t4_read(v, &mut issues);
            }
        }
        if let Some(v) = view.as_mut() {
            // (Table 3 read out of order settles the pages' numbers among its values itself,
            // `text::page_numbers`.)
            if let Some(t) = tables.proactive.as_mut().filter(|_| t2_text) {
                agree_over_page_numbers(v, t, "proactive", &t2_read, &mut issues);
            }
            if let Some(t) = tables.review_litigation.as_mut().filter(|_| t4_text) {
                agree_over_page_numbers(v, t, "review_litigation", &t4_read, &mut issues);
            }
        }
    }
    if let Some(p) = tables.proactive.as_mut() {
        amounts_in_header_units(p, &doc.text);
    }
    (tables, issues)
}

/// Table 2's amounts in their keys' units where the header names another (an author changing
/// the form's unit): fees (`amount_10k_yuan`, 万元) under `本年收费金额（单位：元）`, a ten-thousandth
/// of the number; the procurement total (`amount`, yuan) under `采购总金额（万元）`, 10,000 times
/// it. Only numbers printed without a unit of their own (a cell printing `万元` or `元` was read
/// in its own unit already).
fn amounts_in_header_units(t: &mut TableReading, text: &str) {
    // (item, column, header label, the unit that is not the key's, the factor to the key's)
    const OTHER_UNITS: [(&str, &str, &str, &str, f64); 2] = [
        ("fees", "amount_10k_yuan", "收费金额", "元", 1.0 / 10000.0),
        ("procurement", "amount", "采购总金额", "万元", 10000.0),
    ];
    for (item, col, label, unit, factor) in OTHER_UNITS {
        let Some(cell) = t.cells.get_mut(item).and_then(|r| r.get_mut(col)) else { continue };
        let Some(value) = cell.value.filter(|_| !cell.raw.contains('元')) else { continue };
        if header_unit(text, label) == Some(unit) {
            cell.value = Some(cells::scale(value, factor));
        }
    }
}

/// The unit a header names in brackets right after `label` (`收费金额（单位：元）`,
/// `收费金额(万元)`): `元` or `万元`, the first such header's.
fn header_unit(text: &str, label: &str) -> Option<&'static str> {
    text.match_indices(label).find_map(|(at, _)| {
        let rest = text[at + label.len()..].trim_start();
        let rest = rest.strip_prefix(['（', '('])?.trim_start();
        let rest =
            rest.strip_prefix("单位").map_or(rest, |r| r.trim_start().trim_start_matches(['：', ':']).trim_start());
        let unit = if rest.starts_with("万元") {
            "万元"
        } else if rest.starts_with('元') {
            "元"
        } else {
            return None;
        };
        rest[unit.len()..].trim_start().starts_with(['）', ')']).then_some(unit)
    })
}

/// Most pages' bare numbers among a table's values whose readings are compared
/// (`agree_over_page_numbers`): past them every cell of the table is left unknown.
const MOST_PAGE_NUMBERS: usize = 4;

/// A table read from text (`read`) over pages' bare numbers (`text::page_numbers`: numbers alone
/// in their text block reading their page's number, where the text's pages are so numbered):
/// each may be one of its values or the page's footer printed among them (pdftotext without
/// `-layout`), so the table is read again with each choice of them left out, and only the
/// cells every reading gives the same value keep it; the rest are left unknown (a cell another
/// reading leaves unknown, or a reading of nothing, counts as differing: these tables have
/// little arithmetic to settle which reading holds).
fn agree_over_page_numbers(
    v: &mut rows::View,
    table: &mut TableReading,
    name: &str,
    read: &dyn Fn(&rows::View, &mut Vec<Issue>) -> Option<TableReading>,
    issues: &mut Vec<Issue>,
) {
    let cells = table.cells.iter().flat_map(|(_, row)| row.iter().map(|(_, c)| c.span));
    let region = cells.fold(table.span, |r, s| [r[0].min(s[0]), r[1].max(s[1])]);
    let pages = text::page_numbers(v, region);
    if pages.is_empty() {
        return;
    }
    // Cells (row, column) whose value some reading does not give.
    let mut differ: Vec<(String, String)> = Vec::new();
    let mut all = pages.len() > MOST_PAGE_NUMBERS;
    for mask in 1..(1usize << pages.len().min(MOST_PAGE_NUMBERS)) {
        if all {
            break;
        }
        let left_out: Vec<Span> = (0..pages.len()).filter(|k| mask >> k & 1 == 1).map(|k| pages[k]).collect();
        v.set_furniture(&left_out, true);
        let other = read(v, &mut Vec::new());
        v.set_furniture(&left_out, false);
        let Some(other) = other else {
            all = true;
            break;
        };
        for (key, row) in table.cells.iter() {
            for (col, cell) in row.iter() {
                let same = other.cells.get(key).and_then(|r| r.get(col)).is_some_and(|c| c.value == cell.value);
                if cell.value.is_some() && !same && !differ.iter().any(|(k, c)| k == key && c == col) {
                    differ.push((key.to_string(), col.to_string()));
                }
            }
        }
    }
    let why = "a page's bare number stands among the values: read as a value or as the page's number, \
               this cell differs";
    let keys: Vec<String> = table.cells.iter().map(|(k, _)| k.to_string()).collect();
    for key in keys {
        let cols: Vec<String> = match table.cells.get(&key) {
            Some(row) if all => row.iter().filter(|(_, c)| c.value.is_some()).map(|(c, _)| c.to_string()).collect(),
            Some(_) => differ.iter().filter(|(k, _)| *k == key).map(|(_, c)| c.clone()).collect(),
            None => Vec::new(),
        };
        let cols: Vec<&str> = cols.iter().map(String::as_str).collect();
        build::unseat(table, name, &key, &cols, why, issues);
    }
}

/// The document text as the text readers see it, made on first use (of `chars`, the
/// characters of `doc.text`, which it takes).
fn text_view<'a>(slot: &'a mut Option<rows::View>, doc: &Document, chars: &mut Option<Vec<char>>) -> &'a rows::View {
    slot.get_or_insert_with(|| {
        let chars = chars.take().unwrap_or_else(|| crate::document::chars_of(&doc.text));
        rows::View::with_blank_lines(&doc.text, chars, &doc.blank_lines)
            .with_columns(&doc.columns)
            .with_nbsp_runs(&doc.nbsp_runs)
            .with_pages(&doc.pages)
    })
}

/// The items of table 2's form that a reading lacks.
fn missing_items(t: &TableReading) -> Vec<&'static str> {
    let Some(form) = t.format.form() else { return Vec::new() };
    template::T2_ITEMS
        .iter()
        .filter(|i| !i.cols(form).is_empty() && t.cells.get(i.key).is_none())
        .map(|i| i.key)
        .collect()
}

/// Table 2 read from grids without some of its form's items (markitdown prints the last row of
/// a block as a paragraph after its grid: `行政事业性收费7816`): those items as the text reader
/// reads them, where it reads the table in the same form and every cell of the item as a
/// printed number outside the grids' rows.
fn fill_from_text(
    t: &mut TableReading,
    missing: &[&'static str],
    v: &rows::View,
    doc: &Document,
    t3: Option<(usize, crate::model::TableFormat)>,
) {
    // Issues of the items taken are none (every cell read); of the others, the grid's stand.
    let mut scratch = Vec::new();
    let Some(text) = text::proactive(v, &doc.text, &mut scratch, t3.map(|t| t.0), t3.map(|t| t.1)) else { return };
    if text.format != t.format {
        return;
    }
    // Every cell a printed number, outside the grids' rows (a row the converter left out of
    // them): inside, a blank the text reader sees may be a value the grid holds elsewhere.
    let in_grid =
        |c: &crate::model::CellReading| doc.tables.iter().any(|g| g.span[0] < c.span[1] && c.span[0] < g.span[1]);
    let taken = |c: &crate::model::CellReading| {
        c.value.is_some() && matches!(c.state, CellState::Number | CellState::Zero) && !c.inferred && !in_grid(c)
    };
    let mut added = false;
    for key in missing {
        let Some(row) = text.cells.get(key) else { continue };
        if row.is_empty() || !row.iter().all(|(_, c)| taken(c)) {
            continue;
        }
        t.cells.insert(*key, row.clone());
        for (_, c) in row.iter() {
            t.span = [t.span[0].min(c.span[0]), t.span[1].max(c.span[1])];
        }
        added = true;
    }
    if added {
        in_template_order(t);
    }
}

/// Table 2's items in template order, as the grid reading lists them.
fn in_template_order(t: &mut TableReading) {
    let mut ordered = OrderedMap::default();
    for item in &template::T2_ITEMS {
        if let Some(row) = t.cells.get(item.key) {
            ordered.insert(item.key, row.clone());
        }
    }
    t.cells = ordered;
}

/// Table 2's items still missing from a grid reading whose label is a cell of a table 2 grid (a
/// `序号` column before the labels, a converter's header rows): kept as rows of unknown cells,
/// with an issue, never dropped without a word (SPEC §4).
fn unread_items(t: &mut TableReading, doc: &Document, issues: &mut Vec<Issue>) {
    let Some(form) = t.format.form() else { return };
    let compact = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    // The grids holding an item read, or table 2's 信息内容 header.
    let t2_grids: Vec<&crate::document::Table> = doc
        .tables
        .iter()
        .filter(|g| {
            let read = |c: &crate::document::Cell| {
                t.cells
                    .iter()
                    .flat_map(|(_, row)| row.iter())
                    .any(|(_, r)| r.span[0] >= c.span[0] && r.span[1] <= c.span[1])
            };
            g.cells.iter().any(|c| compact(&c.text) == "信息内容" || read(c))
        })
        .collect();
    let mut added = false;
    for key in missing_items(t) {
        let Some(item) = template::T2_ITEMS.iter().find(|i| i.key == key) else { continue };
        let labels: Vec<&str> = template::T2_LABELS
            .iter()
            .filter(|(_, l)| matches!(l, template::T2Label::Item(k) if template::T2_ITEMS[*k].key == item.key))
            .map(|(p, _)| *p)
            .collect();
        let Some(cell) = t2_grids.iter().flat_map(|g| &g.cells).find(|c| labels.contains(&compact(&c.text).as_str()))
        else {
            continue;
        };
        let at = [cell.span[1], cell.span[1]];
        let mut row = OrderedMap::default();
        for col in item.cols(form) {
            let unknown = crate::model::CellReading {
                value: None,
                raw: String::new(),
                state: CellState::Text,
                span: at,
                inferred: false,
                evidence: None,
            };
            row.insert(*col, unknown);
        }
        t.cells.insert(item.key, row);
        let msg = format!("proactive {}: the row's label is in the table but its values were not read", item.key);
        issues.push(build::unreadable("proactive", item.key, item.cols(form), msg));
        added = true;
    }
    if added {
        in_template_order(t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_names_its_unit_in_brackets_right_after_its_label() {
        assert_eq!(header_unit("行政事业性收费 本年收费金额（单位：元） 120", "收费金额"), Some("元"));
        assert_eq!(header_unit("本年收费金额(单位:万元)", "收费金额"), Some("万元"));
        assert_eq!(header_unit("本年收费金额 （ 元 ）", "收费金额"), Some("元"));
        // Prose naming an amount, or a bracket of something else, is no header's unit.
        assert_eq!(header_unit("本年度收费金额为0元。", "收费金额"), None);
        assert_eq!(header_unit("本年收费金额（含代收）", "收费金额"), None);
        assert_eq!(header_unit("本年收费金额为0元，本年收费金额（元）", "收费金额"), Some("元"));
        assert_eq!(header_unit("采购项目数量 采购总金额（万元）", "采购总金额"), Some("万元"));
    }
}
