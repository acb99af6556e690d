//! Plain, markdown or PDF-extracted text → `RawDocument`: one paragraph per
//! non-empty line, the metadata panel from the head of the text. Tables in
//! text are left as lines; the `tables` stage finds them in the assembled text.

use crate::document::{RawBlock, RawDocument};
use crate::panel;

/// How many leading lines may hold a metadata panel.
const PANEL_LINES: usize = 80;

/// Splits text into paragraphs (one per non-empty line, trimmed). Empty lines
/// between two paragraphs are kept as a count (`RawBlock::BlankLines`): a table
/// printed one cell per line prints its blank cells as empty lines.
pub fn parse_plain(text: &str) -> RawDocument {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let panel = panel::scan_lines(lines.iter().take(PANEL_LINES).copied());
    let mut blocks = Vec::with_capacity(lines.len());
    let mut empty = 0u32;
    for l in text.lines().map(str::trim) {
        if l.is_empty() {
            empty = empty.saturating_add(1);
            continue;
        }
        if empty > 0 && !blocks.is_empty() {
            blocks.push(RawBlock::BlankLines(empty));
        }
        empty = 0;
        blocks.push(RawBlock::Paragraph(l.to_string()));
    }
    RawDocument { blocks, panel, html_title: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_paragraphs_and_panel_is_read() {
        let doc = parse_plain("标题: 某局2021年度报告\r\n发布时间: 2022-01-13 08:38\n\n  一、总体情况 \n");
        assert_eq!(doc.blocks.len(), 4);
        assert_eq!(doc.blocks[2], RawBlock::BlankLines(1));
        assert_eq!(doc.blocks[3], RawBlock::Paragraph("一、总体情况".into()));
        assert_eq!(doc.panel[1].key, "published");
        assert_eq!(doc.panel[1].value, "2022-01-13 08:38");
    }
}
