//! Tables in text (DOMAIN §8.2–§8.3): one cell per line, pipe rows with or
//! without empty cells, space-separated PDF rows, rows flattened into glued
//! digit runs, page furniture inside a table. Rows are found by their labels
//! in a compact view of the text (no whitespace, widths folded); the numbers
//! between one label and the next are that row's tokens.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use crate::document::{CharIndex, Span};

use super::cells::{self, fold, is_space, ColKind, NA_TOKENS};
use super::solve::Token;

/// Page furniture that may sit inside a table (DOMAIN §8.3): `- 7 -`,
/// `第 3 页 共 5 页`, `Page 9 - 2020年报_审计局`, `P. 9`, `3/5` on its own line.
/// No `\b`: a Unicode word boundary sends the regex crate to its slow engine on
/// non-ASCII text (30x slower over a whole document); `\d+(?:[^\w\n].*)?$` is
/// `\d+\b.*$` spelled without it.
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?mi)第\s*\d+\s*页\s*[,，/]?\s*共\s*\d+\s*页|^[ \t]*[-—–－]\s*\d{1,4}\s*[-—–－][ \t]*$|^[ \t]*(?:page|p\.)[ \t]*\d+(?:[^\w\n].*)?$|^[ \t]*\d{1,4}[ \t]*/[ \t]*\d{1,4}[ \t]*$",
    )
    .expect("furniture regex")
});

/// Quote marks dropped from the compact view (DOMAIN §12.1: `“三安全一稳定”`).
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』' | '《' | '》')
}

pub fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// The document text as characters plus a compact view for label matching.
pub struct View {
    pub chars: Vec<char>,
    /// Page furniture, read as whitespace.
    pub furniture: Vec<bool>,
    pub compact: String,
    /// Compact char index → original char index.
    c2o: Vec<usize>,
    /// Compact char index → byte offset in `compact`.
    cbytes: Vec<usize>,
}

/// A label found in the text: original char range and pattern id.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub pat: usize,
}

/// At most this many label hits are considered per search (adversarial input).
const MAX_HITS: usize = 20_000;

impl View {
    pub fn new(text: &str) -> View {
        let chars: Vec<char> = text.chars().collect();
        let mut furniture = vec![false; chars.len()];
        if FURNITURE.is_match(text) {
            let idx = CharIndex::new(text);
            for m in FURNITURE.find_iter(text) {
                let [a, b] = idx.span(m.range());
                for f in furniture.iter_mut().take(b.min(chars.len())).skip(a) {
                    *f = true;
                }
            }
        }
        let mut compact = String::with_capacity(text.len());
        let mut c2o = Vec::with_capacity(chars.len());
        let mut cbytes = Vec::with_capacity(chars.len());
        for (i, &ch) in chars.iter().enumerate() {
            if furniture[i] || is_space(ch) || is_quote(ch) {
                continue;
            }
            let c = match fold(ch) {
                '它' => '他',
                '〔' | '【' | '[' => '(',
                '〕' | '】' | ']' => ')',
                c => c,
            };
            cbytes.push(compact.len());
            c2o.push(i);
            compact.push(c);
        }
        View { chars, furniture, compact, c2o, cbytes }
    }

    fn orig(&self, byte: usize) -> usize {
        let ci = self.cbytes.partition_point(|&b| b < byte);
        self.c2o.get(ci).copied().unwrap_or(self.chars.len())
    }

    /// Leftmost-longest label hits, in text order.
    pub fn find(&self, ac: &AhoCorasick) -> Vec<Hit> {
        ac.find_iter(&self.compact)
            .take(MAX_HITS)
            .map(|m| {
                let start = self.orig(m.start());
                // The last compact char of the match: the one starting before m.end().
                let ci = self.cbytes.partition_point(|&b| b < m.end()).saturating_sub(1);
                let last = self.c2o.get(ci).copied().unwrap_or(start);
                Hit { start, end: last + 1, pat: m.pattern().as_usize() }
            })
            .collect()
    }

    pub fn slice(&self, a: usize, b: usize) -> String {
        self.chars[a.min(self.chars.len())..b.min(self.chars.len())].iter().collect()
    }

    /// The compact text between two original positions.
    pub fn compact_between(&self, a: usize, b: usize) -> String {
        let i = self.c2o.partition_point(|&o| o < a);
        let j = self.c2o.partition_point(|&o| o < b);
        self.c2o[i..j].iter().map(|&o| fold(self.chars[o])).collect()
    }

    /// Where a row's numbers end: at `limit`, or at the first Chinese text after
    /// the first number (parenthesised notes and a label's own tail are skipped).
    pub fn region_end(&self, a: usize, limit: usize) -> usize {
        let limit = limit.min(self.chars.len());
        let mut depth = 0usize;
        let mut seen = false;
        let mut i = a;
        while i < limit {
            let c = self.chars[i];
            if self.furniture[i] {
                i += 1;
                continue;
            }
            match c {
                '(' | '（' => depth += 1,
                ')' | '）' => depth = depth.saturating_sub(1),
                _ if depth > 0 => {}
                '\n' | '|' | '｜' => seen = true,
                c if fold(c).is_ascii_digit() || "/／-－—–".contains(c) => seen = true,
                '无' => seen = true,
                '不' if self.chars.get(i + 1..i + 3).is_some_and(|s| s == ['适', '用']) => {
                    seen = true;
                    i += 3;
                    continue;
                }
                c if is_cjk(c) && seen && !unit_after_digit(&self.chars, i) => return i,
                _ => {}
            }
            i += 1;
        }
        limit
    }
}

