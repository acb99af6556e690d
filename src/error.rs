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
            CoreError::Internal(msg) => write!(f, "internal error (a gongkai bug, please report it): {msg}"),
        }
    }
}

impl std::error::Error for CoreError {}
