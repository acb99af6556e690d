//! Constraints across rows: the template's equations (column balance, results total,
//! table-4 group sums) narrow each row's candidates, by sum-sets with a size cap, a joint
//! enumeration when the product of candidates is small, and table 3's column-by-column
//! joint search.

use super::{slot_value, Cand, Token, MAX_JOINT, MAX_SUMSET};

/// A linear equation over cells: `Σ coef · cell(row, col) = 0` for one column.
pub(crate) struct Equation {
    pub terms: Vec<(usize, f64)>,
    pub col: usize,
}

/// The sums `x + y` of two sets (each sorted by `total_cmp` and without near-duplicates),
/// sorted and without near-duplicates; `None` when there would be too many.
pub(super) fn sumset(a: &[f64], b: &[f64]) -> Option<Vec<f64>> {
    if a.len().saturating_mul(b.len()) > MAX_SUMSET * 4 {
        return None;
    }
    // Small sets sort faster than a bitmap is set up.
    if a.len() * b.len() >= 64 {
        if let Some(out) = integer_sumset(a, b) {
            return (out.len() <= MAX_SUMSET).then_some(out);
        }
    }
    plain_sumset(a, b)
}

/// Largest integer `integer_sumset` takes: its sums stay exact in an f64.
const EXACT_INT: f64 = (1u64 << 40) as f64;

/// [`sumset`] of whole numbers in a narrow range (counts: every table-3 cell), marking each
/// sum in a bitmap instead of sorting the products. Sorted whole numbers a unit apart or
/// more are what the near-duplicate pass keeps, except for zero: the sorted list's first
/// zero is kept, and that is `-0.0` when some sum is `-0.0` (both terms `-0.0`). `None`
/// when some value is not a whole number or the range is too wide for a bitmap.
fn integer_sumset(a: &[f64], b: &[f64]) -> Option<Vec<f64>> {
    let whole = |v: &f64| v.fract() == 0.0 && v.abs() < EXACT_INT;
    if a.is_empty() || b.is_empty() || !a.iter().all(whole) || !b.iter().all(whole) {
        return None;
    }
    let range = |s: &[f64]| s.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    let ((a0, a1), (b0, b1)) = (range(a), range(b));
    let (lo, hi) = (a0 + b0, a1 + b1);
    let span = (hi - lo) as usize + 1;
    if span > 16 * a.len() * b.len() + 1024 {
        return None;
    }
    let mut bits = vec![0u64; span.div_ceil(64)];
    for x in a {
        let base = x - lo;
        for y in b {
            let i = (base + y) as usize;
            bits[i / 64] |= 1 << (i % 64);
        }
    }
    let neg_zero =
        a.iter().any(|v| v.to_bits() == (-0.0f64).to_bits()) && b.iter().any(|v| v.to_bits() == (-0.0f64).to_bits());
    let mut out = Vec::with_capacity(bits.iter().map(|w| w.count_ones() as usize).sum());
    for (w, &word) in bits.iter().enumerate() {
        let mut word = word;
        while word != 0 {
            let i = w * 64 + word.trailing_zeros() as usize;
            word &= word - 1;
            let v = lo + i as f64;
            out.push(if v == 0.0 && neg_zero { -0.0 } else { v });
        }
    }
    Some(out)
}

/// [`sumset`] by sorting every sum.
fn plain_sumset(a: &[f64], b: &[f64]) -> Option<Vec<f64>> {
    let mut out: Vec<f64> = Vec::with_capacity(a.len() * b.len());
    for x in a {
        for y in b {
            out.push(x + y);
        }
    }
    // Elements equal under `total_cmp` are the same bits: an unstable sort gives the same order.
    out.sort_unstable_by(f64::total_cmp);
    out.dedup_by(|x, y| (*x - *y).abs() < 1e-9);
    (out.len() <= MAX_SUMSET).then_some(out)
}

pub(super) fn contains(set: &[f64], v: f64) -> bool {
    let i = set.partition_point(|x| *x < v - 1e-9);
    i < set.len() && (set[i] - v).abs() < 1e-6
}

