//! Bytes → `String`, and how the encoding was chosen (SPEC §1, ENGINEERING B.2).
//! Never looks at report content.
//!
//! Order of work in [`decode`]:
//! 1. empty input (nothing but ASCII whitespace / NUL, after a BOM) → `Empty`;
//! 2. binary formats recognised by their magic bytes → `UnsupportedFormat`;
//! 3. the encoding: BOM → `encoding=` → HTTP charset → `<meta>` charset → UTF-8 validity →
//!    chardetng → GB18030 with replacement. Of two declarations (HTTP and `<meta>`) naming
//!    different CJK encodings, one under which the bytes read as rare characters (a Big5 page
//!    served as GBK) yields to the other;
//! 4. random bytes (control characters, or an undecodable mess) → `UnsupportedFormat("binary data")`.
//!
//! [`review`] then looks at the decoded text for mojibake: a Chinese page that was read as
//! Latin-1 / windows-1252 (`Æ½Ì¶×Û…`, what `response.text` gives when the server names no
//! charset) is repaired when re-encoding gives the original bytes back exactly; a declared CJK
//! label under which the bytes read as rare characters is reported.
//!
//! `undecodable_bytes` is exact: it sums the lengths of the malformed byte sequences the decoder
//! reported, each of which became one U+FFFD in the text. A U+FFFD that was validly encoded in the
//! input is not counted.

use std::cell::OnceCell;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{DecoderResult, Encoding, GB18030, GBK, UTF_16BE, UTF_16LE, UTF_8};

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
    /// Bytes that did not decode and became U+FFFD (the summed length of the malformed sequences;
    /// each sequence became one U+FFFD).
    pub undecodable_bytes: usize,
}

/// Detection and the binary-data checks look at most this many bytes (or chars).
/// chardetng costs ~3 ms per 64 KB in release builds (ENGINEERING B.2), so never feed it more.
const WINDOW: usize = 64 * 1024;

/// The `<meta>` prescan window, as in the WHATWG encoding sniffing algorithm.
const META_SCAN: usize = 1024;

const BINARY_DATA: &str = "binary data";

/// Decodes `bytes`. Errors: `Empty` for no bytes (or only whitespace),
/// `UnsupportedFormat` for binary formats (PDF, images, archives, Office files) and random bytes,
/// `InvalidOption` for an unknown `encoding=` label.
pub fn decode(bytes: &[u8], opts: &DecodeOptions) -> Result<Decoded, CoreError> {
    let (bom, body) = match Encoding::for_bom(bytes) {
        Some((enc, len)) => (Some(enc), &bytes[len..]),
        None => (None, bytes),
    };
    if body.iter().all(|&b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c | 0)) {
        return Err(CoreError::Empty);
    }
    if let Some(what) = sniff_binary(bytes) {
        return Err(CoreError::UnsupportedFormat(what.to_string()));
    }
    let argument = match opts.encoding {
        Some(label) => Some(
            Encoding::for_label_no_replacement(label.as_bytes())
                .map(canonical)
                .ok_or_else(|| CoreError::InvalidOption(format!("unknown encoding label '{label}'")))?,
        ),
        None => None,
    };

    if let Some(enc) = bom {
        return decode_with(enc, EncodingFrom::Bom, body);
    }
    if let Some(enc) = argument {
        if !is_utf16(enc) {
            check_raw_controls(body)?;
        }
        return decode_with(enc, EncodingFrom::Argument, body);
    }
    check_raw_controls(body)?;

    let first_non_ascii = body.iter().position(|&b| b >= 0x80);
    // Detection judges a window that starts just before the first non-ASCII byte: pages can open
    // with tens of KB of ASCII script and style.
    let start = first_non_ascii.unwrap_or(0).saturating_sub(16);
    let window = &body[start..body.len().min(start + WINDOW)];
    let last = start + window.len() == body.len();
    let utf8 = std::str::from_utf8(body).ok();
    let guessed = OnceCell::new();
    let guess = || *guessed.get_or_init(|| chardet(window, last));

    let http = opts.content_type.and_then(|ct| charset_param(ct.as_bytes())).and_then(hint_encoding);
    let meta = meta_charset(body);
    let mut declared: Vec<(&'static Encoding, EncodingFrom)> = [(http, EncodingFrom::Http), (meta, EncodingFrom::Meta)]
        .into_iter()
        .filter_map(|(enc, from)| enc.map(|enc| (enc, from)))
        .collect();
    if first_non_ascii.is_some() {
        // Every byte string decodes strictly in a single-byte encoding, so that proves nothing, and
        // `charset=ISO-8859-1` is a common server default and template leftover on Chinese sites.
        // Believe it only if neither UTF-8 nor a CJK encoding fits the bytes.
        let cjk_fits = || {
            let g = guess();
            !g.is_single_byte() && scan(g, window, last, None) == 0
        };
        declared.retain(|&(enc, _)| !enc.is_single_byte() || !(utf8.is_some() || cjk_fits()));
    }
    if declared.len() > 1 && declared[0].0 != declared[1].0 {
        // A Big5 page served with a GBK header (or the reverse) decodes strictly under both
        // labels; the one under which the bytes read as common characters goes first.
        declared.sort_by_key(|&(enc, _)| reads_as_rare(enc, window));
    }
    for &(enc, from) in &declared {
        // UTF-8 is validated once, above.
        let text = if enc == UTF_8 { utf8.map(str::to_owned) } else { strict(enc, body) };
        if let Some(text) = text {
            return finish(text, enc, from, 0);
        }
    }
    if let Some(text) = utf8 {
        return finish(text.to_owned(), UTF_8, EncodingFrom::Detected, 0);
    }

    // A UTF-8 page with a stray bad byte: chardetng would disqualify UTF-8 on that byte alone.
    if mostly_utf8(window, last) {
        let from = declared.iter().find(|(enc, _)| *enc == UTF_8).map_or(EncodingFrom::Detected, |d| d.1);
        return decode_with(UTF_8, from, body);
    }
    // A declared label that fits all but a few bytes is still the best evidence there is.
    for &(enc, from) in &declared {
        if few_errors(scan(enc, window, last, None), window) {
            return decode_with(enc, from, body);
        }
    }

    if guessed.get().is_none() {
        if let Some(text) = quick_gb18030(window, body) {
            return finish(text, GB18030, EncodingFrom::Detected, 0);
        }
    }
    let guess = guess();
    if !guess.is_single_byte() {
        if let Some(text) = strict(guess, body) {
            return finish(text, guess, EncodingFrom::Detected, 0);
        }
    }
    if let Some(enc) = rescue_cjk(window, last, guess) {
        return decode_with(enc, EncodingFrom::Detected, body);
    }
    if !guess.is_single_byte() {
        // Right for the window, damaged further on.
        return decode_with(guess, EncodingFrom::Detected, body);
    }
    if let Some(text) = strict(guess, body) {
        return finish(text, guess, EncodingFrom::Detected, 0);
    }
    decode_with(GB18030, EncodingFrom::Detected, body)
}

