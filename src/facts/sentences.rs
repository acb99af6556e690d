//! Text → sentences: where a sentence ends (punctuation, headings, tables, a complete
//! line), and the compact copy a sentence is read in (whitespace set aside).

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::numbers::{self};

/// A sentence: a byte range of the text; `fresh` when a heading or a table comes
/// before it (the sentence before it is no context).
pub(super) struct Segment {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) fresh: bool,
}

/// Sentence ends.
pub(super) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// Clause ends inside a sentence.
pub(super) fn is_clause_end(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '：' | ':')
}

/// Lines shorter than this that end without punctuation are complete (headings,
/// titles, signatures); longer ones may be hard-wrapped prose.
pub(super) const WRAP_MIN_CHARS: usize = 15;

/// Page numbers a PDF text layer puts between the lines of a sentence (`-1-`, `- 5 -`, `第3页`).
pub(super) static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-—－–]\s*[0-9]{1,4}\s*[-—－–]|第\s*[0-9]{1,4}\s*页(?:\s*共\s*[0-9]{1,4}\s*页)?|[0-9]{1,4}\s*/\s*[0-9]{1,4})$")
        .expect("page number regex")
});

/// Whether the line break at byte `nl` continues a sentence: the line before it
/// is long or ends in a number, the next line is a number with its unit or
/// punctuation that continues a clause, or a page number. A heading's own line
/// (`line_is_head`, no punctuation in it) is complete.
pub(super) fn is_soft_break(text: &str, line_start: usize, nl: usize, line_is_head: bool) -> bool {
    let before = text[line_start..nl].trim_end();
    let Some(last) = before.chars().next_back() else { return false };
    if is_sentence_end(last) || matches!(last, '；' | ';') {
        return false;
    }
    if line_is_head && !before.contains(|c: char| is_sentence_end(c) || is_clause_end(c)) {
        return false;
    }
    let rest = &text[nl + 1..];
    let next_line = rest[..rest.find('\n').unwrap_or(rest.len())].trim();
    let Some(first) = next_line.chars().next() else { return false };
    if next_line.len() <= 24 && PAGE_NUMBER.is_match(next_line) {
        return true;
    }
    if last.is_ascii_digit() || numbers::ascii_digit(last).is_some() {
        return true;
    }
    if matches!(first, '，' | ',' | '、' | '。' | '；' | ';' | '）' | ')' | '%' | '％' | '”' | '》')
        || numbers::starts_with_any(next_line, numbers::UNITS).is_some()
        || starts_with_count(next_line)
    {
        return true;
    }
    before.chars().count() >= WRAP_MIN_CHARS
}

/// A line that opens with a counted number (`11 件。`, `5928`): the end of a
/// phrase wrapped before its number.
pub(super) fn starts_with_count(line: &str) -> bool {
    let digits = line.find(|c: char| !c.is_ascii_digit() && !matches!(c, '.' | ',')).unwrap_or(line.len());
    if digits == 0 {
        return false;
    }
    let rest = line[digits..].trim_start();
    rest.is_empty() || numbers::UNITS.iter().any(|u| rest.starts_with(u) && numbers::is_count_unit(u))
}

/// The sentences of `text`: cut at sentence ends, at `heads` (byte offsets of
/// section starts), around `excl` (byte ranges of tables) and at line breaks that
/// end a line (see [`is_soft_break`]).
pub(super) fn segments(text: &str, heads: &[usize], excl: &[(usize, usize)]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut fresh = true;
    let mut line_start = 0usize;
    let mut line_is_head = false;
    let (mut h, mut e) = (0usize, 0usize);
    let mut emit = |start: usize, end: usize, fresh: &mut bool| {
        if end > start && !text[start..end].trim().is_empty() {
            out.push(Segment { start, end, fresh: *fresh });
            *fresh = false;
        }
    };
    let mut i = 0usize;
    while i < text.len() {
        if e < excl.len() && excl[e].0 <= i {
            emit(start, i.min(excl[e].0.max(start)), &mut fresh);
            i = i.max(excl[e].1);
            while e < excl.len() && excl[e].0 <= i {
                i = i.max(excl[e].1);
                e += 1;
            }
            start = i;
            fresh = true;
            // The text after a table starts a line of its own.
            line_start = i;
            continue;
        }
        if h < heads.len() && heads[h] <= i {
            if heads[h] == i {
                emit(start, i, &mut fresh);
                start = i;
                fresh = true;
                line_is_head = text[line_start..i].trim().is_empty();
            }
            h += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else { break };
        let next = i + c.len_utf8();
        if is_sentence_end(c) {
            emit(start, i, &mut fresh);
            start = next;
        } else if c == '\n' {
            if !is_soft_break(text, line_start, i, line_is_head) {
                emit(start, i, &mut fresh);
                start = next;
            }
            line_start = next;
            line_is_head = false;
        }
        i = next;
    }
    emit(start, text.len(), &mut fresh);
    out
}

/// A sentence with its whitespace removed, mapped back to the text.
pub(super) struct Compact<'a> {
    pub(super) s: Cow<'a, str>,
    /// Text byte offset of each byte of `s`; `None` when `s` is the text itself
    /// from `base` on.
    pub(super) map: Option<Vec<usize>>,
    pub(super) base: usize,
}

impl<'a> Compact<'a> {
    pub(super) fn new(text: &'a str, start: usize, end: usize) -> Compact<'a> {
        let raw = &text[start..end];
        // Pipes too: a converter may cut a line of prose into the cells of a Markdown
        // row (`| 府网站平台主动公开政府信息 |  |  | 1136 条。 |`).
        let gap = |c: char| c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}' | '|' | '｜');
        if !raw.contains(gap) {
            return Compact { s: Cow::Borrowed(raw), map: None, base: start };
        }
        let mut s = String::with_capacity(raw.len());
        let mut map = Vec::with_capacity(raw.len());
        // After a line break inside a sentence, a Markdown bullet a converter put before
        // the wrapped rest (`…全年共收到政府信息公开申\n\n- 请0件`) is not text, nor is
        // the rule row under a Markdown row (`| --- | --- |`).
        let mut line_start = true;
        let mut chars = raw.char_indices().peekable();
        while let Some((k, c)) = chars.next() {
            if c == '\n' {
                line_start = true;
            }
            if gap(c) {
                if c == '|' && line_start {
                    let line = &raw[k..raw[k..].find('\n').map_or(raw.len(), |e| k + e)];
                    if line.contains('-') && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t')) {
                        while chars.peek().is_some_and(|&(_, n)| n != '\n') {
                            chars.next();
                        }
                    }
                }
                continue;
            }
            if line_start && matches!(c, '-' | '*' | '•' | '·') && chars.peek().is_some_and(|&(_, n)| gap(n)) {
                line_start = false;
                continue;
            }
            line_start = false;
            s.push(c);
            map.extend((0..c.len_utf8()).map(|j| start + k + j));
        }
        Compact { s: Cow::Owned(s), map: Some(map), base: start }
    }

    /// The text byte offset where byte `i` of the compact sentence starts.
    pub(super) fn at(&self, i: usize) -> usize {
        match &self.map {
            Some(m) => m.get(i).copied().unwrap_or_else(|| m.last().map_or(self.base, |l| l + 1)),
            None => self.base + i,
        }
    }

    /// The text byte offset where the compact range `..i` ends.
    pub(super) fn end_at(&self, i: usize) -> usize {
        match &self.map {
            Some(m) if i > 0 => m[(i - 1).min(m.len() - 1)] + 1,
            _ => self.at(i),
        }
    }
}
