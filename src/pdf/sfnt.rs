//! The characters of an embedded TrueType font's glyphs, read from its own `cmap` table: the
//! Unicode of a composite font's glyphs where the PDF carries no ToUnicode map (subset fonts
//! keep the `cmap` entries of the glyphs they keep). Every read is bounds-checked: the font is
//! untrusted data.

use std::collections::HashMap;

/// Most character mappings read from one `cmap` subtable.
const MAX_MAPPINGS: usize = 1 << 17;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

/// The `cmap` table of an sfnt (TrueType/OpenType) font file.
fn cmap_table(font: &[u8]) -> Option<&[u8]> {
    let tables = usize::from(u16_at(font, 4)?);
    (0..tables).find_map(|i| {
        let rec = 12 + 16 * i;
        if font.get(rec..rec + 4)? != b"cmap" {
            return None;
        }
        let off = u32_at(font, rec + 8)? as usize;
        let len = u32_at(font, rec + 12)? as usize;
        font.get(off..off.checked_add(len)?)
    })
}

/// How much a character is preferred as a glyph's reading when several map to one glyph: the
/// unified ideographs and ordinary text before radicals and compatibility forms.
fn rank(c: char) -> u8 {
    match u32::from(c) {
        0x20..=0x7E | 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF => 0,
        0x2E80..=0x2FDF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F => 2,
        _ => 1,
    }
}

fn keep(out: &mut HashMap<u32, char>, gid: u32, c: char) {
    if gid == 0 || c.is_control() {
        return;
    }
    out.entry(gid)
        .and_modify(|old| {
            if (rank(c), c) < (rank(*old), *old) {
                *old = c;
            }
        })
        .or_insert(c);
}

/// Format 4 (segments of 16-bit characters).
fn format4(t: &[u8], out: &mut HashMap<u32, char>) -> Option<()> {
    let segs = usize::from(u16_at(t, 6)? / 2);
    let ends = 14;
    let starts = ends + 2 * segs + 2;
    let deltas = starts + 2 * segs;
    let offsets = deltas + 2 * segs;
    let mut n = 0usize;
    for s in 0..segs {
        let end = u16_at(t, ends + 2 * s)?;
        let start = u16_at(t, starts + 2 * s)?;
        let delta = u16_at(t, deltas + 2 * s)?;
        let ro_at = offsets + 2 * s;
        let ro = usize::from(u16_at(t, ro_at)?);
        if start > end || start == 0xFFFF {
            continue;
        }
        for c in start..=end {
            n += 1;
            if n > MAX_MAPPINGS {
                return Some(());
            }
            let gid = if ro == 0 {
                c.wrapping_add(delta)
            } else {
                let at = ro_at + ro + 2 * usize::from(c - start);
                match u16_at(t, at) {
                    Some(0) | None => continue,
                    Some(g) => g.wrapping_add(delta),
                }
            };
            if let Some(ch) = char::from_u32(u32::from(c)) {
                keep(out, u32::from(gid), ch);
            }
        }
    }
    Some(())
}

/// Format 12 (groups of 32-bit characters).
fn format12(t: &[u8], out: &mut HashMap<u32, char>) -> Option<()> {
    let groups = u32_at(t, 12)? as usize;
    let mut n = 0usize;
    for g in 0..groups {
        let at = 16 + 12 * g;
        let (first, last, gid) = (u32_at(t, at)?, u32_at(t, at + 4)?, u32_at(t, at + 8)?);
        if first > last {
            continue;
        }
        for c in first..=last {
            n += 1;
            if n > MAX_MAPPINGS {
                return Some(());
            }
            if let Some(ch) = char::from_u32(c) {
                keep(out, gid.wrapping_add(c - first), ch);
            }
        }
    }
    Some(())
}

