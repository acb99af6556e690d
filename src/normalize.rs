//! Normalisation of a raw document's strings: width folding, whitespace,
//! Traditional → Simplified (OpenCC tables), inline pinyin and
//! document-sharing-site furniture removed. Never changes a number.
//!
//! Per string (paragraph, table cell, panel label and value, HTML title):
//! - invisible characters go: C0/C1 controls except line breaks and tabs, DEL,
//!   zero-width characters, bidi controls, the soft hyphen;
//! - full-width forms U+FF01–U+FF5E fold to ASCII, except the CJK prose
//!   punctuation `，：；！？`; U+3000, NBSP and the other Unicode spaces become
//!   an ASCII space;
//! - runs of spaces and tabs collapse to one space; ends are trimmed. Table
//!   cells keep their line breaks (trimmed around, never repeated); elsewhere a
//!   line break is a space;
//! - inline pinyin after a Han character (`鎮(zhèn)`) and inline furniture
//!   tokens (`$txy$`, `[bookmark: _GoBack]`) are removed.
//!
//! Then the script is decided over the whole document and, when it is not
//! Simplified and `t2s` is on, every string is converted with OpenCC's
//! `TSPhrases` + `TSCharacters` tables (leftmost-longest, first candidate).
//! A Simplified document is never run through the converter, so a name such
//! as 於 in an otherwise Simplified report stays as printed.
//!
//! Last, paragraphs that are site furniture (page markers, download prompts,
//! share/print widgets, breadcrumbs, comment boxes: `crate::furniture`, one filter for
//! every input) or that became empty are dropped.
//! Table cells are never dropped: the grid keeps its shape.
//!
//! Modules by job: `chars` (cleaning a string), `t2s` (the OpenCC conversion), `script`
//! (the vote); this file runs the pass over the document.

use crate::document::{RawBlock, RawDocument};
use crate::furniture::{Furniture, Verdict};

mod chars;
mod radicals;
mod script;
mod t2s;

use chars::clean_in_place;
pub use chars::is_invisible;
use script::Counts;
pub use t2s::{has_traditional, is_traditional, TS_CHARACTERS};
use t2s::{CONVERTER, TRAD};

/// Which script the input was written in (SPEC §2 `script`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Script {
    Simplified,
    Traditional,
    Mixed,
}

crate::variant::display_as_serialized!(Script);

#[derive(Debug, Clone, Copy)]
pub struct NormalizeOptions {
    /// Convert Traditional to Simplified when Traditional characters occur.
    pub t2s: bool,
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        NormalizeOptions { t2s: true }
    }
}

/// Normalises every string of `raw`; drops furniture paragraphs. With `t2s` off, a
/// Traditional document comes back as printed (see [`normalize_keeping`] for both).
pub fn normalize(raw: RawDocument, opts: &NormalizeOptions) -> (RawDocument, Script) {
    let n = normalize_keeping(raw, opts);
    (n.printed.unwrap_or(n.raw), n.script)
}

/// A normalised document: `raw` is what the readers read (Simplified whenever the input was
/// not); `printed` is the same document in the printed characters, kept when `t2s` is off
/// and the input was not Simplified. The two have the same blocks and, string by string,
/// the same number of characters (every OpenCC mapping keeps the length), so a character
/// offset into one is the same place in the other.
pub struct Normalized {
    pub raw: RawDocument,
    pub script: Script,
    pub printed: Option<RawDocument>,
}

