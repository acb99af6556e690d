//! Word 97–2003 (.doc): the `WordDocument` stream's piece table gives the text (compressed
//! cp1252 and UTF-16 pieces; field codes dropped, field results kept); the paragraph
//! properties (PAPX in their FKP pages) say which paragraphs are table cells and which end
//! a row, and each row's `sprmTDefTable` gives its cell edges and vertical merges. Rows are
//! laid on the union of their cell edges (so wider cells get a colspan), as Word lays them.

use encoding_rs::WINDOWS_1252;

use super::cfb::Cfb;
use super::WordDocument;
use crate::document::{RawBlock, RawCell, RawDocument, RawTable};
use crate::error::{CoreError, FileKind};
use crate::panel;

fn u16_at(b: &[u8], i: usize) -> usize {
    b.get(i..i + 2).map_or(0, |s| u16::from_le_bytes([s[0], s[1]]) as usize)
}

fn u32_at(b: &[u8], i: usize) -> usize {
    b.get(i..i + 4).map_or(0, |s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize)
}

fn damaged(reason: &str) -> CoreError {
    CoreError::Damaged { what: FileKind::Word, reason: reason.to_string() }
}

/// A row definition: cell edges (twips) and per cell (vertical merge, horizontal merge).
#[derive(Debug, Clone, Default)]
struct TDef {
    edges: Vec<i32>,
    merges: Vec<(u8, u8)>,
}

#[derive(Debug, Clone, Default)]
struct Papx {
    in_table: bool,
    ttp: bool,
    tdef: Option<TDef>,
}

pub fn read(bytes: &[u8]) -> Result<WordDocument, CoreError> {
    let cfb = Cfb::open(bytes)?;
    if !cfb.has("WordDocument") {
        let what = if cfb.has("EncryptionInfo") || cfb.has("EncryptedPackage") {
            return Err(CoreError::Encrypted { what: FileKind::Word, reason: "it is password-protected".into() });
        } else if cfb.has("Workbook") || cfb.has("Book") {
            "a Microsoft Excel workbook".to_string()
        } else if cfb.has("PowerPoint Document") {
            "a PowerPoint presentation".to_string()
        } else {
            "an OLE compound file without a Word document — a .wps file from WPS Office or Microsoft Works is not \
             read: open it in WPS or Word and save it as .docx or PDF, then parse that"
                .to_string()
        };
        return Err(CoreError::UnsupportedFormat(what));
    }
    let wd = cfb.stream("WordDocument").unwrap_or_default();
    if u16_at(&wd, 0) != 0xA5EC {
        return Err(damaged("the WordDocument stream has no FIB"));
    }
    let flags = u16_at(&wd, 0x0A);
    if flags & 0x0100 != 0 {
        return Err(CoreError::Encrypted { what: FileKind::Word, reason: "it is password-protected".into() });
    }
    let table = cfb.stream(if flags & 0x0200 != 0 { "1Table" } else { "0Table" }).unwrap_or_default();
    // FibRgW97, FibRgLw97, then FibRgFcLcb pairs.
    let csw = u16_at(&wd, 32);
    let lw = 34 + 2 * csw;
    let cslw = u16_at(&wd, lw);
    let ccp_text = u32_at(&wd, lw + 2 + 12);
    let fclcb = lw + 2 + 4 * cslw + 2;
    let pair = |i: usize| (u32_at(&wd, fclcb + 8 * i), u32_at(&wd, fclcb + 8 * i + 4));
    let (fc_clx, lcb_clx) = pair(33);
    let (fc_bte, lcb_bte) = pair(13);
    let clx =
        table.get(fc_clx..fc_clx.saturating_add(lcb_clx)).ok_or_else(|| damaged("the piece table is out of range"))?;
    let pieces = pieces(clx);
    if pieces.is_empty() {
        return Err(damaged("no piece table"));
    }
    // The main text: chars with their file offsets.
    let mut chars: Vec<(char, usize)> = Vec::new();
    for &(cp0, cp1, fc, compressed) in &pieces {
        if cp0 >= ccp_text.max(1) {
            break;
        }
        let n = cp1.min(ccp_text.max(cp0 + 1)).saturating_sub(cp0).min(wd.len());
        for k in 0..n {
            let (c, at) = if compressed {
                let at = fc + k;
                let Some(&b) = wd.get(at) else { break };
                let one = [b];
                let (s, _, _) = WINDOWS_1252.decode(&one);
                let c = s.chars().next().unwrap_or('\u{FFFD}');
                (c, at)
            } else {
                let at = fc + 2 * k;
                if at + 2 > wd.len() {
                    break;
                }
                (char::from_u32(u16_at(&wd, at) as u32).unwrap_or('\u{FFFD}'), at)
            };
            chars.push((c, at));
        }
        if chars.len() > 16 << 20 {
            break;
        }
    }
    let data = cfb.stream("Data").unwrap_or_default();
    let papx = papx_runs(&wd, &data, table.get(fc_bte..fc_bte.saturating_add(lcb_bte)).unwrap_or(&[]));
    let (fc_chp, lcb_chp) = pair(12);
    let shown = chpx_runs(&wd, table.get(fc_chp..fc_chp.saturating_add(lcb_chp)).unwrap_or(&[]));
    let chars: Vec<(char, usize, bool)> =
        chars.into_iter().map(|(c, fc)| (c, fc, props(&shown, fc).is_some_and(|&gone| gone))).collect();
    let blocks = structure(&chars, &papx);
    let lines: Vec<&str> = blocks
        .iter()
        .filter_map(|b| if let RawBlock::Paragraph(p) = b { Some(p.as_str()) } else { None })
        .take(80)
        .collect();
    let panel = panel::scan_lines(lines);
    Ok(WordDocument { raw: RawDocument { blocks, panel, html_title: None }, pages: None, unread: Vec::new() })
}