/// Whether decoded text is an HTML page rather than plain text.
///
/// Looks at the first ~2 KB. HTML if the text starts with a tag (`<html`, `<!DOCTYPE`, `<?xml`,
/// `<div` …), names `<!doctype html`, `<html` or `<body` anywhere there, or holds real tags of at
/// least two kinds, an opening and closing tag of one kind, or three tags of one kind. Prose that
/// mentions "<p" once stays text.
pub fn looks_like_html(text: &str) -> bool {
    html_signals(text, false)
}

/// `looks_like_html` without counting `<br>` tags: Markdown converters write `<br>` inside
/// pipe-table cells, and those alone do not make a page HTML.
pub fn looks_like_html_page(text: &str) -> bool {
    html_signals(text, true)
}

fn html_signals(text: &str, ignore_br: bool) -> bool {
    let bytes = text.as_bytes();
    let head = &bytes[..bytes.len().min(2048)];
    let head = head.strip_prefix("\u{feff}".as_bytes()).unwrap_or(head);
    let skip = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    let head = &head[skip..];
    if head.first() == Some(&b'<') && head.get(1).is_some_and(|&c| c.is_ascii_alphabetic() || c == b'!' || c == b'?') {
        return true;
    }

    const STRONG: [&[u8]; 3] = [b"!doctype html", b"html", b"body"];
    const TAGS: [&[u8]; 13] =
        [b"head", b"meta", b"title", b"table", b"tr", b"td", b"div", b"p", b"br", b"span", b"a", b"img", b"h1"];
    let (mut opened, mut closed) = ([false; TAGS.len()], [false; TAGS.len()]);
    let mut count = 0usize;
    for (i, _) in head.iter().enumerate().filter(|(_, &b)| b == b'<') {
        let after = &head[i + 1..];
        let (name, closing) = match after.strip_prefix(b"/") {
            Some(name) => (name, true),
            None => (after, false),
        };
        if STRONG.iter().any(|t| tag_at(name, t)) {
            return true;
        }
        if let Some(k) = TAGS.iter().position(|t| tag_at(name, t)) {
            if ignore_br && TAGS[k] == b"br" {
                continue;
            }
            if closing {
                closed[k] = true;
            } else {
                opened[k] = true;
            }
            count += 1;
        }
    }
    let kinds = (0..TAGS.len()).filter(|&k| opened[k] || closed[k]).count();
    let pair = (0..TAGS.len()).any(|k| opened[k] && closed[k]);
    kinds >= 2 || pair || count >= 3
}

/// `s` starts with tag name `name` (ASCII case-insensitive), ended by whitespace, `>` or `/`.
fn tag_at(s: &[u8], name: &[u8]) -> bool {
    s.len() >= name.len()
        && s[..name.len()].eq_ignore_ascii_case(name)
        && s.get(name.len()).is_none_or(|&c| c.is_ascii_whitespace() || c == b'>' || c == b'/')
}

// ---------------------------------------------------------------------------------------------
// Decoding

/// GBK and GB18030 share one decoder in encoding_rs; report the one name for both.
fn canonical(enc: &'static Encoding) -> &'static Encoding {
    if enc == GBK {
        GB18030
    } else {
        enc
    }
}

fn is_utf16(enc: &'static Encoding) -> bool {
    enc == UTF_16LE || enc == UTF_16BE
}

fn finish(text: String, enc: &'static Encoding, from: EncodingFrom, undecodable: usize) -> Result<Decoded, CoreError> {
    check_decoded(&text, from)?;
    // encoding_rs spells it "gb18030"; every other WHATWG name is already in its usual case.
    let name = if canonical(enc) == GB18030 { "GB18030" } else { enc.name() };
    Ok(Decoded { text, encoding: name, encoding_from: from, undecodable_bytes: undecodable })
}

/// Decodes with replacement, counting the malformed bytes.
fn decode_with(enc: &'static Encoding, from: EncodingFrom, body: &[u8]) -> Result<Decoded, CoreError> {
    if body.len() > WINDOW {
        // Refuse binary data before decoding all of it (UTF-16 and BOM paths skip the raw check).
        check_decoded(&decode_lossy(enc, &body[..WINDOW]).0, from)?;
    }
    let (text, bad) = decode_lossy(enc, body);
    finish(text, enc, from, bad)
}

/// The whole input, or `None` at the first malformed sequence.
fn strict(enc: &'static Encoding, body: &[u8]) -> Option<String> {
    if enc == UTF_8 {
        return std::str::from_utf8(body).ok().map(str::to_owned);
    }
    enc.decode_without_bom_handling_and_without_replacement(body).map(|t| t.into_owned())
}

fn decode_lossy(enc: &'static Encoding, body: &[u8]) -> (String, usize) {
    let mut bad = 0;
    if enc == UTF_8 {
        let mut out = String::with_capacity(body.len() + 16);
        for chunk in body.utf8_chunks() {
            out.push_str(chunk.valid());
            if !chunk.invalid().is_empty() {
                bad += chunk.invalid().len();
                out.push('\u{fffd}');
            }
        }
        return (out, bad);
    }
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(decoder.max_utf8_buffer_length_without_replacement(body.len()).unwrap_or(0));
    let mut rest = body;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut out, true);
        rest = &rest[read..];
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {
                let need = decoder.max_utf8_buffer_length_without_replacement(rest.len()).unwrap_or(rest.len());
                out.reserve(need.max(16));
            }
            DecoderResult::Malformed(len, _) => {
                bad += usize::from(len.max(1));
                out.push('\u{fffd}');
            }
        }
    }
    (out, bad)
}

