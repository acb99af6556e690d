//! Traditional → Simplified with OpenCC's `TSPhrases` + `TSCharacters` tables
//! (leftmost-longest, first candidate), and the set of Traditional-only characters.

use std::sync::LazyLock;

use crate::charset::CharSet;
use crate::hashing::FastMap;

/// OpenCC's character table; `gongkai._core.ts_characters()` exports it (the Big5 renderings of
/// `gongkai.eval` turn Simplified back into Traditional with it).
pub const TS_CHARACTERS: &str = include_str!("../data/opencc/TSCharacters.txt");
pub(super) const TS_PHRASES: &str = include_str!("../data/opencc/TSPhrases.txt");

/// Taiwan-vocabulary phrases of the report's own terms → the mainland terms (DOMAIN §8.4).
pub(super) const DOMAIN_PHRASES: [(&str, &str); 3] =
    [("政府資訊", "政府信息"), ("資訊公開", "信息公开"), ("資訊與政務公開", "信息与政务公开")];

/// `(source, first target)` of each `source\ttarget1 target2…` line.
pub(super) fn table_entries(table: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    table.lines().filter_map(|line| {
        let (source, targets) = line.split_once('\t')?;
        let first = targets.split_whitespace().next()?;
        (!source.is_empty()).then_some((source, first))
    })
}

/// The T→S converter: leftmost-longest over phrases and characters, as OpenCC
/// does. Every source is filed under its first character, longest first (ties in
/// table order), so a scan looks only at the entries of the character it stands
/// on, and copies runs of characters that start no entry in one piece.
pub(super) struct Converter {
    /// Characters that start some source.
    pub(super) starts: CharSet,
    /// Entries by first character, longest source first: `(source, target, whether the
    /// target is the source)`. A BMP character's list is `lists[slot[c] - 1]` (slot 0: none),
    /// an astral one's `lists[astral[c]]`: one look-up where a hash map took a hash and a probe.
    lists: Vec<Vec<Entry>>,
    slot: Vec<u16>,
    astral: FastMap<char, usize>,
}

type Entry = (&'static str, &'static str, bool);

impl Converter {
    pub(super) fn build() -> Converter {
        let mut all: Vec<(&'static str, &'static str)> = Vec::with_capacity(4400);
        // Phrases first and all of them, identity entries included: 乾隆 → 乾隆
        // is what keeps 乾 from becoming 干 there.
        all.extend(table_entries(TS_PHRASES));
        // Pages converted with Taiwan vocabulary (OpenCC s2twp) write 政府資訊 for
        // 政府信息; the statutory labels are only found under the mainland term.
        all.extend(DOMAIN_PHRASES);
        all.extend(table_entries(TS_CHARACTERS).filter(|(source, target)| source != target));
        let mut entries: FastMap<char, Vec<(&'static str, &'static str)>> = FastMap::default();
        for (source, target) in all {
            let Some(first) = source.chars().next() else { continue };
            entries.entry(first).or_default().push((source, target));
        }
        for list in entries.values_mut() {
            // Stable: equal lengths keep table order, as the first entry wins.
            list.sort_by_key(|(source, _)| std::cmp::Reverse(source.len()));
        }
        let starts = CharSet::of(entries.keys().copied());
        let (mut lists, mut slot, mut astral) = (Vec::new(), vec![0u16; 0x10000], FastMap::default());
        for (c, list) in entries {
            let k = lists.len();
            lists.push(list.into_iter().map(|(source, target)| (source, target, source == target)).collect());
            match u16::try_from(k + 1) {
                Ok(n) if (c as u32) < 0x10000 => slot[c as usize] = n,
                _ => {
                    astral.insert(c, k);
                }
            }
        }
        Converter { starts, lists, slot, astral }
    }

    /// The entries of sources starting with `c`.
    #[inline]
    fn list(&self, c: char) -> Option<&[Entry]> {
        let k = match self.slot.get(c as usize) {
            Some(&n) => usize::from(n).checked_sub(1),
            None => None,
        };
        let k = match k {
            Some(k) => k,
            None => *self.astral.get(&c)?,
        };
        self.lists.get(k).map(Vec::as_slice)
    }

    pub(super) fn convert_into(&self, s: &str, dst: &mut String) {
        let mut copied = 0usize;
        let mut iter = s.char_indices();
        while let Some((i, c)) = iter.next() {
            if c.is_ascii() || !self.starts.contains(c) {
                continue;
            }
            let Some(list) = self.list(c) else { continue };
            let rest = &s[i..];
            // Every source of the list starts with `c`: one of that length matches, a longer
            // one is compared in place on its next two bytes before it is compared whole.
            let n = c.len_utf8();
            let next = |source: &str| source.bytes().skip(n).take(2).zip(rest.bytes().skip(n)).all(|(a, b)| a == b);
            let Some(&(source, target, same)) =
                list.iter().find(|(source, _, _)| source.len() == n || (next(source) && rest.starts_with(source)))
            else {
                continue;
            };
            let end = i + source.len();
            // A phrase kept as it is (乾隆) stays in the run being copied.
            if !same {
                dst.push_str(&s[copied..i]);
                dst.push_str(target);
                copied = end;
            }
            // Skip the rest of the matched source.
            while iter.offset() < end {
                iter.next();
            }
        }
        dst.push_str(&s[copied..]);
    }

    pub(super) fn convert(&self, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        self.convert_into(s, &mut out);
        out
    }
}

pub(super) static CONVERTER: LazyLock<Converter> = LazyLock::new(Converter::build);

/// Traditional-only characters: keys of `TSCharacters` whose first target differs.
pub(super) static TRAD: LazyLock<CharSet> = LazyLock::new(|| {
    CharSet::of(table_entries(TS_CHARACTERS).filter(|(source, target)| source != target).filter_map(|(source, _)| {
        let mut chars = source.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        }
    }))
});

/// Whether `c` is a Traditional-only character (one that T→S conversion changes on its own).
pub fn is_traditional(c: char) -> bool {
    TRAD.contains(c)
}

/// Whether `s` holds a Traditional-only character (one that T→S conversion changes
/// on its own), so that callers convert only when there is something to convert.
pub fn has_traditional(s: &str) -> bool {
    !s.is_ascii() && s.chars().any(|c| TRAD.contains(c))
}
