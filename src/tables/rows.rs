//! Tables in text (DOMAIN §8.2–§8.3): one cell per line, pipe rows with or
//! without empty cells, space-separated PDF rows, rows flattened into glued
//! digit runs, page furniture inside a table. Rows are found by their labels
//! in a compact view of the text (no whitespace, widths folded); the numbers
//! between one label and the next are that row's tokens.

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use crate::document::{CharIndex, Span};

use super::cells::{self, fold, is_space, ColKind, NA_TOKENS};
use super::solve::Token;

/// Page furniture that may sit inside a table (DOMAIN §8.3): `- 7 -`,
/// `第 3 页 共 5 页`, `Page 9 - 2020年报_审计局`, `P. 9`, `3/5` on its own line.
///
/// `page 9` must end its digits at a word boundary; that is spelt `(?:$|[^\w\n].*$)`
/// rather than `\b.*$` (the same matches), because a Unicode `\b` stops the regex
/// crate's lazy DFA at the first non-ASCII byte and leaves the PikeVM to scan the
/// whole document: that was a quarter of the parse time of a report.
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| Regex::new(FURNITURE_RE).expect("furniture regex"));
const FURNITURE_RE: &str = r"(?mi)第\s*\d+\s*页\s*[,，/]?\s*共\s*\d+\s*页|^[ \t]*[-—–－]\s*\d{1,4}\s*[-—–－][ \t]*$|^[ \t]*(?:page|p\.)[ \t]*\d+(?:$|[^\w\n].*$)|^[ \t]*\d{1,4}[ \t]*/[ \t]*\d{1,4}[ \t]*$";

/// Whether [`FURNITURE`] may match in `text` (it cannot where this is false, and a scan for
/// these is cheaper than the regex's): `第 3 页 共 5 页` holds a `页` after a digit (and
/// white space); every other alternative starts a line, after spaces and tabs, with a dash, a
/// `p` or a digit, and a digit so on a line with a `/`. (`char::is_numeric` is a superset of
/// `\d`, `char::is_whitespace` is `\s`.)
fn may_hold_furniture(text: &str) -> bool {
    let page_after_digit = |(at, _): (usize, &str)| {
        text[..at].trim_end_matches(char::is_whitespace).chars().next_back().is_some_and(char::is_numeric)
    };
    text.match_indices('页').any(page_after_digit)
        || crate::charset::split_newlines(text).any(|line| match line.trim_start_matches([' ', '\t']).chars().next() {
            Some('-' | '—' | '–' | '－' | 'p' | 'P') => true,
            Some(c) if c.is_numeric() => line.contains('/'),
            _ => false,
        })
}

/// Whether `line` (one line, a grid row's compact text say) is page furniture: `-7-`, `3/5`.
pub(super) fn is_furniture(line: &str) -> bool {
    FURNITURE.find(line).is_some_and(|m| m.start() == 0 && m.end() == line.len())
}

/// Fewest numbers in a row of column numbers (`mark_column_numbers`).
const MIN_COLUMN_NUMBERS: usize = 5;

/// Marks as furniture the lines that number a table's columns: only the integers `0 1 2 …` or
/// `1 2 3 …` in turn, five or more, apart by spaces, commas, TABs or pipes (the column index
/// pandas prints over a table it read, `to_csv`, `to_string`). No row of a report's tables is
/// such a run: its parts would not add up to its total.
fn mark_column_numbers(chars: &[char], lines: &[(usize, usize)], furniture: &mut [bool]) {
    for &(s, i) in lines {
        let line = &chars[s..i];
        let first = line.iter().find(|c| !matches!(c, ' ' | '\t' | '|' | ','));
        if matches!(first, Some('0' | '1')) && counts_columns(line) {
            furniture[s..i].iter_mut().for_each(|f| *f = true);
        }
    }
}

/// Whether `line` is `k k+1 k+2 …` (k 0 or 1, at least [`MIN_COLUMN_NUMBERS`] numbers) and
/// separators only.
fn counts_columns(line: &[char]) -> bool {
    let mut next: Option<u32> = None;
    let mut n = 0;
    for word in line.split(|c| matches!(c, ' ' | '\t' | '|' | ',')).filter(|w| !w.is_empty()) {
        let mut value = 0u32;
        for c in word {
            let Some(d) = c.to_digit(10) else { return false };
            value = value.saturating_mul(10).saturating_add(d);
        }
        if word.len() > 3 || next.is_some_and(|k| k != value) || (next.is_none() && value > 1) {
            return false;
        }
        next = Some(value + 1);
        n += 1;
    }
    n >= MIN_COLUMN_NUMBERS
}

/// The lines of `chars`: `(start, end)` of each, its line break left out.
fn line_ranges(chars: &[char]) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut s = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            lines.push((s, i));
            s = i + 1;
        }
    }
    lines.push((s, chars.len()));
    lines
}

/// The characters of lines that hold numbers only (digits, spaces, signs, points), over the
/// lines of `chars` ([`line_ranges`]).
fn number_lines(chars: &[char], lines: &[(usize, usize)]) -> Vec<bool> {
    let mut out = vec![false; chars.len()];
    for &(s, i) in lines {
        let line = &chars[s..i];
        // A line without a digit is neither.
        // (`fold(c)` is an ASCII digit for exactly the ASCII and the full-width digits.)
        if let Some(first_digit) = line.iter().position(|c| matches!(c, '0'..='9' | '０'..='９')) {
            if numbers_with_units(line) {
                out[s..i].iter_mut().for_each(|f| *f = true);
            } else if let Some(p) =
                numbers_after_fragment(line, first_digit).or_else(|| numbered_fragment(line).map(|f| f.values))
            {
                // `范性文    0   6   111`: the middle line of a label wrapped around its values;
                // `2.没有现成   2   0   0 …`: its first line, after the row's ordinal.
                out[s + p..i].iter_mut().for_each(|f| *f = true);
            }
        }
    }
    out
}

/// Where the values start in a line that is a short piece of a label (no digit, at most
/// eight characters) followed by numbers and nothing else; one number too (`业性收 5949.088667`:
/// the one value of 行政事业性收费 printed on the middle line of its label). `p`: where the
/// line's first digit is.
fn numbers_after_fragment(line: &[char], p: usize) -> Option<usize> {
    let head = &line[..p];
    let words = head.iter().filter(|c| !is_space(**c)).count();
    if !(1..=8).contains(&words)
        || !head.last().is_some_and(|c| is_space(*c))
        || head.iter().any(|c| "。，；：,;:".contains(*c))
    {
        return None;
    }
    let tail = &line[p..];
    let numbers = tail.split(|c| is_space(*c)).filter(|w| !w.is_empty()).count();
    (numbers_only(tail) && numbers >= 1).then_some(p)
}

/// The group labels of table 3 (`（三）不予公开`, …) whose pieces `group_pieces` finds.
const T3_GROUPS: [&str; 5] = ["本年度办理结果", "不予公开", "无法提供", "不予处理", "其他处理"];

/// Longest first word of a line that may be a group label's piece, its ordinal included.
const MAX_GROUP_PIECE: usize = 8;

/// Longest piece of a row label beside a group label's piece (`（二）部分公开（区分处`).
const MAX_LABEL_PIECE: usize = 12;

/// Pieces of table 3's group labels standing first on a line before a row label's piece, as
/// `pdftotext -layout` prints a table whose label columns are narrow (`（三）不予 1.属于国家` /
/// `公开       秘密`, `提供    掌握相关政`): marked, so that the compact view reads the row
/// label's pieces together (`属于国家秘密`). A piece is the start or the end of a group label
/// (two characters at least, an ordinal before it); the next word, a row label's piece, starts
/// with a Han character, a bracket or an ordinal and is short, and values at most follow it.
/// `None` where no line has one.
fn group_pieces(chars: &[char], lines: &[(usize, usize)]) -> Option<Vec<bool>> {
    let mut out: Option<Vec<bool>> = None;
    for &(s, e) in lines {
        let line = &chars[s..e];
        let Some(a) = line.iter().position(|c| !is_space(*c)) else { continue };
        let Some(len) = line[a..].iter().position(|c| is_space(*c)) else { continue };
        let b = a + len;
        let Some(n) = line[b..].iter().position(|c| !is_space(*c)).map(|k| b + k) else { continue };
        // The row label's piece: short, nothing but values after it (a line of prose goes on).
        let next = line[n..].iter().position(|c| is_space(*c)).map_or(line.len(), |k| n + k);
        if len > MAX_GROUP_PIECE || next - n > MAX_LABEL_PIECE || !opens_label(&line[n..]) {
            continue;
        }
        if !values_only(&line[next..]) {
            continue;
        }
        let word: String = line[a..b].iter().map(|c| fold(*c)).collect();
        let piece = super::template::strip_ordinal(&word);
        let is_piece = piece.chars().count() >= 2
            && piece.chars().all(is_cjk)
            && T3_GROUPS.iter().any(|g| *g != piece && (g.starts_with(piece) || g.ends_with(piece)));
        if is_piece {
            out.get_or_insert_with(|| vec![false; chars.len()])[s + a..s + b].fill(true);
        }
    }
    out
}

/// Whether a word (the rest of a line from it) opens a label: a Han character, a bracket, or an
/// ordinal (`1.`) before one.
fn opens_label(rest: &[char]) -> bool {
    let c = rest.first().map(|c| fold(*c));
    let digits = rest.iter().take_while(|c| fold(**c).is_ascii_digit()).count();
    matches!(c, Some('('))
        || c.is_some_and(is_cjk)
        || (digits > 0 && matches!(rest.get(digits).map(|c| fold(*c)), Some('.' | '、')))
}

/// Most characters (not spaces) of a numbered label's first line before its values
/// (`三、本年度 （四）无法 1.本机关不`: pieces of group labels, the ordinal and the row label's piece).
const NUMBERED_FRAGMENT: usize = 20;

/// A line that is the first line of a numbered row label wrapped in its cell, its row's values
/// after it (`2.没有现成       2     0 …` over `信息需要另` / `行制作`, as `pdftotext -layout`
/// prints a table whose label column is narrow): one ordinal (`2.`, `2、`) followed by Han
/// characters, maybe a group label's piece before it (`（三）不予 1.属于国家`), numbers and
/// nothing else after; its values start at the first number or blank mark after the ordinal.
pub(super) fn numbered_fragment(line: &[char]) -> Option<Numbered> {
    let digit = |c: &char| fold(*c).is_ascii_digit();
    let o = line.iter().position(digit)?;
    let o_end = o + line[o..].iter().take_while(|c| digit(c)).count();
    let ordinal = o_end - o <= 2
        && matches!(line.get(o_end).map(|c| fold(*c)), Some('.' | '、'))
        && line.get(o_end + 1).is_some_and(|c| is_cjk(*c))
        && (o == 0 || is_space(line[o - 1]) || matches!(line[o - 1], ')' | '）'));
    if !ordinal {
        return None;
    }
    // (A row of blank marks only, `3.危及“三   -   -   …`, has no digit.)
    let p = (o_end + 1..line.len()).find(|&k| is_space(line[k - 1]) && value_char(line[k]))?;
    let head = &line[..p];
    if head.iter().filter(|c| !is_space(**c)).count() > NUMBERED_FRAGMENT
        || head[o_end + 1..].iter().any(|c| digit(c) || "。，；：,;:".contains(*c))
        || !values_only(&line[p..])
    {
        return None;
    }
    let ordinal = line[o..o_end].iter().fold(0u32, |n, c| n * 10 + fold(*c).to_digit(10).unwrap_or(0));
    Some(Numbered { ordinal, start: o, piece: o_end + 1, values: p })
}

/// A character of a row's values on a label's line: a number's, or a blank mark's (`—`).
fn value_char(c: char) -> bool {
    number_char(c) || matches!(c, '—' | '－' | '–')
}

/// Whether the rest of a label's line holds its row's values only: numbers and blank marks,
/// or numbers with their units (`12件   3件`).
fn values_only(rest: &[char]) -> bool {
    rest.iter().all(|c| value_char(*c) || is_space(*c)) || numbers_with_units(rest)
}

/// What [`numbered_fragment`] found on a line: offsets in the line.
pub(super) struct Numbered {
    pub ordinal: u32,
    /// Where the ordinal starts.
    pub start: usize,
    /// Where the label's piece after the ordinal starts.
    pub piece: usize,
    /// Where the values start.
    pub values: usize,
}

/// Units a table-2 amount or count prints after its number (`211.4 万元`, `2笔`).
const VALUE_UNITS: &[&str] = &["万元", "亿元", "元", "笔", "件", "项", "个"];

/// Whether `chars` hold only digits, spaces and the marks numbers print with (`.-/,`).
fn numbers_only(chars: &[char]) -> bool {
    chars.iter().all(|c| number_char(*c) || is_space(*c))
}

fn number_char(c: char) -> bool {
    let c = fold(c);
    c.is_ascii_digit() || matches!(c, '.' | '-' | '/' | ',')
}

