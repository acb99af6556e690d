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

#[cfg(test)]
mod tests {
    use super::binary::{head_chars, too_many_controls};
    use super::*;
    use encoding_rs::BIG5;

    pub(super) const ZH: &str =
        "根据《中华人民共和国政府信息公开条例》规定，现公布本机关2023年政府信息公开工作年度报告。\
        本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、\
        政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等部分组成。\
        本年度共主动公开政府信息一千二百余条，受理依申请公开四十五件，均已按时答复。";
    pub(super) const ZH_HANT: &str = "政府資訊公開工作年度報告，本機關主動公開政府資訊。\
        依據政府資訊公開法規定，本機關應主動公開施政計畫、業務統計及預算決算書。\
        本年度共受理申請案件四十五件，均已依法於期限內答復，並無行政訴訟案件。\
        未來將持續精進資訊公開作業，提升民眾查詢便利性。";

    pub(super) fn page(charset_meta: &str, body: &str) -> String {
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

    pub(super) fn dec(bytes: &[u8]) -> Result<Decoded, CoreError> {
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
}