/// Normalises every string of `raw`, folds a Traditional or mixed document to Simplified
/// for the readers (keeping the printed copy when `t2s` is off) and drops furniture
/// paragraphs from both copies alike.
pub fn normalize_keeping(mut raw: RawDocument, opts: &NormalizeOptions) -> Normalized {
    let trad = &*TRAD;
    let mut counts = Counts::default();
    let mut buf = String::new();
    for_each_string(&mut raw, |s, keep_newlines| clean_in_place(s, keep_newlines, &mut buf, &mut counts, trad));
    join_sum_units(&mut raw.blocks);
    blank_glued_page_numbers(&mut raw.blocks);

    let script = counts.script();
    let mut printed = None;
    if script != Script::Simplified {
        if !opts.t2s {
            printed = Some(raw.clone());
        }
        let conv = &*CONVERTER;
        for_each_string(&mut raw, |s, _| {
            buf.clear();
            conv.convert_into(s, &mut buf);
            replace_if_changed(s, &buf);
        });
    }

    // Furniture is judged on the folded copy (its rules are written in Simplified); the
    // printed copy keeps and cuts exactly the same paragraphs.
    let mut furniture = Furniture::default();
    let mut keep: Vec<Option<usize>> = Vec::with_capacity(raw.blocks.len());
    // How many blocks that belong to the next paragraph (its `Columns`, its `NbspRuns`) stand
    // right before the block read.
    let mut attached = 0usize;
    let pages = {
        let paras: Vec<&str> =
            raw.blocks.iter().map(|b| if let RawBlock::Paragraph(p) = b { p.as_str() } else { "" }).collect();
        crate::furniture::bare_page_numbers(&paras)
    };
    // Whether each block is a line whose words were set apart in columns (its `Columns` block
    // right before it).
    let spread: Vec<bool> = (0..raw.blocks.len()).map(|i| i > 0 && spread_columns(&raw.blocks[i - 1])).collect();
    for (i, block) in raw.blocks.iter_mut().enumerate() {
        let before = attached;
        attached = if matches!(block, RawBlock::Columns { .. } | RawBlock::NbspRuns(_)) { attached + 1 } else { 0 };
        let RawBlock::Paragraph(p) = block else {
            keep.push(Some(usize::MAX));
            continue;
        };
        // (An empty paragraph, or a page's bare number, is dropped without a judge.)
        let verdict =
            if p.is_empty() || pages.binary_search(&i).is_ok() { Verdict::Drop } else { furniture.judge(p, spread[i]) };
        match verdict {
            Verdict::Keep => keep.push(Some(usize::MAX)),
            Verdict::Drop => {
                // With the columns and no-break spaces of its line, which would fall to the next
                // paragraph.
                let n = keep.len();
                for k in &mut keep[n - before..] {
                    *k = None;
                }
                keep.push(None);
            }
            Verdict::PageTitle => {
                // `标题_第1页` at the head of a shared copy: the only place the title is printed.
                let cut = p.rfind('_').unwrap_or(p.len());
                p.truncate(cut);
                let trimmed = p.trim_end().len();
                p.truncate(trimmed);
                keep.push((!p.is_empty()).then(|| p.chars().count()));
            }
        }
    }
    retain_as(&mut raw.blocks, &keep);
    if let Some(printed) = &mut printed {
        for (block, k) in printed.blocks.iter_mut().zip(&keep) {
            if let (RawBlock::Paragraph(p), Some(chars)) = (block, k) {
                if let Some((cut, _)) = p.char_indices().nth(*chars) {
                    p.truncate(cut);
                }
            }
        }
        retain_as(&mut printed.blocks, &keep);
    }
    Normalized { raw, script, printed }
}

/// Footnote marks and struck-out text as text converters print them, blanked in place (called by
/// the cleaning pass on the strings it cleans: only those hold `^`, `~` or `[`). The carets go
/// first; the struck-out text is looked for in what they leave.
pub(super) fn blank_marks(s: &mut String) {
    if memchr::memchr3(b'^', b'~', b'[', s.as_bytes()).is_some() {
        let carets = caret_marks(s);
        blank_spans(s, carets);
        let struck = struck_text(s);
        blank_spans(s, struck);
    }
}

/// Byte spans of `s` blanked, a space for each character, so that columns stay where they
/// were (spans in any order; one inside an earlier one is skipped).
fn blank_spans(s: &mut String, mut spans: Vec<(usize, usize)>) {
    if spans.is_empty() {
        return;
    }
    spans.sort_unstable();
    let mut out = String::with_capacity(s.len());
    let mut at = 0;
    for (a, e) in spans {
        if a < at {
            continue;
        }
        out.push_str(&s[at..a]);
        out.extend(std::iter::repeat_n(' ', s[a..e].chars().count()));
        at = e;
    }
    out.push_str(&s[at..]);
    *s = out;
}

/// A footnote's mark as text converters print a superscript (`69^1` by Lynx and w3m, `69^(1)`
/// by pandoc): right after a digit, a caret and one or two digits (in brackets or not) not
/// followed by another digit. Joined on, the mark would be a digit of the number.
fn caret_marks(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let mut marks: Vec<(usize, usize)> = Vec::new();
    for at in memchr::memchr_iter(b'^', b) {
        if at == 0 || !b[at - 1].is_ascii_digit() {
            continue;
        }
        let open = usize::from(b.get(at + 1) == Some(&b'('));
        let digits = b[at + 1 + open..].iter().take(3).take_while(|c| c.is_ascii_digit()).count();
        let close = usize::from(open == 1 && b.get(at + 1 + open + digits) == Some(&b')'));
        let end = at + 1 + open + digits + close;
        if (1..=2).contains(&digits) && open == close && !b.get(end).is_some_and(u8::is_ascii_digit) {
            marks.push((at, end));
        }
    }
    marks
}

