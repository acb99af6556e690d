//! Text → sentences: where a sentence ends (punctuation, headings, tables, a complete
//! line), and the compact copy a sentence is read in (whitespace set aside).

use std::borrow::Cow;

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
    let unpunctuated = !before.contains(|c: char| is_sentence_end(c) || is_clause_end(c));
    if line_is_head && unpunctuated {
        return false;
    }
    // A report's title line (`某某局2016年政府信息公开工作年度报告`, `…年度报告（2019年）`) ends
    // its own sentence: the paragraph after it is not about what the title names.
    if unpunctuated && (before.ends_with("报告") || before.contains("年度报告")) {
        return false;
    }
    let rest = &text[nl + 1..];
    let next_line = rest[..rest.find('\n').unwrap_or(rest.len())].trim();
    let Some(first) = next_line.chars().next() else { return false };
    // A page's number a PDF text layer put between the lines of a sentence (`- 5 -`, `第3页`),
    // where normalisation did not drop it as a paragraph of its own.
    if next_line.len() <= 24 && crate::furniture::is_page_number_line(next_line) {
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

/// A line that opens with a counted number (`11 件。`, `5928`, `5500 余条`): the end of a
/// phrase wrapped before its number.
pub(super) fn starts_with_count(line: &str) -> bool {
    let digits = line.find(|c: char| !c.is_ascii_digit() && !matches!(c, '.' | ',')).unwrap_or(line.len());
    if digits == 0 {
        return false;
    }
    let rest = line[digits..].trim_start();
    // (An approximate count: `余` / `多` between the number and its unit.)
    let rest = rest.strip_prefix(['余', '多']).unwrap_or(rest);
    rest.is_empty() || numbers::UNITS.iter().any(|u| rest.starts_with(u) && numbers::is_count_unit(u))
}

/// Byte offsets of the characters that end a sentence or a line (`。！？!?` and `\n`), found by
/// byte: the line break and the ASCII marks are bytes of their own, and `。` (E3 80 82), `！`
/// (EF BC 81) and `？` (EF BC 9F) start with one of two lead bytes.
fn stops(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out: Vec<usize> = memchr::memchr2_iter(b'!', b'?', b).collect();
    let ascii = out.len();
    for p in memchr::memchr3_iter(b'\n', 0xE3, 0xEF, b) {
        let stop = match b[p] {
            b'\n' => true,
            0xE3 => b.get(p + 1..p + 3) == Some(&[0x80, 0x82]),
            _ => matches!(b.get(p + 1..p + 3), Some([0xBC, 0x81 | 0x9F])),
        };
        if stop {
            out.push(p);
        }
    }
    if ascii > 0 {
        out.sort_unstable();
    }
    out
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
    let stops = stops(text);
    let mut k = 0usize;
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
        // Nothing happens before the next stop or the next table or heading (both after `i`).
        let limit = excl.get(e).map_or(text.len(), |x| x.0).min(heads.get(h).copied().unwrap_or(text.len()));
        while stops.get(k).is_some_and(|&p| p < i) {
            k += 1;
        }
        match stops.get(k) {
            Some(&p) if p < limit => i = p,
            _ => {
                i = limit;
                continue;
            }
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

/// The byte offset of the first character of `s` for which `gap` holds, where every such
/// character is ASCII whitespace, `|` or led by C2, E1, E2, E3 or EF: only the characters led by
/// those bytes are decoded, every other character is passed over by one look-up of its lead
/// byte (most sentences hold no gap, and were walked a character at a time, their ASCII too).
fn first_gap(s: &str, gap: impl Fn(char) -> bool) -> Option<usize> {
    static MAY_GAP: [bool; 256] = {
        let mut t = [false; 256];
        let mut i = 0;
        while i < 256 {
            t[i] = matches!(i as u8, 0x09..=0x0D | b' ' | b'|' | 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF);
            i += 1;
        }
        t
    };
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let lead = b[i];
        if !MAY_GAP[usize::from(lead)] {
            // A three-byte character (Han) passed whole, its length told by a branch on its
            // lead byte (see `charset::chars_led`); other bytes one at a time.
            i += if (0xE0..0xF0).contains(&lead) { 3 } else { 1 };
            continue;
        }
        let c = s[i..].chars().next()?;
        if gap(c) {
            return Some(i);
        }
        i += c.len_utf8();
    }
    None
}

/// A sentence with its whitespace removed, mapped back to the text.
pub(super) struct Compact<'a> {
    pub(super) s: Cow<'a, str>,
    /// Where each run of text kept whole starts: `(byte offset in s, text byte offset)`, in
    /// order; `None` when `s` is the text itself from `base` on.
    runs: Option<Vec<(usize, usize)>>,
    base: usize,
}

impl<'a> Compact<'a> {
    pub(super) fn new(text: &'a str, start: usize, end: usize) -> Compact<'a> {
        let raw = &text[start..end];
        // Pipes too: a converter may cut a line of prose into the cells of a Markdown
        // row (`| 府网站平台主动公开政府信息 |  |  | 1136 条。 |`).
        let gap = |c: char| crate::charset::is_whitespace(c) || matches!(c, '\u{200b}' | '\u{feff}' | '|' | '｜');
        // Gaps and bullets are ASCII or led by C2, E1, E2, E3, EF: only those characters are
        // decoded, Han is stepped over (`chars_led`).
        let decoded = |b: u8| matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF);
        let Some(first_gap) = first_gap(raw, gap) else {
            return Compact { s: Cow::Borrowed(raw), runs: None, base: start };
        };
        let mut s = String::with_capacity(raw.len());
        let mut runs = Vec::new();
        // The characters kept are copied a run at a time: `run` is where the current one starts.
        let mut run = 0usize;
        let mut keep_run = |s: &mut String, from: usize, to: usize| {
            if to > from {
                runs.push((s.len(), start + from));
                s.push_str(&raw[from..to]);
            }
        };
        // After a line break inside a sentence, a Markdown bullet a converter put before
        // the wrapped rest (`…全年共收到政府信息公开申\n\n- 请0件`) is not text, nor is
        // the rule row under a Markdown row (`| --- | --- |`).
        let mut line_start = true;
        // Up to the first gap, nothing is dropped: a bullet needs a line start and a gap after it.
        let mut chars =
            crate::charset::chars_led(&raw[first_gap..], decoded).map(|(k, c)| (first_gap + k, c)).peekable();
        // Where the character after the last one seen starts: a later one past it means
        // characters stepped over (no gap, no bullet) came between.
        let mut next_at = first_gap;
        if first_gap > 0 {
            line_start = false;
            // The one character before the gap may be a bullet at the start of the sentence.
            let (k, c) = raw[..first_gap].char_indices().next_back().unwrap_or((0, ' '));
            if k == 0 && matches!(c, '-' | '*' | '•' | '·') {
                run = first_gap;
            }
        }
        while let Some((k, c)) = chars.next() {
            if k > next_at {
                line_start = false;
            }
            next_at = k + c.len_utf8();
            if c == '\n' {
                line_start = true;
            }
            if gap(c) {
                keep_run(&mut s, run, k);
                run = k + c.len_utf8();
                if c == '|' && line_start {
                    let line = &raw[k..raw[k..].find('\n').map_or(raw.len(), |e| k + e)];
                    if line.contains('-') && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t')) {
                        while let Some(&(j, n)) = chars.peek() {
                            if n == '\n' {
                                break;
                            }
                            chars.next();
                            run = j + n.len_utf8();
                            next_at = run;
                        }
                    }
                }
                continue;
            }
            if line_start
                && matches!(c, '-' | '*' | '•' | '·')
                && chars.peek().is_some_and(|&(j, n)| j == next_at && gap(n))
            {
                line_start = false;
                keep_run(&mut s, run, k);
                run = k + c.len_utf8();
                continue;
            }
            line_start = false;
        }
        keep_run(&mut s, run, raw.len());
        Compact { s: Cow::Owned(s), runs: Some(runs), base: start }
    }

    /// The text byte offset of byte `i` of the compact sentence (`i` < its length).
    fn text_at(runs: &[(usize, usize)], i: usize) -> usize {
        let r = runs[runs.partition_point(|&(c, _)| c <= i) - 1];
        r.1 + (i - r.0)
    }

    /// The text byte offset where byte `i` of the compact sentence starts.
    pub(super) fn at(&self, i: usize) -> usize {
        match &self.runs {
            Some(runs) if runs.is_empty() => self.base,
            Some(runs) if i < self.s.len() => Self::text_at(runs, i),
            // Past the end: just past its last byte.
            Some(runs) => Self::text_at(runs, self.s.len() - 1) + 1,
            None => self.base + i,
        }
    }

    /// The text byte offset where the compact range `..i` ends.
    pub(super) fn end_at(&self, i: usize) -> usize {
        match &self.runs {
            Some(runs) if i > 0 && !runs.is_empty() => Self::text_at(runs, (i - 1).min(self.s.len() - 1)) + 1,
            _ => self.at(i),
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn first_gap_is_the_first_gap_character() {
        let gap = |c: char| crate::charset::is_whitespace(c) || matches!(c, '\u{200b}' | '\u{feff}' | '|' | '｜');
        let decoded = |b: u8| matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF);
        let pieces =
            ["政府", "，", "。", "a", "1", " ", "\t", "|", "｜", "\u{a0}", "\u{85}", "\u{ad}", "\u{1680}", "\u{2003}"]
                .into_iter()
                .chain(["\u{200b}", "\u{2028}", "\u{202f}", "\u{205f}", "\u{3000}", "\u{3001}", "\u{feff}", "“", "😀"]);
        let pieces: Vec<&str> = pieces.collect();
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..(seed % 9) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            seed = seed.wrapping_add(1);
            let want = crate::charset::chars_led(&s, decoded).find(|&(_, c)| gap(c)).map(|(k, _)| k);
            assert_eq!(super::first_gap(&s, gap), want, "{s:?}");
        }
    }
    use super::{is_sentence_end, is_soft_break, segments, Compact, Segment};

    /// The compact copy as first written: a text offset for every byte kept.
    fn byte_map(text: &str, start: usize, end: usize) -> (String, Vec<usize>) {
        let raw = &text[start..end];
        let gap = |c: char| crate::charset::is_whitespace(c) || matches!(c, '\u{200b}' | '\u{feff}' | '|' | '｜');
        let (mut s, mut map) = (String::new(), Vec::new());
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
        (s, map)
    }

    /// The sentences as first read, character by character.
    fn segments_by_char(text: &str, heads: &[usize], excl: &[(usize, usize)]) -> Vec<Segment> {
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

    #[test]
    fn stops_cut_as_characters_did() {
        let text = "一、总体情况\n本年度共收到申请12件！其中?答复\n5件。\n（二）表格\n| 1 | 2 |\n主动公开政府信息\n3119\n条，完成!好\n二、其他\n结束？";
        let bounds: Vec<usize> = (0..=text.len()).filter(|&b| text.is_char_boundary(b)).collect();
        let mut seed = 7u64;
        let mut pick = move |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for _ in 0..500 {
            let mut heads: Vec<usize> = (0..pick(4)).map(|_| bounds[pick(bounds.len())]).collect();
            heads.sort_unstable();
            let mut excl: Vec<(usize, usize)> = Vec::new();
            for _ in 0..pick(3) {
                let (a, b) = (bounds[pick(bounds.len())], bounds[pick(bounds.len())]);
                excl.push((a.min(b), a.max(b)));
            }
            excl.sort_unstable();
            let got: Vec<_> = segments(text, &heads, &excl).iter().map(|s| (s.start, s.end, s.fresh)).collect();
            let want: Vec<_> =
                segments_by_char(text, &heads, &excl).iter().map(|s| (s.start, s.end, s.fresh)).collect();
            assert_eq!(got, want, "{heads:?} {excl:?}");
        }
    }

    #[test]
    fn runs_map_back_as_bytes_did() {
        let texts = [
            "共收到申请 12 件。",
            "- 请0件",
            "• 全年共收到政府信息公开申\n\n- 请0件，* 其中-1件",
            "-x 申请",
            "x- y",
            "| 府网站平台主动公开政府信息 |  |  | 1136 条。 |\n| --- | --- |\n| 办结 | 3 |",
            "|---|\n申请\u{200b}5\u{feff}件｜",
            "   ",
            "政府信息",
            "a\n-\n b",
        ];
        for text in texts {
            let padded = format!("前文。{text}后文");
            let (start, end) = ("前文。".len(), "前文。".len() + text.len());
            let (s, map) = byte_map(&padded, start, end);
            let cp = Compact::new(&padded, start, end);
            assert_eq!(cp.s, s, "{text:?}");
            // Without a gap the sentence is the text itself, offsets past its end included.
            let past = if cp.runs.is_none() { s.len() } else { s.len() + 2 };
            for i in 0..=past {
                let at = map.get(i).copied().unwrap_or_else(|| map.last().map_or(start, |l| l + 1));
                assert_eq!(cp.at(i), if s.is_empty() && map.is_empty() { start } else { at }, "{text:?} at {i}");
                if i > 0 && !map.is_empty() {
                    assert_eq!(cp.end_at(i), map[(i - 1).min(map.len() - 1)] + 1, "{text:?} end_at {i}");
                }
            }
        }
    }
}
