//! The Monte Carlo's histogram regrouped for display.

use super::monte_carlo::McResult;

/// A histogram for display: log-spaced bins covering the bulk of the distribution.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct DisplayHistogram {
    /// `bins + 1` edges (ETH), log-spaced.
    pub edges: Vec<f64>,
    /// Counts per bin.
    pub counts: Vec<u64>,
    /// Values below the first edge (zeros included) and above the last.
    pub below: u64,
    pub above: u64,
}

impl McResult {
    /// `bins` log-spaced bins from the 0.5 % to the 99.5 % quantile of the positive values.
    pub fn display_histogram(&self, bins: usize) -> DisplayHistogram {
        let h = &self.histogram;
        let positive_from = (h.zeros + h.underflow) as f64 / h.total().max(1) as f64;
        let lo_p = positive_from + (1.0 - positive_from) * 0.005;
        let (mut lo, mut hi) = (h.quantile(lo_p), h.quantile(0.995));
        if lo.is_nan() || lo <= 0.0 || !hi.is_finite() {
            lo = self.min.max(f64::MIN_POSITIVE);
            hi = self.max.max(lo);
        }
        if hi <= lo * 1.001 {
            (lo, hi) = (lo / 1.05, hi * 1.05);
        }
        let (edges, counts, below, above) = h.regroup(lo, hi, bins);
        DisplayHistogram {
            edges,
            counts,
            below,
            above,
        }
    }
}
