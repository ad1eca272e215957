//! Comparing pricing rules run on the same seed (issue 21): run `r` of every rule meets
//! the same rewards, so the difference of two rules' captures is taken run by run.
//!
//! # Formula
//!
//! With `Δ_r = a_r − b_r` over `R` runs, the paired difference is `Δ̄` with standard
//! error `s_Δ/√R`; it is significant when `|Δ̄| > t₀.₉₇₅(R − 1) · SE` (about 2 SE at 50
//! runs), the two-sided 95 % test of no difference. Pairing removes what the runs share
//! (most of all the rewards, the denominator of every capture).

use crate::lottery::intervals::t95;

/// A paired difference `a − b` over runs.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Paired {
    /// Mean difference over runs.
    pub mean: f64,
    /// Its standard error `s_Δ/√R`.
    pub se: f64,
    /// Runs `R`.
    pub runs: u64,
}

impl Paired {
    /// Half the 95 % interval: `t₀.₉₇₅(R − 1) · SE`.
    pub fn half_width(&self) -> f64 {
        t95(self.runs as f64 - 1.0) * self.se
    }

    /// Whether the difference is significant at 5 % (two-sided): `|Δ̄| > t · SE`.
    ///
    /// ```
    /// use et_engine::primary::compare::Paired;
    /// assert!(Paired { mean: 0.03, se: 0.01, runs: 50 }.significant());
    /// assert!(!Paired { mean: -0.0055, se: 0.0069, runs: 50 }.significant());
    /// ```
    pub fn significant(&self) -> bool {
        self.mean.abs() > self.half_width()
    }
}

/// The paired difference `a − b` of two runs' values in run order; `None` unless both
/// have the same number `≥ 2` of runs.
///
/// ```
/// use et_engine::primary::compare::paired_difference;
/// let d = paired_difference(&[0.80, 0.78, 0.79], &[0.78, 0.77, 0.76]).unwrap();
/// assert!((d.mean - 0.02).abs() < 1e-12 && (d.se - 0.01 / 3f64.sqrt()).abs() < 1e-12);
/// ```
pub fn paired_difference(a: &[f64], b: &[f64]) -> Option<Paired> {
    if a.len() != b.len() || a.len() < 2 {
        return None;
    }
    let n = a.len() as f64;
    let mean = a.iter().zip(b).map(|(x, y)| x - y).sum::<f64>() / n;
    let ss: f64 = a.iter().zip(b).map(|(x, y)| (x - y - mean).powi(2)).sum();
    Some(Paired {
        mean,
        se: (ss / (n - 1.0) / n).sqrt(),
        runs: a.len() as u64,
    })
}

/// The index of the largest mean among `means` (the first of equals), and each entry's
/// paired difference to it (`None` for the best itself or without paired runs).
///
/// ```
/// use et_engine::primary::compare::against_best;
/// let runs = [vec![0.5, 0.6, 0.7], vec![0.6, 0.8, 0.7]];
/// let (best, diffs) = against_best(&[0.6, 0.7], &runs);
/// assert_eq!(best, 1);
/// assert!(diffs[1].is_none() && (diffs[0].unwrap().mean + 0.1).abs() < 1e-12);
/// ```
pub fn against_best(means: &[f64], runs: &[Vec<f64>]) -> (usize, Vec<Option<Paired>>) {
    let best = (0..means.len()).fold(0, |b, i| if means[i] > means[b] { i } else { b });
    let diffs = (0..means.len())
        .map(|i| (i != best).then(|| paired_difference(&runs[i], &runs[best])).flatten())
        .collect();
    (best, diffs)
}