/// A unit (元, 万元, 件 …) right after a digit belongs to the number.
fn unit_after_digit(chars: &[char], i: usize) -> bool {
    let prev_digit = i > 0 && fold(chars[i - 1]).is_ascii_digit();
    let prev_wan = i > 1 && chars[i - 1] == '万' && fold(chars[i - 2]).is_ascii_digit();
    (prev_digit && "元万件条笔个项次".contains(chars[i])) || (prev_wan && chars[i] == '元')
}

/// Cuts the next row's ordinal (`2.`, `3、`) glued to the end of a region.
fn strip_ordinal(v: &View, a: usize, mut b: usize, ordinal: Option<u8>) -> usize {
    let Some(n) = ordinal else { return b };
    while b > a && (is_space(v.chars[b - 1]) || v.furniture[b - 1] || matches!(v.chars[b - 1], '|' | '｜')) {
        b -= 1;
    }
    if b > a && matches!(fold(v.chars[b - 1]), '.' | '、' | ',') {
        let digits = n.to_string();
        let len = digits.chars().count();
        if b > a + len {
            let got: String = v.chars[b - 1 - len..b - 1].iter().map(|c| fold(*c)).collect();
            if got == digits && (b - 1 - len == a || !fold(v.chars[b - 2 - len]).is_ascii_digit() || len == 1) {
                return b - 1 - len;
            }
        }
    }
    b
}

/// Tokens of the region `[a, b)`; `ordinal` is the next row's ordinal, cut if glued on.
pub fn tokenize(v: &View, a: usize, b: usize, ordinal: Option<u8>) -> Vec<Token> {
    let b = strip_ordinal(v, a, b.min(v.chars.len()), ordinal);
    if a >= b {
        return Vec::new();
    }
    // Parenthesised notes are separators, not values.
    let mut skip = vec![false; b - a];
    let mut depth = 0usize;
    for i in a..b {
        let c = v.chars[i];
        let open = matches!(c, '(' | '（');
        if open {
            depth += 1;
        }
        skip[i - a] = depth > 0 || v.furniture[i];
        if matches!(c, ')' | '）') {
            depth = depth.saturating_sub(1);
            skip[i - a] = true;
        }
    }
    let pipes = (a..b).any(|i| !skip[i - a] && matches!(v.chars[i], '|' | '｜'));
    let mut out = Vec::new();
    let mut line_start = a;
    let mut first_line = true;
    let mut i = a;
    while i <= b {
        if i == b || v.chars[i] == '\n' {
            if pipes {
                pipe_line(v, line_start, i, first_line, &skip, a, &mut out);
            } else {
                words(v, line_start, i, &skip, a, &mut out);
            }
            first_line = false;
            line_start = i + 1;
        }
        i += 1;
    }
    out
}

fn pipe_line(v: &View, a: usize, b: usize, first: bool, skip: &[bool], base: usize, out: &mut Vec<Token>) {
    let line: String = (a..b).filter(|&i| !skip[i - base]).map(|i| v.chars[i]).collect();
    let t = line.trim();
    if t.contains("---") && t.chars().all(|c| matches!(c, '|' | '｜' | '-' | ':' | ' ' | '\t')) {
        return; // markdown separator row
    }
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut s = a;
    for i in a..b {
        if !skip[i - base] && matches!(v.chars[i], '|' | '｜') {
            pieces.push((s, i));
            s = i + 1;
        }
    }
    pieces.push((s, b));
    let empty = |&(x, y): &(usize, usize)| (x..y).all(|i| skip[i - base] || is_space(v.chars[i]));
    // Before the first pipe: the rest of the label cell (first line) or nothing.
    if pieces.first().is_some_and(|p| first || empty(p)) {
        pieces.remove(0);
    }
    if pieces.last().is_some_and(empty) {
        pieces.pop();
    }
    let has_value = pieces.iter().any(|&(x, y)| (x..y).any(|i| !skip[i - base] && !is_space(v.chars[i])));
    if !first && !has_value {
        return; // filler cells in front of the next label
    }
    for (x, y) in pieces {
        let mut toks = Vec::new();
        words(v, x, y, skip, base, &mut toks);
        if toks.is_empty() {
            let at = (x..y).find(|&i| !is_space(v.chars[i])).unwrap_or(x);
            let raw = v.slice(x, y);
            let mut c = cells::blank([at, at]);
            c.raw = raw.trim_matches(is_space).to_string();
            out.push(Token::Fixed(c));
        } else {
            out.extend(toks);
        }
    }
}