/// Whether `chars` hold only numbers, each maybe followed by a unit (`211.4 万元`, `2笔`: a
/// line of values wrapped inside `政府集` / `中采购`), and spaces.
fn numbers_with_units(chars: &[char]) -> bool {
    let mut after_number = false;
    for word in chars.split(|c| is_space(*c)).filter(|w| !w.is_empty()) {
        let digits = word.iter().take_while(|c| number_char(**c)).count();
        let unit = &word[digits..];
        let unit_ok = unit.is_empty()
            || ((digits > 0 || after_number) && VALUE_UNITS.iter().any(|u| u.chars().eq(unit.iter().copied())));
        if !unit_ok {
            return false;
        }
        after_number = digits > 0 && unit.is_empty();
    }
    true
}

impl View {
    /// Whether the character at `i` is on a line of numbers only.
    pub(super) fn on_number_line(&self, i: usize) -> bool {
        self.numline.get(i).copied().unwrap_or(false)
    }

    /// The lines of numbers only inside `[a, b)`, one after another (a label wrapped around its
    /// row's values, `6.属于四类过程性信` / `75` / `1` / `76` / `息`): the first one's start and the
    /// last one's end.
    pub(super) fn number_lines_in(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let (s, mut e) = self.number_line_in(a, b)?;
        // Lines following one another, nothing but spaces between them.
        while let Some((ns, ne)) = self.number_line_in(e, b) {
            if !self.chars[e..ns].iter().all(|c| c.is_whitespace()) {
                break;
            }
            e = ne;
        }
        Some((s, e))
    }

    /// The first line of numbers only inside `[a, b)`: its range.
    pub(super) fn number_line_in(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let s = (a..b.min(self.chars.len())).find(|&i| self.numline[i])?;
        let e = (s..self.chars.len()).find(|&i| !self.numline[i]).unwrap_or(self.chars.len());
        Some((s, e))
    }
}

/// Running headers of a PDF's pages (DOMAIN §8.3): the report's title line, or a line naming
/// the report (`…年度报告`), printed again on later pages between table rows. A line counts
/// when it occurs at least twice; the first occurrence stays text (it is the title).
/// `lines`: the lines of `chars` ([`line_ranges`]).
fn mark_running_headers(chars: &[char], lines: &[(usize, usize)], furniture: &mut [bool]) {
    // A line's key: its characters other than spaces.
    let key_chars = |&(a, b): &(usize, usize)| chars[a..b].iter().copied().filter(|c| !is_space(*c));
    let key = |line: &(usize, usize)| -> String { key_chars(line).collect() };
    let title = lines.iter().map(key).find(|k| !k.is_empty()).unwrap_or_default();
    // `k.contains("报告") || k.contains("年报")`, over the characters of a key.
    fn names_report(mut k: impl Iterator<Item = char>) -> bool {
        let mut prev = '\0';
        k.any(|c| {
            let pair = matches!((prev, c), ('报', '告') | ('年', '报'));
            prev = c;
            pair
        })
    }
    let mut seen: crate::hashing::FastSet<String> = crate::hashing::FastSet::default();
    for line in lines {
        let &(a, b) = line;
        // The length and the `。` are the key's (spaces are no `。`), and whether it is the
        // title or names a report: only a line that may be a running header gets its key
        // written out.
        if !may_be_header(&chars[a..b]) {
            continue;
        }
        if !(key_chars(line).eq(title.chars()) || names_report(key_chars(line))) {
            continue;
        }
        let k = key(line);
        if !seen.insert(k) {
            for f in furniture.iter_mut().take(b).skip(a) {
                *f = true;
            }
        }
    }
}

/// Whether a line may be a running header: 6 to 60 characters other than spaces, no `。`
/// (read until either rules it out: most lines are prose).
fn may_be_header(line: &[char]) -> bool {
    let mut n = 0usize;
    for &c in line {
        if c == '。' {
            return false;
        }
        if !is_space(c) {
            n += 1;
            if n > 60 {
                return false;
            }
        }
    }
    n >= 6
}

/// How many characters at the start of `chars` the compact view keeps as they are and are
/// Han, three bytes each: CJK ideographs other than 它 (read as 他) outside furniture and
/// lines of numbers only.
fn kept_han_run(chars: &[char], furniture: &[bool], numline: &[bool]) -> usize {
    chars
        .iter()
        .zip(furniture)
        .zip(numline)
        .take_while(|&((&c, &f), &n)| !(f | n) && ('\u{4E00}'..='\u{9FFF}').contains(&c) && c != '它')
        .count()
}

/// Quote marks dropped from the compact view (DOMAIN §12.1: `“三安全一稳定”`).
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』' | '《' | '》')
}

pub(super) fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// The document text as characters plus a compact view for label matching.
pub(super) struct View {
    pub chars: Vec<char>,
    /// Page furniture, read as whitespace.
    pub furniture: Vec<bool>,
    /// Characters of lines holding numbers only.
    numline: Vec<bool>,
    pub compact: String,
    /// Compact char index → original char index.
    c2o: Vec<usize>,
    /// Compact char index → byte offset in `compact`.
    cbytes: Vec<usize>,
    /// Empty lines dropped from a text input: `(offset of the line break, how many)`.
    blank_lines: Vec<(usize, u32)>,
    /// How the empty lines print blank cells (`Spacing`).
    spacing: Spacing,
    /// Words of column-aligned lines: `(offset of the word, (its end, its page, first printed
    /// column, printed column after it))`, in text order.
    xs: Vec<(usize, (usize, u32, f32, f32))>,
    /// Blank marks of column-aligned lines: `(offset of the line, its marks' first printed
    /// column and column after)`, in text order (`ColumnLine::marks`).
    marks: Vec<(usize, Vec<(f32, f32)>)>,
    /// Lines printing no-break spaces: `(offset of the line, the no-break spaces of its
    /// whitespace runs)`, in text order (`Document::nbsp_runs`).
    nbsp: Vec<(usize, Vec<u32>)>,
    /// Where the text's pages begin (`Document::pages`): `(offset, page)` in text order.
    pages: Vec<(usize, u32)>,
    /// Text of comma-separated records (`csv_marks`): the commas that separate fields, and the
    /// characters inside a quoted field; both empty for other text.
    csv_sep: Vec<bool>,
    csv_quoted: Vec<bool>,
}

/// Fewest records with an empty field (`a,,b`, or a comma first or last) that make a text's
/// lines comma-separated records (`csv_marks`).
const MIN_CSV_RECORDS: usize = 5;

/// Whether `text` may hold a record with an empty field (`csv_marks`): a comma next to another
/// or at a line's start or end. One packed search over the bytes, so that most texts (prose, HTML
/// tables) build no marks: every empty field is one of these (an empty quoted field is `""`).
fn may_be_csv(text: &str) -> bool {
    let b = text.as_bytes();
    b.first() == Some(&b',')
        || b.last() == Some(&b',')
        || [&b",,"[..], b"\n,", b",\n"].iter().any(|p| memchr::memmem::find(b, p).is_some())
}

/// The separating commas and the quoted characters of a text of comma-separated records (a
/// table saved as CSV, `to_csv`: a field holding a comma, a quote or a line break quoted, `""`
/// a quote in it), or `None`: fewer than [`MIN_CSV_RECORDS`] records of three fields or more
/// with an empty one, which prose (its commas `，`, or `, ` with a space) does not print.
fn csv_marks(chars: &[char]) -> Option<(Vec<bool>, Vec<bool>)> {
    let mut sep = vec![false; chars.len()];
    let mut quoted = vec![false; chars.len()];
    let (mut records, mut fields, mut empty, mut field_len) = (0usize, 1usize, false, 0usize);
    let mut in_quotes = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if in_quotes {
            quoted[i] = true;
            if c == '"' {
                if chars.get(i + 1) == Some(&'"') {
                    quoted[i + 1] = true;
                    i += 2;
                    continue;
                }
                in_quotes = false;
            }
            field_len += 1;
            i += 1;
            continue;
        }
        match c {
            '"' if field_len == 0 => {
                in_quotes = true;
                quoted[i] = true;
                field_len += 1;
            }
            ',' | '\n' => {
                empty |= field_len == 0;
                if c == ',' {
                    sep[i] = true;
                    fields += 1;
                } else {
                    records += usize::from(fields >= 3 && empty);
                    (fields, empty) = (1, false);
                }
                field_len = 0;
            }
            _ => field_len += 1,
        }
        i += 1;
    }
    records += usize::from(fields >= 3 && (empty || field_len == 0));
    (records >= MIN_CSV_RECORDS).then_some((sep, quoted))
}

/// A label found in the text: original char range and pattern id.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    pub start: usize,
    pub end: usize,
    pub pat: usize,
}

/// At most this many label hits are considered per search (adversarial input).
const MAX_HITS: usize = 20_000;

impl View {
    pub(super) fn new(text: &str) -> View {
        View::with_chars(text, crate::document::chars_of(text))
    }

    /// The view of `text`, whose characters `chars` are.
    fn with_chars(text: &str, chars: Vec<char>) -> View {
        let mut furniture = vec![false; chars.len()];
        if may_hold_furniture(text) && FURNITURE.is_match(text) {
            let idx = CharIndex::new(text);
            for m in FURNITURE.find_iter(text) {
                let [a, b] = idx.span(m.range());
                for f in furniture.iter_mut().take(b.min(chars.len())).skip(a) {
                    *f = true;
                }
            }
        }
        // The lines, found once for the passes over them.
        let lines = line_ranges(&chars);
        mark_running_headers(&chars, &lines, &mut furniture);
        mark_column_numbers(&chars, &lines, &mut furniture);
        let numline = number_lines(&chars, &lines);
        // Left out of the compact view with the lines of numbers: group labels' pieces beside
        // a row label's (`公开   秘密`).
        let aside = group_pieces(&chars, &lines);
        let hidden: std::borrow::Cow<[bool]> = match aside {
            Some(mut a) => {
                a.iter_mut().zip(&numline).for_each(|(a, n)| *a |= *n);
                std::borrow::Cow::Owned(a)
            }
            None => std::borrow::Cow::Borrowed(&numline),
        };
        drop(lines);
        let (csv_sep, csv_quoted) =
            if may_be_csv(text) { csv_marks(&chars).unwrap_or_default() } else { Default::default() };
        let mut compact = String::with_capacity(text.len());
        let mut c2o = Vec::with_capacity(chars.len());
        let mut cbytes = Vec::with_capacity(chars.len());
        // `chars` are the characters of `text`: the characters kept as they are, most of the
        // text, are copied from it a run at a time. `run` is where the pending run starts in
        // `text`, `at` where the current character does.
        debug_assert!(chars.iter().copied().eq(text.chars()));
        let (mut run, mut at) = (0usize, 0usize);
        let mut next = 0usize;
        while next < chars.len() {
            // A run of Han characters kept as they are, most of the text: each is three bytes
            // long, so their places are filled in at once rather than pushed one at a time.
            let han = kept_han_run(&chars[next..], &furniture[next..], &hidden[next..]);
            if han > 0 {
                let first = compact.len() + (at - run);
                c2o.extend(next..next + han);
                cbytes.extend((0..han).map(|k| first + 3 * k));
                at += 3 * han;
                next += han;
                continue;
            }
            let (i, ch, f, n) = (next, chars[next], furniture[next], hidden[next]);
            next += 1;
            let here = at;
            at += ch.len_utf8();
            // Lines of numbers only are left out of the compact view: a label wrapped around its
            // row's numbers (`规范性` / `9 9 121` / `文件`) is matched whole.
            if f | n {
                compact.push_str(&text[run..here]);
                run = at;
                continue;
            }
            // CJK ideographs, most of the text, are no space, quote or full-width form.
            let c = if ('\u{4E00}'..='\u{9FFF}').contains(&ch) {
                if ch == '它' {
                    '他'
                } else {
                    ch
                }
            } else if is_space(ch) || is_quote(ch) {
                compact.push_str(&text[run..here]);
                run = at;
                continue;
            } else {
                match fold(ch) {
                    '它' => '他',
                    '〔' | '【' | '[' => '(',
                    '〕' | '】' | ']' => ')',
                    c => c,
                }
            };
            cbytes.push(compact.len() + (here - run));
            c2o.push(i);
            if c != ch {
                compact.push_str(&text[run..here]);
                compact.push(c);
                run = at;
            }
        }
        compact.push_str(&text[run..at]);
        View {
            chars,
            furniture,
            numline,
            compact,
            c2o,
            cbytes,
            blank_lines: Vec::new(),
            spacing: Spacing::None,
            xs: Vec::new(),
            marks: Vec::new(),
            nbsp: Vec::new(),
            pages: Vec::new(),
            csv_sep,
            csv_quoted,
        }
    }

