//! Numbers stated in prose → facts with canonical keys (SPEC §5): counts with
//! their units and approximation flags, statements of absence (`未收到…申请`) as
//! negated zeros, and template placeholders (`xx条`) as `PLACEHOLDER` issues.
//!
//! The reading goes text → sentences → clauses → keyed numbers:
//! - Sentences end at `。！？`, at section headings and at tables. A line break
//!   ends one only where the line is complete: PDF text layers and converters
//!   hard-wrap prose mid-phrase and between a number and its unit
//!   (`…主动公开各类政\n府信息 5500 余条`). Whitespace inside a sentence is set
//!   aside before it is read (`申请 12 件`).
//! - Tables are not prose: HTML tables, the tables the table reader placed, lines
//!   of tables printed as text and tables flattened into a line
//!   ([`table_text`]) give no facts.
//! - A number is keyed by the predicate right before it in its clause
//!   ([`grammar`]); parts of a total (`其中…`, `（含…）`, `在…的N条…中`, `…，占27%`)
//!   are not the total; counts about other years or carried over are not this
//!   year's; a statement of absence is scoped to what it negates (`未被复议机关纠错`
//!   says a review happened). Where two readings remain, the document keeps the
//!   one a total must be (the largest of the surest shape) and unkeys the others.

mod grammar;
mod table_text;

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

pub use table_text::text_table_spans;

use crate::document::{CharIndex, Document, Span};
use crate::model::{Blame, Fact, Issue, IssueCode, Number, Section, Severity};
use crate::numbers::{self, NumberToken};

/// Reads the facts of a document without its table readings: only HTML tables
/// and lines that look like table rows are left out (see [`read_with_issues`]).
pub fn read(doc: &Document, sections: &[Section]) -> Vec<Fact> {
    read_with_issues(doc, sections, &[]).0
}

/// Reads the facts and the `PLACEHOLDER` issues of a document whose year is not known.
///
/// `table_spans` are the character spans of the tables read from the text
/// (`report.tables.*.span`); tables printed as text that were not read are found
/// by [`text_table_spans`].
pub fn read_with_issues(doc: &Document, sections: &[Section], table_spans: &[Span]) -> (Vec<Fact>, Vec<Issue>) {
    let mut excluded = table_spans.to_vec();
    excluded.extend(text_table_spans(doc));
    read_report(doc, sections, &excluded, None)
}

/// Reads the facts and the `PLACEHOLDER` issues of a document.
///
/// Nothing inside `excluded` (character spans: tables read from the text, tables
/// printed as text) nor inside an HTML table is prose. `year` is the year the
/// report covers: counts stated for another year get no key.
pub fn read_report(
    doc: &Document,
    sections: &[Section],
    excluded: &[Span],
    year: Option<i32>,
) -> (Vec<Fact>, Vec<Issue>) {
    let text = doc.text.as_str();
    let idx = CharIndex::new(text);
    // The document's tables are not prose, unless a converter cut prose into one.
    let mut spans: Vec<Span> = doc
        .tables
        .iter()
        .filter(|t| !table_text::is_prose_table(t))
        .map(|t| t.span)
        .chain(excluded.iter().copied())
        .collect();
    spans.sort_unstable();
    let mut heads = Vec::new();
    collect_starts(sections, &mut heads);
    heads.sort_unstable();
    heads.dedup();
    // Character positions → byte offsets, in one pass.
    let mut wanted: Vec<usize> = spans.iter().flat_map(|s| [s[0], s[1]]).chain(heads.iter().copied()).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let bytes = byte_offsets(text, &wanted);
    let to_byte = |c: usize| wanted.binary_search(&c).map_or(text.len(), |i| bytes[i]);
    let mut excl: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for s in &spans {
        let (a, b) = (to_byte(s[0]), to_byte(s[1]));
        match excl.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => excl.push((a, b)),
        }
    }
    let head_bytes: Vec<usize> = heads.iter().filter(|&&h| h > 0).map(|&h| to_byte(h)).collect();
    let mut reader = Reader { text, idx: &idx, sections, year, carry: Carry::default(), out: Vec::new() };
    for seg in segments(text, &head_bytes, &excl) {
        if seg.fresh {
            reader.carry = Carry::default();
        }
        reader.sentence(seg.start, seg.end);
    }
    let mut facts = reader.out;
    reconcile(&mut facts);
    let in_table = |byte: usize| {
        let i = excl.partition_point(|e| e.1 <= byte);
        excl.get(i).is_some_and(|e| e.0 <= byte)
    };
    let issues = placeholders(text, &idx, &in_table);
    (facts.into_iter().map(|r| r.fact).collect(), issues)
}

/// Byte offsets of the character positions `pos` (ascending) in one pass.
fn byte_offsets(text: &str, pos: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(pos.len());
    let mut it = text.char_indices().enumerate().peekable();
    for &p in pos {
        while it.peek().is_some_and(|(i, _)| *i < p) {
            it.next();
        }
        out.push(it.peek().map_or(text.len(), |(_, (b, _))| *b));
    }
    out
}

// ---------------------------------------------------------------------------
// Sentences

/// A sentence: a byte range of the text; `fresh` when a heading or a table comes
/// before it (the sentence before it is no context).
struct Segment {
    start: usize,
    end: usize,
    fresh: bool,
}

/// Sentence ends.
fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// Clause ends inside a sentence.
fn is_clause_end(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '：' | ':')
}

/// Lines shorter than this that end without punctuation are complete (headings,
/// titles, signatures); longer ones may be hard-wrapped prose.
const WRAP_MIN_CHARS: usize = 15;

/// Page numbers a PDF text layer puts between the lines of a sentence (`-1-`, `- 5 -`, `第3页`).
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-—－–]\s*[0-9]{1,4}\s*[-—－–]|第\s*[0-9]{1,4}\s*页(?:\s*共\s*[0-9]{1,4}\s*页)?|[0-9]{1,4}\s*/\s*[0-9]{1,4})$")
        .expect("page number regex")
});

