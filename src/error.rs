//! The core's error type. Only `python.rs` maps it onto Python exceptions.

use std::fmt;

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
    /// A PDF or Word file needs a password (`what`: `"PDF"` or `"Word document"`).
    Encrypted { what: &'static str, reason: String },
    /// A PDF without a text layer (page images only): it needs OCR.
    ScannedPdf { pages: usize, images: usize },
    /// A PDF whose fonts do not say which characters they draw (no ToUnicode map, no
    /// predefined encoding): `unknown` of `glyphs` could not be decoded.
    UndecodableText { glyphs: usize, unknown: usize },
    /// A PDF or Word file damaged beyond what the reader repairs.
    Damaged { what: &'static str, reason: String },
    /// The parser failed on this input (a bug: it panicked). The binding turns a
    /// panic into this error so that it never crosses into Python as a panic.
    Internal(String),
}

impl fmt::Display for CoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CoreError::Empty => f.write_str("empty input: there is no text to parse"),
            CoreError::UnsupportedFormat(what) => {
                write!(f, "unsupported input: this looks like {what}, not an HTML page or text")
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
