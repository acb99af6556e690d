//! Plain, Markdown or PDF-extracted text → `RawDocument`: one paragraph per
//! non-empty line, the metadata panel from the head of the text, and the text
//! tables whose cells the text delimits — pipe rows (`| a | b |`, Markdown or
//! flattened HTML) and TAB-separated rows (copied from a word processor) —
//! as grids, so the table readers read them as they read HTML tables. Tables
//! whose cells the text does not delimit (space-separated PDF rows, one cell
//! per line, glued digit runs) are left as lines for the `tables` stage.
//!
//! Markdown (`looks_like_markdown`) is markup, never content: heading marks,
//! emphasis and `<br>` are removed (a `<br>` inside a table cell is a line
//! break of the cell).

use std::borrow::Cow;

use crate::document::{RawBlock, RawCell, RawDocument, RawTable};
use crate::panel;

mod boxes;
mod nested;
mod pandas;

/// How many leading lines may hold a metadata panel.
const PANEL_LINES: usize = 80;
/// Most cells a text table row may have (a pipe row is never wider in a report).
const MAX_FIELDS: usize = 64;

/// Whether `text` is Markdown: a pipe table with its `|---|` separator line, or
/// ATX headings (`# 标题`, `## 一、总体情况`) or `**bold**` spans alongside one.
pub fn looks_like_markdown(text: &str) -> bool {
    markdown_signals(text, false)
}

/// Markdown under a leading HTML tag (pandoc's GFM of a Word page opens with
/// `<div class="WordSection1">` and keeps `<span>`s): only its strongest signs, a table
/// separator line or two ATX headings, which an HTML fragment never prints.
pub fn looks_like_markdown_under_tags(text: &str) -> bool {
    markdown_signals(text, true)
}

fn markdown_signals(text: &str, strong_only: bool) -> bool {
    let (mut headings, mut separators, mut bold, mut escapes) = (0usize, 0usize, 0usize, 0usize);
    // A table drawn with ASCII borders (`+-----+`, Links) rules its rows with `|-----|`: no
    // Markdown separators.
    let mut drawn = false;
    for line in crate::charset::lines(text).take(20_000) {
        let t = line.trim();
        drawn |= t.starts_with("+-") && boxes::ascii_border_line(t);
        if is_separator(t) {
            separators += usize::from(!drawn);
        } else if heading_level(t).is_some() {
            headings += 1;
        } else if (t.contains('*') && t.matches("**").count() >= 2)
            || (t.starts_with("__") && t.ends_with("__") && t.len() > 4)
        {
            bold += 1;
        } else if t.contains('\\') && ["\\.", "\\-", "\\*", "\\_", "\\#"].iter().any(|e| t.contains(e)) {
            // Backslash escapes (`1\.属于国家秘密`), as mammoth and pandoc write them.
            escapes += 1;
        }
        let weak = bold > 0 && (headings == 1 || escapes >= 2);
        if separators > 0 || headings >= 2 || (weak && !strong_only) {
            return true;
        }
    }
    false
}

/// `## 一、总体情况` → its level (1–6) when the line is an ATX heading.
fn heading_level(t: &str) -> Option<usize> {
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    let rest = &t[hashes..];
    ((1..=6).contains(&hashes) && rest.starts_with([' ', '\t']) && !rest.trim().is_empty()).then_some(hashes)
}

/// A Markdown table separator line: `|---|:--:|`, `---|---`.
fn is_separator(t: &str) -> bool {
    // The character test first: it stops at a line's first letter, where a substring search
    // for `---` would set up its searcher for every line of the page.
    t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t' | '｜' | '—')) && t.contains('|') && t.contains("---")
}

/// Splits text into paragraphs (one per non-empty line, trimmed) and text
/// tables. Empty lines between two paragraphs are kept as a count
/// (`RawBlock::BlankLines`): a table printed one cell per line prints its blank
/// cells as empty lines.
pub fn parse_plain(text: &str) -> RawDocument {
    parse_text(text, false)
}

/// `parse_plain` for Markdown: markup removed from paragraphs and cells.
pub fn parse_markdown(text: &str) -> RawDocument {
    parse_text(text, true)
}

fn parse_text(text: &str, markdown: bool) -> RawDocument {
    // Tables a converter printed inside another's cell, set out as tables of their own.
    let unnested = if markdown { nested::unnest(text) } else { None };
    let text = unnested.as_deref().unwrap_or(text);
    // A DataFrame's `to_string()` with its index: the row numbers and column numbers dropped.
    let unindexed = if markdown { None } else { pandas::strip_index(text) };
    let text = unindexed.as_deref().unwrap_or(text);
    let raw_lines: Vec<&str> = crate::charset::lines(text).collect();
    let cleaned: Vec<Cow<'_, str>> = raw_lines.iter().map(|l| clean_line(l, markdown)).collect();
    let panel = panel::scan_lines(cleaned.iter().map(|l| &**l).filter(|l| !l.is_empty()).take(PANEL_LINES));
    let kinds: Vec<LineKind> = raw_lines.iter().map(|l| line_kind(l)).collect();
    // Pages as PDF text extractors separate them, by form feeds.
    let pages: Vec<u32> = if text.contains('\u{c}') {
        raw_lines
            .iter()
            .scan(0u32, |page, l| {
                *page += l.bytes().filter(|&b| b == 0x0c).count() as u32;
                Some(*page)
            })
            .collect()
    } else {
        vec![0; raw_lines.len()]
    };
    let headers = running_headers(&cleaned, &pages);
    let wide = display_columns(&raw_lines);
    let mut blocks = Vec::with_capacity(raw_lines.len());
    let mut empty = 0u32;
    // The page of the last block (`RawBlock::Page` where the next one is printed on another).
    let mut page = 0u32;
    let mut i = 0;
    while i < raw_lines.len() {
        // Markdown holding a table as raw HTML (pandoc's GFM keeps a table with merged cells, or
        // nested in another, as HTML): read as HTML.
        if let Some(end) = markdown.then(|| html_table_end(&raw_lines, i)).flatten() {
            blank_lines_before(&mut blocks, &mut empty);
            page_before(&mut blocks, &mut page, pages[i]);
            let html = raw_lines[i..end].join("\n");
            blocks.extend(crate::html::parse_html(&html).blocks);
            i = end;
            continue;
        }
        let table = boxes::bordered_table(&raw_lines, i).or_else(|| text_table(&raw_lines, &kinds, i, markdown));
        if let Some((end, table)) = table {
            blank_lines_before(&mut blocks, &mut empty);
            page_before(&mut blocks, &mut page, pages[i]);
            if let Some(lines) = prose_rows(&table) {
                blocks.extend(lines.into_iter().map(RawBlock::Paragraph));
            } else {
                blocks.push(RawBlock::Table(table));
            }
            i = end;
            continue;
        }
        let l = &*cleaned[i];
        i += 1;
        if headers.binary_search(&(i - 1)).is_ok() {
            continue; // a running header between a page's lines, not text
        }
        if l.is_empty() || (markdown && is_separator(l)) {
            empty = empty.saturating_add(u32::from(l.is_empty()));
            continue;
        }
        blank_lines_before(&mut blocks, &mut empty);
        page_before(&mut blocks, &mut page, pages[i - 1]);
        if !l.contains('\n') {
            if let Some(runs) = (!markdown).then(|| nbsp_runs(raw_lines[i - 1])).flatten() {
                blocks.push(RawBlock::NbspRuns(runs));
            }
            if let Some(words) = word_columns(raw_lines[i - 1], wide) {
                let marks = blank_marks(raw_lines[i - 1], wide);
                blocks.push(RawBlock::Columns { page: pages[i - 1], words, marks });
            }
        }
        for part in l.split('\n').map(str::trim).filter(|p| !p.is_empty()) {
            blocks.push(RawBlock::Paragraph(part.to_string()));
        }
    }
    RawDocument { blocks, panel, html_title: None }
}