/// Whether the line break at byte `nl` continues a sentence: the line before it
/// is long or ends in a number, the next line is a number with its unit or
/// punctuation that continues a clause, or a page number. A heading's own line
/// (`line_is_head`, no punctuation in it) is complete.
fn is_soft_break(text: &str, line_start: usize, nl: usize, line_is_head: bool) -> bool {
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
        || numbers::UNITS.iter().any(|u| next_line.starts_with(u))
        || starts_with_count(next_line)
    {
        return true;
    }
    before.chars().count() >= WRAP_MIN_CHARS
}

/// A line that opens with a counted number (`11 件。`, `5928`): the end of a
/// phrase wrapped before its number.
fn starts_with_count(line: &str) -> bool {
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
fn segments(text: &str, heads: &[usize], excl: &[(usize, usize)]) -> Vec<Segment> {
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
struct Compact<'a> {
    s: Cow<'a, str>,
    /// Text byte offset of each byte of `s`; `None` when `s` is the text itself
    /// from `base` on.
    map: Option<Vec<usize>>,
    base: usize,
}

impl<'a> Compact<'a> {
    fn new(text: &'a str, start: usize, end: usize) -> Compact<'a> {
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
    fn at(&self, i: usize) -> usize {
        match &self.map {
            Some(m) => m.get(i).copied().unwrap_or_else(|| m.last().map_or(self.base, |l| l + 1)),
            None => self.base + i,
        }
    }

    /// The text byte offset where the compact range `..i` ends.
    fn end_at(&self, i: usize) -> usize {
        match &self.map {
            Some(m) if i > 0 => m[(i - 1).min(m.len() - 1)] + 1,
            _ => self.at(i),
        }
    }
}

// ---------------------------------------------------------------------------
// Reading a sentence

/// What a sentence leaves to the next one: the keys it stated (a next sentence
/// opening with `其中` lists their parts) and whether it was about requests.
#[derive(Default, Clone)]
struct Carry {
    keys: Vec<&'static str>,
    requests: bool,
}

/// A fact with what the document-level pass needs.
struct Read {
    fact: Fact,
    rank: u8,
    /// The key a frame restates (`在主动公开的425条政府信息中`): no fact of its own,
    /// but a total the document's statements must agree with.
    frame: Option<&'static str>,
}

struct Reader<'a> {
    text: &'a str,
    idx: &'a CharIndex<'a>,
    sections: &'a [Section],
    year: Option<i32>,
    carry: Carry,
    out: Vec<Read>,
}

/// Keys of totals: a count shown as a share of something (`…1397条，占73%`) is a part.
const TOTAL_KEYS: &[&str] = &["proactive_total", "requests_received", "reviews", "lawsuits"];

/// Words that introduce the parts of a total stated before them
/// (`共…N条（其中A类x条…）`, `主动公开政府信息125条，涵盖…类5条`).
const PART_WORDS: &[&str] = &["其中", "包括", "涵盖", "包含", "含", "分别", "主要有", "主要类别"];

/// Words of a sentence about handling requests (with `申请`).
const REQUEST_VERBS: &[&str] =
    &["收到", "受理", "接收", "接到", "新收", "办结", "办理", "答复", "处理", "回复", "提出", "提交"];
/// Outcomes of requests (table 3's rows) that make a sentence about requests.
const OUTCOME_WORDS: &[&str] = &["予以公开", "部分公开", "无法提供", "不予处理", "其他处理", "同意公开", "公开答复"];

/// What the words of a sentence say about it, found in one pass (see [`SentenceWords::of`]).
#[derive(Default)]
struct SentenceWords {
    /// About handling requests: `申请` with a verb of handling, or two outcomes of
    /// requests (`其中予以公开 12件，不予公开 3件`).
    requests: bool,
    /// Where the first word tying the sentence to disclosure ends ([`DISCLOSURE_WORDS`]).
    disclosure_at: Option<usize>,
    /// Speaks of other business ([`grammar::OTHER_BUSINESS`]).
    business: bool,
}

/// Words that tie a count of reviews, lawsuits or complaints to information disclosure.
const DISCLOSURE_WORDS: &[&str] = &["信息公开", "依申请", "政务公开", "被申请", "被诉", "被提起", "公开类", "公开申请"];

/// The words [`SentenceWords`] looks for, by kind.
#[derive(Clone, Copy, PartialEq)]
enum Word {
    Request,
    RequestVerb,
    Outcome(u8),
    Disclosure,
    Business,
}

static SENTENCE_WORDS: LazyLock<(aho_corasick::AhoCorasick, Vec<Word>)> = LazyLock::new(|| {
    let mut words: Vec<&str> = vec!["申请"];
    let mut kinds = vec![Word::Request];
    for w in REQUEST_VERBS {
        words.push(w);
        kinds.push(Word::RequestVerb);
    }
    for (i, w) in OUTCOME_WORDS.iter().chain(&["不予公开"]).enumerate() {
        words.push(w);
        kinds.push(Word::Outcome(u8::try_from(i).unwrap_or(u8::MAX)));
    }
    for w in DISCLOSURE_WORDS {
        words.push(w);
        kinds.push(Word::Disclosure);
    }
    for w in grammar::OTHER_BUSINESS {
        words.push(w);
        kinds.push(Word::Business);
    }
    let ac = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(&words)
        .expect("sentence words automaton");
    (ac, kinds)
});

impl SentenceWords {
    fn of(s: &str) -> SentenceWords {
        let (ac, kinds) = &*SENTENCE_WORDS;
        let mut out = SentenceWords::default();
        let (mut request, mut verb) = (false, false);
        let mut outcomes = 0u32;
        for m in ac.find_iter(s) {
            match kinds[m.pattern().as_usize()] {
                Word::Request => request = true,
                Word::RequestVerb => verb = true,
                Word::Outcome(i) => outcomes |= 1 << i,
                Word::Disclosure => {
                    // 依申请, 被申请, 公开申请 hold a 申请 of their own.
                    request |= s[m.range()].contains("申请");
                    out.disclosure_at = Some(out.disclosure_at.map_or(m.end(), |e| e.min(m.end())));
                }
                Word::Business => out.business = true,
            }
        }
        out.requests = (request && verb) || outcomes.count_ones() >= 2;
        out
    }
}

/// Sentences longer than this (flattened pages without full stops) are quoted as
/// an excerpt around the number, so that many facts do not copy one huge line each.
const MAX_SENTENCE_BYTES: usize = 1200;
/// Bytes of context either side of the number in such an excerpt.
const EXCERPT_BYTES: usize = 180;

impl Reader<'_> {
    fn quote(&self, start: usize, end: usize, from: usize, to: usize) -> String {
        if end - start > MAX_SENTENCE_BYTES {
            excerpt(&self.text[start..end], from - start, to - start)
        } else {
            self.text[start..end].trim().to_string()
        }
    }

    fn sentence(&mut self, start: usize, end: usize) {
        let cp = Compact::new(self.text, start, end);
        let full: &str = &cp.s;
        // A table flattened into the sentence: only the prose before it is read.
        let s = match table_text::table_start(full) {
            Some(at) => &full[..at],
            None => full,
        };
        let tokens = numbers::scan(s);
        let counted = tokens.iter().any(|t| t.unit.is_some_and(numbers::is_count_unit));
        let carry = std::mem::take(&mut self.carry);
        if !counted && !may_negate(s) {
            // Only the words of requests matter to the next sentence.
            self.carry = Carry { keys: Vec::new(), requests: SentenceWords::of(s).requests };
            return;
        }
        let first_char = self.idx.char_at(start);
        let in_requests = section_at(self.sections, first_char) == Some("requests");
        let words = SentenceWords::of(s);
        let requests = carry.requests || in_requests || words.requests;
        let in_review = section_at(self.sections, first_char) == Some("review_litigation");
        let business = words.business;
        let first_disclosure = words.disclosure_at;
        // Keys stated so far in the sentence (a frame's key too), and the keys a part
        // word made into parts from there on.
        let mut keys: Vec<&'static str> = Vec::new();
        let mut part_of: Vec<&'static str> = if s.trim_start_matches(['，', ',', '：', ':']).starts_with("其中") {
            carry.keys.clone()
        } else {
            Vec::new()
        };
        let mut scanned = 0usize;
        let mut clause_start = 0usize;
        let mut quote_depth = 0i64;
        let mut paren_open: Option<usize> = None;
        let mut paren_keys: Vec<&'static str> = Vec::new();
        let mut prev_end = 0usize; // end of the previous number of any kind
        let mut ctx_start = 0usize; // end of the previous counting number
        let mut found: Vec<&'static str> = Vec::new();
        for tok in &tokens {
            if tok.start >= scanned {
                let gap = &s[scanned..tok.start];
                for (k, c) in gap.char_indices() {
                    let at = scanned + k;
                    if is_clause_end(c) {
                        clause_start = at + c.len_utf8();
                    } else if matches!(c, '“' | '《' | '「' | '"') {
                        quote_depth += 1;
                    } else if matches!(c, '”' | '》' | '」') {
                        quote_depth = (quote_depth - 1).max(0);
                    } else if matches!(c, '（' | '(') {
                        paren_open = Some(at + c.len_utf8());
                        paren_keys = keys.clone();
                    } else if matches!(c, '）' | ')') {
                        paren_open = None;
                    }
                }
                if !keys.is_empty() && PART_WORDS.iter().any(|w| gap.contains(w)) {
                    part_of = keys.clone();
                }
                scanned = tok.start;
            }
            let before = &s[..tok.start];
            let window_start = prev_end.max(clause_start).max(paren_open.unwrap_or(0));
            prev_end = tok.tail_end;
            let counting = tok.unit.is_some_and(numbers::is_count_unit);
            let ordinal = before.ends_with('第');
            if !counting || tok.code_like || ordinal || quote_depth > 0 {
                continue;
            }
            let Some(unit) = tok.unit else { continue };
            let window = &s[window_start.min(tok.start)..tok.start];
            let rest = &s[tok.tail_end..];
            let clause_end = rest.find(|c: char| is_clause_end(c) || matches!(c, '（' | '(' | '）' | ')'));
            let after = &rest[..clause_end.unwrap_or(rest.len())];
            let mut from = ctx_start.max(tok.start.saturating_sub(240));
            while !s.is_char_boundary(from) {
                from += 1;
            }
            let context = &s[from..tok.start];
            ctx_start = tok.tail_end;
            let disclosure = in_review || first_disclosure.is_some_and(|e| e <= tok.start);
            let ctx = grammar::Context { requests, disclosure, business };
            let mut restated = None;
            let mut got = grammar::classify(window, after, unit, ctx);
            let mut key = got.map(|k| k.key);
            if key == Some("proactive_total") && is_cumulative(context, self.year) {
                key = Some("proactive_cumulative");
            }
            if let Some(k) = key {
                // `在主动公开的425条政府信息中，…`: the total restated as a frame; what
                // follows are its parts.
                let frame = after.ends_with('中') && s[clause_start.min(tok.start)..tok.start].contains('在');
                // `各乡镇主动公开政府信息534条，占27%`: a share, so a part.
                let share = TOTAL_KEYS.contains(&k)
                    && (after.starts_with('占') || rest.trim_start_matches(['，', ',']).starts_with('占'));
                let part = part_of.contains(&k) || (paren_open.is_some() && paren_keys.contains(&k));
                // A set: at most one entry per key, so copies of it stay small on long lines.
                if !keys.contains(&k) {
                    keys.push(k);
                }
                if frame {
                    part_of = keys.clone();
                    restated = Some(k);
                }
                if frame || share || part {
                    key = None;
                    got = None;
                }
            }
            if key.is_some_and(|k| k != "proactive_cumulative") && other_year(context, window, self.year) {
                key = None;
            }
            let (value, unit_out) = fact_value(tok, unit, key);
            let (a, b) = (cp.at(tok.start), cp.end_at(tok.end));
            let span = self.idx.span(a..b);
            if let Some(k) = key {
                found.push(k);
            }
            self.out.push(Read {
                fact: Fact {
                    key,
                    label: label_of(window),
                    value,
                    unit: Some(unit_out.to_string()),
                    approx: tok.approx,
                    negated: false,
                    section: section_at(self.sections, span[0]),
                    span,
                    sentence: self.quote(start, end, a, b),
                },
                rank: got.map_or(0, |g| g.rank),
                frame: restated.filter(|_| !other_year(context, window, self.year)),
            });
        }
        self.negations(s, &cp, start, end, &tokens, &found);
        self.carry = Carry { keys, requests: requests || words.requests };
    }

    #[allow(clippy::too_many_arguments)]
    fn negations(
        &mut self,
        s: &str,
        cp: &Compact<'_>,
        start: usize,
        end: usize,
        tokens: &[NumberToken],
        found: &[&'static str],
    ) {
        // Most sentences hold no negator at all.
        if !may_negate(s) {
            return;
        }
        let mut done: Vec<&'static str> = found.to_vec();
        let mut clause_start = 0usize;
        let mut bounds: Vec<(usize, usize)> = Vec::new();
        for (i, c) in s.char_indices() {
            if is_clause_end(c) {
                bounds.push((clause_start, i));
                clause_start = i + c.len_utf8();
            }
        }
        bounds.push((clause_start, s.len()));
        for (cs, ce) in bounds {
            let clause = &s[cs..ce];
            let Some((neg_at, neg)) = find_negator(clause) else { continue };
            // A counted number after the negator means the clause states a count.
            let lo = tokens.partition_point(|t| t.start < cs + neg_at);
            let has_count = tokens[lo..]
                .iter()
                .take_while(|t| t.start < ce)
                .any(|t| t.unit.is_some_and(numbers::is_count_unit) && !t.code_like);
            if has_count {
                continue;
            }
            let after_neg = &clause[neg_at + neg.len()..];
            let reach_end = after_neg.char_indices().nth(NEGATION_REACH).map_or(after_neg.len(), |(b, _)| b);
            let reach = &after_neg[..reach_end];
            for rule in NEGATION_RULES {
                if done.contains(&rule.key) || rule.not_in_clause.iter().any(|w| clause.contains(w)) {
                    continue;
                }
                let hit = rule.words.iter().filter_map(|w| find_word(reach, w, rule.key).map(|p| (p, w.len()))).min();
                let Some((p, wl)) = hit else { continue };
                // What the negator governs: nothing between it and the key word may turn
                // the statement into one about something else (`未按时答复…申请`).
                let between = &reach[..p];
                if rule.not_between.iter().any(|w| between.contains(w)) {
                    continue;
                }
                // An outcome after the key word is what is negated: `未发生…被复议纠错`.
                let tail = &after_neg[p + wl..];
                let tail = &tail[..tail.find(['、', '和', '或', '及']).unwrap_or(tail.len())];
                if rule.outcomes.iter().any(|w| tail.starts_with(w) || near(tail, 6).contains(w)) {
                    continue;
                }
                let from = cs + neg_at;
                let to = cs + neg_at + neg.len() + p + wl;
                let (a, b) = (cp.at(from), cp.end_at(to));
                let span = self.idx.span(a..b);
                self.out.push(Read {
                    fact: Fact {
                        key: Some(rule.key),
                        label: s[from..to].to_string(),
                        value: Number::Int(0),
                        unit: None,
                        approx: false,
                        negated: true,
                        section: section_at(self.sections, span[0]),
                        span,
                        sentence: self.quote(start, end, a, b),
                    },
                    rank: 3,
                    frame: None,
                });
                done.push(rule.key);
            }
        }
    }
}

/// The first `n` characters of `s`.
fn near(s: &str, n: usize) -> &str {
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// Words that make a proactive count the total to date rather than the year's
/// (`目前…共…`, `…至今累计…`).
const CUMULATIVE_WORDS: &[&str] = &["至今", "迄今", "历年", "目前", "建站以来", "开通以来", "上线以来"];
/// Words that bound a count by a date, which is the total to date only with
/// 累计 after them (`截止到2011年12月31日,我区累计主动公开…`, `到年底累计…`); alone
/// they end the report's year (`截至12月31日止，我局主动公开政府信息共161条`).
const DATE_BOUND_WORDS: &[&str] = &["截止", "截至", "到年底", "至年底", "到年末", "至年末"];
/// Words that keep a count the year's even after such a word (`截至12月底，全年…`).
const YEAR_WORDS: &[&str] = &["新增", "本年", "全年", "今年", "年内", "年度"];

fn is_cumulative(ctx: &str, year: Option<i32>) -> bool {
    let tail = near_end(ctx, 60);
    let last = |words: &[&'static str]| words.iter().filter_map(|w| tail.rfind(w).map(|p| (p, *w))).max();
    let strong = last(CUMULATIVE_WORDS);
    let bound = last(DATE_BOUND_WORDS).filter(|(at, w)| {
        let after = &tail[at + w.len()..];
        after.contains("累计") || after.contains("总计")
    });
    let Some((at, w)) = strong.max(bound) else {
        return yearly_since(tail, year);
    };
    let after = &tail[at + w.len()..];
    !YEAR_WORDS.iter().any(|y| after.contains(y))
}

/// `2008年以来累计…`: a count since an earlier year (not `今年以来`, not the report's year).
fn yearly_since(tail: &str, year: Option<i32>) -> bool {
    static SINCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"((?:19|20)[0-9]{2})年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?以来").expect("since regex")
    });
    SINCE.captures_iter(tail).last().is_some_and(|c| c[1].parse::<i32>().ok() != year || year.is_none())
}

