//! Placing a row's tokens in the template's columns and splitting glued digit
//! runs (SPEC §4, DOMAIN §7, §8.2): only where the arithmetic (row total =
//! sum of parts, column balance, results total, table-4 group sums) and the
//! numbers the prose states leave exactly one answer. Never guesses.
//!
//! Bounded: a row is split by depth-first search that prunes at every group
//! total (the total is not branched on, it must equal the sum), under a node
//! budget; cross-row constraints use sum-sets with a size cap, and a joint
//! enumeration only when the product of remaining candidates is small.
//!
//! Here: one row's placements and the settled cells; `equations` narrows them across rows.

use crate::document::Span;
use crate::model::{CellReading, Number};

use super::cells::{self, ColKind};

mod equations;

pub(super) use equations::{joint_columns, propagate, satisfiable, Equation, T3Rows};

/// Longest integer part a cell may have (10^9 requests is beyond any report).
const MAX_INT_DIGITS: usize = 9;
/// Longest fraction a money cell may have.
const MAX_FRAC_DIGITS: usize = 6;
/// Search budget per row, in visited nodes.
const NODE_BUDGET: usize = 100_000;
/// Most candidates kept per row.
const MAX_CANDIDATES: usize = 1_024;
/// Largest sum-set built while propagating a column equation.
const MAX_SUMSET: usize = 4_096;
/// Largest joint enumeration over ambiguous rows.
const MAX_JOINT: usize = 50_000;

/// One token of a row: a run of characters holding one or more cells.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Token {
    /// Digits (optionally a leading sign, a decimal point, a unit suffix) that may hold several glued cells.
    /// `gaps`: indices of `chars` printed after a space (a number's pieces a space apart in
    /// one column, `2 7 9 8`); empty for digits printed together.
    Run { chars: Vec<char>, start: usize, unit: String, unit_len: usize, raw_len: usize, gaps: Vec<usize> },
    /// Exactly one cell, already read (a blank pipe cell, `/`, `1,234`, a grid cell).
    Fixed(CellReading),
}

impl Token {
    fn digits(&self) -> usize {
        match self {
            Token::Run { chars, .. } => chars.iter().filter(|c| c.is_ascii_digit()).count(),
            Token::Fixed(_) => 1,
        }
    }
    pub(super) fn span(&self) -> Span {
        match self {
            Token::Run { start, raw_len, .. } => [*start, *start + *raw_len],
            Token::Fixed(c) => c.span,
        }
    }
    /// A blank cell (an empty line or pipe cell read as one).
    pub(super) fn is_blank(&self) -> bool {
        matches!(self, Token::Fixed(c) if c.state == crate::model::CellState::Blank)
    }

    /// Whether the token is a cell printed blank or marked as not applying (`-`, `/`).
    pub(super) fn no_value(&self) -> bool {
        use crate::model::CellState;
        matches!(self, Token::Fixed(c) if matches!(c.state, CellState::Blank | CellState::Na))
    }

    /// Appends the digits of run `next`, printed one character (a space or a line break) after
    /// this run ends: pieces of one number (`gaps` marks where each starts).
    pub(super) fn push_piece(&mut self, next: &Token) {
        if let (
            Token::Run { chars, start, raw_len, gaps, .. },
            Token::Run { chars: more, start: s2, raw_len: l2, .. },
        ) = (self, next)
        {
            gaps.push(chars.len());
            chars.extend_from_slice(more);
            *raw_len = s2 + l2 - *start;
        }
    }

    pub(super) fn raw(&self) -> String {
        match self {
            Token::Run { chars, unit, .. } => chars.iter().collect::<String>() + unit,
            Token::Fixed(c) => c.raw.clone(),
        }
    }

    /// The characters of [`Token::raw`], without writing them out.
    pub(super) fn raw_chars(&self) -> impl Iterator<Item = char> + '_ {
        let (run, rest): (&[char], &str) = match self {
            Token::Run { chars, unit, .. } => (chars, unit),
            Token::Fixed(c) => (&[], &c.raw),
        };
        run.iter().copied().chain(rest.chars())
    }
}

/// Where a column's cell comes from in one candidate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Slot {
    /// Characters `a..b` of run token `tok`, read as `value`.
    Part { tok: usize, a: usize, b: usize, value: Number },
    /// The whole fixed token `tok`.
    Fixed { tok: usize },
    /// A blank the text dropped.
    Blank,
}

pub(super) type Cand = Vec<Slot>;

