//! Headings and levels → the section tree with canonical keys (SPEC §3).
//!
//! Heading markers follow GB/T 9704 (ENGINEERING B.8): `一、` (level 1),
//! `（一）` (2), `1.` (3), `（1）`/`①` (4), full- and half-width alike. Headings
//! are found at line starts and mid-line after a sentence end or a space, since
//! flattened page text keeps a whole report on one line. Statutory level-1
//! headings are recognised by their words even when misnumbered or unnumbered.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::charset::CharSet;
use crate::document::{BlockKind, Document};
use crate::model::Section;

/// Chinese ordinal digits used in heading numbers.
fn is_cn_ordinal(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

fn is_open(c: char) -> bool {
    matches!(c, '（' | '(')
}

fn is_close(c: char) -> bool {
    matches!(c, '）' | ')')
}

/// Separators after a level-1 or level-3 ordinal (DOMAIN §2: 、 . ． or a space).
fn is_sep(c: char) -> bool {
    matches!(c, '、' | '.' | '．' | '，')
}

fn is_space(c: char) -> bool {
    crate::charset::is_whitespace(c)
}

/// Characters after which a heading may start mid-line.
fn is_boundary(c: char) -> bool {
    is_space(c) || matches!(c, '。' | '！' | '？' | '；' | ';' | '：' | ':' | '!' | '?')
}

/// Canonical level-1 keys by the words of the heading (SPEC §3, DOMAIN §2, §9.1, §9.2).
/// Checked in order: the first rule whose words occur (and whose exclusions do not) wins.
const KEY_RULES: &[(&str, &[&str], &[&str])] = &[
    ("review_litigation", &["行政复议", "行政诉讼", "复议", "诉讼", "申诉"], &[]),
    ("fees", &["收费", "费用支出", "支出和收费"], &[]),
    ("problems", &["存在的主要问题", "存在主要问题", "存在问题", "主要问题", "不足", "改进措施", "改进情况"], &[]),
    ("other", &["其他需要报告", "其它需要报告", "需要说明的事项", "其他事项", "其它事项"], &[]),
    ("requests", &["依申请公开", "收到和处理", "申请公开", "公开申请"], &[]),
    ("consultation", &["咨询"], &[]),
    ("proactive", &["主动公开"], &["依申请"]),
    ("overview", &["总体情况", "概述", "基本情况", "概况", "工作情况综述"], &[]),
];

/// The words of [`KEY_RULES`] in one automaton, and each rule's words and exclusions as
/// bit sets of its patterns.
static KEY_WORDS: LazyLock<(AhoCorasick, Vec<(u64, u64)>)> = LazyLock::new(|| {
    let mut words: Vec<&str> = Vec::new();
    let mut bits = |list: &[&'static str]| -> u64 {
        list.iter().fold(0u64, |acc, w| {
            let i = words.iter().position(|x| x == w).unwrap_or_else(|| {
                words.push(w);
                words.len() - 1
            });
            acc | 1 << i
        })
    };
    let rules: Vec<(u64, u64)> = KEY_RULES.iter().map(|(_, w, not)| (bits(w), bits(not))).collect();
    assert!(words.len() <= 64, "key words fit a u64");
    (AhoCorasick::new(&words).expect("key words automaton"), rules)
});

/// The canonical key of a level-1 heading, by its words.
pub fn key_for(heading: &str) -> Option<&'static str> {
    let (ac, rules) = &*KEY_WORDS;
    // Every word the heading holds, overlaps included (`依申请公开` holds `申请公开`).
    let held = ac.find_overlapping_iter(heading).fold(0u64, |acc, m| acc | 1 << m.pattern().as_usize());
    KEY_RULES.iter().zip(rules).find(|(_, &(words, not))| held & words != 0 && held & not == 0).map(|((k, _, _), _)| *k)
}

/// Whether an unnumbered line is a statutory heading on its own (short, ends like a heading).
fn is_bare_statutory(line: &str) -> bool {
    let n = line.chars().count();
    (4..=30).contains(&n)
        && (line.ends_with("情况") || line.ends_with("事项") || line.ends_with("概述") || line.ends_with("措施"))
        && key_for(line).is_some()
}

