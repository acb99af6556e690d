//! Numbers stated in prose → facts with canonical keys (SPEC §5): counts with
//! their units and approximation flags, statements of absence (`未收到…申请`) as
//! negated zeros, and template placeholders (`xx条`) as `PLACEHOLDER` issues.
//! Table regions are not read: HTML tables and the tables read from text by
//! their spans, tables printed as text (readable or not) by their labels.

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use crate::document::{CharIndex, Document, Span};
use crate::model::{Fact, Issue, Number, Section};
use crate::numbers::{self, NumberToken};
use crate::tables::template;

/// Labels of the statutory tables (DOMAIN §3–§5, §9.3): a sentence holding one is a
/// flattened table, not prose.
const TABLE_MARKERS: &[&str] = &[
    "本年新收政府信息公开申请数量",
    "申请人情况",
    "本年制发件数",
    "本年新制作数量",
    "本年新公开数量",
    "结果维持",
    "尚未审结",
    "第二十条第",
    "本年处理决定数量",
    "上一年项目数量",
    "采购总金额",
    "本列数据的勾稽关系",
    "计量单位",
    "指标名称",
];

/// Canonical keys by the words before (or, for some, after) a number (SPEC §5).
/// `(key, words, units, exclusions)`: the rule whose word sits nearest before the
/// number wins; the unit must be one of `units`; a window with an exclusion word
/// does not match.
/// `(key, words, units, exclusions)`.
type KeyRule = (&'static str, &'static [&'static str], &'static [&'static str], &'static [&'static str]);
const KEY_RULES: &[KeyRule] = &[
    ("press_conferences", &["新闻发布会", "发布会", "新闻发布"], &["场", "次", "期", "个"], &[]),
    ("training_attendees", &["培训", "参训"], &["人", "人次", "名"], &[]),
    ("training_sessions", &["培训"], &["次", "期", "场", "个", "批"], &[]),
    ("site_visits", &["访问量", "点击量", "浏览量", "访问", "点击率", "浏览"], &["次", "人次"], &[]),
    ("consultations", &["咨询"], &["次", "人次", "件", "个", "条", "批"], &[]),
    ("complaints", &["申诉", "投诉", "举报"], &["件", "起", "次", "个", "条"], &[]),
    ("reviews", &["行政复议", "复议"], &["件", "起", "次", "个"], &[]),
    ("lawsuits", &["行政诉讼", "诉讼"], &["件", "起", "次", "个"], &[]),
    ("fees_yuan", &["收费", "收取", "费用", "信息处理费"], &["元", "万元"], &["行政事业性收费", "收费金额"]),
    ("requests_denied", &["不予公开"], &["件", "条", "个", "份", "次"], &[]),
    (
        "requests_granted",
        &["同意公开", "予以公开", "公开答复", "准予公开", "全部公开"],
        &["件", "条", "个", "份", "次"],
        &["部分"],
    ),
    ("requests_received", &["申请"], &["件", "个", "份", "次", "起", "人次"], &["复议", "诉讼"]),
    ("proactive_total", &["主动公开", "公开信息", "公开政府信息"], &["条", "件", "项", "个", "篇"], &["依申请"]),
];

/// Verbs of receiving requests (`共收到70件申请`).
const RECEIVING_VERBS: &[&str] = &["收到", "受理", "接到", "接收", "新收"];

/// Words that make a proactive count cumulative rather than the year's (SPEC §5).
const CUMULATIVE_WORDS: &[&str] = &["截止", "截至", "至今", "迄今", "以来", "历年"];
const CUMULATIVE_TOTALS: &[&str] = &["累计", "总计", "总数", "共计"];

/// Statements of absence (SPEC §5, DOMAIN §10.3): a negator, then within reach a
/// key's words. `(key, words, clause exclusions)`.
const NEGATION_RULES: &[(&str, &[&str], &[&str])] = &[
    ("requests_received", &["申请"], &["复议", "诉讼", "投诉", "举报", "申诉"]),
    ("fees_yuan", &["收费", "收取", "费用", "信息处理费"], &["行政事业性收费"]),
    ("reviews", &["复议"], &[]),
    ("lawsuits", &["诉讼"], &[]),
    ("complaints", &["申诉", "投诉", "举报"], &[]),
];
const NEGATORS: &[&str] = &["没有", "未", "无", "不存在"];
/// The first characters of [`NEGATORS`].
const NEGATOR_STARTS: [char; 4] = ['没', '未', '无', '不'];

/// Whether `s` holds a character that starts a negator.
fn may_negate(s: &str) -> bool {
    s.contains(NEGATOR_STARTS)
}

/// `无` starting another word (无论, 无法 …) is no negation.
const NOT_NEGATING_AFTER_WU: &[char] = &[
    '论', '纸', '缝', '偿', '障', '法', '须', '需', '疑', '效', '私', '不', '限', '线', '形', '误', '一', '序', '力',
    '故',
];
/// How far (characters) a key's words may follow the negator.
const NEGATION_REACH: usize = 30;

/// Template placeholders in place of data (SPEC §5, §6).
static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[xXｘＸ]{2,}\s*(?:条|件|次|人次|元|万元|个|年|月|日|期|篇|项|人|名|%|％)|[×＊]{3,}")
        .expect("placeholder regex")
});

/// Sentence ends.
fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | ';' | '!' | '?' | '\n')
}

