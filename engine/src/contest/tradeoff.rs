//! The revenue-vs-fairness trade-off over α, and the Sybil analysis.

use super::mechanism::{check_values, Mechanism, Outcome};
use super::mixed_pair;
use super::solve::solve;
use crate::error::{EngineError, Result};

/// One point of the trade-off curve: α and the outcome, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub struct CurvePoint {
    pub alpha: f64,
    pub outcome: Result<Outcome>,
}

/// Outcomes of the Tullock contest at each α (the all-pay auction for α = ∞).
///
/// ```
/// use et_engine::contest::tradeoff::tradeoff;
/// let curve = tradeoff(&[4.0, 2.0], &[1.0, f64::INFINITY]).unwrap();
/// let revenue = |i: usize| curve[i].outcome.as_ref().unwrap().metrics.revenue;
/// assert!((revenue(0) - 4.0 / 3.0).abs() < 1e-12); // proportional
/// assert!((revenue(1) - 1.5).abs() < 1e-12); // all-pay: v₂/2 + (v₂/v₁) v₂/2
/// ```
pub fn tradeoff(values: &[f64], alphas: &[f64]) -> Result<Vec<CurvePoint>> {
    check_values(values)?;
    alphas
        .iter()
        .enumerate()
        .map(|(i, &a)| {
            let mechanism = if a == f64::INFINITY {
                Mechanism::AllPayAuction
            } else {
                Mechanism::tullock(a).map_err(|e| EngineError::invalid(format!("alphas[{i}]"), e.to_string()))?
            };
            Ok(CurvePoint {
                alpha: a,
                outcome: curve_point(values, mechanism),
            })
        })
        .collect()
}

/// The outcome a point of the curve needs: [`solve`]'s, except two players above
/// `α = 2`, whose revenue, expected bids and allocations are the all-pay-equivalent
/// closed form (Alcalde & Dahm 2010) with or without their numerical strategies: the
/// curve takes the closed form alone (method `"closed-form"`, no strategies), not the
/// ~70 ms double oracle that finds strategies to show.
///
/// ```
/// use et_engine::contest::{solve, tradeoff::curve_point, Mechanism};
/// let m = Mechanism::Tullock(3.0);
/// let (fast, full) = (curve_point(&[4.0, 2.0], m).unwrap(), solve(&[4.0, 2.0], m).unwrap());
/// assert_eq!((fast.metrics.revenue, fast.metrics.fairness), (full.metrics.revenue, full.metrics.fairness));
/// assert!(fast.strategies.is_none() && full.strategies.is_some());
/// ```
pub fn curve_point(values: &[f64], mechanism: Mechanism) -> Result<Outcome> {
    match mechanism {
        Mechanism::Tullock(a) if a > 2.0 && values.len() == 2 => {
            check_values(values)?;
            let mut o = mixed_pair::all_pay_equivalent_outcome(values, mechanism, "closed-form");
            o.refinement = Some(
                "all-pay-equivalent closed form (Alcalde & Dahm 2010); strategies not computed for the curve".into(),
            );
            Ok(o)
        }
        _ => solve(values, mechanism),
    }
}

/// `count` values of α log-spaced from 0.1 to 10.
pub fn default_alphas(count: usize) -> Vec<f64> {
    let n = count.max(2);
    (0..n)
        .map(|i| 10f64.powf(-1.0 + 2.0 * i as f64 / (n - 1) as f64))
        .collect()
}

/// The factor by which splitting a bid into `q` identities multiplies its weight.
///
/// # Formula
/// `q (b/q)^α = q^(1−α) b^α`: above 1 for α < 1 (Sybils pay), below 1 for α > 1
/// (merging pays), 1 at α = 1.
pub fn sybil_factor(alpha: f64, q: f64) -> f64 {
    q.powf(1.0 - alpha)
}

/// Player `i`'s share before and after splitting its equilibrium bid into `q`
/// identities, the others' bids unchanged (pure Tullock outcomes).
pub fn sybil_shares(outcome: &Outcome, alpha: f64, i: usize, q: f64) -> (f64, f64) {
    let w: Vec<f64> = outcome
        .bids
        .iter()
        .map(|b| if *b > 0.0 { b.powf(alpha) } else { 0.0 })
        .collect();
    let others: f64 = w.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, x)| x).sum();
    let mine = w[i] * sybil_factor(alpha, q);
    let after = if mine + others > 0.0 {
        mine / (mine + others)
    } else {
        0.0
    };
    (outcome.allocations[i], after)
}
