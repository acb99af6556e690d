//! What a file is, by its content (magic bytes, not its name): a PDF, a Word 2007+ document
//! (a ZIP holding `word/document.xml`), an OLE compound file (Word 97–2003 `.doc`, or WPS,
//! Works, Excel … — `doc` tells them apart), or anything else (left to `decode`).

/// The binary document formats read here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binary {
    Pdf,
    Docx,
    /// An OLE2 compound file.
    Ole,
}

/// Recognises PDF, DOCX and OLE compound files.
pub fn sniff(b: &[u8]) -> Option<Binary> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_content() {
        assert_eq!(sniff(b"%PDF-1.7\n"), Some(Binary::Pdf));
        assert_eq!(sniff(b"\r\njunk%PDF-1.4\n"), Some(Binary::Pdf));
        assert_eq!(sniff(b"PK\x03\x04....word/document.xml"), Some(Binary::Docx));
        assert_eq!(sniff(b"PK\x03\x04....xl/workbook.xml"), None);
        assert_eq!(sniff(b"PK\x03\x04....word/styles.xml"), Some(Binary::Docx));
        assert_eq!(sniff(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]), Some(Binary::Ole));
        assert_eq!(sniff(b"<html>"), None);
    }
}