/// Counts malformed bytes of `bytes` in `enc` without keeping the text; optionally records the
/// malformed ranges. `last = false` leaves a sequence cut at the end of `bytes` uncounted.
fn scan(enc: &'static Encoding, bytes: &[u8], last: bool, mut ranges: Option<&mut Vec<(usize, usize)>>) -> usize {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut buf = [0u8; 8192];
    let (mut pos, mut bad) = (0, 0);
    loop {
        let (result, read, _) = decoder.decode_to_utf8_without_replacement(&bytes[pos..], &mut buf, last);
        pos += read;
        match result {
            DecoderResult::InputEmpty => return bad,
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(len, extra) => {
                let len = usize::from(len.max(1));
                bad += len;
                if let Some(ranges) = ranges.as_deref_mut() {
                    let end = pos.saturating_sub(usize::from(extra));
                    ranges.push((end.saturating_sub(len), end));
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Detection

/// Few enough malformed bytes that the encoding is right and the input merely damaged:
/// at most one per 50 non-ASCII bytes, and always one.
fn few_errors(bad: usize, window: &[u8]) -> bool {
    let non_ascii = window.iter().filter(|&&b| b >= 0x80).count();
    bad * 50 <= non_ascii.max(50)
}

/// Valid UTF-8 multi-byte characters outnumber malformed sequences at least 4 to 1. GBK, Big5 and
/// random bytes read as UTF-8 give roughly the reverse ratio, since a valid multi-byte sequence
/// needs a lead byte followed by exactly the right number of 0x80–0xBF bytes.
fn mostly_utf8(window: &[u8], last: bool) -> bool {
    let mut end = window.len();
    if !last {
        // Do not count a character cut by the window's end as malformed.
        while end > 0 && window.len() - end < 3 && (window[end - 1] & 0xC0) == 0x80 {
            end -= 1;
        }
        if end > 0 && window[end - 1] >= 0xC0 {
            end -= 1;
        }
    }
    let (mut valid, mut bad) = (0usize, 0usize);
    for chunk in window[..end].utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    valid >= 4 && valid >= 4 * bad
}

/// Bytes of the detection window that [`quick_gb18030`] judges.
const QUICK_WINDOW: usize = 2048;

/// Most pages without a declaration are GBK. When Big5 does not fit the window's first
/// [`QUICK_WINDOW`] bytes, GB18030 fits every byte of the input, and those bytes read in
/// GB18030 are not mostly rare characters (Shift_JIS read as GBK: under 10% common, any
/// GBK text, Traditional included: over 45%), GB18030 is what detection would give, at a
/// strict decode's cost (chardetng spends several hundred instructions a byte; a strict
/// GB18030 decode of a whole 8 KB text, ~14 µs, costs less than chardetng's first 100 bytes).
/// `None` (unsure) sends the input down the full detection.
fn quick_gb18030(window: &[u8], body: &[u8]) -> Option<String> {
    if window.len() <= QUICK_WINDOW {
        return None;
    }
    let head = &window[..QUICK_WINDOW];
    if scan(encoding_rs::BIG5, head, false, None) == 0 {
        return None;
    }
    let (pairs, common) = common_share(GB18030, head)?;
    if pairs < 20 || common * 10 < pairs * 3 {
        return None;
    }
    strict(GB18030, body)
}

fn chardet(window: &[u8], last: bool) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(window, last);
    // No TLD: with `cn`, chardetng reads Big5 as GBK (ENGINEERING B.2).
    canonical(detector.guess(None, Utf8Detection::Allow))
}

/// chardetng drops a candidate on its first malformed sequence, so one damaged byte in a GBK or
/// Big5 page makes it fall back to a single-byte guess (windows-1252), or the other CJK encoding.
/// If GB18030 or Big5 fits all but a few bytes and chardetng picks it once those bytes are
/// removed, it is the answer.
fn rescue_cjk(window: &[u8], last: bool, guess: &'static Encoding) -> Option<&'static Encoding> {
    if !guess.is_single_byte() && scan(guess, window, last, None) == 0 {
        return None;
    }
    for cand in [GB18030, encoding_rs::BIG5] {
        if cand == guess {
            continue;
        }
        let mut ranges = Vec::new();
        let bad = scan(cand, window, last, Some(&mut ranges));
        if bad == 0 || !few_errors(bad, window) {
            continue;
        }
        let mut cleaned = Vec::with_capacity(window.len());
        let mut at = 0;
        for (from, to) in ranges {
            cleaned.extend_from_slice(&window[at.min(from)..from]);
            at = at.max(to);
        }
        cleaned.extend_from_slice(&window[at.min(window.len())..]);
        if chardet(&cleaned, last) == cand {
            return Some(cand);
        }
    }
    None
}

/// A charset label from a `<meta>` tag (or an XML declaration) in the first 1024 bytes.
fn meta_charset(body: &[u8]) -> Option<&'static Encoding> {
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
fn charset_param(s: &[u8]) -> Option<&[u8]> {
    attr_value(s, b"charset")
}

/// The value of the first `name=value` (ASCII case-insensitive name, optional quotes) in `s`.
fn attr_value<'a>(s: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let mut from = 0;
    while let Some(p) = find_ci(&s[from..], name) {
        let mut j = from + p + name.len();
        from = j;
        while s.get(j).is_some_and(|b| b.is_ascii_whitespace()) {
            j += 1;
        }
        if s.get(j) != Some(&b'=') {
            continue;
        }
        j += 1;
        while s.get(j).is_some_and(|b| b.is_ascii_whitespace()) {
            j += 1;
        }
        let value = match s.get(j) {
            Some(&q @ (b'"' | b'\'')) => {
                let v = &s[j + 1..];
                &v[..v.iter().position(|&b| b == q).unwrap_or(v.len())]
            }
            _ => {
                let v = &s[j..];
                let end = v
                    .iter()
                    .position(|&b| b.is_ascii_whitespace() || matches!(b, b';' | b',' | b'"' | b'\'' | b'>' | b'/'))
                    .unwrap_or(v.len());
                &v[..end]
            }
        };
        if !value.is_empty() {
            return Some(value);
        }
    }
    None
}

/// Resolves a declared (HTTP/meta) label. UTF-16 is only believed from a BOM or the caller:
/// WHATWG treats a `<meta charset=utf-16>` as UTF-8, since the meta tag itself was readable as ASCII.
fn hint_encoding(label: &[u8]) -> Option<&'static Encoding> {
    Encoding::for_label_no_replacement(label).filter(|&e| !is_utf16(e)).map(canonical)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn find_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

// ---------------------------------------------------------------------------------------------
// Mojibake

/// Double-byte characters of `bytes` read in `enc`, and how many of them fall in the block of
/// common characters: GB2312's punctuation rows and its hanzi (lead A1–A3 or B0–F7, trail A1–FE)
/// for GB18030; Big5's symbols and frequent hanzi (lead A1–C6) for Big5. Genuine Chinese text
/// in its own encoding scores above 90%; Big5 bytes read as GBK score about 40%, GBK bytes read
/// as Big5 about 55%. `None` for other encodings.
fn common_share(enc: &'static Encoding, bytes: &[u8]) -> Option<(usize, usize)> {
    let gb = canonical(enc) == GB18030;
    if !gb && enc != encoding_rs::BIG5 {
        return None;
    }
    let (mut pairs, mut common, mut i) = (0usize, 0usize, 0usize);
    while i + 1 < bytes.len() {
        let (lead, trail) = (bytes[i], bytes[i + 1]);
        if lead < 0x81 {
            i += 1;
            continue;
        }
        if gb && trail.is_ascii_digit() {
            i += 4; // a GB18030 four-byte sequence: never a common character
            pairs += 1;
            continue;
        }
        pairs += 1;
        let hit = if gb {
            matches!(lead, 0xA1..=0xA3 | 0xB0..=0xF7) && (0xA1..=0xFE).contains(&trail)
        } else {
            (0xA1..=0xC6).contains(&lead) && matches!(trail, 0x40..=0x7E | 0xA1..=0xFE)
        };
        common += usize::from(hit);
        i += 2;
    }
    Some((pairs, common))
}

/// The bytes read in `enc` (GB18030 or Big5) are mostly rare characters: the label is very
/// likely wrong. Needs at least 20 double-byte characters to judge.
fn reads_as_rare(enc: &'static Encoding, window: &[u8]) -> bool {
    common_share(enc, window).is_some_and(|(pairs, common)| pairs >= 20 && common * 10 < pairs * 7)
}

/// What [`review`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mojibake {
    /// The text was `encoding`'s bytes read as Latin-1 / windows-1252; re-encoding gave those
    /// bytes back exactly and they were decoded again. `sample`: the start of the mojibake.
    Repaired { encoding: &'static str, sample: String },
    /// Very likely mis-decoded and not repaired; the message says why and what to do.
    Suspected(String),
}

impl Mojibake {
    /// The `MOJIBAKE` issue's severity and message.
    pub fn describe(&self) -> (&'static str, String) {
        match self {
            Mojibake::Repaired { encoding, sample } => (
                "info",
                format!(
                    "the text was {encoding} read as Latin-1 (mojibake: {sample:?}); it was re-encoded exactly \
                     and decoded as {encoding}. Pass the response or its bytes, not response.text"
                ),
            ),
            Mojibake::Suspected(why) => ("warning", why.clone()),
        }
    }
}

/// The byte windows-1252 gives to a character in 0x80–0x9F, for text read as windows-1252.
fn cp1252_byte(c: char) -> Option<u8> {
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    })
}

/// The bytes `text` came from if it was read as Latin-1 or windows-1252 (every character maps
/// back to one byte), when at least 8 of them are non-ASCII.
fn latin1_bytes(text: &str) -> Option<Vec<u8>> {
    let byte = |c: char| if (c as u32) < 0x100 { Some(c as u8) } else { cp1252_byte(c) };
    let mut high = 0usize;
    for c in text.chars() {
        if !c.is_ascii() {
            byte(c)?;
            high += 1;
        }
    }
    if high < 8 {
        return None;
    }
    text.chars().map(byte).collect()
}

/// The first few non-ASCII characters of `text` (and what lies between them), for messages.
fn sample(text: &str) -> String {
    let start = text.find(|c: char| !c.is_ascii()).unwrap_or(0);
    text[start..].chars().filter(|c| !c.is_control()).take(12).collect()
}

fn cjk_count(text: &str) -> usize {
    text.chars()
        .filter(|&c| matches!(c, '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}'))
        .count()
}

/// Looks for mojibake in decoded text (`bytes`: the input, when it was bytes). Repairs text
/// that is a Chinese page read as Latin-1 / windows-1252 when the round trip is exact, and
/// reports a declared CJK label under which the bytes read as rare characters.
pub fn review(decoded: Decoded, bytes: Option<&[u8]>) -> (Decoded, Option<Mojibake>) {
    if let Some(raw) = latin1_bytes(&decoded.text) {
        let head = &raw[..raw.len().min(WINDOW)];
        let found = if std::str::from_utf8(&raw).is_ok_and(|t| cjk_count(t) >= 4) {
            Some(UTF_8)
        } else {
            // `last = false`: a character cut at the very end must not disqualify an encoding.
            let guess = chardet(head, false);
            (guess == GB18030 || guess == encoding_rs::BIG5).then_some(guess)
        };
        if let Some(enc) = found {
            let name = if enc == GB18030 { "GB18030" } else { enc.name() };
            return match strict(enc, &raw) {
                Some(text) if cjk_count(&text) >= 4 => {
                    let sample = sample(&decoded.text);
                    let repaired = Decoded { text, encoding: name, ..decoded };
                    (repaired, Some(Mojibake::Repaired { encoding: name, sample }))
                }
                _ => {
                    let why = format!(
                        "the text looks like {name} read as Latin-1 (mojibake: {:?}) but does not re-encode \
                         exactly, so it was left as it is; pass the response or its bytes, not response.text",
                        sample(&decoded.text)
                    );
                    (decoded, Some(Mojibake::Suspected(why)))
                }
            };
        }
    }
    if let Some(bytes) = bytes {
        if matches!(decoded.encoding_from, EncodingFrom::Http | EncodingFrom::Meta) {
            let declared = Encoding::for_label(decoded.encoding.as_bytes()).map(canonical);
            let start = bytes.iter().position(|&b| b >= 0x80).unwrap_or(0);
            let window = &bytes[start..bytes.len().min(start + WINDOW)];
            if let Some(enc) = declared.filter(|&e| reads_as_rare(e, window)) {
                let other = if enc == GB18030 { encoding_rs::BIG5 } else { GB18030 };
                let fits = !reads_as_rare(other, window) && strict(other, bytes).is_some();
                let hint = if fits {
                    let label = if other == GB18030 { "gb18030" } else { "big5" };
                    format!(
                        " They read as {}: pass encoding=\"{label}\"",
                        if other == GB18030 { "GB18030" } else { "Big5" }
                    )
                } else {
                    String::new()
                };
                let why = format!(
                    "the page is labelled {} ({}), but its bytes read as rare characters in it: very likely the \
                     wrong encoding.{hint}",
                    decoded.encoding,
                    if decoded.encoding_from == EncodingFrom::Http { "HTTP header" } else { "<meta> charset" },
                );
                return (decoded, Some(Mojibake::Suspected(why)));
            }
        }
    }
    (decoded, None)
}

// ---------------------------------------------------------------------------------------------
// Binary input

/// Recognises binary formats by their magic bytes.
fn sniff_binary(b: &[u8]) -> Option<&'static str> {
    let at = |offset: usize, magic: &[u8]| b.get(offset..offset + magic.len()) == Some(magic);
    // PDF readers accept the header anywhere in the first 1024 bytes (after junk or whitespace).
    if at(0, b"%PDF") || find(&b[..b.len().min(1024)], b"%PDF-").is_some() {
        return Some("PDF document");
    }
    let table: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"II*\x00", "TIFF image"),
        (b"MM\x00*", "TIFF image"),
        (b"PK\x03\x04", "ZIP archive (or Office document)"),
        (b"PK\x05\x06", "ZIP archive (or Office document)"),
        (b"PK\x07\x08", "ZIP archive (or Office document)"),
        (b"\xd0\xcf\x11\xe0", "Microsoft Office (OLE2) document"),
        (b"\x1f\x8b", "gzip archive"),
        (b"\xfd7zXZ\x00", "xz archive"),
        (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
        (b"Rar!\x1a\x07", "RAR archive"),
        (b"\x28\xb5\x2f\xfd", "Zstandard archive"),
        (b"\x7fELF", "ELF executable"),
        (b"\x00asm", "WebAssembly module"),
        (b"\xfe\xed\xfa\xce", "Mach-O executable"),
        (b"\xfe\xed\xfa\xcf", "Mach-O executable"),
        (b"\xce\xfa\xed\xfe", "Mach-O executable"),
        (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
        (b"SQLite format 3\x00", "SQLite database"),
        (b"OggS\x00", "Ogg media file"),
        (b"fLaC", "FLAC audio"),
        (b"\x1a\x45\xdf\xa3", "Matroska/WebM video"),
        (b"wOFF", "WOFF font"),
        (b"wOF2", "WOFF2 font"),
        (b"{\\rtf", "RTF document"),
        (b"%!PS", "PostScript document"),
    ];
    if let Some((_, name)) = table.iter().find(|(magic, _)| at(0, magic)) {
        return Some(name);
    }
    if at(0, b"RIFF") && b.len() >= 12 {
        return Some(match &b[8..12] {
            b"WEBP" => "WebP image",
            b"WAVE" => "WAV audio",
            b"AVI " => "AVI video",
            _ => "RIFF media file",
        });
    }
    // Two-letter magics are common words; require the header structure behind them.
    if at(0, b"BM") && b.len() >= 26 && b[6..10] == [0, 0, 0, 0] {
        let dib = u32::from_le_bytes([b[14], b[15], b[16], b[17]]);
        if matches!(dib, 12 | 40 | 52 | 56 | 64 | 108 | 124) {
            return Some("BMP image");
        }
    }
    if at(0, b"MZ") && b.len() >= 64 {
        let pe = u32::from_le_bytes([b[60], b[61], b[62], b[63]]) as usize;
        if at(pe, b"PE\x00\x00") {
            return Some("Windows executable");
        }
    }
    if at(0, b"BZh")
        && b.get(3).is_some_and(|d| (b'1'..=b'9').contains(d))
        && (at(4, b"1AY&SY") || at(4, b"\x17\x72\x45\x38\x50\x90"))
    {
        return Some("bzip2 archive");
    }
    if at(0, b"ID3") && b.get(3).is_some_and(|v| (2..=4).contains(v)) && b.get(4) == Some(&0) {
        return Some("MP3 audio");
    }
    if at(4, b"ftyp") {
        return Some("MP4/QuickTime media file");
    }
    None
}

/// Control bytes other than whitespace and ESC (ISO-2022 escapes). Text in an ASCII-compatible
/// encoding has next to none: no CJK or UTF-8 trail byte is below 0x20, so a control byte always
/// decodes to a control character. Random bytes have ~11%.
fn is_control_byte(b: u8) -> bool {
    // Only comparisons, without branches: counting over a buffer then vectorises on
    // baseline x86-64 (a variable shift or a table lookup would not).
    (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0c) & (b != 0x1b) | (b == 0x7f)
}

/// How many bytes of `bytes` satisfy `f`.
fn count_bytes(bytes: &[u8], f: impl Fn(u8) -> bool) -> usize {
    // A u8 count per 255-byte piece cannot overflow, and that fold is what LLVM turns
    // into SIMD compares and adds (measured: ~10× a fold into a wider counter).
    bytes.chunks(255).map(|piece| usize::from(piece.iter().fold(0u8, |n, &b| n + u8::from(f(b))))).sum()
}

/// More than 3% control characters, and at least 16: a page with a few NULs is still text.
fn too_many_controls(controls: usize, total: usize) -> bool {
    controls >= 16 && controls * 100 > total * 3
}

/// Refuses random bytes before any decoding, so a 20 MB blob costs one 64 KB scan. Only valid
/// for ASCII-compatible encodings; UTF-16 input without BOM shows up here and gets its own message.
fn check_raw_controls(body: &[u8]) -> Result<(), CoreError> {
    let head = &body[..body.len().min(WINDOW)];
    let controls = count_bytes(head, is_control_byte);
    if !too_many_controls(controls, head.len()) {
        return Ok(());
    }
    let what = match utf16_without_bom(head) {
        Some(name) => {
            format!("{name} text without a byte-order mark (pass encoding=\"{}\" to read it)", name.to_lowercase())
        }
        None => BINARY_DATA.to_string(),
    };
    Err(CoreError::UnsupportedFormat(what))
}

/// At least 90% of the 16-bit units are plausible text (ASCII, Latin, punctuation, CJK) in one
/// byte order. Random bytes score ~45%.
fn utf16_without_bom(head: &[u8]) -> Option<&'static str> {
    let plausible = |u: u16| matches!(u, 0x09 | 0x0a | 0x0d | 0x20..=0x7e | 0xa0..=0x024f | 0x2000..=0x206f | 0x3000..=0x9fff | 0xff00..=0xffef);
    let units = head.len() / 2;
    if units < 8 {
        return None;
    }
    let (mut le, mut be) = (0, 0);
    for pair in head.chunks_exact(2) {
        le += usize::from(plausible(u16::from_le_bytes([pair[0], pair[1]])));
        be += usize::from(plausible(u16::from_be_bytes([pair[0], pair[1]])));
    }
    if le * 10 >= units * 9 {
        Some("UTF-16LE")
    } else if be * 10 >= units * 9 {
        Some("UTF-16BE")
    } else {
        None
    }
}