/// The piece table: (cp start, cp end, byte offset, compressed).
fn pieces(clx: &[u8]) -> Vec<(usize, usize, usize, bool)> {
    let mut p = 0;
    while p < clx.len() {
        match clx[p] {
            1 => p += 3 + u16_at(clx, p + 1),
            2 => {
                let lcb = u32_at(clx, p + 1);
                let plc = clx.get(p + 5..(p + 5).saturating_add(lcb).min(clx.len())).unwrap_or(&[]);
                if plc.len() < 16 {
                    return Vec::new();
                }
                let n = (plc.len() - 4) / 12;
                let mut out = Vec::with_capacity(n);
                for i in 0..n {
                    let (cp0, cp1) = (u32_at(plc, 4 * i), u32_at(plc, 4 * i + 4));
                    let raw = u32_at(plc, 4 * (n + 1) + 8 * i + 2);
                    let compressed = raw & 0x4000_0000 != 0;
                    let fc = if compressed { (raw & 0x3FFF_FFFF) / 2 } else { raw };
                    if cp1 > cp0 {
                        out.push((cp0, cp1, fc, compressed));
                    }
                }
                return out;
            }
            _ => return Vec::new(),
        }
    }
    Vec::new()
}

/// Character properties by file offset: sorted (fc start, fc end, gone), where gone means
/// the run is a deleted revision (sprmCFRMarkDel) or hidden (sprmCFVanish) — text Word does
/// not show. Inserted revisions (sprmCFRMarkIns) are shown and kept.
fn chpx_runs(wd: &[u8], plc: &[u8]) -> Vec<(usize, usize, bool)> {
    let mut runs = Vec::new();
    // (A CHPX FKP's BX is its one offset byte; at most 0x65 runs fit a page.)
    each_fkp_run(wd, plc, 1, 101, |page, fc0, fc1, off| {
        let Some(off) = off else { return };
        let cb = page[off] as usize;
        let grp = page.get(off + 1..(off + 1 + cb).min(511)).unwrap_or(&[]);
        let (mut deleted, mut hidden) = (false, false);
        each_sprm(grp, |sprm, op| {
            // A toggle operand: 1 on, 0x81 the opposite of the style (taken as on).
            let on = op.first().is_some_and(|&v| v == 1 || v == 0x81);
            match sprm {
                0x0800 => deleted = on,
                0x083C => hidden = on,
                _ => {}
            }
        });
        if deleted || hidden {
            runs.push((fc0, fc1, true));
        }
    });
    runs.sort_by_key(|r| r.0);
    runs
}

