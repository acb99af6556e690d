//! Word 2007+ (.docx) input.
use crate::document::RawDocument;
use crate::error::CoreError;

pub struct WordDocument {
    pub raw: RawDocument,
    pub pages: Option<usize>,
}

pub fn read(_bytes: &[u8]) -> Result<WordDocument, CoreError> {
    Err(CoreError::UnsupportedFormat("Word document".into()))
}
