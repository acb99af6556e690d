//! Reading a sentence: its numbers keyed by the predicate before them, parts of totals,
//! other years and cumulative counts told apart.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::document::CharIndex;
use crate::model::{Fact, Number, Section};
use crate::numbers::{self, NumberToken};

use super::{
    find_negator, find_word, grammar, has, is_clause_end, may_negate, near_head, near_tail, negation, rfind_short,
    table_text, Compact, NEGATION_REACH, NEGATION_RULES,
};

/// What a sentence leaves to the next one: the keys it stated (a next sentence
/// opening with `其中` lists their parts) and whether it was about requests.
#[derive(Default)]
pub(super) struct Carry<'a> {
    pub(super) keys: Vec<&'static str>,
    pub(super) requests: Requests<'a>,
    /// The keys whose parts the sentence listed (it opened with `其中`, or went on with such a
    /// list): a next line of one label and its count (`电话咨询：233人次`) lists more of them.
    pub(super) parts: Vec<&'static str>,
}

/// Whether a sentence was about requests: known, or left to its words, read only when the
/// next sentence asks (most sentences state no count, and most are followed by another such).
pub(super) enum Requests<'a> {
    Known(bool),
    /// The words of `s[..cut]` ([`SentenceWords::of`]) tell.
    Unread(Cow<'a, str>, usize),
}

impl Default for Requests<'_> {
    fn default() -> Self {
        Requests::Known(false)
    }
}

impl Requests<'_> {
    fn get(&self) -> bool {
        match self {
            Requests::Known(known) => *known,
            Requests::Unread(s, cut) => SentenceWords::of(&s[..*cut]).requests,
        }
    }
}

/// A fact with what the document-level pass needs.
#[derive(Clone)]
pub(super) struct Read {
    pub(super) fact: Fact,
    pub(super) rank: u8,
    /// The key a frame restates (`在主动公开的425条政府信息中`): no fact of its own,
    /// but a total the document's statements must agree with.
    pub(super) frame: Option<&'static str>,
    /// Whose count the sentence says it is (`Scope`).
    pub(super) scope: Scope,
}

/// Whose count a fact is, by the words of its sentence before it: the report's own body named
/// (`区政府本级主动公开政府信息2,136条`), the bodies under a government summed
/// (`全区各部门、各街道全年共主动公开政府信息4.7万条`), or neither said.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Scope {
    Unsaid,
    Own,
    Summed,
}

/// How many characters after a count the end of its clause is looked for.
const AFTER_REACH: usize = 200;

/// How many characters before a count its scope's words are looked for (`Scope::of`).
const SCOPE_REACH: usize = 120;

/// Words naming the report's own body apart from those under it.
const OWN_BODY: &[&str] =
    &["本级", "本机关", "本单位", "本部门", "我局", "本局", "我委", "本委", "我厅", "本厅", "我办", "本办"];
/// Words summing the bodies under a government or a department (`全市各级行政机关`, `全区各单位`,
/// `各县(市、区)分局`, `下属…`, `局属6个分局`).
const SUMMED_BODIES: &[&str] = &[
    "各级行政机关",
    "全省各",
    "全市各",
    "全区各",
    "全县各",
    "全州各",
    "全旗各",
    "全镇各",
    "各县",
    "各分局",
    "下属",
    "各直属",
    "局属",
    "所属单位",
    "所属各",
    "下辖",
];

/// [`OWN_BODY`] then [`SUMMED_BODIES`], found in one pass (overlapping: every word present is
/// seen, as a search for each would).
static SCOPE_WORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(OWN_BODY.iter().chain(SUMMED_BODIES)).expect("scope words automaton")
});

impl Scope {
    pub(super) fn of(before: &str) -> Scope {
        // Asked for every count: one pass over its words before it, where a search for each of
        // the 28 words found candidates by their last byte (most of them that of many Han
        // characters).
        let mut summed = false;
        for m in SCOPE_WORDS.find_overlapping_iter(before) {
            if m.pattern().as_usize() < OWN_BODY.len() {
                return Scope::Own;
            }
            summed = true;
        }
        if summed {
            Scope::Summed
        } else {
            Scope::Unsaid
        }
    }
}

pub(super) struct Reader<'a> {
    pub(super) text: &'a str,
    pub(super) idx: &'a CharIndex<'a>,
    pub(super) sections: &'a [Section],
    pub(super) year: Option<i32>,
    pub(super) carry: Carry<'a>,
    pub(super) out: Vec<Read>,
    /// A year's proactive total was stated without `累计` (a bare `累计` after it is to date).
    pub(super) year_total_stated: bool,
}

/// Keys of totals: a count shown as a share of something (`…1397条，占73%`) is a part.
pub(super) const TOTAL_KEYS: &[&str] = &["proactive_total", "requests_received", "reviews", "lawsuits"];

/// Words that introduce the parts of a total stated before them
/// (`共…N条（其中A类x条…）`, `主动公开政府信息125条，涵盖…类5条`).
pub(super) const PART_WORDS: &[&str] = &["其中", "包括", "涵盖", "包含", "含", "分别", "主要有", "主要类别"];

/// Words of a sentence about handling requests (with `申请`).
pub(super) const REQUEST_VERBS: &[&str] =
    &["收到", "受理", "接收", "接到", "新收", "办结", "办理", "答复", "处理", "回复", "提出", "提交"];
/// Outcomes of requests (table 3's rows) that make a sentence about requests.
pub(super) const OUTCOME_WORDS: &[&str] =
    &["予以公开", "部分公开", "无法提供", "不予处理", "其他处理", "同意公开", "公开答复"];

