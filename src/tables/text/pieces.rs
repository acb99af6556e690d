//! Rows whose numbers were printed a digit (or a few) a line, their blank cells a line each
//! (BeautifulSoup's `get_text("\n")` of a Word page, whose numbers are split over text runs:
//! `6` / `4` for 64): where each number ends is not printed, only the row's arithmetic tells.

use crate::model::Number;
use crate::tables::cells;
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

/// The cuts of a run of `len` digits into `parts` numbers: each the start of every part but
/// the first.
fn cuts(len: usize, parts: usize, from: usize, out: &mut Vec<usize>, f: &mut impl FnMut(&[usize]) -> bool) -> bool {
    if parts == 1 {
        return f(out);
    }
    for c in from..len {
        if len - c < parts - 1 {
            break;
        }
        out.push(c);
        let go_on = cuts(len, parts - 1, c + 1, out, f);
        out.pop();
        if !go_on {
            return false;
        }
    }
    true
}

/// The one split of `glued` (runs of digits and blank cells, `rows::glue_digit_lines`) into
/// `n` cells that adds up (the first `n - 1` to the last; a blank last adds up to anything),
/// each number a cell token; `None` where no split or several (giving other values) fit, or
/// too many were tried.
pub(super) fn split_row(glued: &[Token], n: usize) -> Option<Vec<Token>> {
    let runs: Vec<usize> = (0..glued.len()).filter(|&i| matches!(glued[i], Token::Run { .. })).collect();
    let blanks = glued.len() - runs.len();
    let need = n.checked_sub(blanks)?;
    let lens: Vec<usize> = runs
        .iter()
        .map(|&i| match &glued[i] {
            Token::Run { chars, .. } => chars.len(),
            Token::Fixed(_) => 0,
        })
        .collect();
    // Parts per run, then cuts per run: every way of making `need` numbers.
    let mut found: Option<Vec<Vec<usize>>> = None;
    let mut settled = true;
    let mut tried = 0usize;
    let mut parts = vec![1usize; runs.len()];
    let row_of = |all_cuts: &[Vec<usize>]| -> Option<Vec<Option<i64>>> {
        let mut values = Vec::with_capacity(n);
        let mut r = 0;
        for t in glued {
            match t {
                Token::Run { chars, .. } => {
                    let c = &all_cuts[r];
                    let bounds: Vec<usize> = std::iter::once(0).chain(c.iter().copied()).chain([chars.len()]).collect();
                    for w in bounds.windows(2) {
                        values.push(Some(value_of(&chars[w[0]..w[1]])?));
                    }
                    r += 1;
                }
                Token::Fixed(_) => values.push(None),
            }
        }
        Some(values)
    };
    let adds_up = |v: &[Option<i64>]| match v.last() {
        Some(Some(total)) => v[..v.len() - 1].iter().map(|x| x.unwrap_or(0)).sum::<i64>() == *total,
        _ => true,
    };
    // Each run's number of parts, in odometer order.
    loop {
        if parts.iter().sum::<usize>() == need && parts.iter().zip(&lens).all(|(p, l)| p <= l) {
            // Every cut of every run for these part counts.
            let mut stack: Vec<Vec<usize>> = Vec::new();
            let ok = each_cuts(&lens, &parts, 0, &mut stack, &mut |cs| {
                tried += 1;
                if tried > MAX_SPLITS {
                    return false;
                }
                if let Some(values) = row_of(cs) {
                    if values.len() == n && adds_up(&values) {
                        match &found {
                            Some(f) => {
                                if row_of(f) != Some(values) {
                                    settled = false;
                                    return false;
                                }
                            }
                            None => found = Some(cs.to_vec()),
                        }
                    }
                }
                true
            });
            if !ok && tried > MAX_SPLITS {
                return None;
            }
            if !settled {
                return None;
            }
        }
        // Next part counts.
        let mut k = 0;
        loop {
            if k == parts.len() {
                return found.map(|cs| tokens_of(glued, &cs));
            }
            parts[k] += 1;
            if parts[k] <= lens[k] && parts.iter().sum::<usize>() <= need {
                break;
            }
            parts[k] = 1;
            k += 1;
        }
    }
}

/// Calls `f` with the cuts of every run (`lens`, `parts` each) from run `k` on.
fn each_cuts(
    lens: &[usize],
    parts: &[usize],
    k: usize,
    stack: &mut Vec<Vec<usize>>,
    f: &mut impl FnMut(&[Vec<usize>]) -> bool,
) -> bool {
    if k == lens.len() {
        return f(stack);
    }
    let mut out = Vec::new();
    cuts(lens[k], parts[k], 1, &mut out, &mut |c| {
        stack.push(c.to_vec());
        let go_on = each_cuts(lens, parts, k + 1, stack, f);
        stack.pop();
        go_on
    })
}

/// The cell tokens of `glued` cut at `all_cuts`: each number where its digits were printed.
fn tokens_of(glued: &[Token], all_cuts: &[Vec<usize>]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut r = 0;
    for t in glued {
        match t {
            Token::Run { chars, start, gaps, .. } => {
                // Where digit `k` was printed: past the line breaks before it.
                let at = |k: usize| start + k + gaps.iter().filter(|&&g| g <= k).count();
                let bounds: Vec<usize> =
                    std::iter::once(0).chain(all_cuts[r].iter().copied()).chain([chars.len()]).collect();
                for w in bounds.windows(2) {
                    let raw: String = chars[w[0]..w[1]].iter().collect();
                    let value = value_of(&chars[w[0]..w[1]]).map_or(Number::Int(0), Number::Int);
                    out.push(Token::Fixed(cells::number(&raw, value, [at(w[0]), at(w[1] - 1) + 1], false)));
                }
                r += 1;
            }
            Token::Fixed(_) => out.push(t.clone()),
        }
    }
    out
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
}
