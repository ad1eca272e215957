//! Multi-slot control (SPEC §1, "multi-block MEV"): the chance of winning runs of slots.

use crate::error::{within, EngineError, Result};

/// Most `horizon × runLength` steps [`streak_probability`] takes (about a second).
pub const MAX_STEPS: f64 = 1e9;

/// The exact probability that a holder winning each slot independently with probability
/// `share` controls at least one run of `run ≥ 1` consecutive slots within `horizon` slots.
///
/// # Formula
/// A Markov chain on the current run length `j ∈ {0, …, L−1}` with an absorbing state
/// "a run of L happened": `j → j+1` with probability `s`, `j → 0` with `1 − s`, and
/// `L−1 → absorbed` with `s`. The absorbed mass is accumulated directly (never as
/// `1 − survival`), so small probabilities keep full relative precision. `O(H·L)`,
/// so `H·L` is bounded by [`MAX_STEPS`] (an error naming `horizon` beyond it); a run
/// longer than the horizon, or one whose probability `s^L` underflows, is 0 at once.
///
/// ```
/// use et_engine::lottery::streaks::streak_probability;
/// // A run of one within two slots: 1 − (1 − s)².
/// assert!((streak_probability(0.5, 1, 2).unwrap() - 0.75).abs() < 1e-15);
/// // Two in a row within three slots at s = ½: WW·, LWW → 3/8.
/// assert!((streak_probability(0.5, 2, 3).unwrap() - 0.375).abs() < 1e-15);
/// ```
pub fn streak_probability(share: f64, run: u32, horizon: u64) -> Result<f64> {
    within("share", share, 0.0, 1.0)?;
    if run == 0 {
        return Err(EngineError::invalid("runLength", "must be at least 1"));
    }
    if u64::from(run) > horizon || share.powf(f64::from(run)) == 0.0 {
        return Ok(0.0);
    }
    let steps = horizon as f64 * f64::from(run);
    if steps > MAX_STEPS {
        return Err(EngineError::invalid(
            "horizon",
            format!("horizon × runLength must be at most 10⁹ chain steps (about a second); {horizon} × {run} is too long: shorten the horizon or the run"),
        ));
    }
    let l = run as usize;
    let mut state = vec![0.0f64; l];
    state[0] = 1.0;
    let mut absorbed = 0.0;
    for _ in 0..horizon {
        absorbed += share * state[l - 1];
        let alive: f64 = state.iter().sum();
        for j in (1..l).rev() {
            state[j] = share * state[j - 1];
        }
        state[0] = (1.0 - share) * alive;
    }
    Ok(absorbed.min(1.0))
}

/// [`streak_probability`] for each share in `shares`.
pub fn streak_curve(shares: &[f64], run: u32, horizon: u64) -> Result<Vec<f64>> {
    shares.iter().map(|&s| streak_probability(s, run, horizon)).collect()
}

/// The probability that a holder of `tickets` of the `outstanding` tickets wins the next
/// `run` slots in a row when every fresh ticket goes to others.
///
/// # Formula
/// `∏_{i<L} (k − i) / n` (0 when `k < L`).
pub fn pool_streak_probability(tickets: u64, outstanding: u64, run: u32) -> Result<f64> {
    if outstanding == 0 {
        return Err(EngineError::invalid("outstanding", "must be at least 1"));
    }
    if tickets > outstanding {
        return Err(EngineError::invalid(
            "tickets",
            format!("must be at most outstanding = {outstanding}, got {tickets}"),
        ));
    }
    Ok((0..run as u64)
        .map(|i| tickets.saturating_sub(i) as f64 / outstanding as f64)
        .product())
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    /// Every win/loss sequence of length h, weighted.
    fn brute_force(s: f64, l: usize, h: usize) -> f64 {
        (0u32..1 << h)
            .filter(|bits| {
                let (mut run, mut best) = (0, 0);
                for t in 0..h {
                    run = if bits >> t & 1 == 1 { run + 1 } else { 0 };
                    best = best.max(run);
                }
                best >= l
            })
            .map(|bits| {
                let wins = bits.count_ones() as i32;
                s.powi(wins) * (1.0 - s).powi(h as i32 - wins)
            })
            .sum()
    }

    #[test]
    fn markov_chain_matches_enumeration() {
        for &(s, l, h) in &[
            (0.3, 2, 10),
            (0.5, 3, 14),
            (0.05, 1, 7),
            (0.9, 5, 12),
            (0.2, 4, 4),
            (0.2, 5, 4),
        ] {
            let exact = brute_force(s, l, h);
            let chain = streak_probability(s, l as u32, h as u64).unwrap();
            assert!(
                (chain - exact).abs() <= 1e-14 + 1e-12 * exact,
                "s={s} L={l} H={h}: {chain} vs {exact}"
            );
        }
    }

    #[test]
    fn limits_and_errors() {
        assert_eq!(streak_probability(1.0, 3, 3).unwrap(), 1.0);
        assert_eq!(streak_probability(0.0, 1, 100).unwrap(), 0.0);
        // L = 1: 1 − (1 − s)^H.
        let p = streak_probability(0.01, 1, 7200).unwrap();
        assert!((p - (1.0 - 0.99f64.powi(7200))).abs() < 1e-12);
        // A tiny probability keeps its relative precision: H = L gives s^L.
        let tiny = streak_probability(1e-3, 8, 8).unwrap();
        assert!((tiny / 1e-24 - 1.0).abs() < 1e-12, "{tiny}");
        assert_eq!(streak_probability(1.5, 2, 3).unwrap_err().field(), "share");
        assert_eq!(streak_probability(0.5, 0, 3).unwrap_err().field(), "runLength");
        // Too long a chain is refused at once, naming the field; impossible runs are 0.
        assert_eq!(
            streak_probability(0.99, 10_000, 100_000_000).unwrap_err().field(),
            "horizon"
        );
        assert_eq!(streak_probability(0.5, 10_000, 100_000_000).unwrap(), 0.0);
        assert_eq!(streak_probability(0.5, 5, 4).unwrap(), 0.0);
        assert_eq!(pool_streak_probability(3, 10, 2).unwrap(), 0.3 * 0.2);
        assert_eq!(pool_streak_probability(1, 10, 2).unwrap(), 0.0);
        assert_eq!(pool_streak_probability(11, 10, 2).unwrap_err().field(), "tickets");
    }
}
