//! Fonts as far as text extraction needs them: how a shown string splits into character
//! codes, what Unicode each code stands for (ToUnicode, a predefined CJK CMap, a simple
//! font's encoding) and how far each glyph advances.

use std::collections::HashMap;

use encoding_rs::{Encoding, BIG5, EUC_KR, GBK, MACINTOSH, SHIFT_JIS, WINDOWS_1252};

use super::file::PdfFile;
use super::object::{Dict, Lexer, Obj, Token};
use super::sfnt;

/// Most entries one CMap or width table may hold (a bound on memory for hostile fonts).
const MAX_ENTRIES: usize = 200_000;

/// How a composite font's codes are split and what they mean without ToUnicode.
#[derive(Debug, Clone)]
enum CodeMap {
    /// Two-byte codes, code = CID; no Unicode without ToUnicode (Identity-H/V).
    Identity,
    /// Two-byte codes that are UCS-2 / UTF-16BE (UniGB-UCS2-H, UniGB-UTF16-H, …).
    Utf16,
    /// Multi-byte legacy encodings (GBK-EUC-H, B5pc-H, …): codes decode through `enc`.
    Legacy(&'static Encoding),
    /// An embedded CMap: code space ranges and code → CID.
    Embedded { spaces: Vec<(usize, u32, u32)>, cids: HashMap<u32, u32>, ranges: Vec<(u32, u32, u32)> },
}

#[derive(Debug, Clone)]
enum Kind {
    Simple { unicode: Box<[Option<char>; 256]>, widths: Box<[f32; 256]> },
    Composite { map: CodeMap, widths: HashMap<u32, f32>, width_ranges: Vec<(u32, u32, f32)>, dw: f32 },
}

/// A glyph as decoded from a shown string.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Glyph {
    /// The Unicode text (may be empty when the font does not say).
    pub text: String,
    /// Horizontal advance in text space units (1/1000 of the font size already applied).
    pub width: f64,
    /// A one-byte code 32, which word spacing applies to.
    pub is_space: bool,
}

#[derive(Debug, Clone)]
pub(super) struct Font {
    kind: Kind,
    to_unicode: HashMap<u32, String>,
    /// (lo, hi, first code's text as UTF-16 units); later codes increment the last unit.
    uni_ranges: Vec<(u32, u32, Vec<u16>)>,
    pub vertical: bool,
    /// Glyph space to text space (0.001, or a Type 3 font's matrix).
    scale: f64,
}

