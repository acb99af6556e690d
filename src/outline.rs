//! Headings and levels → the section tree with canonical keys (SPEC §3).

use crate::document::Document;
use crate::model::Section;

/// Reads the outline of a document.
pub fn read(doc: &Document) -> Vec<Section> {
    let _ = doc;
    Vec::new()
}
