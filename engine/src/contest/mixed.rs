//! Mixed equilibria of two-player Tullock contests with `α > 1` where no pure one exists.
//!
//! With `x₁ + x₂ = 1` and linear costs the contest is strategically equivalent to the
//! constant-sum game in which player 1 gets `x₁ − b₁/v₁ + b₂/v₂` and player 2 the rest
//! (each payoff is the player's utility divided by its value, plus a term the player does
//! not control). Its equilibria are minimax strategies: on a grid of bids each is one
//! linear program, solved with `microlp`.

use microlp::{ComparisonOp, OptimizationDirection, Problem};

use super::check::pair_share;
use crate::error::{EngineError, Result};

/// Each player's grid of bids and the probabilities on it.
#[derive(Debug, Clone, PartialEq)]
pub struct MixedPair {
    pub bids: [Vec<f64>; 2],
    pub probs: [Vec<f64>; 2],
}

impl MixedPair {
    /// The pair as `[(bids, probs); 2]`.
    pub fn atoms(&self) -> [(Vec<f64>, Vec<f64>); 2] {
        [
            (self.bids[0].clone(), self.probs[0].clone()),
            (self.bids[1].clone(), self.probs[1].clone()),
        ]
    }
}

/// `g + 1` evenly spaced bids on `[0, v]`.
fn grid(v: f64, g: usize) -> Vec<f64> {
    (0..=g).map(|k| v * k as f64 / g as f64).collect()
}

/// Optimal mixed strategy of the row player of `a` (maximizing) by linear programming.
fn maximin(a: &[Vec<f64>]) -> Result<Vec<f64>> {
    let (rows, cols) = (a.len(), a[0].len());
    let mut lp = Problem::new(OptimizationDirection::Maximize);
    let p: Vec<_> = (0..rows).map(|_| lp.add_var(0.0, (0.0, 1.0))).collect();
    let value = lp.add_var(1.0, (f64::NEG_INFINITY, f64::INFINITY));
    #[allow(clippy::needless_range_loop)] // column j of a row-major matrix
    for j in 0..cols {
        let mut expr: Vec<_> = (0..rows).map(|i| (p[i], a[i][j])).collect();
        expr.push((value, -1.0));
        lp.add_constraint(expr.as_slice(), ComparisonOp::Ge, 0.0);
    }
    let ones: Vec<_> = p.iter().map(|&v| (v, 1.0)).collect();
    lp.add_constraint(ones.as_slice(), ComparisonOp::Eq, 1.0);
    let fail = |why: String| {
        EngineError::not_converged(
            "alpha",
            "the mixed-equilibrium linear program",
            format!("failed: {why}"),
        )
    };
    let sol = lp
        .solve()
        .map_err(|e| fail(e.to_string()))?
        .into_solution()
        .map_err(|e| fail(format!("{e:?}")))?;
    let probs: Vec<f64> = p.iter().map(|&v| sol[v].max(0.0)).collect();
    let total: f64 = probs.iter().sum();
    Ok(probs.iter().map(|q| q / total).collect())
}

/// The mixed equilibrium of the constant-sum twin on grids of `g + 1` bids each.
pub fn solve(v1: f64, v2: f64, alpha: f64, g: usize) -> Result<MixedPair> {
    solve_on(grid(v1, g), grid(v2, g), v1, v2, alpha)
}

/// The starting grid of the double oracle: 25 even bids on `[0, v]` and 12 log-spaced
/// small ones (equilibria above `α = 2` put mass near 0).
fn start_grid(v: f64) -> Vec<f64> {
    let mut g = grid(v, 24);
    g.extend((0..12).map(|k| v * 10f64.powf(-6.0 + 0.4 * k as f64)));
    g.sort_by(f64::total_cmp);
    g
}

/// A double-oracle run: the pair, the largest gain left, the change of revenue
/// between the last two refinements, and the tolerance reached.
#[derive(Debug, Clone, PartialEq)]
pub struct Refinement {
    pub pair: MixedPair,
    pub gain: f64,
    pub revenue_change: f64,
    pub tolerance: f64,
    pub iterations: usize,
}

impl Refinement {
    /// A one-line account of the refinement (for `Outcome::refinement`).
    pub fn describe(&self) -> String {
        format!(
            "double oracle: {} + {} bids after {} best-response rounds, exploitability ≤ {:.1e} (revenue change from the {:.0e} stage: {:.1e})",
            self.pair.bids[0].len(),
            self.pair.bids[1].len(),
            self.iterations,
            self.tolerance,
            10.0 * self.tolerance,
            self.revenue_change
        )
    }
}

/// Double oracle refined twice: to `10 · tolerance`, then on the same growing grids
/// to `tolerance` (value units); the revenue change between the two stages is the
/// error estimate. Linear programs on the grids, continuous best responses added.
///
/// ```
/// use et_engine::contest::mixed::refine;
/// let r = refine(1.0, 1.0, 3.0, 1e-4).unwrap();
/// assert!(r.gain <= 1e-4 && r.revenue_change < 1e-4);
/// ```
pub fn refine(v1: f64, v2: f64, alpha: f64, tolerance: f64) -> Result<Refinement> {
    let mut grids = [start_grid(v1), start_grid(v2)];
    let first = solve_on(grids[0].clone(), grids[1].clone(), v1, v2, alpha)?;
    let (coarse, _, n0) = oracle_loop(&mut grids, first, (v1, v2, alpha), 10.0 * tolerance)?;
    let (pair, gain, n1) = oracle_loop(&mut grids, coarse.clone(), (v1, v2, alpha), tolerance)?;
    let revenue = |p: &MixedPair| -> f64 {
        (0..2)
            .map(|i| p.bids[i].iter().zip(&p.probs[i]).map(|(b, q)| b * q).sum::<f64>())
            .sum()
    };
    Ok(Refinement {
        revenue_change: (revenue(&pair) - revenue(&coarse)).abs(),
        pair,
        gain,
        tolerance,
        iterations: n0 + n1,
    })
}

