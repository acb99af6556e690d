//! Word 97–2003 (.doc) input.
use crate::docx::WordDocument;
use crate::error::CoreError;

pub fn read(_bytes: &[u8]) -> Result<WordDocument, CoreError> {
    Err(CoreError::UnsupportedFormat("Word 97 document".into()))
}
