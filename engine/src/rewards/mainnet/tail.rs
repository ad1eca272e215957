//! The heavy tail of a window's payments: the empirical survival function `P(X > x)` on
//! a log-log scale and the Hill estimate of the tail index.
//!
//! - values are the window's blocks with a value, in ETH (missing slots left out);
//! - the survival function at the `i`-th largest value `x_(i)` is `i / n`, the empirical
//!   `P(X ≥ x_(i))`, at about [`POINTS`] ranks spaced evenly
//!   on a log scale (every rank up to 10, then thinner), so the plot is light however
//!   many blocks the window holds;
//! - the Hill estimator over the `k` largest values, `α̂ = k / Σ_{i≤k} ln(x_(i) / x_(k+1))`,
//!   with its asymptotic standard error `α̂ / √k` (Hill 1975; Hall 1982); `k` is the top
//!   1 % of the values ([`hill_k`]), a common choice for tails of this weight. The fitted
//!   power law `P(X ≥ x) ≈ (k/n) (x / x_(k+1))^(−α̂)` is drawn beyond `x_(k+1)`.

use super::summary::window;
use super::{gwei_to_eth, MainnetData};
use crate::error::{EngineError, Result};

/// About how many points the survival function gets.
pub const POINTS: usize = 200;

/// The window's tail.
#[derive(Debug, Clone, PartialEq)]
pub struct Tail {
    /// Blocks with a positive value.
    pub n: u64,
    /// `(x_(i), i / n)` at the chosen ranks, largest value first.
    pub survival: Vec<(f64, f64)>,
    /// The Hill estimate over the `k` largest values.
    pub hill: Hill,
}

/// A Hill estimate of the tail index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hill {
    /// The number of largest values used.
    pub k: u64,
    /// The tail index `α̂`.
    pub alpha: f64,
    /// Its standard error `α̂ / √k`.
    pub std_error: f64,
    /// The threshold `x_(k+1)` in ETH.
    pub threshold: f64,
    /// `k / n`, the survival at the threshold.
    pub fraction: f64,
}

/// The `k` of the Hill estimate for `n` values: the top 1 %, at least 10 (at most `n − 1`).
pub fn hill_k(n: usize) -> usize {
    (n / 100).max(10).min(n.saturating_sub(1))
}

/// The Hill estimate from values sorted in decreasing order (positive).
pub fn hill(desc: &[f64], k: usize) -> Hill {
    let threshold = desc[k];
    let sum: f64 = desc[..k].iter().map(|x| (x / threshold).ln()).sum();
    let alpha = k as f64 / sum;
    Hill {
        k: k as u64,
        alpha,
        std_error: alpha / (k as f64).sqrt(),
        threshold,
        fraction: k as f64 / desc.len() as f64,
    }
}

/// The ranks (1-based) plotted: every one up to 10, then about [`POINTS`] spaced evenly
/// in `ln i`, and `n`.
fn ranks(n: usize) -> Vec<usize> {
    let mut out: Vec<usize> = (1..=n.min(10)).collect();
    let step = ((n as f64).ln() / POINTS as f64).exp();
    let mut r = 10.0f64;
    while (r as usize) < n {
        r = (r * step).max(r + 1.0);
        let i = (r as usize).min(n);
        if out.last() != Some(&i) {
            out.push(i);
        }
    }
    out
}

/// The tail of the window `from..=to` (default all the data). Errors name `from` or
/// `to`, or `from` when the window has fewer than 20 blocks with a positive value.
pub fn tail(d: &MainnetData, from: Option<u64>, to: Option<u64>) -> Result<Tail> {
    let (lo, hi) = window(d, from, to)?;
    let mut gwei: Vec<u64> = (lo..=hi)
        .filter(|&i| d.status[i] == 0 && d.gwei[i] > 0)
        .map(|i| d.gwei[i])
        .collect();
    if gwei.len() < 20 {
        return Err(EngineError::invalid(
            "from",
            format!(
                "the window holds {} blocks with a positive value; a tail needs at least 20",
                gwei.len()
            ),
        ));
    }
    gwei.sort_unstable_by(|a, b| b.cmp(a));
    let desc: Vec<f64> = gwei.iter().map(|&g| gwei_to_eth(g)).collect();
    let n = desc.len();
    let survival = ranks(n)
        .into_iter()
        .map(|i| (desc[i - 1], i as f64 / n as f64))
        .collect();
    Ok(Tail {
        n: n as u64,
        survival,
        hill: hill(&desc, hill_k(n)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hill_recovers_a_pareto_index() {
        // Exact Pareto(α = 1.5) quantiles x_i = (n / i)^(1/α): α̂ → 1.5.
        let n = 100_000;
        let desc: Vec<f64> = (1..=n).map(|i| (n as f64 / i as f64).powf(1.0 / 1.5)).collect();
        let h = hill(&desc, hill_k(n));
        assert_eq!(h.k, 1_000);
        assert!((h.alpha - 1.5).abs() < 0.01, "{h:?}");
        assert!((h.std_error - h.alpha / 1_000f64.sqrt()).abs() < 1e-15);
    }

    #[test]
    fn ranks_are_increasing_and_end_at_n() {
        for n in [20, 1_000, 1_182_839] {
            let r = ranks(n);
            assert!(r.windows(2).all(|w| w[0] < w[1]));
            assert_eq!((r[0], *r.last().unwrap()), (1, n));
            assert!(r.len() <= POINTS + 12, "{}", r.len());
        }
    }
}