/// Double-oracle rounds on `grids` until neither player gains more than `tolerance`.
fn oracle_loop(
    grids: &mut [Vec<f64>; 2],
    mut pair: MixedPair,
    (v1, v2, alpha): (f64, f64, f64),
    tolerance: f64,
) -> Result<(MixedPair, f64, usize)> {
    for round in 0..200 {
        let (u1, u2) = utilities(&pair, v1, v2, alpha);
        let (best1, gain1) = super::check::mixed_best_bid(v1, &pair.bids[1], &pair.probs[1], alpha);
        let (best2, gain2) = super::check::mixed_best_bid(v2, &pair.bids[0], &pair.probs[0], alpha);
        let gains = [gain1 - u1, gain2 - u2];
        #[cfg(feature = "trace")]
        eprintln!(
            "oracle: grids {} + {}, gains {:e} {:e}",
            grids[0].len(),
            grids[1].len(),
            gains[0],
            gains[1]
        );
        if gains[0].max(gains[1]) <= tolerance {
            return Ok((pair, gains[0].max(gains[1]).max(0.0), round));
        }
        let mut grew = false;
        for (g, (best, gain)) in grids.iter_mut().zip([(best1, gains[0]), (best2, gains[1])]) {
            if gain > 0.25 * tolerance {
                grew |= add_candidate(g, best);
            }
        }
        if !grew {
            break;
        }
        pair = solve_on(grids[0].clone(), grids[1].clone(), v1, v2, alpha)?;
    }
    Err(EngineError::not_converged(
        "alpha",
        "the double-oracle mixed-equilibrium solver",
        format!("did not reach an exploitability of {tolerance:e}"),
    ))
}

/// Adds the best response (or, when it is on the grid already, a point beside it; a
/// best response of "just above 0" gets a small positive bid, since 0 only ties).
fn add_candidate(grid: &mut Vec<f64>, best: f64) -> bool {
    let top = grid.iter().cloned().fold(0.0, f64::max);
    let step = top / (8.0 * grid.len() as f64);
    let cands = if best <= 1e-9 * top {
        [1e-7 * top, 1e-5 * top, 1e-3 * top]
    } else {
        [best, best - step, best + step]
    };
    for cand in cands {
        if cand > 0.0 && cand <= top && grid.iter().all(|b| (b - cand).abs() > 1e-12 * top) {
            grid.push(cand);
            return true;
        }
    }
    false
}

/// Each player's expected utility under a mixed pair.
fn utilities(pair: &MixedPair, v1: f64, v2: f64, alpha: f64) -> (f64, f64) {
    let (mut x1, mut e1, mut e2) = (0.0, 0.0, 0.0);
    for (a, pa) in pair.bids[0].iter().zip(&pair.probs[0]) {
        e1 += a * pa;
        for (b, qb) in pair.bids[1].iter().zip(&pair.probs[1]) {
            x1 += pa * qb * pair_share(*a, *b, alpha);
        }
    }
    for (b, qb) in pair.bids[1].iter().zip(&pair.probs[1]) {
        e2 += b * qb;
    }
    (v1 * x1 - e1, v2 * (1.0 - x1) - e2)
}

/// Player 1's payoff in the twin, with magnitudes below 1e-12 (rounding residue, e.g.
/// `y/v₂ − x/v₁` for tiny equal bids, or shares of `(1e-6)^α`) set to 0: the simplex
/// rejects programs whose coefficients span more than ~1e6 within a row.
fn payoff(x: f64, y: f64, v1: f64, v2: f64, alpha: f64) -> f64 {
    let a = pair_share(x, y, alpha) - x / v1 + y / v2;
    if a.abs() < 1e-12 {
        0.0
    } else {
        a
    }
}

/// The minimax strategies of the twin on the given grids (one program when the game is
/// symmetric: equal values on equal grids).
fn solve_on(b1: Vec<f64>, b2: Vec<f64>, v1: f64, v2: f64, alpha: f64) -> Result<MixedPair> {
    let a: Vec<Vec<f64>> = b1
        .iter()
        .map(|&x| b2.iter().map(|&y| payoff(x, y, v1, v2, alpha)).collect())
        .collect();
    let p1 = maximin(&a)?;
    let p2 = if v1 == v2 && b1 == b2 {
        p1.clone()
    } else {
        // Player 2 maximizes 1 − a: the same program on the transposed, negated matrix.
        let at: Vec<Vec<f64>> = (0..b2.len())
            .map(|j| (0..b1.len()).map(|i| -a[i][j]).collect())
            .collect();
        maximin(&at)?
    };
    Ok(MixedPair {
        probs: [p1, p2],
        bids: [b1, b2],
    })
}