    /// The view of a document text whose empty lines were dropped at `blank_lines`
    /// (`Document::blank_lines`).
    pub(super) fn with_blank_lines(text: &str, chars: Vec<char>, blank_lines: &[(usize, u32)]) -> View {
        let mut v = View::with_chars(text, chars);
        // Text with an empty line after most of its lines (PDF text, converter output) uses
        // them as spacing: they are no blank cells.
        let lines = v.chars.iter().filter(|&&c| c == '\n').count() + 1;
        v.blank_lines = blank_lines.to_vec();
        v.spacing = if 2 * blank_lines.len() < lines {
            Spacing::None
        } else if blank_lines.iter().all(|(_, n)| n % 2 == 1) {
            Spacing::Odd
        } else {
            Spacing::Lines
        };
        v
    }

    /// The view knowing where the text's pages begin (`Document::pages`).
    pub(super) fn with_pages(mut self, pages: &[(usize, u32)]) -> View {
        self.pages = pages.to_vec();
        self
    }

    /// Marks `spans` as page furniture (`on`) or not: a reading that takes them for pages'
    /// numbers. (Lines of numbers only are not in the compact view either way.)
    pub(super) fn set_furniture(&mut self, spans: &[Span], on: bool) {
        for &[a, b] in spans {
            for f in self.furniture.iter_mut().take(b).skip(a) {
                *f = on;
            }
        }
    }

    /// The page (from 0) character `i` was printed on, where the text marks its pages (form
    /// feeds): `None` where it does not.
    pub(super) fn page_of(&self, i: usize) -> Option<u32> {
        if self.pages.is_empty() {
            return None;
        }
        // (The line break at a page's offset ends the page before; a page marked at the text's
        // start holds its first character.)
        let k = self.pages.partition_point(|(o, _)| *o < i || *o == 0);
        Some(k.checked_sub(1).map_or(0, |k| self.pages[k].1))
    }

    /// The text's pages, where it marks them (form feeds): `(first character, end, page)` each,
    /// in text order; empty where it does not.
    pub(super) fn page_ranges(&self) -> Vec<(usize, usize, u32)> {
        if self.pages.is_empty() {
            return Vec::new();
        }
        let len = self.chars.len();
        let mut out = Vec::with_capacity(self.pages.len() + 1);
        let mut start = 0;
        let mut page = 0;
        for &(o, p) in &self.pages {
            let end = o.min(len);
            if o > 0 {
                out.push((start, end.max(start), page));
                start = (o + 1).min(len);
            }
            page = p;
        }
        out.push((start, len.max(start), page));
        out
    }

    /// Adds the printed columns of column-aligned lines (`Document::columns`): each word of
    /// such a line gets the columns it was printed at, where the line still holds as many
    /// words as were printed.
    pub(super) fn with_columns(mut self, columns: &[crate::document::ColumnLine]) -> View {
        for line in columns {
            let (start, cols) = (&line.start, &line.words);
            let end = (*start..self.chars.len()).find(|&i| self.chars[i] == '\n').unwrap_or(self.chars.len());
            let mut words = Vec::new();
            let mut i = *start;
            while i < end {
                if is_space(self.chars[i]) {
                    i += 1;
                    continue;
                }
                let s = i;
                while i < end && !is_space(self.chars[i]) {
                    i += 1;
                }
                words.push((s, i));
            }
            if words.len() == cols.len() {
                // `9      /      145`, a row's values with `/` for a blank cell set apart in
                // columns, is no page's number (`3 / 5`, its words side by side).
                if crate::document::words_spread(cols)
                    && words.len() == 3
                    && self.chars[words[1].0..words[1].1] == ['/']
                {
                    self.furniture[*start..end].iter_mut().for_each(|f| *f = false);
                }
                for ((a, b), c) in words.into_iter().zip(cols) {
                    self.xs.push((a, (b, line.page, c[0] as f32, c[1] as f32)));
                }
                if !line.marks.is_empty() {
                    self.marks.push((*start, line.marks.iter().map(|m| (m[0] as f32, m[1] as f32)).collect()));
                }
            }
        }
        self
    }

    /// Adds the no-break spaces of the text's lines (`Document::nbsp_runs`).
    pub(super) fn with_nbsp_runs(mut self, runs: &[(usize, Vec<u32>)]) -> View {
        self.nbsp = runs.to_vec();
        self
    }

    /// The no-break spaces of the whitespace runs of the line starting at `line`
    /// (`RawBlock::NbspRuns`: before its first word, between each two, after its last), where
    /// it printed some and still holds one space for each run between two words.
    pub(super) fn nbsp_runs_at(&self, line: usize) -> Option<&[u32]> {
        let i = self.nbsp.partition_point(|(o, _)| *o < line);
        let runs = self.nbsp.get(i).filter(|(o, _)| *o == line).map(|(_, r)| r.as_slice())?;
        let end = (line..self.chars.len()).find(|&k| self.chars[k] == '\n').unwrap_or(self.chars.len());
        let text = self.chars.get(line..end)?;
        let spaces = text.iter().filter(|c| is_space(**c)).count();
        // One space a run, none at the ends, none side by side.
        let single = text.first().is_some_and(|c| !is_space(*c))
            && text.last().is_some_and(|c| !is_space(*c))
            && !text.windows(2).any(|w| is_space(w[0]) && is_space(w[1]));
        (single && runs.len() == spaces + 2).then_some(runs)
    }

    /// Whether a line before `at` prints a blank cell as no-break spaces glued to a number (a
    /// run of them only, `n` at most, between two digits or after a line's last digit): a Word
    /// page's table as BeautifulSoup's `get_text()` prints it (`RawBlock::NbspRuns`).
    pub(super) fn marks_blanks_before(&self, at: usize, n: usize) -> bool {
        let fits = |r: u32| (1..=n as u32).contains(&r);
        self.nbsp.iter().take_while(|(o, _)| *o < at).any(|&(line, _)| {
            let Some(runs) = self.nbsp_runs_at(line) else { return false };
            let end = (line..self.chars.len()).find(|&k| self.chars[k] == '\n').unwrap_or(self.chars.len());
            let digit = |k: usize| self.chars.get(k).is_some_and(char::is_ascii_digit);
            let mut run = 0;
            let inner = (line..end).any(|k| {
                if self.chars[k] != ' ' {
                    return false;
                }
                run += 1;
                digit(k - 1) && digit(k + 1) && runs.get(run).copied().is_some_and(fits)
            });
            inner || (end > line && digit(end - 1) && runs.last().copied().is_some_and(fits))
        })
    }

    /// The printed word starting at `at` on a column-aligned line: `(end of the word, its
    /// page, first column, column after it)`.
    pub(super) fn word_at(&self, at: usize) -> Option<(usize, u32, f32, f32)> {
        let i = self.xs.partition_point(|(o, _)| *o < at);
        self.xs.get(i).filter(|(o, _)| *o == at).map(|(_, x)| *x)
    }

    /// The blank marks (first printed column, column after) of the column-aligned line that
    /// starts at `line`.
    pub(super) fn marks_at(&self, line: usize) -> &[(f32, f32)] {
        let i = self.marks.partition_point(|(o, _)| *o < line);
        self.marks.get(i).filter(|(o, _)| *o == line).map_or(&[], |(_, m)| m.as_slice())
    }

    /// Printed words of column-aligned lines in `[a, b)`: `(start, end, page, first column,
    /// column after)`.
    pub(super) fn words_in(&self, a: usize, b: usize) -> impl Iterator<Item = (usize, usize, u32, f32, f32)> + '_ {
        let i = self.xs.partition_point(|(o, _)| *o < a);
        self.xs[i..].iter().take_while(move |(o, _)| *o < b).map(|(o, (e, p, x0, x1))| (*o, *e, *p, *x0, *x1))
    }

    /// The start of the nearest of `markers` (in the compact view) within `reach`
    /// characters before `at`.
    pub(super) fn compact_marker_before(&self, at: usize, markers: &[&str], reach: usize) -> Option<usize> {
        let from = at.saturating_sub(reach);
        let i = self.c2o.partition_point(|&o| o < from);
        let j = self.c2o.partition_point(|&o| o < at);
        let (bi, bj) = (self.cbytes.get(i).copied()?, self.cbytes.get(j).copied().unwrap_or(self.compact.len()));
        let window = &self.compact.as_bytes()[bi..bj];
        // `memmem` finds the same last occurrence as `str::rfind` (a byte offset in the same
        // string), a vector of bytes at a time.
        markers.iter().filter_map(|m| memchr::memmem::rfind(window, m.as_bytes())).max().map(|k| self.orig(bi + k))
    }

    /// The start of the first of `markers` (in the compact view) after `at`.
    pub(super) fn compact_marker_after(&self, at: usize, markers: &[&str]) -> Option<usize> {
        let i = self.c2o.partition_point(|&o| o < at);
        let bi = self.cbytes.get(i).copied()?;
        let window = &self.compact.as_bytes()[bi..];
        // `memmem` finds the same first occurrence as `str::find`, a vector of bytes at a time
        // where `str::find`'s two-way search stepped over the rest of the text once a marker
        // (the whole text, for a marker found nowhere).
        markers.iter().filter_map(|m| memchr::memmem::find(window, m.as_bytes())).min().map(|k| self.orig(bi + k))
    }

    /// Whether `at` lies inside a parenthesised note of its line (`（区分处理的，只计
    /// 这一情形，不计其他情形）`): a label word there is not a label.
    pub(super) fn in_note(&self, at: usize) -> bool {
        let mut depth = 0i32;
        let end = at.min(self.chars.len());
        let from = at.saturating_sub(200).min(end);
        for (k, &c) in self.chars[from..end].iter().enumerate().rev() {
            match c {
                '\n' => break,
                // A bracket standing alone (a vertical `（` / `三` / `）` group label printed
                // one character per line) opens no note.
                '(' | '（' if self.chars.get(from + k + 1).is_some_and(|c| is_space(*c)) => {}
                '(' | '（' => depth += 1,
                ')' | '）' => depth -= 1,
                // Only a bracket changes the depth.
                _ => continue,
            }
            if depth > 0 {
                return true;
            }
        }
        false
    }

    /// Whether the text between `a` and `b` (the end of one value and the start of the next)
    /// parts two runs: other text, more than one line break, or empty lines dropped there.
    pub(super) fn apart(&self, a: usize, b: usize) -> bool {
        let b = b.min(self.chars.len());
        let between = self.chars.get(a..b).unwrap_or(&[]);
        let breaks = between.iter().filter(|&&c| c == '\n').count();
        let i = self.blank_lines.partition_point(|(p, _)| *p < a);
        breaks > 1
            || between.iter().any(|&c| c != '\n' && !is_space(c))
            || self.blank_lines.get(i).is_some_and(|(p, _)| *p < b.max(a + 1))
    }

    /// How many blank cells the empty lines after the line break at `at` print, each `per`
    /// lines past the one line of spacing (where the text spaces its lines); `None` where the
    /// lines are no whole number of cells.
    fn blanks_after(&self, at: usize, per: Per) -> Option<usize> {
        let i = self.blank_lines.partition_point(|(p, _)| *p < at);
        let k = self.blank_lines.get(i).filter(|(p, _)| *p == at).map_or(0, |(_, n)| *n as usize);
        match per {
            Per::Line => Some(k),
            Per::Ignored => Some(0),
            Per::Spaced(s) => match k {
                0 => Some(0),
                k if (k - 1) % s == 0 => Some((k - 1) / s),
                _ => None,
            },
        }
    }

    fn orig(&self, byte: usize) -> usize {
        let ci = self.cbytes.partition_point(|&b| b < byte);
        self.c2o.get(ci).copied().unwrap_or(self.chars.len())
    }

    /// Leftmost-longest label hits, in text order.
    pub(super) fn find(&self, ac: &AhoCorasick) -> Vec<Hit> {
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

    pub(super) fn slice(&self, a: usize, b: usize) -> String {
        self.chars[a.min(self.chars.len())..b.min(self.chars.len())].iter().collect()
    }

    /// Where the line holding character `i` starts: after the `\n` before it, or at 0.
    pub(super) fn line_start(&self, i: usize) -> usize {
        (0..i.min(self.chars.len())).rev().find(|&k| self.chars[k] == '\n').map_or(0, |k| k + 1)
    }

    /// Where the line holding character `i` ends: its `\n`, or the text's end.
    pub(super) fn line_end(&self, i: usize) -> usize {
        (i..self.chars.len()).find(|&k| self.chars[k] == '\n').unwrap_or(self.chars.len())
    }

    /// The compact text between two original positions.
    pub(super) fn compact_between(&self, a: usize, b: usize) -> String {
        let i = self.c2o.partition_point(|&o| o < a);
        let j = self.c2o.partition_point(|&o| o < b).max(i);
        self.c2o[i..j].iter().map(|&o| fold(self.chars[o])).collect()
    }

    /// Whether the text is comma-separated records (`csv_marks`).
    pub(super) fn is_csv(&self) -> bool {
        !self.csv_sep.is_empty()
    }

    /// Whether the character at `i` is a comma separating the fields of comma-separated records
    /// (`csv_marks`).
    pub(super) fn separates_fields(&self, i: usize) -> bool {
        self.csv_sep.get(i).copied().unwrap_or(false)
    }

    /// Where a row's numbers end: at `limit`, or at the first Chinese text after
    /// the first number (parenthesised notes and a label's own tail are skipped).
    pub(super) fn region_end(&self, a: usize, limit: usize) -> usize {
        let limit = limit.min(self.chars.len());
        let mut notes = Notes::NONE;
        let mut seen = false;
        let mut i = a;
        while i < limit {
            let c = self.chars[i];
            if self.furniture[i] {
                i += 1;
                continue;
            }
            notes.reach(i);
            match c {
                '(' | '（' => notes.open(&self.chars, i),
                ')' | '）' => {
                    notes.close();
                }
                _ if notes.inside() => {}
                '\n' | '|' | '｜' => seen = true,
                c if fold(c).is_ascii_digit() || "/／-－—–".contains(c) => seen = true,
                // (`无` is a value alone, not `无法提` / `供`, a group label wrapped beside the rows.)
                '无' if !self.chars.get(i + 1).is_some_and(|c| is_cjk(*c)) => seen = true,
                '不' if self.chars.get(i + 1..i + 3).is_some_and(|s| s == ['适', '用']) => {
                    seen = true;
                    i += 3;
                    continue;
                }
                c if is_cjk(c) && seen && !unit_after_digit(&self.chars, i) => match value_word_at(&self.chars, i) {
                    Some(n) => {
                        i += n;
                        continue;
                    }
                    // A year opening the sentence after the values (`2020 年，本机关…`) is not one.
                    None => return year_before(&self.chars, a, i).unwrap_or(i),
                },
                _ => {}
            }
            i += 1;
        }
        limit
    }
}