/// Row labels of the 2019/2021 tables (DOMAIN §3, §4, §5) that look like headings in text.
const TABLE_ROW_LABELS: &[&str] = &[
    "本年新收",
    "上年结转",
    "本年度办理结果",
    "结转下年度",
    "结转下一年度",
    "予以公开",
    "部分公开",
    "不予公开",
    "无法提供",
    "不予处理",
    "其他处理",
    "总计",
    "属于国家秘密",
    "其他法律行政法规禁止公开",
    "危及",
    "保护第三方",
    "属于三类内部事务",
    "属于四类过程性",
    "属于行政执法案卷",
    "属于行政查询事项",
    "本机关不掌握",
    "没有现成信息",
    "补正后申请内容仍不明确",
    "信访举报投诉类申请",
    "重复申请",
    "要求提供公开出版物",
    "无正当理由大量反复申请",
    "要求行政机关确认或重新出具",
    "申请人无正当理由逾期不补正",
    "申请人逾期未按收费通知",
    "其他", // only as the whole label; see `is_table_row`
];

fn is_table_row(text: &str) -> bool {
    let t = text.trim_start_matches(['"', '“']).as_bytes();
    // Most labels differ from the text in their first two bytes: those are compared in place
    // before the whole label (a memcmp call per label otherwise), and only a label the text
    // starts with is asked whether it is `其他` (which must be the whole text).
    TABLE_ROW_LABELS.iter().any(|l| {
        let l = l.as_bytes();
        t.get(..l.len()).is_some_and(|head| head.iter().zip(l).take(2).all(|(a, b)| a == b) && head == l)
            && (l != "其他".as_bytes() || t.len() == l.len())
    })
}

/// Longest heading text kept (characters).
const MAX_HEADING: usize = 40;

/// A heading found in the text.
#[derive(Debug, Clone)]
struct Found {
    level: u8,
    number: Option<String>,
    heading: String,
    start: usize,
    key: Option<&'static str>,
}

/// Reads the heading text after a marker ending at `p`; returns it with the index just past it.
fn heading_text(chars: &[char], p: usize, level: u8) -> (String, usize) {
    let (h, from) = heading_words(chars, p, level);
    let end = from + h.chars().count();
    (h, end)
}

/// The heading words and where they start.
fn heading_words(chars: &[char], p: usize, level: u8) -> (String, usize) {
    let mut n = 0;
    let mut i = p;
    while i < chars.len() && is_space(chars[i]) && chars[i] != '\n' {
        i += 1;
    }
    let from = i;
    // Sized for the longest heading of Han characters: written without growing.
    let mut out = String::with_capacity(3 * MAX_HEADING.min(chars.len() - from));
    // Whether `out` holds ASCII digits only (so far).
    let mut digits_only = true;
    while i < chars.len() && n < MAX_HEADING {
        let c = chars[i];
        if matches!(c, '\n' | '。' | '！' | '？' | '；' | ';' | '：' | ':') {
            break;
        }
        let digit_run = c.is_ascii_digit() && digits_only;
        if n >= 2 && (is_space(c) || (c.is_ascii_digit() && !digit_run)) {
            break;
        }
        out.push(c);
        digits_only &= c.is_ascii_digit();
        n += 1;
        i += 1;
    }
    out.truncate(out.trim_end().len());
    // (`memmem` finds the same occurrences as `str::find` and `str::rfind`, byte offsets in the
    // same string, without the two-way searcher `str::find` set up for each word of each heading.)
    if level >= 2 && n >= MAX_HEADING / 2 {
        // A sub-heading run on into its body: 主动公开政府信息的情况全面贯彻落实….
        for w in ["情况", "方面"] {
            if let Some(pos) = memchr::memmem::find(out.as_bytes(), w.as_bytes()) {
                return (out[..pos + w.len()].to_string(), from);
            }
        }
    }
    if level == 1 && key_for(&out).is_some() {
        // Flattened text runs the body on after the heading: cut after its closing word.
        for w in ["事项", "措施", "概述"] {
            if let Some(pos) = memchr::memmem::find(out.as_bytes(), w.as_bytes()) {
                return (out[..pos + w.len()].to_string(), from);
            }
        }
        if let Some(pos) = memchr::memmem::rfind(out.as_bytes(), "情况".as_bytes()) {
            return (out[..pos + "情况".len()].to_string(), from);
        }
    }
    (out, from)
}

