//! One validator's yearly income from a mechanism: the "homogeneity of validator
//! rewards" of seed 003.
//!
//! A validator among `V` proposes `K ~ Poisson(λ)` slots a year, `λ = SLOTS_PER_YEAR / V`,
//! and earns the sum of `K` independent proposer payments `X`.
//!
//! # Formula
//! A compound Poisson sum has mean `λ E[X]` and coefficient of variation
//! `√(E[X²] / λ) / E[X]` (0 when the mechanism pays proposers nothing). The 5–95 % range
//! comes from simulated years, resampling the payments of the run's first slots.

use super::run::Sums;
use crate::numeric::random::{stream, Source};

/// Simulated years behind the 5–95 % range.
pub const YEARS: usize = 4_000;

/// One validator's yearly income from the mechanism (ETH a year).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Income {
    /// Proposals a year `λ`.
    pub proposals: f64,
    pub mean: f64,
    /// Coefficient of variation of the yearly income.
    pub cv: f64,
    /// Its 5th and 95th percentiles.
    pub p5: f64,
    pub p95: f64,
}

/// Poisson(λ) by inversion for small λ, normal above 30 (the error is far below the
/// resampling noise there).
fn poisson<R: rand::Rng>(src: &mut Source<R>, lambda: f64) -> u64 {
    if lambda > 30.0 {
        return (lambda + lambda.sqrt() * src.normal()).round().max(0.0) as u64;
    }
    let u = src.open01();
    let (mut k, mut p) = (0u64, libm::exp(-lambda));
    let mut cdf = p;
    while u > cdf && k < 1_000 {
        k += 1;
        p *= lambda / k as f64;
        cdf += p;
    }
    k
}

/// The income of one validator from the proposer payments summed in `m` over `n` slots.
pub fn yearly_income(m: &Sums, n: f64, proposals: f64, seed: u64, id: u64) -> Income {
    let ex = m.parts[1] / n;
    let ex2 = m.squares[1] / n;
    let cv = if ex > 0.0 { (ex2 / proposals).sqrt() / ex } else { 0.0 };
    let (p5, p95) = range(&m.income, proposals, seed, id);
    Income {
        proposals,
        mean: proposals * ex,
        cv,
        p5,
        p95,
    }
}

/// The 5th and 95th percentiles of simulated years.
fn range(sample: &[f64], proposals: f64, seed: u64, id: u64) -> (f64, f64) {
    if sample.is_empty() {
        return (0.0, 0.0);
    }
    let len = sample.len() as f64;
    let mean = sample.iter().sum::<f64>() / len;
    let sd = (sample.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / len).sqrt();
    let mut src = Source::new(stream(seed ^ 0x494E_434F_4D45, id));
    let mut years: Vec<f64> = (0..YEARS)
        .map(|_| {
            let k = poisson(&mut src, proposals);
            if k > 4_096 {
                k as f64 * mean + (k as f64).sqrt() * sd * src.normal()
            } else {
                (0..k).map(|_| sample[src.below(sample.len() as u64) as usize]).sum()
            }
        })
        .collect();
    years.sort_by(f64::total_cmp);
    let at = |q: f64| years[((q * YEARS as f64) as usize).min(YEARS - 1)];
    (at(0.05), at(0.95))
}