/// What the words of a sentence say about it, found in one pass (see [`SentenceWords::of`]).
#[derive(Default)]
pub(super) struct SentenceWords {
    /// About handling requests: `申请` with a verb of handling, or two outcomes of
    /// requests (`其中予以公开 12件，不予公开 3件`).
    pub(super) requests: bool,
    /// Where the first word tying the sentence to disclosure ends ([`DISCLOSURE_WORDS`]).
    pub(super) disclosure_at: Option<usize>,
    /// Speaks of other business ([`grammar::OTHER_BUSINESS`]).
    pub(super) business: bool,
}

/// Words that tie a count of reviews, lawsuits or complaints to information disclosure.
pub(super) const DISCLOSURE_WORDS: &[&str] =
    &["信息公开", "依申请", "政务公开", "被申请", "被诉", "被提起", "公开类", "公开申请"];

/// The words [`SentenceWords`] looks for, by kind.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Word {
    Request,
    RequestVerb,
    Outcome(u8),
    Disclosure,
    Business,
}

pub(super) static SENTENCE_WORDS: LazyLock<(aho_corasick::AhoCorasick, Vec<Word>)> = LazyLock::new(|| {
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
    pub(super) fn of(s: &str) -> SentenceWords {
        let (ac, kinds) = &*SENTENCE_WORDS;
        let mut out = SentenceWords::default();
        let (mut request, mut verb) = (false, false);
        let mut outcomes = 0u32;
        let tie = |out: &mut SentenceWords, end: usize| {
            out.disclosure_at = Some(out.disclosure_at.map_or(end, |e| e.min(end)));
        };
        for m in ac.find_iter(s) {
            match kinds[m.pattern().as_usize()] {
                Word::Request => request = true,
                Word::RequestVerb => verb = true,
                Word::Outcome(i) => {
                    // Two outcomes of requests (`同意公开7件，…不予公开1件`) tie what follows them
                    // to disclosure as its words do: `…；行政复议1件，行政诉讼0件` counts the
                    // reviews of those answers.
                    let first = outcomes == 0 || outcomes == 1 << i;
                    outcomes |= 1 << i;
                    if !first {
                        tie(&mut out, m.end());
                    }
                }
                Word::Disclosure => {
                    // 依申请, 被申请, 公开申请 hold a 申请 of their own.
                    request |= has(&s[m.range()], "申请");
                    tie(&mut out, m.end());
                }
                Word::Business => out.business = true,
            }
        }
        out.requests = (request && verb) || outcomes.count_ones() >= 2;
        out
    }
}

/// Words opening a sentence with what the one before led to (`引发的行政复议36起`): no cause
/// of their own, so the cause is the requests just counted.
const CAUSED_BY_BEFORE: &[&str] = &["由此引发", "因此引发", "由此引起", "因此引起", "引发", "引起"];

/// Where the word ends that opens `s` with what the sentence before led to (`CAUSED_BY_BEFORE`),
/// after an opening `其中`/`共`/`并`.
fn caused_by_before(s: &str) -> Option<usize> {
    let body = s.trim_start_matches(['，', ',', ' ', '：', ':']);
    let body = ["其中", "共", "并", "另"].iter().find_map(|w| body.strip_prefix(w)).unwrap_or(body);
    let w = CAUSED_BY_BEFORE.iter().find(|w| body.starts_with(**w))?;
    Some(s.len() - body.len() + w.len())
}

/// Whether the clause after a count opens the year's own part of it (`，其中本年度…`, `，其中今年…`).
fn years_own_part(rest: &str) -> bool {
    let rest = rest.trim_start_matches(['，', ',', ' ']);
    ["其中本年", "其中今年", "其中全年", "其中当年", "其中年内"].iter().any(|w| rest.starts_with(w))
}

/// Whether a sentence is one label and its count (`电话咨询：233人次`): short, a colon, one
/// counted number, no clause of its own.
fn label_line(s: &str, tokens: &[NumberToken]) -> bool {
    let counted = tokens.iter().filter(|t| t.unit.is_some_and(numbers::is_count_unit)).count();
    counted == 1 && s.chars().count() <= 30 && s.contains(['：', ':']) && !s.contains(['，', ',', '；', ';', '。'])
}

/// Sentences longer than this (flattened pages without full stops) are quoted as
/// an excerpt around the number, so that many facts do not copy one huge line each.
pub(super) const MAX_SENTENCE_BYTES: usize = 1200;
/// Bytes of context either side of the number in such an excerpt.
pub(super) const EXCERPT_BYTES: usize = 180;

impl Reader<'_> {
    pub(super) fn quote(&self, start: usize, end: usize, from: usize, to: usize) -> String {
        if end - start > MAX_SENTENCE_BYTES {
            excerpt(&self.text[start..end], from - start, to - start)
        } else {
            self.text[start..end].trim().to_string()
        }
    }

    pub(super) fn sentence(&mut self, start: usize, end: usize) {
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
        // Known here when no number counts (most sentences); else read where needed.
        let negates = if counted { None } else { Some(may_negate(s)) };
        if negates == Some(false) {
            // Only the words of requests matter to the next sentence (read if it asks).
            let cut = s.len();
            self.carry = Carry { keys: Vec::new(), requests: Requests::Unread(cp.s, cut), parts: Vec::new() };
            return;
        }
        let first_char = self.idx.char_at(start);
        if !counted {
            if let Some(keys) = self.none_answer([start, end], first_char) {
                for key in keys {
                    self.push_absence(key, s, &cp, [start, end], [0, s.len()]);
                }
                return;
            }
        }
        let in_requests = section_at(self.sections, first_char) == Some("requests");
        let words = SentenceWords::of(s);
        let requests = in_requests || words.requests || carry.requests.get();
        let in_review = section_at(self.sections, first_char) == Some("review_litigation");
        let business = words.business;
        // `收到政府信息公开申请154件。引发的行政复议36起`: a sentence opening with what the
        // requests led to is about their reviews, as if it said 因政府信息公开.
        let first_disclosure = words.disclosure_at.or_else(|| requests.then(|| caused_by_before(s)).flatten());
        // Keys stated so far in the sentence (a frame's key too), and the keys a part
        // word made into parts from there on.
        let mut keys: Vec<&'static str> = Vec::new();
        // `其中：现场咨询：96人次` / `电话咨询：233人次` / `网上咨询：83人次`: each line a part.
        let listed: Vec<&'static str> = if s.trim_start_matches(['，', ',', '：', ':']).starts_with("其中") {
            carry.keys.clone()
        } else if !carry.parts.is_empty() && label_line(s, &tokens) {
            carry.parts.clone()
        } else {
            Vec::new()
        };
        let mut part_of = listed.clone();
        let mut scanned = 0usize;
        let mut clause_start = 0usize;
        // The label before a colon that ended the previous clause (`受理申请情况：`).
        let mut label: Option<(usize, usize)> = None;
        let mut quote_depth = 0i64;
        let mut paren_open: Option<usize> = None;
        let mut paren_keys: Vec<&'static str> = Vec::new();
        let mut prev_end = 0usize; // end of the previous number of any kind
        let mut ctx_start = 0usize; // end of the previous counting number
        let mut found: Vec<&'static str> = Vec::new();
        let first_out = self.out.len();
        // The sentence's last count: its place in `self.out`, the words before and after it,
        // its unit.
        let mut last_count: Option<(usize, &str, &str, &str)> = None;
        for tok in &tokens {
            if tok.start >= scanned {
                let gap = &s[scanned..tok.start];
                // Only ASCII and the characters led by E2, E3, EF (quotes, brackets, full-width
                // punctuation) change the state below: Han is stepped over.
                for (k, c) in crate::charset::chars_led(gap, |b| matches!(b, 0xE2 | 0xE3 | 0xEF)) {
                    let at = scanned + k;
                    // (A colon right before the number ends no clause: `受理申请数：12件`.)
                    let labels_number = matches!(c, '：' | ':') && s[at + c.len_utf8()..tok.start].trim().is_empty();
                    if is_clause_end(c) && !labels_number {
                        // (`受理申请情况：共受理12件`: the label a colon ends names what the clause
                        // after it counts.)
                        label = matches!(c, '：' | ':').then_some((clause_start, at));
                        clause_start = at + c.len_utf8();
                    } else if matches!(c, '“' | '《' | '「' | '"') {
                        quote_depth += 1;
                    } else if matches!(c, '”' | '》' | '」') {
                        quote_depth = (quote_depth - 1).max(0);
                    } else if matches!(c, '（' | '(') {
                        paren_open = Some(at + c.len_utf8());
                        paren_keys.clone_from(&keys);
                    } else if matches!(c, '）' | ')') {
                        paren_open = None;
                    }
                }
                if !keys.is_empty() && PART_WORDS.iter().any(|w| has(gap, w)) {
                    part_of.clone_from(&keys);
                }
                scanned = tok.start;
            }
            let before = &s[..tok.start];
            let window_start = prev_end.max(clause_start).max(paren_open.unwrap_or(0));
            let since = s.get(ctx_start.min(tok.start)..tok.start).unwrap_or_default();
            // The top of a range (`每季度召开1至2次新闻发布会`) is no count of its own.
            let range =
                prev_end > 0 && matches!(s[prev_end..tok.start].trim(), "至" | "到" | "-" | "~" | "～" | "－" | "—");
            prev_end = tok.tail_end;
            let counting = tok.unit.is_some_and(numbers::is_count_unit);
            let ordinal = before.ends_with('第');
            if !counting || tok.code_like || ordinal || quote_depth > 0 || range {
                continue;
            }
            let Some(unit) = tok.unit else { continue };
            let window = without_trailing_note(&s[window_start.min(tok.start)..tok.start]);
            let rest = &s[tok.tail_end..];
            // The clause after the number, looked for within `AFTER_REACH` characters: a line of
            // counts without a clause's end (a flattened page) is not scanned to its end for each.
            let reach = near_head(rest, AFTER_REACH);
            let clause_end = reach.find(|c: char| is_clause_end(c) || matches!(c, '（' | '(' | '）' | ')'));
            let after = &rest[..clause_end.unwrap_or(reach.len())];
            let mut from = ctx_start.max(tok.start.saturating_sub(240));
            while !s.is_char_boundary(from) {
                from += 1;
            }
            let context = &s[from..tok.start];
            ctx_start = tok.tail_end;
            let disclosure = in_review || first_disclosure.is_some_and(|e| e <= tok.start);
            // A count opening the clause after a label of requests.
            let requests_label =
                window_start == clause_start && label.is_some_and(|(a, b)| grammar::names_requests(&s[a..b]));
            let ctx = grammar::Context { requests, disclosure, business, requests_label };
            let mut restated = None;
            let mut got = grammar::classify(window, after, unit, ctx)
                .or_else(|| grammar::fee_amount(window, &s[..window_start.min(tok.start)], unit))
                .or_else(|| grammar::cumulative_count(window, &s[..window_start.min(tok.start)], unit))
                .or_else(|| grammar::cumulative_information(window, unit))
                .or_else(|| grammar::outcome_in_next_clause(window, after, rest, unit, ctx))
                .or_else(|| {
                    let trained = last_count.is_some_and(|(i, ..)| self.out[i].fact.key == Some("training_sessions"));
                    training_people(trained, last_count.is_none(), &s[..tok.start], [window, since, after], unit)
                });
            // `行政复议、行政诉讼案件均为0件`: the number is each subject's; the last is keyed
            // here, the others after it.
            let mut also: Vec<&'static str> = Vec::new();
            if got.is_none() {
                let each = grammar::distributed(window, unit, ctx);
                if let Some((last, rest)) = each.split_last() {
                    got = Some(*last);
                    also = rest.iter().map(|k| k.key).collect();
                }
            }
            let mut key = got.map(|k| k.key);
            if key.is_some_and(|k| k != "proactive_cumulative") && is_cumulative(context, self.year) {
                // A count to date: the proactive total's own key; of anything else, not the
                // year's (`自2008年以来累计受理申请326件`).
                key = (key == Some("proactive_total")).then_some("proactive_cumulative");
            }
            // A bare `累计` (the year's own total in many reports) after the year's total was stated
            // without it (`全年主动公开政府信息5,832条，累计主动公开政府信息超过4.5万条`): a count to date.
            // So is one with the year's own after it as its part (`累计主动公开政府信息12304条，
            // 其中本年度主动公开政府信息1234条`).
            if key == Some("proactive_total") && has(window, "累计") && (self.year_total_stated || years_own_part(rest))
            {
                key = Some("proactive_cumulative");
            }
            if let Some(k) = key {
                // `在主动公开的425条政府信息中，…`: the total restated as a frame; what
                // follows are its parts.
                let frame = after.ends_with('中') && s[clause_start.min(tok.start)..tok.start].contains('在');
                // `各乡镇主动公开政府信息534条，占27%`: a share, so a part.
                let share = TOTAL_KEYS.contains(&k)
                    && (after.starts_with('占') || rest.trim_start_matches(['，', ',']).starts_with('占'));
                let mut part = part_of.contains(&k) || (paren_open.is_some() && paren_keys.contains(&k));
                // `共发布政府信息3526条，其中主动公开3400条`: the part of the surest shape is the
                // proactive total; the weaker whole (all information published) is not.
                if part && k == "proactive_total" && got.is_some_and(|g| g.rank == 3) && !frame {
                    let whole = self.out[first_out..].iter().rposition(|r| r.fact.key == Some(k) && r.rank < 3);
                    if let Some(i) = whole.map(|i| first_out + i) {
                        self.out[i].fact.key = None;
                        found.retain(|f| *f != k);
                        part = false;
                    }
                }
                // A set: at most one entry per key, so copies of it stay small on long lines.
                if !keys.contains(&k) {
                    keys.push(k);
                }
                if frame {
                    part_of.clone_from(&keys);
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
            // What the count's clause and the clauses around it say of its subject.
            // (Up to a semicolon: `依托12333人社服务热线，全年接听政策咨询电话4.6万人次`.)
            if key == Some("consultations") && field_enquiries(semicolon_clause(&s[..tok.start])) {
                // The weakest shape: a report counting enquiries about disclosure itself as well
                // states its own count there (`reconcile`).
                got = got.map(|g| grammar::Keyed { rank: 1, ..g });
            }
            key = key.filter(|&k| !other_business(k, &s[..tok.start], rest, in_review));
            // `受理行政复议申请45件，其中涉及政府信息公开的2件`: the count of all cases is not the
            // report's; the part about disclosure is.
            if key.is_none() && is_disclosure_part(window) {
                if let Some((i, w, a, u)) = last_count {
                    // The count of all cases, keyed or not (no word tied it to disclosure).
                    let whole = self.out[i].fact.key.or_else(|| {
                        let ctx = grammar::Context { disclosure: true, ..ctx };
                        grammar::classify(w, a, u, ctx).map(|k| k.key)
                    });
                    if let Some(k) = whole.filter(|k| SCOPED_KEYS.contains(k)) {
                        self.out[i].fact.key = None;
                        found.retain(|f| *f != k);
                        key = Some(k);
                    }
                }
            }
            let (value, unit_out) = fact_value(tok, unit, key);
            let (a, b) = (cp.at(tok.start), cp.end_at(tok.end));
            let span = self.idx.span(a..b);
            if let Some(k) = key {
                found.push(k);
            }
            // (A count in brackets, `培训3期(其中线上直播1期)`, is an aside: the count before it is
            // still the sentence's last.)
            if paren_open.is_none() {
                last_count = Some((self.out.len(), window, after, unit));
            }
            self.year_total_stated |= key == Some("proactive_total") && !has(window, "累计");
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
                // (The subject stands near: a bounded look back keeps long lines linear.)
                scope: Scope::of(near_tail(&s[..tok.start], SCOPE_REACH)),
            });
            if key.is_some() {
                for k in also {
                    if keys.contains(&k) || part_of.contains(&k) {
                        continue;
                    }
                    let mut read = self.out[self.out.len() - 1].clone();
                    read.fact.key = Some(k);
                    found.push(k);
                    keys.push(k);
                    self.out.push(read);
                }
            }
        }
        self.channel_parts(first_out, &mut found);
        self.negations(s, &cp, start, end, &tokens, &found, negates);
        self.carry = Carry { keys, requests: Requests::Known(requests || words.requests), parts: listed };
    }

    /// `接受电话咨询230人次，现场咨询45人次`: consultations counted by channel with their whole
    /// unstated, none of them the year's count. A whole first (`共接受咨询300人次，电话咨询200人次`)
    /// is kept and its parts unkeyed. Likewise a part of the website after the site's visits.
    fn channel_parts(&mut self, first_out: usize, found: &mut Vec<&'static str>) {
        const KEY: Option<&str> = Some("consultations");
        // (Enquiries on a field's own business, of the weakest rank, are no channel of enquiries
        // about disclosure beside them: `reconcile` settles them.)
        let of_key = |i: &usize| self.out[*i].fact.key == KEY;
        let top = (first_out..self.out.len()).filter(of_key).map(|i| self.out[i].rank).max().unwrap_or(0);
        let at: Vec<usize> = (first_out..self.out.len()).filter(|i| of_key(i) && self.out[*i].rank == top).collect();
        if at.len() >= 2 {
            let whole = |i: usize| {
                let label = &self.out[i].fact.label;
                ["共", "合计", "总", "累计"].iter().any(|w| label.contains(w))
                    && !CHANNELS.iter().any(|w| label.contains(w))
            };
            let keep_first = whole(at[0]) && !at[1..].iter().any(|&i| whole(i));
            for &i in &at[usize::from(keep_first)..] {
                self.out[i].fact.key = None;
            }
            if !keep_first {
                found.retain(|k| Some(*k) != KEY);
            }
        }
        // `门户网站访问量186万人次，政府信息公开专栏访问量21万人次`: a part of the site after the
        // site is no count of the site's visits.
        const VISITS: Option<&str> = Some("site_visits");
        let mut visits = (first_out..self.out.len()).filter(|&i| self.out[i].fact.key == VISITS);
        if visits.next().is_some() {
            let parts: Vec<usize> = visits
                .filter(|&i| ["专栏", "栏目", "频道", "专题"].iter().any(|w| self.out[i].fact.label.contains(w)))
                .collect();
            for i in parts {
                self.out[i].fact.key = None;
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn negations(
        &mut self,
        s: &str,
        cp: &Compact<'_>,
        start: usize,
        end: usize,
        tokens: &[NumberToken],
        found: &[&'static str],
        negates: Option<bool>,
    ) {
        // Most sentences hold no negator at all (`negates`: whether `s` may, if known).
        if !negates.unwrap_or_else(|| may_negate(s)) {
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
        for (k, &(cs, ce)) in bounds.iter().enumerate() {
            let clause = &s[cs..ce];
            // `收费及减免情况：无`: absence answered after a label and its colon.
            let label = k.checked_sub(1).map(|j| bounds[j]).filter(|&(_, pe)| s[pe..].starts_with(['：', ':']));
            if let Some((ls, le)) = label.filter(|_| is_absence_answer(clause)) {
                let words = label_head(&s[ls..le]);
                for rule in NEGATION_RULES {
                    if rule.barred(words, &done) || !rule.words.iter().any(|w| find_word(words, w, rule.key).is_some())
                    {
                        continue;
                    }
                    self.push_absence(rule.key, s, cp, [start, end], [ls, ce]);
                    done.push(rule.key);
                }
                continue;
            }
            let Some((neg_at, neg)) = find_negator(clause) else {
                self.zero_after(s, cp, [start, end], [cs, ce], tokens, &mut done);
                continue;
            };
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
            let reach = near_head(after_neg, NEGATION_REACH);
            for rule in NEGATION_RULES {
                if rule.barred(clause, &done) {
                    continue;
                }
                let hit = rule.words.iter().filter_map(|w| find_word(reach, w, rule.key).map(|p| (p, w.len()))).min();
                let Some((p, wl)) = hit else { continue };
                // What the negator governs: nothing between it and the key word may turn
                // the statement into one about something else (`未按时答复…申请`).
                let between = &reach[..p];
                let filed = rule.filed_passive && negation::passive_filing_only(between);
                if rule.not_between.iter().any(|w| has(between, w) && !(filed && *w == "被")) {
                    continue;
                }
                // An outcome after the key word is what is negated: `未发生…被复议纠错`.
                let tail = &after_neg[p + wl..];
                let tail = &tail[..tail.find(['、', '和', '或', '及']).unwrap_or(tail.len())];
                if rule.outcomes.iter().any(|w| tail.starts_with(w) || has(near_head(tail, 6), w)) {
                    continue;
                }
                let from = cs + neg_at;
                self.push_absence(rule.key, s, cp, [start, end], [from, cs + neg_at + neg.len() + p + wl]);
                done.push(rule.key);
            }
        }
    }
}

/// What a label answered by `无` is about: after its last `的` when a statement-of-absence word
/// stands there (`政府信息公开申请的收费及减免情况` is about fees, not requests;
/// `因…申请提起的行政复议、行政诉讼情况` about reviews and lawsuits), else the whole label.
fn label_head(label: &str) -> &str {
    let Some(at) = label.rfind('的') else { return label };
    let head = &label[at + '的'.len_utf8()..];
    let named = NEGATION_RULES.iter().any(|r| r.words.iter().any(|w| find_word(head, w, r.key).is_some()));
    if named {
        head
    } else {
        label
    }
}

/// Whether a clause after a label's colon answers that there is none (`无`, `暂无`, `没有`).
fn is_absence_answer(clause: &str) -> bool {
    matches!(clause.trim().trim_end_matches(['。', '.', '；', ';']).trim(), "无" | "暂无" | "没有" | "均无")
}

/// `window` without a note in brackets at its end: `共收到各类政府信息公开申请(含网上申请)25件`
/// labels 25 by the words before the note.
fn without_trailing_note(window: &str) -> &str {
    let t = window.trim_end();
    if t.ends_with([')', '）']) {
        if let Some(open) = t.rfind(['(', '（']) {
            return &window[..open];
        }
    }
    window
}

/// Words of none that answer a section's heading alone (`四、政府信息公开的收费及减免情况` / `无。`).
const NONE_ANSWERS: &[&str] = &[
    "无",
    "暂无",
    "没有",
    "本年度无",
    "本年无",
    "全年无",
    "无此类情况",
    "无此情况",
    "无相关情况",
    "本年度无此类情况",
    "无此项",
];

impl Reader<'_> {
    /// The keys a section of requests, fees, or reviews and lawsuits states none of where its whole
    /// body, after its heading's line, is a word of none (`NONE_ANSWERS`) and the sentence
    /// `[start, end)` holds it.
    fn none_answer(&self, [start, end]: [usize; 2], first_char: usize) -> Option<&'static [&'static str]> {
        let section = &self.sections[self.sections.partition_point(|x| x.span[0] <= first_char).checked_sub(1)?];
        let keys: &'static [&'static str] = match section.key? {
            "fees" => &["fees_yuan"],
            "review_litigation" => &["reviews", "lawsuits"],
            "requests" => &["requests_received"],
            _ => return None,
        };
        let (a, b) = (self.idx.byte_at(section.span[0]), self.idx.byte_at(section.span[1]));
        let body_at = self.text[a..b].find('\n').map(|k| a + k)?;
        let body = self.text[body_at..b].trim_start();
        let answer = b - body.len();
        let bare = body.trim_end().trim_end_matches(['。', '.', '；', ';']);
        // The sentence holds the answer and nothing of the section follows it.
        let rest =
            self.text[end.min(b)..b].trim_matches(|c: char| c.is_whitespace() || matches!(c, '。' | '.' | '；' | ';'));
        let holds = (start..end).contains(&answer) && rest.is_empty();
        (NONE_ANSWERS.contains(&bare) && holds).then_some(keys)
    }

    /// A statement of absence: `key` is 0, negated, its label the sentence's bytes
    /// `[from, to)` (of the sentence `[start, end)` of the text).
    fn push_absence(
        &mut self,
        key: &'static str,
        s: &str,
        cp: &Compact<'_>,
        [start, end]: [usize; 2],
        [from, to]: [usize; 2],
    ) {
        let (a, b) = (cp.at(from), cp.end_at(to));
        let span = self.idx.span(a..b);
        self.out.push(Read {
            fact: Fact {
                key: Some(key),
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
            scope: Scope::Unsaid,
        });
    }

    /// A clause stating a zero after what it counts (`行政复议、行政诉讼案件均为零`): each
    /// statement-of-absence key (`NEGATION_RULES`) whose word stands within reach before the
    /// zero, with nothing between that makes the zero another count's (`被纠错的为零`) or a
    /// rate (`纠错率为零`).
    fn zero_after(
        &mut self,
        s: &str,
        cp: &Compact<'_>,
        [start, end]: [usize; 2],
        [cs, ce]: [usize; 2],
        tokens: &[NumberToken],
        done: &mut Vec<&'static str>,
    ) {
        let clause = &s[cs..ce];
        let Some(z) = negation::zero_statement(clause) else { return };
        let lo = tokens.partition_point(|t| t.start < cs);
        let has_count = tokens[lo..]
            .iter()
            .take_while(|t| t.start < ce)
            .any(|t| t.unit.is_some_and(numbers::is_count_unit) && !t.code_like);
        if has_count || clause[..z].contains('率') {
            return;
        }
        let before = &clause[..z];
        let reach_start = before.char_indices().rev().nth(NEGATION_REACH).map_or(0, |(b, _)| b);
        let reach = &before[reach_start..];
        for rule in NEGATION_RULES {
            if done.contains(&rule.key) || rule.not_in_clause.iter().any(|w| has(clause, w)) {
                continue;
            }
            let hit = rule.words.iter().filter_map(|w| find_word(reach, w, rule.key).map(|p| (p, w.len()))).min();
            let Some((p, wl)) = hit else { continue };
            let tail = &reach[p + wl..];
            if rule.not_between.iter().chain(rule.outcomes).any(|w| has(tail, w)) {
                continue;
            }
            self.push_absence(rule.key, s, cp, [start, end], [cs + reach_start + p, cs + clause.trim_end().len()]);
            done.push(rule.key);
        }
    }
}

/// Keys of counts that also cover cases beyond disclosure (all of an agency's reviews and
/// lawsuits): a part `其中涉及政府信息公开的` after them is the report's count.
const SCOPED_KEYS: &[&str] = &["reviews", "lawsuits"];

/// Whether the words before a number make it the part of a count about disclosure
/// (`其中涉及政府信息公开的`, `其中属于信息公开类的`).
fn is_disclosure_part(window: &str) -> bool {
    let Some(at) = window.find("其中") else { return false };
    let rest = &window[at..];
    ["涉及", "属于", "关于", "有关", "因"].iter().any(|w| has(rest, w)) && has(rest, "信息公开")
}

/// Words that make a proactive count the total to date rather than the year's
/// (`目前…共…`, `…至今累计…`).
pub(super) const CUMULATIVE_WORDS: &[&str] =
    &["至今", "迄今", "历年", "目前", "建站以来", "开通以来", "上线以来", "实施以来", "施行以来"];
/// Words that bound a count by a date, which is the total to date only with
/// 累计 after them (`截止到2011年12月31日,我区累计主动公开…`, `到年底累计…`); alone
/// they end the report's year (`截至12月31日止，我局主动公开政府信息共161条`).
pub(super) const DATE_BOUND_WORDS: &[&str] = &["截止", "截至", "到年底", "至年底", "到年末", "至年末"];
/// Words that keep a count the year's even after such a word (`截至12月底，全年…`).
pub(super) const YEAR_WORDS: &[&str] = &["新增", "本年", "全年", "今年", "年内", "年度"];

pub(super) fn is_cumulative(ctx: &str, year: Option<i32>) -> bool {
    let tail = near_tail(ctx, 60);
    let last = |words: &[&'static str]| words.iter().filter_map(|w| rfind_short(tail, w).map(|p| (p, *w))).max();
    let strong = last(CUMULATIVE_WORDS);
    let bound = last(DATE_BOUND_WORDS).filter(|(at, w)| {
        let after = &tail[at + w.len()..];
        has(after, "累计") || has(after, "总计")
    });
    let Some((at, w)) = strong.max(bound) else {
        return yearly_since(tail, year);
    };
    let after = &tail[at + w.len()..];
    !YEAR_WORDS.iter().any(|y| has(after, y))
}

/// `2008年以来累计…`: a count since an earlier year (not `今年以来`, not the report's year).
pub(super) fn yearly_since(tail: &str, year: Option<i32>) -> bool {
    static SINCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"((?:19|20)[0-9]{2})年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?以来").expect("since regex")
    });
    SINCE.captures_iter(tail).last().is_some_and(|c| c[1].parse::<i32>().ok() != year || year.is_none())
}

