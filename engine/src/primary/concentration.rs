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

/// The concentration of slots won, as the ET-Simulation study measures it: the top
/// share, HHI `10,000 Σ s_k²` and the Nakamoto coefficient at 51 % (the fewest holders
/// with at least 51 % of the slots won); all zero before any slot is won.
///
/// ```
/// use et_engine::primary::won_concentration;
/// let c = won_concentration(&[51, 49]);
/// assert_eq!((c.top_share, c.nakamoto), (0.51, 1.0));
/// assert!((c.hhi - (51.0f64 * 51.0 + 49.0 * 49.0)).abs() < 1e-9);
/// assert_eq!(won_concentration(&[50, 50]).nakamoto, 2.0);
/// ```
pub fn won_concentration(won: &[u32]) -> Concentration {
    let total: u64 = won.iter().map(|&c| c as u64).sum();
    if total == 0 {
        return Concentration::default();
    }
    let t = total as f64;
    let sorted = metrics::sorted_desc(won.iter().filter(|&&c| c > 0).map(|&c| c as f64));
    let mut acc = 0u64;
    let mut nakamoto = sorted.len();
    for (i, &c) in sorted.iter().enumerate() {
        acc += c as u64;
        // At least 51 %, in whole numbers: 100 · acc ≥ 51 · total.
        if 100 * acc >= 51 * total {
            nakamoto = i + 1;
            break;
        }
    }
    Concentration {
        top_share: metrics::top_share(&sorted, t),
        hhi: metrics::hhi(won.iter().map(|&c| c as f64 / t)),
        nakamoto: nakamoto as f64,
    }
}