/// The last `n` characters of `s`.
fn near_end(s: &str, n: usize) -> &str {
    let mut start = s.len();
    for (i, _) in s.char_indices().rev().take(n) {
        start = i;
    }
    &s[start..]
}

/// Words that put a count in another year (`较上年`, `同比`).
const PRIOR_WORDS: &[&str] = &["上年", "去年", "上一年", "前一年", "同比", "较上", "比上"];

/// Whether a count is about another year than `year`: a year named before it in its
/// context (`2020年共收到申请50件` in a 2021 report), or a word of comparison.
fn other_year(context: &str, window: &str, year: Option<i32>) -> bool {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"((?:19|20)[0-9]{2})年").expect("year regex"));
    if PRIOR_WORDS.iter().any(|w| window.contains(w)) {
        return true;
    }
    let Some(y) = year else { return false };
    YEAR.captures_iter(context).last().is_some_and(|c| c[1].parse::<i32>().is_ok_and(|named| named != y))
}

/// The value in the key's terms: `fees_yuan` in yuan.
fn fact_value(tok: &NumberToken, unit: &'static str, key: Option<&str>) -> (Number, &'static str) {
    if key == Some("fees_yuan") {
        match unit {
            "万元" => return (Number::from_f64(tok.value * 1e4), "元"),
            "亿元" => return (Number::from_f64(tok.value * 1e8), "元"),
            "千元" => return (Number::from_f64(tok.value * 1e3), "元"),
            _ => {}
        }
    }
    (Number::from_f64(tok.value), unit)
}

