//! What a file is, by its content (magic bytes, not its name): a PDF, a Word 2007+ document
//! (a ZIP holding `word/document.xml`), an OLE compound file (Word 97–2003 `.doc`, or WPS,
//! Works, Excel … — `doc` tells them apart), or anything else (left to `decode`); the
//! formats no reader takes (images, archives, media), named by their magic bytes; and,
//! once decoded, whether text is an HTML page.

/// The binary document formats read here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Binary {
    Pdf,
    Docx,
    /// An OLE2 compound file.
    Ole,
}

/// Recognises PDF, DOCX and OLE compound files.
pub(crate) fn sniff(b: &[u8]) -> Option<Binary> {
    // PDF readers accept the header anywhere in the first 1024 bytes.
    if memchr::memmem::find(&b[..b.len().min(1024)], b"%PDF-").is_some() {
        return Some(Binary::Pdf);
    }
    let find = |needle: &[u8]| memchr::memmem::find(b, needle).is_some();
    // A damaged package without its document part is still a Word file (an error says so).
    if b.starts_with(b"PK\x03\x04") && (find(b"word/document.xml") || find(b"word/")) {
        return Some(Binary::Docx);
    }
    if b.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Some(Binary::Ole);
    }
    None
}

/// The kind of Office package a ZIP holds, by its parts' names (a spreadsheet or slides the
/// reader does not read: the error names it, so its user knows to save it as PDF or HTML).
fn office_package(b: &[u8]) -> Option<&'static str> {
    let find = |needle: &[u8]| memchr::memmem::find(b, needle).is_some();
    if find(b"xl/workbook") || find(b"xl/worksheets/") {
        Some("an Excel workbook (.xlsx; save it as PDF or HTML to parse it)")
    } else if find(b"ppt/presentation") || find(b"ppt/slides/") {
        Some("a PowerPoint file (.pptx; save it as PDF to parse it)")
    } else if find(b"mimetypeapplication/vnd.oasis.opendocument") {
        Some("an OpenDocument file (.odt/.ods; save it as .docx or PDF to parse it)")
    } else {
        None
    }
}

/// Recognises binary formats by their magic bytes.
pub(crate) fn sniff_binary(b: &[u8]) -> Option<&'static str> {
    let at = |offset: usize, magic: &[u8]| b.get(offset..offset + magic.len()) == Some(magic);
    // PDF readers accept the header anywhere in the first 1024 bytes (after junk or whitespace).
    if at(0, b"%PDF") || memchr::memmem::find(&b[..b.len().min(1024)], b"%PDF-").is_some() {
        return Some("PDF document");
    }
    let table: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"II*\x00", "TIFF image"),
        (b"MM\x00*", "TIFF image"),
        (b"PK\x03\x04", "ZIP archive (or Office document)"),
        (b"PK\x05\x06", "ZIP archive (or Office document)"),
        (b"PK\x07\x08", "ZIP archive (or Office document)"),
        (b"\xd0\xcf\x11\xe0", "Microsoft Office (OLE2) document"),
        (b"\x1f\x8b", "gzip archive"),
        (b"\xfd7zXZ\x00", "xz archive"),
        (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
        (b"Rar!\x1a\x07", "RAR archive"),
        (b"\x28\xb5\x2f\xfd", "Zstandard archive"),
        (b"\x7fELF", "ELF executable"),
        (b"\x00asm", "WebAssembly module"),
        (b"\xfe\xed\xfa\xce", "Mach-O executable"),
        (b"\xfe\xed\xfa\xcf", "Mach-O executable"),
        (b"\xce\xfa\xed\xfe", "Mach-O executable"),
        (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
        (b"SQLite format 3\x00", "SQLite database"),
        (b"OggS\x00", "Ogg media file"),
        (b"fLaC", "FLAC audio"),
        (b"\x1a\x45\xdf\xa3", "Matroska/WebM video"),
        (b"wOFF", "WOFF font"),
        (b"wOF2", "WOFF2 font"),
        (b"{\\rtf", "RTF document"),
        (b"%!PS", "PostScript document"),
    ];
    if at(0, b"PK\x03\x04") {
        if let Some(name) = office_package(b) {
            return Some(name);
        }
    }
    if let Some((_, name)) = table.iter().find(|(magic, _)| at(0, magic)) {
        return Some(name);
    }
    if at(0, b"RIFF") && b.len() >= 12 {
        return Some(match &b[8..12] {
            b"WEBP" => "WebP image",
            b"WAVE" => "WAV audio",
            b"AVI " => "AVI video",
            _ => "RIFF media file",
        });
    }
    // Two-letter magics are common words; require the header structure behind them.
    if at(0, b"BM") && b.len() >= 26 && b[6..10] == [0, 0, 0, 0] {
        let dib = u32::from_le_bytes([b[14], b[15], b[16], b[17]]);
        if matches!(dib, 12 | 40 | 52 | 56 | 64 | 108 | 124) {
            return Some("BMP image");
        }
    }
    if at(0, b"MZ") && b.len() >= 64 {
        let pe = u32::from_le_bytes([b[60], b[61], b[62], b[63]]) as usize;
        if at(pe, b"PE\x00\x00") {
            return Some("Windows executable");
        }
    }
    if at(0, b"BZh")
        && b.get(3).is_some_and(|d| (b'1'..=b'9').contains(d))
        && (at(4, b"1AY&SY") || at(4, b"\x17\x72\x45\x38\x50\x90"))
    {
        return Some("bzip2 archive");
    }
    if at(0, b"ID3") && b.get(3).is_some_and(|v| (2..=4).contains(v)) && b.get(4) == Some(&0) {
        return Some("MP3 audio");
    }
    if at(4, b"ftyp") {
        return Some("MP4/QuickTime media file");
    }
    None
}