/// The first `limit` chars of UTF-8 `b` (all of it when shorter) and how many chars that is,
/// counted a block at a time over the lead bytes (vectorised) rather than char by char.
fn head_chars(b: &[u8], limit: usize) -> (&[u8], usize) {
    const BLOCK: usize = 4096;
    let is_lead = |x: u8| x & 0xC0 != 0x80;
    let mut chars = 0;
    let mut at = 0;
    while at < b.len() {
        let end = (at + BLOCK).min(b.len());
        let n = count_bytes(&b[at..end], is_lead);
        if chars + n > limit {
            // The cut falls in this block: the byte where lead number `limit` starts.
            let mut need = limit - chars;
            let mut i = at;
            while i < end {
                if is_lead(b[i]) {
                    if need == 0 {
                        break;
                    }
                    need -= 1;
                }
                i += 1;
            }
            return (&b[..i], limit);
        }
        chars += n;
        at = end;
    }
    (b, chars)
}

/// Checks the first 64K decoded chars: control characters (C0 other than whitespace/ESC, DEL, C1)
/// mean binary data whatever the encoding. A quarter of U+FFFD means nothing fitted, but only
/// when we guessed: an encoding the caller forced, or a BOM, is obeyed.
fn check_decoded(text: &str, from: EncodingFrom) -> Result<(), CoreError> {
    // Over the UTF-8 bytes rather than chars: a C0 control or DEL is its own byte, a C1
    // control is C2 80..C2 9F, U+FFFD is EF BF BD; every non-continuation byte starts a char.
    let b = text.as_bytes();
    // The first WINDOW chars (no more bytes than that means no more chars).
    let (head, chars) = head_chars(b, WINDOW);
    let c1 = memchr::memchr_iter(0xC2, head).filter(|&i| matches!(head.get(i + 1), Some(0x80..=0x9F))).count();
    let controls = count_bytes(head, is_control_byte) + c1;
    let replaced = memchr::memmem::find_iter(head, "\u{fffd}".as_bytes()).count();
    if too_many_controls(controls, chars) || (from == EncodingFrom::Detected && replaced >= 16 && replaced * 4 > chars)
    {
        return Err(CoreError::UnsupportedFormat(BINARY_DATA.to_string()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::BIG5;

    const ZH: &str = "根据《中华人民共和国政府信息公开条例》规定，现公布本机关2023年政府信息公开工作年度报告。\
        本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、\
        政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等部分组成。\
        本年度共主动公开政府信息一千二百余条，受理依申请公开四十五件，均已按时答复。";
    const ZH_HANT: &str = "政府資訊公開工作年度報告，本機關主動公開政府資訊。\
        依據政府資訊公開法規定，本機關應主動公開施政計畫、業務統計及預算決算書。\
        本年度共受理申請案件四十五件，均已依法於期限內答復，並無行政訴訟案件。\
        未來將持續精進資訊公開作業，提升民眾查詢便利性。";

    fn page(charset_meta: &str, body: &str) -> String {
        format!("<html><head>{charset_meta}<title>年度报告</title></head><body><p>{body}</p></body></html>")
    }

    /// The char-by-char reading `check_decoded` replaced with a byte scan.
    fn check_decoded_by_chars(text: &str, from: EncodingFrom) -> bool {
        let (mut chars, mut controls, mut replaced) = (0usize, 0usize, 0usize);
        for c in text.chars().take(WINDOW) {
            chars += 1;
            match c {
                '\t' | '\n' | '\r' | '\u{0c}' | '\u{1b}' => {}
                '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => controls += 1,
                '\u{fffd}' => replaced += 1,
                _ => {}
            }
        }
        !(too_many_controls(controls, chars)
            || (from == EncodingFrom::Detected && replaced >= 16 && replaced * 4 > chars))
    }

    #[test]
    fn head_chars_cuts_where_char_indices_does() {
        let text = format!("{}ab\u{10348}{}", ZH.repeat(30), "x".repeat(5000));
        let b = text.as_bytes();
        for limit in [0, 1, 2, 100, 1000, 1999, 2000, 2001, 4096, 5000, text.chars().count(), text.chars().count() + 7]
        {
            let cut = text.char_indices().nth(limit).map_or(b.len(), |(i, _)| i);
            let (head, chars) = head_chars(b, limit);
            assert_eq!((head.len(), chars), (cut, text[..cut].chars().count()), "limit {limit}");
        }
    }

    #[test]
    fn check_decoded_counts_as_chars_do() {
        let pieces = [
            "政府", "\u{0}", "\u{7f}", "\u{80}", "\u{9f}", "\u{a0}", "\u{fffd}", "\u{fffe}", "a", "\t", "\u{1b}", "𠀀",
            "é",
        ];
        let mut state = 7u64;
        for len in [0usize, 10, 40, 100, 400, 70_000] {
            for _ in 0..20 {
                let mut s = String::new();
                for _ in 0..len {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    s.push_str(pieces[(state % pieces.len() as u64) as usize]);
                }
                for from in [EncodingFrom::Detected, EncodingFrom::Meta] {
                    assert_eq!(check_decoded(&s, from).is_ok(), check_decoded_by_chars(&s, from), "{len}");
                }
            }
        }
    }

    fn dec(bytes: &[u8]) -> Result<Decoded, CoreError> {
        decode(bytes, &DecodeOptions::default())
    }

    fn xorshift_bytes(len: usize, mut state: u64) -> Vec<u8> {
        let mut out = Vec::with_capacity(len + 8);
        while out.len() < len {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            out.extend_from_slice(&state.to_le_bytes());
        }
        out.truncate(len);
        out
    }

    #[test]
    fn utf8_page_is_detected() {
        let html = page("", ZH);
        let d = dec(html.as_bytes()).unwrap();
        assert_eq!(d.text, html);
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.encoding_from, EncodingFrom::Detected);
        assert_eq!(d.undecodable_bytes, 0);
    }

    #[test]
    fn undeclared_gb18030_is_detected() {
        let (bytes, _, _) = GB18030.encode(ZH);
        let d = dec(&bytes).unwrap();
        assert_eq!(d.text, ZH);
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.encoding_from, EncodingFrom::Detected);
        assert_eq!(d.undecodable_bytes, 0);
    }

    #[test]
    fn gbk_with_meta_gb2312_decodes_as_gb18030() {
        let html = page(r#"<meta charset="gb2312">"#, ZH);
        let (bytes, _, _) = GBK.encode(&html);
        let d = dec(&bytes).unwrap();
        assert_eq!(d.text, html);
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.encoding_from, EncodingFrom::Meta);
    }

    #[test]
    fn http_equiv_meta_is_read() {
        let html = page(r#"<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset='GBK'" />"#, "政府");
        let (bytes, _, _) = GBK.encode(&html);
        let d = dec(&bytes).unwrap();
        assert_eq!((d.encoding, d.encoding_from), ("GB18030", EncodingFrom::Meta));
        assert_eq!(
            meta_charset(b"<meta http-equiv=Content-Type content=text/html;charset=big5>"),
            Some(encoding_rs::BIG5)
        );
    }

    #[test]
    fn commented_out_meta_is_ignored() {
        assert_eq!(meta_charset(b"<!-- <meta charset=\"big5\"> --><meta charset=gbk>"), Some(GB18030));
        assert_eq!(meta_charset(b"<!-- <meta charset=\"big5\"> -->"), None);
    }

    #[test]
    fn xml_declaration_counts_as_meta() {
        let html = format!("<?xml version=\"1.0\" encoding=\"gb2312\"?>\n{}", page("", ZH));
        let (bytes, _, _) = GBK.encode(&html);
        let d = dec(&bytes).unwrap();
        assert_eq!((d.encoding, d.encoding_from), ("GB18030", EncodingFrom::Meta));
        assert_eq!(d.text, html);
    }

    #[test]
    fn long_undeclared_texts_take_the_quick_path_only_when_it_is_gbk() {
        // Longer than QUICK_WINDOW: GBK is settled on its head, Big5 and a GBK page
        // damaged further on go through the whole detection and still come out right.
        let long = ZH.repeat(40);
        let (gbk, _, _) = GB18030.encode(&long);
        assert!(gbk.len() > 4 * QUICK_WINDOW);
        assert!(quick_gb18030(&gbk, &gbk).is_some());
        let d = dec(&gbk).unwrap();
        assert_eq!((d.text.as_str(), d.encoding, d.encoding_from), (long.as_str(), "GB18030", EncodingFrom::Detected));

        let long_hant = ZH_HANT.repeat(40);
        // Traditional characters in GBK read as fewer common characters, and still take it.
        let (gb_hant, _, _) = GB18030.encode(&long_hant);
        assert_eq!(quick_gb18030(&gb_hant, &gb_hant).as_deref(), Some(long_hant.as_str()));
        let (big5, _, _) = BIG5.encode(&long_hant);
        assert!(quick_gb18030(&big5, &big5).is_none());
        let d = dec(&big5).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (long_hant.as_str(), "Big5"));

        // Shift_JIS decodes strictly as GB18030 and not as Big5, but reads as rare characters.
        let ja = "日本語のテキストです。政府の情報公開について、ｶﾀｶﾅも含みます。".repeat(40);
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(&ja);
        assert!(strict(GB18030, &sjis).is_some() && scan(BIG5, &sjis[..QUICK_WINDOW], false, None) > 0);
        assert!(quick_gb18030(&sjis, &sjis).is_none());
        assert_eq!(dec(&sjis).unwrap().encoding, "Shift_JIS");

        let mut damaged = gbk.to_vec();
        let at = damaged.len() - 100;
        damaged[at] = 0xFF;
        assert!(quick_gb18030(&damaged, &damaged).is_none());
        let d = dec(&damaged).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert!((1..=2).contains(&d.undecodable_bytes), "{}", d.undecodable_bytes);
    }

    #[test]
    fn undeclared_big5_is_detected() {
        let (bytes, _, _) = BIG5.encode(ZH_HANT);
        let d = dec(&bytes).unwrap();
        assert_eq!(d.text, ZH_HANT);
        assert_eq!(d.encoding, "Big5");
        assert_eq!(d.encoding_from, EncodingFrom::Detected);
    }

    #[test]
    fn utf16le_with_bom() {
        let html = page("", ZH);
        let mut bytes = vec![0xff, 0xfe];
        for unit in html.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let d = dec(&bytes).unwrap();
        assert_eq!(d.text, html);
        assert_eq!((d.encoding, d.encoding_from), ("UTF-16LE", EncodingFrom::Bom));
    }

    #[test]
    fn utf16_without_bom_is_refused_with_advice() {
        let html = page("", ZH);
        let bytes: Vec<u8> = html.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let err = dec(&bytes).unwrap_err();
        let CoreError::UnsupportedFormat(msg) = err else { panic!("{err:?}") };
        assert!(msg.contains("UTF-16LE") && msg.contains("encoding=\"utf-16le\""), "{msg}");
        let forced = decode(&bytes, &DecodeOptions { encoding: Some("utf-16le"), content_type: None }).unwrap();
        assert_eq!(forced.text, html);
        assert_eq!(forced.encoding_from, EncodingFrom::Argument);
    }

    #[test]
    fn utf8_bom_overrides_encoding_argument() {
        let mut bytes = b"\xef\xbb\xbf".to_vec();
        bytes.extend_from_slice(ZH.as_bytes());
        let d = decode(&bytes, &DecodeOptions { encoding: Some("gbk"), content_type: None }).unwrap();
        assert_eq!(d.text, ZH);
        assert_eq!((d.encoding, d.encoding_from), ("UTF-8", EncodingFrom::Bom));
    }

    #[test]
    fn encoding_argument_wins_over_declarations() {
        let html = page(r#"<meta charset="utf-8">"#, ZH);
        let (bytes, _, _) = GB18030.encode(&html);
        let opts = DecodeOptions { encoding: Some(" GB2312 "), content_type: Some("text/html; charset=utf-8") };
        let d = decode(&bytes, &opts).unwrap();
        assert_eq!(d.text, html);
        assert_eq!((d.encoding, d.encoding_from, d.undecodable_bytes), ("GB18030", EncodingFrom::Argument, 0));
    }

    #[test]
    fn encoding_argument_is_obeyed_when_wrong() {
        let (bytes, _, _) = GB18030.encode(ZH);
        let d = decode(&bytes, &DecodeOptions { encoding: Some("utf-8"), content_type: None }).unwrap();
        assert_eq!((d.encoding, d.encoding_from), ("UTF-8", EncodingFrom::Argument));
        assert!(d.undecodable_bytes > 100, "{}", d.undecodable_bytes);
        assert!(d.text.contains('\u{fffd}'));
    }

    #[test]
    fn unknown_label_is_invalid_option() {
        let err = decode(b"hello", &DecodeOptions { encoding: Some("xyz"), content_type: None }).unwrap_err();
        assert_eq!(err, CoreError::InvalidOption("unknown encoding label 'xyz'".into()));
    }

    #[test]
    fn http_charset_is_used() {
        let (bytes, _, _) = BIG5.encode(ZH_HANT);
        let opts = DecodeOptions { encoding: None, content_type: Some("text/html; Charset=\"big5\"") };
        let d = decode(&bytes, &opts).unwrap();
        assert_eq!(d.text, ZH_HANT);
        assert_eq!((d.encoding, d.encoding_from), ("Big5", EncodingFrom::Http));
    }

    #[test]
    fn http_charset_beats_meta() {
        let html = page(r#"<meta charset="big5">"#, ZH);
        let (bytes, _, _) = GBK.encode(&html);
        let opts = DecodeOptions { encoding: None, content_type: Some("text/html;charset=gbk") };
        let d = decode(&bytes, &opts).unwrap();
        assert_eq!((d.encoding, d.encoding_from), ("GB18030", EncodingFrom::Http));
    }

    #[test]
    fn lying_meta_falls_back_to_utf8() {
        let html = page(r#"<meta charset="gb2312">"#, ZH);
        let d = dec(html.as_bytes()).unwrap();
        assert_eq!(d.text, html);
        assert_eq!((d.encoding, d.encoding_from), ("UTF-8", EncodingFrom::Detected));
    }

    #[test]
    fn stray_byte_in_declared_utf8_page() {
        let html = page(r#"<meta charset="utf-8">"#, ZH);
        let mut bytes = html.as_bytes().to_vec();
        let at = html.find("根据").unwrap();
        bytes.insert(at, 0xff);
        let d = dec(&bytes).unwrap();
        assert_eq!((d.encoding, d.encoding_from, d.undecodable_bytes), ("UTF-8", EncodingFrom::Meta, 1));
        assert_eq!(d.text.replace('\u{fffd}', ""), html);
    }

    #[test]
    fn stray_byte_in_undeclared_utf8_text() {
        let mut bytes = ZH.as_bytes().to_vec();
        bytes.insert(3, 0xc0);
        bytes.insert(31, 0xff);
        let d = dec(&bytes).unwrap();
        assert_eq!((d.encoding, d.encoding_from, d.undecodable_bytes), ("UTF-8", EncodingFrom::Detected, 2));
    }

    #[test]
    fn damaged_gbk_with_meta_keeps_meta() {
        let html = page(r#"<meta charset="gbk">"#, ZH);
        let (bytes, _, _) = GBK.encode(&html);
        let mut bytes = bytes.into_owned();
        let at = bytes.len() / 2;
        bytes.insert(at, 0xff);
        let d = dec(&bytes).unwrap();
        assert_eq!((d.encoding, d.encoding_from), ("GB18030", EncodingFrom::Meta));
        // The stray byte may swallow half of a neighbouring character.
        assert!((1..=4).contains(&d.undecodable_bytes), "{}", d.undecodable_bytes);
        assert!(d.text.contains("主动公开政府信息"));
    }

    #[test]
    fn damaged_undeclared_big5_is_rescued() {
        let (bytes, _, _) = BIG5.encode(ZH_HANT);
        let mut bytes = bytes.into_owned();
        bytes.insert(41, 0x80);
        assert_eq!(chardet(&bytes, true).name(), "windows-1252", "premise: chardetng alone gives up");
        let d = dec(&bytes).unwrap();
        assert_eq!((d.encoding, d.encoding_from), ("Big5", EncodingFrom::Detected));
        assert!(d.undecodable_bytes >= 1);
        assert!(d.text.contains("本年度共受理申請案件四十五件"));
    }

    #[test]
    fn damaged_undeclared_gbk_is_detected() {
        let (bytes, _, _) = GB18030.encode(ZH);
        let mut bytes = bytes.into_owned();
        bytes.insert(40, 0xff);
        let d = dec(&bytes).unwrap();
        assert_eq!((d.encoding, d.encoding_from, d.undecodable_bytes), ("GB18030", EncodingFrom::Detected, 1));
        assert!(d.text.contains("收到和处理政府信息公开申请情况"));
    }

    #[test]
    fn detection_skips_a_long_ascii_head() {
        let script = format!("<script>{}</script>", "var x = 1; // padding\n".repeat(4000));
        let html = format!("<html><head>{script}</head><body>{ZH}</body></html>");
        assert!(html.find(ZH).unwrap() > WINDOW);
        let (bytes, _, _) = GBK.encode(&html);
        let d = dec(&bytes).unwrap();
        assert_eq!((d.encoding, d.encoding_from), ("GB18030", EncodingFrom::Detected));
        assert_eq!(d.text, html);
    }

    #[test]
    fn a_few_nuls_stay() {
        let text = format!("{ZH}\0\0\0{ZH}\0");
        let d = dec(text.as_bytes()).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.undecodable_bytes, 0);
    }

    #[test]
    fn binary_formats_are_named() {
        let cases: &[(&[u8], &str)] = &[
            (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
            (b"\r\n  \x00junk%PDF-1.4\n", "PDF document"),
            (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
            (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
            (b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml", "ZIP archive (or Office document)"),
            (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "Microsoft Office (OLE2) document"),
            (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "WebP image"),
            (b"\x1f\x8b\x08\x00\x00\x00", "gzip archive"),
            (b"\x7fELF\x02\x01\x01", "ELF executable"),
        ];
        for (bytes, name) in cases {
            assert_eq!(dec(bytes), Err(CoreError::UnsupportedFormat(name.to_string())), "{name}");
        }
        // Two-letter magics need their header structure: this is text.
        assert!(dec("BM公司年度报告".as_bytes()).is_ok());
    }

    #[test]
    fn empty_inputs() {
        assert_eq!(dec(b""), Err(CoreError::Empty));
        assert_eq!(dec(b" \r\n\t\x00 "), Err(CoreError::Empty));
        assert_eq!(dec(b"\xef\xbb\xbf\n"), Err(CoreError::Empty));
    }

    #[test]
    fn random_bytes_are_binary_data() {
        let bytes = xorshift_bytes(2 << 20, 0x9e37_79b9_7f4a_7c15);
        assert_eq!(dec(&bytes), Err(CoreError::UnsupportedFormat("binary data".into())));
        let opts = DecodeOptions { encoding: Some("gbk"), content_type: None };
        assert_eq!(decode(&bytes, &opts), Err(CoreError::UnsupportedFormat("binary data".into())));
    }

    #[test]
    fn random_bytes_after_a_bom_are_binary_data() {
        let mut bytes = b"\xef\xbb\xbf".to_vec();
        bytes.extend(xorshift_bytes(100_000, 7));
        assert_eq!(dec(&bytes), Err(CoreError::UnsupportedFormat("binary data".into())));
    }

    #[test]
    fn large_random_input_is_refused_quickly() {
        // Refused on the first WINDOW bytes (`check_raw_controls`), before any decoding;
        // the time it takes is measured in bench/, not asserted here.
        let bytes = xorshift_bytes(20 << 20, 42);
        assert_eq!(dec(&bytes), Err(CoreError::UnsupportedFormat("binary data".into())));
    }

    #[test]
    fn html_sniffing() {
        assert!(looks_like_html("\u{feff}  <!DOCTYPE html><html>"));
        assert!(looks_like_html("<div>政府</div>"));
        assert!(looks_like_html("某某县人民政府\n<TABLE border=1><TR><TD>1</TD></TR></TABLE>"));
        assert!(looks_like_html("年度报告<br/>一、总体情况<br>二、主动公开<br />"));
        assert!(looks_like_html("前言 <p>正文</p>"));
        assert!(!looks_like_html("一、总体情况\n在HTML中用 <p 标记段落，本文是纯文本。"));
        assert!(!looks_like_html("x <p> y"));
        assert!(!looks_like_html("<政府信息公开条例>规定"));
        assert!(!looks_like_html("a<b and c>d <position>"));
    }
    #[test]
    fn single_byte_declaration_does_not_mangle_chinese() {
        let html = page(r#"<meta charset="iso-8859-1">"#, ZH);
        let d = dec(html.as_bytes()).unwrap();
        assert_eq!((d.encoding, d.encoding_from), ("UTF-8", EncodingFrom::Detected));
        let (gbk, _, _) = GBK.encode(&html);
        let d = decode(&gbk, &DecodeOptions { encoding: None, content_type: Some("text/html;charset=ISO-8859-1") })
            .unwrap();
        assert_eq!((d.encoding, d.encoding_from), ("GB18030", EncodingFrom::Detected));
        assert_eq!(d.text, html);
        let latin = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\u{e9} cr\u{e8}me</p></body></html>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(latin);
        let d = dec(&bytes).unwrap();
        assert_eq!((d.encoding, d.encoding_from), ("windows-1252", EncodingFrom::Meta));
        assert_eq!(d.text, latin);
    }

    #[test]
    fn common_share_tells_a_wrong_cjk_label() {
        let long_zh = ZH.repeat(4);
        let long_hant = ZH_HANT.repeat(4);
        let (gbk, _, _) = GBK.encode(&long_zh);
        let (big5, _, _) = BIG5.encode(&long_hant);
        assert!(!reads_as_rare(GB18030, &gbk) && !reads_as_rare(BIG5, &big5));
        assert!(reads_as_rare(GB18030, &big5), "Big5 bytes read as GBK");
        assert!(reads_as_rare(BIG5, &gbk), "GBK bytes read as Big5");
        assert!(!reads_as_rare(UTF_8, ZH.as_bytes()));
    }

    #[test]
    fn header_and_meta_disagreeing_follow_the_plausible_one() {
        let html = page(r#"<meta charset="big5">"#, &ZH_HANT.repeat(3));
        let (bytes, _, _) = BIG5.encode(&html);
        let opts = DecodeOptions { encoding: None, content_type: Some("text/html; charset=gbk") };
        let d = decode(&bytes, &opts).unwrap();
        assert_eq!((d.encoding, d.encoding_from), ("Big5", EncodingFrom::Meta));
        assert!(d.text.contains(ZH_HANT));
        assert_eq!(review(d, Some(&bytes)).1, None);
    }

    #[test]
    fn a_lone_wrong_label_is_suspected() {
        let html = page(r#"<meta charset="gbk">"#, &ZH_HANT.repeat(3));
        let (bytes, _, _) = BIG5.encode(&html);
        let d = dec(&bytes).unwrap();
        assert_eq!((d.encoding, d.encoding_from), ("GB18030", EncodingFrom::Meta));
        match review(d, Some(&bytes)).1 {
            Some(Mojibake::Suspected(why)) => assert!(why.contains("pass encoding=\"big5\""), "{why}"),
            other => panic!("{other:?}"),
        }
    }

    fn as_latin1(bytes: &[u8]) -> String {
        bytes.iter().map(|&b| char::from(b)).collect()
    }

    #[test]
    fn latin1_mojibake_is_repaired_exactly() {
        let (gbk, _, _) = GBK.encode(ZH);
        let (big5, _, _) = BIG5.encode(ZH_HANT);
        for (bytes, want, name) in
            [(gbk.to_vec(), ZH, "GB18030"), (ZH.as_bytes().to_vec(), ZH, "UTF-8"), (big5.to_vec(), ZH_HANT, "Big5")]
        {
            let text = as_latin1(&bytes);
            let d = Decoded { text, encoding: "UTF-8", encoding_from: EncodingFrom::Str, undecodable_bytes: 0 };
            let (d, found) = review(d, None);
            assert_eq!(d.text, want, "{name}");
            assert!(matches!(found, Some(Mojibake::Repaired { encoding, .. }) if encoding == name), "{name}");
        }
    }

    #[test]
    fn mojibake_review_leaves_honest_text_alone() {
        let latin = "Le rapport annuel a été publié à Montréal : café, résumé, naïve, déjà, façade, où, très élevé.";
        for text in [ZH, ZH_HANT, latin, "plain ASCII text"] {
            let d = Decoded {
                text: text.into(),
                encoding: "UTF-8",
                encoding_from: EncodingFrom::Str,
                undecodable_bytes: 0,
            };
            let (d, found) = review(d, None);
            assert_eq!((d.text.as_str(), found), (text, None));
        }
    }
}