/// The lines of a paged text (form feeds) that are a running header (DOMAIN §8.3): a page's
/// first line, repeated as the first line of another page, short (at most 40 characters), no
/// sentence (no `。`, `，`) and no column gap (a table's header row printed again over its
/// continuation is the table's). Page 1's stays (it may be the title); the later pages' are
/// returned, in order: printed between the lines of a sentence cut by the page break
/// (`不予公开 2` / `政府信息公开工作年度报告` / `件，…`) they would split it.
fn running_headers(lines: &[Cow<'_, str>], pages: &[u32]) -> Vec<usize> {
    if pages.last().is_none_or(|&p| p == 0) {
        return Vec::new();
    }
    let mut firsts: Vec<usize> = Vec::new();
    let mut page = None;
    for (i, l) in lines.iter().enumerate() {
        if page != Some(pages[i]) && !l.is_empty() {
            page = Some(pages[i]);
            firsts.push(i);
        }
    }
    let header = |i: usize| {
        let l = &*lines[i];
        l.chars().count() <= 40 && !l.contains(['。', '，', ',']) && !l.contains("  ") && l.chars().any(is_wide)
    };
    let key = |i: usize| lines[i].chars().filter(|c| !c.is_whitespace()).collect::<String>();
    // How many pages open with each short line (one pass: a text may hold many pages).
    let mut opening: crate::hashing::FastMap<String, usize> = crate::hashing::FastMap::default();
    for &i in firsts.iter().filter(|&&i| header(i)) {
        *opening.entry(key(i)).or_default() += 1;
    }
    firsts[1..].iter().copied().filter(|&i| header(i) && opening.get(&key(i)).is_some_and(|&n| n >= 2)).collect()
}

/// Whether a text's columns line up by display width (a Chinese character two columns wide, as
/// pandoc and other tools that pad for a terminal print them) rather than by characters
/// (`pdftotext -layout`): the measure under which the numbers of its column-aligned lines start
/// at fewer distinct columns.
fn display_columns(lines: &[&str]) -> bool {
    let mut by_chars: Vec<u32> = Vec::new();
    let mut by_width: Vec<u32> = Vec::new();
    let mut words: Vec<Measured> = Vec::new();
    let (mut cs, mut ws): (Vec<[u32; 2]>, Vec<[u32; 2]>) = (Vec::new(), Vec::new());
    for line in lines.iter().take(20_000) {
        // Only lines set in columns (two spaces at least between words) with a number count.
        if !line.contains("  ") || !line.bytes().any(|b| b.is_ascii_digit()) || !line.chars().any(is_wide) {
            continue;
        }
        if too_long_for_columns(line) {
            continue;
        }
        measure_words(line, &mut words);
        cs.clear();
        ws.clear();
        cs.extend(words.iter().map(|w| w.0));
        ws.extend(words.iter().map(|w| w.1));
        if !set_in_columns(&cs) || !set_in_columns(&ws) {
            continue;
        }
        for (c, w, _) in words.iter().filter(|w| w.2) {
            by_chars.push(c[0]);
            by_width.push(w[0]);
        }
    }
    let distinct = |v: &mut Vec<u32>| {
        v.sort_unstable();
        v.dedup();
        v.len()
    };
    by_chars.len() >= 8 && distinct(&mut by_width) < distinct(&mut by_chars)
}

/// Lines longer than this many characters are not read for columns.
const MAX_COLUMN_LINE: usize = 4096;

fn too_long_for_columns(line: &str) -> bool {
    // Never more characters than bytes: most lines need no count.
    line.len() > MAX_COLUMN_LINE && line.chars().count() > MAX_COLUMN_LINE
}

/// What separates the words of a column-aligned line.
fn is_column_space(c: char) -> bool {
    crate::charset::is_whitespace(c)
}

/// A character two columns wide in a terminal (CJK ideographs, full-width forms).
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

/// The printed columns of a column-aligned line's words (`pdftotext -layout`: numbers and
/// header words under their columns, apart by runs of spaces): `[start, end)` of each
/// whitespace-separated word, in characters or (`wide`) in display columns, when two words
/// stand apart by two spaces or more.
fn word_columns(line: &str, wide: bool) -> Option<Vec<[u32; 2]>> {
    if !has_column_gap(line, wide) || too_long_for_columns(line) {
        return None;
    }
    let mut measured = Vec::new();
    measure_words(line, &mut measured);
    let words: Vec<[u32; 2]> = measured.iter().map(|m| if wide { m.1 } else { m.0 }).collect();
    set_in_columns(&words).then_some(words)
}

/// Marks the next block as printed on `at`, a page other than the last block's (`page`).
fn page_before(blocks: &mut Vec<RawBlock>, page: &mut u32, at: u32) {
    if at != *page {
        blocks.push(RawBlock::Page(at));
        *page = at;
    }
}

/// Records the `empty` lines read since the last block (none before the first) as the next
/// block's `RawBlock::BlankLines`, and starts counting again.
fn blank_lines_before(blocks: &mut Vec<RawBlock>, empty: &mut u32) {
    if *empty > 0 && !blocks.is_empty() {
        blocks.push(RawBlock::BlankLines(*empty));
    }
    *empty = 0;
}

/// Most lines a raw HTML table of a Markdown file may take (a bound on work).
const MAX_HTML_TABLE_LINES: usize = 20_000;

/// Where a raw HTML table that opens line `i` of a Markdown file ends (the line after its
/// `</table>`, nested tables and all), if the line opens one: `<table`, or `<table` inside
/// wrapper tags on the same line (MinerU writes each table as `<html><body><table>…`, others
/// put it in a `<div>` or `<figure>`).
fn html_table_end(lines: &[&str], i: usize) -> Option<usize> {
    if !opens_html_table(lines[i]) {
        return None;
    }
    let mut depth = 0usize;
    for (k, line) in lines.iter().enumerate().skip(i).take(MAX_HTML_TABLE_LINES) {
        let lower = line.to_ascii_lowercase();
        depth += lower.matches("<table").count();
        depth = depth.saturating_sub(lower.matches("</table").count());
        if depth == 0 {
            return Some(k + 1);
        }
    }
    None
}

/// Whether a line opens a raw HTML table: `<table` after any opening wrapper tags
/// (`<html>`, `<body>`, `<div …>`, `<center>`, `<figure>`), nothing else before it.
fn opens_html_table(line: &str) -> bool {
    const WRAPPERS: [&str; 5] = ["html", "body", "div", "center", "figure"];
    let mut rest = line.trim_start();
    // A bound on work: wrappers nest a few deep at most.
    for _ in 0..8 {
        let Some(tag) = rest.strip_prefix('<') else { return false };
        let name_len = tag.bytes().take_while(u8::is_ascii_alphanumeric).count();
        let name = &tag[..name_len];
        if name.eq_ignore_ascii_case("table") {
            let after = &tag[name_len..];
            return after.is_empty() || after.starts_with(|c: char| c == '>' || c.is_ascii_whitespace());
        }
        if !WRAPPERS.iter().any(|w| name.eq_ignore_ascii_case(w)) {
            return false;
        }
        let Some(close) = tag.find('>') else { return false };
        rest = tag[close + 1..].trim_start();
    }
    false
}

/// The printed columns (as [`word_columns`] counts them) of the blank marks of a column-aligned
/// line: runs of no-break spaces standing alone between ordinary spaces (a PDF's empty cell
/// that holds `&nbsp;`, which pypdf's layout mode prints as a word of its own). Normalisation
/// makes them spaces; a row's marks and values together tell each value's column.
fn blank_marks(line: &str, wide: bool) -> Vec<[u32; 2]> {
    let mut marks = Vec::new();
    if !line.contains(is_nbsp) {
        return marks;
    }
    let (mut col, mut wcol) = (0u32, 0u32);
    // The run being read: its start, and whether it is no-break spaces only so far.
    let mut open: Option<([u32; 2], bool)> = None;
    for c in line.chars().chain(std::iter::once(' ')) {
        let plain_space = is_column_space(c) && !is_nbsp(c);
        match (&mut open, plain_space) {
            (Some((start, only_marks)), true) => {
                if *only_marks {
                    marks.push(if wide { [start[1], wcol] } else { [start[0], col] });
                }
                open = None;
            }
            (Some((_, only_marks)), false) => *only_marks &= is_nbsp(c),
            (None, false) => open = Some(([col, wcol], is_nbsp(c))),
            (None, true) => {}
        }
        col += 1;
        wcol += if is_wide(c) { 2 } else { 1 };
    }
    marks
}

/// Most whitespace runs of a line recorded in `RawBlock::NbspRuns` (a bound on memory: a table
/// row prints a few dozen).
const MAX_NBSP_RUNS: usize = 1024;

/// The no-break spaces of a line's whitespace runs (`RawBlock::NbspRuns`): before its first
/// word, between each two, after its last; `None` where it prints none, or too many runs.
fn nbsp_runs(line: &str) -> Option<Vec<u32>> {
    if !line.contains(is_nbsp) {
        return None;
    }
    let mut runs = Vec::new();
    // The run being read: its no-break spaces, and whether it holds nothing else but single
    // plain spaces setting them apart (pypdf prints a cell's `&nbsp;` as a word: `12 \u{a0} 2`).
    let mut open: Option<(u32, bool)> = Some((0, true));
    let mut plain_before = false;
    for c in line.chars() {
        if is_column_space(c) {
            let run = open.get_or_insert((0, true));
            if is_nbsp(c) {
                run.0 = run.0.saturating_add(1);
                plain_before = false;
            } else {
                run.1 &= !plain_before;
                plain_before = true;
            }
        } else if let Some((n, only)) = open.take() {
            plain_before = false;
            runs.push(if only { n } else { u32::MAX });
            if runs.len() > MAX_NBSP_RUNS {
                return None;
            }
        }
    }
    runs.push(open.map_or(0, |(n, only)| if only { n } else { u32::MAX }));
    Some(runs)
}

/// Whether `line` holds a gap [`set_in_columns`] needs: two column spaces side by side (between
/// words or before a lone one), or, measured in display width, an ideographic space (two
/// columns wide on its own). Most lines of prose hold none and are not measured.
fn has_column_gap(line: &str, wide: bool) -> bool {
    let b = line.as_bytes();
    let (mut i, mut prev_space) = (0, false);
    while let Some(&x) = b.get(i) {
        // Only a character that may be whitespace by its lead byte is decoded (Han is not).
        let c = if crate::charset::may_start_whitespace(x) { line[i..].chars().next() } else { None };
        let space = c.is_some_and(is_column_space);
        if space && (prev_space || (wide && c == Some('\u{3000}'))) {
            return true;
        }
        prev_space = space;
        i += crate::charset::utf8_len(x);
    }
    false
}

/// A word of a line: `(its columns counted in characters, in display width, all ASCII digits)`.
type Measured = ([u32; 2], [u32; 2], bool);

/// The whitespace-separated words of `line` into `out` (cleared first), measured both ways in
/// one pass.
fn measure_words(line: &str, out: &mut Vec<Measured>) {
    out.clear();
    let (mut col, mut wcol) = (0u32, 0u32);
    let mut open: Option<(u32, u32, bool)> = None;
    for c in line.chars() {
        if is_column_space(c) {
            if let Some((s, w, digits)) = open.take() {
                out.push(([s, col], [w, wcol], digits));
            }
        } else {
            let (_, _, digits) = open.get_or_insert((col, wcol, true));
            *digits &= c.is_ascii_digit();
        }
        col += 1;
        wcol += if is_wide(c) { 2 } else { 1 };
    }
    if let Some((s, w, digits)) = open {
        out.push(([s, col], [w, wcol], digits));
    }
}

/// Whether words at these columns are set in columns: two of them apart by two columns or
/// more, or a lone short word set in by spaces (`                       总计`, a header word
/// stacked a line apart from the others).
fn set_in_columns(words: &[[u32; 2]]) -> bool {
    let apart = words.windows(2).any(|w| w[1][0] - w[0][1] >= 2);
    let lone = words.len() == 1 && words[0][0] >= 2 && words[0][1] - words[0][0] <= 4;
    (words.len() >= 2 && apart) || lone
}

/// A line with Markdown markup removed (heading marks, emphasis, `<br>` as a
/// line break), trimmed.
fn clean_line(line: &str, markdown: bool) -> Cow<'_, str> {
    let t = line.trim();
    if !markdown {
        return Cow::Borrowed(t);
    }
    let t = match heading_level(t) {
        Some(n) => t[n..].trim(),
        None => t,
    };
    // A line that is one HTML tag (`<div class="WordSection1">`, `</div>`): markup, no text.
    let lone_tag = t.starts_with('<')
        && t.ends_with('>')
        && t[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/')
        && !t[1..].contains('<');
    if lone_tag {
        return Cow::Borrowed("");
    }
    // An inline tag a converter broke over two lines (`**<span` / `style="…">某某局…`): its
    // start at the end of one line, its attributes at the start of the next.
    let t = t.strip_prefix("**").map_or(t, |rest| if tag_attributes_len(rest).is_some() { rest } else { t });
    let t = &t[tag_attributes_len(t).unwrap_or(0)..];
    let t = match t.rfind('<') {
        Some(i) if !t[i..].contains('>') && inline_tag_len(&format!("{}>", &t[i..])).is_some() => &t[..i],
        _ => t,
    };
    Cow::Owned(strip_markup(t, true).trim().to_string())
}

/// Length of the attributes and `>` ending a tag whose start was on the line before:
/// `style="font-size:16.0pt">` at the start of `s`.
fn tag_attributes_len(s: &str) -> Option<usize> {
    let mut rest = s;
    let mut any = false;
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix('>') {
            return any.then_some(s.len() - after.len());
        }
        let name = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':')).unwrap_or(rest.len());
        let value = rest[name..].strip_prefix("=\"")?;
        if name == 0 {
            return None;
        }
        let end = value.find('"')?;
        rest = &value[end + 1..];
        any = true;
    }
}