/// Struck-out text as text converters print it (`~~9~~69` in Markdown, `[DEL:9:DEL]69` by w3m,
/// `[DEL: 9 :DEL]` by Lynx, `[S:12:S]`): a correction shown, no longer the report's. Its spans
/// with their marks (at most 40 bytes between them, on one line).
fn struck_text(s: &str) -> Vec<(usize, usize)> {
    const PAIRS: [(&str, &str); 3] = [("~~", "~~"), ("[DEL:", ":DEL]"), ("[S:", ":S]")];
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let b = s.as_bytes();
    for (open, close) in PAIRS {
        // `memmem` finds the same first occurrences as `str::find` (byte offsets in the same
        // string), a vector of bytes at a time: a text flattened to long lines holding a `[`
        // was stepped over by `str::find`'s two-way search once for each pair's mark.
        let (opens, closes) = (memchr::memmem::Finder::new(open), memchr::memmem::Finder::new(close));
        let mut from = 0;
        while let Some(a) = opens.find(&b[from..]).map(|i| i + from) {
            let inner = a + open.len();
            let Some(len) = closes.find(&b[inner..]) else { break };
            from = struck_span(s, [a, inner, len], open, close, &mut spans);
        }
    }
    spans
}

/// One pair of marks of [`struck_text`]: `open` at `a`, its text from `inner` on, `len` bytes
/// long before `close`. Pushes the span where the marks strike text, and returns where the
/// search for the next `open` goes on.
fn struck_span(
    s: &str,
    [a, inner, len]: [usize; 3],
    open: &str,
    close: &str,
    spans: &mut Vec<(usize, usize)>,
) -> usize {
    let text = &s[inner..inner + len];
    // (Markdown's `~~` hugs its text: `~~ 5 ~~` strikes nothing.)
    let hugs = open != "~~" || (!text.starts_with(char::is_whitespace) && !text.ends_with(char::is_whitespace));
    if len > 0 && len <= 40 && hugs && !text.contains('\n') && !text.contains('~') {
        spans.push((a, inner + len + close.len()));
        inner + len + close.len()
    } else {
        inner
    }
}

/// A sum's unit alone in a paragraph (`万元`, `元`) right after a paragraph ending in a digit
/// (`… 211.4`) is that number's: joined to it (a converter that sets each text run apart, as
/// `pdftohtml`, printed them as paragraphs of their own). The emptied paragraph is dropped.
fn join_sum_units(blocks: &mut [RawBlock]) {
    let mut last_para: Option<usize> = None;
    for i in 0..blocks.len() {
        let RawBlock::Paragraph(p) = &blocks[i] else {
            if matches!(blocks[i], RawBlock::Table(_)) {
                last_para = None;
            }
            continue;
        };
        let unit: &'static str = match p.trim() {
            "万元" => "万元",
            "元" => "元",
            _ => "",
        };
        let empty = p.is_empty();
        if !unit.is_empty() {
            if let Some(k) = last_para {
                if let RawBlock::Paragraph(q) = &mut blocks[k] {
                    if q.ends_with(|c: char| c.is_ascii_digit()) {
                        q.push(' ');
                        q.push_str(unit);
                        blocks[i] = RawBlock::Paragraph(String::new());
                        continue;
                    }
                }
            }
        }
        last_para = (!empty).then_some(i);
    }
}

/// A page's number printed at the head of the next page's first line
/// ([`crate::furniture::glued_page_numbers`]) becomes spaces: the line's other text keeps its
/// characters' places (its columns, in column-aligned text) and no number of it is read. Done
/// before the printed copy is taken, so both copies are alike.
/// Whether `block` is the `Columns` of a line whose words are set apart
/// ([`crate::document::words_spread`]).
fn spread_columns(block: &RawBlock) -> bool {
    matches!(block, RawBlock::Columns { words, .. } if crate::document::words_spread(words))
}

