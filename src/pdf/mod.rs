//! PDF input, Rust-native: the file and its objects (`file`, `object`, `crypto`), fonts
//! (`font`), the content-stream interpreter (`interp`) and the layout stage that rebuilds
//! tables and paragraphs from positions (`grid`, `layout`). The result is the same
//! `RawDocument` the HTML stage makes. Every limit is bounded (nesting, objects resolved,
//! operators run, glyphs kept, bytes decoded), and nothing here can panic on bad input
//! short of a bug (the binding turns a bug's panic into an error).

mod crypto;
mod file;
mod font;
mod grid;
mod interp;
mod layout;
mod object;
mod sfnt;
mod unruled;

use std::collections::HashSet;

use crate::document::RawDocument;
use file::PdfFile;
use object::{Dict, Obj};

/// Most pages read.
const MAX_PAGES: usize = 5000;

/// Why a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// A password is needed (the reason).
    Encrypted(String),
    /// No text layer (pages, images).
    Scanned { pages: usize, images: usize },
    /// Text drawn with fonts that do not say which characters they show.
    Undecodable { glyphs: usize, unknown: usize },
    /// The file is damaged beyond repair.
    Damaged(String),
    /// A stream filter this reader does not know (only for content streams).
    Filter(String),
}

/// A read PDF.
pub struct PdfDocument {
    pub raw: RawDocument,
    pub pages: usize,
    pub producer: Option<String>,
}

/// A PDF text string (UTF-16BE with BOM, UTF-8 with BOM, else PDFDocEncoding ≈ Latin-1).
fn text_string(b: &[u8]) -> String {
    if b.starts_with(&[0xfe, 0xff]) {
        let units: Vec<u16> = b[2..].chunks(2).map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)])).collect();
        return String::from_utf16_lossy(&units);
    }
    if b.starts_with(&[0xff, 0xfe]) {
        // Not in the standard, but WPS writes it.
        let units: Vec<u16> = b[2..].chunks(2).map(|c| u16::from_le_bytes([c[0], *c.get(1).unwrap_or(&0)])).collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = b.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    b.iter().map(|&c| c as char).collect()
}

struct PageRef {
    dict: Dict,
    resources: Dict,
    media: [f64; 4],
    rotate: i64,
}

fn rect(o: &Obj, file: &PdfFile) -> Option<[f64; 4]> {
    let a = file.resolve(o);
    let v: Vec<f64> = a.as_array()?.iter().filter_map(|x| file.resolve(x).as_f64()).collect();
    if v.len() != 4 {
        return None;
    }
    let r = [v[0].min(v[2]), v[1].min(v[3]), v[0].max(v[2]), v[1].max(v[3])];
    (r[2] - r[0] > 1.0 && r[3] - r[1] > 1.0).then_some(r)
}