/// Clause ends (inside a sentence).
fn is_clause_end(c: char) -> bool {
    matches!(c, '，' | ',' | '：' | ':')
}

/// Reads the facts of a document without its table readings: only HTML tables
/// and lines that look like table rows are left out (see [`read_with_issues`]).
pub fn read(doc: &Document, sections: &[Section]) -> Vec<Fact> {
    read_with_issues(doc, sections, &[]).0
}

/// Reads the facts and the `PLACEHOLDER` issues of a document.
///
/// `table_spans` are the character spans of the tables read from the text
/// (`report.tables.*.span`): nothing inside them, nor inside an HTML table, is
/// prose. Tables that could not be read are recognised line by line instead.
pub fn read_with_issues(doc: &Document, sections: &[Section], table_spans: &[Span]) -> (Vec<Fact>, Vec<Issue>) {
    let text = doc.text.as_str();
    let idx = CharIndex::new(text);
    let table_spans: Vec<Span> = doc.tables.iter().map(|t| t.span).chain(table_spans.iter().copied()).collect();
    let in_table = |byte: usize| {
        let c = idx.char_at(byte);
        table_spans.iter().any(|s| s[0] <= c && c < s[1])
    };
    // A sentence wholly inside a table yields nothing (its numbers and negators are all
    // in the table): skip it without scanning. Tables are most of a report's numbers.
    let read = |start: usize, end: usize, facts: &mut Vec<Fact>| {
        let (c0, c1) = (idx.char_at(start), idx.char_at(end));
        if !table_spans.iter().any(|s| s[0] <= c0 && c1 <= s[1]) {
            read_sentence(text, start, end, &idx, sections, &in_table, facts);
        }
    };
    // Sentences also end where a section starts: flattened tables run into the next
    // heading's prose without a full stop.
    let mut heads = Vec::new();
    collect_starts(sections, &mut heads);
    heads.sort_unstable();
    heads.dedup();
    let mut next_head = heads.iter().copied().filter(|&h| h > 0).peekable();
    let mut facts = Vec::new();
    let mut start = 0usize;
    for (ci, (i, ch)) in text.char_indices().enumerate() {
        while next_head.peek().is_some_and(|&h| h < ci) {
            next_head.next();
        }
        if next_head.peek() == Some(&ci) {
            if i > start {
                read(start, i, &mut facts);
            }
            start = i;
            next_head.next();
        }
        if is_sentence_end(ch) {
            read(start, i, &mut facts);
            start = i + ch.len_utf8();
        }
    }
    if start < text.len() {
        read(start, text.len(), &mut facts);
    }
    let issues = placeholders(text, &idx, &in_table);
    (facts, issues)
}

fn placeholders(text: &str, idx: &CharIndex, in_table: &dyn Fn(usize) -> bool) -> Vec<Issue> {
    let found: Vec<(usize, &str)> =
        PLACEHOLDER.find_iter(text).filter(|m| !in_table(m.start())).map(|m| (m.start(), m.as_str())).collect();
    if found.is_empty() {
        return Vec::new();
    }
    let examples: Vec<String> = found.iter().take(5).map(|(b, s)| format!("{s} at {}", idx.char_at(*b))).collect();
    vec![Issue {
        code: "PLACEHOLDER",
        severity: "warning",
        message: format!(
            "{} template placeholder(s) in place of data: {}{}",
            found.len(),
            examples.join(", "),
            if found.len() > 5 { ", …" } else { "" }
        ),
        cells: Vec::new(),
        expected: None,
        actual: Some(Number::Int(i64::try_from(found.len()).unwrap_or(i64::MAX))),
        blame: "source",
    }]
}