impl Font {
    pub(super) fn load(file: &PdfFile, d: &Dict) -> Font {
        let subtype = d.get(b"Subtype").and_then(Obj::as_name).unwrap_or(b"");
        let (to_unicode, uni_ranges) = match file.get_key(d, b"ToUnicode") {
            Obj::Stream(s) => file.decode(&s).map(|b| parse_to_unicode(&b)).unwrap_or_default(),
            _ => Default::default(),
        };
        if subtype == b"Type0" {
            return Self::composite(file, d, to_unicode, uni_ranges);
        }
        let mut scale = 0.001;
        if subtype == b"Type3" {
            if let Obj::Array(m) = file.get_key(d, b"FontMatrix") {
                if let Some(a) = m.first().and_then(Obj::as_f64) {
                    scale = a.abs().clamp(1e-6, 1.0);
                }
            }
        }
        // Widths.
        let mut widths = Box::new([f32::NAN; 256]);
        let first = file.get_key(d, b"FirstChar").as_i64().unwrap_or(0);
        if let Obj::Array(w) = file.get_key(d, b"Widths") {
            for (i, o) in w.iter().enumerate() {
                let code = first.saturating_add(i as i64);
                if (0..256).contains(&code) {
                    widths[code as usize] = file.resolve(o).as_f64().unwrap_or(0.0) as f32;
                }
            }
        }
        let base = file.get_key(d, b"BaseFont");
        let base = base.as_name().unwrap_or(b"");
        let missing = match file.get_key(d, b"FontDescriptor") {
            Obj::Dict(fd) => file.get_key(&fd, b"MissingWidth").as_f64().map(|w| w as f32),
            _ => None,
        };
        let fallback = if memchr::memmem::find(base, b"Courier").is_some() { 600.0 } else { 500.0 };
        for w in widths.iter_mut() {
            if w.is_nan() {
                *w = missing.unwrap_or(fallback);
            }
        }
        // Encoding.
        let enc = file.get_key(d, b"Encoding");
        let base_enc = match &enc {
            Obj::Name(n) => n.clone(),
            Obj::Dict(e) => e.get(b"BaseEncoding").and_then(Obj::as_name).unwrap_or(b"").to_vec(),
            _ => Vec::new(),
        };
        let table: Option<&'static Encoding> = match base_enc.as_slice() {
            b"MacRomanEncoding" => Some(MACINTOSH),
            _ => Some(WINDOWS_1252),
        };
        let mut unicode: Box<[Option<char>; 256]> = Box::new([None; 256]);
        // An embedded subset with its own built-in encoding and no ToUnicode map: its codes
        // are glyph numbers that say nothing about the characters.
        let subset = base.len() > 7 && base[6] == b'+' && base[..6].iter().all(u8::is_ascii_uppercase);
        let opaque = subset && matches!(enc, Obj::Null) && to_unicode.is_empty() && uni_ranges.is_empty();
        for (code, slot) in unicode.iter_mut().enumerate().filter(|_| !opaque) {
            let b = [code as u8];
            *slot = match table {
                Some(t) if code >= 0x20 => t.decode_without_bom_handling(&b).0.chars().next(),
                _ => None,
            };
        }
        if let Obj::Dict(e) = &enc {
            if let Obj::Array(diffs) = file.get_key(e, b"Differences") {
                let mut code = 0usize;
                for o in diffs.iter() {
                    match o {
                        Obj::Int(i) => code = usize::try_from(*i).unwrap_or(256),
                        Obj::Name(n) => {
                            if code < 256 {
                                unicode[code] = glyph_name(n);
                            }
                            code += 1;
                        }
                        _ => {}
                    }
                }
            }
        }
        Font { kind: Kind::Simple { unicode, widths }, to_unicode, uni_ranges, vertical: false, scale }
    }

    fn composite(
        file: &PdfFile,
        d: &Dict,
        mut to_unicode: HashMap<u32, String>,
        uni_ranges: Vec<(u32, u32, Vec<u16>)>,
    ) -> Font {
        let enc = file.get_key(d, b"Encoding");
        let (map, vertical) = match &enc {
            Obj::Name(n) => predefined(n),
            Obj::Stream(s) => {
                let bytes = file.decode(s).unwrap_or_default();
                let vertical = matches!(file.get_key(&s.dict, b"WMode"), Obj::Int(1));
                (parse_cmap(&bytes), vertical)
            }
            _ => (CodeMap::Identity, false),
        };
        let desc = match file.get_key(d, b"DescendantFonts") {
            Obj::Array(a) => a.first().map_or(Obj::Null, |o| file.resolve(o)),
            o => o,
        };
        if to_unicode.is_empty() && uni_ranges.is_empty() && matches!(map, CodeMap::Identity) {
            if let Some(dd) = desc.as_dict() {
                to_unicode = embedded_unicode(file, dd);
            }
        }
        let mut widths = HashMap::new();
        let mut width_ranges = Vec::new();
        let mut dw = 1000.0;
        if let Some(dd) = desc.as_dict() {
            dw = file.get_key(dd, b"DW").as_f64().unwrap_or(1000.0) as f32;
            if let Obj::Array(w) = file.get_key(dd, b"W") {
                let w: Vec<Obj> = w.iter().map(|o| file.resolve(o)).collect();
                let mut i = 0;
                while i + 1 < w.len() && widths.len() + width_ranges.len() < MAX_ENTRIES {
                    let Some(c) = w[i].as_i64() else { break };
                    let c = u32::try_from(c).unwrap_or(0);
                    match &w[i + 1] {
                        Obj::Array(list) => {
                            for (k, o) in list.iter().enumerate().take(MAX_ENTRIES) {
                                widths.insert(
                                    c.saturating_add(k as u32),
                                    file.resolve(o).as_f64().unwrap_or(f64::from(dw)) as f32,
                                );
                            }
                            i += 2;
                        }
                        o => {
                            let (Some(last), Some(wd)) = (o.as_i64(), w.get(i + 2).and_then(Obj::as_f64)) else {
                                break;
                            };
                            width_ranges.push((c, u32::try_from(last).unwrap_or(0), wd as f32));
                            i += 3;
                        }
                    }
                }
            }
        }
        Font { kind: Kind::Composite { map, widths, width_ranges, dw }, to_unicode, uni_ranges, vertical, scale: 0.001 }
    }

    fn unicode_of(&self, code: u32) -> Option<String> {
        if let Some(s) = self.to_unicode.get(&code) {
            return Some(s.clone());
        }
        for (lo, hi, base) in &self.uni_ranges {
            if (*lo..=*hi).contains(&code) {
                let mut units = base.clone();
                if let Some(last) = units.last_mut() {
                    *last = last.wrapping_add((code - lo) as u16);
                }
                return Some(String::from_utf16_lossy(&units));
            }
        }
        None
    }

    /// Splits a shown string into glyphs.
    pub(super) fn glyphs(&self, bytes: &[u8], out: &mut Vec<Glyph>) {
        match &self.kind {
            Kind::Simple { unicode, widths } => {
                for &b in bytes {
                    let code = u32::from(b);
                    let text =
                        self.unicode_of(code).or_else(|| unicode[b as usize].map(String::from)).unwrap_or_default();
                    out.push(Glyph { text, width: f64::from(widths[b as usize]) * self.scale, is_space: b == 32 });
                }
            }
            Kind::Composite { map, widths, width_ranges, dw } => {
                let mut i = 0;
                while i < bytes.len() {
                    let (len, code) = split_code(map, &bytes[i..]);
                    let (cid, text) = match map {
                        CodeMap::Identity => (code, None),
                        CodeMap::Utf16 => {
                            let units: Vec<u16> = bytes[i..i + len]
                                .chunks(2)
                                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                                .collect();
                            // Adobe-GB1 and its siblings put the ASCII range at CIDs 1–95.
                            let cid = if (0x20..0x7f).contains(&code) { code - 31 } else { u32::MAX };
                            (cid, Some(String::from_utf16_lossy(&units)))
                        }
                        CodeMap::Legacy(enc) => {
                            let (s, _, bad) = enc.decode(&bytes[i..i + len]);
                            let cid = if (0x20..0x7f).contains(&code) { code - 31 } else { u32::MAX };
                            (cid, if bad { None } else { Some(s.into_owned()) })
                        }
                        CodeMap::Embedded { cids, ranges, .. } => {
                            let cid = cids.get(&code).copied().or_else(|| {
                                ranges
                                    .iter()
                                    .find(|(lo, hi, _)| (*lo..=*hi).contains(&code))
                                    .map(|(lo, _, base)| base.wrapping_add(code - lo))
                            });
                            (cid.unwrap_or(code), None)
                        }
                    };
                    let text = self.unicode_of(code).or(text).unwrap_or_default();
                    let w = widths
                        .get(&cid)
                        .copied()
                        .or_else(|| width_ranges.iter().find(|(lo, hi, _)| (*lo..=*hi).contains(&cid)).map(|r| r.2))
                        .unwrap_or(if matches!(map, CodeMap::Utf16 | CodeMap::Legacy(_)) && cid != u32::MAX {
                            500.0
                        } else {
                            *dw
                        });
                    out.push(Glyph { text, width: f64::from(w) * self.scale, is_space: len == 1 && code == 32 });
                    i += len;
                }
            }
        }
    }
}