/// `chars` between `open` and `close`, in one string (a marker's number: formatting a collected
/// copy made two).
fn wrapped(open: &str, chars: &[char], close: &str) -> String {
    let mut s = String::with_capacity(open.len() + 3 * chars.len() + close.len());
    s.push_str(open);
    s.extend(chars);
    s.push_str(close);
    s
}

/// Tries to read a heading marker at `i`; returns (level, number, end of marker).
fn marker_at(chars: &[char], i: usize) -> Option<(u8, String, usize)> {
    let c = *chars.get(i)?;
    let at = |k: usize| chars.get(k).copied();
    if is_cn_ordinal(c) {
        let mut j = i;
        while j < chars.len() && j - i < 3 && is_cn_ordinal(chars[j]) {
            j += 1;
        }
        let next = at(j)?;
        if is_sep(next) {
            return Some((1, chars[i..j].iter().collect(), j + 1));
        }
        if is_close(next) {
            // Opening bracket lost: 一）主动公开 (DOMAIN §2).
            return Some((2, wrapped("（", &chars[i..j], "）"), j + 1));
        }
        return None;
    }
    if is_open(c) {
        let j0 = i + 1;
        let mut j = j0;
        if at(j).is_some_and(is_cn_ordinal) {
            while j < chars.len() && j - j0 < 3 && is_cn_ordinal(chars[j]) {
                j += 1;
            }
            if at(j).is_some_and(is_close) {
                return Some((2, wrapped("（", &chars[j0..j], "）"), j + 1));
            }
            return None;
        }
        while j < chars.len() && j - j0 < 2 && chars[j].is_ascii_digit() {
            j += 1;
        }
        if j > j0 && at(j).is_some_and(is_close) {
            return Some((4, wrapped("（", &chars[j0..j], "）"), j + 1));
        }
        return None;
    }
    if c.is_ascii_digit() {
        let mut j = i;
        while j < chars.len() && j - i < 2 && chars[j].is_ascii_digit() {
            j += 1;
        }
        let sep = at(j)?;
        if matches!(sep, '.' | '．' | '、') && !at(j + 1).is_some_and(|d| d.is_ascii_digit() || is_space(d)) {
            return Some((3, wrapped("", &chars[i..j], "."), j + 1));
        }
        return None;
    }
    if ('①'..='⑳').contains(&c) {
        return Some((4, c.to_string(), i + 1));
    }
    None
}

/// [`is_boundary`] and [`is_cn_ordinal`] as sets (neither holds past the BMP).
static WALK_SETS: LazyLock<(CharSet, CharSet)> =
    LazyLock::new(|| (CharSet::bmp_where(is_boundary), CharSet::bmp_where(is_cn_ordinal)));

/// [`WALK_SETS`] as one byte per BMP character: [`WALK_BOUNDARY`] and [`WALK_ORDINAL`] (no
/// character past the BMP is either).
static WALK_CLASS: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let (boundaries, ordinals) = &*WALK_SETS;
    (0..0x10000u32)
        .map(|u| {
            char::from_u32(u).map_or(0, |c| {
                u8::from(boundaries.contains(c)) * WALK_BOUNDARY + u8::from(ordinals.contains(c)) * WALK_ORDINAL
            })
        })
        .collect()
});
const WALK_BOUNDARY: u8 = 1;
const WALK_ORDINAL: u8 = 2;

/// Reads the outline of a document.
pub fn read(doc: &Document) -> Vec<Section> {
    read_chars(doc, &doc.text.chars().collect::<Vec<char>>())
}

