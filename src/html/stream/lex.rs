//! The tokenizer's pieces: character classes, tag-name sets, character references,
//! attributes and end-tag search.

use std::borrow::Cow;

use super::Attrs;

pub(super) const WS: [char; 5] = ['\t', '\n', '\x0c', '\r', ' '];

pub(super) fn is_ws(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// The first `x` in `b`: the first 16 bytes looked at one by one, the rest by `memchr`.
/// Markup puts the next `<` (or a text's `&`) mostly a few bytes on, where a call to
/// `memchr` costs more than the look.
#[inline]
pub(super) fn find_byte(x: u8, b: &[u8]) -> Option<usize> {
    const NEAR: usize = 16;
    let near = b.len().min(NEAR);
    if let Some(at) = b[..near].iter().position(|&c| c == x) {
        return Some(at);
    }
    if b.len() > NEAR {
        memchr::memchr(x, &b[NEAR..]).map(|at| at + NEAR)
    } else {
        None
    }
}

pub(super) fn is_formatting(name: &str) -> bool {
    matches!(name, "b" | "big" | "code" | "em" | "font" | "i" | "s" | "small" | "strike" | "strong" | "tt" | "u")
}

pub(super) fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

pub(super) fn is_special(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "applet"
            | "area"
            | "article"
            | "aside"
            | "base"
            | "basefont"
            | "bgsound"
            | "blockquote"
            | "body"
            | "br"
            | "button"
            | "caption"
            | "center"
            | "col"
            | "colgroup"
            | "dd"
            | "details"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "embed"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "frame"
            | "frameset"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "iframe"
            | "img"
            | "input"
            | "isindex"
            | "li"
            | "link"
            | "listing"
            | "main"
            | "marquee"
            | "menu"
            | "meta"
            | "nav"
            | "noembed"
            | "noframes"
            | "noscript"
            | "object"
            | "ol"
            | "p"
            | "param"
            | "plaintext"
            | "pre"
            | "script"
            | "section"
            | "select"
            | "source"
            | "style"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "template"
            | "textarea"
            | "tfoot"
            | "th"
            | "thead"
            | "title"
            | "tr"
            | "track"
            | "ul"
            | "wbr"
            | "xmp"
    )
}

pub(super) fn default_boundary(name: &str) -> bool {
    matches!(name, "applet" | "caption" | "html" | "table" | "td" | "th" | "marquee" | "object" | "select" | "template")
}

pub(super) fn implied_end(name: &str) -> bool {
    matches!(name, "dd" | "dt" | "li" | "option" | "optgroup" | "p" | "rb" | "rp" | "rt" | "rtc")
}

#[derive(Clone, Copy)]
pub(super) enum Scope {
    Default,
    ListItem,
    Button,
    Table,
}

impl Scope {
    pub(super) fn boundary(self, name: &str) -> bool {
        match self {
            Scope::Default => default_boundary(name),
            Scope::ListItem => default_boundary(name) || name == "ol" || name == "ul",
            Scope::Button => default_boundary(name) || name == "button",
            Scope::Table => matches!(name, "html" | "table" | "template"),
        }
    }
}

/// Decodes character references the way the tokenizer does, for the ones this
/// builder knows; `None` for any other.
pub(super) fn decode_refs(s: &str) -> Option<Cow<'_, str>> {
    let b = s.as_bytes();
    let Some(first) = find_byte(b'&', b) else { return Some(Cow::Borrowed(s)) };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    let mut i = first;
    while i < b.len() {
        let Some(off) = memchr::memchr(b'&', &b[i..]) else {
            out.push_str(&s[i..]);
            break;
        };
        let amp = i + off;
        out.push_str(&s[i..amp]);
        let k = amp + 1;
        match b.get(k) {
            Some(b'#') => {
                let (hex, start) = match b.get(k + 1) {
                    Some(b'x' | b'X') => (true, k + 2),
                    _ => (false, k + 1),
                };
                let mut e = start;
                while e < b.len() && (if hex { b[e].is_ascii_hexdigit() } else { b[e].is_ascii_digit() }) {
                    e += 1;
                }
                if e == start || e - start > 7 || b.get(e) != Some(&b';') {
                    return None;
                }
                let v = u32::from_str_radix(&s[start..e], if hex { 16 } else { 10 }).ok()?;
                let ok = matches!(v, 0x09 | 0x0A | 0x20..=0x7E | 0xA0..=0xD7FF | 0xE000..=0xFDCF | 0xFDF0..=0x10FFFF)
                    && (v & 0xFFFE) != 0xFFFE;
                if !ok {
                    return None;
                }
                out.push(char::from_u32(v)?);
                i = e + 1;
            }
            Some(c) if c.is_ascii_alphanumeric() => {
                let mut e = k;
                while e < b.len() && b[e].is_ascii_alphanumeric() {
                    e += 1;
                }
                if b.get(e) != Some(&b';') {
                    return None;
                }
                out.push(named(&s[k..e])?);
                i = e + 1;
            }
            _ => {
                out.push('&');
                i = k;
            }
        }
    }
    Some(Cow::Owned(out))
}