/// A row's shape: column kinds and sum groups `(first, total)` meaning
/// `cols[first..total]` add up to `cols[total]`.
#[derive(Debug, Clone, Copy)]
pub(super) struct RowSpec<'a> {
    pub kinds: &'a [ColKind],
    pub groups: &'a [(usize, usize)],
    /// A total the text dropped while its parts are printed is an omitted total
    /// (table 3, DOMAIN §7.4): a placement may leave it blank.
    pub omitted_totals: bool,
    /// The tokens stand one a cell in column order (a grid row), not in an order the text may
    /// have changed (`misordered` does not apply).
    pub in_order: bool,
    /// The row prints every cell, its blanks marked (`RawBlock::NbspRuns`): no placement drops a
    /// blank; its runs may still hold several cells glued together.
    pub every_cell: bool,
}

/// The numeric value of a slot for arithmetic: blank and `na` are 0, text unknown.
pub(super) fn slot_value(tokens: &[Token], s: &Slot) -> Option<f64> {
    match s {
        Slot::Part { value, .. } => Some(value.as_f64()),
        Slot::Blank => Some(0.0),
        Slot::Fixed { tok } => match &tokens[*tok] {
            Token::Fixed(c) if c.state.counts_as_zero() => Some(0.0),
            Token::Fixed(c) => c.value.map(Number::as_f64),
            Token::Run { .. } => None,
        },
    }
}

struct Search<'a> {
    tokens: &'a [Token],
    spec: RowSpec<'a>,
    blanks: bool,
    /// Runs may be split into several cells (glued digits).
    split: bool,
    constrained: bool,
    nodes: usize,
    out: Vec<Cand>,
    overflow: bool,
    /// Digits left from token `i` onwards.
    digits_from: Vec<usize>,
    /// Most digits columns `col..` can hold (each a maximal number).
    room_from: Vec<usize>,
}

impl<'a> Search<'a> {
    fn new(tokens: &'a [Token], spec: RowSpec<'a>, blanks: bool, split: bool, constrained: bool) -> Search<'a> {
        let mut digits_from = vec![0; tokens.len() + 1];
        for i in (0..tokens.len()).rev() {
            digits_from[i] = digits_from[i + 1] + tokens[i].digits();
        }
        let mut room_from = vec![0; spec.kinds.len() + 1];
        for (c, k) in spec.kinds.iter().enumerate().rev() {
            room_from[c] = room_from[c + 1] + MAX_INT_DIGITS + if k.decimals() { MAX_FRAC_DIGITS } else { 0 };
        }
        Search {
            tokens,
            spec,
            blanks,
            split,
            constrained,
            nodes: 0,
            out: Vec::new(),
            overflow: false,
            digits_from,
            room_from,
        }
    }
}

/// Reads part `a..b` of a run token as a value, if it is a well-formed number for `kind`.
fn part_value(chars: &[char], a: usize, b: usize, kind: ColKind, unit: Option<&str>) -> Option<Number> {
    let part = &chars[a..b];
    let (sign, body) = match part.first() {
        Some('-') => (-1.0, &part[1..]),
        Some('+') => (1.0, &part[1..]),
        _ => (1.0, part),
    };
    if sign < 0.0 && a != 0 {
        return None;
    }
    if body.is_empty() || !body[0].is_ascii_digit() || !body[body.len() - 1].is_ascii_digit() {
        return None;
    }
    let dot = body.iter().position(|&c| c == '.');
    let int_len = dot.unwrap_or(body.len());
    if int_len > MAX_INT_DIGITS || (int_len > 1 && body[0] == '0') {
        return None;
    }
    if let Some(d) = dot {
        if !kind.decimals() || body.len() - d - 1 > MAX_FRAC_DIGITS {
            return None;
        }
    }
    if unit.is_none() && body.len() <= 32 {
        // Digits between digits, no unit: the plain number `parse_number_text` would read
        // (no prefix word nor unit can match), without writing the text out. A character
        // other than ASCII is no number there either.
        let mut bytes = [0u8; 32];
        for (b, &c) in bytes.iter_mut().zip(body) {
            *b = if c.is_ascii() { c as u8 } else { 0xFF };
        }
        return cells::plain_digits(sign < 0.0, &bytes[..body.len()]);
    }
    let mut text: String = body.iter().collect();
    if sign < 0.0 {
        text.insert(0, '-');
    }
    if let Some(u) = unit {
        text.push_str(u);
    }
    cells::parse_number_text(&text, kind)
}