/// A short label: the last clause of the context, trimmed of filler.
fn label_of(ctx: &str) -> String {
    let clause = ctx.rsplit(|c: char| is_clause_end(c) || c == '、').next().unwrap_or(ctx);
    let clause = clause.trim().trim_end_matches(['为', '达', '共', '计', '约', '近', '有']);
    let n = clause.chars().count();
    clause.chars().skip(n.saturating_sub(24)).collect()
}

/// `s[from..to]` with up to `EXCERPT_BYTES` either side, cut at char boundaries.
fn excerpt(s: &str, from: usize, to: usize) -> String {
    let mut a = from.saturating_sub(EXCERPT_BYTES);
    while !s.is_char_boundary(a) {
        a += 1;
    }
    let mut b = (to + EXCERPT_BYTES).min(s.len());
    while !s.is_char_boundary(b) {
        b -= 1;
    }
    s[a.min(from)..b.max(to)].trim().to_string()
}

/// Start offsets of every section, at every level.
fn collect_starts(sections: &[Section], out: &mut Vec<usize>) {
    for s in sections {
        out.push(s.span[0]);
        collect_starts(&s.children, out);
    }
}

/// The canonical key of the top-level section holding character `c`.
fn section_at(sections: &[Section], c: usize) -> Option<&'static str> {
    // Top-level sections are in text order: binary search keeps this logarithmic.
    let i = sections.partition_point(|s| s.span[0] <= c);
    let s = sections.get(i.checked_sub(1)?)?;
    (c < s.span[1]).then_some(s.key).flatten()
}

