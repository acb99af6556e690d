//! Rows whose numbers were printed a digit (or a few) a line, their blank cells a line each
//! (BeautifulSoup's `get_text("\n")` of a Word page, whose numbers are split over text runs:
//! `6` / `4` for 64): where each number ends is not printed, only the row's arithmetic tells.

use crate::model::Number;
use crate::tables::cells;
use crate::tables::rows::View;
use crate::tables::solve::Token;

/// Most splits of a row's runs tried (`split_row`).
const MAX_SPLITS: usize = 4096;

/// A number's digits as printed, its value: no leading zero but for `0` itself.
fn value_of(digits: &[char]) -> Option<i64> {
    if digits.is_empty() || digits.len() > 9 || (digits.len() > 1 && digits[0] == '0') {
        return None;
    }
    digits.iter().collect::<String>().parse().ok()
}

/// A cell of a split: blank, or the digits `[a, b)` of the run at token `tok`.
#[derive(Clone, Copy, PartialEq)]
enum Piece {
    Blank(usize),
    Digits { tok: usize, a: usize, b: usize },
}

/// Calls `f` with every split of `glued[k..]` (from digit `at` of token `k`) into exactly `n`
/// cells after `cells`: each blank a cell, each run cut into one number or more. `false` once
/// `f` says stop.
fn each_split(
    glued: &[Token],
    k: usize,
    at: usize,
    n: usize,
    cells: &mut Vec<Piece>,
    f: &mut impl FnMut(&[Piece]) -> bool,
) -> bool {
    if cells.len() > n {
        return true;
    }
    let Some(t) = glued.get(k) else {
        return cells.len() < n || f(cells);
    };
    let Token::Run { chars, .. } = t else {
        cells.push(Piece::Blank(k));
        let go_on = each_split(glued, k + 1, 0, n, cells, f);
        cells.pop();
        return go_on;
    };
    for b in at + 1..=chars.len() {
        cells.push(Piece::Digits { tok: k, a: at, b });
        let go_on = if b == chars.len() {
            each_split(glued, k + 1, 0, n, cells, f)
        } else {
            each_split(glued, k, b, n, cells, f)
        };
        cells.pop();
        if !go_on {
            return false;
        }
    }
    true
}

/// The digits of a piece.
fn digits_of(glued: &[Token], tok: usize, a: usize, b: usize) -> &[char] {
    match &glued[tok] {
        Token::Run { chars, .. } => &chars[a..b],
        Token::Fixed(_) => &[],
    }
}

/// The one split of `glued` (runs of digits and blank cells, `rows::glue_digit_lines`) into
/// `n` cells that adds up (the first `n - 1` to the last; a blank last adds up to anything),
/// each number a cell token; `None` where no split or several (giving other values) fit, or
/// too many were tried.
pub(super) fn split_row(glued: &[Token], n: usize) -> Option<Vec<Token>> {
    let values = |cells: &[Piece]| -> Option<Vec<Option<i64>>> {
        cells
            .iter()
            .map(|p| match *p {
                Piece::Blank(_) => Some(None),
                Piece::Digits { tok, a, b } => value_of(digits_of(glued, tok, a, b)).map(Some),
            })
            .collect()
    };
    let adds_up = |v: &[Option<i64>]| match v.last() {
        Some(Some(total)) => v[..v.len() - 1].iter().map(|x| x.unwrap_or(0)).sum::<i64>() == *total,
        _ => true,
    };
    let mut found: Option<(Vec<Piece>, Vec<Option<i64>>)> = None;
    let (mut settled, mut tried) = (true, 0usize);
    let done = each_split(glued, 0, 0, n, &mut Vec::with_capacity(n), &mut |cells| {
        tried += 1;
        if tried > MAX_SPLITS {
            return false;
        }
        if let Some(v) = values(cells).filter(|v| adds_up(v)) {
            match &found {
                Some((_, f)) if *f != v => {
                    settled = false;
                    return false;
                }
                Some(_) => {}
                None => found = Some((cells.to_vec(), v)),
            }
        }
        true
    });
    if !done || !settled {
        return None;
    }
    found.map(|(cells, _)| tokens_of(glued, &cells))
}

/// The cell tokens of a split: each number where its digits were printed.
fn tokens_of(glued: &[Token], cells: &[Piece]) -> Vec<Token> {
    cells
        .iter()
        .map(|p| match *p {
            Piece::Blank(k) => glued[k].clone(),
            Piece::Digits { tok, a, b } => {
                let Token::Run { start, gaps, .. } = &glued[tok] else { return glued[tok].clone() };
                // Where digit `k` was printed: past the line breaks before it.
                let at = |k: usize| start + k + gaps.iter().filter(|&&g| g <= k).count();
                let digits = digits_of(glued, tok, a, b);
                let raw: String = digits.iter().collect();
                let value = value_of(digits).map_or(Number::Int(0), Number::Int);
                Token::Fixed(cells::number(&raw, value, [at(a), at(b - 1) + 1], false))
            }
        })
        .collect()
}

