//! The core's error type (the binding maps it onto Python exceptions in one place,
//! `python/errors.rs`), and `guarded`, which turns a panic into one.

use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// A binary file kind that can be encrypted or damaged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Word,
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileKind::Pdf => "PDF",
            FileKind::Word => "Word document",
        })
    }
}

/// Everything that can stop a parse. Anything else is a flagged result, not an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CoreError {
    /// The input holds no bytes (or only whitespace).
    Empty,
    /// The input is not text: the payload names what was recognised (`"PDF"`, `"PNG image"`, `"binary data"` …).
    UnsupportedFormat(String),
    /// The input is larger than the configured limit.
    TooLarge { size: usize, limit: usize },
    /// A caller option is invalid (an unknown encoding label, an unknown format).
    InvalidOption(String),
    /// Reading a file failed; `not_found` when it does not exist.
    Io { path: String, message: String, not_found: bool },
    /// A PDF or Word file needs a password.
    Encrypted { what: FileKind, reason: String },
    /// A PDF without a text layer (page images only): it needs OCR.
    ScannedPdf { pages: usize, images: usize },
    /// A PDF whose fonts do not say which characters they draw (no ToUnicode map, no
    /// predefined encoding): `unknown` of `glyphs` could not be decoded.
    UndecodableText { glyphs: usize, unknown: usize },
    /// A PDF or Word file damaged beyond what the reader repairs.
    Damaged { what: FileKind, reason: String },
    /// The parser failed on this input (a bug: it panicked). The binding turns a
    /// panic into this error so that it never crosses into Python as a panic.
    Internal(String),
}

impl fmt::Display for CoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CoreError::Empty => f.write_str("empty input: there is no text to parse"),
            CoreError::UnsupportedFormat(what) => {
                write!(f, "unsupported input: this looks like {what}, not an HTML page, text, PDF or Word file")
            }
            CoreError::TooLarge { size, limit } => {
                write!(f, "input too large: {size} bytes exceeds max_bytes={limit}")
            }
            CoreError::InvalidOption(msg) => write!(f, "invalid option: {msg}"),
            CoreError::Io { path, message, .. } => write!(f, "{path}: {message}"),
            CoreError::Encrypted { what, reason } => write!(
                f,
                "encrypted {what}: {reason}; open it with its password and save an unprotected copy (or print it to PDF), then parse that"
            ),
            CoreError::ScannedPdf { pages, images } => write!(
                f,
                "scanned PDF: its {pages} page(s) hold images ({images}) and no text layer; run OCR on it first (for example `ocrmypdf --language chi_sim in.pdf out.pdf`), then parse the result"
            ),
            CoreError::UndecodableText { glyphs, unknown } => write!(
                f,
                "PDF text cannot be decoded: {unknown} of {glyphs} glyphs come from fonts without a ToUnicode map or known encoding; re-export the PDF with fonts embedded and Unicode text (or OCR it)"
            ),
            CoreError::Damaged { what, reason } => write!(f, "damaged {what}: {reason}"),
            CoreError::Internal(msg) => write!(f, "internal error (a gongkai bug, please report it): {msg}"),
        }
    }
}

impl std::error::Error for CoreError {}

/// Runs the core on one input; a panic (a parser bug) becomes `CoreError::Internal`, so
/// it never crosses into the caller as a panic and, in a batch, fails only its own input.
pub fn guarded<T>(f: impl FnOnce() -> Result<T, CoreError>) -> Result<T, CoreError> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let msg = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        Err(CoreError::Internal(msg))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_the_core_is_an_internal_error() {
        let r: Result<(), CoreError> = guarded(|| panic!("index out of bounds"));
        let s: Result<(), CoreError> = guarded(|| panic!("{} {}", "formatted", 1));
        assert_eq!(r, Err(CoreError::Internal("index out of bounds".into())));
        assert_eq!(s, Err(CoreError::Internal("formatted 1".into())));
        assert_eq!(guarded(|| Ok(7)), Ok(7));
        assert_eq!(guarded::<()>(|| Err(CoreError::Empty)), Err(CoreError::Empty));
        let e = CoreError::Internal("x".into());
        assert_eq!(e.to_string(), "internal error (a gongkai bug, please report it): x");
        let e = CoreError::Encrypted { what: FileKind::Word, reason: "it is password-protected".into() };
        assert!(e.to_string().starts_with("encrypted Word document: it is password-protected;"));
    }
}