impl Search<'_> {
    fn run(&mut self, tok: usize, off: usize, col: usize, cur: &mut Cand) {
        if self.overflow {
            return;
        }
        self.nodes += 1;
        if self.nodes > NODE_BUDGET || self.out.len() >= MAX_CANDIDATES {
            self.overflow = true;
            return;
        }
        let n = self.spec.kinds.len();
        if col == n {
            if tok == self.tokens.len() {
                self.out.push(cur.clone());
            }
            return;
        }
        let cols_left = n - col;
        let toks_left = self.tokens.len() - tok;
        if cols_left < toks_left {
            return;
        }
        let digits_left = self.digits_from.get(tok).copied().unwrap_or(0).saturating_sub(off);
        if !self.blanks && cols_left > digits_left.max(toks_left) {
            return;
        }
        // Each column holds at most a maximal number: too many digits left cannot fit.
        if digits_left > self.room_from[col] {
            return;
        }
        let kind = self.spec.kinds[col];
        if self.blanks && cols_left > toks_left {
            self.try_slot(Slot::Blank, tok, off, col, cur);
        }
        if tok >= self.tokens.len() {
            return;
        }
        match &self.tokens[tok] {
            Token::Fixed(_) => self.try_slot(Slot::Fixed { tok }, tok + 1, 0, col, cur),
            Token::Run { chars, unit, .. } => {
                let len = chars.len();
                let max = (len - off).min(MAX_INT_DIGITS + MAX_FRAC_DIGITS + 2);
                let min = if self.split { 1 } else { len - off };
                for l in min..=max {
                    let b = off + l;
                    let last = b == len;
                    let u = if last && !unit.is_empty() { Some(unit.as_str()) } else { None };
                    let Some(value) = part_value(chars, off, b, kind, u) else { continue };
                    let (nt, no) = if last { (tok + 1, 0) } else { (tok, b) };
                    self.try_slot(Slot::Part { tok, a: off, b, value }, nt, no, col, cur);
                    if self.overflow {
                        return;
                    }
                }
            }
        }
    }

    fn try_slot(&mut self, slot: Slot, nt: usize, no: usize, col: usize, cur: &mut Cand) {
        cur.push(slot);
        if !self.constrained || self.group_ok(col, cur) {
            self.run(nt, no, col + 1, cur);
        }
        cur.pop();
    }

    /// Whether the group whose total is `col` (if any) adds up. A group holding a value no one
    /// can read (`?`) cannot be checked: it is admitted only in a row printing every cell, with
    /// no run of digits split, for nothing would confirm where a split or a dropped blank goes
    /// (nor, blanks dropped, where the group ends).
    fn group_ok(&self, col: usize, cur: &Cand) -> bool {
        for &(first, total) in self.spec.groups {
            if total != col {
                continue;
            }
            let as_printed = || !self.blanks && !cur[first..=total].iter().any(|s| part_of_run(self.tokens, s));
            let mut sum = 0.0;
            for s in &cur[first..total] {
                match slot_value(self.tokens, s) {
                    Some(v) => sum += v,
                    None => return as_printed(),
                }
            }
            if self.blanks && self.spec.omitted_totals && cur[col] == Slot::Blank && sum != 0.0 {
                return true;
            }
            return match slot_value(self.tokens, &cur[col]) {
                Some(t) => (t - sum).abs() < 1e-6,
                None => as_printed(),
            };
        }
        true
    }
}

/// The outcome of placing one row.
#[derive(Debug, Clone)]
pub(super) struct RowSolve {
    pub cands: Vec<Cand>,
    /// The search ran out of budget: the row is unreadable.
    pub overflow: bool,
}

fn search(tokens: &[Token], spec: RowSpec, blanks: bool, split: bool, constrained: bool) -> RowSolve {
    let mut s = Search::new(tokens, spec, blanks, split, constrained);
    let mut cur = Vec::with_capacity(spec.kinds.len());
    s.run(0, 0, 0, &mut cur);
    RowSolve { cands: s.out, overflow: s.overflow }
}