/// Whether `[a, b)` prints numbers a digit a line or a digit a space apart (inscriptis sets a
/// Word page's text runs a space apart): every word holding a number is one digit or a decimal
/// point, and they are more than `cells` (a table's cells, each a word at most, if they were
/// numbers of their own).
pub(in crate::tables) fn digit_a_piece(v: &View, a: usize, b: usize, cells: usize) -> bool {
    let mut singles = 0;
    let b = b.min(v.chars.len());
    // (Line breaks are spaces too: words never run over lines.)
    for word in v.chars[a.min(b)..b].split(|c| cells::is_space(*c)).filter(|w| !w.is_empty()) {
        let numeric = word.iter().all(|c| is_piece(*c));
        match word.len() {
            1 if numeric => singles += 1,
            _ if numeric => return false,
            _ => {}
        }
    }
    singles > cells
}

/// A digit or a decimal point.
fn is_piece(c: char) -> bool {
    cells::fold(c).is_ascii_digit() || matches!(c, '.' | '．')
}

/// One table-2 cell printed a digit a piece right after its label (`5` / `9` / `4` / `9` / `.` /
/// `0` / `9`, or `5 9 4 9 . 0 9`): from the first token to the last, single digits or the decimal
/// point each one line break or one space apart (the same all through), read as one number.
/// `None` where they are not so.
pub(in crate::tables) fn one_number(v: &View, toks: &[Token], kind: cells::ColKind) -> Option<Token> {
    let (a, b) = (toks.first()?.span()[0], toks.last()?.span()[1]);
    let printed = v.chars.get(a..b)?;
    // Pieces at even places, one separator between each two.
    let sep = *printed.get(1)?;
    let pieces = printed.iter().step_by(2);
    let seps = printed.iter().skip(1).step_by(2);
    let shaped = printed.len() % 2 == 1 && matches!(sep, ' ' | '\n') && seps.clone().all(|c| *c == sep);
    // (Pieces an empty line apart are text blocks of their own, not runs of one number: a page's
    // number `1` before the cell `0` of pdftotext without `-layout` is no `10`.)
    let together = (a + 1..b).step_by(2).all(|k| !v.apart(k, k + 1));
    if !shaped || !together || !pieces.clone().all(|c| is_piece(*c)) {
        return None;
    }
    let raw: String = pieces.map(|c| cells::fold(*c)).collect();
    let number = raw.matches('.').count() <= 1 && !raw.starts_with('.') && !raw.ends_with('.');
    number.then(|| Token::Fixed(cells::parse_cell(&raw, [a, b], kind)))
}

/// The end of the line (its `\n`, or the text's end) holding `chars[from]` where every character
/// from `from` to it is an ASCII digit or a space, else `None`: one scan that stops at the first
/// other character, where most labels' lines end (they run into words), not at the line's end.
fn digits_to_line_end(chars: &[char], from: usize) -> Option<usize> {
    match chars[from..].iter().position(|&c| !(c.is_ascii_digit() || c == ' ')) {
        None => Some(chars.len()),
        Some(i) if chars[from + i] == '\n' => Some(from + i),
        Some(_) => None,
    }
}

/// What a row's line tells of its blank cells printed as no-break spaces (`marked_row`).
pub(in crate::tables) enum Marked {
    /// The line does not print its values so.
    No,
    /// Its values, a run of digits each word (cells glued together, `11` one number or two)
    /// and a blank cell each no-break space, in the order printed: as many cells as the row
    /// has at most, with digits enough to fill them.
    Row(Vec<Token>),
    /// It prints them so, but they make no row of the table's cells.
    Unfit,
}