/// Where a year written in digits before `年` at `i` starts (`2020 年`), not before `a`.
fn year_before(chars: &[char], a: usize, i: usize) -> Option<usize> {
    if chars[i] != '年' {
        return None;
    }
    let end = (a..i).rev().find(|&k| !matches!(chars[k], ' ' | '\u{3000}' | '\u{a0}'))? + 1;
    let start = (a..end).rev().find(|&k| !fold(chars[k]).is_ascii_digit()).map_or(a, |k| k + 1);
    let year: String = chars[start..end].iter().map(|c| fold(*c)).collect();
    let glued = start > a && matches!(fold(chars[start - 1]), '.' | ',');
    (year.len() == 4 && !glued && year.parse::<u32>().is_ok_and(|y| (1990..2100).contains(&y))).then_some(start)
}

/// The length of a word at `i` that stands in a value's place: a word for a number not given
/// (`不详`), or the word making a number approximate (`约3`, `3余`, `3左右`).
fn value_word_at(chars: &[char], i: usize) -> Option<usize> {
    let digit_at = |k: usize| chars.get(k).is_some_and(|c| fold(*c).is_ascii_digit());
    if matches!(chars[i], '约' | '近' | '逾') && digit_at(i + 1) {
        return Some(1);
    }
    if i > 0 && digit_at(i - 1) {
        if matches!(chars[i], '余' | '多') {
            return Some(1);
        }
        if chars.get(i..i + 2) == Some(&['左', '右']) {
            return Some(2);
        }
    }
    cells::UNGIVEN.iter().find_map(|w| {
        let n = w.chars().count();
        let word = chars.get(i..i + n)?;
        let ends = chars.get(i + n).is_none_or(|c| !is_cjk(*c));
        (word.iter().copied().eq(w.chars()) && ends).then_some(n)
    })
}

/// A unit (元, 万元, 件 …) right after a digit belongs to the number.
fn unit_after_digit(chars: &[char], i: usize) -> bool {
    // A unit may stand apart from its number by spaces (`211.4 万元`, `3900.73 万 元` of text
    // spaced a character apart), not by a line break.
    let before = (0..i).rev().find(|&k| !matches!(chars[k], ' ' | '\u{3000}' | '\u{a0}'));
    let prev_digit = before.is_some_and(|k| fold(chars[k]).is_ascii_digit());
    let prev_wan = before.is_some_and(|k| chars[k] == '万' && unit_after_digit(chars, k));
    (prev_digit && "元万件条笔个项次".contains(chars[i])) || (prev_wan && chars[i] == '元')
}

/// Cuts the next row's ordinal (`2.`, `3、`) glued to the end of a region.
fn strip_ordinal(v: &View, a: usize, mut b: usize, ordinal: Option<u8>) -> usize {
    let Some(n) = ordinal else { return b };
    // (Quote marks the text moved off the label, `3. “ ”危及 三安全一稳定`, stand between.)
    while b > a
        && (is_space(v.chars[b - 1])
            || v.furniture[b - 1]
            || matches!(v.chars[b - 1], '|' | '｜')
            || is_quote(v.chars[b - 1]))
    {
        b -= 1;
    }
    if let Some(open) = bracketed_ordinal_before(v, a, b, n) {
        return open;
    }
    if b > a && matches!(fold(v.chars[b - 1]), '.' | '、' | ',') {
        let len = ordinal_len(n);
        if b > a + len
            && prints_ordinal(v, b - 1 - len, b - 1, n)
            && (b - 1 - len == a || !fold(v.chars[b - 2 - len]).is_ascii_digit() || len == 1)
        {
            return b - 1 - len;
        }
    }
    b
}

/// How many digits ordinal `n` prints.
fn ordinal_len(n: u8) -> usize {
    1 + usize::from(n >= 10) + usize::from(n >= 100)
}

/// Whether `v.chars[from..to]` prints ordinal `n` (full-width digits too).
fn prints_ordinal(v: &View, from: usize, to: usize, n: u8) -> bool {
    v.chars[from..to].iter().map(|c| fold(*c)).eq(n.to_string().chars())
}

/// Where the next row's ordinal printed in brackets (`（2）`, `(2)`) opens, when it ends the
/// region `[a, b)`: a table retyped with the ordinals in brackets rather than `2.`.
fn bracketed_ordinal_before(v: &View, a: usize, b: usize, n: u8) -> Option<usize> {
    if b <= a || !matches!(v.chars[b - 1], ')' | '）') {
        return None;
    }
    let len = ordinal_len(n);
    if b < a + len + 2 {
        return None;
    }
    let open = b - 2 - len;
    (prints_ordinal(v, open + 1, b - 1, n) && matches!(v.chars[open], '(' | '（')).then_some(open)
}

/// Where a parenthesised note opened at `i` ends for the reading of values: at its closing
/// bracket where it closes on its line, else at the first space after it — a label's note
/// wrapped onto a later line (`（二）部分公开（区分处理的，只计这 12 1 0 0 0 2`, its tail
/// `一情形，不计其他情形）` lines below) has the row's values beside its first part.
/// `None`: it closes on its line.
pub(super) fn open_note_end(chars: &[char], i: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut first_space = None;
    for (k, &c) in chars.iter().enumerate().skip(i) {
        match c {
            '\n' => break,
            '(' | '（' => depth += 1,
            ')' | '）' => {
                depth -= 1;
                if depth == 0 {
                    return None;
                }
            }
            c if first_space.is_none() && is_space(c) => first_space = Some(k),
            _ => {}
        }
    }
    Some(first_space.unwrap_or(chars.len()))
}

/// The parenthesised note a walk along the text stands in: it ends at its closing bracket or,
/// not closed on its line, where `open_note_end` says.
#[derive(Clone, Copy)]
pub(super) struct Notes {
    depth: usize,
    /// Where the outermost open note ends unclosed.
    cut: usize,
}

impl Notes {
    pub(super) const NONE: Notes = Notes { depth: 0, cut: usize::MAX };

    /// At `i` (before its character is looked at): a note not closed on its line ends here.
    pub(super) fn reach(&mut self, i: usize) {
        if i >= self.cut {
            *self = Self::NONE;
        }
    }

    /// A bracket opens at `i`.
    pub(super) fn open(&mut self, chars: &[char], i: usize) {
        if self.depth == 0 {
            self.cut = open_note_end(chars, i).unwrap_or(usize::MAX);
        }
        self.depth += 1;
    }

    /// A bracket closes: whether a note was open.
    pub(super) fn close(&mut self) -> bool {
        let open = self.depth > 0;
        self.depth = self.depth.saturating_sub(1);
        open
    }

    /// A line ends: no note runs past it.
    pub(super) fn end_line(&mut self) {
        *self = Self::NONE;
    }

    pub(super) fn inside(self) -> bool {
        self.depth > 0
    }
}