/// The Unicode of an Identity-encoded TrueType CIDFont's codes (code = CID) from its embedded
/// font program's own `cmap` (`sfnt::glyph_chars`), through its `CIDToGIDMap`: the text of a PDF
/// that carries no ToUnicode map. Empty where the font is not embedded TrueType.
fn embedded_unicode(file: &PdfFile, cid_font: &Dict) -> HashMap<u32, String> {
    let Obj::Dict(fd) = file.get_key(cid_font, b"FontDescriptor") else { return HashMap::new() };
    let Obj::Stream(program) = file.get_key(&fd, b"FontFile2") else { return HashMap::new() };
    let Ok(bytes) = file.decode(&program) else { return HashMap::new() };
    let by_glyph = sfnt::glyph_chars(&bytes);
    if by_glyph.is_empty() {
        return HashMap::new();
    }
    match file.get_key(cid_font, b"CIDToGIDMap") {
        // Two bytes a CID: its glyph.
        Obj::Stream(s) => {
            let Ok(map) = file.decode(&s) else { return HashMap::new() };
            map.chunks_exact(2)
                .take(MAX_ENTRIES)
                .enumerate()
                .filter_map(|(cid, g)| {
                    let gid = u32::from(u16::from_be_bytes([g[0], g[1]]));
                    by_glyph.get(&gid).map(|c| (cid as u32, c.to_string()))
                })
                .collect()
        }
        _ => by_glyph.into_iter().map(|(gid, c)| (gid, c.to_string())).collect(),
    }
}

