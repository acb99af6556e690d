//! Numbers stated in prose → facts with canonical keys (SPEC §5).

use crate::document::Document;
use crate::model::{Fact, Section};

/// Reads the facts of a document.
pub fn read(doc: &Document, sections: &[Section]) -> Vec<Fact> {
    let _ = (doc, sections);
    Vec::new()
}