/// [`read`] with the characters of `doc.text` at hand.
pub fn read_chars(doc: &Document, chars: &[char]) -> Vec<Section> {
    let table_spans: Vec<[usize; 2]> = doc.tables.iter().map(|t| t.span).collect();
    // The per-character tests of the walk below as one bit each (most characters are Han).
    let (boundaries, ordinals) = &*WALK_SETS;
    let mut found: Vec<Found> = Vec::new();
    let mut t = 0usize; // index into table_spans (sorted by position)
    let mut i = 0usize;
    // A heading may follow the previous heading's words directly (`…改进情况（一）存在问题`).
    let mut after_heading = usize::MAX;
    while i < chars.len() {
        // Skip HTML table regions.
        while t < table_spans.len() && table_spans[t][1] <= i {
            t += 1;
        }
        if t < table_spans.len() && table_spans[t][0] <= i {
            i = table_spans[t][1].max(i + 1);
            continue;
        }
        let boundary = i == 0 || i == after_heading || boundaries.contains(chars[i - 1]);
        if !boundary {
            // A statutory level-1 heading glued to a flattened table's digits or units
            // (`…总计0000000五、存在的主要问题及改进情况`).
            if ordinals.contains(chars[i])
                && !is_cn_ordinal(chars[i - 1])
                && !matches!(chars[i - 1], '第' | '其' | '之' | '、' | '是')
            {
                if let Some((1, number, end)) = marker_at(chars, i) {
                    let (heading, h_end) = heading_text(chars, end, 1);
                    if is_bare_statutory(&heading) && !is_table_row(&heading) {
                        let key = key_for(&heading);
                        found.push(Found { level: 1, number: Some(number), heading, start: i, key });
                        i = h_end;
                        after_heading = h_end;
                        continue;
                    }
                }
            }
            // Nothing happens at a character that is no ordinal after one that is no
            // boundary (most of the text): step to the next that is either, or to where the
            // last heading ended. (The table regions are tested again from there.)
            // One look-up a character gives both of its tests (its boundary bit is the next
            // step's), where the two sets took one each.
            i += 1;
            let walk = &*WALK_CLASS;
            let class = |c: char| walk.get(c as usize).copied().unwrap_or(0);
            let mut prev = class(chars[i - 1]);
            while i < chars.len() && i != after_heading {
                let cur = class(chars[i]);
                if prev & WALK_BOUNDARY != 0 || cur & WALK_ORDINAL != 0 {
                    break;
                }
                prev = cur;
                i += 1;
            }
            continue;
        }
        if let Some((level, number, end)) = marker_at(chars, i) {
            let (heading, h_end) = heading_text(chars, end, level);
            if !heading.is_empty() && !is_table_row(&heading) {
                let key = if level == 1 { key_for(&heading) } else { None };
                found.push(Found { level, number: Some(number), heading, start: i, key });
                // Only a heading cut short by its closing word can run into the next one.
                after_heading = h_end;
                i = end;
                continue;
            }
        } else if chars[i] == '、' && (i == 0 || chars[i - 1] == '\n') {
            // Numeral lost: 、主动公开政府信息情况 (DOMAIN §2).
            let (heading, _) = heading_text(chars, i + 1, 1);
            if let Some(key) = key_for(&heading).filter(|_| is_bare_statutory(&heading)) {
                found.push(Found { level: 1, number: None, heading, start: i, key: Some(key) });
                i += 1;
                continue;
            }
        }
        i += 1;
    }
    // Unnumbered statutory headings standing alone on a line.
    let mut extra = Vec::new();
    for block in doc.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph) {
        let s = block.span[0];
        if block.span[1].saturating_sub(s) > 32 || s >= chars.len() {
            continue;
        }
        if let Some(f) = line_heading(chars, s, block.span[1].min(chars.len())) {
            if found.binary_search_by_key(&f.start, |x| x.start).is_err() {
                extra.push(f);
            }
        }
    }
    if !extra.is_empty() {
        found.extend(extra);
        found.sort_by_key(|f| f.start);
    }
    build_tree(chars, found)
}

/// Whether `c` may decorate the start of a heading line without being part of it: a bullet,
/// emoji, bar or quote mark (`📌`, `▍`, `■`, `◆`, `> `, `>> `) — neither a letter nor a digit
/// nor an opening bracket nor the `、` of a heading whose numeral was lost.
fn is_decoration(c: char) -> bool {
    !c.is_alphanumeric() && !is_open(c) && c != '、'
}