/// Words that put a count in another year (`较上年`, `同比`).
pub(super) const PRIOR_WORDS: &[&str] = &["上年", "去年", "上一年", "前一年", "同比", "较上", "比上"];

/// Words of a count over several years (`近三年共受理申请41件`) or of one planned
/// (`计划组织培训2次`, `拟召开新闻发布会3场`; not `规划计划`): not the year's.
const SPAN_WORDS: &[&str] = &[
    "近三年",
    "近两年",
    "近五年",
    "近几年",
    "近年来",
    "三年来",
    "两年来",
    "五年来",
    "历年",
    "计划组织",
    "计划开展",
    "计划召开",
    "计划举办",
    "拟组织",
    "拟开展",
    "拟召开",
    "拟举办",
];

/// Words of a field's own business that the public asks about: `答复群众户政业务咨询5600余人次`,
/// `解答涉税咨询2.4万人次`, `招生咨询热线…解答咨询2.6万余人次` (not the disclosure enquiries
/// the report counts).
const FIELD_ENQUIRY: &[&str] = &["业务咨询", "涉税", "纳税", "办税", "招生", "户政"];

/// Whether a clause counts enquiries about a field's own business ([`FIELD_ENQUIRY`]) or on a
/// field's numbered hotline (`12366纳税服务热线`, `12320卫生健康热线`, `12315平台`: 123xx, but not
/// the government's own 12345), unless it names disclosure (`政务公开业务咨询`).
fn field_enquiries(clause: &str) -> bool {
    if names_disclosure(clause) {
        return false;
    }
    let field_hotline = clause.match_indices("123").any(|(i, _)| {
        let b = clause.as_bytes();
        let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let lone = i == 0 || !b[i - 1].is_ascii_digit();
        lone && digits == 5 && &clause[i..i + 5] != "12345"
    });
    field_hotline || FIELD_ENQUIRY.iter().any(|w| has(clause, w))
}