/// All placements of a row that the row's own arithmetic admits: full-width
/// placements first; if the text cannot fill every column, placements with
/// dropped blanks. A row whose explicit reading breaks its own sum is kept as printed.
pub(super) fn solve_row(tokens: &[Token], spec: RowSpec) -> RowSolve {
    if tokens.is_empty() {
        // A row that prints no value: every cell is blank.
        return RowSolve { cands: vec![vec![Slot::Blank; spec.kinds.len()]], overflow: false };
    }
    let total_digits: usize = tokens.iter().map(Token::digits).sum();
    if tokens.is_empty() || total_digits > spec.kinds.len() * (MAX_INT_DIGITS + MAX_FRAC_DIGITS) {
        return RowSolve { cands: Vec::new(), overflow: !tokens.is_empty() };
    }
    let full = search(tokens, spec, false, true, true);
    if full.overflow || !full.cands.is_empty() {
        return full;
    }
    if spec.every_cell {
        // A row whose sums do not hold under any split: as printed where only one split of its
        // runs fills the columns (a total one off), else not known.
        let plain = search(tokens, spec, false, true, false);
        if plain.overflow || plain.cands.len() == 1 {
            return plain;
        }
        return RowSolve { cands: Vec::new(), overflow: false };
    }
    if tokens.len() == spec.kinds.len() && (spec.in_order || !misordered(tokens, spec)) {
        // One cell per token, as printed, even though its sums do not hold.
        let plain = search(tokens, spec, false, false, false);
        if plain.cands.len() == 1 {
            return plain;
        }
    }
    if tokens.len() < spec.kinds.len() {
        // Blank cells the text dropped, each printed number whole; only when no such
        // placement fits, numbers glued as well as blanks dropped.
        let mut whole = search(tokens, spec, true, false, true);
        if whole.overflow {
            return whole;
        }
        if whole.cands.is_empty() {
            return search(tokens, spec, true, true, true);
        }
        // Every such placement leaves a total out, while a run of digits may hold cells glued
        // together, the total among them (`6651 1376` = 66 5 1 · 1 3 76): the placements that
        // split runs and print the total stand beside them, so the total is not settled blank.
        let glued_run = tokens.iter().any(|t| matches!(t, Token::Run { .. }) && t.digits() > 1);
        if glued_run && spec.groups.iter().any(|&(first, total)| omitted_total_only(tokens, &whole.cands, first, total))
        {
            let split = search(tokens, spec, true, true, true);
            if split.overflow {
                return split;
            }
            let totalled = |c: &Cand| spec.groups.iter().any(|&(_, t)| c.get(t).is_some_and(|s| *s != Slot::Blank));
            whole.cands.extend(split.cands.into_iter().filter(totalled));
            whole.cands.truncate(MAX_CANDIDATES);
        }
        return whole;
    }
    RowSolve { cands: Vec::new(), overflow: false }
}

/// The placement of a row whose every token's column is known (one column each, left to
/// right): each token whole in its column, blanks elsewhere.
pub(super) fn placement_at(tokens: &[Token], kinds: &[ColKind], at: &[Option<super::build::Printed>]) -> Option<Cand> {
    let mut cand = vec![Slot::Blank; kinds.len()];
    let mut last: Option<usize> = None;
    for (tok, p) in at.iter().enumerate() {
        let cols = p.as_ref()?.cols.as_ref()?;
        let [col] = cols.as_slice() else { return None };
        if last.is_some_and(|l| *col <= l) || *col >= kinds.len() {
            return None;
        }
        last = Some(*col);
        cand[*col] = match &tokens[tok] {
            Token::Fixed(_) => Slot::Fixed { tok },
            Token::Run { chars, unit, .. } => {
                let u = (!unit.is_empty()).then_some(unit.as_str());
                Slot::Part { tok, a: 0, b: chars.len(), value: part_value(chars, 0, chars.len(), kinds[*col], u)? }
            }
        };
    }
    Some(cand)
}

/// Whether the whole tokens of `cand` stand where they were printed: in a column their
/// position allows, and as many columns apart as their positions on the page are.
pub(super) fn fits_positions(cand: &Cand, tokens: &[Token], at: &[Option<super::build::Printed>]) -> bool {
    let mut placed: Vec<(usize, &super::build::Printed)> = Vec::new();
    for (col, slot) in cand.iter().enumerate() {
        let tok = match slot {
            Slot::Fixed { tok } => *tok,
            Slot::Part { tok, a, b, .. } => match &tokens[*tok] {
                Token::Run { chars, .. } if *a == 0 && *b == chars.len() => *tok,
                _ => continue,
            },
            Slot::Blank => continue,
        };
        let Some(p) = at.get(tok).and_then(Option::as_ref) else { continue };
        if p.cols.as_ref().is_some_and(|cols| !cols.contains(&col)) {
            return false;
        }
        placed.push((col, p));
    }
    // Two values whose columns their positions tell need not stand a pitch apart a column:
    // columns may be of unequal widths (pandoc's tables).
    placed.windows(2).all(|w| {
        let ((c0, p0), (c1, p1)) = (w[0], w[1]);
        let both_known = p0.cols.is_some() && p1.cols.is_some();
        p0.page != p1.page || both_known || ((c1 as f32 - c0 as f32) - (p1.x - p0.x)).abs() <= 0.45
    })
}