/// A statutory level-1 heading standing alone on the line `chars[s..e]`, past any decoration
/// before it. A numbered one the walk of [`read_chars`] missed after its decoration
/// (`▍一、概述`: too short for a glued heading) is kept with its number; an unnumbered one
/// (`■ 总体情况`) starts at its first word.
fn line_heading(chars: &[char], s: usize, e: usize) -> Option<Found> {
    let lead = (s..e).find(|&k| !is_decoration(chars[k]))?;
    let line: String = chars[s..e].iter().collect();
    if !is_bare_statutory(line.trim()) {
        return None;
    }
    match marker_at(chars, lead) {
        // At the line start the walk has judged the marker already.
        Some(_) if lead == s => None,
        Some((level, number, end)) => {
            let (heading, _) = heading_text(chars, end, level);
            if heading.is_empty() || is_table_row(&heading) {
                return None;
            }
            let key = if level == 1 { key_for(&heading) } else { None };
            Some(Found { level, number: Some(number), heading, start: lead, key })
        }
        None => {
            let heading: String = chars[lead..e].iter().collect::<String>().trim().to_string();
            let key = key_for(&heading);
            Some(Found { level: 1, number: None, heading, start: lead, key })
        }
    }
}

/// Turns the flat heading list into nested sections with spans, adding the preamble.
fn build_tree(chars: &[char], mut found: Vec<Found>) -> Vec<Section> {
    let n = chars.len();
    let first_l1 = found.iter().find(|f| f.level == 1).map_or(n, |f| f.start);
    let has_text = chars[..first_l1].iter().any(|c| !is_space(*c));
    if has_text && !found.is_empty() {
        found.insert(0, Found { level: 1, number: None, heading: String::new(), start: 0, key: Some("preamble") });
    }
    // End of each section: the next heading of the same or a higher level.
    let mut ends = vec![n; found.len()];
    let mut stack: Vec<usize> = Vec::new();
    for (k, f) in found.iter().enumerate() {
        while let Some(&top) = stack.last() {
            if found[top].level >= f.level {
                ends[top] = f.start;
                stack.pop();
            } else {
                break;
            }
        }
        stack.push(k);
    }
    // Nest: each section's children are the following sections until its end.
    fn nest(found: &[Found], ends: &[usize], k: &mut usize, limit: usize) -> Vec<Section> {
        let mut out = Vec::new();
        while *k < found.len() && found[*k].start < limit {
            let me = *k;
            *k += 1;
            let end = ends[me];
            let children = nest(found, ends, k, end);
            let f = &found[me];
            out.push(Section {
                key: f.key,
                heading: f.heading.clone(),
                number: f.number.clone(),
                level: f.level,
                span: [f.start, end],
                children,
            });
        }
        out
    }
    let mut k = 0;
    let mut out = Vec::new();
    while k < found.len() {
        let before = k;
        out.extend(nest(&found, &ends, &mut k, n));
        if k == before {
            k += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Format, RawBlock, RawDocument};

    #[test]
    fn table_row_test_is_the_plain_one() {
        let plain = |text: &str| {
            let t = text.trim_start_matches(['"', '“']);
            TABLE_ROW_LABELS.iter().any(|l| if *l == "其他" { t == "其他" } else { t.starts_with(l) })
        };
        let mut texts: Vec<String> = vec![String::new(), "其".into(), "其他".into(), "其他情况".into(), "“其他".into()];
        for l in TABLE_ROW_LABELS {
            let cut: String = l.chars().take(l.chars().count() - 1).collect();
            texts.extend([l.to_string(), format!("{l}数"), format!("“{l}"), format!("一{l}"), cut]);
        }
        for t in &texts {
            assert_eq!(is_table_row(t), plain(t), "{t}");
        }
    }

    #[test]
    fn walk_sets_are_the_tests() {
        let (boundaries, ordinals) = &*WALK_SETS;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(boundaries.contains(c), is_boundary(c), "U+{:04X}", c as u32);
            assert_eq!(ordinals.contains(c), is_cn_ordinal(c), "U+{:04X}", c as u32);
            let class = WALK_CLASS.get(c as usize).copied().unwrap_or(0);
            assert_eq!(class & WALK_BOUNDARY != 0, is_boundary(c), "U+{:04X}", c as u32);
            assert_eq!(class & WALK_ORDINAL != 0, is_cn_ordinal(c), "U+{:04X}", c as u32);
        }
    }

    fn doc(lines: &[&str]) -> Document {
        let raw = RawDocument {
            blocks: lines.iter().map(|l| RawBlock::Paragraph(l.to_string())).collect(),
            ..Default::default()
        };
        Document::assemble(raw, Format::Text)
    }

    fn flat(sections: &[Section], out: &mut Vec<(u8, Option<&'static str>, String)>) {
        for s in sections {
            out.push((s.level, s.key, s.heading.clone()));
            flat(&s.children, out);
        }
    }

    #[test]
    fn levels_and_keys_of_a_2021_report() {
        let d = doc(&[
            "某局2021年度政府信息公开工作年度报告",
            "一、总体情况",
            "（一）主动公开",
            "1.加强领导",
            "（1）细化分工",
            "①明确责任",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项",
        ]);
        let s = read(&d);
        let keys: Vec<_> = s.iter().map(|x| x.key).collect();
        assert_eq!(
            keys,
            vec![
                Some("preamble"),
                Some("overview"),
                Some("proactive"),
                Some("requests"),
                Some("review_litigation"),
                Some("problems"),
                Some("other")
            ]
        );
        let overview = &s[1];
        assert_eq!(overview.number.as_deref(), Some("一"));
        assert_eq!(overview.children[0].heading, "主动公开");
        assert_eq!(overview.children[0].level, 2);
        assert_eq!(overview.children[0].children[0].level, 3);
        assert_eq!(overview.children[0].children[0].children[0].level, 4);
        // （1） and ① are both level 4: siblings.
        assert_eq!(overview.children[0].children[0].children.len(), 2);
        // Spans: each section runs to the next heading of the same or higher level.
        let chars: Vec<char> = d.text.chars().collect();
        let text = |sp: [usize; 2]| chars[sp[0]..sp[1]].iter().collect::<String>();
        assert!(text(overview.span).starts_with("一、总体情况"));
        assert!(text(overview.span).ends_with("明确责任\n"));
        assert_eq!(s.last().map(|x| x.span[1]), Some(chars.len()));
    }

    #[test]
    fn headings_mid_line_in_flattened_text() {
        let d = doc(&["报告如下。一、总体情况2022年，我局主动公开信息。 （一）主动公开 1.加强领导。二、主动公开政府信息情况 第二十条第（一）项 信息内容"]);
        let s = read(&d);
        let mut f = Vec::new();
        flat(&s, &mut f);
        let heads: Vec<_> = f.iter().map(|x| (x.0, x.2.as_str())).collect();
        assert_eq!(
            heads,
            vec![(1, ""), (1, "总体情况"), (2, "主动公开"), (3, "加强领导"), (1, "主动公开政府信息情况")]
        );
    }

    #[test]
    fn pre2019_headings_and_variants() {
        let d = doc(&[
            "(一)加强领导",
            "一、概述",
            "二、主动公开政府信息的情况",
            "三、依申请公开政府信息和不予公开政府信息的情况",
            "四、政府信息公开的收费及减免情况",
            "五、因政府信息公开申请行政复议、提起行政诉讼的情况",
            "六、政府信息公开咨询处理情况",
            "七、政府信息公开工作存在的主要问题及改进措施",
            "八、其它需要报告的事项",
        ]);
        let keys: Vec<_> = read(&d).iter().map(|x| x.key).collect();
        assert_eq!(
            keys,
            vec![
                Some("preamble"),
                Some("overview"),
                Some("proactive"),
                Some("requests"),
                Some("fees"),
                Some("review_litigation"),
                Some("consultation"),
                Some("problems"),
                Some("other")
            ]
        );
    }

    #[test]
    fn misnumbered_and_unnumbered_statutory_headings() {
        let d = doc(&[
            "正文",
            "五、政府信息公开行政复议、行政诉讼情况",
            "存在的主要问题及改进情况",
            "、其他需要报告的事项",
        ]);
        let s = read(&d);
        let keys: Vec<_> = s.iter().map(|x| x.key).collect();
        assert_eq!(keys, vec![Some("preamble"), Some("review_litigation"), Some("problems"), Some("other")]);
    }

    #[test]
    fn table_row_labels_are_not_headings() {
        let d = doc(&[
            "三、收到和处理政府信息公开申请情况",
            "一、本年新收政府信息公开申请数量 713000074",
            "二、上年结转政府信息公开申请数量 0000000",
            "（三）不予公开 1.属于国家秘密 0000000 2.其他法律行政法规禁止公开",
            "四、政府信息公开行政复议、行政诉讼情况",
            "金额为12.5万元，时间2014.08.13",
            "总计0000000五、存在的主要问题及改进情况（一）存在问题。",
        ]);
        let s = read(&d);
        assert_eq!(s.len(), 3);
        assert!(s[0].children.is_empty(), "{:?}", s[0].children);
        assert_eq!(s[1].key, Some("review_litigation"));
        assert!(s[1].children.is_empty());
        assert_eq!((s[2].key, s[2].heading.as_str()), (Some("problems"), "存在的主要问题及改进情况"));
        assert_eq!(s[2].children[0].heading, "存在问题");
    }

    #[test]
    fn decorated_headings_are_one_section_with_their_number() {
        for prefix in ["📌", "▍", "■ ", "◆", "> ", ">> ", "🔶"] {
            let lines: Vec<String> = [
                "一、概述",
                "二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况",
                "七、其他需要报告的事项",
                "存在的主要问题及改进情况",
            ]
            .iter()
            .map(|h| format!("{prefix}{h}"))
            .collect();
            let mut all = vec!["正文"];
            all.extend(lines.iter().map(String::as_str));
            all.push("结尾。");
            let s = read(&doc(&all));
            let got: Vec<_> = s.iter().map(|x| (x.number.as_deref(), x.heading.as_str(), x.key)).collect();
            assert_eq!(
                got,
                vec![
                    (None, "", Some("preamble")),
                    (Some("一"), "概述", Some("overview")),
                    (Some("二"), "主动公开政府信息情况", Some("proactive")),
                    (Some("三"), "收到和处理政府信息公开申请情况", Some("requests")),
                    (Some("七"), "其他需要报告的事项", Some("other")),
                    (None, "存在的主要问题及改进情况", Some("problems")),
                ],
                "{prefix}"
            );
            assert!(s.windows(2).all(|w| w[0].span[1] == w[1].span[0] && w[1].span[1] - w[1].span[0] > 4), "{prefix}");
        }
    }

    #[test]
    fn many_headings_stay_linear_and_safe() {
        let line = "一、总体情况\n（一）加强\n1.细化\n".repeat(5000);
        let d = doc(&[line.as_str()]);
        let s = read(&d);
        assert_eq!(s.len(), 5000);
        let _ = read(&doc(&["（", "一", "（一", "1", "①", "、"]));
    }

    /// The heading's word searches (`memmem`) give the offsets `str::find` and `str::rfind`
    /// give, on varied headings: the word first, last, twice, cut, absent, in ASCII around.
    #[test]
    fn heading_word_search_matches_str_find() {
        let headings = [
            "",
            "情况",
            "一、总体情况",
            "主动公开政府信息的情况全面贯彻落实情况方面",
            "其他需要报告的事项本机关措施概述",
            "二、abc 情 况 方面123情况",
            "情況 方 面",
            "收到和处理政府信息公开申请情况情况情况",
        ];
        for h in headings {
            for w in ["情况", "方面", "事项", "措施", "概述"] {
                assert_eq!(memchr::memmem::find(h.as_bytes(), w.as_bytes()), h.find(w), "{h:?} {w:?}");
                assert_eq!(memchr::memmem::rfind(h.as_bytes(), w.as_bytes()), h.rfind(w), "{h:?} {w:?}");
            }
        }
    }
}
