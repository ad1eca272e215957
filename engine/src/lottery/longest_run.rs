//! The longest run of slots a holder wins: the distribution of the longest run of
//! consecutive wins in `horizon` independent slots, each won with probability `share`.

use crate::error::{within, EngineError, Result};

/// Most `horizon × max_run` steps [`longest_run_tail`] takes (about half a second in wasm).
pub const MAX_STEPS: f64 = 2e8;

/// `P(longest run ≥ L)` for `L = 1, …, max_run` (element `L − 1`): the chance that a
/// holder winning each of `horizon` slots independently with probability `share`
/// controls at least `L` consecutive slots somewhere among them.
///
/// # Formula
/// With `q_h` the chance of no run of `L` in the first `h` slots, a first run of `L`
/// completes at slot `h` with probability `f_L = s^L` and, for `h > L`,
/// `f_h = (1 − s) s^L q_{h−L−1}` (slot `h − L` lost, no run before it); the absorbed
/// mass `Σ f_h` is accumulated directly, so small probabilities keep their relative
/// precision (the same as [`super::streaks::streak_probability`], in `O(H)` for each `L`
/// instead of `O(H L)`). Stops at the first `L` whose probability is below 10⁻¹⁵ (the
/// rest are 0).
///
/// ```
/// use et_engine::lottery::longest_run::longest_run_tail;
/// // Two slots at s = ½: a run of 1 with 3/4, of 2 with 1/4.
/// assert_eq!(longest_run_tail(0.5, 2, 3).unwrap(), vec![0.75, 0.25, 0.0]);
/// ```
pub fn longest_run_tail(share: f64, horizon: u64, max_run: u32) -> Result<Vec<f64>> {
    within("share", share, 0.0, 1.0)?;
    if horizon as f64 * f64::from(max_run) > MAX_STEPS {
        return Err(EngineError::invalid(
            "horizon",
            format!("horizon × longest run must be at most 2·10⁸ steps; {horizon} × {max_run} is too many"),
        ));
    }
    let mut out = vec![0.0; max_run as usize];
    for l in 1..=max_run {
        let p = at_least(share, horizon, l as usize);
        out[l as usize - 1] = p;
        if p < 1e-15 {
            break;
        }
    }
    Ok(out)
}

/// `P(a run of at least l wins within h slots)` by the recurrence above.
fn at_least(s: f64, h: u64, l: usize) -> f64 {
    let sl = s.powi(l as i32);
    if (l as u64) > h || sl == 0.0 {
        return 0.0;
    }
    // q_j for the last l + 1 slots, in a ring: q_j sits at j mod (l + 1).
    let mut q = vec![1.0f64; l + 1];
    let mut absorbed = sl;
    q[l % (l + 1)] = 1.0 - absorbed;
    let step = (1.0 - s) * sl;
    let mut at = (l + 1) % (l + 1);
    for _ in (l as u64 + 1)..=h {
        // q[at] holds q_{h−l−1}; it is replaced by q_h.
        absorbed += step * q[at];
        q[at] = 1.0 - absorbed;
        at += 1;
        if at == l + 1 {
            at = 0;
        }
    }
    absorbed.min(1.0)
}

/// The expected longest run, `Σ_L P(longest ≥ L)`, from a tail of [`longest_run_tail`]
/// (exact when the tail reaches a probability of 0).
pub fn expected_longest(tail: &[f64]) -> f64 {
    tail.iter().sum()
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::lottery::streaks::streak_probability;

    #[test]
    fn matches_the_markov_chain_for_every_length() {
        for &(s, h) in &[(0.3, 50u64), (0.05, 7_200), (0.45, 20_000), (0.9, 40), (1.0, 5)] {
            let tail = longest_run_tail(s, h, 30).unwrap();
            for (i, &p) in tail.iter().enumerate() {
                let chain = streak_probability(s, i as u32 + 1, h).unwrap();
                assert!(
                    (p - chain).abs() <= 1e-13 + 1e-9 * chain || (p == 0.0 && chain < 1e-15),
                    "s={s} H={h} L={}: {p} vs {chain}",
                    i + 1
                );
            }
        }
    }

    #[test]
    fn expected_longest_is_near_the_classical_approximation() {
        // E[longest] ≈ log_{1/s}(H (1 − s)) + γ/ln(1/s) − ½ (Schilling 1990).
        let (s, h) = (0.4f64, 1_000_000u64);
        let e = expected_longest(&longest_run_tail(s, h, 60).unwrap());
        let approx = (h as f64 * (1.0 - s)).ln() / (1.0 / s).ln() + 0.5772 / (1.0 / s).ln() - 0.5;
        assert!((e - approx).abs() < 0.1, "{e} vs {approx}");
        assert_eq!(longest_run_tail(1.5, 3, 2).unwrap_err().field(), "share");
        assert_eq!(longest_run_tail(0.5, 10_000_000, 100).unwrap_err().field(), "horizon");
    }
}