/// The pages in order: the page tree walked with inherited attributes, cycles cut; without
/// a usable tree, every `/Type /Page` object in file order.
fn pages(file: &PdfFile) -> Vec<PageRef> {
    let root = file.get_key(&file.trailer, b"Root");
    let mut out = Vec::new();
    if let Some(cat) = root.as_dict() {
        let mut seen = HashSet::new();
        let top = cat.get(b"Pages").cloned().unwrap_or(Obj::Null);
        walk(file, &top, None, None, 0, &mut seen, &mut out, 0);
    }
    if out.is_empty() {
        // No usable page tree (a truncated file keeps it at the end): the page objects found.
        for n in file.numbers_in_file_order() {
            if out.len() >= MAX_PAGES {
                break;
            }
            let Some(Obj::Dict(d)) = file.get(n) else { continue };
            if d.get(b"Type").and_then(Obj::as_name) == Some(b"Page") {
                let mut seen = HashSet::new();
                walk(file, &Obj::Ref(n, 0), None, None, 0, &mut seen, &mut out, 0);
            }
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn walk(
    file: &PdfFile,
    node: &Obj,
    resources: Option<&Dict>,
    media: Option<[f64; 4]>,
    rotate: i64,
    seen: &mut HashSet<u32>,
    out: &mut Vec<PageRef>,
    depth: usize,
) {
    if depth > 64 || out.len() >= MAX_PAGES {
        return;
    }
    if let Obj::Ref(n, _) = node {
        if !seen.insert(*n) {
            return;
        }
    }
    let Some(d) = file.resolve(node).as_dict().cloned() else { return };
    let res = match file.get_key(&d, b"Resources") {
        Obj::Dict(r) => Some(r),
        _ => resources.cloned(),
    };
    let media = d
        .get(b"CropBox")
        .and_then(|o| rect(o, file))
        .or_else(|| d.get(b"MediaBox").and_then(|o| rect(o, file)))
        .or(media);
    let rotate = file.get_key(&d, b"Rotate").as_i64().unwrap_or(rotate);
    let kids = file.get_key(&d, b"Kids");
    let is_page = d.get(b"Type").and_then(Obj::as_name) == Some(b"Page")
        || (kids.as_array().is_none() && d.get(b"Contents").is_some());
    if is_page {
        out.push(PageRef {
            dict: d,
            resources: res.unwrap_or_default(),
            media: media.unwrap_or([0.0, 0.0, 595.0, 842.0]),
            rotate,
        });
        return;
    }
    if let Some(kids) = kids.as_array() {
        for k in kids {
            walk(file, k, res.as_ref(), Some(media.unwrap_or([0.0, 0.0, 595.0, 842.0])), rotate, seen, out, depth + 1);
        }
    }
}

/// The content of a page, its streams joined; `failed` counts the streams that did not decode.
fn contents(file: &PdfFile, page: &Dict, failed: &mut usize) -> Vec<u8> {
    let mut data = Vec::new();
    let streams = match file.get_key(page, b"Contents") {
        Obj::Array(a) => a.iter().map(|o| file.resolve(o)).collect(),
        o => vec![o],
    };
    for s in streams {
        if let Obj::Stream(s) = s {
            match file.decode(&s) {
                Ok(d) => {
                    data.extend_from_slice(&d);
                    data.push(b'\n');
                }
                Err(_) => *failed += 1,
            }
        }
    }
    data
}

/// Reads a PDF into a `RawDocument`.
pub fn read(bytes: &[u8]) -> Result<PdfDocument, PdfError> {
    let file = PdfFile::open(bytes)?;
    let info = file.get_key(&file.trailer, b"Info");
    let producer = info.as_dict().and_then(|d| {
        [&b"Producer"[..], b"Creator"].iter().find_map(|k| {
            let s = text_string(file.get_key(d, k).as_str()?);
            let s = s.trim().to_string();
            (!s.is_empty()).then_some(s)
        })
    });
    let refs = pages(&file);
    if refs.is_empty() {
        return Err(PdfError::Damaged("no pages found".into()));
    }
    let mut interp = interp::Interp::default();
    let (mut glyphs, mut unknown, mut images, mut failed) = (0usize, 0usize, 0usize, 0usize);
    let mut laid = Vec::with_capacity(refs.len());
    for (i, p) in refs.iter().enumerate() {
        let [x0, y0, x1, y1] = p.media;
        let turned = |rot: i64| match rot.rem_euclid(360) {
            90 => ([0.0, 1.0, 1.0, 0.0, -y0, -x0], y1 - y0, x1 - x0),
            180 => ([-1.0, 0.0, 0.0, 1.0, x1, -y0], x1 - x0, y1 - y0),
            270 => ([0.0, -1.0, -1.0, 0.0, y1, x1], y1 - y0, x1 - x0),
            _ => ([1.0, 0.0, 0.0, -1.0, -x0, y1], x1 - x0, y1 - y0),
        };
        let data = contents(&file, &p.dict, &mut failed);
        let (base, w, h) = turned(p.rotate);
        let mut content = interp.page(&file, &data, &p.resources, base, w, h);
        // Text that runs down, left or up the page as `/Rotate` turns it (a page turned in a
        // viewer after it was made, text drawn turned on an upright page) is read the way it
        // runs: the page is turned so that most of its text runs right.
        if let Some(quarter) = upright_turn(&content.runs) {
            let (base, w, h) = turned(p.rotate + 90 * quarter);
            let again = interp.page(&file, &data, &p.resources, base, w, h);
            if again.runs[0] > content.runs[0] {
                content = again;
            }
        }
        drop(data);
        glyphs += content.glyphs.len();
        unknown += content.glyphs.iter().filter(|g| g.text.chars().all(undecodable)).count();
        images += content.images;
        laid.push(layout::page(i, content));
    }
    let n_pages = refs.len();
    if glyphs - unknown < 8 {
        if glyphs == 0 && images == 0 {
            // Nothing drawn at all: damaged content, or blank pages.
            return Err(if failed > 0 {
                PdfError::Damaged(format!("the content of {failed} page stream(s) does not decode"))
            } else {
                PdfError::Damaged("its pages draw no text and no images".into())
            });
        }
        if glyphs == 0 || unknown < 8 {
            return Err(PdfError::Scanned { pages: n_pages, images });
        }
        return Err(PdfError::Undecodable { glyphs, unknown });
    }
    if unknown * 2 > glyphs {
        return Err(PdfError::Undecodable { glyphs, unknown });
    }
    let raw = layout::assemble(laid);
    Ok(PdfDocument { raw, pages: n_pages, producer })
}

/// The quarter turns (clockwise, added to `/Rotate`) after which text running `runs` (glyphs
/// by direction: right, down, left, up) mostly runs right; `None` when it already does, or
/// no direction holds most of the text.
fn upright_turn(runs: &[usize; 4]) -> Option<i64> {
    let total: usize = runs.iter().sum();
    let (dir, most) = runs.iter().enumerate().max_by_key(|(_, n)| **n)?;
    // A quarter turn clockwise moves text running up to running right.
    (dir != 0 && most * 2 > total && *most >= 8).then_some((4 - dir as i64) % 4)
}

/// A character that says nothing: none, a private-use code point, U+FFFD, a control.
fn undecodable(c: char) -> bool {
    matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..=0x10FFFF | 0xFFFD | 0..=0x1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pdf(content: &str, extra_objects: &str) -> Vec<u8> {
        format!(
            "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n\
             3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im 5 0 R >> >> >>\nendobj\n\
             4 0 obj\n<< /Length {} >>\nstream\n{content}\nendstream\nendobj\n{extra_objects}trailer\n<< /Root 1 0 R >>\n%%EOF\n",
            content.len()
        )
        .into_bytes()
    }

    #[test]
    fn no_text_is_a_scan_only_when_images_are_drawn() {
        let image = "5 0 obj\n<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /Length 1 >>\nstream\n\u{0}\nendstream\nendobj\n";
        assert!(matches!(
            read(&pdf("q 595 0 0 842 0 0 cm /Im Do Q", image)),
            Err(PdfError::Scanned { pages: 1, images: 1 })
        ));
        assert!(matches!(read(&pdf("0 0 m 10 10 l S", "")), Err(PdfError::Damaged(_))));
    }
}