/// `**x**`, `__x__` → `x`; `<br>`, `<br/>`, `<br />` → `'\n'`; in Markdown, a backslash
/// escape (`1\.`, `\-8`, as mammoth and pandoc write them) → the character.
fn strip_markup(s: &str, markdown: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(['*', '_', '<', '\\']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let escaped = tail.as_bytes().get(1).filter(|b| b.is_ascii_punctuation());
        if let (true, Some(&b)) = (tail.starts_with('\\'), escaped) {
            if markdown {
                out.push(b as char);
                rest = &tail[2..];
            } else {
                out.push('\\');
                rest = &tail[1..];
            }
        } else if tail.starts_with("**") || tail.starts_with("__") {
            rest = &tail[2..];
        } else if let Some(n) = br_len(tail) {
            out.push('\n');
            rest = &tail[n..];
        } else if let Some(n) = markdown.then(|| superscript_len(tail)).flatten() {
            // A footnote's mark kept as raw HTML (pandoc: `69<sup>1</sup>`): no digit of the
            // number before it.
            rest = &tail[n..];
        } else if let Some(n) = markdown.then(|| inline_tag_len(tail)).flatten() {
            // Raw inline HTML a converter kept (pandoc: `<span lang="EN-US">2</span>`).
            rest = &tail[n..];
        } else {
            let c = tail.chars().next().unwrap_or(' ');
            out.push(c);
            rest = &tail[c.len_utf8()..];
        }
    }
    out.push_str(rest);
    out
}

