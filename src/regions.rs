//! GB/T 2260 administrative divisions, embedded (`data/divisions/adcodes.csv`,
//! MIT licence beside it): codes → names, and names found in titles.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::model::Region;

const ADCODES: &str = include_str!("data/divisions/adcodes.csv");

struct Table {
    /// 6-digit code → name.
    by_code: HashMap<u32, &'static str>,
    /// name → codes (names repeat: 鼓楼区, 朝阳区).
    by_name: HashMap<&'static str, Vec<u32>>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut by_code = HashMap::new();
    let mut by_name: HashMap<&'static str, Vec<u32>> = HashMap::new();
    for line in ADCODES.lines().skip(1) {
        let mut it = line.split(',');
        let (Some(code), Some(name)) = (it.next(), it.next()) else { continue };
        let Some(c6) = code.get(..6).and_then(|c| c.parse::<u32>().ok()) else { continue };
        if name.is_empty() {
            continue;
        }
        by_code.entry(c6).or_insert(name);
        by_name.entry(name).or_default().push(c6);
    }
    for v in by_name.values_mut() {
        v.sort_unstable();
        v.dedup();
    }
    Table { by_code, by_name }
});

/// The region of a 6-digit division code, with its province and city.
pub(crate) fn by_code(code: &str) -> Option<Region> {
    let c: u32 = code.get(..6)?.parse().ok()?;
    let t = &*TABLE;
    let name = |c: u32| t.by_code.get(&c).map(std::string::ToString::to_string);
    let own = t.by_code.get(&c)?;
    let province = name(c / 10000 * 10000);
    let (city, county) = if c.is_multiple_of(10000) {
        (None, None)
    } else if c.is_multiple_of(100) {
        (Some(own.to_string()), None)
    } else {
        (name(c / 100 * 100), Some(own.to_string()))
    };
    Some(Region { code: format!("{c:06}"), province, city, county })
}

/// Suffixes that end a division name (used to find names in text quickly).
const NAME_ENDS: &[char] = &['省', '市', '区', '县', '旗', '州', '盟'];

/// The most specific division named in `text` (a title or agency name). A name
/// used by several divisions counts only when its parent's name is in `text` too.
/// Only the longest name ending at a place counts (`吴中区`, not the `中区` it ends with), and a
/// name of two characters only where a name may start (`攀枝花市东区`, not `产业集中区`); among
/// names of one depth, one under another name found wins (`苏州市…区` over a namesake elsewhere).
pub(crate) fn by_name(text: &str) -> Option<Region> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found: Vec<u32> = Vec::new();
    for (k, &(_, c)) in chars.iter().enumerate() {
        if NAME_ENDS.contains(&c) {
            if let Some(code) = name_ending_at(text, &chars, k) {
                found.push(code);
            }
        }
    }
    let depth = |code: u32| {
        if code.is_multiple_of(10000) {
            1
        } else if code.is_multiple_of(100) {
            2
        } else {
            3
        }
    };
    let under = |code: u32| {
        let parents = [code / 100 * 100, code / 10000 * 10000];
        found.iter().filter(|&&f| f != code && parents.contains(&f)).count()
    };
    // (The first found among equals, as the text names them.)
    let best = found.iter().copied().rev().max_by_key(|&c| (depth(c), under(c)));
    best.and_then(|c| by_code(&format!("{c:06}")))
}

/// The division whose name is the longest in the table ending at character `k` of `text` (a
/// name used by several divisions picked by its parent's name in `text`), if any.
fn name_ending_at(text: &str, chars: &[(usize, char)], k: usize) -> Option<u32> {
    let t = &*TABLE;
    let (bi, c) = chars[k];
    let end = bi + c.len_utf8();
    // Names are 2–10 characters long.
    let (start, name, codes) = (2..=10usize.min(k + 1)).rev().find_map(|len| {
        let start = k + 1 - len;
        let name = &text[chars[start].0..end];
        t.by_name.get(name).map(|codes| (start, name, codes))
    })?;
    let two = name.chars().count() == 2;
    let at_start = start == 0 || {
        let p = chars[start - 1].1;
        NAME_ENDS.contains(&p) || !('\u{4e00}'..='\u{9fff}').contains(&p)
    };
    if two && !at_start {
        return None;
    }
    if codes.len() == 1 || codes.iter().all(|c| c / 10000 == codes[0] / 10000) {
        // One division, or a municipality listed as province and city (上海市).
        return Some(codes[0]);
    }
    codes.iter().copied().find(|&code| {
        let parent = if code.is_multiple_of(100) { code / 10000 * 10000 } else { code / 100 * 100 };
        t.by_code.get(&parent).is_some_and(|p| *p != name && text.contains(p))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_lookup_gives_the_hierarchy() {
        let r = by_code("330702").unwrap();
        assert_eq!(r.code, "330702");
        assert_eq!(r.province.as_deref(), Some("浙江省"));
        assert_eq!(r.city.as_deref(), Some("金华市"));
        assert_eq!(r.county.as_deref(), Some("婺城区"));
        let r = by_code("310000").unwrap();
        assert_eq!((r.province.as_deref(), r.city, r.county), (Some("上海市"), None, None));
        assert!(by_code("999999").is_none());
        assert!(by_code("12").is_none());
    }

    #[test]
    fn names_in_titles() {
        assert_eq!(by_name("金华市婺城区琅琊镇2010年").map(|r| r.code), Some("330702".into()));
        assert_eq!(by_name("攀枝花市东区2011年").map(|r| r.code), Some("510402".into()));
        assert_eq!(by_name("上海市人民政府办公厅").map(|r| r.code), Some("310000".into()));
        // 鼓楼区 exists in several cities: without a parent it is not guessed.
        assert_eq!(by_name("鼓楼区政府").map(|r| r.code), None);
        assert_eq!(by_name("福州市鼓楼区政府").map(|r| r.code), Some("350102".into()));
        assert_eq!(by_name(""), None);
    }

    #[test]
    fn a_name_is_not_the_tail_of_a_longer_one() {
        let cases = [
            ("苏州市吴中区人力资源和社会保障局", "320506"),
            ("吴中区人民政府", "320506"),
            ("重庆市渝中区民政局", "500103"),
            ("济南市市中区人民政府", "370103"),
            ("济南市中区人民政府", "370103"),
            ("乐山市市中区财政局", "511102"),
            ("内江市市中区教育局", "511002"),
            ("枣庄市市中区人民政府", "370402"),
            ("西宁市城中区人民政府", "630103"),
            ("柳州市城中区人民政府", "450202"),
        ];
        for (text, code) in cases {
            assert_eq!(by_name(text).map(|r| r.code).as_deref(), Some(code), "{text}");
        }
        // (市中区 names four counties: without its city none is guessed, nor the 中区 it ends with.)
        assert_eq!(by_name("市中区人民政府").map(|r| r.code), None);
        assert_eq!(by_name("某产业集中区管委会").map(|r| r.code), None);
    }
}