/// A token that is a whole number as printed (ASCII digits, at most nine): its value.
pub(super) fn whole_number(t: &Token) -> Option<i64> {
    let (mut value, mut digits) = (0i64, 0);
    for c in t.raw_chars() {
        let d = c.to_digit(10).filter(|_| digits < 9)?;
        value = value * 10 + i64::from(d);
        digits += 1;
    }
    (digits > 0).then_some(value)
}

/// A token that is one plain count as printed: `0`, or digits not starting with 0.
pub(super) fn plain_count(t: &Token) -> bool {
    whole_number(t).is_some() && (t.raw_chars().next() != Some('0') || t.raw_chars().count() == 1)
}

/// The cell of a column the page did not print (a table 3 that leaves one of the form's
/// columns out), at text position `at`: unknown, for nothing was printed there.
pub(super) fn unprinted_cell(at: usize) -> Token {
    Token::Fixed(crate::model::CellReading {
        value: None,
        raw: String::new(),
        state: crate::model::CellState::Text,
        span: [at, at],
        inferred: false,
        evidence: None,
    })
}

/// Whether two to seven values add up to the last: a row's printed cells, its total last, with
/// its blanks dropped wherever they stood.
pub(super) fn sum_is_last(v: &[i64]) -> bool {
    (2..=7).contains(&v.len()) && v[..v.len() - 1].iter().sum::<i64>() == v[v.len() - 1]
}

/// For 2 to 7 tokens that are whole numbers: the sum of all but the last, and the last.
fn rest_and_last(toks: &[Token]) -> Option<(i64, i64)> {
    let v = toks.iter().map(whole_number).collect::<Option<Vec<i64>>>()?;
    let (last, rest) = v.split_last()?;
    (2..=7).contains(&v.len()).then(|| (rest.iter().sum(), *last))
}

/// Whether tokens are whole numbers whose last is more than the sum of the others, none of them
/// all 0 (`39` lost from `0 1 1 4 2 47`): the last may be the total of a row a part lost.
pub(super) fn last_exceeds_rest(toks: &[Token]) -> bool {
    rest_and_last(toks).is_some_and(|(rest, last)| rest > 0 && rest < last)
}

/// Whether a row's total may stand glued to its last printed value (`…1376`: a part 13 and the
/// total 76 run together): the last token a run of two digits or more that splits into a part
/// and a total equal to that part plus the row's other values (blanks counting 0). A token that
/// is no whole number leaves it possible.
pub(super) fn total_may_be_glued(toks: &[Token]) -> bool {
    let Some((last, rest)) = toks.split_last() else { return false };
    let Some(others) = rest.iter().map(blank_as_zero).sum::<Option<i64>>() else { return true };
    let digits: Vec<u32> = last.raw_chars().map(|c| c.to_digit(10)).collect::<Option<Vec<u32>>>().unwrap_or_default();
    if digits.is_empty() || digits.len() > 18 {
        return true;
    }
    let number = |d: &[u32]| d.iter().fold(0i64, |n, &k| n * 10 + i64::from(k));
    (1..digits.len()).any(|k| {
        let (part, total) = digits.split_at(k);
        (total.len() == 1 || total[0] != 0) && others + number(part) == number(total)
    })
}

/// A cell's count where a blank cell counts 0 (a row's or a group's sum): `whole_number` else.
pub(super) fn blank_as_zero(t: &Token) -> Option<i64> {
    if t.is_blank() {
        Some(0)
    } else {
        whole_number(t)
    }
}

/// A row cell's count as the row's sum reads it: a whole number as printed (`12`) or as its cell
/// was read (`1,234`), a blank or not-applicable mark (`-`, `/`) as 0; `None` for anything else.
pub(super) fn count_in_sum(t: &Token) -> Option<i64> {
    match t {
        Token::Fixed(c) if c.state.counts_as_zero() => Some(0),
        Token::Fixed(CellReading { value: Some(Number::Int(n)), .. }) => Some(*n),
        _ => whole_number(t),
    }
}

/// Whether tokens are whole numbers that add up to the last (`sum_is_last`).
pub(super) fn sums_to_last(toks: &[Token]) -> bool {
    rest_and_last(toks).is_some_and(|(rest, last)| rest == last)
}

/// Whether tokens are whole numbers whose last is at least the sum of the others (`66 14 1 2
/// 84`): the last may be the row's total, printed off by a slip, as well as a part.
pub(super) fn last_covers_rest(toks: &[Token]) -> bool {
    rest_and_last(toks).is_some_and(|(rest, last)| rest <= last)
}