/// Length of a short `<sup>…</sup>` (no tag inside, at most 40 bytes of text) at the start of `s`.
fn superscript_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.len() < 11 || !b[..5].eq_ignore_ascii_case(b"<sup>") {
        return None;
    }
    let inner = &s[5..];
    let end = inner.find('<')?;
    (end <= 40 && inner.as_bytes()[end..].len() >= 6 && inner.as_bytes()[end..end + 6].eq_ignore_ascii_case(b"</sup>"))
        .then_some(5 + end + 6)
}

/// Length of an inline HTML tag (`<span …>`, `</span>`, `<font …>`, `<o:p>`) at the start of `s`.
fn inline_tag_len(s: &str) -> Option<usize> {
    const INLINE: [&str; 13] =
        ["span", "font", "b", "i", "u", "em", "strong", "sup", "sub", "a", "o:p", "small", "ins"];
    let body = s.strip_prefix('<')?;
    let body = body.strip_prefix('/').unwrap_or(body);
    let name_len = body.find(|c: char| !(c.is_ascii_alphanumeric() || c == ':')).unwrap_or(body.len());
    let name = &body[..name_len];
    if !INLINE.iter().any(|t| t.eq_ignore_ascii_case(name)) {
        return None;
    }
    let after = &body[name_len..];
    if !after.starts_with(['>', ' ', '/']) {
        return None;
    }
    let close = s.find('>')?;
    (close < 400 && !s[1..close].contains('<')).then_some(close + 1)
}

/// Length of a `<br>` tag (any case, optional `/` and spaces) at the start of `s`.
fn br_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.len() < 4 || b[0] != b'<' || !b[1].eq_ignore_ascii_case(&b'b') || !b[2].eq_ignore_ascii_case(&b'r') {
        return None;
    }
    let close = s[3..].find('>')? + 3;
    s[3..close].bytes().all(|c| c == b' ' || c == b'/').then_some(close + 1)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Other,
    Empty,
    /// A row delimited by pipes (`|` or `｜`), at least two of them.
    Pipe,
    /// A Markdown separator line under a header row.
    Separator,
    /// A row with TAB-separated fields (a TAB after content, or two TABs).
    Tabs,
}

fn line_kind(line: &str) -> LineKind {
    let t = line.trim();
    if t.is_empty() {
        return LineKind::Empty;
    }
    if is_separator(t) {
        return LineKind::Separator;
    }
    // `|` and `｜` (EF BD 9C) counted by their bytes: no other character holds either.
    let b = t.as_bytes();
    let pipes = memchr::memchr_iter(b'|', b).count()
        + memchr::memchr_iter(0x9C, b).filter(|&i| i >= 2 && b[i - 2] == 0xEF && b[i - 1] == 0xBD).count();
    if pipes >= 2 && (t.starts_with(['|', '｜']) || t.ends_with(['|', '｜']) || pipes >= 3) {
        return LineKind::Pipe;
    }
    let content = line.trim_end_matches(['\r', '\n', ' ']);
    // (TABs counted by their byte: without a searcher set up for each line.)
    let tabs = memchr::memchr_iter(b'\t', content.as_bytes()).count();
    let inner = memchr::memchr(b'\t', content.trim_start().as_bytes()).is_some();
    if tabs >= 2 || inner {
        return LineKind::Tabs;
    }
    LineKind::Other
}

