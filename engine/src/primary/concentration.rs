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
    let nakamoto = with_sorted(counts, |sorted| metrics::nakamoto(sorted, t));
    Concentration {
        top_share: max(counts) / t,
        hhi: metrics::hhi(counts.iter().map(|&c| c as f64 / t)),
        nakamoto: nakamoto as f64,
    }
}

/// The largest count, as a number.
fn max(counts: &[u32]) -> f64 {
    counts.iter().copied().max().unwrap_or(0) as f64
}

/// `f` of the positive counts sorted from largest to smallest, as numbers; on the stack
/// for up to 64 holders (the recorded points call this every slot).
fn with_sorted<T>(counts: &[u32], f: impl FnOnce(&[f64]) -> T) -> T {
    let sort = |xs: &mut [f64]| xs.sort_unstable_by(|a, b| b.total_cmp(a));
    if counts.len() <= 64 {
        let mut buf = [0.0; 64];
        let mut n = 0;
        for &c in counts.iter().filter(|&&c| c > 0) {
            buf[n] = c as f64;
            n += 1;
        }
        sort(&mut buf[..n]);
        f(&buf[..n])
    } else {
        let mut v: Vec<f64> = counts.iter().filter(|&&c| c > 0).map(|&c| c as f64).collect();
        sort(&mut v);
        f(&v)
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
    let nakamoto = with_sorted(won, |sorted| {
        let mut acc = 0u64;
        for (i, &c) in sorted.iter().enumerate() {
            acc += c as u64;
            // At least 51 %, in whole numbers: 100 · acc ≥ 51 · total.
            if 100 * acc >= 51 * total {
                return i + 1;
            }
        }
        sorted.len()
    });
    Concentration {
        top_share: max(won) / t,
        hhi: metrics::hhi(won.iter().map(|&c| c as f64 / t)),
        nakamoto: nakamoto as f64,
    }
}