/// Removes candidates that no choice in the other rows can complete to satisfy
/// `eqs` (generalised arc consistency per equation), then, when few enough
/// combinations remain, keeps only candidates that are part of a joint solution.
/// A pruning that would empty a row is not applied (the source is inconsistent).
pub(crate) fn propagate(rows: &mut [(Vec<Token>, Vec<Cand>)], eqs: &[Equation]) {
    let value = |rows: &[(Vec<Token>, Vec<Cand>)], r: usize, c: &Cand, col: usize| {
        c.get(col).and_then(|s| slot_value(&rows[r].0, s))
    };
    for _ in 0..8 {
        let mut changed = false;
        for eq in eqs {
            // With at most one candidate in each row there is nothing to prune (each value set
            // below would be empty or hold one value): no sets are built.
            if eq.terms.iter().all(|&(r, _)| rows[r].1.len() <= 1) {
                continue;
            }
            // Per-term value sets (scaled by the coefficient).
            let mut sets: Vec<Vec<f64>> = Vec::with_capacity(eq.terms.len());
            let mut usable = true;
            for &(r, coef) in &eq.terms {
                let mut vs = Vec::with_capacity(rows[r].1.len());
                for c in &rows[r].1 {
                    match value(rows, r, c, eq.col) {
                        Some(v) => vs.push(v * coef),
                        None => usable = false,
                    }
                }
                vs.sort_unstable_by(f64::total_cmp);
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
                let next = prefix.last().and_then(|p| p.as_deref()).and_then(|p| sumset(p, s));
                prefix.push(next);
            }
            let mut suffix: Vec<Option<Vec<f64>>> = vec![Some(vec![0.0]); k + 1];
            for i in (0..k).rev() {
                suffix[i] = suffix[i + 1].as_deref().and_then(|p| sumset(p, &sets[i]));
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
pub(crate) fn satisfiable(rows: &[(Vec<Token>, Vec<Cand>)], eq: &Equation) -> bool {
    let mut sums: Vec<f64> = vec![0.0];
    let mut vs: Vec<f64> = Vec::new();
    for &(r, coef) in &eq.terms {
        vs.clear();
        for c in &rows[r].1 {
            match c.get(eq.col).and_then(|s| slot_value(&rows[r].0, s)) {
                Some(v) => vs.push(v * coef),
                None => return true,
            }
        }
        if vs.is_empty() {
            return true;
        }
        vs.sort_unstable_by(f64::total_cmp);
        vs.dedup_by(|x, y| (*x - *y).abs() < 1e-9);
        match sumset(&sums, &vs) {
            Some(next) => sums = next,
            None => return true,
        }
    }
    contains(&sums, 0.0)
}

/// Exact joint filtering over the rows still ambiguous, when the product is small.
pub(super) fn joint(rows: &mut [(Vec<Token>, Vec<Cand>)], eqs: &[Equation]) {
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

/// A set of partial sums (one per applicant column), in the order they were added, for the
/// column search of `joint_columns`: open addressing over a hash that is linear in the sums,
/// so the hash of `s + k` is the hash of `s` plus the hash of `k` (one add per candidate sum).
#[derive(Debug, Default)]
pub(super) struct StateSet {
    sums: Vec<[i64; 6]>,
    hashes: Vec<u64>,
    /// Index + 1 into `sums`, 0 for an empty slot; a power of two long.
    table: Vec<u32>,
}

/// A key of partial sums with its [`StateSet::hash`].
type Hashed = ([i64; 6], u64);

/// Odd multipliers of the linear hash, one per column.
const STATE_HASH: [u64; 6] = [
    0x9E37_79B9_7F4A_7C15,
    0xC2B2_AE3D_27D4_EB4F,
    0x1656_67B1_9E37_79F9,
    0xD6E8_FEB8_6659_FD93,
    0xFF51_AFD7_ED55_8CCD,
    0xC4CE_B9FE_1A85_EC53,
];

impl StateSet {
    pub(super) fn with_capacity(n: usize) -> StateSet {
        let slots = (n.max(4) * 2).next_power_of_two();
        StateSet { sums: Vec::with_capacity(n), hashes: Vec::with_capacity(n), table: vec![0; slots] }
    }

    /// The hash of a sum: linear, `hash(a + b) = hash(a) + hash(b)` (wrapping).
    pub(super) fn hash(s: &[i64; 6]) -> u64 {
        let mut h = 0u64;
        for c in 0..6 {
            h = h.wrapping_add((s[c] as u64).wrapping_mul(STATE_HASH[c]));
        }
        h
    }

    fn slot(&self, h: u64) -> usize {
        // The linear hash maps a lattice of sums to a lattice: mix it (murmur3's finaliser).
        let mut h = h ^ (h >> 33);
        h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
        h ^= h >> 33;
        (h >> 20) as usize & (self.table.len() - 1)
    }

    /// The slot holding `s` (whose hash is `h`), or the empty slot where it goes.
    #[inline]
    fn find(&self, s: &[i64; 6], h: u64) -> (usize, bool) {
        let mask = self.table.len() - 1;
        let mut i = self.slot(h);
        loop {
            match self.table[i] {
                0 => return (i, false),
                e => {
                    let e = e as usize - 1;
                    if self.hashes[e] == h && (0..6).all(|c| self.sums[e][c] == s[c]) {
                        return (i, true);
                    }
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds `s`, whose hash is `h` (`StateSet::hash(s)`); whether it was new.
    #[inline]
    pub(super) fn insert(&mut self, s: [i64; 6], h: u64) -> bool {
        if self.table.is_empty() || (self.sums.len() + 1) * 2 > self.table.len() {
            self.grow();
        }
        let (i, found) = self.find(&s, h);
        if found {
            return false;
        }
        self.sums.push(s);
        self.hashes.push(h);
        self.table[i] = self.sums.len() as u32;
        true
    }

    fn grow(&mut self) {
        let slots = (self.table.len() * 2).max(8);
        self.table = vec![0; slots];
        for e in 0..self.sums.len() {
            let (i, _) = self.find(&self.sums[e], self.hashes[e]);
            self.table[i] = e as u32 + 1;
        }
    }

    pub(super) fn contains(&self, s: &[i64; 6], h: u64) -> bool {
        !self.table.is_empty() && self.find(s, h).1
    }

    pub(super) fn len(&self) -> usize {
        self.sums.len()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.sums.is_empty()
    }

    /// The sums with their hashes, in the order they were added.
    pub(super) fn iter(&self) -> impl Iterator<Item = (&[i64; 6], u64)> {
        self.sums.iter().zip(self.hashes.iter().copied())
    }

    fn one(s: [i64; 6]) -> StateSet {
        let mut set = StateSet::with_capacity(1);
        set.insert(s, StateSet::hash(&s));
        set
    }
}

/// Most partial-sum states the column search of `joint_columns` may hold in all.
pub(super) const MAX_STATES: usize = 300_000;

/// Table 3's rows for `joint_columns`: indices into the solved rows.
pub(crate) struct T3Rows {
    pub new: usize,
    pub carried_over: usize,
    pub results_total: usize,
    pub carried_forward: usize,
    /// Every result row of the format (granted … other), all present.
    pub results: Vec<usize>,
}

/// A candidate's six applicant columns in hundredths (the total follows from them:
/// it is their sum, or an omitted total).
pub(super) fn parts_key(tokens: &[Token], cand: &Cand) -> Option<[i64; 6]> {
    let mut k = [0i64; 6];
    for (c, slot) in k.iter_mut().zip(cand.iter()) {
        *c = (slot_value(tokens, slot)? * 100.0).round() as i64;
    }
    Some(k)
}

/// Whether `lo <= k <= hi` in every column (no early exit: six compares, branch-free).
#[inline]
fn in_box(k: &[i64; 6], lo: &[i64; 6], hi: &[i64; 6]) -> bool {
    let mut ok = true;
    for c in 0..6 {
        ok &= lo[c] <= k[c];
        ok &= k[c] <= hi[c];
    }
    ok
}

pub(super) fn add6(a: &[i64; 6], b: &[i64; 6]) -> [i64; 6] {
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
pub(crate) fn joint_columns(rows: &mut [(Vec<Token>, Vec<Cand>, bool)], t: &T3Rows) {
    joint_columns_within(rows, t, MAX_STATES);
}

/// [`joint_columns`] with a budget of `max_states` partial sums.
fn joint_columns_within(rows: &mut [(Vec<Token>, Vec<Cand>, bool)], t: &T3Rows, max_states: usize) {
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
    let mut inflow: crate::hashing::FastMap<[i64; 6], Vec<(usize, usize)>> = crate::hashing::FastMap::default();
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
    let mut budget = max_states;
    let mut targets: Vec<[i64; 6]> = balanced.iter().map(|b| b.0).collect();
    targets.sort_unstable();
    targets.dedup();
    // Each result row's keys, side by side (read once per state below), with their hashes.
    let keys: Vec<Vec<Hashed>> =
        order.iter().map(|&r| options[r].iter().map(|o| (o.0, StateSet::hash(&o.0))).collect()).collect();
    // The same keys sorted by the column that lets the fewest through a layer's window (its
    // width is what the rows still to come may add, `hi - lo`), to find those in range.
    let by_column: Vec<(usize, Vec<Hashed>)> = keys
        .iter()
        .enumerate()
        .map(|(i, ks)| {
            let through = |c: usize| {
                let width = hi[i + 1][c] - lo[i + 1][c];
                let in_window =
                    |k: &([i64; 6], u64)| ks.iter().filter(|j| (0..=width).contains(&(j.0[c] - k.0[c]))).count();
                ks.iter().map(in_window).sum::<usize>()
            };
            let by = (0..6).min_by_key(|&c| (through(c), c)).unwrap_or(0);
            let mut sorted = ks.clone();
            sorted.sort_unstable_by_key(|k| k.0[by]);
            (by, sorted)
        })
        .collect();
    let mut any = false;
    for target in targets {
        let mut states: Vec<StateSet> = vec![StateSet::one([0i64; 6])];
        for i in 0..n {
            // A partial sum is kept when what the rows still to come can add may reach the
            // target: `target - hi <= s <= target - lo`, per column.
            let (mut min, mut max) = ([0i64; 6], [0i64; 6]);
            for c in 0..6 {
                min[c] = target[c] - hi[i + 1][c];
                max[c] = target[c] - lo[i + 1][c];
            }
            let (by, sorted) = &by_column[i];
            let by = *by;
            let mut next = StateSet::with_capacity(states[i].len() * 2);
            for (s0, h0) in states[i].iter() {
                // The keys `k` with `min <= s0 + k <= max`: a range of column `by`, then the rest.
                let (mut kmin, mut kmax) = ([0i64; 6], [0i64; 6]);
                for c in 0..6 {
                    kmin[c] = min[c] - s0[c];
                    kmax[c] = max[c] - s0[c];
                }
                let from = sorted.partition_point(|k| k.0[by] < kmin[by]);
                for (k, hk) in &sorted[from..] {
                    if k[by] > kmax[by] {
                        break;
                    }
                    if in_box(k, &kmin, &kmax) {
                        next.insert(add6(s0, k), h0.wrapping_add(*hk));
                    }
                }
                // The layer only grows: once it holds the budget left, the budget runs out.
                if next.len() >= budget {
                    return;
                }
            }
            budget -= next.len();
            let empty = next.is_empty();
            states.push(next);
            if empty {
                break;
            }
        }
        if states.len() != n + 1 || !states[n].contains(&target, StateSet::hash(&target)) {
            continue;
        }
        any = true;
        for b in balanced.iter().filter(|b| b.0 == target) {
            feasible[t.results_total][b.1] = true;
            feasible[t.carried_forward][b.2] = true;
            feasible[t.new][b.3] = true;
            feasible[t.carried_over][b.4] = true;
        }
        let mut back = StateSet::one(target);
        for i in (0..n).rev() {
            let mut prev = StateSet::with_capacity(back.len());
            for (s0, h0) in states[i].iter() {
                for (o, (k, hk)) in keys[i].iter().enumerate() {
                    if back.contains(&add6(s0, k), h0.wrapping_add(*hk)) {
                        prev.insert(*s0, h0);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Number;
    use crate::tables::solve::Slot;

    /// xorshift64*: reproducible inputs without a dependency.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    #[test]
    fn state_set_is_a_set_in_insertion_order() {
        let mut rng = Rng(7);
        let mut fast = StateSet::with_capacity(4);
        let mut plain = std::collections::HashSet::new();
        let mut order = Vec::new();
        for _ in 0..20_000 {
            let s: [i64; 6] = std::array::from_fn(|_| rng.below(6) as i64 * 100 - 200);
            let new = plain.insert(s);
            if new {
                order.push(s);
            }
            assert_eq!(fast.insert(s, StateSet::hash(&s)), new);
            assert_eq!(fast.len(), plain.len());
        }
        assert!(order.iter().all(|s| fast.contains(s, StateSet::hash(s))));
        assert!(!fast.contains(&[1; 6], StateSet::hash(&[1; 6])));
        assert_eq!(fast.iter().map(|(s, _)| *s).collect::<Vec<_>>(), order);
        // The hash is linear: the search adds the hashes of a sum's terms.
        let (a, b) = ([3, -7, 0, 100, 2, 9], [-3, 700, 5, 0, 1, -9]);
        assert_eq!(StateSet::hash(&add6(&a, &b)), StateSet::hash(&a).wrapping_add(StateSet::hash(&b)));
    }

    fn set(rng: &mut Rng, whole: bool, neg_zero: bool) -> Vec<f64> {
        let n = 1 + rng.below(40) as usize;
        let scale = [1.0, 10.0, 1000.0][rng.below(3) as usize];
        let mut v: Vec<f64> = (0..n)
            .map(|_| {
                let x = (rng.below(200) as f64 - 100.0) * scale;
                if whole {
                    x
                } else {
                    x + 0.25
                }
            })
            .collect();
        if neg_zero {
            v.push(-0.0);
        }
        v.sort_unstable_by(f64::total_cmp);
        v.dedup_by(|x, y| (*x - *y).abs() < 1e-9);
        v
    }

    /// The bitmap sum-set against the sorting one, bit for bit (the sign of zero too), over
    /// whole numbers (counts), fractions and wide ranges.
    #[test]
    fn integer_sumset_matches_sorting() {
        let mut rng = Rng(29);
        let mut fast_paths = 0;
        for round in 0..3_000 {
            let (za, zb) = (rng.below(3) == 0, rng.below(3) == 0);
            let a = set(&mut rng, round % 7 != 0, za);
            let b = set(&mut rng, true, zb);
            let plain = plain_sumset(&a, &b);
            fast_paths += usize::from(integer_sumset(&a, &b).is_some());
            let bits = |s: Option<Vec<f64>>| s.map(|s| s.iter().map(|x| x.to_bits()).collect::<Vec<_>>());
            assert_eq!(bits(sumset(&a, &b)), bits(plain), "{a:?} + {b:?}");
        }
        assert!(fast_paths > 1_000, "{fast_paths}");
    }

    fn cand(vals: &[i64; 7]) -> Cand {
        vals.iter().map(|&v| Slot::Part { tok: 0, a: 0, b: 1, value: Number::Int(v) }).collect()
    }

    /// A table 3 whose every row adds up, each row with `alts` placements beside the right
    /// one (values off by up to `spread`), as the glued-digit rows give.
    fn table(rng: &mut Rng, results: usize, alts: u64, spread: i64) -> Vec<(Vec<Token>, Vec<Cand>, bool)> {
        let row = |rng: &mut Rng| -> [i64; 7] {
            let mut r = [0i64; 7];
            for v in &mut r[..6] {
                *v = rng.below(40) as i64;
            }
            r[6] = r[..6].iter().sum();
            r
        };
        let res: Vec<[i64; 7]> = (0..results).map(|_| row(rng)).collect();
        let total: [i64; 7] = std::array::from_fn(|c| res.iter().map(|r| r[c]).sum());
        let forward = row(rng);
        let carried = row(rng);
        let new: [i64; 7] = std::array::from_fn(|c| total[c] + forward[c] - carried[c]);
        let mut rows = Vec::new();
        for r in [new, carried, total, forward].into_iter().chain(res) {
            let mut cands = vec![cand(&r)];
            for _ in 0..rng.below(alts + 1) {
                let mut alt = r;
                for v in &mut alt[..6] {
                    if rng.below(3) == 0 {
                        *v = (*v + rng.below(2 * spread as u64 + 1) as i64 - spread).max(0);
                    }
                }
                alt[6] = alt[..6].iter().sum();
                cands.insert(rng.below(cands.len() as u64 + 1) as usize, cand(&alt));
            }
            rows.push((Vec::new(), cands, false));
        }
        rows
    }

    /// The column search with its state set, range scan and early stop, against the plain
    /// search it replaced: the same candidates kept in every row, including tables that run
    /// out of budget (nothing pruned) and tables where no choice fits.
    #[test]
    fn joint_columns_matches_plain() {
        let mut rng = Rng(15);
        let (mut pruned, mut over_budget) = (0, 0);
        for round in 0..200 {
            let results = 4 + rng.below(14) as usize;
            let (alts, spread) = match round / 2 % 4 {
                0 => (3, 2),
                1 => (12, 5),
                2 => (30, 40),
                _ => (40, 300),
            };
            let mut rows = table(&mut rng, results, alts, spread);
            if round % 9 == 0 {
                // A table that does not add up.
                let Slot::Part { value, .. } = &mut rows[2].1[0][0] else { unreachable!() };
                *value = Number::Int(value.as_f64() as i64 + 1);
            }
            let t = T3Rows {
                new: 0,
                carried_over: 1,
                results_total: 2,
                carried_forward: 3,
                results: (4..4 + results).collect(),
            };
            // The budget as it is, and budgets small enough to run out anywhere in a search.
            let budget = if round % 4 == 0 { MAX_STATES } else { 20 + rng.below(3_000) as usize };
            let mut plain: Vec<(Vec<Token>, Vec<Cand>, bool)> = rows.clone();
            let mut used = 0;
            joint_columns_plain(&mut plain, &t, budget, &mut used);
            let before: usize = rows.iter().map(|r| r.1.len()).sum();
            let cands = |rows: &[(Vec<Token>, Vec<Cand>, bool)]| rows.iter().map(|r| r.1.clone()).collect::<Vec<_>>();
            // The states the search counts, exactly: a budget of that many runs out, one more does not.
            if used > 0 && used < budget {
                for b in [used, used + 1] {
                    let (mut fast, mut plain) = (rows.clone(), rows.clone());
                    joint_columns_within(&mut fast, &t, b);
                    joint_columns_plain(&mut plain, &t, b, &mut 0);
                    assert!(cands(&fast) == cands(&plain), "round {round}, budget {b}");
                }
            }
            joint_columns_within(&mut rows, &t, budget);
            let after: usize = rows.iter().map(|r| r.1.len()).sum();
            assert!(cands(&rows) == cands(&plain), "round {round}");
            pruned += usize::from(after < before);
            over_budget += usize::from(after == before);
        }
        assert!(pruned > 8 && over_budget > 2, "pruned {pruned}, over budget {over_budget}");
    }

    /// The search as it was: a `HashSet` per layer, every key tried against every state.
    fn joint_columns_plain(
        rows: &mut [(Vec<Token>, Vec<Cand>, bool)],
        t: &T3Rows,
        max_states: usize,
        used: &mut usize,
    ) {
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
        let mut budget = max_states;
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
                *used += next.len();
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
}
