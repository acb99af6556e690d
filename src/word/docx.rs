//! Word 2007+ (.docx): `word/document.xml` walked once. Paragraphs (tracked insertions kept,
//! deletions and moved-from text dropped, `w:sdt` content read, text boxes as their own
//! paragraphs), and tables (`w:tbl`) with `gridSpan`, `vMerge`, `gridBefore`/`gridAfter`
//! → rowspan/colspan grids. A nested table is read as its own table after the one holding
//! it; a one-cell table that only frames content is unwrapped.

use super::numbering::Numbering;
use super::xml::{attr, Event, Reader};
use super::{zip, WordDocument};
use crate::document::{RawBlock, RawCell, RawDocument, RawTable};
use crate::error::{CoreError, FileKind};
use crate::panel;

/// Deepest table nesting followed.
const MAX_NESTING: usize = 16;

#[derive(Default)]
struct Cell {
    blocks: Vec<RawBlock>,
    span: usize,
    /// `Some(true)` restart, `Some(false)` continue.
    vmerge: Option<bool>,
}

#[derive(Default)]
struct Row {
    before: usize,
    after: usize,
    cells: Vec<Cell>,
    /// The row held hidden text (`w:vanish`) and nothing shown: a draft row Word does not display.
    hidden_only: Option<bool>,
}

#[derive(Default)]
struct Table {
    rows: Vec<Row>,
}

fn damaged(reason: &str) -> CoreError {
    CoreError::Damaged { what: FileKind::Word, reason: reason.to_string() }
}

/// An imported chunk (`w:altChunk`): its part's name in the package and its bytes.
pub struct Chunk<'a> {
    pub target: &'a str,
    pub bytes: &'a [u8],
}

/// What the caller makes of a chunk: its blocks, or why it could not be read.
pub type ChunkReader<'r> = dyn FnMut(Chunk<'_>) -> Result<Vec<RawBlock>, String> + 'r;

/// The document, with its imported chunks (`w:altChunk`: HTML, MHT, another .docx that Word shows
/// in their place) read by `chunks`; each chunk not read is named in `WordDocument::unread`.
pub fn read_with(bytes: &[u8], chunks: &mut ChunkReader<'_>) -> Result<WordDocument, CoreError> {
    let xml = zip::member(bytes, "word/document.xml")?.ok_or_else(|| damaged("word/document.xml is missing"))?;
    let xml = String::from_utf8_lossy(&xml);
    let part = |name: &str| zip::member(bytes, name).ok().flatten().map(|b| String::from_utf8_lossy(&b).into_owned());
    let mut numbering = Numbering::new(part("word/numbering.xml").as_deref(), part("word/styles.xml").as_deref());
    let rels = if xml.contains("altChunk") { part("word/_rels/document.xml.rels") } else { None };
    let mut unread = Vec::new();
    let mut resolve = |id: &str| -> Vec<RawBlock> {
        let found = rels.as_deref().and_then(|r| relationship(r, id));
        let result = match &found {
            None => Err(format!("its relationship {id} names no part")),
            Some((_, true)) => Err("it is an external file".to_string()),
            Some((target, false)) => match zip::member(bytes, target) {
                Ok(Some(b)) => chunks(Chunk { target, bytes: &b }),
                Ok(None) => Err("the package lacks that part".to_string()),
                Err(e) => Err(e.to_string()),
            },
        };
        result.unwrap_or_else(|why| {
            let name = found.map_or_else(|| id.to_string(), |(t, _)| t);
            unread.push(format!("{name}: {why}"));
            Vec::new()
        })
    };
    let blocks = walk_with(&xml, &mut numbering, &mut resolve);
    let pages = zip::member(bytes, "docProps/app.xml").ok().flatten().and_then(|app| {
        let app = String::from_utf8_lossy(&app);
        let s = app.find("<Pages>")? + 7;
        let e = app[s..].find('<')? + s;
        app[s..e].trim().parse().ok()
    });
    let lines: Vec<&str> = blocks
        .iter()
        .filter_map(|b| if let RawBlock::Paragraph(p) = b { Some(p.as_str()) } else { None })
        .take(80)
        .collect();
    let panel = panel::scan_lines(lines);
    Ok(WordDocument { raw: RawDocument { blocks, panel, html_title: None }, pages, unread })
}

