//! Character cleaning, string by string: invisible characters, width folding, spaces,
//! inline pinyin and inline furniture tokens.

use crate::charset::CharSet;

use super::replace_if_changed;
use super::script::{is_han, Counts};

pub(super) enum Class {
    Drop,
    Space,
    Newline,
    Keep(char),
}

#[inline]
pub(super) fn class(c: char) -> Class {
    // Printable ASCII and CJK ideographs, most of a report, with two comparisons; the
    // other characters through the table below (where both fall under `Keep(c)` too).
    if matches!(c, '!'..='~' | '\u{3400}'..='\u{9FFF}') {
        return Class::Keep(c);
    }
    class_other(c)
}

fn class_other(c: char) -> Class {
    match c {
        '!'..='~' => Class::Keep(c),
        ' ' | '\t' | '\u{0B}' | '\u{0C}' => Class::Space,
        '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => Class::Newline,
        // C0 and C1 controls, DEL.
        '\u{00}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => Class::Drop,
        '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Class::Space,
        // Soft hyphen; Arabic letter mark (bidi); Mongolian vowel separator (zero width);
        // zero-width space/joiners and LRM/RLM; bidi embeddings;
        // word joiner and invisible operators; bidi isolates; BOM.
        '\u{AD}'
        | '\u{061C}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => Class::Drop,
        '\u{FF01}'..='\u{FF5E}' => Class::Keep(fold_width(c)),
        // `⾏政`, `⺠`: a PDF's radicals for the ideographs they share a glyph with.
        '\u{2E80}'..='\u{2FDF}' | '\u{F900}'..='\u{FAFF}' => Class::Keep(super::radicals::unified(c)),
        _ => Class::Keep(c),
    }
}

/// Whether cleaning drops `c`: controls and invisible format characters (zero
/// width, bidi marks, embeddings and isolates, soft hyphen, BOM).
pub fn is_invisible(c: char) -> bool {
    matches!(class(c), Class::Drop)
}

/// Full-width ASCII variant → ASCII, except the CJK prose punctuation `，：；！？`.
#[inline]
pub(super) fn fold_width(c: char) -> char {
    match c {
        '，' | '：' | '；' | '！' | '？' => c,
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Cleans `s` (see the module docs), using `buf` as scratch, and counts its
/// Han characters. A string with nothing to clean is neither copied nor written.
pub(super) fn clean_in_place(
    s: &mut String,
    keep_newlines: bool,
    buf: &mut String,
    counts: &mut Counts,
    trad: &CharSet,
) {
    let (plain, after_han) = plain_prefix(s, counts, trad);
    if plain == s.len() {
        return;
    }
    buf.clear();
    buf.push_str(&s[..plain]);
    clean_rest(s, plain, after_han, buf, keep_newlines, counts, trad);
    replace_if_changed(s, buf);
    super::blank_marks(s);
}

/// Counts a Han character (and whether it is Traditional-only); true if `c` is Han.
#[inline]
pub(super) fn count_han(c: char, counts: &mut Counts, trad: &CharSet) -> bool {
    if c >= '\u{3400}' && is_han(c) {
        counts.han += 1;
        if trad.contains(c) {
            counts.add_trad(c);
        }
        true
    } else {
        false
    }
}

/// A character cleaning passes through unchanged whatever surrounds it.
#[inline]
pub(super) fn is_plain(c: char) -> bool {
    if c.is_ascii() {
        // (`^`, `~` and `[` open the marks `blank_marks` blanks: the strings holding them are cleaned.)
        matches!(c, '!'..='}') && c != '$' && c != '[' && c != '^'
    } else if ('\u{3400}'..='\u{9FFF}').contains(&c) {
        true
    } else {
        matches!(class(c), Class::Keep(k) if k == c)
    }
}

/// The byte length of the longest prefix of `s` that cleaning leaves as is
/// (its Han characters counted), and whether that prefix ends with a Han
/// character. Single inner spaces between plain characters are plain.
pub(super) fn plain_prefix(s: &str, counts: &mut Counts, trad: &CharSet) -> (usize, bool) {
    let mut after_han = false;
    let mut i = 0;
    while let Some(c) = past_han_run(s, &mut i, &mut after_han, counts, trad) {
        let plain = match c {
            '(' => !after_han,
            ' ' => i > 0 && s[i + 1..].chars().next().is_some_and(|n| is_plain(n) && n != '('),
            _ => is_plain(c),
        };
        if !plain {
            return (i, after_han);
        }
        after_han = count_han(c, counts, trad);
        i += c.len_utf8();
    }
    (s.len(), after_han)
}

/// Moves `i` past the run of Han characters `s[*i..]` starts with (`han_run`, counted), noting
/// `after_han` where there was one, and gives the character after it.
#[inline]
fn past_han_run(s: &str, i: &mut usize, after_han: &mut bool, counts: &mut Counts, trad: &CharSet) -> Option<char> {
    let han = han_run(&s[*i..], counts, trad);
    if han > 0 {
        *i += han;
        *after_han = true;
    }
    s[*i..].chars().next()
}

/// The byte length of the run of characters led by E5–E9 that `s` starts with, counted:
/// U+5000–U+9FFF, CJK ideographs all, which cleaning keeps as they are whatever surrounds
/// them. Most of a report; read off their bytes, a Traditional-only one alone decoded.
#[inline]
fn han_run(s: &str, counts: &mut Counts, trad: &CharSet) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&[lead, b1, b2]) = b.get(i..i + 3) {
        if !(0xE5..=0xE9).contains(&lead) {
            break;
        }
        counts.han += 1;
        if trad.holds_three_byte(lead, b1, b2) {
            if let Some(c) = s[i..].chars().next() {
                counts.add_trad(c);
            }
        }
        i += 3;
    }
    i
}

