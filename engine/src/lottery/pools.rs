//! Ticket pools (SPEC §1): how pooling independent tickets shrinks the risk per ticket.
//!
//! # Formula
//!
//! A pool of `m` tickets with independent wins has a per-ticket value (the pool's total
//! over `m`) with standard deviation `sd(V)/√m`. The estimate is the sample standard
//! deviation of the per-ticket values of simulated pools, with the 95 % interval of
//! [`sd_interval`] from the pool's exact kurtosis `3 + (κ − 3)/m`
//! ([`value_kurtosis`]): no interval (`0` to `∞`) when the reward's fourth moment is
//! infinite (a Pareto tail index ≤ 4), where no interval from a sample holds its
//! coverage.

use super::intervals::{sd_interval, value_kurtosis};
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
    /// Pools simulated at this size.
    pub pools: u64,
    /// The estimate's 95 % interval (`0` to `∞` when the reward's fourth moment is
    /// infinite: no interval).
    pub low: f64,
    pub high: f64,
}

impl PoolPoint {
    /// Whether the point has an interval (the reward's fourth moment is finite).
    pub fn has_interval(&self) -> bool {
        self.high.is_finite()
    }
}

/// The point of size `m` from the per-ticket values `means` of its pools.
fn point(m: u64, sd: f64, kurtosis: f64, means: &[f64]) -> PoolPoint {
    let pools = means.len() as f64;
    let mean = means.iter().sum::<f64>() / pools;
    let var = means.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (pools - 1.0);
    let estimate = var.sqrt();
    let (low, high) = sd_interval(estimate, means.len() as u64, 3.0 + (kurtosis - 3.0) / m as f64);
    PoolPoint {
        size: m,
        sd: sd / (m as f64).sqrt(),
        sd_estimate: estimate,
        pools: means.len() as u64,
        low,
        high,
    }
}

fn kurtosis(mc: &TicketMonteCarlo) -> f64 {
    let (n, d, reward) = mc.parameters();
    value_kurtosis(n, d, reward)
}

/// The per-ticket standard deviation of a pool of `m` tickets with independent wins,
/// for each size in `sizes`: the closed form `sd(V)/√m` and an estimate from `pools`
/// simulated pools per size (seeded, stream `i` for size `i`), with its 95 % interval.
///
/// ```
/// use et_engine::lottery::monte_carlo::TicketMonteCarlo;
/// use et_engine::lottery::pools::pool_risk;
/// use et_engine::rewards::Reward;
/// let mc = TicketMonteCarlo::new(10.0, 0.01, Reward::constant(1.0).unwrap(), 0).unwrap();
/// let curve = pool_risk(&mc, &[1, 4], 2_000, 3).unwrap();
/// assert!((curve[1].sd - curve[0].sd / 2.0).abs() < 1e-15); // sd(V)/√m
/// assert!((curve[1].sd_estimate / curve[1].sd - 1.0).abs() < 0.1);
/// assert!(curve[1].low < curve[1].sd && curve[1].sd < curve[1].high);
/// ```
pub fn pool_risk(mc: &TicketMonteCarlo, sizes: &[u64], pools: u64, seed: u64) -> Result<Vec<PoolPoint>> {
    if pools < 2 {
        return Err(EngineError::invalid("pools", "must be at least 2"));
    }
    sizes
        .iter()
        .enumerate()
        .map(|(i, &m)| pool_risk_point(mc, i, m, pools, seed))
        .collect()
}

/// The point of [`pool_risk`] for its `i`-th size `m` (stream `i`): sizes are independent,
/// so a face may compute them on any threads.
pub fn pool_risk_point(mc: &TicketMonteCarlo, i: usize, m: u64, pools: u64, seed: u64) -> Result<PoolPoint> {
    if pools < 2 {
        return Err(EngineError::invalid("pools", "must be at least 2"));
    }
    if m == 0 {
        return Err(EngineError::invalid("sizes", "every pool size must be at least 1"));
    }
    let (sd, k) = (mc.closed_form_sd(), kurtosis(mc));
    Ok(point(m, sd, k, &mc.pool_means(seed, i as u64, m, pools)))
}

/// The same curve from one set of `tickets` simulated tickets (stream 0 of the seed's
/// pool streams), grouped in order into `⌊tickets/m⌋` pools of `m` at each size: every
/// size sees the same tickets, small pools are many and large ones fewer, at the cost of
/// `tickets` draws in all. Each size needs at least 2 pools.
///
/// ```
/// use et_engine::lottery::monte_carlo::TicketMonteCarlo;
/// use et_engine::lottery::pools::grouped_pool_risk;
/// use et_engine::rewards::Reward;
/// let mc = TicketMonteCarlo::new(50.0, 0.01, Reward::exponential(1.0).unwrap(), 0).unwrap();
/// let curve = grouped_pool_risk(&mc, &[1, 16, 256], 1 << 16, 3).unwrap();
/// assert_eq!((curve[0].pools, curve[2].pools), (65_536, 256));
/// assert!(curve.iter().all(|p| p.low < p.sd && p.sd < p.high));
/// ```
pub fn grouped_pool_risk(mc: &TicketMonteCarlo, sizes: &[u64], tickets: u64, seed: u64) -> Result<Vec<PoolPoint>> {
    check_grouped(sizes, tickets)?;
    grouped_from_values(mc, sizes, &mc.pool_means(seed, 0, 1, tickets))
}

/// Checks [`grouped_pool_risk`]'s sizes against its number of tickets.
pub fn check_grouped(sizes: &[u64], tickets: u64) -> Result<()> {
    if sizes.iter().any(|&m| m == 0 || tickets / m < 2) {
        return Err(EngineError::invalid(
            "sizes",
            format!("every pool size must be at least 1 and at most half the {tickets} tickets"),
        ));
    }
    Ok(())
}

/// [`grouped_pool_risk`] from the tickets' values drawn already (stream 0 of the seed's
/// pool streams, in order: [`TicketMonteCarlo::pool_stream`] and
/// [`TicketMonteCarlo::pool_ticket`], which a page draws a part a task).
pub fn grouped_from_values(mc: &TicketMonteCarlo, sizes: &[u64], values: &[f64]) -> Result<Vec<PoolPoint>> {
    check_grouped(sizes, values.len() as u64)?;
    let (sd, k) = (mc.closed_form_sd(), kurtosis(mc));
    Ok(sizes
        .iter()
        .map(|&m| {
            let means: Vec<f64> = values
                .chunks_exact(m as usize)
                .map(|c| c.iter().sum::<f64>() / m as f64)
                .collect();
            point(m, sd, k, &means)
        })
        .collect())
}