fn predefined(name: &[u8]) -> (CodeMap, bool) {
    let vertical = name.ends_with(b"-V");
    let map = if name.starts_with(b"Identity") {
        CodeMap::Identity
    } else if name.windows(4).any(|w| w == b"UCS2") || name.windows(5).any(|w| w == b"UTF16") {
        CodeMap::Utf16
    } else if name.starts_with(b"GB") {
        CodeMap::Legacy(GBK)
    } else if name.starts_with(b"B5")
        || name.starts_with(b"ETen")
        || name.starts_with(b"HKscs")
        || name.starts_with(b"CNS")
    {
        CodeMap::Legacy(BIG5)
    } else if name.starts_with(b"90ms")
        || name.starts_with(b"90pv")
        || name.starts_with(b"83pv")
        || name.starts_with(b"RKSJ")
    {
        CodeMap::Legacy(SHIFT_JIS)
    } else if name.starts_with(b"KSC") {
        CodeMap::Legacy(EUC_KR)
    } else {
        CodeMap::Identity
    };
    (map, vertical)
}

/// (code length, code) of the code at the start of `b`.
fn split_code(map: &CodeMap, b: &[u8]) -> (usize, u32) {
    let be = |n: usize| b[..n.min(b.len())].iter().fold(0u32, |a, &x| (a << 8) | u32::from(x));
    match map {
        CodeMap::Identity => {
            let n = b.len().min(2);
            (n, be(n))
        }
        CodeMap::Utf16 => {
            let n = if b.len() >= 4 && (0xD8..0xDC).contains(&b[0]) { 4 } else { b.len().min(2) };
            (n, be(n))
        }
        CodeMap::Legacy(enc) => {
            let n = if b[0] < 0x80 {
                1
            } else if *enc == GBK && b.len() >= 4 && b.get(1).is_some_and(u8::is_ascii_digit) {
                4
            } else {
                b.len().min(2)
            };
            (n, be(n))
        }
        CodeMap::Embedded { spaces, .. } => {
            for n in 1..=4usize.min(b.len()) {
                let code = be(n);
                if spaces.iter().any(|&(len, lo, hi)| len == n && (lo..=hi).contains(&code)) {
                    return (n, code);
                }
            }
            let n = spaces.iter().map(|s| s.0).min().unwrap_or(1).clamp(1, b.len());
            (n, be(n))
        }
    }
}

fn code_of(s: &[u8]) -> u32 {
    s.iter().take(4).fold(0u32, |a, &x| (a << 8) | u32::from(x))
}