/// The document with no chunk read (each one named in `unread`).
pub fn read(bytes: &[u8]) -> Result<WordDocument, CoreError> {
    read_with(bytes, &mut |_| Err("imported content is not read here".to_string()))
}

/// The part a relationship of `word/document.xml` targets (its name in the package), and
/// whether it is external (`TargetMode="External"`).
fn relationship(rels: &str, id: &str) -> Option<(String, bool)> {
    Reader::new(rels).find_map(|ev| match ev {
        Event::Start("Relationship", attrs, _) if attr(attrs, "Id").as_deref() == Some(id) => {
            let target = attr(attrs, "Target")?;
            let external = attr(attrs, "TargetMode").is_some_and(|m| m.eq_ignore_ascii_case("external"));
            Some((package_name(&target), external))
        }
        _ => None,
    })
}

/// A target relative to `word/` (or absolute from the package root) as a part's name.
fn package_name(target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') { Vec::new() } else { vec!["word"] };
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

fn push_para(out: &mut Vec<RawBlock>, text: &str) {
    for line in text.split('\n') {
        let t = line.trim();
        if !t.is_empty() {
            out.push(RawBlock::Paragraph(t.to_string()));
        }
    }
}

/// A paragraph's numbering properties: `numId`, `ilvl`, style id.
#[derive(Default)]
struct NumPr {
    num_id: Option<String>,
    ilvl: Option<usize>,
    style: Option<String>,
}

#[cfg(test)]
fn walk(xml: &str, numbering: &mut Numbering) -> Vec<RawBlock> {
    walk_with(xml, numbering, &mut |_| Vec::new())
}

/// The body's blocks; `chunk` gives the blocks of an imported chunk (`w:altChunk`) by its
/// relationship id, read in its place.
fn walk_with(xml: &str, numbering: &mut Numbering, chunk: &mut dyn FnMut(&str) -> Vec<RawBlock>) -> Vec<RawBlock> {
    // Containers: the body, then one per open table cell.
    let mut containers: Vec<Vec<RawBlock>> = vec![Vec::new()];
    let mut tables: Vec<Table> = Vec::new();
    let mut paras: Vec<String> = Vec::new();
    let mut numprs: Vec<NumPr> = Vec::new();
    let numbered = !numbering.is_empty();
    let mut in_text = 0usize;
    // The run's text is set superscript (`w:vertAlign`): a footnote's mark (`14` then a raised
    // `1`), never a digit of the number before it.
    let mut superscript = false;
    // The run is hidden text (`w:vanish`, `w:specVanish` in its own properties, not the paragraph
    // mark's): Word neither shows nor prints it (a draft's old counts beside the new).
    let mut hidden = false;
    let mut in_ppr = false;
    // Inside `w:rPrChange`: the run's formatting before a tracked change, not its own.
    let mut in_rpr_change = false;
    // Inside w:del / w:moveFrom / mc:Fallback: skipped.
    let mut skip = 0usize;
    let mut in_tcpr = false;
    let mut in_trpr = false;
    // Tables nested deeper than MAX_NESTING: read as their cells' text.
    let mut too_deep = 0usize;
    // Open content controls (`w:sdt`): whether each shows its placeholder (`w:showingPlcHdr`).
    let mut sdts: Vec<bool> = Vec::new();
    // Open `w:sdtContent`s, and how many of them are a placeholder's: its text ("单击或点击此处
    // 输入文字。") is no text of the document, the control is empty.
    let mut contents: Vec<bool> = Vec::new();
    let mut placeholder = 0usize;
    for ev in Reader::new(xml) {
        if skip > 0 {
            match ev {
                Event::Start("del" | "moveFrom" | "Fallback", _, false) => skip += 1,
                Event::End("del" | "moveFrom" | "Fallback") => skip -= 1,
                _ => {}
            }
            continue;
        }
        match ev {
            Event::Start(name, attrs, selfc) => match name {
                "del" | "moveFrom" | "Fallback" if !selfc => skip = 1,
                "p" if !selfc => {
                    paras.push(String::new());
                    numprs.push(NumPr::default());
                }
                "pStyle" | "numId" | "ilvl" if numbered => {
                    if let (Some(n), Some(v)) = (numprs.last_mut(), attr(attrs, "val")) {
                        match name {
                            "pStyle" => n.style = Some(v),
                            "numId" => n.num_id = Some(v),
                            _ => n.ilvl = v.parse().ok(),
                        }
                    }
                }
                "t" if !selfc => in_text += 1,
                "sdt" if !selfc => sdts.push(false),
                "showingPlcHdr" => {
                    if let Some(s) = sdts.last_mut() {
                        *s = attr(attrs, "val").is_none_or(|v| !is_off(&v));
                    }
                }
                "sdtContent" if !selfc => {
                    let shows = sdts.last() == Some(&true);
                    contents.push(shows);
                    placeholder += usize::from(shows);
                }
                "altChunk" => {
                    if let (Some(id), Some(c)) = (attr(attrs, "id"), containers.last_mut()) {
                        c.extend(chunk(&id));
                    }
                }
                "r" => (superscript, hidden) = (false, false),
                "pPr" if !selfc => in_ppr = true,
                "rPrChange" if !selfc => in_rpr_change = true,
                "vanish" | "specVanish" if !in_ppr && !in_rpr_change => {
                    hidden = attr(attrs, "val").is_none_or(|v| !is_off(&v));
                }
                "sym" if !superscript && !hidden && placeholder == 0 => {
                    if let (Some(p), Some(c)) = (paras.last_mut(), symbol_char(attrs)) {
                        p.push(c);
                    }
                }
                "vertAlign" => superscript = attr(attrs, "val").is_some_and(|v| v == "superscript"),
                "tab" | "ptab" if !in_tcpr => {
                    if let Some(p) = paras.last_mut() {
                        p.push(' ');
                    }
                }
                "br" | "cr" => {
                    if let Some(p) = paras.last_mut() {
                        p.push('\n');
                    }
                }
                "noBreakHyphen" => {
                    if let Some(p) = paras.last_mut() {
                        p.push('-');
                    }
                }
                "tbl" if !selfc && tables.len() < MAX_NESTING => tables.push(Table::default()),
                "tbl" if !selfc => too_deep += 1,
                "tr" if !selfc => {
                    if let Some(t) = tables.last_mut() {
                        t.rows.push(Row::default());
                    }
                }
                "trPr" if !selfc => in_trpr = true,
                "gridBefore" | "gridAfter" if in_trpr => {
                    let n = attr(attrs, "val").and_then(|v| v.parse::<usize>().ok()).unwrap_or(0).min(64);
                    if let Some(r) = tables.last_mut().and_then(|t| t.rows.last_mut()) {
                        if name == "gridBefore" {
                            r.before = n;
                        } else {
                            r.after = n;
                        }
                    }
                }
                "tc" if !selfc => {
                    if let Some(r) = tables.last_mut().and_then(|t| t.rows.last_mut()) {
                        r.cells.push(Cell { span: 1, ..Default::default() });
                        containers.push(Vec::new());
                    }
                }
                "tcPr" if !selfc => in_tcpr = true,
                "gridSpan" if in_tcpr => {
                    let n = attr(attrs, "val").and_then(|v| v.parse::<usize>().ok()).unwrap_or(1).clamp(1, 64);
                    if let Some(c) = tables.last_mut().and_then(|t| t.rows.last_mut()).and_then(|r| r.cells.last_mut())
                    {
                        c.span = n;
                    }
                }
                "vMerge" if in_tcpr => {
                    let restart = attr(attrs, "val").is_some_and(|v| v == "restart");
                    if let Some(c) = tables.last_mut().and_then(|t| t.rows.last_mut()).and_then(|r| r.cells.last_mut())
                    {
                        c.vmerge = Some(restart);
                    }
                }
                _ => {}
            },
            Event::End(name) => match name {
                "t" => in_text = in_text.saturating_sub(1),
                "sdt" => {
                    sdts.pop();
                }
                "sdtContent" => placeholder -= usize::from(contents.pop() == Some(true)),
                "trPr" => in_trpr = false,
                "pPr" => in_ppr = false,
                "rPrChange" => in_rpr_change = false,
                "tcPr" => in_tcpr = false,
                "p" => {
                    if let Some(mut p) = paras.pop() {
                        let n = numprs.pop().unwrap_or_default();
                        // numId 0 takes the style's numbering away.
                        if numbered && n.num_id.as_deref() != Some("0") && (n.num_id.is_some() || n.style.is_some()) {
                            if let Some(mark) = numbering.next(n.num_id.as_deref(), n.ilvl, n.style.as_deref()) {
                                if !p.trim().is_empty() {
                                    p.insert_str(0, &mark);
                                }
                            }
                        }
                        if let Some(c) = containers.last_mut() {
                            push_para(c, &p);
                        }
                    }
                }
                "tc" if containers.len() > 1 => {
                    let blocks = containers.pop().unwrap_or_default();
                    if let Some(c) = tables.last_mut().and_then(|t| t.rows.last_mut()).and_then(|r| r.cells.last_mut())
                    {
                        c.blocks = blocks;
                    }
                }
                "tbl" if too_deep > 0 => too_deep -= 1,
                "tbl" => {
                    if let (Some(t), Some(out)) = (tables.pop(), containers.last_mut()) {
                        finish(t, out);
                    }
                }
                _ => {}
            },
            Event::Text(s) => {
                if in_text > 0 && !superscript && placeholder == 0 {
                    if let Some(r) = tables.last_mut().and_then(|t| t.rows.last_mut()) {
                        if !s.trim().is_empty() {
                            r.hidden_only = Some(hidden && r.hidden_only != Some(false));
                        }
                    }
                    if let Some(p) = paras.last_mut().filter(|_| !hidden) {
                        p.push_str(&s);
                    }
                }
            }
        }
    }
    // Unclosed elements (a truncated file): keep what was read.
    while let Some(p) = paras.pop() {
        if let Some(c) = containers.last_mut() {
            push_para(c, &p);
        }
    }
    while containers.len() > 1 {
        let inner = containers.pop().unwrap_or_default();
        if let Some(c) = containers.last_mut() {
            c.extend(inner);
        }
    }
    containers.pop().unwrap_or_default()
}

/// Whether an on/off attribute value is off (`w:val="0"`, `false`, `off`).
fn is_off(v: &str) -> bool {
    matches!(v, "0" | "false" | "off")
}

/// The character of a `w:sym` in the Symbol font that prints as its ASCII sign or digit
/// (`w:char="F02D"`: a minus), none for the font's other glyphs (Greek letters, ∀, ∃, …).
fn symbol_char(attrs: &str) -> Option<char> {
    if !attr(attrs, "font").is_some_and(|f| f.eq_ignore_ascii_case("symbol")) {
        return None;
    }
    let code = u32::from_str_radix(&attr(attrs, "char")?, 16).ok()?;
    let low = if (0xF000..=0xF0FF).contains(&code) { code - 0xF000 } else { code };
    let c = char::from_u32(low)?;
    (c.is_ascii_digit() || "+-.,%()/:;<=>!#&? ".contains(c)).then_some(c)
}

/// A table of one column laying out the document (WPS's borderless page frame): each row one
/// cell, and some cell holding more than one paragraph. Its cells' paragraphs are
/// the document's paragraphs (title, outline), its nested tables the document's tables.
fn layout(t: &Table) -> bool {
    let one_column = t.rows.iter().all(|r| r.before == 0 && r.after == 0 && r.cells.len() == 1);
    // (A cell of one line over a nested table is a frame of a table, kept as it was.)
    let body = |c: &Cell| c.blocks.iter().filter(|b| matches!(b, RawBlock::Paragraph(_))).count() > 1;
    one_column && t.rows.len() > 1 && t.rows.iter().flat_map(|r| &r.cells).any(body)
}

/// A finished table into `out`: a one-cell frame or a layout table (see [`layout`]) unwrapped,
/// else the grid then its nested tables.
fn finish(mut t: Table, out: &mut Vec<RawBlock>) {
    t.rows.retain(|r| r.hidden_only != Some(true));
    let cells: usize = t.rows.iter().map(|r| r.cells.len()).sum();
    if cells == 0 {
        return;
    }
    if cells == 1 || layout(&t) {
        for r in t.rows {
            for c in r.cells {
                out.extend(c.blocks);
            }
        }
        return;
    }
    let n_cols =
        t.rows.iter().map(|r| r.before + r.cells.iter().map(|c| c.span).sum::<usize>() + r.after).max().unwrap_or(0);
    let n_rows = t.rows.len();
    let mut table = RawTable { n_rows, n_cols, cells: Vec::new(), grid: vec![None; n_rows * n_cols], exact: true };
    let mut nested: Vec<RawBlock> = Vec::new();
    for (r, row) in t.rows.into_iter().enumerate() {
        let mut col = row.before;
        for cell in row.cells {
            let span = cell.span.min(n_cols.saturating_sub(col)).max(1);
            if col >= n_cols {
                break;
            }
            let mut text = Vec::new();
            for b in cell.blocks {
                match b {
                    RawBlock::Paragraph(p) => text.push(p),
                    other => nested.push(other),
                }
            }
            let text = text.join("\n");
            // A continued vertical merge extends the cell above at this column.
            if cell.vmerge == Some(false) && r > 0 {
                if let Some(idx) = table.grid[(r - 1) * n_cols + col] {
                    let above = &mut table.cells[idx as usize];
                    if above.col == col {
                        above.rowspan = r - above.row + 1;
                        if !text.is_empty() {
                            above.text.push('\n');
                            above.text.push_str(&text);
                        }
                        for c in col..(col + span).min(n_cols) {
                            table.grid[r * n_cols + c] = Some(idx);
                        }
                        col += span;
                        continue;
                    }
                }
            }
            let idx = table.cells.len() as u32;
            table.cells.push(RawCell {
                text,
                row: r,
                col,
                rowspan: 1,
                colspan: span,
                header: false,
                evidence: None,
                marked: Vec::new(),
            });
            for c in col..(col + span).min(n_cols) {
                table.grid[r * n_cols + c] = Some(idx);
            }
            col += span;
        }
    }
    out.push(RawBlock::Table(table));
    out.extend(nested);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_merges_and_revisions() {
        let xml = r#"<w:document><w:body>
          <w:p><w:r><w:t>标题</w:t></w:r><w:ins><w:r><w:t>新增</w:t></w:r></w:ins><w:del><w:r><w:delText>删除</w:delText></w:r></w:del></w:p>
          <w:sdt><w:sdtContent><w:p><w:r><w:t>控件</w:t></w:r></w:p></w:sdtContent></w:sdt>
          <w:tbl>
            <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc>
                  <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>
                  <w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr>
          </w:tbl></w:body></w:document>"#;
        let blocks = walk(xml, &mut Numbering::default());
        assert_eq!(blocks[0], RawBlock::Paragraph("标题新增".into()));
        assert_eq!(blocks[1], RawBlock::Paragraph("控件".into()));
        let RawBlock::Table(t) = &blocks[2] else { panic!("{blocks:?}") };
        assert_eq!((t.n_rows, t.n_cols), (3, 3));
        let a = t.at(1, 0).unwrap();
        assert_eq!((a.text.as_str(), a.rowspan), ("A", 2));
        assert_eq!(t.at(0, 2).unwrap().text, "B");
        assert_eq!(t.at(1, 2).unwrap().text, "2");
        assert_eq!(t.at(2, 1).unwrap().text, "3");
        assert!(t.at(2, 0).is_none());
    }

    #[test]
    fn hidden_text_and_symbol_signs() {
        let xml = r#"<w:document><w:body>
          <w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:t>可见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>草稿</w:t></w:r></w:p>
          <w:p><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>显示</w:t></w:r><w:r><w:rPr><w:rPrChange><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t>了</w:t></w:r></w:p>
          <w:tbl>
            <w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>3</w:t></w:r><w:r><w:rPr><w:vanish/><w:specVanish/></w:rPr><w:t>4</w:t></w:r><w:r><w:t>6</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>B</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>9</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:t>C</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:sym w:font="Symbol" w:char="F02D"/><w:t>2</w:t></w:r><w:r><w:sym w:font="Symbol" w:char="F061"/></w:r></w:p></w:tc></w:tr>
          </w:tbl></w:body></w:document>"#;
        let blocks = walk(xml, &mut Numbering::default());
        assert_eq!(blocks[0], RawBlock::Paragraph("可见".into()));
        // (Hidden before a tracked change of formatting, shown now.)
        assert_eq!(blocks[1], RawBlock::Paragraph("显示了".into()));
        let RawBlock::Table(t) = &blocks[2] else { panic!("{blocks:?}") };
        // The hidden digit is no part of the number; the row of hidden text is no row.
        assert_eq!((t.n_rows, t.at(0, 1).unwrap().text.as_str()), (2, "36"));
        // Symbol's minus is a sign; its alpha is no character of the number.
        assert_eq!(t.at(1, 1).unwrap().text, "-2");
    }

    #[test]
    fn placeholders_layout_tables_and_chunks() {
        // A control showing its placeholder is empty, at run and at cell level; a filled one is read.
        let plc = r"<w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>";
        let xml = format!(
            r#"<w:body><w:p><w:r><w:t>甲</w:t></w:r><w:sdt>{plc}<w:r><w:t>单击此处</w:t></w:r></w:sdtContent></w:sdt></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc>
              <w:sdt>{plc}<w:tc><w:p><w:r><w:t>单击此处</w:t></w:r></w:p></w:tc></w:sdtContent></w:sdt>
              <w:tc><w:sdt><w:sdtPr><w:showingPlcHdr w:val="0"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>5</w:t></w:r></w:p></w:sdtContent></w:sdt></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>标题</w:t></w:r></w:p><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
              <w:p><w:r><w:t>二、</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>一列</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>二列</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:altChunk r:id="rId9"><w:altChunkPr/></w:altChunk><w:p><w:r><w:t>后</w:t></w:r></w:p></w:body>"#
        );
        let mut ids = Vec::new();
        let blocks = walk_with(&xml, &mut Numbering::default(), &mut |id| {
            ids.push(id.to_string());
            vec![RawBlock::Paragraph("块".into())]
        });
        assert_eq!(blocks[0], RawBlock::Paragraph("甲".into()));
        let RawBlock::Table(t) = &blocks[1] else { panic!("{blocks:?}") };
        assert_eq!((t.n_cols, t.at(0, 1).unwrap().text.as_str(), t.at(0, 2).unwrap().text.as_str()), (3, "", "5"));
        // The layout table: its paragraphs and nested table in order, in the document.
        assert_eq!(blocks[2], RawBlock::Paragraph("标题".into()));
        assert_eq!(blocks[3], RawBlock::Paragraph("一、总体情况".into()));
        assert!(matches!(&blocks[4], RawBlock::Table(n) if n.n_cols == 2));
        assert_eq!(blocks[5], RawBlock::Paragraph("二、".into()));
        // A one-column table of one line per cell stays a table.
        assert!(matches!(&blocks[6], RawBlock::Table(n) if n.n_cols == 1 && n.n_rows == 2));
        // The chunk in its place.
        assert_eq!(
            (&blocks[7..], ids),
            (&[RawBlock::Paragraph("块".into()), RawBlock::Paragraph("后".into())][..], vec!["rId9".to_string()])
        );
    }

    #[test]
    fn chunk_relationships() {
        let rels = r#"<Relationships><Relationship Id="rId1" Target="styles.xml"/>
          <Relationship Id="rId9" Type="x/aFChunk" Target="../word/afchunk.htm"/>
          <Relationship Id="rId10" Target="http://a/b.htm" TargetMode="External"/>
          <Relationship Id="rId11" Target="/chunks/c.docx"/></Relationships>"#;
        assert_eq!(relationship(rels, "rId9"), Some(("word/afchunk.htm".into(), false)));
        assert_eq!(relationship(rels, "rId10").map(|r| r.1), Some(true));
        assert_eq!(relationship(rels, "rId11"), Some(("chunks/c.docx".into(), false)));
        assert_eq!(relationship(rels, "rId7"), None);
    }
}
