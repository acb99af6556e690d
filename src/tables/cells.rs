//! Cell tokens (DOMAIN §8.5): numbers (ASCII or full-width, thousands
//! separators), blanks, not-applicable marks, signed changes, money with units.

use std::borrow::Cow;

use crate::document::Span;
use crate::model::{CellReading, CellState, Number};

/// What a column holds, which decides how units and signs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColKind {
    /// A count (件, 条, 笔 … may follow).
    Count,
    /// A signed change (2019 本年增/减, DOMAIN §3.2).
    Signed,
    /// Money whose value is given in yuan when the unit is known (2019 采购总金额).
    Yuan,
    /// Money in 万元 (2021 本年收费金额（单位：万元）).
    Wan,
}

impl ColKind {
    pub fn decimals(self) -> bool {
        matches!(self, ColKind::Yuan | ColKind::Wan)
    }
}

/// Not-applicable marks (DOMAIN §8.5, SPEC §4).
pub const NA_TOKENS: &[&str] =
    &["/", "／", "\\", "-", "－", "—", "——", "–", "―", "无", "不适用", "—/—", "暂无", "不涉及", "未发生"];

/// Words printed in a value cell for a number not given (`不详`, `见附件`): the cell is a value
/// no one can read, never a label.
pub const UNGIVEN: &[&str] =
    &["不详", "未知", "见附件", "见附表", "详见附件", "略", "待定", "待统计", "未统计", "暂缺", "空"];

/// Count units that may follow a number in a cell.
const COUNT_UNITS: &[&str] = &["件", "条", "笔", "个", "项", "人次", "次", "宗", "起", "人"];

/// Folds full-width ASCII (digits, signs, `．`, `，`) to half-width.
pub fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' => ' ',
        _ => c,
    }
}

pub fn is_space(c: char) -> bool {
    // No Unicode white space lies above U+3000: Han text skips the table lookup.
    if c > '\u{3000}' {
        return c == '\u{FEFF}';
    }
    c.is_whitespace() || c == '\u{00A0}' || c == '\u{3000}' || c == '\u{200B}'
}

/// A blank cell reading at `span`.
pub fn blank(span: Span) -> CellReading {
    CellReading { value: None, raw: String::new(), state: CellState::Blank, span, inferred: false, evidence: None }
}

/// A cell whose value could not be determined: `raw` is the evidence.
pub fn unknown(raw: &str, span: Span) -> CellReading {
    CellReading { value: None, raw: raw.to_string(), state: CellState::Text, span, inferred: false, evidence: None }
}

/// A number read as part of a split run.
pub fn number(raw: &str, value: Number, span: Span, inferred: bool) -> CellReading {
    let state = number_state(value);
    CellReading { value: Some(value), raw: raw.to_string(), state, span, inferred, evidence: None }
}

/// Parses a plain numeric string (ASCII digits, optional sign, optional
/// fraction, thousands separators) into a number; `None` if it is not one.
pub fn parse_plain_number(s: &str) -> Option<Number> {
    let s = s.trim();
    let (neg, body) = match s.chars().next()? {
        '-' => (true, &s[1..]),
        '+' => (false, &s[1..]),
        _ => (false, s),
    };
    plain_digits(neg, body.trim_start().as_bytes())
}

/// [`parse_plain_number`] of the text after its sign: digits, at most one `.` with a digit
/// after it, `,` before exactly three digits (none after the `.`), at most 18 digits and
/// dot in all. Every other byte (a non-ASCII one too) makes it no number.
pub(super) fn plain_digits(neg: bool, body: &[u8]) -> Option<Number> {
    if !body.first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    // The digits and the dot, without the separators: at most 18 of them.
    let mut kept = [0u8; 18];
    let mut n = 0usize;
    let mut seen_dot = false;
    for (i, &b) in body.iter().enumerate() {
        match b {
            b'0'..=b'9' => {}
            b'.' if !seen_dot && body.get(i + 1).is_some_and(u8::is_ascii_digit) => seen_dot = true,
            b',' => {
                // Thousands separator: exactly three digits follow before the next separator or end.
                let rest = body[i + 1..].iter().take_while(|b| b.is_ascii_digit()).count();
                if seen_dot || rest != 3 {
                    return None;
                }
                continue;
            }
            _ => return None,
        }
        *kept.get_mut(n)? = b;
        n += 1;
    }
    let digits = &kept[..n];
    let number = if seen_dot {
        let f: f64 = std::str::from_utf8(digits).ok()?.parse().ok()?;
        Number::Float(if neg { -f } else { f })
    } else {
        // At most 18 digits: no overflow.
        let i = digits.iter().fold(0i64, |v, &d| v * 10 + i64::from(d - b'0'));
        Number::Int(if neg { -i } else { i })
    };
    Some(number)
}

