//! A set of characters for per-character tests on hot paths: one bit per BMP
//! character, and a sorted list for the few astral ones.

#[derive(Clone)]
pub(crate) struct CharSet {
    bmp: Vec<u64>,
    astral: Vec<char>,
}

impl CharSet {
    /// The set of `chars`.
    pub(crate) fn of(chars: impl IntoIterator<Item = char>) -> CharSet {
        let mut bmp = vec![0u64; 0x10000 / 64];
        let mut astral = Vec::new();
        for c in chars {
            let u = c as usize;
            if u < 0x10000 {
                bmp[u >> 6] |= 1 << (u & 63);
            } else {
                astral.push(c);
            }
        }
        astral.sort_unstable();
        astral.dedup();
        CharSet { bmp, astral }
    }

    /// The set of the BMP characters for which `f` holds (astral ones are never in it).
    pub(crate) fn bmp_where(f: impl Fn(char) -> bool) -> CharSet {
        CharSet::of((0..0x10000u32).filter_map(char::from_u32).filter(|&c| f(c)))
    }

    /// Whether the set holds the three-byte UTF-8 character `lead second third`, read off its
    /// bytes without decoding it.
    #[inline]
    pub(crate) fn holds_three_byte(&self, lead: u8, second: u8, third: u8) -> bool {
        let u = usize::from(lead & 0x0F) << 12 | usize::from(second & 0x3F) << 6 | usize::from(third & 0x3F);
        (self.bmp[u >> 6] >> (u & 63)) & 1 == 1
    }

    #[inline]
    pub(crate) fn contains(&self, c: char) -> bool {
        let u = c as usize;
        if u < 0x10000 {
            (self.bmp[u >> 6] >> (u & 63)) & 1 == 1
        } else {
            self.astral.binary_search(&c).is_ok()
        }
    }
}

/// `char::is_whitespace`, answered for most characters by two comparisons: the standard
/// one looks every character past ASCII (each Han character of a report) up in a table.
#[inline]
pub(crate) fn is_whitespace(c: char) -> bool {
    match c as u32 {
        0x20 | 0x09..=0x0D => true,
        // Below NEL, and past the ideographic space (Han, full-width forms): none.
        u if !(0x85..=0x3000).contains(&u) => false,
        u => matches!(u, 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000),
    }
}

/// The byte length of the UTF-8 character that starts with `lead`: one look-up (the three
/// comparisons it stands for, `1 + (lead >= 0xC0) + (lead >= 0xE0) + (lead >= 0xF0)`, took
/// six instructions on every character of the walks that step over Han).
#[inline]
pub(crate) fn utf8_len(lead: u8) -> usize {
    usize::from(UTF8_LEN[usize::from(lead)])
}

static UTF8_LEN: [u8; 256] = {
    let mut t = [1u8; 256];
    let mut i = 0xC0;
    while i < 256 {
        t[i] = if i >= 0xF0 {
            4
        } else if i >= 0xE0 {
            3
        } else {
            2
        };
        i += 1;
    }
    t
};

/// Whether a character whose UTF-8 starts with `lead` may be whitespace (`is_whitespace`):
/// ASCII whitespace, and the lead bytes C2, E1, E2, E3 of all other whitespace (never Han).
#[inline]
pub(crate) fn may_start_whitespace(lead: u8) -> bool {
    matches!(lead, b' ' | 0x09..=0x0D | 0xC2 | 0xE1 | 0xE2 | 0xE3)
}

/// The characters of `s` that are ASCII or whose lead byte `decode` accepts, with their byte
/// offsets; every other character is passed over byte by byte, undecoded. For a walk that
/// only acts on a few characters (none of them Han).
///
/// Every byte is looked at, continuation bytes (0x80–0xBF, never ASCII nor a lead byte)
/// passed over, a three-byte character's two at once: stepping from lead byte to lead byte
/// by each one's length (loaded) made every step wait for the load of the byte before it
/// (a chain of dependent loads through the text), where a byte at a time, or three bytes by
/// a branch on the lead byte, the loads are independent and run ahead.
pub(crate) fn chars_led<'a>(s: &'a str, decode: impl Fn(u8) -> bool + 'a) -> impl Iterator<Item = (usize, char)> + 'a {
    let b = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(&x) = b.get(i) {
            let at = i;
            i += 1;
            if x < 0x80 {
                return Some((at, char::from(x)));
            }
            if x >= 0xC0 && decode(x) {
                let c = s[at..].chars().next()?;
                i = at + c.len_utf8();
                return Some((at, c));
            }
            // A three-byte character passed over (Han, most of a report) is passed whole: its
            // length told by a branch on its lead byte, not loaded, so the loads still run ahead.
            if (0xE0..0xF0).contains(&x) {
                i = at + 3;
            }
        }
        None
    })
}

/// The first whitespace character of `s` (`is_whitespace`): its byte offset and itself.
/// Only ASCII and the characters that may be whitespace by their lead byte are decoded.
pub(crate) fn find_whitespace(s: &str) -> Option<(usize, char)> {
    chars_led(s, may_start_whitespace).find(|&(_, c)| is_whitespace(c))
}