/// The values of a row printed after its label (ending at `label_end`) on a line whose blank
/// cells are no-break spaces glued between the numbers (BeautifulSoup's `get_text()` of a Word
/// page: an empty cell's `<p>&nbsp;</p>` one each, the numbers of cells side by side run
/// together, `43␣11␣␣45` for 43 · 1 1 · · 45): after the label only digits and single spaces,
/// each space a run of no-break spaces only (`View::nbsp_runs_at`), one blank cell each, as are
/// those after the line's last word. Where the table is `marked` (another row printed so), a
/// line of digits only after its label is such a row too, none of its cells blank. `n`: the
/// row's cells.
pub(in crate::tables) fn marked_row(v: &View, label_end: usize, n: usize, marked: bool) -> Marked {
    let len = v.chars.len();
    if label_end > len {
        return Marked::No;
    }
    // (Most labels run into words: the line's start is looked for only past this check, a
    // flattened text's line being its whole text.)
    let Some(le) = digits_to_line_end(&v.chars, label_end) else { return Marked::No };
    let tail = &v.chars[label_end..le];
    let ls = v.chars[..label_end].iter().rposition(|&c| c == '\n').map_or(0, |i| i + 1);
    let run = |a: usize, b: usize| Token::Run {
        chars: v.chars[a..b].to_vec(),
        start: a,
        unit: String::new(),
        unit_len: 0,
        raw_len: b - a,
        gaps: Vec::new(),
    };
    let blank = |at: usize| Token::Fixed(cells::blank([at, at]));
    let Some(runs) = v.nbsp_runs_at(ls) else {
        // No mark on the line: in a marked table, a row printing every cell.
        if !marked || tail.is_empty() || tail.contains(&' ') {
            return Marked::No;
        }
        return if tail.len() >= n { Marked::Row(vec![run(label_end, le)]) } else { Marked::No };
    };
    let mut out = Vec::new();
    // A row from the line's start: the no-break spaces before its first word are blank cells.
    if label_end == ls {
        match runs.first() {
            Some(&0) => {}
            Some(&r) if (1..=n as u32).contains(&r) => out.extend((0..r).map(|_| blank(ls))),
            _ => return Marked::No,
        }
    }
    // The whitespace runs before the label's end: the next space is run `k + 1`.
    let mut k = v.chars[ls..label_end].iter().filter(|&&c| c == ' ').count();
    let fits = |r: u32| (1..=n as u32).contains(&r);
    let mut i = label_end;
    while i < le {
        if v.chars[i] == ' ' {
            k += 1;
            match runs.get(k) {
                Some(&r) if fits(r) => out.extend((0..r).map(|_| blank(i))),
                _ => return Marked::No,
            }
            i += 1;
        } else {
            let s = i;
            while i < le && v.chars[i] != ' ' {
                i += 1;
            }
            out.push(run(s, i));
        }
    }
    match runs.last() {
        Some(&0) => {}
        Some(&r) if fits(r) => out.extend((0..r).map(|_| blank(le))),
        _ => return Marked::No,
    }
    let blanks = out.iter().filter(|t| t.is_blank()).count();
    if blanks == 0 && !marked {
        return Marked::No;
    }
    let digits = tail.iter().filter(|c| c.is_ascii_digit()).count();
    if out.len() > n || blanks + digits < n {
        // (Blanks alone after the label, too few: its values may follow on lines of their own.)
        return if digits == 0 { Marked::No } else { Marked::Unfit };
    }
    Marked::Row(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str, start: usize) -> Token {
        let chars: Vec<char> = s.chars().collect();
        let n = chars.len();
        // One digit a line: a gap before every digit but the first.
        Token::Run { chars, start, unit: String::new(), unit_len: 0, raw_len: 2 * n - 1, gaps: (1..n).collect() }
    }

    fn blank(at: usize) -> Token {
        Token::Fixed(cells::blank([at, at]))
    }

    fn values(toks: &[Token]) -> Vec<Option<f64>> {
        toks.iter()
            .map(|t| match t {
                Token::Fixed(c) => c.value.map(Number::as_f64),
                Token::Run { .. } => Some(-1.0),
            })
            .collect()
    }

    #[test]
    fn the_one_split_that_adds_up() {
        // 6 / 4 · blank · blank · 2 · blank · 4 / 7 / 0: 64 _ _ 2 _ 4 70 (not 6 4 … or 47 0).
        let glued = [run("64", 0), blank(4), blank(6), run("2", 8), blank(10), run("470", 12)];
        let cells = split_row(&glued, 7).expect("settled");
        assert_eq!(values(&cells), [Some(64.0), None, None, Some(2.0), None, Some(4.0), Some(70.0)]);
        // The 70 printed on two lines: its span covers both.
        assert_eq!(cells[6].span(), [14, 17]);
    }

    #[test]
    fn a_blank_total_settles_nothing_the_count_leaves_open() {
        // 1 / 2 / 1 · three blanks · 2 · blank total: 12 1 or 1 21, the total no check.
        let glued = [run("121", 0), blank(6), blank(8), blank(10), run("2", 12), blank(14)];
        assert!(split_row(&glued, 7).is_none());
        // Forced by the count: 1 / 2 then five blanks: 1 2 and the blanks.
        let glued = [run("12", 0), blank(4), blank(5), blank(6), blank(7), blank(8)];
        assert_eq!(
            values(&split_row(&glued, 7).expect("forced")),
            [Some(1.0), Some(2.0), None, None, None, None, None]
        );
    }

    #[test]
    fn no_split_adds_up_or_several_do() {
        // 5 / 5 · four blanks · 9: 5 5 … 9 does not add up.
        let glued = [run("55", 0), blank(4), blank(5), blank(6), blank(7), run("9", 8)];
        assert!(split_row(&glued, 7).is_none());
        // 1 / 0 / 1 / 0 · four blanks: 1|0|10, 10|1|0 do not add up, 1|01|0 is no number.
        let glued = [run("1010", 0), blank(8), blank(9), blank(10), blank(11)];
        assert!(split_row(&glued, 7).is_none());
        // 1 / 1 · four blanks · 2: the count splits the 11 (1 1 … 2), and it adds up.
        let glued = [run("11", 0), blank(4), blank(5), blank(6), blank(7), run("2", 8)];
        assert_eq!(
            values(&split_row(&glued, 7).expect("settled")),
            [Some(1.0), Some(1.0), None, None, None, None, Some(2.0)]
        );
    }

    /// `one_number` of the values after the label line of `text` (a text input: its empty lines
    /// dropped from the view and recorded).
    fn one_after_label(text: &str) -> Option<f64> {
        let doc = crate::document::Document::assemble(crate::plain::parse_plain(text), crate::document::Format::Text);
        let v = View::with_blank_lines(&doc.text, doc.text.chars().collect(), &doc.blank_lines);
        let from = v.line_end(0);
        let toks = crate::tables::rows::tokenize(&v, from, v.chars.len(), None);
        one_number(&v, &toks, cells::ColKind::Count).and_then(|t| match t {
            Token::Fixed(c) => c.value.map(Number::as_f64),
            Token::Run { .. } => None,
        })
    }

    #[test]
    fn a_row_whose_blank_cells_are_marked_reads_them_in_place() {
        // `5.属于三类内部事务信息43␣11␣␣45` normalised to single spaces, its runs kept aside.
        let text = "5.属于三类内部事务信息43 11 45\n";
        let v = View::new(text).with_nbsp_runs(&[(0, vec![0, 1, 2, 0])]);
        let label_end = text.chars().position(|c| c == '4').expect("digits");
        let Marked::Row(toks) = marked_row(&v, label_end, 7, false) else { panic!("a marked row") };
        let shape: Vec<String> = toks.iter().map(|t| if t.is_blank() { "·".into() } else { t.raw() }).collect();
        assert_eq!(shape, ["43", "·", "11", "·", "·", "45"]);
        // Too few digits for the columns left (three blanks, six digits): no row of ten cells.
        assert!(matches!(marked_row(&v, label_end, 9, false), Marked::Row(_)));
        assert!(matches!(marked_row(&v, label_end, 10, false), Marked::Unfit));
        // Runs whose count the line no longer matches (normalisation joined or cut words) and a
        // run holding plain spaces tell nothing.
        let v = View::new(text).with_nbsp_runs(&[(0, vec![0, 1, 0])]);
        assert!(matches!(marked_row(&v, label_end, 7, false), Marked::No));
        let v = View::new(text).with_nbsp_runs(&[(0, vec![0, u32::MAX, 2, 0])]);
        assert!(matches!(marked_row(&v, label_end, 7, false), Marked::No));
        // No mark on the line: a row of digits only in a marked table (every cell printed).
        let v = View::new("（七）总计258848157122661\n");
        let at = "（七）总计".chars().count();
        assert!(matches!(marked_row(&v, at, 7, false), Marked::No));
        assert!(matches!(marked_row(&v, at, 7, true), Marked::Row(t) if t.len() == 1));
    }

    #[test]
    fn digits_to_line_end_is_the_line_end_of_digits_and_spaces() {
        // The way before: the line's end found first, then every character up to it checked.
        let before = |chars: &[char], from: usize| {
            let le = chars[from..].iter().position(|&c| c == '\n').map_or(chars.len(), |i| from + i);
            chars[from..le].iter().all(|c| c.is_ascii_digit() || *c == ' ').then_some(le)
        };
        let texts = [
            "",
            "\n",
            "12 3\n",
            "12 3",
            "（一）本年新收政府信息公开申请数量43 11 45\n（二）",
            "5 0 0 0 5\n\n6\n",
            "１２ 3\n",
            "12\u{a0}3\n4",
            " \n 1",
            "总计258848157122661",
            "7 7 a\n",
        ];
        for text in texts {
            let chars: Vec<char> = text.chars().collect();
            for from in 0..=chars.len() {
                assert_eq!(digits_to_line_end(&chars, from), before(&chars, from), "{text:?} from {from}");
            }
        }
    }

    #[test]
    fn pieces_an_empty_line_apart_are_no_one_number() {
        // BeautifulSoup's digits a line: one number.
        assert_eq!(one_after_label("行政事业性收费\n1\n0\n"), Some(10.0));
        // pdftotext without -layout: a page's number `1`, a text block of its own, before the
        // cell `0`: not 10.
        assert_eq!(one_after_label("行政事业性收费\n1\n\n0\n"), None);
    }
}