/// Scales a number by a factor, keeping integers integral where they stay so.
pub(super) fn scale(n: Number, factor: f64) -> Number {
    let f = n.as_f64() * factor;
    // Round away float noise from decimal scaling (12.5 * 10000).
    let rounded = (f * 1e6).round() / 1e6;
    Number::from_f64(rounded)
}

/// Reads one cell's text in a column of `kind`.
pub fn parse_cell(raw: &str, span: Span, kind: ColKind) -> CellReading {
    let (value, state) = cell_value(raw, kind);
    CellReading { value, raw: raw.trim_matches(is_space).to_string(), state, span, inferred: false, evidence: None }
}

/// The state of a cell's text as [`parse_cell`] reads it, without the reading (the grid
/// reader asks whether a cell is a value for each cell of its grids).
pub(crate) fn cell_state(raw: &str, kind: ColKind) -> CellState {
    cell_value(raw, kind).1
}

/// [`cell_state`] of a text whose [`is_empty_mark`] the caller already knows, `mark` (the grid
/// reader asks it of every cell first).
pub(crate) fn cell_state_marked(raw: &str, kind: ColKind, mark: bool) -> CellState {
    let digits_only = !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit());
    cell_value_of(raw, kind, digits_only, mark).1
}

/// [`parse_cell`]'s value and state.
fn cell_value(raw: &str, kind: ColKind) -> (Option<Number>, CellState) {
    // Most value cells print ASCII digits only: nothing to fold, and no space to split at.
    let digits_only = !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit());
    cell_value_of(raw, kind, digits_only, !digits_only && is_empty_mark(raw))
}

/// [`cell_value`] of `raw`, told whether it is ASCII digits only and whether it is an empty
/// mark (no text of digits only is).
fn cell_value_of(raw: &str, kind: ColKind, digits_only: bool, mark: bool) -> (Option<Number>, CellState) {
    if mark {
        return (None, CellState::Blank);
    }
    if !digits_only && is_label_text(raw) {
        return (None, CellState::Text);
    }
    // Nor anything to fold or drop in most other cells (`3件`, `12.5`): no copy of those either.
    let folded: Cow<'_, str> = if digits_only || raw.chars().all(|c| fold(c) == c && !is_space(c)) {
        Cow::Borrowed(raw)
    } else {
        // Folding only shortens a character: the raw text's length is room enough.
        let mut folded = String::with_capacity(raw.len());
        folded.extend(raw.chars().map(fold).filter(|c| !is_space(*c)));
        Cow::Owned(folded)
    };
    if !digits_only && splits_numbers(raw) {
        return (None, CellState::Text);
    }
    if folded.is_empty() {
        return (None, CellState::Blank);
    }
    if NA_TOKENS.contains(&&*folded) {
        return (None, CellState::Na);
    }
    // Zero written as a numeral (`零`, `〇`).
    if matches!(&*folded, "零" | "〇") {
        return (Some(Number::Int(0)), CellState::Zero);
    }
    // A number holds a digit (a label cell holds none).
    if !folded.bytes().any(|b| b.is_ascii_digit()) {
        return (None, CellState::Text);
    }
    match parse_number_text(&folded, kind).or_else(|| parse_number_text(&without_note(&folded)?, kind)) {
        Some(v) => (Some(v), number_state(v)),
        None => (None, CellState::Text),
    }
}

/// What data tools print for an empty cell: pandas' `nan` / `NaN` / `<NA>` (`read_html` of a page,
/// then `to_markdown`, `to_string`, `to_csv`), Python's `None`; and the placeholder a Word
/// content control shows while nothing was entered in it (`单击或点击此处输入文字。`), which a
/// PDF, a `.doc` or a text made of the file prints. The cell is blank.
pub(crate) fn is_empty_mark(raw: &str) -> bool {
    raw.len() <= MAX_EMPTY_MARK && {
        let t = raw.trim_matches(is_space);
        matches!(t, "nan" | "NaN" | "NAN" | "<NA>" | "None") || placeholders_only(t)
    }
}