/// Cleans `s[start..]` onto `out`, which holds the cleaned `s[..start]`
/// (`after_han`: it ends with a Han character).
pub(super) fn clean_rest(
    s: &str,
    start: usize,
    mut after_han: bool,
    out: &mut String,
    keep_newlines: bool,
    counts: &mut Counts,
    trad: &CharSet,
) {
    let mut pending_space = false;
    let mut pending_newline = false;
    let mut i = start;
    loop {
        // A run of characters that cleaning keeps as they are, none of them starting a
        // token it removes, is copied whole (and counted) rather than char by char.
        let run = i;
        let mut run_after_han = after_han;
        while let Some(c) = past_han_run(s, &mut i, &mut run_after_han, counts, trad) {
            if !matches!(class(c), Class::Keep(k) if k == c) || matches!(c, '(' | '$' | '[') {
                break;
            }
            run_after_han = count_han(c, counts, trad);
            i += c.len_utf8();
        }
        if i > run {
            separate(out, &mut pending_space, &mut pending_newline);
            out.push_str(&s[run..i]);
            after_han = run_after_han;
        }
        let Some(raw_c) = s[i..].chars().next() else { break };
        i += raw_c.len_utf8();
        let c = match class(raw_c) {
            Class::Keep(c) => c,
            Class::Drop => continue,
            Class::Space => {
                pending_space = true;
                after_han = false;
                continue;
            }
            Class::Newline => {
                if keep_newlines {
                    pending_newline = true;
                } else {
                    pending_space = true;
                }
                after_han = false;
                continue;
            }
        };
        let skip = match c {
            '(' if after_han => pinyin_len(&s[i..]),
            '$' => dollar_token_len(&s[i..]),
            '[' => bookmark_len(&s[i..]),
            _ => None,
        };
        if let Some(n) = skip {
            i += n;
            continue;
        }
        separate(out, &mut pending_space, &mut pending_newline);
        out.push(c);
        after_han = count_han(c, counts, trad);
        if full_width_thousands(raw_c, &s[i..]) {
            out.push(',');
            i += '，'.len_utf8();
        }
    }
}

/// Whether `rest`, after the full-width digit `c`, opens with a full-width comma separating
/// thousands (`１，２３４条`): three full-width digits after it, then no digit. (Prose's comma
/// stays: `3，456` in ASCII digits is two numbers.)
fn full_width_thousands(c: char, rest: &str) -> bool {
    let wide = |c: &char| ('０'..='９').contains(c);
    let Some(after) = rest.strip_prefix('，') else { return false };
    let mut next = after.chars();
    wide(&c)
        && next.by_ref().take(3).filter(wide).count() == 3
        && !next.next().is_some_and(|d| wide(&d) || d.is_ascii_digit())
}

/// Maximum letters of a pinyin syllable (`zhuang`, `shuang`).
pub(super) const MAX_PINYIN: usize = 6;

/// `rest` follows an opening parenthesis right after a Han character: the byte
/// length through the closing parenthesis if it holds one pinyin syllable —
/// 1–6 lowercase Latin letters, tone marks allowed, at least one vowel.
pub(super) fn pinyin_len(rest: &str) -> Option<usize> {
    let mut letters = 0;
    let mut vowel = false;
    for (i, raw_c) in rest.char_indices() {
        match fold_width(raw_c) {
            ')' => return (letters > 0 && vowel).then_some(i + raw_c.len_utf8()),
            c if letters < MAX_PINYIN => {
                if is_pinyin_vowel(c) {
                    vowel = true;
                } else if !c.is_ascii_lowercase() {
                    return None;
                }
                letters += 1;
            }
            _ => return None,
        }
    }
    None
}

pub(super) fn is_pinyin_vowel(c: char) -> bool {
    "aeiouvüêāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ".contains(c)
}

/// `rest` follows a `$`: the byte length of `txy$` in a `$txy$`-style template
/// placeholder (a letter, then up to 15 letters, digits or `_`, then `$`).
/// `$100` and `$ a $` do not qualify.
pub(super) fn dollar_token_len(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    if !bytes.first()?.is_ascii_alphabetic() {
        return None;
    }
    let end = bytes.iter().take(17).position(|&b| b == b'$')?;
    bytes[..end].iter().all(|&b| b.is_ascii_alphanumeric() || b == b'_').then_some(end + 1)
}

/// `rest` follows a `[`: the byte length through `]` of a `[bookmark: …]`
/// anchor that docx-to-text converters leave behind.
pub(super) fn bookmark_len(rest: &str) -> Option<usize> {
    let tail = rest.strip_prefix("bookmark:")?;
    let end = tail.bytes().take(200).position(|b| b == b']' || b == b'\n')?;
    (tail.as_bytes()[end] == b']').then_some("bookmark:".len() + end + 1)
}

/// The space or line break pending before the next character kept (none at the start).
#[inline]
fn separate(out: &mut String, pending_space: &mut bool, pending_newline: &mut bool) {
    if !out.is_empty() {
        if *pending_newline {
            out.push('\n');
        } else if *pending_space {
            out.push(' ');
        }
    }
    *pending_space = false;
    *pending_newline = false;
}