// ---------------------------------------------------------------------------
// The document

/// Where a document states a total several times over, its readings must agree.
/// A part is never larger than its total, so among the readings of the surest
/// shape the largest is the total (`2017年全区主动公开政府信息2122条` over a sub-count
/// of one office); readings that disagree with it lose their key. The document
/// contradicts itself, and every reading loses its key, when a weaker shape states
/// more than that total (`2012年主动公开政府信息1913条` against `通过…门户网站公开政府
/// 信息3636条`) or when the total restated as a frame differs (`其中主动公开政府信息26条`
/// against `在主动公开的32条政府信息中`). A statement of absence that a stated count
/// contradicts loses its key too.
fn reconcile(facts: &mut [Read]) {
    for key in ["proactive_total", "requests_received"] {
        let of_key = |r: &Read| r.fact.key == Some(key) && !r.fact.negated;
        let Some(best_rank) = facts.iter().filter(|r| of_key(r)).map(|r| r.rank).max() else { continue };
        let total = facts
            .iter()
            .filter(|r| of_key(r) && r.rank == best_rank)
            .map(|r| r.fact.value.as_f64())
            .fold(f64::NEG_INFINITY, f64::max);
        let differs = |v: f64| (v - total).abs() > 1e-9;
        let contradicted = facts.iter().any(|r| {
            let v = r.fact.value.as_f64();
            (of_key(r) && r.rank < best_rank && v > total + 1e-9) || (r.frame == Some(key) && differs(v))
        });
        for r in facts.iter_mut().filter(|r| of_key(r)) {
            if contradicted || differs(r.fact.value.as_f64()) {
                r.fact.key = None;
            }
        }
    }
    let mut counted: Vec<&'static str> = Vec::new();
    for r in facts.iter().filter(|r| !r.fact.negated && r.fact.value.as_f64() > 0.0) {
        if let Some(k) = r.fact.key.filter(|k| !counted.contains(k)) {
            counted.push(k);
        }
    }
    for r in facts.iter_mut().filter(|r| r.fact.negated) {
        if r.fact.key.is_some_and(|k| counted.contains(&k)) {
            r.fact.key = None;
        }
    }
}

// ---------------------------------------------------------------------------
// Statements of absence

/// A statement of absence (SPEC §5, DOMAIN §10.3): a negator, then within reach
/// one of `words`.
struct Negation {
    key: &'static str,
    words: &'static [&'static str],
    /// A clause holding one of these states something else (`未收到…行政复议申请`
    /// is about reviews, not requests; `未按收费通知要求缴纳费用` is table 3's row).
    not_in_clause: &'static [&'static str],
    /// Words between negator and key word that make the negator govern something
    /// else (`未按时答复的申请`, `没有现成信息`).
    not_between: &'static [&'static str],
    /// Outcomes right after the key word that are what is negated
    /// (`未发生…被复议纠错或诉讼败诉` says reviews happened).
    outcomes: &'static [&'static str],
}

