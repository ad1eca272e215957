//! Ticket pools (SPEC §1): how pooling independent tickets shrinks the risk per ticket.

use super::monte_carlo::TicketMonteCarlo;
use crate::error::{EngineError, Result};

/// One point of the pool-risk curve.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct PoolPoint {
    /// Tickets in the pool.
    pub size: u64,
    /// Closed form: the standard deviation of the per-ticket value, `sd(V)/√m`.
    pub sd: f64,
    /// Monte Carlo estimate of the same from pools of independent tickets.
    pub sd_estimate: f64,
}

/// The per-ticket standard deviation of a pool of `m` tickets with independent wins,
/// for each size in `sizes`: the closed form `sd(V)/√m` and an estimate from `pools`
/// simulated pools per size (seeded, stream `i` for size `i`).
///
/// ```
/// use et_engine::lottery::monte_carlo::TicketMonteCarlo;
/// use et_engine::lottery::pools::pool_risk;
/// use et_engine::rewards::Reward;
/// let mc = TicketMonteCarlo::new(10.0, 0.01, Reward::constant(1.0).unwrap(), 0).unwrap();
/// let curve = pool_risk(&mc, &[1, 4], 2_000, 3).unwrap();
/// assert!((curve[1].sd - curve[0].sd / 2.0).abs() < 1e-15); // sd(V)/√m
/// assert!((curve[1].sd_estimate / curve[1].sd - 1.0).abs() < 0.1);
/// ```
pub fn pool_risk(mc: &TicketMonteCarlo, sizes: &[u64], pools: u64, seed: u64) -> Result<Vec<PoolPoint>> {
    if pools < 2 {
        return Err(EngineError::invalid("pools", "must be at least 2"));
    }
    let sd = mc.closed_form_sd();
    sizes
        .iter()
        .enumerate()
        .map(|(i, &m)| {
            if m == 0 {
                return Err(EngineError::invalid("sizes", "every pool size must be at least 1"));
            }
            let means = mc.pool_means(seed, i as u64, m, pools);
            let mean = means.iter().sum::<f64>() / pools as f64;
            let var = means.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (pools - 1) as f64;
            Ok(PoolPoint {
                size: m,
                sd: sd / (m as f64).sqrt(),
                sd_estimate: var.sqrt(),
            })
        })
        .collect()
}