/// Whether decoded text is HTML rather than plain text, two ways: `(page, html)`.
///
/// Looks at the first ~2 KB. HTML if the text starts with a tag (`<html`, `<!DOCTYPE`, `<?xml`,
/// `<div` …), names `<!doctype html`, `<html` or `<body` anywhere there, or holds real tags of at
/// least two kinds, an opening and closing tag of one kind, or three tags of one kind. Prose that
/// mentions "<p" once stays text. `page` counts no `<br>` tags: Markdown converters write `<br>`
/// inside pipe-table cells, and those alone do not make a page HTML; it never holds where `html`
/// does not. One look at the head gives both.
pub(crate) fn html_signals(text: &str) -> (bool, bool) {
    let bytes = text.as_bytes();
    let head = &bytes[..bytes.len().min(2048)];
    let head = head.strip_prefix("\u{feff}".as_bytes()).unwrap_or(head);
    let skip = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    let head = &head[skip..];
    if head.first() == Some(&b'<') && head.get(1).is_some_and(|&c| c.is_ascii_alphabetic() || c == b'!' || c == b'?') {
        return (true, true);
    }

    const STRONG: [&[u8]; 3] = [b"!doctype html", b"html", b"body"];
    const TAGS: [&[u8]; 13] =
        [b"head", b"meta", b"title", b"table", b"tr", b"td", b"div", b"p", b"br", b"span", b"a", b"img", b"h1"];
    let (mut opened, mut closed) = ([false; TAGS.len()], [false; TAGS.len()]);
    let mut count = 0usize;
    // The `<br>` tags among them.
    let br = TAGS.iter().position(|t| *t == b"br").unwrap_or(TAGS.len());
    let mut brs = 0usize;
    for (i, _) in head.iter().enumerate().filter(|(_, &b)| b == b'<') {
        let after = &head[i + 1..];
        let (name, closing) = match after.strip_prefix(b"/") {
            Some(name) => (name, true),
            None => (after, false),
        };
        if STRONG.iter().any(|t| tag_at(name, t)) {
            return (true, true);
        }
        if let Some(k) = TAGS.iter().position(|t| tag_at(name, t)) {
            brs += usize::from(k == br);
            if closing {
                closed[k] = true;
            } else {
                opened[k] = true;
            }
            count += 1;
        }
    }
    // Two kinds of tags, an opening and a closing one of a kind, or three tags, without the
    // kind `skip`.
    let signals = |skip: usize, count: usize| {
        let kinds = (0..TAGS.len()).filter(|&k| k != skip && (opened[k] || closed[k])).count();
        let pair = (0..TAGS.len()).any(|k| k != skip && opened[k] && closed[k]);
        kinds >= 2 || pair || count >= 3
    };
    (signals(br, count - brs), signals(TAGS.len(), count))
}

/// Whether the text's first tag is a whole page's (`<!DOCTYPE`, `<html>`, `<head>`, `<body>`,
/// `<meta>`, `<title>`, `<?xml`), not a fragment's.
pub(crate) fn opens_a_page(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let Some(rest) = t.strip_prefix('<') else { return false };
    let b = rest.as_bytes();
    b.first() == Some(&b'!')
        || b.first() == Some(&b'?')
        || [&b"html"[..], b"head", b"body", b"meta", b"title", b"link", b"script", b"style"]
            .iter()
            .any(|n| tag_at(b, n))
}

/// `s` starts with tag name `name` (ASCII case-insensitive), ended by whitespace, `>` or `/`.
fn tag_at(s: &[u8], name: &[u8]) -> bool {
    s.len() >= name.len()
        && s[..name.len()].eq_ignore_ascii_case(name)
        && s.get(name.len()).is_none_or(|&c| c.is_ascii_whitespace() || c == b'>' || c == b'/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_content() {
        assert_eq!(sniff(b"%PDF-1.7\n"), Some(Binary::Pdf));
        assert_eq!(sniff(b"\r\njunk%PDF-1.4\n"), Some(Binary::Pdf));
        assert_eq!(sniff(b"PK\x03\x04....word/document.xml"), Some(Binary::Docx));
        let xlsx = sniff_binary(b"PK\x03\x04....[Content_Types].xml....xl/workbook.xml").unwrap_or("");
        assert!(xlsx.starts_with("an Excel workbook (.xlsx"), "{xlsx}");
        assert_eq!(sniff(b"PK\x03\x04....xl/workbook.xml"), None);
        assert_eq!(sniff(b"PK\x03\x04....word/styles.xml"), Some(Binary::Docx));
        assert_eq!(sniff(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]), Some(Binary::Ole));
        assert_eq!(sniff(b"<html>"), None);
    }

    #[test]
    fn html_sniffing() {
        let looks_like_html = |t: &str| html_signals(t).1;
        assert!(looks_like_html("\u{feff}  <!DOCTYPE html><html>"));
        assert!(looks_like_html("<div>政府</div>"));
        assert!(looks_like_html("某某县人民政府\n<TABLE border=1><TR><TD>1</TD></TR></TABLE>"));
        assert!(looks_like_html("年度报告<br/>一、总体情况<br>二、主动公开<br />"));
        assert!(looks_like_html("前言 <p>正文</p>"));
        assert!(!looks_like_html("一、总体情况\n在HTML中用 <p 标记段落，本文是纯文本。"));
        assert!(!looks_like_html("x <p> y"));
        assert!(!looks_like_html("<政府信息公开条例>规定"));
        assert!(!looks_like_html("a<b and c>d <position>"));
    }
}
