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
    let fail =
        |why: String| EngineError::invalid("alpha", format!("the mixed-equilibrium linear program failed: {why}"));
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
    let (b1, b2) = (grid(v1, g), grid(v2, g));
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
