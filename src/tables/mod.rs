//! The three statutory tables (SPEC §4): table 2 `proactive`, table 3
//! `requests`, table 4 `review_litigation`, read from HTML grids and from text.
//!
//! `template` holds the labels as data, `cells` reads one cell token, `grid`
//! reads HTML grids, `rows` tokenises text rows, `text` finds the tables in
//! text, `solve` places numbers and splits glued digit runs (unique answers
//! only), `build` assembles the readings and their issues.

mod build;
pub mod cells;
mod fit;
mod grid;
mod rows;
mod solve;
pub mod template;
mod text;

use crate::document::Document;
use crate::model::{Issue, Tables};

/// Reads the statutory tables and reports the cells that could not be placed
/// (`TABLE_UNREADABLE`, blame `parser`).
pub fn read_with_issues(doc: &Document) -> (Tables, Vec<Issue>) {
    let mut issues = Vec::new();
    let g = grid::read(doc, &mut issues);
    let mut tables = Tables { proactive: g.proactive, requests: g.requests, review_litigation: g.review };
    if tables.proactive.is_none() || tables.requests.is_none() || tables.review_litigation.is_none() {
        let v = rows::View::with_blank_lines(&doc.text, &doc.blank_lines).with_columns(&doc.columns);
        let mut t3_span = None;
        if tables.requests.is_none() {
            if let Some((t, span)) = text::requests(&v, &mut issues) {
                t3_span = Some(span);
                tables.requests = Some(t);
            }
        }
        let t3_start = t3_span.map(|s: [usize; 2]| s[0]).or(tables.requests.as_ref().map(|t| t.span[0]));
        if tables.proactive.is_none() {
            let t3_format = tables.requests.as_ref().map(|t| t.format);
            tables.proactive = text::proactive(&v, &doc.text, &mut issues, t3_start, t3_format);
        }
        if tables.review_litigation.is_none() {
            let after = t3_span.map_or(0, |s| s[1]);
            tables.review_litigation = text::review(&v, &mut issues, after);
        }
    }
    (tables, issues)
}
