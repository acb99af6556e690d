//! Plain, markdown or PDF-extracted text → `RawDocument`: one paragraph per
//! non-empty line, the metadata panel from the head of the text. Tables in
//! text are left as lines; the `tables` stage finds them in the assembled text.

use crate::document::{RawBlock, RawDocument};
use crate::panel;

/// How many leading lines may hold a metadata panel.
const PANEL_LINES: usize = 80;

/// Splits text into paragraphs (one per non-empty line, trimmed).
pub fn parse_plain(text: &str) -> RawDocument {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let panel = panel::scan_lines(lines.iter().take(PANEL_LINES).copied());
    RawDocument {
        blocks: lines.into_iter().map(|l| RawBlock::Paragraph(l.to_string())).collect(),
        panel,
        html_title: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_paragraphs_and_panel_is_read() {
        let doc = parse_plain("标题: 某局2021年度报告\r\n发布时间: 2022-01-13 08:38\n\n  一、总体情况 \n");
        assert_eq!(doc.blocks.len(), 3);
        assert_eq!(doc.blocks[2], RawBlock::Paragraph("一、总体情况".into()));
        assert_eq!(doc.panel[1].key, "published");
        assert_eq!(doc.panel[1].value, "2022-01-13 08:38");
    }
}