/// `h.contains(w)` without the searcher `str::contains` sets up on every call, for short
/// haystacks searched for a few fixed words (a grid row's text, an element's classes):
/// candidates by the word's last byte, each compared whole. A match of valid UTF-8 in valid
/// UTF-8 starts on a character, so byte matches are the string's.
pub(crate) fn has_short(h: &str, w: &str) -> bool {
    let (hb, wb) = (h.as_bytes(), w.as_bytes());
    let Some(&last) = wb.last() else { return true };
    let n = wb.len();
    let mut from = n - 1;
    while from < hb.len() {
        let Some(k) = memchr::memchr(last, &hb[from..]) else { return false };
        let end = from + k;
        if &hb[end + 1 - n..=end] == wb {
            return true;
        }
        from = end + 1;
    }
    false
}

/// `s.split('\n')`, the line breaks found by `memchr` (SIMD) rather than the standard
/// searcher's byte loop: every piece, the empty ones between consecutive breaks and the
/// one after a final break included.
pub(crate) fn split_newlines(s: &str) -> impl Iterator<Item = &str> + '_ {
    let mut breaks = memchr::memchr_iter(b'\n', s.as_bytes());
    let mut from = Some(0usize);
    std::iter::from_fn(move || {
        let start = from?;
        if let Some(nl) = breaks.next() {
            from = Some(nl + 1);
            Some(&s[start..nl])
        } else {
            from = None;
            Some(&s[start..])
        }
    })
}

/// `s.lines()` by [`split_newlines`]: no piece after a final line break (none for empty
/// text), and one `\r` before a line's break dropped (`\r\n` ends a line; a lone `\r`
/// does not, nor one ending the text without a break after it).
pub(crate) fn lines(s: &str) -> impl Iterator<Item = &str> + '_ {
    let mut breaks = memchr::memchr_iter(b'\n', s.as_bytes());
    let mut from = 0usize;
    std::iter::from_fn(move || {
        if from >= s.len() {
            return None;
        }
        let start = from;
        if let Some(nl) = breaks.next() {
            from = nl + 1;
            let line = &s[start..nl];
            Some(line.strip_suffix('\r').unwrap_or(line))
        } else {
            from = s.len();
            Some(&s[start..])
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_short_is_contains() {
        let hay = ["", "a", "nav", "msonormal", "top-nav x", "第二十条第（九）项", "行政复议行政诉讼", "aab"];
        let words = ["", "nav", "a", "ab", "第二十条", "行政诉讼", "诉讼x", "b", "msonormal!"];
        for h in hay {
            for w in words {
                assert_eq!(has_short(h, w), h.contains(w), "{h:?} {w:?}");
            }
        }
    }

    #[test]
    fn utf8_len_is_the_comparisons() {
        for x in 0..=255u8 {
            let want = 1 + usize::from(x >= 0xC0) + usize::from(x >= 0xE0) + usize::from(x >= 0xF0);
            assert_eq!(utf8_len(x), want, "{x:#x}");
        }
    }

    #[test]
    fn find_whitespace_finds_the_first_whitespace_char() {
        let every: String = (0..=0x3100u32).chain([0x4E00, 0xFF0C, 0x1F600]).filter_map(char::from_u32).collect();
        for c in every.chars() {
            for s in [format!("政{c}府 "), format!("{c}"), format!("ab{c}"), format!("政府{c}\u{3000}")] {
                assert_eq!(find_whitespace(&s), s.char_indices().find(|(_, c)| c.is_whitespace()), "{s:?}");
            }
        }
        assert_eq!(find_whitespace(""), None);
        let marks: Vec<(usize, char)> = chars_led(&every, |b| b == 0xE3).collect();
        let want: Vec<(usize, char)> =
            every.char_indices().filter(|&(_, c)| c.is_ascii() || c.to_string().as_bytes()[0] == 0xE3).collect();
        assert_eq!(marks, want);
        assert_eq!(find_whitespace(&every), every.char_indices().find(|(_, c)| c.is_whitespace()));
    }

    #[test]
    fn whitespace_as_the_standard_library_says() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_whitespace(c), c.is_whitespace(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn membership_in_and_beyond_the_bmp() {
        let s = CharSet::of(['政', 'a', '𠀀', '𠀀', '\u{FFFF}']);
        for c in ['政', 'a', '𠀀', '\u{FFFF}'] {
            assert!(s.contains(c), "{c}");
        }
        for c in ['府', 'b', '𠀁', '\0'] {
            assert!(!s.contains(c), "{c}");
        }
        for c in ['政', '一', '\u{800}', '\u{FFFF}', 'a'] {
            let one = CharSet::of([c]);
            for d in (0x800..=0xFFFFu32).filter_map(char::from_u32) {
                let b = d.to_string().into_bytes();
                assert_eq!(one.holds_three_byte(b[0], b[1], b[2]), c == d, "{c} {d}");
            }
        }
        let digits = CharSet::bmp_where(|c| c.is_ascii_digit());
        assert!(digits.contains('7') && !digits.contains('x') && !digits.contains('𠀀'));
    }

    #[test]
    fn newline_splits_are_the_standard_ones() {
        let texts = [
            "",
            "\n",
            "\n\n",
            "a",
            "a\n",
            "a\nb",
            "a\n\nb\n\n",
            "一、总体情况\r\n共收到申请\r\n\r\n12件",
            "a\r",
            "a\r\r\nb\rc\n\r",
            "\r\n",
            "行\n",
        ];
        for t in texts {
            assert_eq!(split_newlines(t).collect::<Vec<_>>(), t.split('\n').collect::<Vec<_>>(), "{t:?}");
            assert_eq!(lines(t).collect::<Vec<_>>(), t.lines().collect::<Vec<_>>(), "{t:?}");
        }
    }
}