/// Whether any of [`DISCLOSURE_WORDS`] stands in `s`.
fn names_disclosure(s: &str) -> bool {
    DISCLOSURE_WORDS.iter().any(|w| has(s, w))
}

/// Whether the last clause of `before` up to a semicolon or a full stop (a bounded look back)
/// names disclosure ([`DISCLOSURE_WORDS`]).
fn disclosure_clause(before: &str) -> bool {
    names_disclosure(semicolon_clause(before))
}

/// Whether a review, lawsuit or complaint counted is of other business than disclosure: of another
/// cause (`全年因不服交通违法行政处罚申请行政复议14件`, `因征地拆迁补偿安置问题引起的行政复议9件`) or
/// said to be none of the report's (`…行政诉讼2件，均不涉及政府信息公开事项`, `不属于本报告统计范围`),
/// even in their section; a complaint also where its subject, named after it, is another
/// (`受理学生申诉12件，涉及违纪处分、学籍处理等`) or nothing ties it to disclosure: neither its own
/// clause up to a semicolon nor its section (`征地信息公开…等制度；受理自然资源领域信访举报312件`).
/// (`收到政府信息公开方面的投诉2件，涉及答复不及时` is one.)
fn other_business(key: &str, before: &str, rest: &str, in_review: bool) -> bool {
    if !matches!(key, "reviews" | "lawsuits" | "complaints") {
        return false;
    }
    if other_cause(semicolon_clause(before)) || disowned(rest) {
        return true;
    }
    key == "complaints" && !disclosure_clause(before) && (!in_review || subject_named_after(rest) == Some(false))
}

