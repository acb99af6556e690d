//! The script vote: Simplified, Traditional or mixed, from the distinct Traditional-only
//! characters among the Han characters of the whole document.

use super::Script;

/// Han characters seen, and how many of them are Traditional-only.
#[derive(Default)]
pub(super) struct Counts {
    pub(super) han: usize,
    pub(super) trad: usize,
    /// The first few distinct Traditional-only characters (a name repeated
    /// ten times is still one character).
    pub(super) distinct: [char; MIN_DISTINCT_TRAD],
    pub(super) n_distinct: usize,
}

/// Distinct Traditional-only characters needed before a document counts as
/// anything but Simplified.
pub(super) const MIN_DISTINCT_TRAD: usize = 3;

impl Counts {
    #[inline]
    pub(super) fn add_trad(&mut self, c: char) {
        self.trad += 1;
        if self.n_distinct < MIN_DISTINCT_TRAD && !self.distinct[..self.n_distinct].contains(&c) {
            self.distinct[self.n_distinct] = c;
            self.n_distinct += 1;
        }
    }

    pub(super) fn script(&self) -> Script {
        classify(self.han, self.trad, self.n_distinct)
    }
}

/// Traditional: at least 5% of the Han characters are Traditional-only (a
/// converted page runs at 15–30%). Mixed: at least 0.5%. Either needs
/// `MIN_DISTINCT_TRAD` distinct such characters, so a Simplified report that
/// prints 於 in a name stays Simplified.
pub(super) fn classify(han: usize, trad: usize, distinct: usize) -> Script {
    if trad == 0 || distinct < MIN_DISTINCT_TRAD {
        Script::Simplified
    } else if trad * 20 >= han {
        Script::Traditional
    } else if trad * 200 >= han {
        Script::Mixed
    } else {
        Script::Simplified
    }
}

#[inline]
pub(super) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{323AF}')
}