/// Sentences longer than this (flattened pages without full stops) are quoted as
/// an excerpt around the number, so that many facts do not copy one huge line each.
const MAX_SENTENCE_BYTES: usize = 1200;
/// Bytes of context either side of the number in such an excerpt.
const EXCERPT_BYTES: usize = 180;

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

/// The rule whose word ends nearest the end of `window`.
fn classify(window: &str, after: &str, unit: &str) -> Option<&'static str> {
    let mut best: Option<(usize, usize, &'static str)> = None; // (end position, rule order, key)
    for (order, (key, words, units, not)) in KEY_RULES.iter().enumerate() {
        if !units.contains(&unit) || not.iter().any(|w| window.contains(w)) {
            continue;
        }
        let Some(pos) = words.iter().filter_map(|w| rfind_word(window, w, key).map(|p| p + w.len())).max() else {
            continue;
        };
        let better = match best {
            None => true,
            Some((bp, bo, _)) => pos > bp || (pos == bp && order < bo),
        };
        if better {
            best = Some((pos, order, key));
        }
    }
    if let Some((_, _, key)) = best {
        return Some(key);
    }
    // Words after the number: 共收到70件申请.
    if RECEIVING_VERBS.iter().any(|v| window.contains(v)) && after.starts_with("申请") && unit == "件" {
        return Some("requests_received");
    }
    // Words after the number: 举行3次新闻发布活动, 举办2期培训班.
    for (key, words, units, _) in KEY_RULES.iter().take(3) {
        if units.contains(&unit)
            && words
                .iter()
                .any(|w| after.starts_with(w) || after.get(..after.len().min(12)).is_some_and(|a| a.contains(w)))
        {
            return Some(key);
        }
    }
    None
}

fn is_table_sentence(s: &str) -> bool {
    // One pass for all markers (this runs for every sentence).
    static MARKERS: LazyLock<AhoCorasick> =
        LazyLock::new(|| AhoCorasick::new(TABLE_MARKERS).expect("table markers automaton"));
    MARKERS.is_match(s) || is_table_line(s)
}

/// Labels of the statutory tables' rows, columns and captions (DOMAIN §3–§5) that
/// the table templates do not list as patterns of their own.
const EXTRA_TABLE_LABELS: &[&str] = &["申请人情况", "法人或其他组织", "行政诉讼", "第二十条第"];

/// Every table label, in the compact form of [`compact_cell`], one per line: a
/// piece is part of a label when it occurs in this text (pieces hold no line
/// breaks, so no match spans two labels). One search instead of one per label.
struct TableLabels {
    joined: String,
    longest: usize,
}

impl TableLabels {
    fn holds(&self, piece: &str) -> bool {
        piece.len() <= self.longest && self.joined.contains(piece)
    }
}

static TABLE_LABELS: LazyLock<TableLabels> = LazyLock::new(|| {
    let mut out: Vec<&'static str> = Vec::new();
    out.extend(template::T2_LABELS.iter().map(|(l, _)| *l));
    out.extend(template::T3_LABELS.iter().map(|(l, _)| *l));
    out.extend(template::T3_COL_LABELS.iter().map(|(l, _)| *l));
    out.extend(template::T4_COL_LABELS.iter().map(|(l, _)| *l));
    out.extend(template::T4_GROUP_LABELS.iter().map(|(l, _)| *l));
    out.extend(EXTRA_TABLE_LABELS);
    TableLabels { longest: out.iter().map(|l| l.len()).max().unwrap_or(0), joined: out.join("\n") }
});

/// A cell value of a text table (DOMAIN §8.5): a number, money with its unit, a
/// signed delta, or a not-applicable mark. `件`/`条` are not among the units, so a
/// count stated in prose (`受理申请 70件`) is never taken for a cell.
static CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-+]?[0-9][0-9,]*(?:\.[0-9]+)?(?:万元|元|笔|%)?|[-—–/]+|无|不适用)$").expect("cell regex")
});