/// Whether a clause gives a cause (`因…`) that is not disclosure (`因不服交通违法行政处罚`).
fn other_cause(clause: &str) -> bool {
    clause.rfind('因').is_some_and(|k| !names_disclosure(&clause[k..]))
}

/// The text after a count up to a semicolon or a full stop, within 80 characters, and the clause
/// after a semicolon that speaks of the same things again (`…共受理学生申诉9件，其中…；以上申诉均涉及
/// 学籍和纪律处分，与信息公开无关`).
fn clause_after(rest: &str) -> &str {
    let near = near_head(rest, 80);
    let mut ends = near.match_indices(['。', '；', ';']);
    let Some((first, sep)) = ends.next() else { return near };
    let next = &near[first + sep.len()..];
    if sep != "。" && ["以上", "上述", "前述", "这些", "该"].iter().any(|w| next.starts_with(w)) {
        return ends.next().map_or(near, |(second, _)| &near[..second]);
    }
    &near[..first]
}

/// Whether the clause after a count says it is none of the report's.
fn disowned(rest: &str) -> bool {
    let clause = clause_after(rest);
    ["不涉及", "不属于", "无关"].iter().any(|w| has(clause, w))
}

/// Whether what a count concerned, named in the clause after it (`涉及…`), is disclosure or not
/// (`受理学生申诉12件，涉及违纪处分`); none when not named.
fn subject_named_after(rest: &str) -> Option<bool> {
    let clause = clause_after(rest);
    clause.find("涉及").map(|k| names_disclosure(&clause[k..]))
}

