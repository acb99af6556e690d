//! The metadata panel: label/value pairs from every line and table row of the page.

use crate::document::{PanelEntry, RawTable};
use crate::panel;

use super::arena::{Arena, CellTexts, Tag, Walk};
use super::lines::{Lines, Noted};

/// Table rows with a cell longer than this are not read as panel rows.
const PANEL_CELL_MAX: usize = 200;

/// Every non-empty cell is a panel label, the value after a label, or `label：value`,
/// and there are at least two labels.
pub(super) fn is_panel_table(t: &RawTable) -> bool {
    let mut labels = 0;
    let mut row_cells: Vec<&str> = Vec::new();
    let mut r = 0;
    let mut i = 0;
    while i <= t.cells.len() {
        if i == t.cells.len() || t.cells[i].row != r {
            let mut k = 0;
            while k < row_cells.len() {
                let c = row_cells[k].trim();
                if c.is_empty() {
                    k += 1;
                } else if panel::classify_label(c).is_some() {
                    labels += 1;
                    k += 2;
                } else if !panel::scan_row(&[c]).is_empty() {
                    labels += 1;
                    k += 1;
                } else {
                    return false;
                }
            }
            row_cells.clear();
            if i == t.cells.len() {
                break;
            }
            r = t.cells[i].row;
        }
        row_cells.push(&t.cells[i].text);
        i += 1;
    }
    labels >= 2
}

pub(super) enum PanelEvent {
    Line(String),
    Row(Vec<String>),
}

/// Label/value pairs from every line and table row of the whole page (furniture included),
/// the texts of the cells it read (those holding no nested table), for the grids, and the
/// characters other than whitespace of each text node it read (`lines::non_ws_chars`), for
/// the content's counts: its lines see every whitespace character, so only the characters
/// are counted again; and where the whitespace of each text node it read lies, for the
/// content's walk (`Lines::push_node`).
pub(super) fn read_panel(a: &Arena) -> (Vec<PanelEntry>, CellTexts, Vec<Option<u32>>, Noted) {
    let mut texts = CellTexts::default();
    let mut noted = Noted::new(a.nodes.len());
    if a.nodes.is_empty() {
        return (Vec::new(), texts, Vec::new(), noted);
    }
    let mut counted: Vec<Option<u32>> = vec![None; a.nodes.len()];
    let mut events = Vec::new();
    let mut lines = Lines::default();
    let mut walk = Walk::new(0);
    let mut nested = Vec::new();
    while let Some((i, enter)) = walk.next(a) {
        match a.tag(i) {
            Tag::Skip => walk.skip(),
            Tag::Text if enter => {
                let text = a.text_of(i);
                let spaces = lines.spaces;
                lines.push_node(text, i, &mut noted);
                let chars = crate::document::count_char_starts(text.as_bytes());
                counted[i as usize] = Some(u32::try_from(chars - (lines.spaces - spaces)).unwrap_or(u32::MAX));
            }
            Tag::Br if enter => lines.brk(),
            Tag::Pre => lines.pre(enter),
            Tag::Tr if enter => {
                lines.brk();
                events.extend(std::mem::take(&mut lines.done).into_iter().map(PanelEvent::Line));
                let mut cells = Vec::new();
                let mut ok = true;
                for c in a.cells(i) {
                    nested.clear();
                    let t = a.cell_text_noted(c, &mut nested, Some(&mut noted));
                    if nested.is_empty() {
                        texts.insert(c, t.clone());
                    }
                    if t.contains('\n') || t.chars().count() > PANEL_CELL_MAX {
                        ok = false;
                        break;
                    }
                    cells.push(t);
                }
                if ok && cells.len() >= 2 {
                    events.push(PanelEvent::Row(cells));
                }
            }
            t if t.breaks_line() => lines.brk(),
            _ => {}
        }
    }
    lines.brk();
    events.extend(lines.done.into_iter().map(PanelEvent::Line));

    let mut out: Vec<PanelEntry> = Vec::new();
    let merge = |out: &mut Vec<PanelEntry>, new: Vec<PanelEntry>| {
        for e in new {
            if !out.iter().any(|o| o.key == e.key) {
                out.push(e);
            }
        }
    };
    let mut batch: Vec<String> = Vec::new();
    for ev in events {
        match ev {
            PanelEvent::Line(l) => batch.push(l),
            PanelEvent::Row(cells) => {
                merge(&mut out, panel::scan_lines(batch.iter().map(String::as_str)));
                batch.clear();
                let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
                merge(&mut out, panel::scan_row(&refs));
            }
        }
    }
    merge(&mut out, panel::scan_lines(batch.iter().map(String::as_str)));
    (out, texts, counted, noted)
}
