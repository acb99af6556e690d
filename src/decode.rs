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
//!
//! Here: the resolution order, decoding and detection. `declared` parses charset labels
//! (HTTP, `<meta>`, XML), `binary` refuses random bytes, `mojibake` is [`review`]; what kind
//! of file the bytes are (magic bytes, HTML or text) is `crate::sniff`'s.

use std::cell::OnceCell;
use std::sync::LazyLock;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{DecoderResult, Encoding, GB18030, GBK, UTF_16BE, UTF_16LE, UTF_8};

use crate::error::CoreError;
use crate::sniff::sniff_binary;

mod binary;
mod declared;
mod mojibake;

use binary::{check_decoded, check_raw_controls};
use declared::{charset_param, hint_encoding, meta_charset};
pub use mojibake::{review, Mojibake};

/// Which step of the resolution order decided the encoding (SPEC §2 `encoding_from`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EncodingFrom {
    Bom,
    Argument,
    Http,
    Meta,
    Detected,
    /// The caller passed an already decoded `str`.
    Str,
}

crate::variant::display_as_serialized!(EncodingFrom);

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
    let raw_controls = check_raw_controls(body)?;
    // The text of a strict decoding that keeps the control bytes holds the controls counted
    // above: in its first bytes when it is UTF-8 (the body itself), in all of it when the count
    // covered the whole body.
    let strict_controls = |enc: &'static Encoding| {
        if enc == UTF_8 {
            Some((body.len().min(WINDOW), raw_controls))
        } else {
            (body.len() <= WINDOW && keeps_controls(enc)).then_some((usize::MAX, raw_controls))
        }
    };

    let first_non_ascii = body.iter().position(|&b| b >= 0x80);
    // Detection judges a window that starts just before the first non-ASCII byte: pages can open
    // with tens of KB of ASCII script and style.
    let start = first_non_ascii.unwrap_or(0).saturating_sub(16);
    let window = &body[start..body.len().min(start + WINDOW)];
    let last = start + window.len() == body.len();
    let utf8 = utf8_text(body);
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
            return finish_strict(text, enc, from, strict_controls(enc));
        }
    }
    if let Some(text) = utf8 {
        return finish_strict(text.to_owned(), UTF_8, EncodingFrom::Detected, strict_controls(UTF_8));
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
            return finish_strict(text, GB18030, EncodingFrom::Detected, strict_controls(GB18030));
        }
    }
    let guess = guess();
    if !guess.is_single_byte() {
        if let Some(text) = strict(guess, body) {
            return finish_strict(text, guess, EncodingFrom::Detected, strict_controls(guess));
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

/// Whether every control byte (below 0x20, and 0x7F) decodes to that control character and no
/// other sequence decodes to one: UTF-8 and GB18030 (whose trail bytes are 0x30 and up, never
/// 0x7F), so that the text holds as many as the bytes.
fn keeps_controls(enc: &'static Encoding) -> bool {
    enc == UTF_8 || canonical(enc) == GB18030
}

/// [`finish`] for a text decoded without replacement; `controls`, where known, how many C0
/// and DEL control characters its first bytes hold (counted on the bytes, [`keeps_controls`]):
/// `(bytes, controls)`, all of it where `bytes` is no less than its length.
fn finish_strict(
    text: String,
    enc: &'static Encoding,
    from: EncodingFrom,
    controls: Option<(usize, usize)>,
) -> Result<Decoded, CoreError> {
    check_decoded(&text, from, controls)?;
    Ok(decoded(text, enc, from, 0))
}

fn finish(text: String, enc: &'static Encoding, from: EncodingFrom, undecodable: usize) -> Result<Decoded, CoreError> {
    check_decoded(&text, from, None)?;
    Ok(decoded(text, enc, from, undecodable))
}

/// The decoded text, checked, with the name of its encoding.
fn decoded(text: String, enc: &'static Encoding, from: EncodingFrom, undecodable: usize) -> Decoded {
    // encoding_rs spells it "gb18030"; every other WHATWG name is already in its usual case.
    let name = if canonical(enc) == GB18030 { "GB18030" } else { enc.name() };
    Decoded { text, encoding: name, encoding_from: from, undecodable_bytes: undecodable }
}

/// Decodes with replacement, counting the malformed bytes.
fn decode_with(enc: &'static Encoding, from: EncodingFrom, body: &[u8]) -> Result<Decoded, CoreError> {
    if body.len() > WINDOW {
        // Refuse binary data before decoding all of it (UTF-16 and BOM paths skip the raw check).
        check_decoded(&decode_lossy(enc, &body[..WINDOW]).0, from, None)?;
    }
    let (text, bad) = decode_lossy(enc, body);
    finish(text, enc, from, bad)
}

/// The bytes as UTF-8 text, or `None` if they are not UTF-8. Validated by encoding_rs, which
/// runs simdutf8's AVX2 or SSE 4.2 code where the CPU has it: the standard library's scalar
/// check cost ~2 instructions a byte of a page (83 k a 50 KB page, 1.3 % of the parse).
fn utf8_text(body: &[u8]) -> Option<&str> {
    match UTF_8.decode_without_bom_handling_and_without_replacement(body)? {
        std::borrow::Cow::Borrowed(text) => Some(text),
        // Never for UTF-8 (valid input is borrowed as it is): the standard check then.
        std::borrow::Cow::Owned(_) => std::str::from_utf8(body).ok(),
    }
}

/// The whole input, or `None` at the first malformed sequence.
fn strict(enc: &'static Encoding, body: &[u8]) -> Option<String> {
    if enc == UTF_8 {
        return utf8_text(body).map(str::to_owned);
    }
    enc.decode_without_bom_handling_and_without_replacement(body).map(std::borrow::Cow::into_owned)
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
    let mut left = end;
    for chunk in window[..end].utf8_chunks() {
        // A multi-byte character of valid UTF-8 is its lead byte (0xC2 and up).
        valid += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        bad += usize::from(!chunk.invalid().is_empty());
        left -= chunk.valid().len() + chunk.invalid().len();
        // The rest holds at most one multi-byte character per two bytes: when even that cannot
        // bring the valid ones to four times the malformed, the answer is known (GBK text
        // read as UTF-8 gets here after a few hundred bytes).
        if valid + left / 2 < 4 * bad {
            return false;
        }
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
    let (pairs, common) = common_share(GB18030, head, false)?;
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

// ---------------------------------------------------------------------------------------------
// Mojibake

/// Double-byte characters of `bytes` read in `enc`, and how many of them fall in the block of
/// common characters: GB2312's punctuation rows and its hanzi (lead A1–A3 or B0–F7, trail A1–FE)
/// for GB18030; Big5's symbols and frequent hanzi (lead A1–C6) for Big5. Genuine Chinese text
/// in its own encoding scores above 90%; Big5 bytes read as GBK score about 40%, GBK bytes read
/// as Big5 about 55%. `traditional`: GBK codes of Traditional-only characters count as common
/// too ([`reads_as_rare`]). `None` for other encodings.
fn common_share(enc: &'static Encoding, bytes: &[u8], traditional: bool) -> Option<(usize, usize)> {
    let gb = canonical(enc) == GB18030;
    if !gb && enc != encoding_rs::BIG5 {
        return None;
    }
    let traditional = gb && traditional;
    let (mut pairs, mut common, mut i) = (0usize, 0usize, 0usize);
    while i + 1 < bytes.len() {
        let (lead, trail) = (bytes[i], bytes[i + 1]);
        if lead < 0x81 {
            i += 1;
            // Markup and Latin text: skip eight ASCII bytes at a time.
            while let Some(chunk) = bytes.get(i..i + 8) {
                let word = u64::from_ne_bytes(chunk.try_into().unwrap_or([0x80; 8]));
                if word & 0x8080_8080_8080_8080 != 0 {
                    break;
                }
                i += 8;
            }
            continue;
        }
        if gb && trail.is_ascii_digit() {
            i += 4; // a GB18030 four-byte sequence: never a common character
            pairs += 1;
            continue;
        }
        pairs += 1;
        let hit = if gb {
            ((GB_COMMON[usize::from(lead)] >> 1) & GB_COMMON[usize::from(trail)] & 1 != 0)
                || (traditional && gbk_code(lead, trail).is_some_and(|k| TRADITIONAL_GBK[k / 64] >> (k % 64) & 1 == 1))
        } else {
            (0xA1..=0xC6).contains(&lead) && matches!(trail, 0x40..=0x7E | 0xA1..=0xFE)
        };
        common += usize::from(hit);
        i += 2;
    }
    Some((pairs, common))
}

/// GB2312's block of common characters by byte, for [`common_share`]: bit 1 of a lead byte's
/// entry and bit 0 of a trail byte's (lead A1–A3 or B0–F7, trail A1–FE): two look-ups and an
/// `&` where two ranges and one were tested on every double-byte pair.
static GB_COMMON: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        let lead = matches!(b, 0xA1..=0xA3 | 0xB0..=0xF7);
        let trail = matches!(b, 0xA1..=0xFE);
        t[i] = (lead as u8) << 1 | trail as u8;
        i += 1;
    }
    t
};

/// The bytes read in `enc` (GB18030 or Big5) are mostly rare characters: the label is very
/// likely wrong. Needs at least 20 double-byte characters to judge. GBK holds the Traditional
/// forms outside GB2312's block (資訊公開), so they count as common too: Traditional text in
/// GBK then scores as high as Simplified text does, where Big5 bytes read as GBK still score
/// about 30% (the real reports rendered in Big5).
fn reads_as_rare(enc: &'static Encoding, window: &[u8]) -> bool {
    common_share(enc, window, true).is_some_and(|(pairs, common)| pairs >= 20 && common * 10 < pairs * 7)
}

/// The index of a GBK double-byte code (lead 81–FE, trail 40–FE) in [`TRADITIONAL_GBK`].
fn gbk_code(lead: u8, trail: u8) -> Option<usize> {
    ((0x81..=0xFE).contains(&lead) && (0x40..=0xFE).contains(&trail))
        .then(|| usize::from(lead - 0x81) * 191 + usize::from(trail - 0x40))
}

/// One bit per GBK double-byte code: whether it encodes a Traditional-only character.
static TRADITIONAL_GBK: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; (126 * 191usize).div_ceil(64)];
    for lead in 0x81..=0xFEu8 {
        for trail in 0x40..=0xFEu8 {
            let (Some(text), Some(k)) = (strict(GB18030, &[lead, trail]), gbk_code(lead, trail)) else { continue };
            let mut chars = text.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                if crate::normalize::is_traditional(c) {
                    bits[k / 64] |= 1 << (k % 64);
                }
            }
        }
    }
    bits
});

#[cfg(test)]
mod tests;
