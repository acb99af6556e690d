//! Random bytes are not text: control bytes before decoding, control characters and
//! replacement characters after it, and UTF-16 without a BOM (refused with advice).

use super::{EncodingFrom, BINARY_DATA, WINDOW};
use crate::error::CoreError;

/// Control bytes other than whitespace and ESC (ISO-2022 escapes). Text in an ASCII-compatible
/// encoding has next to none: no CJK or UTF-8 trail byte is below 0x20, so a control byte always
/// decodes to a control character. Random bytes have ~11%.
#[allow(clippy::needless_bitwise_bool)] // branchless on purpose: it vectorises
pub(super) fn is_control_byte(b: u8) -> bool {
    // Only comparisons, without branches: counting over a buffer then vectorises on
    // baseline x86-64 (a variable shift or a table lookup would not).
    (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0c) & (b != 0x1b) | (b == 0x7f)
}

/// How many bytes of `bytes` satisfy `f`.
pub(super) fn count_bytes(bytes: &[u8], f: impl Fn(u8) -> bool) -> usize {
    // A u8 count per piece of at most 255 bytes cannot overflow, and that fold is what LLVM
    // turns into SIMD compares and adds (measured: ~10× a fold into a wider counter). Pieces
    // of one fixed length, a multiple of the vector loop's stride, leave no bytes to count one
    // by one after each (measured: 1.5 instructions a byte, against 2.6 for 255-byte pieces).
    const PIECE: usize = 192;
    let mut pieces = bytes.chunks_exact(PIECE);
    let counted: usize =
        (&mut pieces).map(|piece| usize::from(piece.iter().fold(0u8, |n, &b| n + u8::from(f(b))))).sum();
    counted + pieces.remainder().iter().filter(|&&b| f(b)).count()
}

/// More than 3% control characters, and at least 16: a page with a few NULs is still text.
pub(super) fn too_many_controls(controls: usize, total: usize) -> bool {
    controls >= 16 && controls * 100 > total * 3
}

/// Refuses random bytes before any decoding, so a 20 MB blob costs one 64 KB scan. Only valid
/// for ASCII-compatible encodings; UTF-16 input without BOM shows up here and gets its own message.
/// Returns the control bytes counted in the first 64 KB.
pub(super) fn check_raw_controls(body: &[u8]) -> Result<usize, CoreError> {
    let head = &body[..body.len().min(WINDOW)];
    let controls = count_bytes(head, is_control_byte);
    if !too_many_controls(controls, head.len()) {
        return Ok(controls);
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
pub(super) fn utf16_without_bom(head: &[u8]) -> Option<&'static str> {
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
pub(super) fn head_chars(b: &[u8], limit: usize) -> (&[u8], usize) {
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
/// when we guessed: an encoding the caller forced, or a BOM, is obeyed. `c0`: `(n, controls)`
/// where the C0 and DEL controls of the text's first `n` bytes (all of it where `n` is no less
/// than its length) were already counted (on the bytes it was decoded from).
pub(super) fn check_decoded(text: &str, from: EncodingFrom, c0: Option<(usize, usize)>) -> Result<(), CoreError> {
    // Over the UTF-8 bytes rather than chars: a C0 control or DEL is its own byte, a C1
    // control is C2 80..C2 9F, U+FFFD is EF BF BD; every non-continuation byte starts a char.
    let b = text.as_bytes();
    // Controls and U+FFFD of a prefix of the text (the C0 and DEL controls of its first `n`
    // bytes as counted already).
    let counts = |head: &[u8]| {
        let c1 = memchr::memchr_iter(0xC2, head).filter(|&i| matches!(head.get(i + 1), Some(0x80..=0x9F))).count();
        let c0 = match c0.map(|(n, c)| (n.min(b.len()), c)) {
            Some((n, c)) if n <= head.len() => c + count_bytes(&head[n..], is_control_byte),
            _ => count_bytes(head, is_control_byte),
        };
        (c0 + c1, memchr::memmem::find_iter(head, "\u{fffd}".as_bytes()).count())
    };
    // The first 4 × WINDOW bytes hold the first WINDOW chars, so they hold no fewer controls
    // nor U+FFFD: under the 16 both rules need there, the text passes without a count of
    // where its WINDOW-th char ends (most text; that count was a pass over every byte).
    let (controls, replaced) = counts(&b[..b.len().min(4 * WINDOW)]);
    if controls < 16 && replaced < 16 {
        return Ok(());
    }
    // The first WINDOW chars (no more bytes than that means no more chars).
    let (head, chars) = head_chars(b, WINDOW);
    let (controls, replaced) = counts(head);
    if too_many_controls(controls, chars) || (from == EncodingFrom::Detected && replaced >= 16 && replaced * 4 > chars)
    {
        return Err(CoreError::UnsupportedFormat(BINARY_DATA.to_string()));
    }
    Ok(())
}