/// Whether a row whose printed cells break its sum would add up with one of its values
/// moved into a group's total: then the text printed the cells out of order (PDF text
/// without layout), not a report that does not add up.
fn misordered(tokens: &[Token], spec: RowSpec) -> bool {
    let vals: Option<Vec<f64>> = tokens
        .iter()
        .map(|t| match t {
            Token::Fixed(c) if c.state.counts_as_zero() => Some(0.0),
            Token::Fixed(c) => c.value.map(Number::as_f64),
            Token::Run { chars, .. } => chars.iter().collect::<String>().parse::<f64>().ok(),
        })
        .collect();
    let Some(vals) = vals else { return false };
    spec.groups.iter().any(|&(first, total)| {
        let group = &vals[first..=total.min(vals.len() - 1)];
        let sum: f64 = group.iter().sum();
        // A group that adds up as printed is no sign (`0 1 0 0 1`: its part 1 is the sum of
        // the others too).
        if total < vals.len() && (2.0 * vals[total] - sum).abs() < 1e-6 {
            return false;
        }
        // Some value equals the sum of the others, and it is not the total printed last.
        group.iter().enumerate().any(|(i, &v)| i + first != total && v != 0.0 && (2.0 * v - sum).abs() < 1e-6)
    })
}

/// Whether every candidate leaves column `total` blank while `cols[first..total]` add up
/// to something other than 0 (an omitted total, `RowSpec::omitted_totals`).
pub(super) fn omitted_total_only(tokens: &[Token], cands: &[Cand], first: usize, total: usize) -> bool {
    !cands.is_empty()
        && cands.iter().all(|c| {
            c.len() > total
                && c[total] == Slot::Blank
                && c[first..total].iter().map(|s| slot_value(tokens, s).unwrap_or(0.0)).sum::<f64>() != 0.0
        })
}

/// Whether a slot reads only part of a run of digits (one of several glued cells).
fn part_of_run(tokens: &[Token], s: &Slot) -> bool {
    match s {
        Slot::Part { tok, a, b, .. } => match &tokens[*tok] {
            Token::Run { chars, .. } => *a != 0 || *b != chars.len(),
            Token::Fixed(_) => false,
        },
        _ => false,
    }
}

/// Whether a placement reads two cells or more out of one run of digits (glued cells).
pub(super) fn splits_runs(tokens: &[Token], cand: &Cand) -> bool {
    cand.iter().any(|s| part_of_run(tokens, s))
}