/// A text table starting at line `i`: consecutive pipe rows (Markdown separator
/// lines and blank lines between rows allowed) or TAB rows, at least two rows.
/// Returns the line after it and the grid.
fn text_table(lines: &[&str], kinds: &[LineKind], i: usize, markdown: bool) -> Option<(usize, RawTable)> {
    // A row of fewer cells without its outer pipes (html2text prints `a| b`, one pipe for two
    // cells): a row over a Markdown separator starts a table, as does one under a separator
    // (a one-cell header row's, `行政诉讼` / `---`) over a row; one right after a row (or the
    // separator) goes on with it.
    let short_row = |j: usize| kinds[j] == LineKind::Other && has_pipe(lines[j]);
    let kind_at = |j: usize| kinds.get(j).copied();
    let starts = short_row(i)
        && (kind_at(i + 1) == Some(LineKind::Separator)
            || (i > 0 && kinds[i - 1] == LineKind::Separator && kind_at(i + 1) == Some(LineKind::Pipe)));
    let kind = if starts { LineKind::Pipe } else { kinds[i] };
    if !matches!(kind, LineKind::Pipe | LineKind::Tabs) {
        return None;
    }
    let mut rows: Vec<Vec<Field>> = Vec::new();
    let mut j = i;
    let mut end = i;
    let mut separator = false;
    // TABs of the last TAB row: a row of one table holds as many (`wrapped_row`).
    let mut width = 0usize;
    // The first row after the last separator (or blank line): a header's first line.
    let mut header_from = 0usize;
    while j < lines.len() {
        let row_kind = if kind == LineKind::Pipe && short_row(j) && (j == i || kinds[j - 1] != LineKind::Empty) {
            LineKind::Pipe
        } else {
            kinds[j]
        };
        // A TAB row whose cells hold line breaks (a PDF table's wrapped cells, each row's
        // fields joined by TABs): the lines up to where the row's TABs are complete.
        let wrapped = (kind == LineKind::Tabs && matches!(row_kind, LineKind::Tabs | LineKind::Other))
            .then(|| wrapped_row(lines, j, width))
            .flatten();
        match row_kind {
            _ if wrapped.is_some() => {
                let last = wrapped.unwrap_or(j);
                let joined = lines[j..=last].join("\n");
                rows.push(
                    tab_fields(&joined)
                        .iter()
                        .map(|f| Field { text: cell_text(f, markdown), marked: Vec::new() })
                        .collect(),
                );
                end = last + 1;
                j = last;
            }
            k if k == kind => {
                if kind == LineKind::Tabs {
                    width = tab_count(lines[j]);
                }
                let row: Vec<Field> = if kind == LineKind::Pipe {
                    pipe_fields(lines[j])
                        .iter()
                        .map(|f| Field { text: cell_text(f, markdown), marked: blank_marked(f).unwrap_or_default() })
                        .collect()
                } else {
                    tab_fields(lines[j])
                        .iter()
                        .map(|f| Field { text: cell_text(f, markdown), marked: Vec::new() })
                        .collect()
                };
                rows.push(row);
                end = j + 1;
            }
            LineKind::Separator if kind == LineKind::Pipe => {
                separator = true;
                end = j + 1;
                // pandas prints a `DataFrame` whose columns have no names (`read_html`, a list of
                // rows) under a header numbering them, `| 0 | 1 | 2 | … |`: no row of the table
                // (a table cut at a page break prints it again over its second part).
                if rows.last().is_some_and(|r| pandas::numbering(r)) {
                    rows.pop();
                } else {
                    // (The header's lines: a cell's wrapped lines are lines of it.)
                    rows[header_from..].iter_mut().for_each(|r| unmangle_header(r));
                }
                header_from = rows.len();
            }
            // A blank line inside a pipe table (PDF-to-Markdown output); not after its last row.
            LineKind::Empty if kind == LineKind::Pipe => header_from = rows.len(),
            // A blank line between TAB rows (catdoc prints one after each row of a table).
            LineKind::Empty if kind == LineKind::Tabs && kinds.get(j + 1) == Some(&LineKind::Tabs) => {}
            _ => break,
        }
        j += 1;
    }
    // Two rows make a table; one row over a Markdown separator is a table's header.
    if rows.len() < 2 && !(separator && rows.len() == 1) {
        return None;
    }
    if kind == LineKind::Pipe && separator {
        pandas::drop_index_column(&mut rows);
    }
    // pymupdf4llm names the columns of a header it could not read `Col1`, `Col2` …: no text.
    if let Some(first) = rows.first_mut() {
        for f in first.iter_mut().map(|f| &mut f.text) {
            if f.strip_prefix("Col").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())) {
                f.clear();
            }
        }
    }
    // TAB rows are a table's cells as copied; a pipe row may be a PDF-to-Markdown
    // converter's columns, each holding the words of several of the PDF's cells.
    Some((end, grid(rows, kind == LineKind::Tabs)))
}

/// A header row as pandas writes a `DataFrame`'s column names when they came from a row of the
/// table (tabula's `read_pdf`, `read_html` with a header): a name it had none for is
/// `Unnamed: 3`, a name met before gets `.1`, `.2` … (`0 | 0.1 | 0.2` for three cells `0`).
/// The cells as printed: empty, and the name without its suffix.
fn unmangle_header(row: &mut [Field]) {
    let unnamed = |t: &str| {
        t.trim().strip_prefix("Unnamed: ").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    if !row.iter().any(|f| unnamed(&f.text)) {
        return;
    }
    for i in 0..row.len() {
        let t = row[i].text.trim().to_string();
        if unnamed(&t) {
            row[i].text.clear();
            continue;
        }
        // `X.k` after k cells named X: the k-th repeat of X.
        let Some((x, k)) = t.rsplit_once('.') else { continue };
        let Ok(k) = k.parse::<usize>() else { continue };
        let before = row[..i].iter().filter(|f| f.text.trim() == x).count();
        if k >= 1 && before == k {
            row[i].text = x.to_string();
        }
    }
}

/// Whether a line holds a pipe (`|` or `｜`), found by its bytes (`｜` is EF BD 9C, and no other
/// character holds that sequence): `contains` with two characters decoded every character of
/// every line of prose.
fn has_pipe(line: &str) -> bool {
    let b = line.as_bytes();
    memchr::memchr(b'|', b).is_some()
        || memchr::memchr_iter(0x9C, b).any(|i| i >= 2 && b[i - 2] == 0xEF && b[i - 1] == 0xBD)
}

/// The fields of a pipe row; the empty piece before a leading pipe and after a
/// trailing pipe are not cells.
fn pipe_fields(line: &str) -> Vec<String> {
    let t = line.trim();
    let mut fields: Vec<String> = t.split(['|', '｜']).map(str::to_string).collect();
    if t.starts_with(['|', '｜']) && !fields.is_empty() {
        fields.remove(0);
    }
    if t.ends_with(['|', '｜']) && !fields.is_empty() {
        fields.pop();
    }
    fields.truncate(MAX_FIELDS);
    fields
}

/// One cell of a text table row: its text, and its words when it prints blank marks
/// (`RawCell::marked`).
struct Field {
    text: String,
    marked: Vec<Option<String>>,
}

/// Whether `c` is a no-break space (U+00A0, U+202F), the blank mark of an empty PDF cell.
fn is_nbsp(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}')
}

/// The words of a pipe field that prints blank marks (`RawCell::marked`): only no-break
/// spaces (a PDF's empty cell whose `&nbsp;` a converter kept), or words set apart by plain
/// spaces that are each a number or no-break spaces only, one of them at least (`2 \u{a0}`,
/// `\u{a0} \u{a0}`: markitdown joins the words of the PDF cells that fall into one of its
/// columns, a blank cell's `&nbsp;` among them). `None` for any other field.
fn blank_marked(field: &str) -> Option<Vec<Option<String>>> {
    let words: Vec<&str> = field.split([' ', '\t']).filter(|w| !w.is_empty()).collect();
    let mark = |w: &str| w.chars().all(is_nbsp);
    if !words.iter().any(|w| mark(w)) {
        return None;
    }
    let number = |w: &str| {
        let body = w.strip_prefix(['-', '+']).unwrap_or(w);
        body.starts_with(|c: char| c.is_ascii_digit())
            && body.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    };
    if !words.iter().all(|w| mark(w) || number(w)) {
        return None;
    }
    Some(words.into_iter().map(|w| (!mark(w)).then(|| w.to_string())).collect())
}

/// Most lines one TAB row's wrapped cells may take (`wrapped_row`).
const MAX_WRAPPED_LINES: usize = 12;

/// TABs of a line as `tab_fields` splits it.
fn tab_count(line: &str) -> usize {
    memchr::memchr_iter(b'\t', line.trim_end_matches(['\r', '\n']).as_bytes()).count()
}