/// Reads a CMap's operator sections: `begincodespacerange`, `begincidchar`, `begincidrange`.
fn parse_cmap(bytes: &[u8]) -> CodeMap {
    let mut spaces = Vec::new();
    let mut cids = HashMap::new();
    let mut ranges = Vec::new();
    let mut lx = Lexer::new(bytes, 0);
    let mut operands: Vec<Obj> = Vec::new();
    while let Some(tok) = lx.token() {
        match tok {
            Token::Obj(o) if operands.len() < 3 * MAX_ENTRIES => operands.push(o),
            Token::Obj(_) => {}
            Token::Keyword(k) => {
                match k {
                    b"endcodespacerange" => {
                        for p in operands.chunks_exact(2) {
                            if let (Some(lo), Some(hi)) = (p[0].as_str(), p[1].as_str()) {
                                spaces.push((lo.len(), code_of(lo), code_of(hi)));
                            }
                        }
                    }
                    b"endcidchar" => {
                        for p in operands.chunks_exact(2) {
                            if let (Some(c), Some(cid)) = (p[0].as_str(), p[1].as_i64()) {
                                cids.insert(code_of(c), u32::try_from(cid).unwrap_or(0));
                            }
                        }
                    }
                    b"endcidrange" => {
                        for p in operands.chunks_exact(3) {
                            if let (Some(lo), Some(hi), Some(cid)) = (p[0].as_str(), p[1].as_str(), p[2].as_i64()) {
                                ranges.push((code_of(lo), code_of(hi), u32::try_from(cid).unwrap_or(0)));
                            }
                        }
                    }
                    _ => {}
                }
                operands.clear();
            }
            _ => {}
        }
        if cids.len() + ranges.len() > MAX_ENTRIES {
            break;
        }
    }
    if spaces.is_empty() {
        spaces.push((2, 0, 0xffff));
    }
    CodeMap::Embedded { spaces, cids, ranges }
}

fn utf16_units(s: &[u8]) -> Vec<u16> {
    s.chunks(2).map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)])).collect()
}

/// A ToUnicode CMap: `bfchar` entries and `bfrange` ranges.
#[allow(clippy::type_complexity)]
fn parse_to_unicode(bytes: &[u8]) -> (HashMap<u32, String>, Vec<(u32, u32, Vec<u16>)>) {
    let mut map = HashMap::new();
    let mut ranges = Vec::new();
    let mut lx = Lexer::new(bytes, 0);
    let mut operands: Vec<Obj> = Vec::new();
    let mut depth = 0usize;
    let mut array: Vec<Obj> = Vec::new();
    while let Some(tok) = lx.token() {
        match tok {
            Token::Obj(o) if depth > 0 => array.push(o),
            Token::Obj(o) => operands.push(o),
            Token::ArrayStart => {
                depth += 1;
                array.clear();
            }
            Token::ArrayEnd => {
                depth = depth.saturating_sub(1);
                operands.push(Obj::Array(std::rc::Rc::new(std::mem::take(&mut array))));
            }
            Token::Keyword(b"endbfchar") => {
                for p in operands.chunks_exact(2) {
                    if let (Some(c), Some(u)) = (p[0].as_str(), p[1].as_str()) {
                        map.insert(code_of(c), String::from_utf16_lossy(&utf16_units(u)));
                    }
                }
                operands.clear();
            }
            Token::Keyword(b"endbfrange") => {
                for p in operands.chunks_exact(3) {
                    let (Some(lo), Some(hi)) = (p[0].as_str(), p[1].as_str()) else { continue };
                    let (lo, hi) = (code_of(lo), code_of(hi));
                    if hi < lo {
                        continue;
                    }
                    match &p[2] {
                        Obj::Str(u) => ranges.push((lo, hi, utf16_units(u))),
                        Obj::Array(list) => {
                            for (k, o) in list.iter().enumerate().take((hi - lo + 1) as usize) {
                                if let Some(u) = o.as_str() {
                                    map.insert(lo + k as u32, String::from_utf16_lossy(&utf16_units(u)));
                                }
                            }
                        }
                        _ => {}
                    }
                }
                operands.clear();
            }
            Token::Keyword(_) => operands.clear(),
            _ => {}
        }
        if map.len() + ranges.len() > MAX_ENTRIES || operands.len() > 3 * MAX_ENTRIES {
            break;
        }
    }
    (map, ranges)
}

