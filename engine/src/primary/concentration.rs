//! Concentration of ticket ownership, from the holders' ticket counts.

use crate::metrics;

/// Concentration of ticket ownership.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Concentration {
    /// The largest holder's share of the outstanding tickets.
    pub top_share: f64,
    /// Herfindahl–Hirschman index, `10,000 Σ s_k²`.
    pub hhi: f64,
    /// The fewest holders with more than half of the tickets.
    pub nakamoto: f64,
}

/// The concentration of ticket counts (all zero when no ticket is outstanding).
///
/// ```
/// use et_engine::primary::concentration;
/// let c = concentration(&[3, 1, 0]);
/// assert_eq!((c.top_share, c.hhi, c.nakamoto), (0.75, 6_250.0, 1.0));
/// ```
pub fn concentration(counts: &[u32]) -> Concentration {
    let total: u64 = counts.iter().map(|&c| c as u64).sum();
    if total == 0 {
        return Concentration::default();
    }
    let t = total as f64;
    // Counts are whole numbers far below 2^53: their sums, and half the total, are exact.
    let sorted = metrics::sorted_desc(counts.iter().filter(|&&c| c > 0).map(|&c| c as f64));
    Concentration {
        top_share: metrics::top_share(&sorted, t),
        hhi: metrics::hhi(counts.iter().map(|&c| c as f64 / t)),
        nakamoto: metrics::nakamoto(&sorted, t) as f64,
    }
}