/// Ordinals before a label (`一、`, `(三)`, `4.`) and page numbers.
static ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|[0-9]+[.、)])+").expect("ordinal regex")
});

/// A token of a text table row as the templates write labels: full-width ASCII
/// folded, quotes dropped, `其它` read as `其他`.
fn compact_cell(token: &str) -> Cow<'_, str> {
    let folded = |c: char| matches!(c, '\u{FF01}'..='\u{FF5E}');
    let dropped = |c: char| matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』');
    // Most pieces need none of it: no copy for them.
    if !token.contains(|c: char| folded(c) || dropped(c)) && !token.contains("其它") {
        return Cow::Borrowed(token);
    }
    let out: String = token
        .chars()
        .map(|c| if folded(c) { char::from_u32(c as u32 - 0xFEE0).unwrap_or(c) } else { c })
        .filter(|&c| !dropped(c))
        .collect();
    Cow::Owned(out.replace("其它", "其他"))
}

/// A label without its ordinal, its parenthesised notes (`(区分处理的，…)`,
/// `(单位：万元)`, also cut by a line break) and digits glued to its end (`""` for
/// an ordinal alone). `None` when digits remain or only a note does (`(注：收到申请
/// 70件)`, `(本年度未收费)` are prose, not labels).
fn bare_label(token: &str) -> Option<&str> {
    let t = ORDINAL.find(token).map_or(token, |m| &token[m.end()..]);
    if t.is_empty() {
        return Some(t);
    }
    let mut t = t.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    if t.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if let Some(open) = t.find('(') {
        t = &t[..open];
    }
    if let Some(close) = t.rfind(')') {
        t = &t[close + 1..];
    }
    (!t.is_empty()).then_some(t)
}

/// Whether a line is a row of a table printed as text (DOMAIN §8.2, §8.3): every
/// whitespace- or pipe-separated piece is a cell value or (part of) a table label
/// (`4.无正当理由大量反复申请 0 0 0 0 0 0 0`, `| 2.申请人逾期未按收费通知要求缴纳费用… | | |`,
/// the stacked header `结果 结果 其他 尚未 总 未经复议直接起诉 复议后起诉`). Prose
/// runs its words together, so a prose line is one piece and never all label.
fn is_table_line(line: &str) -> bool {
    let mut any = false;
    for piece in line.split(|c: char| c.is_whitespace() || matches!(c, '|' | '｜' | '\u{a0}' | '\u{3000}')) {
        if piece.is_empty() {
            continue;
        }
        let piece = compact_cell(piece);
        if CELL.is_match(&piece) {
            any = true;
            continue;
        }
        if bare_label(&piece).is_some_and(|l| TABLE_LABELS.holds(l)) {
            any = true;
            continue;
        }
        return false;
    }
    any
}

