//! Declared encodings: a charset in an HTTP `Content-Type`, a `<meta>` tag or an XML
//! declaration, resolved to an encoding (UTF-16 only from a BOM or the caller).

use encoding_rs::Encoding;

use super::{canonical, is_utf16, META_SCAN};

/// A charset label from a `<meta>` tag (or an XML declaration) in the first 1024 bytes.
pub(super) fn meta_charset(body: &[u8]) -> Option<&'static Encoding> {
    let start = body.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(0);
    if body[start..].starts_with(b"<?xml") {
        let decl = &body[start..body.len().min(start + 256)];
        let decl = &decl[..find(decl, b"?>").unwrap_or(decl.len())];
        if let Some(enc) = attr_value(decl, b"encoding").and_then(hint_encoding) {
            return Some(enc);
        }
    }
    let scan_end = body.len().min(META_SCAN);
    let mut i = 0;
    while i < scan_end {
        let rest = &body[i..];
        if rest.starts_with(b"<!--") {
            // Skip comments: a commented-out old <meta charset> is common after a site migration.
            i += find(&rest[4..], b"-->").map_or(rest.len(), |p| p + 7);
            continue;
        }
        if rest.len() > 5
            && rest[..5].eq_ignore_ascii_case(b"<meta")
            && matches!(rest[5], b'/' | b' ' | b'\t' | b'\n' | b'\r' | 0x0c)
        {
            let tag = &rest[..rest.len().min(META_SCAN)];
            let tag = &tag[..find(tag, b">").unwrap_or(tag.len())];
            if let Some(enc) = charset_param(tag).and_then(hint_encoding) {
                return Some(enc);
            }
            i += tag.len().max(1);
            continue;
        }
        i += 1;
    }
    None
}

/// The value after `charset=` in a tag or a Content-Type value.
pub(super) fn charset_param(s: &[u8]) -> Option<&[u8]> {
    attr_value(s, b"charset")
}

/// The value of the first `name=value` (ASCII case-insensitive name, optional quotes) in `s`.
pub(super) fn attr_value<'a>(s: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let mut from = 0;
    while let Some(p) = find_ci(&s[from..], name) {
        let mut j = from + p + name.len();
        from = j;
        while s.get(j).is_some_and(u8::is_ascii_whitespace) {
            j += 1;
        }
        if s.get(j) != Some(&b'=') {
            continue;
        }
        j += 1;
        while s.get(j).is_some_and(u8::is_ascii_whitespace) {
            j += 1;
        }
        let value = if let Some(&q @ (b'"' | b'\'')) = s.get(j) {
            let v = &s[j + 1..];
            &v[..v.iter().position(|&b| b == q).unwrap_or(v.len())]
        } else {
            let v = &s[j..];
            let end = v
                .iter()
                .position(|&b| b.is_ascii_whitespace() || matches!(b, b';' | b',' | b'"' | b'\'' | b'>' | b'/'))
                .unwrap_or(v.len());
            &v[..end]
        };
        if !value.is_empty() {
            return Some(value);
        }
    }
    None
}

/// Resolves a declared (HTTP/meta) label. UTF-16 is only believed from a BOM or the caller:
/// WHATWG treats a `<meta charset=utf-16>` as UTF-8, since the meta tag itself was readable as ASCII.
pub(super) fn hint_encoding(label: &[u8]) -> Option<&'static Encoding> {
    Encoding::for_label_no_replacement(label).filter(|&e| !is_utf16(e)).map(canonical)
}

pub(super) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

pub(super) fn find_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}