pub(super) fn named(name: &str) -> Option<char> {
    Some(match name {
        "nbsp" => '\u{A0}',
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "copy" | "COPY" => '\u{A9}',
        "reg" | "REG" => '\u{AE}',
        "middot" => '\u{B7}',
        "ldquo" => '\u{201C}',
        "rdquo" => '\u{201D}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "mdash" => '\u{2014}',
        "ndash" => '\u{2013}',
        "hellip" => '\u{2026}',
        "times" => '\u{D7}',
        "divide" => '\u{F7}',
        "deg" => '\u{B0}',
        "plusmn" => '\u{B1}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "yen" => '\u{A5}',
        "sect" => '\u{A7}',
        "laquo" => '\u{AB}',
        "raquo" => '\u{BB}',
        "bull" => '\u{2022}',
        "trade" => '\u{2122}',
        "rarr" => '\u{2192}',
        "larr" => '\u{2190}',
        _ => return None,
    })
}

/// A name of at most 7 bytes as one number: its bytes, little-endian, and its length in
/// the top byte.
const fn name_key(b: &[u8]) -> u64 {
    let mut key = (b.len() as u64) << 56;
    let mut i = 0;
    while i < b.len() {
        key |= (b[i] as u64) << (8 * i);
        i += 1;
    }
    key
}

/// The slot of a [`name_key`] in [`COMMON_NAMES`]: a multiplier that spreads the common
/// names over 64 slots without collision (checked when the table is built, at compile time).
const fn name_slot(key: u64) -> usize {
    (key.wrapping_mul(0xd7c3_a9bf_f3e0_29ef) >> 58) as usize
}

/// The common tag names [`lower`] borrows, each in its [`name_slot`].
static COMMON_NAMES: [(u64, &str); 64] = {
    const NAMES: [&str; 31] = [
        "a", "b", "body", "br", "div", "font", "h1", "h2", "h3", "head", "hr", "html", "i", "img", "li", "link",
        "meta", "o:p", "p", "script", "span", "strong", "style", "table", "tbody", "td", "th", "title", "tr", "u",
        "ul",
    ];
    let mut t = [(0u64, ""); 64];
    let mut i = 0;
    while i < NAMES.len() {
        let key = name_key(NAMES[i].as_bytes());
        let slot = name_slot(key);
        assert!(t[slot].0 == 0, "two common tag names share a slot");
        t[slot] = (key, NAMES[i]);
        i += 1;
    }
    t
};

/// Lowercases an ASCII tag name, borrowing when it already is lowercase or is a
/// common tag (Word writes `<SPAN>`, `<P>`, `<TD>` …), so an element costs no allocation.
pub(super) fn lower(s: &str) -> Cow<'_, str> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let b = s.as_bytes();
    if b.len() < 8 {
        // The name as one number, its upper-case ASCII letters found eight bytes at once:
        // a byte's high bit is set by adding 0x80 − 'A' to its low seven bits when it is
        // 'A' or above, and by adding 0x80 − 'Z' − 1 when it is above 'Z'.
        let mut x = 0u64;
        for (i, &c) in b.iter().enumerate() {
            x |= u64::from(c) << (8 * i);
        }
        let low = x & !HIGH;
        let upper = low.wrapping_add(ONES * (0x80 - u64::from(b'A')))
            & !low.wrapping_add(ONES * (0x80 - u64::from(b'Z') - 1))
            & !x
            & HIGH;
        if upper == 0 {
            return Cow::Borrowed(s);
        }
        let key = (x | (upper >> 2)) | ((b.len() as u64) << 56);
        let (common, name) = COMMON_NAMES[name_slot(key)];
        if common == key {
            return Cow::Borrowed(name);
        }
    } else if !b.iter().any(u8::is_ascii_uppercase) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.to_ascii_lowercase())
}

/// Reads a tag's attributes from `j` (after its name) to its `>`, following the
/// tokenizer's attribute states. Returns the index after `>`, and the read
/// attributes (first of each name wins). `None` at the end of input or an
/// undecodable value of a read attribute.
#[inline]
pub(super) fn read_attrs<'a>(s: &'a str, k: usize, attrs: &mut Attrs<'a>, keep: bool) -> Option<usize> {
    // Most tags have none (every end tag, Word's `<SPAN>`): no call then.
    if s.as_bytes().get(k) == Some(&b'>') {
        return Some(k + 1);
    }
    read_some_attrs(s, k, attrs, keep)
}

