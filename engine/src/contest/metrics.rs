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
    let (top_share, nakamoto) = top_and_nakamoto(x);
    Metrics {
        revenue,
        revenue_share: revenue / vmax,
        fairness,
        entropy,
        hhi: metrics::hhi(x.iter().copied()),
        top_share,
        nakamoto,
        efficiency: values.iter().zip(x).map(|(v, xi)| v * xi).sum::<f64>() / vmax,
        utilities: values.iter().zip(x).zip(p).map(|((v, xi), pi)| v * xi - pi).collect(),
    }
}

/// The top share and the Nakamoto coefficient of allocations `x` (summing to 1): the
/// largest `m` found by selection (`O(k)`), sorted and summed, `m` growing fourfold
/// until they pass one half — no sort of all `k` allocations unless needed.
fn top_and_nakamoto(x: &[f64]) -> (f64, usize) {
    let mut buf = x.to_vec();
    let desc = |a: &f64, b: &f64| b.total_cmp(a);
    let mut m = x.len().min(64);
    loop {
        if m < buf.len() {
            buf.select_nth_unstable_by(m - 1, desc);
        }
        let mut top = buf[..m].to_vec();
        top.sort_by(desc);
        let n = metrics::nakamoto(&top, 1.0);
        let passed = top.iter().fold(0.0, |acc, w| acc + w) > 0.5;
        if passed || m == buf.len() {
            return (metrics::top_share(&top, 1.0), n);
        }
        m = (4 * m).min(buf.len());
    }
}

/// [`metrics`] of players in value classes: `values`, `x`, `p` per class, `counts` the
/// class sizes and `class` each player's class — sums weighted by the counts, the
/// concentration measures from the classes sorted (no sort over the players).
///
/// ```
/// use et_engine::contest::metrics::{metrics, metrics_classes};
/// let per_player = metrics(&[2.0, 1.0, 2.0], &[0.4, 0.2, 0.4], &[0.3, 0.1, 0.3]);
/// let classes = metrics_classes(&[2.0, 1.0], &[0.4, 0.2], &[0.3, 0.1], &[2.0, 1.0], &[0, 1, 0]);
/// assert_eq!((classes.nakamoto, classes.utilities.len()), (per_player.nakamoto, 3));
/// assert!((classes.entropy - per_player.entropy).abs() < 1e-15);
/// ```
pub fn metrics_classes(values: &[f64], x: &[f64], p: &[f64], counts: &[f64], class: &[u32]) -> Metrics {
    let k: f64 = counts.iter().sum();
    let vmax = values.iter().cloned().fold(0.0, f64::max);
    let weighted = |f: &dyn Fn(usize) -> f64| (0..x.len()).map(|c| counts[c] * f(c)).sum::<f64>();
    let revenue = weighted(&|c| p[c]);
    let fairness = if x.iter().any(|&xi| xi <= 0.0) {
        0.0
    } else {
        (weighted(&|c| x[c].ln()) / k).exp()
    };
    let mut order: Vec<usize> = (0..x.len()).collect();
    order.sort_by(|&a, &b| x[b].total_cmp(&x[a]));
    // Member by member (at most O(k) additions), rounding as the per-player sum does.
    let (mut acc, mut nakamoto, mut seen) = (0.0, class.len(), 0usize);
    'classes: for &c in &order {
        for _ in 0..counts[c] as usize {
            acc += x[c];
            seen += 1;
            if acc > 0.5 {
                nakamoto = seen;
                break 'classes;
            }
        }
    }
    let u: Vec<f64> = (0..x.len()).map(|c| values[c] * x[c] - p[c]).collect();
    Metrics {
        revenue,
        revenue_share: revenue / vmax,
        fairness,
        entropy: -weighted(&|c| if x[c] > 0.0 { x[c] * x[c].log2() } else { 0.0 }),
        hhi: 10_000.0 * weighted(&|c| x[c] * x[c]),
        top_share: order.first().map_or(0.0, |&c| x[c]),
        nakamoto,
        efficiency: weighted(&|c| values[c] * x[c]) / vmax,
        utilities: class.iter().map(|&c| u[c as usize]).collect(),
    }
}
