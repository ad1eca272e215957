//! SPEC §2's metrics of an outcome: revenue, fairness and concentration (the last from
//! [`crate::metrics`]).

use crate::metrics;

/// The metrics of allocations `x`, payments `p` and values `v` (same order).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Metrics {
    /// `Σ p_i`: what the mechanism raises (the MEV-oracle quality).
    pub revenue: f64,
    /// Revenue as a fraction of the top value.
    pub revenue_share: f64,
    /// Geometric mean of the allocations, `(Π x_i)^(1/k)` (`√(x₁x₂)` for two players).
    pub fairness: f64,
    /// Entropy of the allocations in bits.
    pub entropy: f64,
    /// Herfindahl–Hirschman index on the 0–10,000 scale.
    pub hhi: f64,
    /// The largest allocation.
    pub top_share: f64,
    /// The fewest players whose allocations add up to more than one half.
    pub nakamoto: usize,
    /// `Σ v_i x_i / max v`.
    pub efficiency: f64,
    /// `v_i x_i − p_i`.
    pub utilities: Vec<f64>,
}

/// Computes [`Metrics`].
pub fn metrics(values: &[f64], x: &[f64], p: &[f64]) -> Metrics {
    let k = x.len() as f64;
    let vmax = values.iter().cloned().fold(0.0, f64::max);
    let revenue: f64 = p.iter().sum();
    let fairness = if x.iter().any(|&xi| xi <= 0.0) {
        0.0
    } else {
        (x.iter().map(|xi| xi.ln()).sum::<f64>() / k).exp()
    };
    let entropy = -x.iter().filter(|&&xi| xi > 0.0).map(|xi| xi * xi.log2()).sum::<f64>();
    let sorted = metrics::sorted_desc(x.iter().copied());
    Metrics {
        revenue,
        revenue_share: revenue / vmax,
        fairness,
        entropy,
        hhi: metrics::hhi(x.iter().copied()),
        top_share: metrics::top_share(&sorted, 1.0),
        nakamoto: metrics::nakamoto(&sorted, 1.0),
        efficiency: values.iter().zip(x).map(|(v, xi)| v * xi).sum::<f64>() / vmax,
        utilities: values.iter().zip(x).zip(p).map(|((v, xi), pi)| v * xi - pi).collect(),
    }
}
