//! Concentration measures shared by the contests (SPEC §2) and the primary market
//! (SPEC §4): the top share, the Herfindahl–Hirschman index on the 0–10,000 scale and
//! the Nakamoto coefficient.

/// The Herfindahl–Hirschman index of `shares` (fractions of one), `10,000 Σ s²`, summed
/// in the order given.
///
/// ```
/// use et_engine::metrics::hhi;
/// assert_eq!(hhi([0.5, 0.5]), 5_000.0);
/// assert_eq!(hhi([1.0, 0.0]), 10_000.0);
/// ```
pub fn hhi(shares: impl IntoIterator<Item = f64>) -> f64 {
    10_000.0 * shares.into_iter().map(|s| s * s).sum::<f64>()
}

/// `weights` sorted from largest to smallest.
pub fn sorted_desc(weights: impl IntoIterator<Item = f64>) -> Vec<f64> {
    let mut sorted: Vec<f64> = weights.into_iter().collect();
    sorted.sort_by(|a, b| b.total_cmp(a));
    sorted
}

/// The largest weight's share of `total`, from weights sorted descending (0 when empty).
///
/// ```
/// use et_engine::metrics::top_share;
/// assert_eq!(top_share(&[3.0, 1.0], 4.0), 0.75);
/// ```
pub fn top_share(sorted_desc: &[f64], total: f64) -> f64 {
    sorted_desc.first().map_or(0.0, |w| w / total)
}

/// The Nakamoto coefficient: the fewest of the weights (sorted descending) whose sum is
/// more than half of `total`; all of them when none is.
///
/// ```
/// use et_engine::metrics::nakamoto;
/// assert_eq!(nakamoto(&[0.4, 0.3, 0.3], 1.0), 2);
/// assert_eq!(nakamoto(&[5.0, 3.0, 2.0], 10.0), 2);
/// ```
pub fn nakamoto(sorted_desc: &[f64], total: f64) -> usize {
    let half = total / 2.0;
    let mut acc = 0.0;
    sorted_desc
        .iter()
        .position(|w| {
            acc += w;
            acc > half
        })
        .map_or(sorted_desc.len(), |i| i + 1)
}