/// A count of people right after a training's count (`trained`: the sentence's last count was
/// one), or in a clause naming a training where the sentence counted nothing before
/// (`组织召开…培训会，邀请…授课，各处室…信息员共45人参加`): `training_attendees` where
/// [`grammar::attendees_after_training`] says so. `since`: the text from the training's count
/// on, which may hold only numbers that count nothing (`两级`).
fn training_people(
    trained: bool,
    first_count: bool,
    before: &str,
    [window, since, after]: [&str; 3],
    unit: &str,
) -> Option<grammar::Keyed> {
    let named =
        matches!(unit, "人" | "人次" | "名") && first_count && grammar::training_named(semicolon_clause(before));
    let next_count = !since.contains(|c: char| c.is_ascii_digit());
    ((trained && next_count) || named).then(|| grammar::attendees_after_training(window, since, after, unit)).flatten()
}

/// The last clause of `before` up to a semicolon or a full stop, within [`SCOPE_REACH`] characters.
fn semicolon_clause(before: &str) -> &str {
    let near = near_tail(before, SCOPE_REACH);
    let from = near.rfind(['；', ';', '。']).map_or(0, |i| i + near[i..].chars().next().map_or(0, char::len_utf8));
    &near[from..]
}

/// Whether a count is about another year than `year`: a year named before it in its
/// context (`2020年共收到申请50件` in a 2021 report), or a word of comparison.
pub(super) fn other_year(context: &str, window: &str, year: Option<i32>) -> bool {
    // (`近三年` may be read as a number of years: looked for just before the window too.)
    let near = near_tail(context, 12);
    if PRIOR_WORDS.iter().any(|w| has(window, w)) || SPAN_WORDS.iter().any(|w| has(window, w) || has(near, w)) {
        return true;
    }
    // A series over years (`2021年至2023年…分别为15件、18件、21件`): each number another year's
    // but the last, which the sentence does not say apart.
    if has(context, "分别") && has(context, "年至") {
        return true;
    }
    let Some(y) = year else { return false };
    last_year(context).is_some_and(|named| named != y)
}

