//! Word input: `.docx` (a ZIP of WordprocessingML) and `.doc` (Word 97–2003 binary in an OLE
//! compound file), each read into the same `RawDocument` the HTML stage makes.

mod cfb;
pub mod doc;
pub mod docx;
mod numbering;
mod xml;
mod zip;

use crate::document::RawDocument;

/// A read Word document.
pub struct WordDocument {
    pub raw: RawDocument,
    /// The page count the file records (docProps/app.xml), if any.
    pub pages: Option<usize>,
    /// Content Word shows that was not read: each imported chunk (`w:altChunk`) not read, by
    /// its part's name and why.
    pub unread: Vec<String>,
}