#[allow(clippy::too_many_arguments)]
fn read_sentence(
    text: &str,
    start: usize,
    end: usize,
    idx: &CharIndex,
    sections: &[Section],
    in_table: &dyn Fn(usize) -> bool,
    out: &mut Vec<Fact>,
) {
    let sentence = &text[start..end];
    if sentence.trim().is_empty() {
        return;
    }
    let tokens = numbers::scan(sentence);
    // A fact is a counted number or a negation: a sentence with neither needs no more look.
    let counted = tokens.iter().any(|t| t.unit.is_some_and(numbers::is_count_unit));
    if !counted && !may_negate(sentence) || is_table_sentence(sentence) {
        return;
    }
    let long = sentence.len() > MAX_SENTENCE_BYTES;
    let quote = |from: usize, to: usize| if long { excerpt(sentence, from, to) } else { sentence.trim().to_string() };
    let mut ctx_start = 0usize; // end of the previous counting token
    let mut prev_end = 0usize; // end of the previous number of any kind
    let mut found_keys: Vec<&'static str> = Vec::new();
    // Clause start and quote depth, advanced incrementally so that a long line stays
    // linear. Numbers inside “…” or 《…》 are names (“三个一”), not counts.
    let mut scanned = 0usize;
    let mut clause_start = 0usize;
    let mut quote_depth = 0i64;
    for tok in &tokens {
        if tok.start >= scanned {
            for (k, c) in sentence[scanned..tok.start].char_indices() {
                if is_clause_end(c) || c == '、' {
                    clause_start = scanned + k + c.len_utf8();
                } else if matches!(c, '“' | '《') {
                    quote_depth += 1;
                } else if matches!(c, '”' | '》') {
                    quote_depth -= 1;
                }
            }
            scanned = tok.start;
        }
        let before = &sentence[..tok.start];
        let window_start = prev_end.max(clause_start);
        prev_end = tok.tail_end;
        let counting = tok.unit.is_some_and(numbers::is_count_unit);
        let ordinal = before.ends_with('第');
        if !counting || tok.code_like || ordinal || quote_depth > 0 || in_table(start + tok.start) {
            continue;
        }
        let Some(unit) = tok.unit else { continue };
        let window = &sentence[window_start.min(tok.start)..tok.start];
        // At most the last 240 bytes: enough for 截止到2011年12月31日,我区累计….
        let mut from = ctx_start.max(tok.start.saturating_sub(240));
        while !sentence.is_char_boundary(from) {
            from += 1;
        }
        let ctx = &sentence[from..tok.start];
        let after = &sentence[tok.tail_end..];
        let after = &after[..after.find(is_clause_end_or_end).unwrap_or(after.len())];
        let mut key = classify(window, after, unit);
        if key == Some("proactive_total") && is_cumulative(ctx) {
            key = Some("proactive_cumulative");
        }
        let (value, unit_out) = fact_value(tok, unit, key);
        let abs = start + tok.start;
        let span = idx.span(abs..start + tok.end);
        if let Some(k) = key {
            found_keys.push(k);
        }
        out.push(Fact {
            key,
            label: label_of(window),
            value,
            unit: Some(unit_out.to_string()),
            approx: tok.approx,
            negated: false,
            section: section_at(sections, span[0]),
            span,
            sentence: quote(tok.start, tok.end),
        });
        ctx_start = tok.tail_end;
    }
    negations(sentence, start, idx, sections, in_table, &quote, &tokens, &found_keys, out);
}

fn is_clause_end_or_end(c: char) -> bool {
    is_clause_end(c) || c == '、'
}