fn blank_glued_page_numbers(blocks: &mut [RawBlock]) {
    let glued = {
        let paras: Vec<&str> =
            blocks.iter().map(|b| if let RawBlock::Paragraph(p) = b { p.as_str() } else { "" }).collect();
        let mut glued = crate::furniture::glued_page_numbers(&paras);
        // Column-aligned text only: each paragraph's first printed column.
        if blocks.iter().any(|b| matches!(b, RawBlock::Columns { .. })) {
            let columns: Vec<Option<u32>> = (0..blocks.len())
                .map(|i| match i.checked_sub(1).map(|j| &blocks[j]) {
                    Some(RawBlock::Columns { words, .. }) => words.first().map(|w| w[0]),
                    _ => None,
                })
                .collect();
            glued.extend(crate::furniture::glued_bare_page_numbers(&paras, &columns));
        }
        glued
    };
    for (i, chars) in glued {
        if let Some(RawBlock::Paragraph(p)) = blocks.get_mut(i) {
            let bytes = p.char_indices().nth(chars).map_or(p.len(), |(b, _)| b);
            p.replace_range(..bytes, &" ".repeat(chars));
        }
    }
}

/// Keeps the blocks whose decision is `Some` (the decisions are in block order).
fn retain_as(blocks: &mut Vec<RawBlock>, keep: &[Option<usize>]) {
    let mut k = keep.iter();
    blocks.retain(|_| k.next().is_some_and(Option::is_some));
}

/// Normalises one string the way `normalize` treats a paragraph. Without a
/// document around it there is no script vote: any Traditional-only character
/// triggers the conversion when `t2s` is on.
pub fn normalize_str(s: &str, t2s: bool) -> String {
    let mut counts = Counts::default();
    let mut out = s.to_string();
    clean_in_place(&mut out, false, &mut String::new(), &mut counts, &TRAD);
    if t2s && counts.trad > 0 {
        out = CONVERTER.convert(&out);
    }
    out
}

/// Calls `f` on every string of the document; the flag says whether line
/// breaks are kept (table cells) or folded into spaces.
fn for_each_string(raw: &mut RawDocument, mut f: impl FnMut(&mut String, bool)) {
    for block in &mut raw.blocks {
        match block {
            RawBlock::Paragraph(p) => f(p, false),
            RawBlock::Table(t) => {
                for cell in &mut t.cells {
                    f(&mut cell.text, true);
                }
            }
            RawBlock::BlankLines(_) | RawBlock::Columns { .. } | RawBlock::NbspRuns(_) | RawBlock::Page(_) => {}
        }
    }
    for entry in &mut raw.panel {
        f(&mut entry.label, false);
        f(&mut entry.value, false);
    }
    if let Some(title) = &mut raw.html_title {
        f(title, false);
    }
}

/// Overwrites `s` with `new` (reusing its allocation) unless they are equal.
fn replace_if_changed(s: &mut String, new: &str) {
    if s != new {
        s.clear();
        s.push_str(new);
    }
}

#[cfg(test)]
mod tests {
    use super::chars::{clean_rest, fold_width};
    use super::script::classify;
    use super::*;
    use crate::document::{PanelEntry, RawCell, RawTable};

    const SEED_001: &str = include_str!("../tests/data/seeds/001_f30eff389d3d77a8.txt");
    const SEED_002: &str = include_str!("../tests/data/seeds/002_2f212ad4ee3ae2a4.txt");
    const SEED_003: &str = include_str!("../tests/data/seeds/003_e7e8e141b0d8918b.txt");
    const SEED_004: &str = include_str!("../tests/data/seeds/004_e4ca24f9fb34d657.txt");

    #[test]
    fn footnote_carets_and_struck_out_text_are_blanked_in_place() {
        for (before, after) in [
            ("行政许可  69^1   12", "行政许可  69     12"),
            ("总计 27^(2) 件", "总计 27     件"),
            // Not marks: no digit before, three digits after, another digit after the bracket.
            ("m^2 2^100 a^(1) 3^(12", "m^2 2^100 a^(1) 3^(12"),
            ("a | ~~9~~69 |", "a |      69 |"),
            ("x [DEL: 12 :DEL] 13 y [S:办结:S]", "x                13 y         "),
            // Not struck out: a range, an unclosed mark, marks over a line.
            ("1~3 ~~ 5 ~~\n7~~", "1~3 ~~ 5 ~~\n7~~"),
        ] {
            let mut s = before.to_string();
            blank_marks(&mut s);
            assert_eq!(s, after);
        }
    }