/// Whether a text is Word placeholders only, one or more (a `.doc` converted from the file may
/// print a control's placeholder several times over).
fn placeholders_only(mut t: &str) -> bool {
    let mut any = false;
    while let Some(rest) = PLACEHOLDERS.iter().find_map(|p| t.strip_prefix(p)) {
        t = rest.trim_start_matches(['。', '.']).trim_start_matches(is_space);
        any = true;
    }
    any && t.is_empty()
}

/// The placeholders of Word's content controls (Chinese and English Word), their full stop left
/// out.
const PLACEHOLDERS: &[&str] = &[
    "单击或点击此处输入文字",
    "单击此处输入文字",
    "点击或轻击此处以输入文本",
    "Click or tap here to enter text",
    "Click here to enter text",
];

/// Longest text (bytes) `is_empty_mark` compares: a placeholder printed a few times over.
const MAX_EMPTY_MARK: usize = 256;

/// The most characters other than spaces of a word [`cell_value`] reads as a value without a
/// digit: `NA_TOKENS` (`不适用`, `—/—`), `零`, `〇`.
const MAX_VALUE_WORD: usize = 3;

/// A cell text [`cell_value`] reads as `Text` for want of a digit, told without folding it (most
/// label cells): no digit, ASCII or full-width, and more characters other than spaces than any
/// word read as a value has.
fn is_label_text(raw: &str) -> bool {
    let mut n = 0usize;
    for c in raw.chars() {
        if c.is_ascii_digit() || ('０'..='９').contains(&c) {
            return false;
        }
        n += usize::from(!is_space(c));
    }
    n > MAX_VALUE_WORD
}

/// A folded cell text without its notes in brackets (`3(含2件转办)`, `5(注)`), when the note
/// follows a number and is words: `None` where there is no such note (`3(2)` says too little to
/// tell which number is the cell's).
fn without_note(folded: &str) -> Option<String> {
    let at = folded.find('(')?;
    if !folded[..at].bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut out = String::with_capacity(folded.len());
    let mut depth = 0usize;
    let mut words = false;
    for c in folded.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            c => words |= ('\u{4E00}'..='\u{9FFF}').contains(&c),
        }
    }
    words.then_some(out)
}

/// Digits on both sides of a space or line break are several numbers (`69 3 665`, `4<br>0`),
/// never one: such a cell is read as text, and its values by the table readers.
fn splits_numbers(raw: &str) -> bool {
    let trimmed = raw.trim_matches(is_space);
    // Without a space inside (folding makes none), it is one word at most.
    if !trimmed.chars().any(is_space) {
        return false;
    }
    let spaced = trimmed.chars().map(fold).collect::<Vec<char>>();
    spaced.windows(3).any(|w| w[0].is_ascii_digit() && is_space(w[1]) && w[2].is_ascii_digit())
        || spaced.split(|c| is_space(*c)).filter(|w| !w.is_empty()).count() > 1
            && spaced.iter().filter(|c| c.is_ascii_digit()).count() > 0
            && spaced.split(|c| is_space(*c)).filter(|w| !w.is_empty()).all(|w| w.iter().any(char::is_ascii_digit))
}

/// A cell's text without the words that make its number approximate (`约3`, `3余`, `近3件`):
/// such a cell prints a value, though not one a table can hold.
pub fn strip_approx(s: &str) -> &str {
    trim_units(s.trim_start_matches(['约', '近', '逾', '超'])).trim_end_matches(['余', '多', '左', '右', '以', '上'])
}

/// `s` without the count units at its end (`3件` → `3`, `3人次` → `3`), character by character.
fn trim_units(s: &str) -> &str {
    s.trim_end_matches(|c| COUNT_UNITS.iter().any(|u| u.starts_with(c)))
}

/// A number made approximate by a word (`约3`, `3余件`, `近3`): no value a table holds.
pub fn is_approximate(s: &str) -> bool {
    let bare = strip_approx(s);
    bare.len() < trim_units(s).len() && !bare.is_empty() && bare.bytes().all(|b| b.is_ascii_digit())
}