/// Calls `f` with each run of the FKP pages a PlcBte names (at most 10,000 pages, `max_runs` a
/// page): its page, its fc range and where its properties start in the page (`None` for a run
/// without). `bx`: the size of a run's BX entry, whose first byte is that offset in words.
fn each_fkp_run(
    wd: &[u8],
    plc: &[u8],
    bx: usize,
    max_runs: usize,
    mut f: impl FnMut(&[u8], usize, usize, Option<usize>),
) {
    if plc.len() < 8 {
        return;
    }
    let n = (plc.len() - 4) / 8;
    for i in 0..n.min(10_000) {
        let pn = u32_at(plc, 4 * (n + 1) + 4 * i) & 0x3F_FFFF;
        let Some(page) = wd.get(pn * 512..pn * 512 + 512) else { continue };
        let crun = (page[511] as usize).min(max_runs);
        for j in 0..crun {
            let (fc0, fc1) = (u32_at(page, 4 * j), u32_at(page, 4 * j + 4));
            let off = page.get(4 * (crun + 1) + bx * j).copied().unwrap_or(0) as usize * 2;
            f(page, fc0, fc1, (off != 0 && off < 511).then_some(off));
        }
    }
}

/// Calls `f` with each sprm of a grpprl and its operand (cut short at the end of `b`).
fn each_sprm(mut b: &[u8], mut f: impl FnMut(u16, &[u8])) {
    while b.len() >= 2 {
        let sprm = u16_at(b, 0) as u16;
        let body = &b[2..];
        let len = match sprm >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            _ => {
                if sprm == 0xD608 {
                    // cb (2 bytes) counts the rest of the operand plus one.
                    (u16_at(body, 0) + 1).max(2)
                } else {
                    body.first().copied().unwrap_or(0) as usize + 1
                }
            }
        };
        f(sprm, body.get(..len.min(body.len())).unwrap_or(&[]));
        if len >= body.len() {
            break;
        }
        b = &body[len..];
    }
}

/// Paragraph properties by file offset: sorted (fc start, fc end, properties).
fn papx_runs(wd: &[u8], data: &[u8], plc: &[u8]) -> Vec<(usize, usize, Papx)> {
    let mut runs = Vec::new();
    // (A PAPX FKP's BX is 13 bytes: the offset byte, then a PHE.)
    each_fkp_run(wd, plc, 13, usize::MAX, |page, fc0, fc1, off| {
        let Some(off) = off else {
            runs.push((fc0, fc1, Papx::default()));
            return;
        };
        let cb = page[off] as usize;
        let (start, len) = if cb == 0 {
            (off + 2, 2 * page.get(off + 1).copied().unwrap_or(0) as usize)
        } else {
            (off + 1, (2 * cb).saturating_sub(1))
        };
        let grp = page.get(start..(start + len).min(511)).unwrap_or(&[]);
        // istd (2 bytes), then sprms.
        let mut p = Papx::default();
        sprms(grp.get(2..).unwrap_or(&[]), data, &mut p, 0);
        runs.push((fc0, fc1, p));
    });
    runs.sort_by_key(|r| r.0);
    runs
}

/// Reads the sprms this reader needs into `p`; a huge PAPX (too long for its FKP page) is
/// followed into the Data stream once.
fn sprms(b: &[u8], data: &[u8], p: &mut Papx, depth: usize) {
    each_sprm(b, |sprm, op| match sprm {
        0x2416 => p.in_table = op.first().is_some_and(|&v| v != 0),
        0x2417 => p.ttp = op.first().is_some_and(|&v| v != 0),
        0xD608 => p.tdef = tdef(op.get(2..).unwrap_or(&[])),
        0x6645 | 0x6646 if depth == 0 => {
            let at = u32_at(op, 0);
            let size = u16_at(data, at);
            if let Some(grp) = data.get(at + 2..(at + 2).saturating_add(size)) {
                sprms(grp, data, p, 1);
            }
        }
        _ => {}
    });
}

fn tdef(op: &[u8]) -> Option<TDef> {
    let n = *op.first()? as usize;
    let edges: Vec<i32> = (0..=n).map(|i| i32::from(u16_at(op, 1 + 2 * i) as i16)).collect();
    let tcs = 1 + 2 * (n + 1);
    let merges = (0..n)
        .map(|i| {
            let grf = u16_at(op, tcs + 20 * i);
            (((grf >> 5) & 3) as u8, (grf & 3) as u8)
        })
        .collect();
    Some(TDef { edges, merges })
}

fn props<T>(runs: &[(usize, usize, T)], fc: usize) -> Option<&T> {
    let i = runs.partition_point(|r| r.0 <= fc);
    let r = runs.get(i.checked_sub(1)?)?;
    (fc < r.1).then_some(&r.2)
}