    /// One paragraph per non-empty line, as the plain-text reader does.
    fn doc_of(text: &str) -> RawDocument {
        RawDocument {
            blocks: text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| RawBlock::Paragraph(l.to_string()))
                .collect(),
            ..Default::default()
        }
    }

    fn paragraphs(doc: &RawDocument) -> Vec<&str> {
        doc.blocks
            .iter()
            .filter_map(|b| match b {
                RawBlock::Paragraph(p) => Some(p.as_str()),
                RawBlock::Table(_)
                | RawBlock::BlankLines(_)
                | RawBlock::Columns { .. }
                | RawBlock::NbspRuns(_)
                | RawBlock::Page(_) => None,
            })
            .collect()
    }

    fn joined(doc: &RawDocument) -> String {
        paragraphs(doc).join("\n")
    }

    fn norm(text: &str, t2s: bool) -> (RawDocument, Script) {
        normalize(doc_of(text), &NormalizeOptions { t2s })
    }

    #[test]
    fn full_width_forms_fold_but_prose_punctuation_stays() {
        assert_eq!(normalize_str("２０２１年", true), "2021年");
        assert_eq!(normalize_str("（一）", true), "(一)");
        assert_eq!(normalize_str("－8", true), "-8");
        assert_eq!(normalize_str("１２．５万元", true), "12.5万元");
        // (Between full-width digits, three after it, the comma separates thousands.)
        assert_eq!(normalize_str("３，４５６．７亿元", true), "3,456.7亿元");
        assert_eq!(normalize_str("３，４５亿元", true), "3，45亿元");
        assert_eq!(normalize_str("［１］｛Ａｂ｝％＋／＝＿", true), "[1]{Ab}%+/=_");
        assert_eq!(normalize_str("单位：万元，合计；是否！为何？", true), "单位：万元，合计；是否！为何？");
        // Other CJK punctuation is not in the full-width block and stays.
        assert_eq!(normalize_str("一、总体情况。《条例》“公开”", true), "一、总体情况。《条例》“公开”");
    }

    #[test]
    fn spaces_collapse_and_trim() {
        assert_eq!(normalize_str("  本年\u{3000}\u{3000}新收 \t 申请\u{A0}数量\u{2003} ", true), "本年 新收 申请 数量");
        assert_eq!(normalize_str("第一行\n\n  第二行", true), "第一行 第二行");
        assert_eq!(normalize_str("\u{3000}\u{A0} \t", true), "");
    }

    #[test]
    fn invisible_characters_are_removed() {
        let s = "\u{FEFF}政\u{200B}府\u{200C}信\u{200D}息\u{2060}公\u{202E}开\u{202C}\u{2067}工\u{2069}作\u{200E}\u{200F}\0报\u{7}告\u{7F}\u{AD}\u{85}";
        assert_eq!(normalize_str(s, true), "政府信息公开工作报告");
        assert_eq!(normalize_str("a\rb\x0Bc", true), "a b c");
    }

    #[test]
    fn table_cells_keep_trimmed_single_line_breaks() {
        let mut t = RawTable { n_rows: 1, n_cols: 3, grid: vec![Some(0), Some(1), Some(2)], ..Default::default() };
        for (col, text) in ["  本年\r\n\r\n  新收 \n 数量 ", "\u{A0}", "评论"].into_iter().enumerate() {
            t.cells.push(RawCell {
                text: text.into(),
                row: 0,
                col,
                rowspan: 1,
                colspan: 1,
                header: false,
                evidence: None,
                marked: Vec::new(),
            });
        }
        let raw = RawDocument { blocks: vec![RawBlock::Table(t.clone())], ..Default::default() };
        let (doc, _) = normalize(raw, &NormalizeOptions::default());
        let RawBlock::Table(out) = &doc.blocks[0] else { panic!("table dropped") };
        assert_eq!(out.cells.len(), 3);
        assert_eq!(out.grid, t.grid);
        assert_eq!(out.cells[0].text, "本年\n新收\n数量");
        assert_eq!(out.cells[1].text, "");
        // Furniture words in a cell are data: cells are never dropped or emptied.
        assert_eq!(out.cells[2].text, "评论");
    }

    #[test]
    fn opencc_tables_convert_phrases_before_characters() {
        assert_eq!(normalize_str("乾隆於是乾淨幹部計畫", true), "乾隆于是干净干部计划");
        assert_eq!(normalize_str("政府資訊公開條例第二十條", true), "政府信息公开条例第二十条");
        assert_eq!(normalize_str("資訊中心", true), "资讯中心");
        assert_eq!(normalize_str("乾隆於是乾淨幹部計畫", false), "乾隆於是乾淨幹部計畫");
        let (doc, script) = norm("乾隆於是乾淨幹部計畫", true);
        assert_eq!(script, Script::Traditional);
        assert_eq!(joined(&doc), "乾隆于是干净干部计划");
    }

    #[test]
    fn script_vote_needs_a_clear_share_of_distinct_characters() {
        assert_eq!(classify(1000, 0, 0), Script::Simplified);
        assert_eq!(classify(1000, 250, 3), Script::Traditional);
        assert_eq!(classify(1000, 50, 3), Script::Traditional);
        assert_eq!(classify(1000, 10, 3), Script::Mixed);
        assert_eq!(classify(1000, 4, 3), Script::Simplified);
        // One name repeated many times.
        assert_eq!(classify(1000, 60, 1), Script::Simplified);
        assert_eq!(Script::Mixed.as_str(), "mixed");
    }

    #[test]
    fn simplified_report_with_a_traditional_name_is_left_alone() {
        let text = "2021年，本机关共收到政府信息公开申请12件，於某某同志负责办理。\n二、主动公开政府信息情况";
        let (doc, script) = norm(text, true);
        assert_eq!(script, Script::Simplified);
        assert_eq!(joined(&doc), text);
    }

    #[test]
    fn simplified_text_with_nothing_to_fold_is_byte_identical() {
        for seed in [SEED_001, SEED_003, SEED_004] {
            let (doc, script) = norm(seed, true);
            assert_eq!(script, Script::Simplified);
            let before = doc_of(seed);
            let kept: std::collections::HashSet<&str> = paragraphs(&doc).into_iter().collect();
            let mut same = 0;
            for p in paragraphs(&before) {
                let clean = p
                    .chars()
                    .all(|c| fold_width(c) == c && !matches!(c, '\u{A0}' | '\u{3000}' | '\u{2003}' | '\t' | '$' | '['))
                    && !p.contains("  ")
                    && !p.contains("点击下载");
                if clean {
                    assert!(kept.contains(p), "changed or dropped: {p}");
                    same += 1;
                }
            }
            assert!(same > 20, "{same}");
        }
    }

    #[test]
    fn seed_002_traditional_copy_is_cleaned() {
        let (doc, script) = norm(SEED_002, true);
        assert_eq!(script, Script::Traditional);
        let text = joined(&doc);
        assert!(text.contains("政务公开工作自查报告"));
        assert!(text.contains("2021全年公开信息数量共计69条"));
        assert!(text.contains("我镇没有依申请公开政府信息申请事项"));
        for gone in [
            "(zhèn)",
            "(wù)",
            "下载本文档",
            "全文预览已结束",
            "版权说明",
            "_第1页",
            "_第4页",
            "文档简介",
            "温馨提示",
            "本站",
            "评论",
            "0/150",
        ] {
            assert!(!text.contains(gone), "{gone} left in:\n{text}");
        }
        let ps = paragraphs(&doc);
        assert_eq!(ps[0], "XX镇2021年度政务公开工作自查报告");
        assert!(ps[1].starts_with("1、xx镇2021年度政务公开工作自查报告"), "{}", ps[1]);
        assert!(ps.last().unwrap().ends_with("依法有序参加政府信息公开。"));
        assert_eq!(ps.len(), 6);
    }

    #[test]
    fn seed_002_without_t2s_keeps_traditional_but_drops_furniture() {
        let (doc, script) = norm(SEED_002, false);
        assert_eq!(script, Script::Traditional);
        let text = joined(&doc);
        assert!(text.contains("政務公開工作自查報告"));
        assert!(!text.contains("(zhèn)"));
        for gone in ["下載本文檔", "版權說明", "_第1頁", "溫馨提示", "評論"] {
            assert!(!text.contains(gone), "{gone} left");
        }
        assert_eq!(paragraphs(&doc)[0], "XX鎮2021年度政務公開工作自查報告");
    }

    #[test]
    fn seeds_lose_their_inline_and_line_furniture() {
        let (doc, _) = norm(SEED_001, true);
        let text = joined(&doc);
        assert!(!text.contains("[bookmark"));
        assert!(paragraphs(&doc).contains(&"二、主动公开政府信息情况"));
        assert!(text.contains("(一)加强组织领导，完善工作机构"));

        let (doc, _) = norm(SEED_003, true);
        let text = joined(&doc);
        assert!(!text.contains("点击下载此文件"));
        assert!(text.contains("七、其他需要报告的事项"));

        let (doc, _) = norm(SEED_004, true);
        let text = joined(&doc);
        assert!(!text.contains("$txy$"));
        assert!(!text.contains('$'));
        assert!(text.ends_with("二○○七年六月二十六日"));
    }

    #[test]
    fn inline_pinyin_after_han_is_removed() {
        assert_eq!(normalize_str("鎮(zhèn)", false), "鎮");
        assert_eq!(normalize_str("公(gong)開(kai)", false), "公開");
        assert_eq!(normalize_str("公(gong)開(kai)", true), "公开");
        assert_eq!(normalize_str("政務(wù)公開", true), "政务公开");
        assert_eq!(normalize_str("庄（zhuāng）园", true), "庄园");
        assert_eq!(normalize_str("绿(lǜ)色", true), "绿色");
    }

    #[test]
    fn parentheses_that_are_not_pinyin_stay() {
        for s in [
            "网址www(www)",
            "网站(www)",
            "情况(1)",
            "第二十条第(一)项",
            "《条例》(以下简称《条例》)",
            "面积(km)",
            "资料(Word)",
            "公开(zhuangzhuang)",
            "公开 (gong)",
            "(gong)开头",
        ] {
            assert_eq!(normalize_str(s, true), s);
        }
    }

    #[test]
    fn inline_tokens_are_removed_but_money_is_not() {
        assert_eq!(normalize_str("总结$txy$", true), "总结");
        assert_eq!(normalize_str("$a_1$ 报告", true), "报告");
        assert_eq!(normalize_str("[bookmark: _GoBack]二、主动公开", true), "二、主动公开");
        assert_eq!(normalize_str("费用$100 and $200", true), "费用$100 and $200");
        assert_eq!(normalize_str("[bookmark without end", true), "[bookmark without end");
        assert_eq!(normalize_str("[1] 附件", true), "[1] 附件");
    }

    #[test]
    fn numbers_are_not_changed() {
        for s in ["0", "-8", "+3", "251000元", "12.5万元", "0.00", "/", "—", "2021-2021年度", "1,234"] {
            assert_eq!(normalize_str(s, true), s);
        }
        assert_eq!(normalize_str("－8", true), "-8");
        assert_eq!(normalize_str("＋3", true), "+3");
    }

    #[test]
    fn furniture_paragraphs_are_dropped_and_prose_kept() {
        let text = "【打印本页】 【关闭窗口】\n分享到：微信 微博\n【字体：大 中 小】\n扫一扫在手机打开当前页\n\
                    还剩3页未读，继续阅读\n内容提供方：某某\n打印本页\n分享:\n朗读\n$txy$\n\
                    一、总体情况\n我局关闭窗口单位2个，评论员文章3篇。\n评论员文章3篇。";
        let (doc, script) = norm(text, true);
        assert_eq!(script, Script::Simplified);
        assert_eq!(paragraphs(&doc), ["一、总体情况", "我局关闭窗口单位2个，评论员文章3篇。", "评论员文章3篇。"]);
    }

    #[test]
    fn page_marker_mid_document_is_dropped_not_kept_as_title() {
        let (doc, _) = norm("正文第一段\n某某报告_第2页\n正文第二段", true);
        assert_eq!(paragraphs(&doc), ["正文第一段", "正文第二段"]);
        // A page's number on its line is furniture; a sentence naming a page is not.
        let (doc, _) = norm("说明见第2页\n第2页\n3", true);
        assert_eq!(paragraphs(&doc), ["说明见第2页", "3"]);
    }

    #[test]
    fn panel_and_title_are_normalised() {
        let raw = RawDocument {
            blocks: vec![],
            panel: vec![PanelEntry {
                key: "published",
                label: "發布日期".into(),
                value: " ２０２２－０１－１３\u{A0}".into(),
            }],
            html_title: Some("政務公開\u{200B}年度報告 ".into()),
        };
        let (doc, script) = normalize(raw, &NormalizeOptions::default());
        assert_eq!(script, Script::Traditional);
        assert_eq!(doc.panel[0].label, "发布日期");
        assert_eq!(doc.panel[0].value, "2022-01-13");
        assert_eq!(doc.html_title.as_deref(), Some("政务公开年度报告"));
    }

    /// The plain-prefix shortcut must give what the full cleaner gives.
    #[test]
    fn a_full_width_comma_between_full_width_digits_separates_thousands() {
        for (before, after) in [
            ("公开１，２３４条", "公开1,234条"),
            ("１２，３０４，５６７件", "12,304,567件"),
            // Prose's commas stay: ASCII digits, or not three digits after, or a fourth.
            ("分别为3，456件", "分别为3，456件"),
            ("１，２３件", "1，23件"),
            ("１，２３４５件", "1，2345件"),
            ("１，２３4件", "1，234件"),
        ] {
            let mut s = before.to_string();
            clean_in_place(&mut s, true, &mut String::new(), &mut Counts::default(), &TRAD);
            assert_eq!(s, after);
        }
    }

    #[test]
    fn shortcut_agrees_with_full_cleaning() {
        let pieces = [
            "政府",
            "公开",
            "鎮",
            "(zhèn)",
            "（一）",
            "(1)",
            " ",
            "  ",
            "\u{3000}",
            "\u{A0}",
            "\t",
            "\n",
            "\r\n",
            "$txy$",
            "$",
            "[bookmark: _GoBack]",
            "[",
            "２０２１",
            "12.5",
            "，",
            "：",
            "\u{200B}",
            "\0",
            "abc",
            "(www)",
            "於",
            "(",
        ];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut inputs: Vec<String> =
            [SEED_001, SEED_002, SEED_003, SEED_004].iter().flat_map(|t| t.lines()).map(String::from).collect();
        for _ in 0..3000 {
            let n = (next() % 8) as usize;
            inputs.push((0..n).map(|_| pieces[(next() % pieces.len() as u64) as usize]).collect());
        }
        for input in inputs {
            for keep_newlines in [false, true] {
                let mut full = String::new();
                let mut full_counts = Counts::default();
                clean_rest(&input, 0, false, &mut full, keep_newlines, &mut full_counts, &TRAD);
                let mut fast = input.clone();
                let mut fast_counts = Counts::default();
                clean_in_place(&mut fast, keep_newlines, &mut String::new(), &mut fast_counts, &TRAD);
                assert_eq!(fast, full, "{input:?}");
                assert_eq!((fast_counts.han, fast_counts.trad), (full_counts.han, full_counts.trad), "{input:?}");
            }
        }
    }

    /// `struck_text` as it was, with `str::find`.
    fn struck_text_by_str_find(s: &str) -> Vec<(usize, usize)> {
        const PAIRS: [(&str, &str); 3] = [("~~", "~~"), ("[DEL:", ":DEL]"), ("[S:", ":S]")];
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for (open, close) in PAIRS {
            let mut from = 0;
            while let Some(a) = s[from..].find(open).map(|i| i + from) {
                let inner = a + open.len();
                let Some(len) = s[inner..].find(close) else { break };
                from = struck_span(s, [a, inner, len], open, close, &mut spans);
            }
        }
        spans
    }

    /// `struck_text` (`memmem`) finds the spans `str::find` found, on varied texts: every mark,
    /// marks unclosed, nested, across lines, too long, with Han text around, a long line.
    #[test]
    fn struck_text_matches_str_find() {
        let mut texts: Vec<String> = [
            "",
            "~~9~~69",
            "[DEL:9:DEL]69 [DEL: 9 :DEL] [S:12:S]",
            "~~ 5 ~~ ~~5~~~~6~~ ~~~7~~",
            "申请~~12~~件，[DEL:办结:DEL]。[S:未闭合",
            "~~跨\n行~~ [DEL:a\nb:DEL] [S::S] ~~~~",
            "[DEL:一二三四五六七八九十一二三四五六七八九十:DEL] [S:0123456789012345678901234567890123456789:S]",
            "[[S:[S:1:S]:S]] ~~[DEL:~~:DEL]~~",
        ]
        .iter()
        .map(|s| (*s).to_string())
        .collect();
        let mut long = String::new();
        for k in 0..300 {
            long.push_str(&format!("第{k}项 [附件{k}] 共{k}件 "));
            if k % 50 == 7 {
                long.push_str("~~3~~4 [DEL:5:DEL] ");
            }
        }
        texts.push(long);
        for t in &texts {
            assert_eq!(struck_text(t), struck_text_by_str_find(t), "{t:?}");
        }
    }
}