/// Byte classes of the attribute states, one look-up a byte: whitespace, what ends a name
/// (whitespace, `/`, `>`, `=`), what ends an unquoted value (whitespace, `>`) and a quote.
const C_WS: u8 = 1;
const C_NAME_END: u8 = 2;
const C_VALUE_END: u8 = 4;
const C_QUOTE: u8 = 8;
static ATTR_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let ws = [b'\t', b'\n', b'\x0c', b'\r', b' '];
    let mut i = 0;
    while i < ws.len() {
        t[ws[i] as usize] = C_WS | C_NAME_END | C_VALUE_END;
        i += 1;
    }
    t[b'/' as usize] = C_NAME_END;
    t[b'=' as usize] = C_NAME_END;
    t[b'>' as usize] = C_NAME_END | C_VALUE_END;
    t[b'"' as usize] = C_QUOTE;
    t[b'\'' as usize] = C_QUOTE;
    t
};

#[inline]
fn class(c: u8) -> u8 {
    ATTR_CLASS[usize::from(c)]
}

fn read_some_attrs<'a>(s: &'a str, mut k: usize, attrs: &mut Attrs<'a>, keep: bool) -> Option<usize> {
    let b = s.as_bytes();
    let n = b.len();
    // Whether the last attribute ended with a closing quote (the next may start right after it).
    let mut after_quote = false;
    loop {
        let gap = k;
        k = skip_ws(b, k);
        if k >= n {
            return None;
        }
        match b[k] {
            b'/' => {
                k += 1;
                after_quote = false;
                if k < n && b[k] == b'>' {
                    return Some(k + 1);
                }
                continue;
            }
            b'>' => return Some(k + 1),
            _ => {}
        }
        // Markup `prune` reads otherwise (see [`Attrs::odd`]): an attribute glued to a
        // quoted value, a quote in a name.
        let mut quotes = class(b[k]) & C_QUOTE;
        let odd_gap = after_quote && k == gap;
        let name_start = k;
        k = run_to(b, k + 1, C_NAME_END, &mut quotes);
        let name = &s[name_start..k];
        // Mostly `=` right after the name: the whitespace loop only where it is not.
        if k < n && b[k] != b'=' {
            k = skip_ws(b, k);
        }
        if k >= n {
            return None;
        }
        let mut value = "";
        after_quote = false;
        if b[k] == b'=' {
            k += 1;
            if k < n && class(b[k]) & C_WS != 0 {
                k = skip_ws(b, k);
            }
            if k >= n {
                return None;
            }
            if class(b[k]) & C_QUOTE != 0 {
                let q = b[k];
                let e = memchr::memchr(q, &b[k + 1..])? + k + 1;
                value = &s[k + 1..e];
                k = e + 1;
                after_quote = true;
            } else if b[k] != b'>' {
                let v = k;
                k = run_to(b, k, C_VALUE_END, &mut quotes);
                value = &s[v..k];
            }
        }
        attrs.odd |= odd_gap || quotes != 0;
        if !keep {
            continue;
        }
        // The five names read, told apart by their length first.
        let slot = match name.len() {
            2 if name.eq_ignore_ascii_case("id") => &mut attrs.id,
            4 if name.eq_ignore_ascii_case("role") => &mut attrs.role,
            5 if name.eq_ignore_ascii_case("class") => &mut attrs.class,
            7 if name.eq_ignore_ascii_case("colspan") => &mut attrs.colspan,
            7 if name.eq_ignore_ascii_case("rowspan") => &mut attrs.rowspan,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(decode_refs(value)?);
        }
    }
}

/// The first byte from `k` on that is no whitespace (`b.len()` if none).
#[inline]
fn skip_ws(b: &[u8], k: usize) -> usize {
    b[k..].iter().position(|&c| class(c) & C_WS == 0).map_or(b.len(), |p| k + p)
}

/// The first byte from `k` on of class `end` (`b.len()` if none), setting `quotes` to
/// [`C_QUOTE`] where a quote comes before it. One test a byte: a quote stops the search too
/// (no byte is both a quote and a name's or a value's end), which goes on past it.
#[inline]
fn run_to(b: &[u8], mut k: usize, end: u8, quotes: &mut u8) -> usize {
    loop {
        let Some(p) = b[k..].iter().position(|&c| class(c) & (end | C_QUOTE) != 0) else { return b.len() };
        k += p;
        if class(b[k]) & C_QUOTE == 0 {
            return k;
        }
        *quotes = C_QUOTE;
        k += 1;
    }
}

/// Start of the first `</name` (case-insensitive, followed by a delimiter) at or after `from`.
pub(super) fn find_end_tag(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut k = from;
    while let Some(off) = memchr::memmem::find(&b[k.min(b.len())..], b"</") {
        let at = k + off;
        let s = at + 2;
        let e = s + name.len();
        if e <= b.len()
            && b[s..e].eq_ignore_ascii_case(name)
            && b.get(e).is_some_and(|&c| is_ws(c) || c == b'/' || c == b'>')
        {
            return Some(at);
        }
        k = at + 2;
    }
    None
}