/// Where a TAB row starting at line `j` ends when its cells wrapped over lines: `j` prints
/// fewer TABs than the row before it (`width`), and it and the lines after it, each ending
/// inside a cell of text (a wrapped label's line, not a value: values do not wrap), hold as
/// many TABs up to a line that ends the row (`\t\t\t自然` / `人\t法人或其他组织\t…\t总计`;
/// `三` / `、` / `本` / `年` / `度` / `办\t（一）予以公开\t\t0\t…`). A line of no TAB goes on
/// the row only where it is as short as a cell's line (a paragraph after the table is no
/// cell of it) and names no section.
fn wrapped_row(lines: &[&str], j: usize, width: usize) -> Option<usize> {
    let mut tabs = 0usize;
    for (k, line) in lines.iter().enumerate().skip(j).take(MAX_WRAPPED_LINES) {
        let t = line.trim_end_matches(['\r', '\n']);
        let n = tab_count(t);
        tabs += n;
        if k > j && tabs == width {
            return Some(k);
        }
        let last_field = t.rsplit('\t').next().unwrap_or("").trim();
        let text_end =
            !last_field.is_empty() && !last_field.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-'));
        // (Nor a section's heading: `三、收到和处理政府信息公开申请情况` over a table copied
        // from a web page, its rows as ragged as their spans left them.)
        let short = n > 0 || (t.trim().chars().count() <= MAX_WRAPPED_CHARS && crate::outline::key_for(t).is_none());
        if tabs >= width || !text_end || !short {
            return None;
        }
    }
    None
}

/// Most characters a line of a wrapped cell holds without a TAB (a narrow cell's line; a
/// page's prose runs longer).
const MAX_WRAPPED_CHARS: usize = 24;

/// The fields of a TAB row: an empty field between two TABs is a blank cell,
/// including a leading one (a label merged from above) and a trailing one.
fn tab_fields(line: &str) -> Vec<String> {
    let t = line.trim_end_matches(['\r', '\n']);
    // Spaces before the first field are indentation, not a cell.
    let t = t.trim_start_matches(' ');
    let mut fields: Vec<String> = t.split('\t').map(str::to_string).collect();
    fields.truncate(MAX_FIELDS);
    fields
}

fn cell_text(field: &str, markdown: bool) -> String {
    let t = field.trim();
    let s = if markdown || t.contains("<br") || t.contains("<BR") { strip_markup(t, markdown) } else { t.to_string() };
    s.split('\n').map(str::trim).collect::<Vec<_>>().join("\n").trim().to_string()
}

