//! Word's automatic numbering (`word/numbering.xml`): the `一、` / `（二）` / `3.` that Word
//! draws before a numbered paragraph but does not store in its text. Headings and table-3 row
//! labels of many reports are numbered this way; without the marks the outline loses its
//! section numbers.
//!
//! A paragraph is numbered by its own `w:numPr` or by its style's (`word/styles.xml`). Each
//! numbering instance (`w:num`) counts per level from its level's `w:start`; a level's count
//! restarts when a lower level (a higher heading) advances. The mark is the level's
//! `w:lvlText` with `%n` replaced by level n's count in level n's format. Bullets and formats
//! not listed here give no mark.

use super::xml::{attr, Event, Reader};
use crate::hashing::FastMap;

/// Levels a list may have (Word's maximum).
const LEVELS: usize = 9;
/// Largest count drawn; anything beyond is a damaged file.
const MAX_COUNT: u32 = 10_000;

#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

/// The numbering definitions and the counts drawn so far, in document order.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    /// `w:num` id → its abstract definition's levels.
    nums: FastMap<String, Vec<Level>>,
    /// Style id → `(numId, ilvl)` of the style's numbering.
    styles: FastMap<String, (String, usize)>,
    counts: FastMap<String, [u32; LEVELS]>,
}

impl Numbering {
    /// Reads `numbering.xml` and `styles.xml` (either may be missing).
    pub(super) fn new(numbering: Option<&str>, styles: Option<&str>) -> Numbering {
        let mut n = Numbering::default();
        if let Some(xml) = numbering {
            n.read_numbering(xml);
        }
        if let Some(xml) = styles {
            n.read_styles(xml);
        }
        n
    }

    fn read_numbering(&mut self, xml: &str) {
        let mut abstracts: FastMap<String, Vec<Level>> = FastMap::default();
        let mut current: Option<(String, Vec<Level>)> = None;
        let mut level: Option<usize> = None;
        let mut num: Option<String> = None;
        let mut num_links: Vec<(String, String)> = Vec::new();
        for ev in Reader::new(xml) {
            match ev {
                Event::Start("abstractNum", a, false) => {
                    current = attr(a, "abstractNumId").map(|id| (id, vec![Level::default(); LEVELS]));
                }
                Event::End("abstractNum") => {
                    if let Some((id, levels)) = current.take() {
                        abstracts.insert(id, levels);
                    }
                }
                Event::Start("lvl", a, false) => {
                    level = attr(a, "ilvl").and_then(|v| v.parse::<usize>().ok()).filter(|&l| l < LEVELS);
                }
                Event::End("lvl") => level = None,
                Event::Start(name @ ("start" | "numFmt" | "lvlText"), a, _) => {
                    let (Some((_, levels)), Some(l)) = (current.as_mut(), level) else { continue };
                    let v = attr(a, "val").unwrap_or_default();
                    match name {
                        "start" => levels[l].start = v.parse().unwrap_or(1).min(MAX_COUNT),
                        "numFmt" => levels[l].format = v,
                        _ => levels[l].text = v,
                    }
                }
                Event::Start("num", a, false) => num = attr(a, "numId"),
                Event::End("num") => num = None,
                Event::Start("abstractNumId", a, _) => {
                    if let (Some(id), Some(v)) = (num.as_ref(), attr(a, "val")) {
                        num_links.push((id.clone(), v));
                    }
                }
                _ => {}
            }
        }
        for (num, abs) in num_links {
            if let Some(levels) = abstracts.get(&abs) {
                self.nums.insert(num, levels.clone());
            }
        }
    }

    fn read_styles(&mut self, xml: &str) {
        let mut style: Option<String> = None;
        let mut num: Option<(Option<String>, usize)> = None;
        for ev in Reader::new(xml) {
            match ev {
                Event::Start("style", a, false) => {
                    style = attr(a, "styleId");
                    num = None;
                }
                Event::Start("numId", a, _) if style.is_some() => {
                    num.get_or_insert((None, 0)).0 = attr(a, "val");
                }
                Event::Start("ilvl", a, _) if style.is_some() => {
                    num.get_or_insert((None, 0)).1 = attr(a, "val").and_then(|v| v.parse().ok()).unwrap_or(0);
                }
                Event::End("style") => {
                    if let (Some(s), Some((Some(id), l))) = (style.take(), num.take()) {
                        self.styles.insert(s, (id, l.min(LEVELS - 1)));
                    }
                }
                _ => {}
            }
        }
    }

    /// Whether any numbering is defined.
    pub(super) fn is_empty(&self) -> bool {
        self.nums.is_empty()
    }