/// Text with marks → paragraphs and tables. Each char carries whether Word hides it (a
/// deleted revision or hidden text): such text is dropped; a hidden paragraph mark joins its
/// paragraph to the next one, as Word shows it; cell marks keep the grid, and a row whose
/// end-of-row mark is deleted (a deleted row, or part of a deleted table) is dropped whole.
fn structure(chars: &[(char, usize, bool)], runs: &[(usize, usize, Papx)]) -> Vec<RawBlock> {
    let mut blocks = Vec::new();
    let mut para = String::new();
    let mut cell: Vec<String> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut rows: Vec<(Vec<String>, Option<TDef>)> = Vec::new();
    // Field nesting: 0x13 begin … 0x14 separator … 0x15 end; codes (before 0x14) are dropped.
    let mut fields: Vec<bool> = Vec::new();
    for &(c, fc, gone) in chars {
        if gone && !matches!(c, '\u{13}' | '\u{14}' | '\u{15}' | '\u{7}') {
            continue;
        }
        match c {
            '\u{13}' => {
                if fields.len() < 64 {
                    fields.push(false);
                }
                continue;
            }
            '\u{14}' => {
                if let Some(f) = fields.last_mut() {
                    *f = true;
                }
                continue;
            }
            '\u{15}' => {
                fields.pop();
                continue;
            }
            _ => {}
        }
        if fields.last() == Some(&false) {
            continue;
        }
        match c {
            '\r' | '\u{7}' => {
                let p = props(runs, fc).cloned().unwrap_or_default();
                let text = std::mem::take(&mut para);
                if c == '\u{7}' && p.ttp {
                    let cells = std::mem::take(&mut row);
                    if !gone {
                        rows.push((cells, p.tdef));
                    }
                    cell.clear();
                } else if c == '\u{7}' {
                    cell.push(text);
                    row.push(cell.join("\n").trim().to_string());
                    cell.clear();
                } else if p.in_table {
                    cell.push(text);
                } else {
                    flush_table(&mut rows, &mut blocks);
                    let t = text.trim();
                    if !t.is_empty() {
                        blocks.push(RawBlock::Paragraph(t.to_string()));
                    }
                }
            }
            '\u{b}' => para.push('\n'),
            '\t' => para.push(' '),
            '\u{1e}' => para.push('-'),
            '\u{a0}' => para.push(' '),
            c if (c as u32) < 0x20 => {}
            c => para.push(c),
        }
    }
    if !row.is_empty() {
        rows.push((row, None));
    }
    flush_table(&mut rows, &mut blocks);
    let t = para.trim();
    if !t.is_empty() {
        blocks.push(RawBlock::Paragraph(t.to_string()));
    }
    // Line breaks inside a paragraph outside tables split it.
    blocks
        .into_iter()
        .flat_map(|b| match b {
            RawBlock::Paragraph(p) if p.contains('\n') => p
                .split('\n')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| RawBlock::Paragraph(s.to_string()))
                .collect::<Vec<_>>(),
            b => vec![b],
        })
        .collect()
}

