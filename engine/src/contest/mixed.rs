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

/// Double oracle: solve on small grids, add each player's best response on the
/// continuous game to its grid, and repeat until no player gains more than
/// `tolerance` (in value units) by deviating.
pub fn solve_oracle(v1: f64, v2: f64, alpha: f64, tolerance: f64) -> Result<MixedPair> {
    let (mut b1, mut b2) = (grid(v1, 24), grid(v2, 24));
    let mut pair = solve_on(b1.clone(), b2.clone(), v1, v2, alpha)?;
    for _ in 0..60 {
        let (u1, u2) = utilities(&pair, v1, v2, alpha);
        let (best1, gain1) = super::check::mixed_best_bid(v1, &pair.bids[1], &pair.probs[1], alpha);
        let (best2, gain2) = super::check::mixed_best_bid(v2, &pair.bids[0], &pair.probs[0], alpha);
        let (g1, g2) = (gain1 - u1, gain2 - u2);
        #[cfg(feature = "trace")]
        eprintln!("oracle: grids {} + {}, gains {g1:e} {g2:e}", b1.len(), b2.len());
        if g1.max(g2) <= tolerance {
            break;
        }
        let mut grew = false;
        for (grid, best, gain) in [(&mut b1, best1, g1), (&mut b2, best2, g2)] {
            // A bid of almost nothing is the grid's 0 already.
            let top = grid.iter().cloned().fold(0.0, f64::max);
            if gain <= 0.25 * tolerance {
                continue;
            }
            // The best response, or (when it is on the grid already) points beside it; a
            // best response of "just above 0" (beating an opponent's atom at 0) gets a
            // small positive bid, since 0 itself only ties.
            let step = top / (8.0 * grid.len() as f64);
            let cands = if best <= 1e-9 * top {
                [1e-6 * top, 1e-4 * top, 1e-3 * top]
            } else {
                [best, best - step, best + step]
            };
            for cand in cands {
                if cand > 0.0 && cand <= top && grid.iter().all(|b| (b - cand).abs() > 1e-9 * top) {
                    grid.push(cand);
                    grew = true;
                    break;
                }
            }
        }
        if !grew {
            break;
        }
        pair = solve_on(b1.clone(), b2.clone(), v1, v2, alpha)?;
    }
    Ok(pair)
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

/// The minimax strategies of the twin on the given grids.
fn solve_on(b1: Vec<f64>, b2: Vec<f64>, v1: f64, v2: f64, alpha: f64) -> Result<MixedPair> {
    let a: Vec<Vec<f64>> = b1
        .iter()
        .map(|&x| b2.iter().map(|&y| pair_share(x, y, alpha) - x / v1 + y / v2).collect())
        .collect();
    // Player 2 maximizes 1 − a: the same program on the transposed, negated matrix.
    let at: Vec<Vec<f64>> = (0..b2.len())
        .map(|j| (0..b1.len()).map(|i| -a[i][j]).collect())
        .collect();
    Ok(MixedPair {
        probs: [maximin(&a)?, maximin(&at)?],
        bids: [b1, b2],
    })
}