    /// The mark of the next paragraph numbered `(num_id, ilvl)` (its own `w:numPr`, or its
    /// style's when it has none), counting it.
    pub(super) fn next(&mut self, num_id: Option<&str>, ilvl: Option<usize>, style: Option<&str>) -> Option<String> {
        let (id, level) = if let Some(id) = num_id {
            (id.to_string(), ilvl.unwrap_or(0).min(LEVELS - 1))
        } else {
            let (id, l) = self.styles.get(style?)?;
            (id.clone(), ilvl.map_or(*l, |i| i.min(LEVELS - 1)))
        };
        let levels = self.nums.get(&id)?;
        let counts = self.counts.entry(id.clone()).or_insert([0; LEVELS]);
        counts[level] =
            if counts[level] == 0 { levels[level].start.max(1) } else { (counts[level] + 1).min(MAX_COUNT) };
        for lower in counts.iter_mut().skip(level + 1) {
            *lower = 0;
        }
        let counts = *counts;
        let text = &levels[level].text;
        if levels[level].format == "bullet" || levels[level].format == "none" || text.is_empty() {
            return None;
        }
        let mut out = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%' {
                if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)).filter(|d| (1..=9).contains(d)) {
                    chars.next();
                    let l = d as usize - 1;
                    let n = if counts[l] == 0 { levels[l].start.max(1) } else { counts[l] };
                    out.push_str(&draw(n, &levels[l].format)?);
                    continue;
                }
            }
            out.push(c);
        }
        Some(out)
    }
}

/// A count in a numbering format.
fn draw(n: u32, format: &str) -> Option<String> {
    Some(match format {
        "decimal" | "" => n.to_string(),
        "decimalZero" => format!("{n:02}"),
        "decimalFullWidth" | "decimalFullWidth2" => {
            n.to_string().chars().map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c)).collect()
        }
        "chineseCounting"
        | "chineseCountingThousand"
        | "ideographDigital"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand" => chinese(n)?,
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1)?.to_string()
        }
        "upperLetter" | "lowerLetter" => {
            let base = if format == "upperLetter" { b'A' } else { b'a' };
            let k = ((n - 1) % 26) as u8;
            String::from(char::from(base + k)).repeat(((n - 1) / 26 + 1) as usize)
        }
        "upperRoman" | "lowerRoman" => {
            let r = roman(n)?;
            if format == "lowerRoman" {
                r.to_lowercase()
            } else {
                r
            }
        }
        _ => return None,
    })
}

/// 一 … 九十九 (what Word's Chinese counting draws below 100).
fn chinese(n: u32) -> Option<String> {
    const D: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    Some(match n {
        0..=9 => D[n as usize].to_string(),
        10..=19 => format!("十{}", if n == 10 { String::new() } else { D[(n % 10) as usize].to_string() }),
        20..=99 => {
            format!(
                "{}十{}",
                D[(n / 10) as usize],
                if n.is_multiple_of(10) { String::new() } else { D[(n % 10) as usize].to_string() }
            )
        }
        _ => return None,
    })
}

fn roman(mut n: u32) -> Option<String> {
    if n == 0 || n >= 4000 {
        return None;
    }
    let table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in table {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering>
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
      <w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num>
    </w:numbering>"#;
    const STYLES: &str = r#"<w:styles><w:style w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style></w:styles>"#;

    #[test]
    fn marks_count_per_level_and_restart_below() {
        let mut n = Numbering::new(Some(NUMBERING), Some(STYLES));
        assert_eq!(n.next(Some("5"), Some(0), None).as_deref(), Some("一、"));
        assert_eq!(n.next(Some("5"), Some(1), None).as_deref(), Some("（一）"));
        assert_eq!(n.next(Some("5"), Some(1), None).as_deref(), Some("（二）"));
        assert_eq!(n.next(Some("5"), Some(2), None).as_deref(), Some("1."));
        // The style's numbering, the same instance: 二、, and its sub-levels restart.
        assert_eq!(n.next(None, None, Some("Heading1")).as_deref(), Some("二、"));
        assert_eq!(n.next(Some("5"), Some(1), None).as_deref(), Some("（一）"));
        assert_eq!(n.next(Some("6"), Some(0), None), None);
        assert_eq!(n.next(Some("99"), Some(0), None), None);
        assert_eq!(chinese(12).as_deref(), Some("十二"));
        assert_eq!(chinese(40).as_deref(), Some("四十"));
        assert_eq!(draw(14, "upperRoman").as_deref(), Some("XIV"));
    }
}
