//! Placing a row's tokens in the template's columns and splitting glued digit
//! runs (SPEC §4, DOMAIN §7, §8.2): only where the arithmetic (row total =
//! sum of parts, column balance, results total, table-4 group sums) and the
//! numbers the prose states leave exactly one answer. Never guesses.
//!
//! Bounded: a row is split by depth-first search that prunes at every group
//! total (the total is not branched on, it must equal the sum), under a node
//! budget; cross-row constraints use sum-sets with a size cap, and a joint
//! enumeration only when the product of remaining candidates is small.

use crate::document::Span;
use crate::model::{CellReading, Number};

use super::cells::{self, ColKind};

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
#[derive(Debug, Clone)]
pub enum Token {
    /// Digits (optionally a leading sign, a decimal point, a unit suffix) that may hold several glued cells.
    Run { chars: Vec<char>, start: usize, unit: String, unit_len: usize, raw_len: usize },
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
    pub fn span(&self) -> Span {
        match self {
            Token::Run { start, raw_len, .. } => [*start, *start + *raw_len],
            Token::Fixed(c) => c.span,
        }
    }
    pub fn raw(&self) -> String {
        match self {
            Token::Run { chars, unit, .. } => chars.iter().collect::<String>() + unit,
            Token::Fixed(c) => c.raw.clone(),
        }
    }
}

/// Where a column's cell comes from in one candidate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Slot {
    /// Characters `a..b` of run token `tok`, read as `value`.
    Part { tok: usize, a: usize, b: usize, value: Number },
    /// The whole fixed token `tok`.
    Fixed { tok: usize },
    /// A blank the text dropped.
    Blank,
}

pub type Cand = Vec<Slot>;

/// A row's shape: column kinds and sum groups `(first, total)` meaning
/// `cols[first..total]` add up to `cols[total]`.
#[derive(Debug, Clone, Copy)]
pub struct RowSpec<'a> {
    pub kinds: &'a [ColKind],
    pub groups: &'a [(usize, usize)],
    /// A total the text dropped while its parts are printed is an omitted total
    /// (table 3, DOMAIN §7.4): a placement may leave it blank.
    pub omitted_totals: bool,
}