/// A unit alone (`万元`, `件`): what a cell printing only it holds is no value.
pub fn is_unit(s: &str) -> bool {
    matches!(s, "万元" | "元") || COUNT_UNITS.contains(&s)
}

/// Whether `s` holds a digit, ASCII or full-width (`３`), looked for byte by byte.
pub fn has_digit(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &x)| {
        x.is_ascii_digit()
            || (x == 0xEF && b.get(i + 1) == Some(&0xBC) && b.get(i + 2).is_some_and(|y| (0x90..=0x99).contains(y)))
    })
}

/// A footnote mark or punctuation printed after a cell's number, not part of it.
fn is_mark_after_number(c: char) -> bool {
    matches!(c, '*' | '＊' | '※' | '。' | '.' | ',' | '、' | ';' | '；') || ('\u{2460}'..='\u{2473}').contains(&c)
}

/// A value's state: zero or a number.
fn number_state(v: Number) -> CellState {
    if v.as_f64() == 0.0 {
        CellState::Zero
    } else {
        CellState::Number
    }
}

/// A folded, space-free cell text → its value in the column's unit.
pub fn parse_number_text(s: &str, kind: ColKind) -> Option<Number> {
    let mut s = s;
    let mut sign = 1.0;
    for (word, sg) in [("增加", 1.0), ("减少", -1.0), ("新增", 1.0), ("增", 1.0), ("减", -1.0)] {
        if let Some(rest) = s.strip_prefix(word) {
            s = rest;
            sign = sg;
            break;
        }
    }
    // A footnote mark or a stray full stop after the number (`3*`, `3①`, `3。`).
    let s = s.trim_end_matches(is_mark_after_number);
    let mut factor = 1.0;
    let mut stripped = s;
    if let Some(rest) = s.strip_suffix("万元") {
        stripped = rest;
        factor = match kind {
            ColKind::Wan => 1.0,
            _ => 10000.0,
        };
    } else if let Some(rest) = s.strip_suffix('元') {
        stripped = rest;
        factor = match kind {
            ColKind::Wan => 1.0 / 10000.0,
            _ => 1.0,
        };
    } else {
        for unit in COUNT_UNITS {
            if let Some(rest) = s.strip_suffix(unit) {
                stripped = rest;
                break;
            }
        }
    }
    let n = parse_plain_number(stripped)?;
    let n = if sign < 0.0 { scale(n, -1.0) } else { n };
    Some(if factor == 1.0 { n } else { scale(n, factor) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(raw: &str, kind: ColKind) -> (Option<f64>, &'static str) {
        let c = parse_cell(raw, [0, 0], kind);
        (c.value.map(Number::as_f64), c.state.as_str())
    }

    #[test]
    fn a_word_placeholder_is_a_blank_cell() {
        assert_eq!(v("单击或点击此处输入文字。", ColKind::Count), (None, "blank"));
        assert_eq!(v(" Click or tap here to enter text. ", ColKind::Count), (None, "blank"));
        assert_eq!(v(&"单击或点击此处输入文字。".repeat(4), ColKind::Count), (None, "blank"));
        // With a value or other words: not a placeholder only.
        assert_eq!(v("单击或点击此处输入文字。3", ColKind::Count).1, "text");
        assert_eq!(v("单击或点击此处输入文字的说明", ColKind::Count).1, "text");
    }

    #[test]
    fn words_read_as_values_are_short_and_label_text_is_text() {
        for w in NA_TOKENS.iter().chain(&["零", "〇"]) {
            assert!(w.chars().count() <= MAX_VALUE_WORD, "{w}");
        }
        assert!(is_label_text("（一）予以公开") && !is_label_text("３件以上") && !is_label_text(" 不 适 用 "));
        assert_eq!(cell_value(" 不 适 用 ", ColKind::Signed).1, CellState::Na);
        assert_eq!(cell_value("\u{3000}—/—", ColKind::Signed).1, CellState::Na);
    }

    #[test]
    fn is_space_is_white_space_and_the_invisible_spaces() {
        // Every char: the fast path above U+3000 agrees with the Unicode definition.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let expected = c.is_whitespace() || matches!(c, '\u{00A0}' | '\u{3000}' | '\u{200B}' | '\u{FEFF}');
            assert_eq!(is_space(c), expected, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn digit_cells_read_as_the_general_path_reads_them() {
        // ASCII digits take the fast path; the same digits with a space or in full width
        // take the general one, and both give the same reading.
        for raw in ["0", "7", "00", "012", "1234", "999999999999", "12345678901234567890"] {
            for kind in [ColKind::Count, ColKind::Signed, ColKind::Yuan, ColKind::Wan] {
                let fast = parse_cell(raw, [3, 9], kind);
                let wide: String = raw.chars().map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)).collect();
                let general = parse_cell(&wide, [3, 9], kind);
                assert_eq!((fast.value, fast.state, fast.span), (general.value, general.state, general.span), "{raw}");
                assert_eq!(fast.raw, raw);
                let padded = parse_cell(&format!(" {raw}\u{3000}"), [3, 9], kind);
                assert_eq!((fast.value, fast.state, fast.raw), (padded.value, padded.state, padded.raw), "{raw}");
            }
        }
    }

    #[test]
    fn tokens() {
        // (cell, column kind, value, state)
        let cases: &[(&str, ColKind, Option<f64>, &str)] = &[
            ("\u{a0}", ColKind::Count, None, "blank"),
            ("0", ColKind::Count, Some(0.0), "zero"),
            ("１２３", ColKind::Count, Some(123.0), "number"),
            ("1,234", ColKind::Count, Some(1234.0), "number"),
            ("/", ColKind::Count, None, "na"),
            ("—", ColKind::Count, None, "na"),
            ("不适用", ColKind::Count, None, "na"),
            ("-8", ColKind::Signed, Some(-8.0), "number"),
            ("－8", ColKind::Signed, Some(-8.0), "number"),
            ("减少8", ColKind::Signed, Some(-8.0), "number"),
            ("+3", ColKind::Signed, Some(3.0), "number"),
            ("增加3", ColKind::Signed, Some(3.0), "number"),
            ("251000元", ColKind::Yuan, Some(251000.0), "number"),
            ("12.5万元", ColKind::Yuan, Some(125000.0), "number"),
            ("12.5万元", ColKind::Wan, Some(12.5), "number"),
            ("5949.09", ColKind::Wan, Some(5949.09), "number"),
            ("2笔", ColKind::Count, Some(2.0), "number"),
            ("若干", ColKind::Count, None, "text"),
            // What data tools print for an empty cell (pandas, Python).
            ("nan", ColKind::Count, None, "blank"),
            (" NaN ", ColKind::Signed, None, "blank"),
            ("<NA>", ColKind::Count, None, "blank"),
            ("None", ColKind::Wan, None, "blank"),
            ("nano", ColKind::Count, None, "text"),
            // Zero as a numeral, marks and notes after a number, units of people.
            ("零", ColKind::Count, Some(0.0), "zero"),
            ("〇", ColKind::Count, Some(0.0), "zero"),
            ("12*", ColKind::Count, Some(12.0), "number"),
            ("12①", ColKind::Count, Some(12.0), "number"),
            ("12。", ColKind::Count, Some(12.0), "number"),
            ("12人次", ColKind::Count, Some(12.0), "number"),
            ("12（含3件转办）", ColKind::Count, Some(12.0), "number"),
            ("12件(注)", ColKind::Count, Some(12.0), "number"),
            ("5949.09(万元)", ColKind::Wan, Some(5949.09), "number"),
            // A number in brackets alone, or an approximate one, is no value a table holds.
            ("（12）", ColKind::Count, None, "text"),
            ("[12]", ColKind::Count, None, "text"),
            ("12[3]", ColKind::Count, None, "text"),
            ("12(3)", ColKind::Count, None, "text"),
            ("约12", ColKind::Count, None, "text"),
            ("12余", ColKind::Count, None, "text"),
        ];
        for &(raw, kind, value, state) in cases {
            assert_eq!(v(raw, kind), (value, state), "{raw}");
        }
        assert!(is_approximate("约12") && is_approximate("12余件") && is_approximate("近12"));
        assert!(!is_approximate("12件") && !is_approximate("12") && !is_approximate("约"));
        assert!(has_digit("（３）") && has_digit("x7") && !has_digit("不详") && !has_digit("（一）"));
    }
}