fn is_cumulative(ctx: &str) -> bool {
    if ctx.contains("新增") || ctx.contains("本年") {
        return false;
    }
    let tail: String = {
        let n = ctx.chars().count();
        ctx.chars().skip(n.saturating_sub(60)).collect()
    };
    CUMULATIVE_WORDS.iter().any(|w| tail.contains(w))
        && (CUMULATIVE_TOTALS.iter().any(|w| tail.contains(w)) || tail.contains("达"))
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

#[allow(clippy::too_many_arguments)]
fn negations(
    sentence: &str,
    start: usize,
    idx: &CharIndex,
    sections: &[Section],
    in_table: &dyn Fn(usize) -> bool,
    quote: &dyn Fn(usize, usize) -> String,
    tokens: &[NumberToken],
    found_keys: &[&'static str],
    out: &mut Vec<Fact>,
) {
    // Most sentences hold no negator at all.
    if !may_negate(sentence) {
        return;
    }
    let mut done: Vec<&'static str> = found_keys.to_vec();
    let mut clause_start = 0usize;
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    for (i, c) in sentence.char_indices() {
        if is_clause_end(c) {
            bounds.push((clause_start, i));
            clause_start = i + c.len_utf8();
        }
    }
    bounds.push((clause_start, sentence.len()));
    for (cs, ce) in bounds {
        let clause = &sentence[cs..ce];
        let Some((neg_at, neg)) = find_negator(clause) else { continue };
        if in_table(start + cs + neg_at) {
            continue;
        }
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
        for (key, words, not) in NEGATION_RULES {
            if done.contains(key) || not.iter().any(|w| clause.contains(w)) {
                continue;
            }
            let hit = words.iter().filter_map(|w| find_word(reach, w, key).map(|p| (p, w.len()))).min();
            let Some((p, wl)) = hit else { continue };
            let from = start + cs + neg_at;
            let to = start + cs + neg_at + neg.len() + p + wl;
            let span = idx.span(from..to);
            out.push(Fact {
                key: Some(key),
                label: sentence[from - start..to - start].to_string(),
                value: Number::Int(0),
                unit: None,
                approx: false,
                negated: true,
                section: section_at(sections, span[0]),
                span,
                sentence: quote(from - start, to - start),
            });
            done.push(key);
        }
    }
}

/// The last place `word` occurs in `s`, with the same exception as [`find_word`].
fn rfind_word(s: &str, word: &str, key: &str) -> Option<usize> {
    let mut end = s.len();
    while let Some(at) = s[..end].rfind(word) {
        if !(key == "requests_received" && s[..at].ends_with('依')) {
            return Some(at);
        }
        end = at;
    }
    None
}

/// Where `word` occurs in `s`; `申请` of `依申请` does not count for requests.
fn find_word(s: &str, word: &str, key: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = s[from..].find(word) {
        let at = from + p;
        if !(key == "requests_received" && s[..at].ends_with('依')) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// The first negator of a clause.
fn find_negator(clause: &str) -> Option<(usize, &'static str)> {
    let mut best: Option<(usize, &'static str)> = None;
    for n in NEGATORS {
        let mut from = 0;
        while let Some(p) = clause[from..].find(n) {
            let at = from + p;
            from = at + n.len();
            if *n == "无" {
                let next = clause[at + n.len()..].chars().next();
                if next.is_none_or(|c| NOT_NEGATING_AFTER_WU.contains(&c)) {
                    continue;
                }
            }
            if best.is_none_or(|(b, _)| at < b) {
                best = Some((at, n));
            }
            break;
        }
    }
    best
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
            ("引发的行政复议36起，行政诉讼9起。", &[("reviews", 36.0), ("lawsuits", 9.0)]),
            ("信息公开类行政复议7件，诉讼9件。", &[("reviews", 7.0), ("lawsuits", 9.0)]),
            (
                "开展信息公开业务集中培训2次,培训人员达到116人次。",
                &[("training_sessions", 2.0), ("training_attendees", 116.0)],
            ),
            ("2011年我区共举行3次新闻发布活动。", &[("press_conferences", 3.0)]),
            ("政府信息公开专栏访问量达72065人次。", &[("site_visits", 72065.0)]),
            ("实际收取信息处理费共计1.5万元。", &[("fees_yuan", 15000.0)]),
            ("接待群众咨询120余次。", &[("consultations", 120.0)]),
            ("收到投诉3件。", &[("complaints", 3.0)]),
        ];
        for (text, want) in cases {
            let got: Vec<(&str, f64)> = keyed(text).into_iter().map(|(k, v, _, _)| (k, v)).collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn cumulative_and_yearly_proactive() {
        let got = keyed("截止到2011年12月31日,我区累计主动公开政府信息数量达75646条,2011年度新增主动公开政府信息10759条,其中:概况信息数量113条。");
        let got: Vec<_> = got.into_iter().map(|(k, v, _, _)| (k, v)).collect();
        assert_eq!(got, vec![("proactive_cumulative", 75646.0), ("proactive_total", 10759.0)]);
        let got = keyed("2025年，通过门户网站累计主动公开政府信息7700余条。");
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
    fn placeholders_give_issues_not_facts() {
        let raw = RawDocument {
            blocks: vec![RawBlock::Paragraph("xxxx年我乡主动公开政府信息xx条，其中×××同志负责。".into())],
            ..Default::default()
        };
        let doc = Document::assemble(raw, Format::Text);
        let (facts, issues) = read_with_issues(&doc, &[], &[]);
        assert!(facts.iter().all(|f| f.key != Some("proactive_total")), "{facts:?}");
        assert_eq!(issues.len(), 1);
        assert_eq!((issues[0].code, issues[0].severity, issues[0].blame), ("PLACEHOLDER", "warning", "source"));
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
            ("行政复议 2件 行政诉讼 1件", &[("reviews", 2.0), ("lawsuits", 1.0)]),
            ("（注：本年度收到政府信息公开申请70件）", &[("requests_received", 70.0)]),
            ("（本年度未收取任何费用）", &[("fees_yuan", 0.0)]),
            ("重复申请 3件", &[("requests_received", 3.0)]),
            ("本年度未收到政府信息公开申请。", &[("requests_received", 0.0)]),
        ];
        for (text, want) in cases {
            let got: Vec<(&str, f64)> = keyed(text).into_iter().map(|(k, v, _, _)| (k, v)).collect();
            assert_eq!(&got, want, "{text}");
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
}