fn flush_table(rows: &mut Vec<(Vec<String>, Option<TDef>)>, blocks: &mut Vec<RawBlock>) {
    if rows.is_empty() {
        return;
    }
    let rows = std::mem::take(rows);
    // Column edges: the union of every row's cell edges (20 twips apart at least).
    let mut edges: Vec<i32> = rows.iter().filter_map(|r| r.1.as_ref()).flat_map(|t| t.edges.iter().copied()).collect();
    edges.sort_unstable();
    edges.dedup_by(|a, b| (*a - *b).abs() < 20);
    let usable = |r: &(Vec<String>, Option<TDef>)| r.1.as_ref().is_some_and(|t| t.edges.len() == r.0.len() + 1);
    let by_edges = edges.len() >= 2 && rows.iter().all(usable);
    let n_cols = if by_edges { edges.len() - 1 } else { rows.iter().map(|r| r.0.len()).max().unwrap_or(0) };
    let n_rows = rows.len();
    if n_cols == 0 {
        return;
    }
    let col_of = |x: i32| edges.iter().position(|&e| (e - x).abs() < 20).unwrap_or(0);
    let mut t = RawTable { n_rows, n_cols, cells: Vec::new(), grid: vec![None; n_rows * n_cols], exact: true };
    for (r, (cells, def)) in rows.into_iter().enumerate() {
        for (i, text) in cells.into_iter().enumerate() {
            let (c0, c1, vmerge) = match (&def, by_edges) {
                (Some(d), true) => {
                    let (c0, c1) = (col_of(d.edges[i]), col_of(d.edges[i + 1]).max(col_of(d.edges[i]) + 1));
                    (c0, c1.min(n_cols), d.merges.get(i).map_or(0, |m| m.0))
                }
                _ => (i, i + 1, 0),
            };
            if c0 >= n_cols {
                continue;
            }
            // A continued vertical merge extends the cell above.
            if (vmerge == 1 || vmerge == 2) && r > 0 {
                if let Some(idx) = t.grid[(r - 1) * n_cols + c0] {
                    let above = &mut t.cells[idx as usize];
                    if above.col == c0 {
                        above.rowspan = r - above.row + 1;
                        for c in c0..c1 {
                            t.grid[r * n_cols + c] = Some(idx);
                        }
                        continue;
                    }
                }
            }
            let idx = t.cells.len() as u32;
            t.cells.push(RawCell {
                text,
                row: r,
                col: c0,
                rowspan: 1,
                colspan: c1 - c0,
                header: false,
                evidence: None,
                marked: Vec::new(),
            });
            for c in c0..c1 {
                t.grid[r * n_cols + c] = Some(idx);
            }
        }
    }
    blocks.push(RawBlock::Table(t));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One CHPX FKP page at page 0 of `wd`, with runs [0,10) deleted, [10,20) inserted,
    /// [20,30) hidden and [30,40) plain.
    fn fkp() -> Vec<u8> {
        let mut page = vec![0u8; 512];
        for (j, fc) in [0u32, 10, 20, 30, 40].iter().enumerate() {
            page[4 * j..4 * j + 4].copy_from_slice(&fc.to_le_bytes());
        }
        let chpx: [&[u8]; 4] = [&[0x00, 0x08, 1], &[0x01, 0x08, 1], &[0x3C, 0x08, 0x81], &[0x3C, 0x08, 0]];
        let mut at = 400;
        for (j, grp) in chpx.iter().enumerate() {
            page[20 + j] = (at / 2) as u8;
            page[at] = grp.len() as u8;
            page[at + 1..at + 1 + grp.len()].copy_from_slice(grp);
            at += 8;
        }
        page[511] = 4;
        page
    }

    #[test]
    fn deleted_and_hidden_runs_are_found_inserted_kept() {
        let wd = fkp();
        let plc = [0u32, 40, 0].iter().flat_map(|v| v.to_le_bytes()).collect::<Vec<u8>>();
        let runs = chpx_runs(&wd, &plc);
        assert_eq!(runs, vec![(0, 10, true), (20, 30, true)]);
        assert_eq!(props(&runs, 5), Some(&true));
        assert_eq!(props(&runs, 15), None);
        assert_eq!(props(&runs, 25), Some(&true));
        assert_eq!(props(&runs, 35), None);
    }

    #[test]
    fn hidden_text_and_deleted_rows_are_dropped() {
        let cellp = Papx { in_table: true, ttp: false, tdef: None };
        let rowp = Papx { in_table: true, ttp: true, tdef: None };
        // fc 100.. table cells, fc 200.. row marks, fc 0.. body.
        let runs = vec![(100, 200, cellp), (200, 300, rowp)];
        let mut chars: Vec<(char, usize, bool)> = Vec::new();
        let mut text = |s: &str, fc: usize, gone: bool| {
            chars.extend(s.chars().map(|c| (c, fc, gone)));
        };
        text("total ", 0, false);
        text("79", 0, true);
        text("81\r", 0, false);
        text("old", 0, true);
        text("\r", 0, true);
        text("a\u{7}", 100, false);
        text("1\u{7}", 100, false);
        text("\u{7}", 200, false);
        // A deleted row.
        text("b\u{7}2\u{7}", 100, true);
        text("\u{7}", 200, true);
        text("c\u{7}", 100, false);
        text("12", 100, true);
        text("64\u{7}", 100, false);
        text("\u{7}", 200, false);
        text("end\r", 0, false);
        let blocks = structure(&chars, &runs);
        assert_eq!(blocks.len(), 3);
        assert!(matches!(&blocks[0], RawBlock::Paragraph(p) if p == "total 81"));
        let RawBlock::Table(t) = &blocks[1] else { panic!("no table") };
        let texts: Vec<&str> = t.cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!((t.n_rows, t.n_cols), (2, 2));
        assert_eq!(texts, vec!["a", "1", "c", "64"]);
        assert!(matches!(&blocks[2], RawBlock::Paragraph(p) if p == "end"));
    }
}