/// Glyph number → character, from the font's Unicode `cmap` subtables (Windows Unicode BMP
/// or full repertoire, or Unicode platform); empty where the font has none.
pub(super) fn glyph_chars(font: &[u8]) -> HashMap<u32, char> {
    let mut out = HashMap::new();
    let Some(cmap) = cmap_table(font) else { return out };
    let subtables = u16_at(cmap, 2).map_or(0, usize::from);
    for i in 0..subtables {
        let rec = 4 + 8 * i;
        let (Some(platform), Some(encoding), Some(off)) =
            (u16_at(cmap, rec), u16_at(cmap, rec + 2), u32_at(cmap, rec + 4))
        else {
            break;
        };
        let unicode = platform == 0 || (platform == 3 && matches!(encoding, 1 | 10));
        let Some(t) = cmap.get(off as usize..).filter(|_| unicode) else { continue };
        match u16_at(t, 0) {
            Some(4) => format4(t, &mut out),
            Some(12) => format12(t, &mut out),
            _ => None,
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An sfnt holding only a `cmap` table with one subtable.
    fn font_with(subtable: &[u8], platform: u16, encoding: u16) -> Vec<u8> {
        let mut cmap = Vec::new();
        cmap.extend(0u16.to_be_bytes());
        cmap.extend(1u16.to_be_bytes());
        cmap.extend(platform.to_be_bytes());
        cmap.extend(encoding.to_be_bytes());
        cmap.extend(12u32.to_be_bytes());
        cmap.extend(subtable);
        let mut f = vec![0, 1, 0, 0];
        f.extend(1u16.to_be_bytes());
        f.extend([0u8; 6]);
        f.extend(b"cmap");
        f.extend(0u32.to_be_bytes());
        f.extend(28u32.to_be_bytes());
        f.extend((cmap.len() as u32).to_be_bytes());
        f.extend(cmap);
        f
    }

    fn format4_table(segs: &[(u16, u16, i16)]) -> Vec<u8> {
        // Each (start, end, delta) plus the final 0xFFFF segment; no glyph arrays.
        let mut all = segs.to_vec();
        all.push((0xFFFF, 0xFFFF, 1));
        let n = all.len() as u16;
        let mut t = Vec::new();
        t.extend(4u16.to_be_bytes());
        t.extend(0u16.to_be_bytes());
        t.extend(0u16.to_be_bytes());
        t.extend((2 * n).to_be_bytes());
        t.extend([0u8; 6]);
        t.extend(all.iter().flat_map(|s| s.1.to_be_bytes()));
        t.extend(0u16.to_be_bytes());
        t.extend(all.iter().flat_map(|s| s.0.to_be_bytes()));
        t.extend(all.iter().flat_map(|s| s.2.to_be_bytes()));
        t.extend(all.iter().flat_map(|_| 0u16.to_be_bytes()));
        t
    }

    #[test]
    fn format4_segments_read_back_by_glyph() {
        // 一 (U+4E00) → glyph 3, 二 (U+4E8C) → 4, '0'..'2' → 10..12.
        let t = format4_table(&[(0x30, 0x32, 10 - 0x30), (0x4E00, 0x4E00, 3 - 0x4E00), (0x4E8C, 0x4E8C, 4 - 0x4E8C)]);
        let m = glyph_chars(&font_with(&t, 3, 1));
        assert_eq!(m.get(&3), Some(&'一'));
        assert_eq!(m.get(&4), Some(&'二'));
        assert_eq!(m.get(&11), Some(&'1'));
        assert_eq!(m.len(), 5);
    }

    #[test]
    fn a_radical_sharing_its_glyph_reads_as_the_ideograph() {
        // ⼀ (U+2F00, KANGXI RADICAL ONE) and 一 (U+4E00) drawn by one glyph.
        let t = format4_table(&[(0x2F00, 0x2F00, 3 - 0x2F00), (0x4E00, 0x4E00, 3 - 0x4E00)]);
        assert_eq!(glyph_chars(&font_with(&t, 3, 1)).get(&3), Some(&'一'));
    }

    #[test]
    fn non_unicode_subtables_and_broken_fonts_give_nothing() {
        let t = format4_table(&[(0x30, 0x39, 5)]);
        assert!(glyph_chars(&font_with(&t, 1, 0)).is_empty());
        let f = font_with(&t, 3, 1);
        for cut in 0..f.len() {
            let _ = glyph_chars(&f[..cut]);
        }
        assert!(glyph_chars(b"").is_empty());
        assert!(glyph_chars(&[0xFF; 64]).is_empty());
    }
}
