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

/// The first whitespace character of `s` (`is_whitespace`): its byte offset and itself.
/// Read by lead byte: only ASCII whitespace and the characters whose UTF-8 starts with C2,
/// E1, E2 or E3 (where all other whitespace lies) are decoded; Han is stepped over whole.
pub(crate) fn find_whitespace(s: &str) -> Option<(usize, char)> {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        match x {
            b' ' | 0x09..=0x0D => return Some((i, char::from(x))),
            0xC2 | 0xE1 | 0xE2 | 0xE3 => {
                if let Some(c) = s[i..].chars().next().filter(|&c| is_whitespace(c)) {
                    return Some((i, c));
                }
            }
            _ => {}
        }
        i += 1 + usize::from(x >= 0xC0) + usize::from(x >= 0xE0) + usize::from(x >= 0xF0);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_whitespace_finds_the_first_whitespace_char() {
        let every: String = (0..=0x3100u32).chain([0x4E00, 0xFF0C, 0x1F600]).filter_map(char::from_u32).collect();
        for c in every.chars() {
            for s in [format!("政{c}府 "), format!("{c}"), format!("ab{c}"), format!("政府{c}\u{3000}")] {
                assert_eq!(find_whitespace(&s), s.char_indices().find(|(_, c)| c.is_whitespace()), "{s:?}");
            }
        }
        assert_eq!(find_whitespace(""), None);
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
        let digits = CharSet::bmp_where(|c| c.is_ascii_digit());
        assert!(digits.contains('7') && !digits.contains('x') && !digits.contains('𠀀'));
    }
}