/// The numeric value of a slot for arithmetic: blank and `na` are 0, text unknown.
pub fn slot_value(tokens: &[Token], s: &Slot) -> Option<f64> {
    match s {
        Slot::Part { value, .. } => Some(value.as_f64()),
        Slot::Blank => Some(0.0),
        Slot::Fixed { tok } => match &tokens[*tok] {
            Token::Fixed(c) => match c.state {
                "blank" | "na" => Some(0.0),
                _ => c.value.map(Number::as_f64),
            },
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
        let room: usize = self.spec.kinds[col..]
            .iter()
            .map(|k| MAX_INT_DIGITS + if k.decimals() { MAX_FRAC_DIGITS } else { 0 })
            .sum();
        if digits_left > room {
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

    /// Whether the group whose total is `col` (if any) adds up.
    fn group_ok(&self, col: usize, cur: &Cand) -> bool {
        for &(first, total) in self.spec.groups {
            if total != col {
                continue;
            }
            let mut sum = 0.0;
            for s in &cur[first..total] {
                match slot_value(self.tokens, s) {
                    Some(v) => sum += v,
                    None => return true,
                }
            }
            if self.blanks && self.spec.omitted_totals && cur[col] == Slot::Blank && sum != 0.0 {
                return true;
            }
            return match slot_value(self.tokens, &cur[col]) {
                Some(t) => (t - sum).abs() < 1e-6,
                None => true,
            };
        }
        true
    }
}

/// The outcome of placing one row.
#[derive(Debug, Clone)]
pub struct RowSolve {
    pub cands: Vec<Cand>,
    /// The search ran out of budget: the row is unreadable.
    pub overflow: bool,
}

fn search(tokens: &[Token], spec: RowSpec, blanks: bool, split: bool, constrained: bool) -> RowSolve {
    let mut digits_from = vec![0; tokens.len() + 1];
    for i in (0..tokens.len()).rev() {
        digits_from[i] = digits_from[i + 1] + tokens[i].digits();
    }
    let mut s =
        Search { tokens, spec, blanks, split, constrained, nodes: 0, out: Vec::new(), overflow: false, digits_from };
    let mut cur = Vec::with_capacity(spec.kinds.len());
    s.run(0, 0, 0, &mut cur);
    RowSolve { cands: s.out, overflow: s.overflow }
}

/// All placements of a row that the row's own arithmetic admits: full-width
/// placements first; if the text cannot fill every column, placements with
/// dropped blanks. A row whose explicit reading breaks its own sum is kept as printed.
pub fn solve_row(tokens: &[Token], spec: RowSpec) -> RowSolve {
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
    if tokens.len() == spec.kinds.len() && !misordered(tokens, spec) {
        // One cell per token, as printed, even though its sums do not hold.
        let plain = search(tokens, spec, false, false, false);
        if plain.cands.len() == 1 {
            return plain;
        }
    }
    if tokens.len() < spec.kinds.len() {
        // Blank cells the text dropped, each printed number whole; only when no such
        // placement fits, numbers glued as well as blanks dropped.
        let whole = search(tokens, spec, true, false, true);
        if whole.overflow || !whole.cands.is_empty() {
            return whole;
        }
        return search(tokens, spec, true, true, true);
    }
    RowSolve { cands: Vec::new(), overflow: false }
}

/// The placement of a row whose every token's column is known (one column each, left to
/// right): each token whole in its column, blanks elsewhere.
pub fn placement_at(tokens: &[Token], kinds: &[ColKind], at: &[Option<super::build::Printed>]) -> Option<Cand> {
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
pub fn fits_positions(cand: &Cand, tokens: &[Token], at: &[Option<super::build::Printed>]) -> bool {
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
    placed.windows(2).all(|w| {
        let ((c0, p0), (c1, p1)) = (w[0], w[1]);
        p0.page != p1.page || ((c1 as f32 - c0 as f32) - (p1.x - p0.x)).abs() <= 0.45
    })
}

/// Whether a row whose printed cells break its sum would add up with one of its values
/// moved into a group's total: then the text printed the cells out of order (PDF text
/// without layout), not a report that does not add up.
fn misordered(tokens: &[Token], spec: RowSpec) -> bool {
    let vals: Option<Vec<f64>> = tokens
        .iter()
        .map(|t| match t {
            Token::Fixed(c) => match c.state {
                "blank" | "na" => Some(0.0),
                _ => c.value.map(Number::as_f64),
            },
            Token::Run { chars, .. } => chars.iter().collect::<String>().parse::<f64>().ok(),
        })
        .collect();
    let Some(vals) = vals else { return false };
    spec.groups.iter().any(|&(first, total)| {
        let group = &vals[first..=total.min(vals.len() - 1)];
        let sum: f64 = group.iter().sum();
        // Some value equals the sum of the others, and it is not the total printed last.
        group.iter().enumerate().any(|(i, &v)| i + first != total && v != 0.0 && (2.0 * v - sum).abs() < 1e-6)
    })
}

/// A linear equation over cells: `Σ coef · cell(row, col) = 0` for one column.
pub struct Equation {
    pub terms: Vec<(usize, f64)>,
    pub col: usize,
}

fn sumset(a: &[f64], b: &[f64]) -> Option<Vec<f64>> {
    if a.len().saturating_mul(b.len()) > MAX_SUMSET * 4 {
        return None;
    }
    let mut out: Vec<f64> = Vec::with_capacity(a.len() * b.len());
    for x in a {
        for y in b {
            out.push(x + y);
        }
    }
    out.sort_by(f64::total_cmp);
    out.dedup_by(|x, y| (*x - *y).abs() < 1e-9);
    (out.len() <= MAX_SUMSET).then_some(out)
}

fn contains(set: &[f64], v: f64) -> bool {
    let i = set.partition_point(|x| *x < v - 1e-9);
    i < set.len() && (set[i] - v).abs() < 1e-6
}

/// Removes candidates that no choice in the other rows can complete to satisfy
/// `eqs` (generalised arc consistency per equation), then, when few enough
/// combinations remain, keeps only candidates that are part of a joint solution.
/// A pruning that would empty a row is not applied (the source is inconsistent).
pub fn propagate(rows: &mut [(Vec<Token>, Vec<Cand>)], eqs: &[Equation]) {
    let value = |rows: &[(Vec<Token>, Vec<Cand>)], r: usize, c: &Cand, col: usize| {
        c.get(col).and_then(|s| slot_value(&rows[r].0, s))
    };
    for _ in 0..8 {
        let mut changed = false;
        for eq in eqs {
            // Per-term value sets (scaled by the coefficient).
            let mut sets: Vec<Vec<f64>> = Vec::with_capacity(eq.terms.len());
            let mut usable = true;
            for &(r, coef) in &eq.terms {
                let mut vs = Vec::new();
                for c in &rows[r].1 {
                    match value(rows, r, c, eq.col) {
                        Some(v) => vs.push(v * coef),
                        None => usable = false,
                    }
                }
                vs.sort_by(f64::total_cmp);
                vs.dedup_by(|x, y| (*x - *y).abs() < 1e-9);
                if vs.is_empty() {
                    usable = false;
                }
                sets.push(vs);
            }
            if !usable || sets.iter().all(|s| s.len() == 1) {
                continue;
            }
            let k = sets.len();
            let mut prefix: Vec<Option<Vec<f64>>> = vec![Some(vec![0.0])];
            for s in &sets {
                let next = prefix.last().cloned().flatten().and_then(|p| sumset(&p, s));
                prefix.push(next);
            }
            let mut suffix: Vec<Option<Vec<f64>>> = vec![Some(vec![0.0]); k + 1];
            for i in (0..k).rev() {
                suffix[i] = suffix[i + 1].clone().and_then(|p| sumset(&p, &sets[i]));
            }
            for (i, &(r, coef)) in eq.terms.iter().enumerate() {
                if rows[r].1.len() <= 1 {
                    continue;
                }
                let (Some(p), Some(s)) = (&prefix[i], &suffix[i + 1]) else { continue };
                let Some(others) = sumset(p, s) else { continue };
                let keep: Vec<bool> = rows[r]
                    .1
                    .iter()
                    .map(|c| value(rows, r, c, eq.col).is_none_or(|v| contains(&others, -v * coef)))
                    .collect();
                if keep.iter().any(|k| *k) && keep.iter().any(|k| !*k) {
                    let mut it = keep.iter();
                    rows[r].1.retain(|_| *it.next().unwrap_or(&true));
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    joint(rows, eqs);
}

/// Whether some choice of one candidate per row satisfies `eq` (rows without candidates or
/// values take no part; too many sums to tell counts as satisfiable).
pub fn satisfiable(rows: &[(Vec<Token>, Vec<Cand>)], eq: &Equation) -> bool {
    let mut sums: Vec<f64> = vec![0.0];
    for &(r, coef) in &eq.terms {
        let mut vs: Vec<f64> = Vec::new();
        for c in &rows[r].1 {
            match c.get(eq.col).and_then(|s| slot_value(&rows[r].0, s)) {
                Some(v) => vs.push(v * coef),
                None => return true,
            }
        }
        if vs.is_empty() {
            return true;
        }
        vs.sort_by(f64::total_cmp);
        vs.dedup_by(|x, y| (*x - *y).abs() < 1e-9);
        match sumset(&sums, &vs) {
            Some(next) => sums = next,
            None => return true,
        }
    }
    contains(&sums, 0.0)
}

/// Exact joint filtering over the rows still ambiguous, when the product is small.
fn joint(rows: &mut [(Vec<Token>, Vec<Cand>)], eqs: &[Equation]) {
    let amb: Vec<usize> = (0..rows.len()).filter(|&r| rows[r].1.len() > 1).collect();
    if amb.is_empty() {
        return;
    }
    let mut product: usize = 1;
    for &r in &amb {
        product = product.saturating_mul(rows[r].1.len());
        if product > MAX_JOINT {
            return;
        }
    }
    // Only equations touching an ambiguous row matter, and only those whose every
    // row has a placement: a row with none is unknown, so its equations say nothing.
    let touching: Vec<&Equation> = eqs
        .iter()
        .filter(|e| e.terms.iter().any(|(r, _)| rows[*r].1.len() > 1))
        .filter(|e| e.terms.iter().all(|(r, _)| rows.get(*r).is_some_and(|row| !row.1.is_empty())))
        .collect();
    if touching.is_empty() {
        return;
    }
    let mut used: Vec<Vec<bool>> = amb.iter().map(|&r| vec![false; rows[r].1.len()]).collect();
    let mut choice = vec![0usize; rows.len()];
    let mut any = false;
    for mut idx in 0..product {
        for (k, &r) in amb.iter().enumerate() {
            let n = rows[r].1.len();
            choice[r] = idx % n;
            idx /= n;
            let _ = k;
        }
        let ok = touching.iter().all(|e| {
            let mut sum = 0.0;
            for &(r, coef) in &e.terms {
                let slot = rows[r].1.get(choice[r]).and_then(|c| c.get(e.col));
                match slot.and_then(|s| slot_value(&rows[r].0, s)) {
                    Some(v) => sum += coef * v,
                    None => return true,
                }
            }
            sum.abs() < 1e-6
        });
        if ok {
            any = true;
            for (k, &r) in amb.iter().enumerate() {
                used[k][choice[r]] = true;
            }
        }
    }
    if !any {
        return;
    }
    for (k, &r) in amb.iter().enumerate() {
        let mut it = used[k].iter();
        rows[r].1.retain(|_| *it.next().unwrap_or(&true));
    }
}

/// Most partial-sum states the column search of `joint_columns` may hold in all.
const MAX_STATES: usize = 300_000;

/// Table 3's rows for `joint_columns`: indices into the solved rows.
pub struct T3Rows {
    pub new: usize,
    pub carried_over: usize,
    pub results_total: usize,
    pub carried_forward: usize,
    /// Every result row of the format (granted … other), all present.
    pub results: Vec<usize>,
}

/// A candidate's six applicant columns in hundredths (the total follows from them:
/// it is their sum, or an omitted total).
fn parts_key(tokens: &[Token], cand: &Cand) -> Option<[i64; 6]> {
    let mut k = [0i64; 6];
    for (c, slot) in k.iter_mut().zip(cand.iter()) {
        *c = (slot_value(tokens, slot)? * 100.0).round() as i64;
    }
    Some(k)
}

fn add6(a: &[i64; 6], b: &[i64; 6]) -> [i64; 6] {
    std::array::from_fn(|i| a[i] + b[i])
}

/// The whole of table 3 at once (DOMAIN §7): keeps only the candidates of each row that
/// belong to some choice of one candidate per row under which, in every applicant column,
/// the result rows add up to （七）总计 (R3) and 一 + 二 = （七） + 四 (R1). Where a row's own
/// sum leaves its columns open (blank cells the text dropped), the other rows often fix
/// them. A forward search over the columns' partial sums, pruned by what the rows still to
/// come can add, then a backward pass marking the candidates on a path to a balanced
/// total; bounded by `MAX_STATES`. Nothing is pruned when no choice fits (a source whose
/// arithmetic does not hold) or the search runs out of budget.
pub fn joint_columns(rows: &mut [(Vec<Token>, Vec<Cand>, bool)], t: &T3Rows) {
    let all: Vec<usize> = [t.new, t.carried_over, t.results_total, t.carried_forward]
        .into_iter()
        .chain(t.results.iter().copied())
        .collect();
    if all.iter().any(|&r| rows[r].1.is_empty() || rows[r].2) {
        return;
    }
    if all.iter().all(|&r| rows[r].1.len() == 1) {
        return;
    }
    // Distinct keys per row, with the candidates behind each.
    let mut options: Vec<Vec<([i64; 6], Vec<usize>)>> = vec![Vec::new(); rows.len()];
    for &r in &all {
        for (i, c) in rows[r].1.iter().enumerate() {
            let Some(k) = parts_key(&rows[r].0, c) else { return };
            match options[r].iter_mut().find(|(kk, _)| *kk == k) {
                Some((_, v)) => v.push(i),
                None => options[r].push((k, vec![i])),
            }
        }
    }
    // R1: new + carried over = results total + carried forward, per column.
    let mut inflow: std::collections::HashMap<[i64; 6], Vec<(usize, usize)>> = std::collections::HashMap::new();
    for (a, (ka, _)) in options[t.new].iter().enumerate() {
        for (b, (kb, _)) in options[t.carried_over].iter().enumerate() {
            inflow.entry(add6(ka, kb)).or_default().push((a, b));
        }
    }
    // target (results total key) → balanced (rt option, cf option, new option, co option)
    let mut balanced: Vec<([i64; 6], usize, usize, usize, usize)> = Vec::new();
    for (x, (kt, _)) in options[t.results_total].iter().enumerate() {
        for (y, (kf, _)) in options[t.carried_forward].iter().enumerate() {
            if let Some(v) = inflow.get(&add6(kt, kf)) {
                for &(a, b) in v {
                    balanced.push((*kt, x, y, a, b));
                }
            }
        }
    }
    if balanced.is_empty() {
        return;
    }
    // R3: the result rows, fewest options first, with per-column bounds of what remains.
    let mut order: Vec<usize> = t.results.clone();
    order.sort_by_key(|&r| options[r].len());
    let n = order.len();
    let mut lo = vec![[0i64; 6]; n + 1];
    let mut hi = vec![[0i64; 6]; n + 1];
    for i in (0..n).rev() {
        let ks = &options[order[i]];
        lo[i] = std::array::from_fn(|c| lo[i + 1][c] + ks.iter().map(|k| k.0[c]).min().unwrap_or(0));
        hi[i] = std::array::from_fn(|c| hi[i + 1][c] + ks.iter().map(|k| k.0[c]).max().unwrap_or(0));
    }
    let mut feasible: Vec<Vec<bool>> = options.iter().map(|o| vec![false; o.len()]).collect();
    let mut budget = MAX_STATES;
    let mut targets: Vec<[i64; 6]> = balanced.iter().map(|b| b.0).collect();
    targets.sort_unstable();
    targets.dedup();
    let mut any = false;
    for target in targets {
        let mut states: Vec<std::collections::HashSet<[i64; 6]>> = vec![[[0i64; 6]].into_iter().collect()];
        for i in 0..n {
            let mut next = std::collections::HashSet::new();
            for s0 in &states[i] {
                for (k, _) in &options[order[i]] {
                    let s2 = add6(s0, k);
                    if (0..6).all(|c| s2[c] + lo[i + 1][c] <= target[c] && target[c] <= s2[c] + hi[i + 1][c]) {
                        next.insert(s2);
                    }
                }
            }
            budget = budget.saturating_sub(next.len());
            if budget == 0 {
                return;
            }
            let empty = next.is_empty();
            states.push(next);
            if empty {
                break;
            }
        }
        if states.len() != n + 1 || !states[n].contains(&target) {
            continue;
        }
        any = true;
        for b in balanced.iter().filter(|b| b.0 == target) {
            feasible[t.results_total][b.1] = true;
            feasible[t.carried_forward][b.2] = true;
            feasible[t.new][b.3] = true;
            feasible[t.carried_over][b.4] = true;
        }
        let mut back: std::collections::HashSet<[i64; 6]> = [target].into_iter().collect();
        for i in (0..n).rev() {
            let mut prev = std::collections::HashSet::new();
            for s0 in &states[i] {
                for (o, (k, _)) in options[order[i]].iter().enumerate() {
                    if back.contains(&add6(s0, k)) {
                        prev.insert(*s0);
                        feasible[order[i]][o] = true;
                    }
                }
            }
            back = prev;
        }
    }
    if !any {
        return;
    }
    for &r in &all {
        let mut keep = vec![false; rows[r].1.len()];
        for (o, (_, cands)) in options[r].iter().enumerate() {
            if feasible[r][o] {
                for &i in cands {
                    keep[i] = true;
                }
            }
        }
        let mut it = keep.iter();
        rows[r].1.retain(|_| *it.next().unwrap_or(&true));
    }
}

/// Whether every candidate leaves column `total` blank while `cols[first..total]` add up
/// to something other than 0 (an omitted total, `RowSpec::omitted_totals`).
pub fn omitted_total_only(tokens: &[Token], cands: &[Cand], first: usize, total: usize) -> bool {
    !cands.is_empty()
        && cands.iter().all(|c| {
            c.len() > total
                && c[total] == Slot::Blank
                && c[first..total].iter().map(|s| slot_value(tokens, s).unwrap_or(0.0)).sum::<f64>() != 0.0
        })
}

/// Renders a candidate for an issue message: `71|3|0|…`.
pub fn describe(tokens: &[Token], cand: &Cand) -> String {
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
pub fn settle(tokens: &[Token], cands: &[Cand], col: usize, region: Span, pinned: bool) -> Option<CellReading> {
    let first = cands.first()?;
    if cands.iter().any(|c| c.len() <= col) {
        return None;
    }
    let v0 = slot_value(tokens, &first[col]);
    let same_value = cands.iter().all(|c| {
        let v = slot_value(tokens, &c[col]);
        match (v, v0) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-9,
            _ => false,
        }
    });
    let same_slot = cands.iter().all(|c| c[col] == first[col]);
    // A part of a run is known only when every candidate splits that run the same way.
    let split_of = |c: &Cand, t: usize| -> Vec<(usize, usize)> {
        c.iter()
            .filter_map(|s| match s {
                Slot::Part { tok, a, b, .. } if *tok == t => Some((*a, *b)),
                _ => None,
            })
            .collect()
    };
    let partial = |s: &Slot| match s {
        Slot::Part { tok, a, b, .. } => match &tokens[*tok] {
            Token::Run { chars, .. } => *a != 0 || *b != chars.len(),
            Token::Fixed(_) => false,
        },
        _ => false,
    };
    if let Slot::Part { tok, .. } = first[col] {
        let s0 = split_of(first, tok);
        if !pinned && partial(&first[col]) && !cands.iter().all(|c| split_of(c, tok) == s0) {
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
            Token::Run { chars, start, unit, unit_len, .. } => {
                let last = *b == chars.len();
                let mut raw: String = chars[*a..*b].iter().collect();
                let mut end = start + b;
                if last {
                    raw.push_str(unit);
                    end += unit_len;
                }
                let plain_here = *a == 0 && last && *tok == col;
                cells::number(&raw, *value, [start + a, end], inferred && !plain_here)
            }
            Token::Fixed(c) => c.clone(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn run_tok(s: &str, start: usize) -> Token {
        let chars: Vec<char> = s.chars().collect();
        let n = chars.len();
        Token::Run { chars, start, unit: String::new(), unit_len: 0, raw_len: n }
    }

    const T3: [ColKind; 7] = [ColKind::Count; 7];

    fn values(tokens: &[Token], c: &Cand) -> Vec<f64> {
        c.iter().map(|s| slot_value(tokens, s).unwrap_or(f64::NAN)).collect()
    }

    #[test]
    fn glued_row_splits_uniquely() {
        let toks = vec![run_tok("713000074", 0)];
        let r = solve_row(&toks, RowSpec { kinds: &T3, groups: &[(0, 6)], omitted_totals: true });
        assert_eq!(r.cands.len(), 1);
        assert_eq!(values(&toks, &r.cands[0]), vec![71.0, 3.0, 0.0, 0.0, 0.0, 0.0, 74.0]);
    }

    #[test]
    fn partly_spaced_row() {
        let toks = vec![run_tok("20", 0), run_tok("0", 3), run_tok("0", 5), run_tok("0", 7), run_tok("02", 9)];
        let r = solve_row(&toks, RowSpec { kinds: &T3, groups: &[(0, 6)], omitted_totals: true });
        assert_eq!(r.cands.len(), 1);
        assert_eq!(values(&toks, &r.cands[0]), vec![2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0]);
    }

    /// Nodes one search visits and whether it ran out of budget (what `search` does, counted).
    fn visited(tokens: &[Token], spec: RowSpec, blanks: bool, split: bool, constrained: bool) -> (usize, bool) {
        let mut digits_from = vec![0; tokens.len() + 1];
        for i in (0..tokens.len()).rev() {
            digits_from[i] = digits_from[i + 1] + tokens[i].digits();
        }
        let mut s = Search {
            tokens,
            spec,
            blanks,
            split,
            constrained,
            nodes: 0,
            out: Vec::new(),
            overflow: false,
            digits_from,
        };
        s.run(0, 0, 0, &mut Vec::new());
        (s.nodes, s.overflow)
    }

    /// The work is bounded, not timed: a run too long for any placement is refused before
    /// any search, and a run with a huge number of placements stops at the node budget
    /// (`solve_row` runs at most three searches).
    #[test]
    fn adversarial_run_is_bounded() {
        let s: String = "1".repeat(100_000);
        let toks = vec![run_tok(&s, 0)];
        let r = solve_row(&toks, RowSpec { kinds: &T3, groups: &[(0, 6)], omitted_totals: true });
        assert!(r.cands.is_empty() && r.overflow);
        let s: String = "123456789".repeat(6);
        let toks = vec![run_tok(&s, 0)];
        let spec = RowSpec { kinds: &[ColKind::Count; 15], groups: &[(0, 4), (5, 9), (10, 14)], omitted_totals: false };
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
