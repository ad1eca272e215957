//! The independent best-response check: how much a player could gain by deviating,
//! found by search on a fine grid of bids refined by golden-section steps — never
//! from the first-order conditions the solvers use.

use crate::numeric::fastmath;

/// Golden-section search for the maximum of `f` on `[a, b]`.
fn golden(f: &dyn Fn(f64) -> f64, mut a: f64, mut b: f64) -> (f64, f64) {
    let r = 0.5 * (5f64.sqrt() - 1.0);
    let (mut c, mut d) = (b - r * (b - a), a + r * (b - a));
    let (mut fc, mut fd) = (f(c), f(d));
    for _ in 0..100 {
        if fc > fd {
            b = d;
            (d, fd) = (c, fc);
            c = b - r * (b - a);
            fc = f(c);
        } else {
            a = c;
            (c, fc) = (d, fd);
            d = a + r * (b - a);
            fd = f(d);
        }
        if b - a <= 1e-15 * b.abs().max(1e-300) {
            break;
        }
    }
    if fc > fd {
        (c, fc)
    } else {
        (d, fd)
    }
}

/// The best value of `f` on `[0, upper]`: a grid of linear and log-spaced bids, then a
/// golden-section refinement around the best few grid points.
pub fn maximize(f: &dyn Fn(f64) -> f64, upper: f64) -> (f64, f64) {
    let mut grid: Vec<f64> = (0..=1000).map(|k| upper * k as f64 / 1000.0).collect();
    grid.extend((0..=400).map(|k| upper * 10f64.powf(-14.0 + 14.0 * k as f64 / 400.0)));
    grid.sort_by(f64::total_cmp);
    grid.dedup();
    let vals: Vec<f64> = grid.iter().map(|&b| f(b)).collect();
    let mut order: Vec<usize> = (0..grid.len()).collect();
    order.sort_by(|&a, &b| vals[b].total_cmp(&vals[a]));
    let mut best = (grid[order[0]], vals[order[0]]);
    for &i in order.iter().take(4) {
        let (a, b) = (grid[i.saturating_sub(1)], grid[(i + 1).min(grid.len() - 1)]);
        let cand = golden(f, a, b);
        if cand.1 > best.1 {
            best = cand;
        }
    }
    best
}

/// Player `i`'s best utility in a Tullock contest when the others' weights add to `others`;
/// `start` is a bid to start the search from (it changes the speed, not the answer).
pub fn tullock_best_response(v: f64, others: f64, alpha: f64, start: f64) -> f64 {
    if others == 0.0 {
        return v; // any positive bid, however small, wins everything
    }
    if alpha == 1.0 {
        // max_b v b/(b + c) − b = (√v − √c)² at b = √(vc) − c, or 0 when v ≤ c.
        return if v > others {
            (v.sqrt() - others.sqrt()).powi(2)
        } else {
            0.0
        };
    }
    let f = |b: f64| {
        let w = if b > 0.0 { b.powf(alpha) } else { 0.0 };
        v * w / (w + others) - b
    };
    if alpha < 1.0 {
        // Concave in b. With w = b^α = e^z the first-order condition α v c w^(1−1/α) = (w + c)²
        // reads g(z) = ln(α v c) + (1 − 1/α) z − 2 ln(e^z + c) = 0, g strictly falling:
        // Newton steps in z inside a shrinking bracket.
        // (The table-driven exp and ln: within 2 ulp and 3e-16 absolute, a third of the
        // cost of the platform's; this search runs once a player.)
        let k = (alpha * v * others).ln();
        let g = |z: f64| k + (1.0 - 1.0 / alpha) * z - 2.0 * fastmath::ln(fastmath::exp(z) + others);
        let dg = |z: f64| {
            let e = fastmath::exp(z);
            (1.0 - 1.0 / alpha) - 2.0 * e / (e + others)
        };
        let (lo, hi) = (-745.0, alpha * v.ln());
        let start = if start > 0.0 { alpha * start.ln() } else { others.ln() }.clamp(lo, hi);
        let z = crate::numeric::root::falling_zero(&g, &dg, lo, hi, start);
        let b = (z / alpha).exp().min(v);
        return f(b).max(f(0.0)).max(f(v));
    }
    maximize(&f, v).1
}

/// The largest gain of a unilateral deviation from pure bids in a Tullock contest.
/// The others' weight of each player comes from prefix and suffix sums: `O(k)` in all.
pub fn tullock_exploitability(values: &[f64], bids: &[f64], alpha: f64, utilities: &[f64]) -> f64 {
    let w = super::tullock::weights(bids, alpha);
    let mut suffix = vec![0.0; w.len() + 1];
    for i in (0..w.len()).rev() {
        suffix[i] = suffix[i + 1] + w[i];
    }
    let mut prefix = 0.0;
    let mut worst: f64 = 0.0;
    for i in 0..w.len() {
        let others = prefix + suffix[i + 1];
        worst = worst.max(tullock_best_response(values[i], others, alpha, bids[i]) - utilities[i]);
        prefix += w[i];
    }
    worst.max(0.0)
}

/// Player 1's share when bidding `a` against `b` (½ when both bid nothing).
pub fn pair_share(a: f64, b: f64, alpha: f64) -> f64 {
    let (wa, wb) = (
        if a > 0.0 { a.powf(alpha) } else { 0.0 },
        if b > 0.0 { b.powf(alpha) } else { 0.0 },
    );
    if wa + wb == 0.0 {
        0.5
    } else {
        wa / (wa + wb)
    }
}

/// A player's best utility with value `v` against a mixed strategy `(bids, probs)`.
pub fn mixed_best_response(v: f64, opp_bids: &[f64], opp_probs: &[f64], alpha: f64) -> f64 {
    mixed_best_bid(v, opp_bids, opp_probs, alpha).1
}

/// The best bid and its utility with value `v` against a mixed strategy.
pub fn mixed_best_bid(v: f64, opp_bids: &[f64], opp_probs: &[f64], alpha: f64) -> (f64, f64) {
    let support: Vec<(f64, f64)> = opp_bids
        .iter()
        .zip(opp_probs)
        .filter(|(_, &q)| q > 0.0)
        .map(|(b, q)| (*b, *q))
        .collect();
    let f = |b: f64| {
        support
            .iter()
            .map(|&(o, q)| q * v * pair_share(b, o, alpha))
            .sum::<f64>()
            - b
    };
    maximize(&f, v)
}