/// Tokens of the region `[a, b)`; `ordinal` is the next row's ordinal, cut if glued on.
pub(super) fn tokenize(v: &View, a: usize, b: usize, ordinal: Option<u8>) -> Vec<Token> {
    let b = strip_ordinal(v, a, b.min(v.chars.len()), ordinal);
    if a >= b {
        return Vec::new();
    }
    // Parenthesised notes are separators, not values. A note does not run past its line:
    // a label's note wrapped over lines (`（区分处理的，只计这一情` / numbers / `形，…）`)
    // leaves the numbers between its parts; the part before an unmatched `）` is note.
    let mut skip = vec![false; b - a];
    let mut notes = Notes::NONE;
    let mut line_start = a;
    for i in a..b {
        let c = v.chars[i];
        notes.reach(i);
        if c == '\n' {
            notes.end_line();
            line_start = i + 1;
        }
        if matches!(c, '(' | '（') {
            notes.open(&v.chars, i);
        }
        skip[i - a] = notes.inside() || v.furniture[i];
        if matches!(c, ')' | '）') {
            if !notes.close() {
                for k in line_start..i {
                    skip[k - a] = true;
                }
            }
            skip[i - a] = true;
        }
    }
    unskip_bracketed_values(v, a, b, &mut skip);
    // The next row's ordinal alone on the region's last line (`2.` before a label the
    // template matching did not find): not a value.
    let last_line = (a..b).rev().find(|&i| v.chars[i] == '\n').map_or(a, |i| i + 1);
    let tail: Vec<char> = v.chars[last_line..b].iter().map(|c| fold(*c)).filter(|c| !is_space(*c)).collect();
    let bracketed = matches!(tail.as_slice(), ['(', d, ')'] if d.is_ascii_digit());
    let b = if last_line > a
        && (bracketed
            || (2..=3).contains(&tail.len())
                && matches!(tail[tail.len() - 1], '.' | '、' | ',')
                && tail[..tail.len() - 1].iter().all(char::is_ascii_digit))
    {
        last_line
    } else {
        b
    };
    let mut out = Vec::new();
    let mut line_start = a;
    let mut first_line = true;
    let mut i = a;
    while i <= b {
        if i == b || v.chars[i] == '\n' {
            // Pipe cells line by line: one pipe row after space-separated rows is read as
            // pipes, its neighbours as words.
            let pipes = (line_start..i).any(|k| !skip[k - a] && matches!(v.chars[k], '|' | '｜'));
            let csv = !pipes && !v.csv_sep.is_empty() && (line_start..i).any(|k| v.csv_sep[k] && !skip[k - a]);
            if pipes {
                pipe_line(v, line_start, i, first_line, &skip, a, &mut out);
            } else if csv {
                csv_line(v, line_start, i, &skip, a, &mut out);
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

/// Where a row's ordinal (`6.`: a digit and a point, no digit after it, at a field's start)
/// stands among a row's tokens after a value, or first where it is a whole comma-separated
/// field, if it does: another row's, whose label the text printed elsewhere (`",1,1,,,,,2` /
/// `,,6.,4,1,,,,,5`: camelot's CSV of a row whose label went on to the next page, its values
/// beside the ordinal), so the values from it on are not this row's. A number is never printed
/// so (a decimal has digits after its point). (Not `、`: a vertical group label, `三、`, may stand
/// right after a value.)
pub(super) fn ordinal_among_values(v: &View, tokens: &[Token]) -> Option<usize> {
    let at = |k: usize| v.chars.get(k).map(|&c| fold(c));
    (0..tokens.len()).find(|&k| {
        let Token::Run { chars, start, unit, raw_len, .. } = &tokens[k] else { return false };
        let end = start + raw_len;
        let before = start.checked_sub(1).and_then(|p| v.chars.get(p)).copied();
        let field_start =
            before.is_none_or(|p| is_space(p) || is_quote(p) || matches!(p, '\n' | ',' | '，' | '|' | '｜'));
        let ordinal = unit.is_empty()
            && chars.len() == 1
            && field_start
            && at(end) == Some('.')
            && !at(end + 1).is_some_and(|c| c.is_ascii_digit());
        let whole_field = || before == Some(',') && at(end + 1) == Some(',') && k + 1 < tokens.len();
        ordinal && (k > 0 || whole_field())
    })
}

/// A number alone in brackets (`（64） 0 0 0 0 0 64`), not a label's ordinal, is printed where
/// a value belongs, not a note: it is kept for the words (and read as a value no
/// one can know), so the numbers after it keep their columns.
fn unskip_bracketed_values(v: &View, a: usize, b: usize, skip: &mut [bool]) {
    let mut i = a;
    while i < b {
        if !matches!(v.chars[i], '(' | '（') || !skip[i - a] {
            i += 1;
            continue;
        }
        let digits = (i + 1..b).take_while(|&k| fold(v.chars[k]).is_ascii_digit()).count();
        let close = i + 1 + digits;
        if digits == 0 || close >= b || !matches!(v.chars[close], ')' | '）') {
            i += 1;
            continue;
        }
        // (`(1)申请人…`: a label's ordinal, the label right after it.)
        let next = (close + 1..b).find(|&k| !is_space(v.chars[k]) && !v.furniture[k]);
        if !next.is_some_and(|k| is_cjk(v.chars[k])) {
            skip[i - a..=close - a].copy_from_slice(&v.furniture[i..=close]);
        }
        i = close + 1;
    }
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

/// The tokens of a line `[a, b)` of comma-separated records (`View::csv_sep`): each field's
/// words, an empty field between two values a blank cell. The empty fields of a record before
/// its first value are the cells of a label merged over columns (camelot prints them empty) or
/// blank values, and those after its last value blank values or the rest of a value cell merged
/// over columns (`"行政许可",0,,`): which, not known, so neither is a cell (the row's arithmetic
/// places blanks where it can). A field going on from the line before (quoted, holding a line
/// break) is text, never a blank.
fn csv_line(v: &View, a: usize, b: usize, skip: &[bool], base: usize, out: &mut Vec<Token>) {
    // Whether the record holds a value before `a`: a whole field of a number among its fields
    // from its start (not the label's, which `a` may stand inside).
    let record_start = (0..a).rev().find(|&k| v.chars[k] == '\n' && !v.csv_quoted[k]).map_or(0, |k| k + 1);
    let mut valued = false;
    let mut f = record_start;
    for k in record_start..a {
        if v.csv_sep[k] {
            valued |= number_field(&v.chars[f..k]);
            f = k + 1;
        }
    }
    // A record with a field of several numbers, or of text and a number (camelot's cells of a
    // table whose rules it missed, `3235 172,,14`), does not print a field a cell: no blanks.
    let record_end = (record_start..v.chars.len()).find(|&k| v.chars[k] == '\n' && !v.csv_quoted[k]);
    let record_end = record_end.unwrap_or(v.chars.len());
    let mut f = record_start;
    for k in record_start..=record_end {
        if k == record_end || v.csv_sep[k] {
            if !cell_field(&v.chars[f..k]) {
                words(v, a, b, skip, base, out);
                return;
            }
            f = k + 1;
        }
    }
    // Empty fields since the last value: blanks once a value follows them.
    let mut pending: Vec<usize> = Vec::new();
    let mut s = a;
    for i in a..=b {
        if i < b && (!v.csv_sep[i] || skip[i - base]) {
            continue;
        }
        let continued = s == a && s > 0 && v.csv_quoted[s - 1] && v.csv_quoted.get(s).copied().unwrap_or(false);
        let empty = (s..i).all(|k| skip[k - base] || is_space(v.chars[k]));
        let quote_only = (s..i).all(|k| skip[k - base] || is_space(v.chars[k]) || v.chars[k] == '"');
        if empty && !continued {
            if valued {
                pending.push(s);
            }
        } else if !quote_only {
            // A mark for none (`/`) before the record's first value: a header's (`本年增` / `/`
            // / `减` cut into fields), as the record's other fields before it; after one, a cell.
            let na = NA_TOKENS.contains(&trim_field(&v.chars[s..i]).into_iter().collect::<String>().as_str());
            if valued || !na {
                let n = out.len();
                words(v, s, i, skip, base, out);
                if na || number_field(&v.chars[s..i]) {
                    if valued {
                        out.splice(n..n, pending.drain(..).map(|at| Token::Fixed(cells::blank([at, at]))));
                    }
                    valued = true;
                }
            }
            pending.clear();
        }
        s = i + 1;
    }
}

/// Whether a comma-separated field is one cell's: empty, a number alone, a mark for none
/// (`/`), or text with no digit but an ordinal before it (`1.属于国家秘密`).
fn cell_field(field: &[char]) -> bool {
    let body: String = trim_field(field).into_iter().collect();
    if body.is_empty() || number_field(field) || NA_TOKENS.contains(&body.as_str()) {
        return true;
    }
    let digits = body.chars().take_while(char::is_ascii_digit).count();
    // (Digits are one byte each.)
    let rest = body[digits..].strip_prefix(['.', '、']).filter(|_| digits > 0).unwrap_or(&body);
    !rest.chars().any(|c| c.is_ascii_digit())
}

/// Whether a comma-separated field is a number alone (`12`, `-3`, `211.4`, quoted or not).
fn number_field(field: &[char]) -> bool {
    let body = trim_field(field);
    let digits = body.strip_prefix(&['-']).or_else(|| body.strip_prefix(&['+'])).unwrap_or(&body);
    digits.first().is_some_and(char::is_ascii_digit)
        && digits.last().is_some_and(char::is_ascii_digit)
        && digits.iter().all(|&c| c.is_ascii_digit() || c == '.')
}

/// A field's characters folded, without the spaces and quotes around them.
fn trim_field(field: &[char]) -> Vec<char> {
    let edge = |c: &char| is_space(*c) || *c == '"';
    let s = field.iter().position(|c| !edge(c)).unwrap_or(field.len());
    let e = field.iter().rposition(|c| !edge(c)).map_or(s, |k| k + 1);
    field[s..e].iter().map(|&c| fold(c)).collect()
}

/// One cell per line (DOMAIN §8.2) with blank cells printed as empty lines: the
/// lines after a label's own line, up to `limit` or the first line that is not
/// one cell, an empty line being a blank cell. `Some(tokens)` only when the label's
/// own line holds no value, there are exactly `n` such lines and at least one is
/// empty (without a blank line the ordinary tokens read the same); otherwise the
/// caller falls back to the tokens with dropped blanks.
pub(super) fn line_cells(v: &View, label_end: usize, limit: usize, n: usize) -> Option<Vec<Token>> {
    match line_cells_or_more(v, label_end, limit, n) {
        LineCells::Cells(cells) => Some(cells),
        LineCells::More(_) | LineCells::Digits(_) | LineCells::No => None,
    }
}

/// A table's last row, `n` cells a line each in the text's own spacing, where only empty lines
/// follow its `n`-th cell up to the next line that is no cell (docx2txt prints the empty
/// paragraphs of a table's end and the section after it): its `n` cells. Past the row's last
/// value, a blank cell and spacing read alike, and either way the row's cells from there on
/// are blank.
pub(super) fn line_cells_blank_after(v: &View, label_end: usize, limit: usize, n: usize) -> Option<Vec<Token>> {
    let per = match v.spacing {
        Spacing::None => Per::Line,
        Spacing::Odd => Per::Spaced(2),
        Spacing::Lines => Per::Spaced(1),
    };
    let cells = scan_line_cells(v, label_end, limit, n, per)?;
    (cells.len() > n
        && cells.len() <= 2 * n
        && cells[n..].iter().all(Token::is_blank)
        && cells[..n].iter().any(Token::is_blank))
    .then(|| unsure_after_spaced(cells.into_iter().take(n).collect()))
}

/// At most this many blank lines after a row's cells are taken for the empty cells of labels
/// merged over rows (`line_cells_by`).
const MERGED_BLANKS: usize = 3;

/// How a text's empty lines stand between its lines (`View::with_blank_lines`).
#[derive(Clone, Copy, PartialEq, Debug)]
enum Spacing {
    /// Few lines have empty lines after them: each empty line a blank cell.
    None,
    /// An empty line after most lines, every run of them odd: a cell a paragraph with one
    /// empty line after each, an empty paragraph (a blank cell) printing two more (docx2txt).
    Odd,
    /// An empty line after most lines, as spacing.
    Lines,
}

/// How many empty lines a blank cell prints (`View::blanks_after`).
#[derive(Clone, Copy)]
enum Per {
    /// Each empty line is a blank cell.
    Line,
    /// Past the one line of spacing, each `s` lines.
    Spaced(usize),
    /// Empty lines are spacing only.
    Ignored,
}

/// What the lines after a label hold, one cell per line (`line_cells`).
pub(super) enum LineCells {
    /// Exactly the `n` cells, one a blank line at least.
    Cells(Vec<Token>),
    /// More than `n` lines of one cell each, one a blank line at least: not one cell per line
    /// (digits of one number printed on lines of their own, `1` / `7` for 17), and the values
    /// with the blanks dropped are no row either. With the lines of digits next to each other
    /// glued into runs (`glue_digit_lines`), where every line is a blank or digits: the runs
    /// hold the row's numbers, which the arithmetic may split.
    More(Option<Vec<Token>>),
    /// More than `n` lines of digits next to each other and no blank line among them: glued
    /// into one run (`glue_digit_lines`). A row of a table printing its numbers a digit or a few
    /// a line with every cell filled, where another row's blank cells show the table is so
    /// (`More(Some(_))`); alone, it may as well be a column's values printed down the page.
    Digits(Vec<Token>),
    /// Not one cell per line.
    No,
}

/// `line_cells`, telling more cells than columns apart.
pub(super) fn line_cells_or_more(v: &View, label_end: usize, limit: usize, n: usize) -> LineCells {
    // Where the text spaces its lines, a blank cell prints two more empty lines (every run odd,
    // docx2txt) or one more (Lynx, a Word page's cell paragraphs): the reading that makes the
    // row exactly `n` cells (only one can: one line a blank gives more cells whenever a run holds
    // a blank). Otherwise the text's own way.
    // Each way with whether it may leave blank lines after the row's last cell to the next
    // row (the second way of docx2txt text must give exactly `n` cells); without cells, the
    // reading of the text's own way (`own`) stands.
    let (ways, own): (&[(Per, bool)], usize) = match v.spacing {
        Spacing::None => (&[(Per::Line, true)], 0),
        Spacing::Odd => (&[(Per::Spaced(2), true), (Per::Spaced(1), false)], 0),
        Spacing::Lines => (&[(Per::Spaced(1), true), (Per::Ignored, true)], 1),
    };
    let mut own_read = LineCells::No;
    for (k, &(per, trim)) in ways.iter().enumerate() {
        let read = line_cells_by(v, label_end, limit, n, per, trim);
        if matches!(read, LineCells::Cells(_)) {
            return read;
        }
        if k == own {
            own_read = read;
        }
    }
    // Text spacing its lines whose row prints a line of single digits a space apart (`1 1`) and
    // an empty line: as spacing, the row is short of a cell unless the digits are two cells; each
    // empty line a blank cell, the digits are one cell's (11, spaced) and the row is whole. The
    // tokens read two values where the report printed 11 and a blank; which it is is not known.
    if v.spacing != Spacing::None {
        if let LineCells::Cells(cells) = line_cells_by(v, label_end, limit, n, Per::Line, true) {
            if let Some(from) = cells.iter().position(|t| is_spaced(t) || t.is_blank()) {
                if cells.iter().any(is_spaced) {
                    return LineCells::Cells(unsure_from(cells, from));
                }
            }
        }
    }
    own_read
}

fn line_cells_by(v: &View, label_end: usize, limit: usize, n: usize, per: Per, trim: bool) -> LineCells {
    let Some(cells) = scan_line_cells(v, label_end, limit, n, per) else { return LineCells::No };
    let blank = Token::is_blank;
    // Blank lines after the last value may be the space before the next row.
    let upto_last_value = cells.iter().rposition(|t| !blank(t)).map_or(0, |i| i + 1);
    let blanks = cells[..upto_last_value].iter().filter(|t| blank(t)).count();
    // The scan stopped at its cap (`scan_line_cells`) right after a value: more may follow.
    let ended = upto_last_value < max_line_cells(n) || cells.len() > upto_last_value;
    match cells.len() {
        k if k == n && cells.iter().any(blank) => LineCells::Cells(unsure_after_spaced(cells)),
        // The first cell a value, blank lines after the n-th: the next row's (a label merged
        // over rows prints an empty cell or two before the next label); with the n-th itself
        // blank, only a few. (A blank first may be the spacing before the values.)
        k if trim
            && k > n
            && (upto_last_value == n || upto_last_value < n && k - n <= MERGED_BLANKS)
            && !blank(&cells[0])
            && cells[..n].iter().any(blank) =>
        {
            LineCells::Cells(unsure_after_spaced(cells.into_iter().take(n).collect()))
        }
        // The first cell blank, then values to the n-th and only blank lines after it (docx2txt
        // ends a row with more empty lines than a cell's): the blank is the row's first cell
        // where the values add up to the n-th, not zero (`_ 1 _ _ _ _ 1`); read as spacing, the
        // row would hold values and a blank total.
        k if trim && k > n && upto_last_value == n && blank(&cells[0]) && adds_up_to_last(&cells[..n]) => {
            LineCells::Cells(unsure_after_spaced(cells.into_iter().take(n).collect()))
        }
        // Exactly `n` values, one after the other, and empty lines only before and after them
        // (PyMuPDF's blocks: an empty line before the block of a row's values where its label
        // wrapped, and after it): a row printing every cell has no blank, so the empty lines
        // are no cells.
        _ if trim && values_between_blanks(&cells, n) => {
            LineCells::Cells(cells.into_iter().filter(|t| !blank(t)).collect())
        }
        // Digits of one number a line apart only in text whose every empty line is a blank cell
        // (no spacing between lines), and only where the row ended before the scan's cap (a
        // number's last digits cut off would be split as if they were all).
        _ if upto_last_value > n && blanks > 0 => {
            LineCells::More((matches!(per, Per::Line) && ended).then(|| glue_digit_lines(v, &cells, n)).flatten())
        }
        _ if upto_last_value > n && ended && matches!(per, Per::Line) => {
            glue_digit_lines(v, &cells, n).map_or(LineCells::No, LineCells::Digits)
        }
        _ => LineCells::No,
    }
}

/// Whether `cells` are blanks, then exactly `n` values one after the other, then blanks.
fn values_between_blanks(cells: &[Token], n: usize) -> bool {
    let first = cells.iter().position(|t| !t.is_blank());
    let last = cells.iter().rposition(|t| !t.is_blank());
    matches!((first, last), (Some(a), Some(b)) if b + 1 - a == n && cells[a..=b].iter().all(|t| !t.is_blank()))
}

/// Whether a row's cells (a blank counting 0) add up to the last, which is not 0.
fn adds_up_to_last(cells: &[Token]) -> bool {
    let values: Option<Vec<i64>> = cells.iter().map(super::solve::blank_as_zero).collect();
    values.is_some_and(|v| super::solve::sum_is_last(&v) && v.last().is_some_and(|&n| n > 0))
}

/// A row's lines a cell each holding a line of single digits a space apart (`0 1`) and an empty
/// line after the row's last value: the digits are one cell's number, spaced, and the empty line
/// a blank cell, or they are several cells and the empty line spacing (pdftotext's empty line
/// before a page break after a row printing its last two values on one line, `0 1`: read so, the
/// total was blank where it is 1). Which columns the lines from the spaced one on are is not
/// known: those cells are left unknown (the spaced line keeps its text), the cells before it are
/// each line's. Split into its digits instead, a line `8 2 1` that is one cell (821) read three
/// values.
fn unsure_after_spaced(cells: Vec<Token>) -> Vec<Token> {
    // Only an empty line after the row's last value is taken for spacing (the row's other empty
    // lines are its blank cells, as everywhere in such text): the lines before the spaced one
    // are the same cells either way.
    let Some(from) = cells.iter().position(is_spaced) else { return cells };
    if cells.last().is_none_or(|t| !t.is_blank()) {
        return cells;
    }
    unsure_from(cells, from)
}

/// A line of single digits a space apart read as one cell (`scan_line_cells`).
pub(super) fn is_spaced(t: &Token) -> bool {
    matches!(t, Token::Fixed(c) if c.state == crate::model::CellState::Text && c.raw.contains(' '))
}

/// `cells` with every cell from `from` on unknown (the text it prints kept).
fn unsure_from(cells: Vec<Token>, from: usize) -> Vec<Token> {
    let unsure = |t: Token| {
        let raw = match &t {
            Token::Fixed(c) if c.state == crate::model::CellState::Text => return t,
            Token::Fixed(c) => c.raw.clone(),
            Token::Run { chars, unit, .. } => chars.iter().collect::<String>() + unit,
        };
        Token::Fixed(cells::unknown(&raw, t.span()))
    };
    cells.into_iter().enumerate().map(|(i, t)| if i >= from { unsure(t) } else { t }).collect()
}

/// Lines of digits next to each other (a line break apart, no blank between), glued into one
/// run each: a Word page's numbers split over text runs, each run a line (`6` / `4` for 64), and
/// cells next to each other look alike. `Some` when every non-blank line is whole digits, at
/// most `n` tokens remain and a line was glued.
pub(super) fn glue_digit_lines(v: &View, cells: &[Token], n: usize) -> Option<Vec<Token>> {
    // Blank cells printed as lines of spaces (`&nbsp;`) end the row at its last value or such
    // line: empty lines after it are spacing. Where a row prints its blanks so, an empty line
    // inside it is no cell either way: not this shape.
    let blank = Token::is_blank;
    let printed_blank = |t: &Token| blank(t) && v.chars.get(t.span()[0]).is_some_and(|&c| c != '\n');
    let end = if cells.iter().any(printed_blank) {
        let end = cells.iter().rposition(|t| !blank(t) || printed_blank(t)).map_or(0, |i| i + 1);
        if cells[..end].iter().any(|t| blank(t) && !printed_blank(t)) {
            return None;
        }
        end
    } else {
        cells.iter().rposition(|t| !blank(t)).map_or(0, |i| i + 1)
    };
    let cells = &cells[..end];
    // The row starts with a number: an empty line after the label is the spacing of text
    // printing a table a column at a time (`0` / `1` / `0` / `0`, empty line, …: four rows'
    // natural persons), not a row's blank first cell.
    if cells.first().is_none_or(blank) {
        return None;
    }
    let digits = |t: &Token| matches!(t, Token::Run { chars, unit, .. } if unit.is_empty() && chars.iter().all(char::is_ascii_digit));
    let mut out: Vec<Token> = Vec::with_capacity(n);
    let mut glued = false;
    for t in cells {
        match t {
            Token::Fixed(_) if blank(t) => out.push(t.clone()),
            Token::Run { .. } if digits(t) => {
                // The next line, no empty line dropped between.
                let next_line = |end: usize| {
                    end + 1 == t.span()[0]
                        && v.chars.get(end) == Some(&'\n')
                        && v.blanks_after(end, Per::Line) == Some(0)
                };
                match out.last_mut() {
                    Some(last @ Token::Run { .. }) if next_line(last.span()[1]) => {
                        last.push_piece(t);
                        glued = true;
                    }
                    _ => out.push(t.clone()),
                }
            }
            _ => return None,
        }
    }
    (glued && out.len() <= n).then_some(out)
}

/// Most lines `scan_line_cells` reads for a row of `n` cells: its cells, blank lines after them,
/// and a row printing its numbers a digit a line (`2` / `7` / `9` / `8` …, four lines for 2798).
fn max_line_cells(n: usize) -> usize {
    4 * n + 1
}

/// The cells of the lines after a label, one per line, at most `max_line_cells`.
fn scan_line_cells(v: &View, label_end: usize, limit: usize, n: usize, per: Per) -> Option<Vec<Token>> {
    let limit = limit.min(v.chars.len());
    let len = v.chars.len();
    let mut nl = (label_end..limit).find(|&i| v.chars[i] == '\n')?;
    if !tokenize(v, label_end, nl, None).is_empty() {
        return None;
    }
    // A note the label's line opens and the next lines close (`（区分处理的，只` / `计这一情形，
    // 不计其他情形）`) is the label's, not a cell: the cells start after it.
    let mut depth = note_depth(v, label_end, nl, 0);
    for _ in 0..2 {
        if depth == 0 || v.blanks_after(nl, per) != Some(0) {
            break;
        }
        let Some(le) = (nl + 1..limit).find(|&i| v.chars[i] == '\n') else { break };
        if (nl + 1..le).any(|i| fold(v.chars[i]).is_ascii_digit()) {
            return None;
        }
        depth = note_depth(v, nl + 1, le, depth);
        nl = le;
    }
    if depth > 0 {
        return None;
    }
    let mut out: Vec<Token> = Vec::with_capacity(n + 1);
    // Empty lines the text reader dropped after the line break at `at`: blank cells.
    let dropped = |at: usize, out: &mut Vec<Token>| -> Option<()> {
        for _ in 0..v.blanks_after(at, per)?.min(2 * n + 1) {
            out.push(Token::Fixed(cells::blank([at, at])));
        }
        Some(())
    };
    dropped(nl, &mut out)?;
    let mut ls = nl + 1;
    while ls <= limit && out.len() < max_line_cells(n) {
        let le = (ls..limit).find(|&i| v.chars[i] == '\n').unwrap_or(limit);
        let closed = le < limit || (le == len && ls < len);
        if !closed {
            // The part of the next label's line before the label: never a cell.
            break;
        }
        let content: Vec<usize> = (ls..le).filter(|&i| !is_space(v.chars[i])).collect();
        if !content.is_empty() && content.iter().all(|&i| v.furniture[i]) {
            ls = le + 1;
            continue; // page furniture between cells
        }
        match cell_line(v, ls, le) {
            Some(None) => out.push(Token::Fixed(cells::blank([ls, ls]))),
            Some(Some(t)) => out.push(t),
            // Single digits a space apart (`4 9`): one cell's number with its digits spaced,
            // which of the numbers it prints is not known (a row counts it one cell).
            None if spaced_digits(v, ls, le) => {
                out.push(Token::Fixed(cells::unknown(v.slice(ls, le).trim_matches(is_space), [ls, le])));
            }
            // A line that starts with a number and goes on (`188.33 某某`): a value that is no
            // cell of its own, so the cells a line each are not known to end before it.
            None if starts_with_number(v, ls, le) => return None,
            None => break,
        }
        if le < limit {
            dropped(le, &mut out)?;
        }
        ls = le + 1;
    }
    Some(out)
}

/// Whether the line `[a, b)` starts with a number as its own word (not an ordinal: `2.`, `3、`).
/// Whether `[a, b)` prints single digits one space apart and nothing else (`4 9`, `2 5 8`).
fn spaced_digits(v: &View, a: usize, b: usize) -> bool {
    let Some(s) = (a..b).find(|&i| !is_space(v.chars[i])) else { return false };
    let e = (s..b).rev().find(|&i| !is_space(v.chars[i])).map_or(s, |i| i + 1);
    e - s >= 3
        && (s..e).all(|i| {
            let k = i - s;
            if k % 2 == 0 {
                fold(v.chars[i]).is_ascii_digit()
            } else {
                v.chars[i] == ' '
            }
        })
}

fn starts_with_number(v: &View, a: usize, b: usize) -> bool {
    let Some(s) = (a..b).find(|&i| !is_space(v.chars[i])) else { return false };
    let e = (s..b)
        .find(|&i| !(fold(v.chars[i]).is_ascii_digit() || matches!(fold(v.chars[i]), '.' | ',' | '-')))
        .unwrap_or(b);
    let word = &v.chars[s..e];
    word.first().is_some_and(|c| fold(*c).is_ascii_digit() || *c == '-')
        && word.iter().any(|c| fold(*c).is_ascii_digit())
        && !matches!(word.last().map(|c| fold(*c)), Some('.' | ','))
        && (e == b || is_space(v.chars[e]))
}

/// The depth of parentheses open at `b`, from `depth` open at `a`.
fn note_depth(v: &View, a: usize, b: usize, mut depth: usize) -> usize {
    for &c in &v.chars[a..b] {
        match fold(c) {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth
}

/// A markdown separator line (`|---|---|`, `| :--- |`) holding position `at`:
/// the position after it.
pub(super) fn separator_line_end(v: &View, at: usize) -> Option<usize> {
    if !matches!(v.chars.get(at), Some('-' | ':')) {
        return None;
    }
    let start = v.line_start(at);
    let end = v.line_end(at);
    is_separator_line(v, start, end).then_some(end)
}

/// Whether the line `[a, b)` is a Markdown table's rule (`|---|:--:|`).
pub(super) fn is_separator_line(v: &View, a: usize, b: usize) -> bool {
    let line: String = v.chars[a..b].iter().collect();
    let t = line.trim_matches(is_space);
    t.contains("---") && t.chars().all(|c| matches!(c, '|' | '｜' | '-' | ':') || is_space(c))
}

/// The first pipe row (`| … | … |`) on the lines after the one holding `at`,
/// skipping empty and separator lines: its range.
pub(super) fn pipe_row_after(v: &View, at: usize) -> Option<(usize, usize)> {
    let len = v.chars.len();
    let mut ls = (at..len).find(|&i| v.chars[i] == '\n')? + 1;
    while ls < len {
        let le = (ls..len).find(|&i| v.chars[i] == '\n').unwrap_or(len);
        let first = (ls..le).find(|&i| !is_space(v.chars[i]) && !v.furniture[i]);
        match first {
            None => {}
            Some(_) if is_separator_line(v, ls, le) => {}
            Some(f) if matches!(v.chars[f], '|' | '｜') => return Some((ls, le)),
            Some(_) => return None,
        }
        ls = le + 1;
    }
    None
}

/// A line read as one cell: `Some(None)` when empty, `Some(Some(token))` when it
/// is one number or `na` token and nothing else, `None` for any other text.
#[allow(clippy::option_option)] // no line / a line without a token
fn cell_line(v: &View, a: usize, b: usize) -> Option<Option<Token>> {
    let Some(s) = (a..b).find(|&i| !is_space(v.chars[i])) else { return Some(None) };
    let e = (s..b).rev().find(|&i| !is_space(v.chars[i])).map_or(s, |i| i + 1);
    if (s..e).any(|i| v.furniture[i] || matches!(v.chars[i], '|' | '｜')) {
        return None;
    }
    if (s..e).any(|i| is_space(v.chars[i])) {
        // Words a space apart are no one cell, but for a number and its unit (`188.33 万元`).
        return match tokenize(v, s, e, None).as_slice() {
            [t @ Token::Run { start, raw_len, unit, .. }]
                if *start == s && start + raw_len == e && !unit.is_empty() =>
            {
                Some(Some(t.clone()))
            }
            _ => None,
        };
    }
    let mut toks = Vec::new();
    word_tokens(v, s, e, &mut toks);
    match toks.as_slice() {
        [t @ Token::Fixed(_)] => Some(Some(t.clone())),
        [t @ Token::Run { start, raw_len, .. }] if *start == s && start + raw_len == e => Some(Some(t.clone())),
        _ => None,
    }
}

/// Whitespace-separated words of `[a, b)` → tokens.
/// A cell border between words: a pipe, or a box-drawing vertical (`│-8 │`, text browsers'
/// tables).
fn is_rule(c: char) -> bool {
    matches!(c, '|' | '｜' | '│' | '┃' | '║')
}

fn words(v: &View, a: usize, b: usize, skip: &[bool], base: usize, out: &mut Vec<Token>) {
    let mut i = a;
    while i < b {
        if skip[i - base] || is_space(v.chars[i]) || is_rule(v.chars[i]) {
            i += 1;
            continue;
        }
        let s = i;
        while i < b && !skip[i - base] && !is_space(v.chars[i]) && !is_rule(v.chars[i]) {
            i += 1;
        }
        // Text right after a skipped `（四）` is the rest of a label (`（四）无` / `法提供`), not `无`.
        let after_note = s > base && skip[s - 1 - base] && matches!(v.chars[s - 1], ')' | '）');
        if after_note && is_cjk(v.chars[s]) {
            continue;
        }
        let unit_word = unit_after(v, i, b, skip, base);
        let n = out.len();
        if !v.csv_sep.is_empty() && (s..i).any(|k| v.csv_sep[k]) {
            // Comma-separated records: each field a word of its own (a comma inside quotes is
            // the cell's: `"1,859"`).
            let mut field = s;
            for k in s..=i {
                if k == i || v.csv_sep[k] {
                    if k > field {
                        word_tokens(v, field, k, out);
                    }
                    field = k + 1;
                }
            }
        } else {
            word_tokens(v, s, i, out);
        }
        if let Some((u1, w)) = unit_word {
            if out.len() > n {
                if let Some(Token::Run { start, unit, unit_len, raw_len, .. }) = out.last_mut() {
                    if unit.is_empty() && *start + *raw_len == i {
                        // The span runs over the space to the unit's end.
                        *unit_len = u1 - i;
                        *unit = w.to_string();
                        *raw_len = u1 - *start;
                        i = u1;
                    }
                }
            }
        }
    }
}

/// The unit of the number whose word ends at `i` (region `[.., b)`, `skip` from `base`), where
/// one follows: a unit printed apart from its number (`211.4 万元`), or a money unit alone on
/// the next line, the number's cell wrapped (`"211.4` / `万元"`, a CSV cell; the region may end
/// with the number's line, so the next line is looked at whole). Returns where it ends.
fn unit_after(v: &View, i: usize, b: usize, skip: &[bool], base: usize) -> Option<(usize, &'static str)> {
    let unit_of = |units: &[&'static str], w: &[char]| units.iter().copied().find(|u| u.chars().eq(w.iter().copied()));
    // The first character from `from` that is no space of the line (a unit stands apart so).
    let past_spaces = |from: usize| (from..b).find(|&k| !matches!(v.chars[k], ' ' | '\u{3000}')).unwrap_or(b);
    let u0 = past_spaces(i);
    let u1 = (u0..b).find(|&k| skip[k - base] || is_space(v.chars[k])).unwrap_or(b);
    if let Some(u) = unit_of(UNITS, &v.chars[u0..u1]) {
        return Some((u1, u));
    }
    // `3900.73 万 元`: text spacing every character apart.
    if u1 == u0 + 1 && v.chars[u0] == '万' {
        let y = past_spaces(u1);
        if y < b && v.chars[y] == '元' && !skip[y - base] && (y + 1 == b || is_space(v.chars[y + 1])) {
            return Some((y + 1, "万元"));
        }
    }
    if v.chars.get(u0) != Some(&'\n') || (u0 < b && skip[u0 - base]) {
        return None;
    }
    let n = v.chars.len();
    let w0 = u0 + 1;
    let w1 = (w0..n).find(|&k| is_space(v.chars[k]) || is_quote(v.chars[k])).unwrap_or(n);
    let alone = (w1..n).find(|&k| !is_quote(v.chars[k]) && v.chars[k] != ',').is_none_or(|k| v.chars[k] == '\n');
    if !alone {
        return None;
    }
    unit_of(&["万元", "元"], &v.chars[w0..w1]).map(|u| (w1, u))
}

/// Units that may stick to a number in a cell.
const UNITS: &[&str] = &["万元", "元", "件", "条", "笔", "个", "项", "次"];

/// A character standing for a glyph the text tool could not map (`?`, `�`, a private-use code,
/// a box).
fn is_unmapped_glyph(c: char) -> bool {
    matches!(c, '?' | '？' | '\u{FFFD}' | '□') || ('\u{E000}'..='\u{F8FF}').contains(&c)
}

/// An unmapped glyph, or a mark printed in a value's place (`×`, `…`, `#`).
fn is_unreadable_mark(c: char) -> bool {
    is_unmapped_glyph(c) || matches!(c, '■' | '×' | '…' | '#' | '＃' | '*' | '＊' | '△' | '√' | '※')
}

fn word_tokens(v: &View, a: usize, b: usize, out: &mut Vec<Token>) {
    // The word's characters folded: most words have nothing to fold and are borrowed.
    let word = &v.chars[a..b];
    let f: Cow<'_, [char]> = if word.iter().all(|&c| fold(c) == c) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.iter().map(|&c| fold(c)).collect())
    };
    // A word of digits alone, most words of a row, is no whole cell of the forms below: only
    // its runs are read, and its text is never needed.
    let digits_only = !f.is_empty() && f.iter().all(char::is_ascii_digit);
    if !digits_only && whole_cell(v, a, b, &f, out) {
        return;
    }
    runs_of(&f, a, out);
}

/// Pushes the one cell a word is whole (a not-applicable mark, a value no one can read, a
/// number in words or with separators) and says so; the word's text is built only here.
fn whole_cell(v: &View, a: usize, b: usize, f: &[char], out: &mut Vec<Token>) -> bool {
    let raw = || -> String { v.chars[a..b].iter().collect() };
    let folded: String = f.iter().collect();
    if NA_TOKENS.contains(&folded.as_str()) {
        out.push(Token::Fixed(cells::parse_cell(&raw(), [a, b], ColKind::Count)));
        return true;
    }
    // A word of such marks, a number with an unmapped glyph in it (`1?`, `�2`), a number in
    // brackets (`（3）`), an approximate one (`约3`, `3余`) or a word for a number not given
    // (`不详`) takes a value's place that no one can read: dropped, it would let the row's other
    // values move into its column.
    let unmapped = folded.chars().any(is_unmapped_glyph);
    let bracketed = folded.starts_with('(')
        && folded.ends_with(')')
        && folded.len() > 2
        && folded[1..folded.len() - 1].bytes().all(|b| b.is_ascii_digit());
    if (unmapped && folded.chars().any(|c| c.is_ascii_digit()))
        || folded.chars().all(is_unreadable_mark)
        || bracketed
        || cells::is_approximate(&folded)
        || cells::UNGIVEN.contains(&folded.as_str())
    {
        out.push(Token::Fixed(cells::unknown(&raw(), [a, b])));
        return true;
    }
    // Whole-word forms that are one cell: thousands separators, 增加3 / 减少8.
    // A quoted CSV cell (`"1,859"`) is its number. (In CSV an unquoted comma separates cells,
    // tabula's `13 13,524` a cell `13 13` and a cell `524`: `words` splits a word at those, so a
    // comma left in a word is inside quotes or plain text's.)
    let inner = folded.strip_prefix('"').and_then(|w| w.strip_suffix('"')).filter(|w| !w.contains('"'));
    let (number, quoted) = inner.map_or((folded.as_str(), false), |w| (w, true));
    let worded = ["增加", "减少", "新增"].iter().any(|p| number.starts_with(p));
    let grouped = number.contains(',') && cells::parse_number_text(number, ColKind::Count).is_some();
    if (worded || grouped) && cells::parse_number_text(number, ColKind::Signed).is_some() {
        let (raw, span) =
            if quoted { (v.chars[a + 1..b - 1].iter().collect(), [a + 1, b - 1]) } else { (raw(), [a, b]) };
        out.push(Token::Fixed(cells::parse_cell(&raw, span, ColKind::Signed)));
        return true;
    }
    false
}

/// The runs of digits of a word (its folded characters `f`, starting at `a`), each with the
/// unit printed right after it.
fn runs_of(f: &[char], a: usize, out: &mut Vec<Token>) {
    let mut i = 0;
    while i < f.len() {
        // A sign opens a number at the word's start or a field's (`74,-8,8568`, a row as comma-
        // separated values), or glued between two cells (`12-3`: 12 and −3, a 2019 本年增/减
        // printed after the previous cell without a space).
        let glued_minus = i > 0 && f[i] == '-' && f[i - 1].is_ascii_digit();
        // A field also opens after a tag's `>` (`<td>-8</td>`, an HTML table left as text), a
        // colon, a list comma, `=` or an opening bracket.
        let field_start =
            i == 0 || matches!(f[i - 1], ',' | ';' | '>' | ':' | '=' | '(' | '，' | '：' | '、' | '（' | '；');
        let signed =
            matches!(f[i], '-' | '+') && f.get(i + 1).is_some_and(char::is_ascii_digit) && (field_start || glued_minus);
        if !(f[i].is_ascii_digit() || signed) {
            i += 1;
            continue;
        }
        let s = i;
        i += 1;
        while i < f.len() && (f[i].is_ascii_digit() || (f[i] == '.' && f.get(i + 1).is_some_and(char::is_ascii_digit)))
        {
            i += 1;
        }
        let chars: Vec<char> = f[s..i].to_vec();
        let rest = &f[i..];
        let (unit, unit_len) = UNITS
            .iter()
            .find(|u| u.chars().count() <= rest.len() && u.chars().zip(rest).all(|(x, &y)| x == y))
            .map_or((String::new(), 0), |u| ((*u).to_string(), u.chars().count()));
        let raw_len = chars.len() + unit_len;
        out.push(Token::Run { chars, start: a + s, unit, unit_len, raw_len, gaps: Vec::new() });
        i += unit_len;
    }
}

/// Builds a leftmost-longest matcher over label patterns.
pub(super) fn matcher(patterns: &[&str]) -> AhoCorasick {
    AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(patterns).expect("label patterns")
}

/// A span over the region's tokens, or the empty span at `a`.
pub(super) fn tokens_span(tokens: &[Token], a: usize) -> Span {
    match (tokens.first(), tokens.last()) {
        (Some(f), Some(l)) => [f.span()[0], l.span()[1]],
        _ => [a, a],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_label_pieces_beside_a_row_labels_piece_are_set_aside() {
        let aside = |text: &str| {
            let chars: Vec<char> = text.chars().collect();
            let marks = group_pieces(&chars, &line_ranges(&chars)).unwrap_or_default();
            chars.iter().zip(&marks).filter(|(_, m)| **m).map(|(c, _)| *c).collect::<String>()
        };
        assert_eq!(aside("（三）不予 1.属于国家   -   -\n公开      秘密"), "（三）不予公开");
        assert_eq!(aside("提供    掌握相关政   2   1\n处理  投诉类申请"), "提供处理");
        // A whole group label, a row label with values after it, prose: kept.
        assert_eq!(aside("（三）不予公开 1.属于国家\n3.其他   -   -\n公开 透明的原则，本机关全年共受理"), "");
    }

    #[test]
    fn a_numbered_label_piece_before_its_values_is_found_after_the_group_label() {
        let f = |line: &str| {
            let chars: Vec<char> = line.chars().collect();
            numbered_fragment(&chars).map(|n| {
                let text = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
                (n.ordinal, text(n.piece, n.values).trim().to_string(), text(n.values, chars.len()))
            })
        };
        assert_eq!(f("（三）不予 1.属于国家   -   -   0"), Some((1, "属于国家".into(), "-   -   0".into())));
        assert_eq!(f("   2.没有现成   2   0   1,203"), Some((2, "没有现成".into(), "2   0   1,203".into())));
        assert_eq!(f("3.危及“三   —   —"), Some((3, "危及“三".into(), "—   —".into())));
        // Prose, a note, a label without values, a long line: none.
        assert_eq!(f("1.本年共受理申请25件"), None);
        assert_eq!(f("2.其他法律"), None);
        assert_eq!(f("1.本机关不  12件   —"), None);
        assert_eq!(f("1.本机关不  12件   3件"), Some((1, "本机关不".into(), "12件   3件".into())));
        assert_eq!(f("一、本年新收政府信息公开申请数量，其中 1.来自网上申请的 12"), None);
        assert_eq!(f("三、本年度办理结果中的各项（四）无法提供的 1.本机关不 12"), None);
    }

    #[test]
    fn a_sign_opens_a_number_after_a_tag_or_a_field_mark() {
        let runs = |word: &str| {
            let f: Vec<char> = word.chars().collect();
            let mut out = Vec::new();
            runs_of(&f, 0, &mut out);
            out.iter()
                .filter_map(|t| match t {
                    Token::Run { chars, .. } => Some(chars.iter().collect::<String>()),
                    Token::Fixed(_) => None,
                })
                .collect::<Vec<_>>()
        };
        // An HTML table left as text: `-8` is a cell's, not 8.
        assert_eq!(runs("<td>74</td><td>-8</td><td>8568</td>"), ["74", "-8", "8568"]);
        assert_eq!(runs("74,-8,8568"), ["74", "-8", "8568"]);
        assert_eq!(runs("本年增减：-8"), ["-8"]);
        assert_eq!(runs("12-3"), ["12", "-3"]);
        // A letter before a hyphen: a code's, not a sign.
        assert_eq!(runs("GB-8"), ["8"]);
    }

    #[test]
    fn furniture_needs_what_may_hold_furniture_looks_for() {
        let pieces = [
            "第", "3", "页", "共", "５", " ", "\t", "\n", "-", "—", "－", "p", "P", "age", ".", "/", "12", "年",
            "报告", "a", "٣", "\r",
        ];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut held = 0;
        for _ in 0..100_000 {
            let mut s = String::new();
            for _ in 0..(seed % 9) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            seed = seed.wrapping_add(0x9E37_79B9);
            if FURNITURE.is_match(&s) {
                assert!(may_hold_furniture(&s), "{s:?}");
                held += 1;
            }
        }
        assert!(held > 100, "{held}");
    }
    use crate::tables::solve::slot_value;

    #[test]
    fn a_whole_line_of_furniture() {
        for yes in ["-3-", "—12—", "3/5", "- 3 -"] {
            assert!(is_furniture(yes), "{yes}");
        }
        for no in ["3", "-3", "3-5", "21-3-", "-3-0", "0-3-"] {
            assert!(!is_furniture(no), "{no}");
        }
    }

    #[test]
    fn furniture_matches_as_the_word_boundary_spelling_did() {
        let old = Regex::new(
            r"(?mi)第\s*\d+\s*页\s*[,，/]?\s*共\s*\d+\s*页|^[ \t]*[-—–－]\s*\d{1,4}\s*[-—–－][ \t]*$|^[ \t]*(?:page|p\.)[ \t]*\d+\b.*$|^[ \t]*\d{1,4}[ \t]*/[ \t]*\d{1,4}[ \t]*$",
        )
        .unwrap();
        let lines = [
            "page 9",
            "Page 9 - 2020年报_审计局",
            "PAGE 12abc",
            "p. 3",
            "P.3x",
            "page 9_",
            "page 9中",
            "page 9 ",
            "page 9\r",
            "page ９",
            "page 9١",
            "page 9\t",
            "page",
            "  page 77\n",
            "P. 9\nnext",
            "第 3 页 共 5 页",
            "- 7 -",
            "3/5",
            " 12 / 40 ",
            "page 1.5",
            "page 1,2",
            "page 12页",
            "xpage 9",
            "一、page 9",
            "page 9\u{301}",
            "",
        ];
        let mut texts: Vec<String> = lines.iter().map(|s| (*s).to_string()).collect();
        texts.push(lines.join("\n"));
        texts.push(lines.join("\r\n"));
        texts.push(lines.join("正文"));
        for t in &texts {
            let a: Vec<_> = old.find_iter(t).map(|m| m.range()).collect();
            let b: Vec<_> = FURNITURE.find_iter(t).map(|m| m.range()).collect();
            assert_eq!(a, b, "{t:?}");
        }
    }

    fn toks(s: &str) -> Vec<String> {
        let v = View::new(s);
        tokenize(&v, 0, v.chars.len(), None).iter().map(super::super::solve::Token::raw).collect()
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
    fn an_unquoted_comma_of_csv_separates_cells() {
        // Prose and plain tables: a thousands separator.
        assert_eq!(toks("规章 13 13,524"), ["13", "13,524"]);
        // Comma-separated values (tabula's `convert_into`, stream mode): `规章 13 13` and `524`
        // are two cells; a cell holding a comma is quoted.
        let csv =
            "\"\",申请人情况,\n第二十条,,\n信息内容,,,\n规章 13 13,524\n\"\",,\n\"\",自然人,,\n总计,,\"1,859\",0\n";
        let v = View::new(csv);
        assert!(!v.csv_sep.is_empty());
        let row = |line: &str| {
            let a = csv.find(line).map(|b| csv[..b].chars().count()).unwrap();
            let t = tokenize(&v, a, a + line.chars().count(), None);
            t.iter().map(super::super::solve::Token::raw).collect::<Vec<_>>()
        };
        assert_eq!(row("规章 13 13,524"), ["13", "13", "524"]);
        assert_eq!(row("总计,,\"1,859\",0"), ["1,859", "0"]);
        assert!(View::new("全年主动公开信息1,234条，其中,,规章3条\n").csv_sep.is_empty());
    }

    #[test]
    fn strips_glued_ordinal() {
        let v = View::new("00000002.");
        let t = tokenize(&v, 0, v.chars.len(), Some(2));
        assert_eq!(t.iter().map(super::super::solve::Token::raw).collect::<Vec<_>>(), ["0000000"]);
    }

    #[test]
    fn values_on_a_label_fragments_line_leave_the_compact_view() {
        let marked = |text: &str| -> String {
            let chars: Vec<char> = text.chars().collect();
            let lines = number_lines(&chars, &line_ranges(&chars));
            chars.iter().zip(&lines).filter(|(_, m)| **m).map(|(c, _)| *c).collect()
        };
        // One value or several after a short piece of a label.
        assert_eq!(marked("行政事\n业性收 5949.088667\n费"), "5949.088667");
        assert_eq!(marked("行政规\n范性文    0   6   111\n件"), "0   6   111");
        let v = View::new("行政事\n业性收 5949.088667\n费");
        assert_eq!(v.compact, "行政事业性收费");
        // Not a fragment: a clause, a number without a space before it, a long line, a unit.
        for line in ["共计： 5", "第3条", "这是一个很长的句子片段 5", "收费 5万元"] {
            assert_eq!(marked(line), "", "{line}");
        }
        // A whole line of values with their units, inside a wrapped label.
        let v = View::new("政府集\n        26      211.4 万元\n中采购");
        assert_eq!(v.compact, "政府集中采购");
        assert_eq!(marked("  2笔   984361元"), "  2笔   984361元");
        for line in ["5 万元万元", "5 万", "元", "万元"] {
            assert_eq!(marked(line), "", "{line}");
        }
    }

    #[test]
    fn comma_separated_records_print_blanks_between_values() {
        let lines = [
            "行政许可,0,,\n",
            "三、结转,,,3,,1,\n",
            "\"属于,三类\",,2,\n",
            "规章,,/,4,,\n",
            "一、本年新收,,,1 2,,3,5\n",
        ];
        assert!(View::new(&lines[..4].concat()).csv_sep.is_empty(), "four records with an empty field are too few");
        let text = lines.concat();
        let v = View::new(&text);
        let row = |label: &str| -> Vec<String> {
            let a = text.find(label).map(|b| text[..b].chars().count() + label.chars().count()).unwrap();
            tokenize(&v, a, v.line_end(a), None).iter().map(super::super::solve::Token::raw).collect()
        };
        // After the last value: a merged cell's rest or blanks, not known which.
        assert_eq!(row("行政许可"), ["0"]);
        // Before the first: a merged label's cells or blanks; between values, blanks.
        assert_eq!(row("三、结转"), ["3", "", "1"]);
        // A quoted field holding a comma is one field, its closing quote no blank.
        assert!(v.csv_quoted[text[..text.find("三类").unwrap()].chars().count()]);
        assert_eq!(row("三类"), ["2"]);
        // A mark for none before the first value is a header's; after one, a cell.
        assert_eq!(row("规章"), ["4"]);
        // A field of two numbers: the record's fields are not cells; no blank.
        assert_eq!(row("一、本年新收"), ["1", "2", "3", "5"]);
    }

    #[test]
    fn column_number_rows() {
        for yes in ["0,1,2,3,4,5,6,7,8,9", "  0    1    2    3    4    5", "| 1 | 2 | 3 | 4 | 5 |", "1\t2\t3\t4\t5\t6"]
        {
            assert!(counts_columns(&yes.chars().collect::<Vec<_>>()), "{yes}");
        }
        for no in ["0,1,2,3", "2,3,4,5,6", "0 1 2 3 5 6", "1 2 3 4 5 x", "12 1 8 3 24", "0 0 0 0 0"] {
            assert!(!counts_columns(&no.chars().collect::<Vec<_>>()), "{no}");
        }
        let v = View::new("四、行政复议\n0,1,2,3,4,5\n12,1,8,3,24");
        let marked: String = v.chars.iter().zip(&v.furniture).filter(|(_, f)| **f).map(|(c, _)| *c).collect();
        assert_eq!(marked, "0,1,2,3,4,5");
    }

    /// Varied texts for the searches of the compact view: headings of table 4's section
    /// before, after and between table 3's labels, markers found nowhere, repeated, cut by
    /// spaces and line breaks (not in the compact view), ASCII, full-width forms, a long text.
    fn marker_texts() -> Vec<String> {
        let mut texts = vec![
            String::new(),
            "行政复议、行政诉讼".to_string(),
            "（一）本年新收政府信息公开申请数量 12\n四、政府信息公开行政复议、行政诉讼情况\n行政复议 1".to_string(),
            "勾稽关系 申请人情况 自然人 12 行政复议和行政诉讼 行政复议、提起行政诉讼 申请人情况".to_string(),
            "行 政 复 议 、\n行 政 诉 讼 ABC abc 行政复议、行政诉讼行政复议、行政诉讼".to_string(),
            "ＡＢＣ 【附件】 勾稽\n关系 １２３ 申请人 情况 ... 行政复议和行政诉讼。".to_string(),
            "no marker here at all, 1 2 3 | 4 | 5".to_string(),
        ];
        let mut long = String::new();
        for k in 0..60 {
            long.push_str(&format!("第{k}段，申请人情况 {k} 件，本机关未发生行政复议。 "));
            if k % 7 == 3 {
                long.push_str("行政复议、提起行政诉讼\n");
            }
        }
        texts.push(long);
        texts
    }

    /// The compact view's marker searches (`memmem`) give what `str::find` and `str::rfind`
    /// gave, at every position of varied texts.
    #[test]
    fn compact_markers_match_str_find() {
        let sets: [&[&str]; 4] = [
            &["行政复议、行政诉讼", "行政复议、提起行政诉讼", "行政复议和行政诉讼"],
            &["勾稽关系", "申请人情况"],
            &["ABC", "。"],
            &["无此标记"],
        ];
        for text in marker_texts() {
            let v = View::new(&text);
            for markers in sets {
                for at in 0..=v.chars.len() + 1 {
                    // The old ways, over the same window of the compact view.
                    let after = {
                        let i = v.c2o.partition_point(|&o| o < at);
                        v.cbytes.get(i).copied().and_then(|bi| {
                            let window = &v.compact[bi..];
                            markers.iter().filter_map(|m| window.find(m)).min().map(|k| v.orig(bi + k))
                        })
                    };
                    assert_eq!(v.compact_marker_after(at, markers), after, "{text:?} {markers:?} {at}");
                    for reach in [0, 3, 40, 400] {
                        let before = {
                            let from = at.saturating_sub(reach);
                            let i = v.c2o.partition_point(|&o| o < from);
                            let j = v.c2o.partition_point(|&o| o < at);
                            v.cbytes.get(i).copied().and_then(|bi| {
                                let bj = v.cbytes.get(j).copied().unwrap_or(v.compact.len());
                                let window = &v.compact[bi..bj];
                                markers.iter().filter_map(|m| window.rfind(m)).max().map(|k| v.orig(bi + k))
                            })
                        };
                        assert_eq!(v.compact_marker_before(at, markers, reach), before, "{text:?} {markers:?} {at}");
                    }
                }
            }
        }
    }
}