/// The character an Adobe glyph name stands for (the names simple fonts use in practice).
fn glyph_name(n: &[u8]) -> Option<char> {
    let s = std::str::from_utf8(n).ok()?;
    let s = s.split('.').next().unwrap_or(s);
    if s.len() == 1 {
        return s.chars().next().filter(char::is_ascii_alphabetic);
    }
    if let Some(hex) = s.strip_prefix("uni").or_else(|| s.strip_prefix('u')).filter(|h| (4..=6).contains(&h.len())) {
        if let Ok(v) = u32::from_str_radix(&hex[..4.max(hex.len().min(6))], 16) {
            return char::from_u32(v);
        }
    }
    const NAMES: &[(&str, char)] = &[
        ("space", ' '),
        ("exclam", '!'),
        ("quotedbl", '"'),
        ("numbersign", '#'),
        ("dollar", '$'),
        ("percent", '%'),
        ("ampersand", '&'),
        ("quotesingle", '\''),
        ("quoteright", '’'),
        ("quoteleft", '‘'),
        ("parenleft", '('),
        ("parenright", ')'),
        ("asterisk", '*'),
        ("plus", '+'),
        ("comma", ','),
        ("hyphen", '-'),
        ("minus", '-'),
        ("period", '.'),
        ("slash", '/'),
        ("zero", '0'),
        ("one", '1'),
        ("two", '2'),
        ("three", '3'),
        ("four", '4'),
        ("five", '5'),
        ("six", '6'),
        ("seven", '7'),
        ("eight", '8'),
        ("nine", '9'),
        ("colon", ':'),
        ("semicolon", ';'),
        ("less", '<'),
        ("equal", '='),
        ("greater", '>'),
        ("question", '?'),
        ("at", '@'),
        ("bracketleft", '['),
        ("backslash", '\\'),
        ("bracketright", ']'),
        ("asciicircum", '^'),
        ("underscore", '_'),
        ("grave", '`'),
        ("braceleft", '{'),
        ("bar", '|'),
        ("braceright", '}'),
        ("asciitilde", '~'),
        ("quotedblleft", '“'),
        ("quotedblright", '”'),
        ("endash", '–'),
        ("emdash", '—'),
        ("bullet", '•'),
        ("periodcentered", '·'),
        ("nbspace", ' '),
        ("degree", '°'),
        ("multiply", '×'),
        ("ellipsis", '…'),
        ("percentmonospace", '%'),
    ];
    NAMES.iter().find(|(k, _)| *k == s).map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_unicode_chars_ranges_and_arrays() {
        let cmap = b"1 begincodespacerange <0000> <FFFF> endcodespacerange
            2 beginbfchar <0003> <0020> <0011> <653F> endbfchar
            2 beginbfrange <0020> <0022> <0030> <0040> <0041> [<5E9C> <D840DC00>] endbfrange";
        let (map, ranges) = parse_to_unicode(cmap);
        let f = Font {
            kind: Kind::Composite { map: CodeMap::Identity, widths: HashMap::new(), width_ranges: vec![], dw: 1000.0 },
            to_unicode: map,
            uni_ranges: ranges,
            vertical: false,
            scale: 0.001,
        };
        let mut out = Vec::new();
        f.glyphs(&[0, 0x11, 0, 0x21, 0, 0x41], &mut out);
        let text: Vec<&str> = out.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(text, ["政", "1", "𠀀"]);
        assert!((out[0].width - 1.0).abs() < 1e-9);
    }

    #[test]
    fn predefined_cjk_cmaps_decode_without_to_unicode() {
        for (name, bytes, want) in [
            (&b"UniGB-UCS2-H"[..], &b"\x65\x3f\x00\x31"[..], "政1"),
            (b"GBK-EUC-H", b"\xd5\xfe1", "政1"),
            (b"B5pc-H", b"\xac\x46", "政"),
        ] {
            let (map, _) = predefined(name);
            let f = Font {
                kind: Kind::Composite { map, widths: HashMap::new(), width_ranges: vec![], dw: 1000.0 },
                to_unicode: HashMap::new(),
                uni_ranges: vec![],
                vertical: false,
                scale: 0.001,
            };
            let mut out = Vec::new();
            f.glyphs(bytes, &mut out);
            assert_eq!(out.iter().map(|g| g.text.as_str()).collect::<String>(), want, "{name:?}");
        }
    }
}