const NEGATION_RULES: &[Negation] = &[
    // `本年度我区未收到政府信息公开申请`, `我镇没有依申请公开政府信息申请事项`,
    // `2015年，我局未收到公民提出的公开政府信息申请`.
    Negation {
        key: "requests_received",
        words: &["申请"],
        not_in_clause: &["复议", "诉讼", "投诉", "举报", "申诉", "许可", "补正", "按收费通知"],
        not_between: &["答复", "办理", "办结", "处理", "按时", "超期", "逾期", "延期", "正当理由", "被"],
        outcomes: &["人"],
    },
    // `无收费及减免情况`, `未收取任何费用`, `均未对依申请提供政府公开信息进行收费`,
    // `本年度没有产生信息公开处理费`.
    Negation {
        key: "fees_yuan",
        words: &["收费", "收取", "费用", "处理费"],
        not_in_clause: &["行政事业性收费", "按收费通知", "缴纳费用"],
        not_between: &["被"],
        outcomes: &[],
    },
    // `未发生因政府信息公开引发的行政复议`, `未收到有关政府信息公开行政复议申请`.
    // Not `该行政复议件未被复议机关纠错`, `未发生…被复议纠错或诉讼败诉`, `未经复议直接起诉`.
    Negation {
        key: "reviews",
        words: &["复议"],
        not_in_clause: &[],
        not_between: &["被", "纠错", "纠正", "败诉"],
        outcomes: &["纠错", "纠正", "撤销", "败诉", "机关纠", "被纠", "确认违法"],
    },
    // `没有发生因政府信息公开引发的…行政诉讼`.
    Negation {
        key: "lawsuits",
        words: &["诉讼"],
        not_in_clause: &[],
        not_between: &["被", "纠错", "纠正", "败诉"],
        outcomes: &["败诉", "纠错", "纠正", "撤销", "确认违法"],
    },
    // `未收到针对我镇政府信息公开事务有关的申诉案`.
    Negation {
        key: "complaints",
        words: &["申诉", "投诉", "举报"],
        not_in_clause: &["信访举报投诉类", "类申请"],
        not_between: &["被"],
        outcomes: &[],
    },
];

const NEGATORS: &[&str] = &["没有", "未", "无", "不存在"];
/// The first characters of [`NEGATORS`].
const NEGATOR_STARTS: [char; 4] = ['没', '未', '无', '不'];

/// Whether `s` holds a character that starts a negator.
fn may_negate(s: &str) -> bool {
    s.contains(NEGATOR_STARTS)
}

/// `无` starting another word (无论, 无法, 无正当理由 …) is no negation.
const NOT_NEGATING_AFTER_WU: &[char] = &[
    '论', '纸', '缝', '偿', '障', '法', '须', '需', '疑', '效', '私', '不', '限', '线', '形', '误', '一', '序', '力',
    '故', '正',
];
/// `未` starting another word: 未经 (`未经复议直接起诉`), 未被 (`未被复议机关纠错`),
/// 未按/未在/未及 (`未按时答复`), 未予.
const NOT_NEGATING_AFTER_WEI: &[char] = &['经', '被', '按', '在', '及', '予', '能', '来'];
/// `没有` starting another phrase: 没有现成信息 (table 3's row).
const NOT_NEGATING_AFTER_MEIYOU: &[char] = &['现'];

/// How far (characters) a key's words may follow the negator.
const NEGATION_REACH: usize = 30;