/// Whitespace-separated words of `[a, b)` → tokens.
fn words(v: &View, a: usize, b: usize, skip: &[bool], base: usize, out: &mut Vec<Token>) {
    let mut i = a;
    while i < b {
        if skip[i - base] || is_space(v.chars[i]) || matches!(v.chars[i], '|' | '｜') {
            i += 1;
            continue;
        }
        let s = i;
        while i < b && !skip[i - base] && !is_space(v.chars[i]) && !matches!(v.chars[i], '|' | '｜') {
            i += 1;
        }
        word_tokens(v, s, i, out);
    }
}

/// Units that may stick to a number in a cell.
const UNITS: &[&str] = &["万元", "元", "件", "条", "笔", "个", "项", "次"];

fn word_tokens(v: &View, a: usize, b: usize, out: &mut Vec<Token>) {
    let raw: String = v.chars[a..b].iter().collect();
    let folded: String = raw.chars().map(fold).collect();
    if NA_TOKENS.contains(&folded.as_str()) {
        out.push(Token::Fixed(cells::parse_cell(&raw, [a, b], ColKind::Count)));
        return;
    }
    // Whole-word forms that are one cell: thousands separators, 增加3 / 减少8.
    let worded = ["增加", "减少", "新增"].iter().any(|p| folded.starts_with(p));
    let grouped = folded.contains(',') && cells::parse_number_text(&folded, ColKind::Count).is_some();
    if (worded || grouped) && cells::parse_number_text(&folded, ColKind::Signed).is_some() {
        out.push(Token::Fixed(cells::parse_cell(&raw, [a, b], ColKind::Signed)));
        return;
    }
    let f: Vec<char> = folded.chars().collect();
    let mut i = 0;
    while i < f.len() {
        let signed = matches!(f[i], '-' | '+') && f.get(i + 1).is_some_and(|c| c.is_ascii_digit()) && (i == 0);
        if !(f[i].is_ascii_digit() || signed) {
            i += 1;
            continue;
        }
        let s = i;
        i += 1;
        while i < f.len()
            && (f[i].is_ascii_digit() || (f[i] == '.' && f.get(i + 1).is_some_and(|c| c.is_ascii_digit())))
        {
            i += 1;
        }
        let chars: Vec<char> = f[s..i].to_vec();
        let rest: String = f[i..].iter().collect();
        let mut unit = String::new();
        for u in UNITS {
            if rest.starts_with(u) {
                unit = (*u).to_string();
                break;
            }
        }
        let unit_len = unit.chars().count();
        let raw_len = chars.len() + unit_len;
        out.push(Token::Run { chars, start: a + s, unit, unit_len, raw_len });
        i += unit_len;
    }
}

/// Builds a leftmost-longest matcher over label patterns.
pub fn matcher(patterns: &[&str]) -> AhoCorasick {
    AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(patterns).expect("label patterns")
}

/// A span over the region's tokens, or the empty span at `a`.
pub fn tokens_span(tokens: &[Token], a: usize) -> Span {
    match (tokens.first(), tokens.last()) {
        (Some(f), Some(l)) => [f.span()[0], l.span()[1]],
        _ => [a, a],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::solve::slot_value;

    fn toks(s: &str) -> Vec<String> {
        let v = View::new(s);
        tokenize(&v, 0, v.chars.len(), None).iter().map(|t| t.raw()).collect()
    }

    #[test]
    fn tokenizes_shapes() {
        assert_eq!(toks(" 0 0 0 0 0 00"), ["0", "0", "0", "0", "0", "00"]);
        assert_eq!(toks(" | 0 | | | | | | 0 |"), ["0", "", "", "", "", "", "0"]);
        assert_eq!(toks("\n0\n- 7 -\n3\n"), ["0", "3"]);
        assert_eq!(toks(" 2笔 984361元"), ["2笔", "984361元"]);
        assert_eq!(toks("（区分处理的，只计这一情形）5 / —"), ["5", "/", "—"]);
        let _ = slot_value;
    }

    #[test]
    fn furniture_lines() {
        let found = |s: &str| FURNITURE.find_iter(s).map(|m| (m.start(), m.end())).collect::<Vec<_>>();
        let cases: [(&str, &[(usize, usize)]); 12] = [
            ("Page 9 - 2020年报_审计局", &[(0, 29)]),
            ("P. 9", &[(0, 4)]),
            ("p.9\nfoo", &[(0, 3)]),
            ("PAGE 3\r", &[(0, 7)]),
            ("page 12 abc", &[(0, 11)]),
            ("page ９ x", &[(0, 10)]),
            ("- 7 -", &[(0, 5)]),
            ("第 3 页 共 5 页", &[(0, 19)]),
            ("page 9年", &[]),
            ("page 12abc", &[]),
            ("page 9_", &[]),
            ("x page 9", &[]),
        ];
        for (s, want) in cases {
            assert_eq!(found(s), want, "{s:?}");
        }
    }

    #[test]
    fn strips_glued_ordinal() {
        let v = View::new("00000002.");
        let t = tokenize(&v, 0, v.chars.len(), Some(2));
        assert_eq!(t.iter().map(|t| t.raw()).collect::<Vec<_>>(), ["0000000"]);
    }
}