/// The year of the last `YYYY年` (19xx or 20xx) in `s`: the last match of
/// `((?:19|20)[0-9]{2})年`, found from the end (two such never overlap: every `年` after
/// four such digits is one).
fn last_year(s: &str) -> Option<i32> {
    let mut end = s.len();
    while let Some(at) = rfind_short(&s[..end], "年") {
        if let Some(d) = s.as_bytes().get(at.wrapping_sub(4)..at) {
            if d.iter().all(u8::is_ascii_digit) && (d.starts_with(b"19") || d.starts_with(b"20")) {
                return Some(d.iter().fold(0, |v, &x| v * 10 + i32::from(x - b'0')));
            }
        }
        end = at;
    }
    None
}

/// The value in the key's terms: `fees_yuan` in yuan.
pub(super) fn fact_value(tok: &NumberToken, unit: &'static str, key: Option<&str>) -> (Number, &'static str) {
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

/// Words of the channel a consultation came by (`电话咨询`, `现场咨询`).
const CHANNELS: &[&str] =
    &["电话", "现场", "网上", "网络", "来电", "来访", "信函", "窗口", "在线", "热线", "当面", "邮件"];

/// A short label: the last clause of the context, trimmed of filler.
pub(super) fn label_of(ctx: &str) -> String {
    let clause = ctx.rsplit(|c: char| is_clause_end(c) || c == '、').next().unwrap_or(ctx);
    let clause = clause.trim().trim_end_matches(['为', '达', '共', '计', '约', '近', '有']);
    let n = clause.chars().count();
    clause.chars().skip(n.saturating_sub(24)).collect()
}

/// `s[from..to]` with up to `EXCERPT_BYTES` either side, cut at char boundaries.
pub(super) fn excerpt(s: &str, from: usize, to: usize) -> String {
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
pub(super) fn collect_starts(sections: &[Section], out: &mut Vec<usize>) {
    for s in sections {
        out.push(s.span[0]);
        collect_starts(&s.children, out);
    }
}

/// The canonical key of the top-level section holding character `c`.
pub(super) fn section_at(sections: &[Section], c: usize) -> Option<&'static str> {
    // Top-level sections are in text order: binary search keeps this logarithmic.
    let i = sections.partition_point(|s| s.span[0] <= c);
    let s = sections.get(i.checked_sub(1)?)?;
    (c < s.span[1]).then_some(s.key).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_is_the_first_list_holding_a_word() {
        // As a search for each word: own body before summed bodies, words overlapping each other.
        let by_word = |s: &str| {
            if OWN_BODY.iter().any(|w| s.contains(w)) {
                Scope::Own
            } else if SUMMED_BODIES.iter().any(|w| s.contains(w)) {
                Scope::Summed
            } else {
                Scope::Unsaid
            }
        };
        let pieces =
            ["本级", "全市各", "市各", "本", "级", "我局属", "各县", "下", "辖", "所属各单位", "申请", "a", "，"];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..5000 {
            let mut s = String::new();
            for _ in 0..(seed % 6) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(pieces[usize::try_from(seed % pieces.len() as u64).unwrap_or(0)]);
            }
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            assert!(Scope::of(&s) == by_word(&s), "{s}");
        }
    }

    #[test]
    fn last_year_is_the_last_match_of_the_year_pattern() {
        let re = Regex::new(r"((?:19|20)[0-9]{2})年").expect("year regex");
        let pieces = ["2020年", "1999年", "2100年", "年", "2", "0", "19", "120", "３", "申请", "12月", "a", "2019"];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..5000 {
            let mut s = String::new();
            for _ in 0..(seed % 7) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            seed = seed.wrapping_add(1);
            let by_regex = re.captures_iter(&s).last().map(|c| c[1].parse::<i32>().expect("digits"));
            assert_eq!(last_year(&s), by_regex, "{s}");
        }
    }
}