/// Where `word` occurs in `s` (the text right after a negator). `申请` of `依申请`
/// counts for requests only right after the negator or its verb (`未接收到依申请公开`,
/// `无依申请公开政务信息情况`), not further on (`没有发生…依申请公开的信息…`).
fn find_word(s: &str, word: &str, key: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = s[from..].find(word) {
        let at = from + p;
        let yi = key == "requests_received" && s[..at].ends_with('依');
        if !yi || NEGATED_VERBS.iter().any(|v| s[..at - '依'.len_utf8()] == **v) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// What a negator may govern right before `依申请`: nothing, or a verb of receiving.
const NEGATED_VERBS: &[&str] = &["", "收到", "接到", "接收到", "接收", "受理", "发生", "产生", "有"];

/// The first negator of a clause.
fn find_negator(clause: &str) -> Option<(usize, &'static str)> {
    let mut best: Option<(usize, &'static str)> = None;
    for n in NEGATORS {
        let mut from = 0;
        while let Some(p) = clause[from..].find(n) {
            let at = from + p;
            from = at + n.len();
            let next = clause[at + n.len()..].chars().next();
            let skip = match *n {
                "无" => next.is_none_or(|c| NOT_NEGATING_AFTER_WU.contains(&c)),
                "未" => next.is_none_or(|c| NOT_NEGATING_AFTER_WEI.contains(&c)) || clause[..at].ends_with('尚'),
                "没有" => next.is_none_or(|c| NOT_NEGATING_AFTER_MEIYOU.contains(&c)),
                _ => false,
            };
            if skip {
                continue;
            }
            if best.is_none_or(|(b, _)| at < b) {
                best = Some((at, n));
            }
            break;
        }
    }
    best
}

// ---------------------------------------------------------------------------
// Placeholders

/// Template placeholders in place of data (SPEC §5, §6).
static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[xXｘＸ]{2,}\s*(?:条|件|次|人次|元|万元|个|年|月|日|期|篇|项|人|名|%|％)|[×＊]{3,}")
        .expect("placeholder regex")
});

fn placeholders(text: &str, idx: &CharIndex, in_table: &dyn Fn(usize) -> bool) -> Vec<Issue> {
    let found: Vec<(usize, &str)> =
        PLACEHOLDER.find_iter(text).filter(|m| !in_table(m.start())).map(|m| (m.start(), m.as_str())).collect();
    if found.is_empty() {
        return Vec::new();
    }
    let examples: Vec<String> = found.iter().take(5).map(|(b, s)| format!("{s} at {}", idx.char_at(*b))).collect();
    vec![Issue {
        code: IssueCode::Placeholder,
        severity: Severity::Warning,
        message: format!(
            "{} template placeholder(s) in place of data: {}{}",
            found.len(),
            examples.join(", "),
            if found.len() > 5 { ", …" } else { "" }
        ),
        cells: Vec::new(),
        expected: None,
        actual: Some(Number::Int(i64::try_from(found.len()).unwrap_or(i64::MAX))),
        blame: Blame::Source,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Format, RawBlock, RawDocument};

    fn facts_of(text: &str) -> Vec<Fact> {
        let raw = RawDocument { blocks: vec![RawBlock::Paragraph(text.to_string())], ..Default::default() };
        let doc = Document::assemble(raw, Format::Text);
        read(&doc, &[])
    }

    fn keyed(text: &str) -> Vec<(&'static str, f64, bool, bool)> {
        facts_of(text).into_iter().filter_map(|f| Some((f.key?, f.value.as_f64(), f.approx, f.negated))).collect()
    }

    fn pairs(text: &str) -> Vec<(&'static str, f64)> {
        keyed(text).into_iter().map(|(k, v, _, _)| (k, v)).collect()
    }

    #[test]
    fn negator_starts_cover_every_negator() {
        for n in NEGATORS {
            assert!(NEGATOR_STARTS.iter().any(|&c| n.starts_with(c)), "{n}");
            assert!(may_negate(&format!("本年度{n}收到申请")));
        }
    }

    #[test]
    fn counts_with_keys() {
        let cases: &[(&str, &[(&str, f64)])] = &[
            ("2021年主动公开政府信息198条。", &[("proactive_total", 198.0)]),
            (
                "共受理政府信息公开申请859件，其中不予公开35件，占4.34%。",
                &[("requests_received", 859.0), ("requests_denied", 35.0)],
            ),
            ("共收到申请2件，其中公开答复1件。", &[("requests_received", 2.0), ("requests_granted", 1.0)]),
            ("因政府信息公开引发的行政复议36起，行政诉讼9起。", &[("reviews", 36.0), ("lawsuits", 9.0)]),
            ("信息公开类行政复议7件，诉讼9件。", &[("reviews", 7.0), ("lawsuits", 9.0)]),
            (
                "开展信息公开业务集中培训2次,培训人员达到116人次。",
                &[("training_sessions", 2.0), ("training_attendees", 116.0)],
            ),
            ("2011年我区共举行3次新闻发布活动。", &[("press_conferences", 3.0)]),
            ("政府信息公开专栏访问量达72065人次。", &[("site_visits", 72065.0)]),
            ("实际收取信息处理费共计1.5万元。", &[("fees_yuan", 15000.0)]),
            ("接待群众咨询120余次。", &[("consultations", 120.0)]),
            ("收到有关政府信息公开的投诉3件。", &[("complaints", 3.0)]),
        ];
        for (text, want) in cases {
            assert_eq!(&pairs(text), want, "{text}");
        }
    }

    #[test]
    fn cumulative_and_yearly_proactive() {
        let got = pairs("截止到2011年12月31日,我区累计主动公开政府信息数量达75646条,2011年度新增主动公开政府信息10759条,其中:概况信息数量113条。");
        assert_eq!(got, vec![("proactive_cumulative", 75646.0), ("proactive_total", 10759.0)]);
        let got = keyed("2025年，通过实验区政府门户网站累计主动公开政府信息7700余条。");
        assert_eq!(got, vec![("proactive_total", 7700.0, true, false)]);
    }

    #[test]
    fn statements_of_absence() {
        let cases: &[(&str, &[&str])] = &[
            ("本年度我区未收到政府信息公开申请。", &["requests_received"]),
            ("2021年，我镇没有依申请公开政府信息申请事项。", &["requests_received"]),
            ("本年度我区没有发生因政府信息公开引发的行政复议和行政诉讼事件。", &["reviews", "lawsuits"]),
            ("无收费及减免情况。", &["fees_yuan"]),
            ("2023年，无收取信息处理费情况。", &["fees_yuan"]),
            ("目前全区各公开单位均未对依申请提供政府公开信息进行收费。", &["fees_yuan"]),
            ("未收到有关政府信息公开行政复议申请。", &["reviews"]),
            ("未收取任何费用。", &["fees_yuan"]),
            ("没有发生有关政府信息公开事务的举报、投诉、行政复议、行政诉讼。", &["reviews", "lawsuits", "complaints"]),
            ("无法提供的信息已说明理由。", &[]),
            ("无论申请人是否付费。", &[]),
        ];
        for (text, want) in cases {
            let got = keyed(text);
            assert!(got.iter().all(|(_, v, _, neg)| *v == 0.0 && *neg), "{text}: {got:?}");
            let mut keys: Vec<&str> = got.iter().map(|x| x.0).collect();
            let mut want = want.to_vec();
            keys.sort_unstable();
            want.sort_unstable();
            assert_eq!(keys, want, "{text}");
        }
    }

    #[test]
    fn spans_point_at_the_number() {
        let text = "一、总体情况 我局主动公开政府信息１９８条。";
        let facts = facts_of(text);
        let f = facts.iter().find(|f| f.key == Some("proactive_total")).unwrap();
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[f.span[0]..f.span[1]].iter().collect::<String>(), "１９８");
        assert_eq!(f.value, Number::Int(198));
        assert_eq!(f.sentence, text.trim_end_matches('。'));
    }

    #[test]
    fn spaced_and_wrapped_numbers_keep_their_spans() {
        // A PDF text layer: the phrase and the number wrap over lines.
        let text = "（一）主动公开情况。2024 年，市政府网站主动公开各类政府信息 5500 余条，全年新增公开规章 1 件、文件\n11 件。\n2024 年，全市共受理政府信息公开申请 3119 件，答\n复 3050 件。";
        let doc = Document::assemble(
            RawDocument { blocks: vec![RawBlock::Paragraph(text.into())], ..Default::default() },
            Format::Text,
        );
        let facts = read(&doc, &[]);
        let chars: Vec<char> = text.chars().collect();
        let ev = |f: &Fact| chars[f.span[0]..f.span[1]].iter().collect::<String>();
        let p = facts.iter().find(|f| f.key == Some("proactive_total")).expect("proactive");
        assert_eq!((p.value.as_f64(), p.approx, ev(p).as_str()), (5500.0, true, "5500"));
        let r = facts.iter().find(|f| f.key == Some("requests_received")).expect("requests");
        assert_eq!((r.value.as_f64(), ev(r).as_str()), (3119.0, "3119"));
        assert_eq!(facts.iter().filter(|f| f.key.is_some()).count(), 2, "{facts:?}");
    }

    #[test]
    fn placeholders_give_issues_not_facts() {
        let raw = RawDocument {
            blocks: vec![RawBlock::Paragraph("xxxx年我乡主动公开政府信息xx条，其中×××同志负责。".into())],
            ..Default::default()
        };
        let doc = Document::assemble(raw, Format::Text);
        let (facts, issues) = read_with_issues(&doc, &[], &[]);
        assert!(facts.iter().all(|f| f.key != Some("proactive_total")), "{facts:?}");
        assert_eq!(issues.len(), 1);
        assert_eq!(
            (issues[0].code, issues[0].severity, issues[0].blame),
            (IssueCode::Placeholder, Severity::Warning, Blame::Source)
        );
        assert_eq!(issues[0].actual, Some(Number::Int(3)));
    }

    #[test]
    fn table_sentences_are_skipped() {
        let got = keyed(
            "三、收到和处理政府信息公开申请情况 申请人情况 自然人 商业企业 一、本年新收政府信息公开申请数量 713000074",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn text_table_rows_give_no_facts() {
        // Rows of tables printed as text, as DOMAIN §8.2/§8.3 describes them.
        let tables = [
            "4.无正当理由大量反复申请\n0\n0\n0\n0\n0\n0\n0",
            "4.无正当理由大量反复申请 0 0 0 0 0 0 0",
            "| 4.无正当理由大量反复申请 | | | | | | | |",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 2 0 0 0 0 0 2",
            "| （六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 1 | | | | | | 1 |",
            "|---|---|---|",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 3 0 0 0 0 0 3",
            "5.属于三类内部事务信息 1 0 0 0 0 0 1\n6.属于四类过程性信息 2 0 0 0 0 0 2",
            "3.危及“三安全一稳定” 0 0 0 0 0 0 0",
            "商业 科研 社会公益组织 法律服务机构 其他\n企业 机构",
            "未经复议直接起诉",
            "行政复议 行政诉讼\n结果 结果 其他 尚未 总 未经复议直接起诉 复议后起诉\n维持 纠正 结果 审结 计 结果 结果",
            "结 结 其 尚\n果 果 他 未\n维 纠 结 审\n持 正 果 结",
            "政府集中采购 2笔 984361元\n251000元",
            "行政事业性收费 0.5\n本年收费金额（单位：万元）",
            "第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n行政规范性文件8855698",
        ];
        for text in tables {
            let got = facts_of(text);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }

    #[test]
    fn prose_with_table_words_keeps_its_facts() {
        let cases: &[(&str, &[(&str, f64)])] = &[
            ("其中予以公开 12件，不予公开 3件。", &[("requests_granted", 12.0), ("requests_denied", 3.0)]),
            ("政府信息公开行政复议 2件 行政诉讼 1件", &[("reviews", 2.0), ("lawsuits", 1.0)]),
            // The reviews a justice bureau decides as a review body are not reviews of its disclosure.
            ("全年办理行政复议案件120件，行政诉讼应诉案件30件。", &[]),
            ("（注：本年度收到政府信息公开申请70件）", &[("requests_received", 70.0)]),
            ("（本年度未收取任何费用）", &[("fees_yuan", 0.0)]),
            // 重复申请 is an outcome of table 3 (a request not processed), not a count received.
            ("重复申请 3件", &[]),
            ("本年度未收到政府信息公开申请。", &[("requests_received", 0.0)]),
            // Table 4's words in prose.
            (
                "政府信息公开行政复议 351 件，其中结果维持 72 件，尚未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25 件。",
                &[("reviews", 351.0), ("lawsuits", 46.0)],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&pairs(text), want, "{text}");
        }
    }

    #[test]
    fn nothing_is_read_inside_a_table_span() {
        let text = "共受理申请5件。\n无正当理由 7件\n本年未收取费用。";
        let raw = RawDocument { blocks: vec![RawBlock::Paragraph(text.to_string())], ..Default::default() };
        let doc = Document::assemble(raw, Format::Text);
        let (all, _) = read_with_issues(&doc, &[], &[]);
        assert_eq!(all.len(), 3, "{all:?}");
        // The middle line, as a table reading's span, gives nothing; the prose around it does.
        let line = doc.text.split('\n').collect::<Vec<_>>();
        let a = line[0].chars().count() + 1;
        let span = [a, a + line[1].chars().count()];
        let (facts, _) = read_with_issues(&doc, &[], &[span]);
        let keys: Vec<_> = facts.iter().map(|f| (f.key, f.value.as_f64())).collect();
        assert_eq!(keys, vec![(Some("requests_received"), 5.0), (Some("fees_yuan"), 0.0)]);
    }

    #[test]
    fn segments_join_wrapped_lines_only() {
        let text = "本区到年底累计主动公开政府信息\n5928\n条,全文电子化率达\n90.3%\n,其中,本年度新增主动公开政府信息\n2110\n条。\n一、概述\n概述\n2016年，我局未收到申请。";
        let segs = segments(text, &[], &[]);
        let got: Vec<&str> = segs.iter().map(|s| text[s.start..s.end].trim()).collect();
        // Short lines without punctuation are complete: headings stay apart.
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(got[0].ends_with("2110\n条"));
        assert_eq!(&got[1..], ["一、概述", "概述", "2016年，我局未收到申请"]);
        let got = pairs(text);
        assert_eq!(
            got,
            vec![("proactive_cumulative", 5928.0), ("proactive_total", 2110.0), ("requests_received", 0.0)]
        );
    }
}