/// Renders a candidate for an issue message: `71|3|0|…`.
pub(super) fn describe(tokens: &[Token], cand: &Cand) -> String {
    cand.iter()
        .map(|s| match s {
            Slot::Part { tok, a, b, .. } => match &tokens[*tok] {
                Token::Run { chars, .. } => chars[*a..*b].iter().collect(),
                Token::Fixed(c) => c.raw.clone(),
            },
            Slot::Fixed { tok } => tokens[*tok].raw(),
            Slot::Blank => "_".to_string(),
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// The reading of column `col` if every candidate agrees on it, else `None`.
pub(super) fn settle(tokens: &[Token], cands: &[Cand], col: usize, region: Span, pinned: bool) -> Option<CellReading> {
    let first = cands.first()?;
    if cands.iter().any(|c| c.len() <= col) {
        return None;
    }
    let v0 = slot_value(tokens, &first[col]);
    // A row printing fewer values than half its cells, placed more ways than one: a cell blank
    // in one placement is not known to be the 0 another puts there (its values may be a part
    // of the row's, the rest printed elsewhere: `1 1 0 0 2` of table 4's 15).
    let sparse = cands.len() > 1 && 2 * tokens.len() < first.len();
    let same_value = cands.iter().all(|c| {
        let v = slot_value(tokens, &c[col]);
        match (v, v0) {
            _ if sparse && (c[col] == Slot::Blank) != (first[col] == Slot::Blank) => false,
            (Some(a), Some(b)) => (a - b).abs() < 1e-9,
            _ => false,
        }
    });
    let same_slot = cands.iter().all(|c| c[col] == first[col]);
    // A part of a run is known only when every candidate splits that run the same way.
    fn split_of(c: &Cand, t: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        c.iter().filter_map(move |s| match s {
            Slot::Part { tok, a, b, .. } if *tok == t => Some((*a, *b)),
            _ => None,
        })
    }
    let partial = |s: &Slot| part_of_run(tokens, s);
    if let Slot::Part { tok, .. } = first[col] {
        if !pinned && partial(&first[col]) && !cands.iter().all(|c| split_of(c, tok).eq(split_of(first, tok))) {
            return None;
        }
    }
    if same_slot {
        return Some(reading(tokens, &first[col], col, region, cands.len() > 1 || !is_plain(tokens, first)));
    }
    if same_value && !cands.iter().any(|c| partial(&c[col])) {
        let v = v0?;
        let mut c = cells::number("", Number::from_f64(v), region, true);
        c.raw = region_raw(tokens);
        return Some(c);
    }
    None
}

/// Whether a candidate is the printed one-token-per-column reading.
fn is_plain(tokens: &[Token], cand: &Cand) -> bool {
    tokens.len() == cand.len()
        && cand.iter().enumerate().all(|(i, s)| match s {
            Slot::Fixed { tok } => *tok == i,
            Slot::Part { tok, a, b, .. } => {
                *tok == i && *a == 0 && matches!(&tokens[*tok], Token::Run { chars, .. } if *b == chars.len())
            }
            Slot::Blank => false,
        })
}

fn region_raw(tokens: &[Token]) -> String {
    tokens.iter().map(Token::raw).collect::<Vec<_>>().join(" ")
}

fn reading(tokens: &[Token], slot: &Slot, col: usize, region: Span, inferred: bool) -> CellReading {
    match slot {
        Slot::Blank => {
            let mut c = cells::blank([region[1], region[1]]);
            c.inferred = true;
            c
        }
        Slot::Fixed { tok } => match &tokens[*tok] {
            Token::Fixed(c) => {
                let mut c = c.clone();
                c.inferred = inferred && *tok != col;
                c
            }
            Token::Run { .. } => cells::unknown("", region),
        },
        Slot::Part { tok, a, b, value } => match &tokens[*tok] {
            Token::Run { chars, start, unit, unit_len, gaps, .. } => {
                let last = *b == chars.len();
                // The cell's text, written once into the reading (no copy of it made there).
                let mut raw = String::with_capacity(b - a + if last { unit.len() } else { 0 });
                raw.extend(&chars[*a..*b]);
                // Where characters `a` and `b - 1` were printed: past the spaces before them.
                let spaces_to = |k: usize| gaps.iter().filter(|&&g| g <= k).count();
                let first = start + a + spaces_to(*a);
                let mut end = start + b + spaces_to(b.saturating_sub(1));
                if last {
                    raw.push_str(unit);
                    end += unit_len;
                }
                let plain_here = *a == 0 && last && *tok == col;
                let mut c = cells::number("", *value, [first, end], inferred && !plain_here);
                c.raw = raw;
                c
            }
            Token::Fixed(c) => c.clone(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn run_tok(s: &str, start: usize) -> Token {
        let chars: Vec<char> = s.chars().collect();
        let n = chars.len();
        Token::Run { chars, start, unit: String::new(), unit_len: 0, raw_len: n, gaps: Vec::new() }
    }

    const T3: [ColKind; 7] = [ColKind::Count; 7];

    #[test]
    fn a_total_glued_to_the_last_value_only_where_it_splits_so() {
        let row = |v: &[&str]| -> Vec<Token> { v.iter().enumerate().map(|(i, s)| run_tok(s, 4 * i)).collect() };
        // 258 + 12 + 0 + 0 + 1 + 1 leaves no total to hide in `1`.
        assert!(!total_may_be_glued(&row(&["258", "12", "0", "0", "1", "1"])));
        // `1376`: parts 60 and 3, the total 76 run together with the last part 13 (60 + 13 = 73,
        // no); with the others 63, 13 and 76 add up.
        assert!(total_may_be_glued(&row(&["60", "3", "1376"])));
        assert!(!total_may_be_glued(&row(&["60", "1376"])));
        // A total with a leading zero is no total (`105` is not 1 and 05).
        assert!(!total_may_be_glued(&row(&["4", "105"])));
        // A word that is no number leaves it possible.
        assert!(total_may_be_glued(&row(&["x", "1"])));
    }

    #[test]
    fn a_blank_in_one_placement_of_a_sparse_row_is_no_zero() {
        // `1 1 0 0 2`, five values of table 4's fifteen, placed as any of its three groups: a cell
        // one placement leaves blank and another puts the 0 in is not known.
        let tokens: Vec<Token> = ["1", "1", "0", "0", "2"].iter().enumerate().map(|(i, s)| run_tok(s, 2 * i)).collect();
        let part = |tok: usize, v: i64| Slot::Part { tok, a: 0, b: 1, value: Number::Int(v) };
        let values = [1, 1, 0, 0, 2];
        let group = |g: usize| -> Cand {
            (0..15).map(|k| if k / 5 == g { part(k % 5, values[k % 5]) } else { Slot::Blank }).collect()
        };
        let cands: Vec<Cand> = (0..3).map(group).collect();
        // Column 2 (0 in the first placement, blank in the others) and 7 alike.
        assert!(settle(&tokens, &cands, 2, [0, 10], false).is_none());
        assert!(settle(&tokens, &cands, 7, [0, 10], false).is_none());
        // A row printing most of its cells: a blank there is the row's 0 as before.
        let tokens7: Vec<Token> = ["3", "0", "3"].iter().enumerate().map(|(i, s)| run_tok(s, 2 * i)).collect();
        let a: Cand = vec![part(0, 3), part(1, 0), Slot::Blank, part(2, 3)];
        let b: Cand = vec![part(0, 3), Slot::Blank, part(1, 0), part(2, 3)];
        assert_eq!(
            settle(&tokens7, &[a.clone(), b.clone()], 1, [0, 6], false).and_then(|c| c.value),
            Some(Number::Int(0))
        );
    }

    fn values(tokens: &[Token], c: &Cand) -> Vec<f64> {
        c.iter().map(|s| slot_value(tokens, s).unwrap_or(f64::NAN)).collect()
    }

    #[test]
    fn glued_row_splits_uniquely() {
        let toks = vec![run_tok("713000074", 0)];
        let r = solve_row(
            &toks,
            RowSpec { kinds: &T3, groups: &[(0, 6)], omitted_totals: true, in_order: false, every_cell: false },
        );
        assert_eq!(r.cands.len(), 1);
        assert_eq!(values(&toks, &r.cands[0]), vec![71.0, 3.0, 0.0, 0.0, 0.0, 0.0, 74.0]);
    }

    #[test]
    fn partly_spaced_row() {
        let toks = vec![run_tok("20", 0), run_tok("0", 3), run_tok("0", 5), run_tok("0", 7), run_tok("02", 9)];
        let r = solve_row(
            &toks,
            RowSpec { kinds: &T3, groups: &[(0, 6)], omitted_totals: true, in_order: false, every_cell: false },
        );
        assert_eq!(r.cands.len(), 1);
        assert_eq!(values(&toks, &r.cands[0]), vec![2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0]);
    }

    /// Nodes one search visits and whether it ran out of budget (what `search` does, counted).
    fn visited(tokens: &[Token], spec: RowSpec, blanks: bool, split: bool, constrained: bool) -> (usize, bool) {
        let mut s = Search::new(tokens, spec, blanks, split, constrained);
        s.run(0, 0, 0, &mut Vec::new());
        (s.nodes, s.overflow)
    }

    /// The room left per column, computed once per search, is the sum the search took per node.
    #[test]
    fn room_from_is_the_plain_sum() {
        let kinds = [ColKind::Count, ColKind::Wan, ColKind::Signed, ColKind::Yuan, ColKind::Count];
        let spec = RowSpec { kinds: &kinds, groups: &[], omitted_totals: false, in_order: false, every_cell: false };
        let s = Search::new(&[], spec, false, true, true);
        for col in 0..=kinds.len() {
            let plain: usize =
                kinds[col..].iter().map(|k| MAX_INT_DIGITS + if k.decimals() { MAX_FRAC_DIGITS } else { 0 }).sum();
            assert_eq!(s.room_from[col], plain, "column {col}");
        }
        assert_ne!(s.room_from[0], kinds.len() * MAX_INT_DIGITS, "some kind takes decimals");
    }

    /// The work is bounded, not timed: a run too long for any placement is refused before
    /// any search, and a run with a huge number of placements stops at the node budget
    /// (`solve_row` runs at most three searches).
    #[test]
    fn adversarial_run_is_bounded() {
        let s: String = "1".repeat(100_000);
        let toks = vec![run_tok(&s, 0)];
        let r = solve_row(
            &toks,
            RowSpec { kinds: &T3, groups: &[(0, 6)], omitted_totals: true, in_order: false, every_cell: false },
        );
        assert!(r.cands.is_empty() && r.overflow);
        let s: String = "123456789".repeat(6);
        let toks = vec![run_tok(&s, 0)];
        let spec = RowSpec {
            kinds: &[ColKind::Count; 15],
            groups: &[(0, 4), (5, 9), (10, 14)],
            omitted_totals: false,
            in_order: false,
            every_cell: false,
        };
        let r = solve_row(&toks, spec);
        assert!(r.overflow && r.cands.len() <= MAX_CANDIDATES);
        for (blanks, split, constrained) in
            [(false, true, true), (false, false, false), (true, false, true), (true, true, true)]
        {
            let (nodes, overflow) = visited(&toks, spec, blanks, split, constrained);
            assert!(nodes <= NODE_BUDGET + 1, "{nodes} nodes");
            assert!(overflow || nodes < NODE_BUDGET);
        }
    }
}
