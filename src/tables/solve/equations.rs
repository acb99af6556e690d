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

pub(super) fn sumset(a: &[f64], b: &[f64]) -> Option<Vec<f64>> {
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
pub(crate) fn satisfiable(rows: &[(Vec<Token>, Vec<Cand>)], eq: &Equation) -> bool {
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
