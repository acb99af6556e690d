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
    /// What each BMP character starts, one look-up (`Start::of`): nothing (most Simplified
    /// text), a character of its own only (most Traditional characters, replaced without a
    /// list to search), or a list of entries, `lists[k]` at `k + 1`.
    bmp: Vec<u32>,
    /// Entries by first character, longest source first: `(source, target, whether the
    /// target is the source)`. An astral character's list is `lists[astral[c]]`.
    lists: Vec<Vec<Entry>>,
    astral: FastMap<char, usize>,
}

/// A BMP character's entry of `Converter::bmp` that is the one-character target its
/// character alone maps to (and no phrase starts with), flagged by this bit (above every
/// character; a list's number never reaches it).
const ONE_CHAR: u32 = 1 << 31;

/// What a character starts.
enum Start<'a> {
    Nothing,
    /// The character alone, replaced by this one.
    OneChar(char),
    Entries(&'a [Entry]),
}

type Entry = (&'static str, &'static str, bool);

/// The `Converter::bmp` entry of a character replaced by `target` alone, if `target` is one
/// character.
fn one_char(target: &str) -> Option<u32> {
    let mut chars = target.chars();
    match (chars.next(), chars.next()) {
        (Some(t), None) => Some(ONE_CHAR | t as u32),
        _ => None,
    }
}

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
        let (mut lists, mut bmp, mut astral) = (Vec::new(), vec![0u32; 0x10000], FastMap::default());
        for (c, list) in entries {
            let one_char = match list.as_slice() {
                [(source, target)] if source.chars().count() == 1 && source != target => one_char(target),
                _ => None,
            };
            let k = lists.len();
            lists.push(list.into_iter().map(|(source, target)| (source, target, source == target)).collect());
            if (c as u32) < 0x10000 {
                bmp[c as usize] = one_char.unwrap_or_else(|| u32::try_from(k + 1).expect("a few thousand lists"));
            } else {
                astral.insert(c, k);
            }
        }
        Converter { bmp, lists, astral }
    }

    /// What sources starting with `c` there are.
    #[inline]
    fn start(&self, c: char) -> Start<'_> {
        let k = match self.bmp.get(c as usize) {
            Some(&0) => return Start::Nothing,
            Some(&n) if n & ONE_CHAR != 0 => {
                return char::from_u32(n & !ONE_CHAR).map_or(Start::Nothing, Start::OneChar);
            }
            Some(&n) => n as usize - 1,
            None => match self.astral.get(&c) {
                Some(&k) => k,
                None => return Start::Nothing,
            },
        };
        self.lists.get(k).map_or(Start::Nothing, |list| Start::Entries(list))
    }

    pub(super) fn convert_into(&self, s: &str, dst: &mut String) {
        let mut copied = 0usize;
        let mut iter = s.char_indices();
        while let Some((i, c)) = iter.next() {
            if c.is_ascii() {
                continue;
            }
            let list = match self.start(c) {
                Start::Nothing => continue,
                Start::OneChar(t) => {
                    dst.push_str(&s[copied..i]);
                    dst.push(t);
                    copied = i + c.len_utf8();
                    continue;
                }
                Start::Entries(list) => list,
            };
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