/// The lines of a "table" that is justified prose a PDF-to-Markdown converter cut into
/// cells (`| 和针对性。2024 | | 年，全市共受理政府信息公开申请 | 3119 | 件，答 |`): two rows or more,
/// at least half of them with a cell that holds a clause (`，` or `。` after text), no cell
/// naming a column or a form's block. Each row becomes a line of its cells' text.
fn prose_rows(t: &RawTable) -> Option<Vec<String>> {
    if t.n_rows < 2 {
        return None;
    }
    let row_texts = |r: usize| t.cells.iter().filter(move |c| c.row == r).map(|c| c.text.as_str());
    let clause = |s: &str| {
        let s = s.trim();
        s.chars().count() >= 4 && s.contains(['，', '。']) && !s.starts_with(['（', '('])
    };
    let form_words = ["第二十条", "信息内容", "申请人情况", "勾稽关系"];
    if t.cells.iter().any(|c| form_words.iter().any(|w| c.text.contains(w))) {
        return None;
    }
    let prose = (0..t.n_rows).filter(|&r| row_texts(r).any(clause)).count();
    if prose < 2 || 2 * prose < t.n_rows {
        return None;
    }
    let lines: Vec<String> = (0..t.n_rows)
        .map(|r| row_texts(r).map(str::trim).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    Some(lines)
}

/// Rows of fields → a grid, one cell per field (a text table carries no spans;
/// a merged cell is its text followed by empty cells or one field).
fn grid(rows: Vec<Vec<Field>>, exact: bool) -> RawTable {
    let n_cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut t = RawTable { n_rows: rows.len(), n_cols, exact, ..Default::default() };
    t.grid = vec![None; rows.len() * n_cols];
    for (r, row) in rows.into_iter().enumerate() {
        for (c, Field { text, marked }) in row.into_iter().enumerate() {
            t.grid[r * n_cols + c] = Some(t.cells.len() as u32);
            t.cells.push(RawCell {
                text,
                row: r,
                col: c,
                rowspan: 1,
                colspan: 1,
                header: false,
                evidence: None,
                marked,
            });
        }
    }
    t
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_tab_row_runs_over_the_lines_of_its_wrapped_cells() {
        use super::wrapped_row;
        // The row before holds 9 TABs; `三` / `、` / `办\t…` make up 9.
        let lines = ["三", "、", "办\t（一）予以公开\t\t0\t0\t0\t0\t0\t0\t0", "next"];
        assert_eq!(wrapped_row(&lines, 0, 9), Some(2));
        // A TAB line first (`\t\t\t自然` / `人\t法人或其他组织\t\t\t\t\t总计`).
        assert_eq!(wrapped_row(&["\t\t\t自然", "人\t法人或其他组织\t\t\t\t\t总计"], 0, 9), Some(1));
        // A line ending in a value: a row of its own, not a wrapped cell's.
        assert_eq!(wrapped_row(&["规章\t0\t0\t0", "规章\t0\t0\t0", "规章\t0\t0\t0"], 0, 9), None);
        // A section's heading, or a paragraph's long line, is no cell's line.
        assert_eq!(wrapped_row(&["三、收到和处理政府信息公开申请情况", "（本列）\t申请人情况"], 0, 1), None);
        let long = "政府信息公开工作仍存在信息更新不够及时、政策解读形式较为单一等问题";
        assert_eq!(wrapped_row(&[long, "结\t\t\t\t\t\t\t\t0"], 0, 9), None);
        // TABs past the row's: no row (and none before a first row set the width).
        assert_eq!(wrapped_row(&["\t\t甲", "乙\t\t\t\t\t\t\t\t0"], 0, 9), None);
        assert_eq!(wrapped_row(&lines, 0, 0), None);
    }

    use super::*;

    #[test]
    fn a_raw_html_table_opens_inside_wrapper_tags() {
        assert!(opens_html_table("<table border=\"1\">"));
        assert!(opens_html_table("  <TABLE>"));
        assert!(opens_html_table("<table"));
        // MinerU's Markdown: each table a line of its own inside `<html><body>`.
        assert!(opens_html_table("<html><body><table><tr><td>规章</td></tr></table></body></html>"));
        assert!(opens_html_table("<div class=\"t\"> <center><table>"));
        assert!(!opens_html_table("<tablet>"));
        assert!(!opens_html_table("<p>说明</p><table>"));
        assert!(!opens_html_table("见下表 <table>"));
        let md = "# 二、主动公开政府信息情况\n\n<html><body><table><tr><td>规章</td><td>2</td></tr>\n<tr><td>规范性文件</td><td>9</td></tr></table></body></html>\n\n# 三、其他\n";
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(html_table_end(&lines, 2), Some(4));
        let doc = parse_markdown(md);
        let tables = doc.blocks.iter().filter(|b| matches!(b, RawBlock::Table(_))).count();
        assert_eq!(tables, 1, "{:?}", doc.blocks);
    }

    #[test]
    fn blank_marks_are_no_break_spaces_standing_alone() {
        let line = "2.重复申请  1  \u{a0}  \u{a0}\u{a0}  x\u{a0}  1 \u{a0}";
        assert_eq!(blank_marks(line, false), vec![[11, 12], [14, 16], [24, 25]]);
        // Measured in display width, the four ideographs take two columns each.
        assert_eq!(blank_marks(line, true), vec![[15, 16], [18, 20], [28, 29]]);
        assert!(blank_marks("2.重复申请  1    1", false).is_empty());
    }

    #[test]
    fn no_break_spaces_counted_run_by_run() {
        // get_text() of a Word page: a blank cell one no-break space, glued to the values.
        assert_eq!(nbsp_runs("5.属于三类内部事务信息43\u{a0}11\u{a0}\u{a0}45"), Some(vec![0, 1, 2, 0]));
        assert_eq!(nbsp_runs("二、上年结转\u{a0}\u{a0}\u{a0}"), Some(vec![0, 3]));
        assert_eq!(nbsp_runs("\u{a0}5\u{a0}\u{a0}2"), Some(vec![1, 2, 0]));
        // A run holding two plain spaces side by side (column-aligned text) is no count of blanks.
        assert_eq!(nbsp_runs("1  \u{a0}  2 3"), Some(vec![0, u32::MAX, 0, 0]));
        // pypdf's text of a PDF whose empty cells hold `&nbsp;`: each a word, single spaces apart.
        assert_eq!(nbsp_runs("33 12 \u{a0} 2 6 2 56"), Some(vec![0, 0, 1, 0, 0, 0, 0]));
        assert_eq!(nbsp_runs("2 1 \u{a0} \u{a0} \u{a0} 1 4"), Some(vec![0, 0, 3, 0, 0]));
        assert_eq!(nbsp_runs("1  2"), None);
        let doc = crate::document::Document::assemble(
            parse_plain("x\n43\u{a0}11\u{a0}\u{a0}45\n"),
            crate::document::Format::Text,
        );
        assert_eq!(doc.nbsp_runs, vec![(2, vec![0, 1, 2, 0])]);
    }

    #[test]
    fn an_inline_tag_broken_over_two_lines_is_dropped() {
        assert_eq!(clean_line("**<span", true), "");
        assert_eq!(clean_line(r#"<div class="WordSection1">"#, true), "");
        assert_eq!(clean_line("</div>", true), "");
        assert_eq!(clean_line("<1>", true), "<1>");
        assert_eq!(clean_line(r#"style="font-size:16.0pt">某某局2019年报告</span>**"#, true), "某某局2019年报告");
        assert_eq!(clean_line(r#"**lang="EN" style="x">标题</span>**"#, true), "标题");
        assert_eq!(clean_line(r#"a="b" 不是标签"#, true), r#"a="b" 不是标签"#);
    }

    #[test]
    fn raw_inline_html_in_markdown_is_dropped() {
        let cell = r#"<span lang="EN-US" style="font-size:10.5pt">2</span><span lang="EN-US">7</span><o:p></o:p>"#;
        assert_eq!(strip_markup(cell, true), "27");
        assert_eq!(strip_markup("a <b>b</b> <div>c</div> 1 < 2 <spanx>", true), "a b <div>c</div> 1 < 2 <spanx>");
        assert_eq!(strip_markup("<span>2</span>", false), "<span>2</span>");
        assert_eq!(strip_markup("69<sup>1</sup> 件<SUP>注</SUP>", true), "69 件");
    }

    #[test]
    fn markdown_escapes_are_their_characters() {
        assert_eq!(strip_markup(r"1\.属于国家秘密 \-8 \*x\* a\b", true), r"1.属于国家秘密 -8 *x* a\b");
        assert_eq!(strip_markup(r"1\.属于", false), r"1\.属于");
        assert!(looks_like_markdown("__标题__\n\n1\\.属于\n\n2\\.其他\n"));
        assert!(!looks_like_markdown("路径 C:\\dir\\.git\n"));
    }

    #[test]
    fn columns_by_display_width_where_the_numbers_line_up_so() {
        // Padded for a terminal: the numbers start at the same display column, not character.
        let padded =
            ["一、本年新收    2798    49", "二、上年结转申请数量  210  1", "三、本年度办理结果项    1269    27"];
        let by_width: Vec<String> = padded
            .iter()
            .map(|l| {
                let (label, rest) = l.split_once(' ').unwrap();
                let nums: Vec<&str> = rest.split_whitespace().collect();
                let pad = 24usize.saturating_sub(label.chars().count() * 2);
                format!("{label}{}{}    {}", " ".repeat(pad), nums[0], nums[1])
            })
            .collect();
        let lines: Vec<&str> = by_width.iter().map(String::as_str).chain(by_width.iter().map(String::as_str)).collect();
        assert!(display_columns(&lines));
        // pdftotext -layout: the numbers start at the same character.
        let chars: Vec<String> = padded
            .iter()
            .map(|l| {
                let (label, rest) = l.split_once(' ').unwrap();
                let nums: Vec<&str> = rest.split_whitespace().collect();
                format!("{label}{}{}    {}", " ".repeat(16 - label.chars().count()), nums[0], nums[1])
            })
            .collect();
        let lines: Vec<&str> = chars.iter().map(String::as_str).chain(chars.iter().map(String::as_str)).collect();
        assert!(!display_columns(&lines));
    }

    #[test]
    fn lines_become_paragraphs_and_panel_is_read() {
        let doc = parse_plain("标题: 某局2021年度报告\r\n发布时间: 2022-01-13 08:38\n\n  一、总体情况 \n");
        assert_eq!(doc.blocks.len(), 4);
        assert_eq!(doc.blocks[2], RawBlock::BlankLines(1));
        assert_eq!(doc.blocks[3], RawBlock::Paragraph("一、总体情况".into()));
        assert_eq!(doc.panel[1].key, "published");
        assert_eq!(doc.panel[1].value, "2022-01-13 08:38");
    }

    fn table(doc: &RawDocument, k: usize) -> &RawTable {
        doc.blocks.iter().filter_map(|b| if let RawBlock::Table(t) = b { Some(t) } else { None }).nth(k).unwrap()
    }

    fn texts(t: &RawTable, r: usize) -> Vec<&str> {
        (0..t.n_cols).map(|c| t.grid[r * t.n_cols + c].map_or("-", |i| t.cells[i as usize].text.as_str())).collect()
    }

    #[test]
    fn a_dataframes_column_numbering_header_is_no_row() {
        // pandas' `to_markdown` of an unnamed DataFrame, cut at a page break: each part under a
        // `0 | 1 | 2` header. A row of the same numbers not over a separator is a row.
        let md = "# 某局2021年报告\n\n| 0 | 1 | 2 |\n|:---|---:|---:|\n| 规章 | 1 | 2 |\n\n| 0 | 1 | 2 |\n|:---|---:|---:|\n| 行政许可 | nan | 3 |\n| 0 | 1 | 2 |\n";
        let doc = parse_markdown(md);
        let t = table(&doc, 0);
        assert_eq!(t.n_rows, 3);
        assert_eq!(texts(t, 0), ["规章", "1", "2"]);
        assert_eq!(texts(t, 1), ["行政许可", "nan", "3"]);
        assert_eq!(texts(t, 2), ["0", "1", "2"]);
    }

    #[test]
    fn a_dataframes_header_made_of_a_row_is_the_row_as_printed() {
        // tabula's table whose first row became the column names: pandas wrote `Unnamed: 0` for
        // an empty cell and `0.1`, `0.2` for the second and third `0` (over two lines: a cell
        // wrapped). A header without `Unnamed:` keeps its `0.1`.
        let md = "# 某局2021年报告\n\n| Unnamed: 0 | （三）不予 | 8 | 0 | 0.1 | 0.2 | 1.5 |\n|  | 公开 |  |  |  |  |  |\n|:---|:---|---:|---:|---:|---:|---:|\n| x | y | 1 | 2 | 3 | 4 | 5 |\n\n| a | 0 | 0.1 |\n|---|---|---|\n| b | 1 | 2 |\n";
        let doc = parse_markdown(md);
        let t = table(&doc, 0);
        assert_eq!(texts(t, 0), ["", "（三）不予", "8", "0", "0", "0", "1.5"]);
        assert_eq!(texts(t, 3)[..3], ["a", "0", "0.1"]);
    }

    #[test]
    fn markdown_pipe_table_over_the_full_grid_is_a_grid() {
        let md = "# 某局2021年报告\n\n## 三、收到和处理政府信息公开申请情况\n\n| 一、本年新收 |  |  | 64 |  |\n|---|---|---|---|---|\n|  | （七）总计<br>合计 |  | 63 | **5** |\n### 四、行政复议\n";
        assert!(looks_like_markdown(md));
        let doc = parse_markdown(md);
        assert_eq!(doc.blocks[0], RawBlock::Paragraph("某局2021年报告".into()));
        let t = table(&doc, 0);
        assert_eq!((t.n_rows, t.n_cols), (2, 5));
        assert_eq!(texts(t, 0), ["一、本年新收", "", "", "64", ""]);
        assert_eq!(texts(t, 1), ["", "（七）总计\n合计", "", "63", "5"]);
        assert_eq!(doc.blocks.last(), Some(&RawBlock::Paragraph("四、行政复议".into())));
    }

    #[test]
    fn pipe_cells_of_numbers_and_blank_marks_keep_each_word() {
        // markitdown of a LibreOffice PDF whose empty cells hold `&nbsp;`: one pipe cell holds the
        // words of two PDF cells, a blank cell's no-break space among them.
        assert_eq!(blank_marked("2 \u{a0}"), Some(vec![Some("2".to_string()), None]));
        assert_eq!(blank_marked(" \u{a0} \u{a0} "), Some(vec![None, None]));
        assert_eq!(blank_marked("  \u{a0}   "), Some(vec![None]));
        assert_eq!(blank_marked("1 30"), None);
        assert_eq!(blank_marked("     "), None);
        assert_eq!(blank_marked("用、行政机关不再 \u{a0}"), None);
        let md = "| 二、上年结转政府信息公开申请数量 |     | \u{a0} \u{a0} | 2 \u{a0} | \u{a0}   |\n| --- | --- | --- | --- | --- |\n|  |  | 27 | 1 30 |  |\n";
        let doc = parse_markdown(md);
        let t = table(&doc, 0);
        assert_eq!(texts(t, 0), ["二、上年结转政府信息公开申请数量", "", "", "2", ""]);
        let marked: Vec<&Vec<Option<String>>> = t.cells.iter().filter(|c| c.row == 0).map(|c| &c.marked).collect();
        assert_eq!(marked[2], &vec![None, None]);
        assert_eq!(marked[3], &vec![Some("2".to_string()), None]);
        assert_eq!(marked[4], &vec![None]);
        assert!(marked[1].is_empty() && t.cells.iter().filter(|c| c.row == 1).all(|c| c.marked.is_empty()));
    }

    #[test]
    fn tab_rows_keep_leading_and_trailing_blank_fields() {
        let text = "三、收到和处理政府信息公开申请情况\n三、本年度办理结果\t（一）予以公开\t27\t\t2\t30\n\t（二）部分公开\t3\t\t\t\n正文";
        let doc = parse_plain(text);
        let t = table(&doc, 0);
        assert_eq!(texts(t, 0), ["三、本年度办理结果", "（一）予以公开", "27", "", "2", "30"]);
        assert_eq!(texts(t, 1), ["", "（二）部分公开", "3", "", "", ""]);
        assert_eq!(doc.blocks.last(), Some(&RawBlock::Paragraph("正文".into())));
    }

    #[test]
    fn tab_rows_an_empty_line_apart_are_one_table() {
        // catdoc prints an empty line after each row of a Word table; after the last, prose.
        let text = "4.保护第三方合法权益\t1\t \t \t \t \t \t \n\n5.属于三类内部事务信息\t1\t \t \t \t \t \t \n\n正文\n";
        let doc = parse_plain(text);
        let t = table(&doc, 0);
        assert!(t.exact && t.n_rows == 2);
        assert_eq!(texts(t, 1)[..3], ["5.属于三类内部事务信息", "1", ""]);
        assert_eq!(doc.blocks.last(), Some(&RawBlock::Paragraph("正文".into())));
    }

    #[test]
    fn rows_without_outer_pipes_are_rows_over_a_separator_or_right_after_a_row() {
        // html2text: a two-cell header row holds one pipe, a three-cell row two.
        let md = "## 三、收到和处理政府信息公开申请情况\n\n（本列数据的勾稽关系）| 申请人情况  \n---|---  \n自然人| 法人或其他组织| 总计  \n商业企业| 科研机构| 社会公益组织| 法律服务机构  \n一、本年新收| 64| 0| 0| 2| 0| 70  \n\n正文| 不是表格\n";
        let doc = parse_markdown(md);
        let t = table(&doc, 0);
        assert_eq!(t.n_rows, 4);
        assert_eq!(texts(t, 1)[..3], ["自然人", "法人或其他组织", "总计"]);
        assert_eq!(texts(t, 3)[..2], ["一、本年新收", "64"]);
        // (A line with a pipe after an empty line is no row of the table before it.)
        assert_eq!(doc.blocks.last(), Some(&RawBlock::Paragraph("正文| 不是表格".into())));
        // Nor does a line with one pipe and no separator under it start a table.
        assert!(parse_markdown("甲| 乙\n丙| 丁\n").blocks.iter().all(|b| matches!(b, RawBlock::Paragraph(_))));
    }

    #[test]
    fn one_pipe_line_is_not_a_table_and_prose_with_a_tab_is_prose() {
        let doc = parse_plain("规章 | 0 | 1 | 2 |\n行政规范性文件 8 55 698\n\t一、总体情况\n");
        assert!(doc.blocks.iter().all(|b| matches!(b, RawBlock::Paragraph(_))));
        assert!(!looks_like_markdown("一、总体情况\n年报<br>正文"));
    }
}
