//! Builders fitted to observed shares of blocks under the block auction.
//!
//! Under the block auction the builder with the highest `V_i = c_i R e^(σ_b Z_i − σ_b²/2)`
//! builds (unless the local builder's `c_0 R` is at least as high). `R` is common to every
//! builder, so who builds depends only on `ln c_i + σ_b Z_i`, never on the reward law, and
//! builder `i`'s share of blocks has a closed form ([`block_shares`]):
//!
//! # Formula
//! `sᵢ = ∫_{zᵢ}^∞ φ(z) Π_{j≠i} Φ(z + (ln cᵢ − ln cⱼ)/σ_b) dz`, with
//! `zᵢ = (ln(c₀/cᵢ) + σ_b²/2)/σ_b` the point where builder `i` beats the local builder
//! (`−∞` when `c₀ = 0`), by Simpson's rule on `z ∈ [−10, 10]` in steps of 1/128.
//!
//! The shares fix only the ratios `ln(cᵢ/c₁)/σ_b`: neither the spread nor the scale of the
//! captures can be read from them. [`fit_block_shares`] therefore takes `σ_b` as given,
//! sets the largest capture to 1 and finds the others by the fixed-point iteration
//! `uᵢ ← uᵢ + ½ (ln tᵢ − ln sᵢ)` on `uᵢ = ln cᵢ / σ_b`, renormalised so that `max uᵢ = 0`,
//! until every share is within 1e-10 of its target. Captures fitted at one spread give
//! the same shares at another spread `σ'` as `cᵢ^(σ'/σ_b)`.
//!
//! [`MAINNET_BUILDERS`] is the fit to the six months of mainnet data (Oct 2023 – Apr 2024),
//! the Mechanisms page's preset; `engine/tests/mechanisms_fit.rs` re-runs the fit from the
//! data's shares and checks it against a Monte Carlo of the block auction.

use crate::error::{EngineError, Result};

/// `Φ(x)`.
fn normal_cdf(x: f64) -> f64 {
    0.5 * libm::erfc(-x / std::f64::consts::SQRT_2)
}

/// `φ(x)`.
fn normal_pdf(x: f64) -> f64 {
    libm::exp(-0.5 * x * x) / (2.0 * std::f64::consts::PI).sqrt()
}

/// Quadrature steps a unit of `z`.
const STEPS: f64 = 128.0;

/// Each builder's share of blocks under the block auction, `P(builder i builds)`, for
/// captures `c_i`, spread `σ_b > 0` and the local builder's capture `c_0` (the shares sum
/// to one minus the share built locally). Builders with capture 0 build nothing.
///
/// ```
/// use et_engine::mechanisms::fit::block_shares;
///
/// // Two builders: the first builds Φ(ln(c₁/c₂) / (σ√2)) of the blocks.
/// let s = block_shares(&[1.0, 0.5], 0.5, 0.0);
/// let exact = 0.5 * libm::erfc(-(2f64.ln() / (0.5 * 2f64.sqrt())) / 2f64.sqrt());
/// assert!((s[0] - exact).abs() < 1e-10 && (s[0] + s[1] - 1.0).abs() < 1e-10);
/// ```
pub fn block_shares(captures: &[f64], spread: f64, local: f64) -> Vec<f64> {
    let sigma = spread;
    let logs: Vec<f64> = captures
        .iter()
        .map(|&c| if c > 0.0 { libm::log(c) } else { f64::NEG_INFINITY })
        .collect();
    (0..captures.len())
        .map(|i| {
            if !logs[i].is_finite() {
                return 0.0;
            }
            let lo = if local > 0.0 {
                (libm::log(local) - logs[i] + sigma * sigma / 2.0) / sigma
            } else {
                f64::NEG_INFINITY
            };
            let (a, b) = (lo.max(-10.0), 10.0);
            if a >= b {
                return 0.0;
            }
            let n = (((b - a) * STEPS).ceil() as usize).max(2).next_multiple_of(2);
            let h = (b - a) / n as f64;
            let integrand = |z: f64| {
                let others: f64 = logs
                    .iter()
                    .enumerate()
                    .filter(|&(j, l)| j != i && l.is_finite())
                    .map(|(_, &l)| normal_cdf(z + (logs[i] - l) / sigma))
                    .product();
                normal_pdf(z) * others
            };
            let sum: f64 = (0..=n)
                .map(|k| {
                    let w = if k == 0 || k == n {
                        1.0
                    } else if k % 2 == 1 {
                        4.0
                    } else {
                        2.0
                    };
                    w * integrand(a + k as f64 * h)
                })
                .sum();
            sum * h / 3.0
        })
        .collect()
}

/// Captures fitted to target shares of blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct BuilderFit {
    /// The captures `c_i`, the largest 1.
    pub captures: Vec<f64>,
    /// Their shares of blocks under the block auction ([`block_shares`], no local builder).
    pub shares: Vec<f64>,
    /// Iterations taken.
    pub iterations: usize,
}

/// Most iterations of [`fit_block_shares`].
const MAX_ITERATIONS: usize = 2_000;

/// Finds captures `c_i ∈ (0, 1]` (the largest 1) whose shares of blocks under the block
/// auction, with spread `σ_b` and no local builder, are `targets` (positive, summing to
/// 1) within 1e-10 each. Deterministic: no random numbers. Errors name `targets` or `spread`.
///
/// ```
/// use et_engine::mechanisms::fit::fit_block_shares;
///
/// let f = fit_block_shares(&[0.5, 0.3, 0.2], 0.5)?;
/// assert_eq!(f.captures[0], 1.0);
/// assert!(f.shares.iter().zip([0.5, 0.3, 0.2]).all(|(s, t)| (s - t).abs() < 1e-9));
/// # Ok::<(), et_engine::EngineError>(())
/// ```
pub fn fit_block_shares(targets: &[f64], spread: f64) -> Result<BuilderFit> {
    if !(spread > 0.0 && spread <= 3.0) {
        return Err(EngineError::invalid(
            "spread",
            format!("must be in (0, 3] to fit shares, got {spread}"),
        ));
    }
    if targets.is_empty() || targets.iter().any(|&t| !(t > 0.0 && t <= 1.0)) {
        return Err(EngineError::invalid("targets", "need shares in (0, 1]"));
    }
    let total: f64 = targets.iter().sum();
    if (total - 1.0).abs() > 1e-9 {
        return Err(EngineError::invalid(
            "targets",
            format!("the shares must sum to 1, got {total}"),
        ));
    }
    // Start from a guess ordered like the targets.
    let top = targets.iter().copied().fold(0.0, f64::max);
    let mut u: Vec<f64> = targets.iter().map(|&t| 0.5 * libm::log(t / top)).collect();
    let captures = |u: &[f64]| u.iter().map(|&x| libm::exp(spread * x)).collect::<Vec<f64>>();
    for iterations in 0..MAX_ITERATIONS {
        let c = captures(&u);
        let shares = block_shares(&c, spread, 0.0);
        let worst = shares
            .iter()
            .zip(targets)
            .map(|(s, t)| (s - t).abs())
            .fold(0.0, f64::max);
        if worst < 1e-10 {
            return Ok(BuilderFit {
                captures: c,
                shares,
                iterations,
            });
        }
        for ((x, &s), &t) in u.iter_mut().zip(&shares).zip(targets) {
            *x += 0.5 * (libm::log(t) - libm::log(s.max(1e-300)));
        }
        let max = u.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        u.iter_mut().for_each(|x| *x -= max);
    }
    Err(EngineError::invalid(
        "targets",
        format!("the fit did not converge in {MAX_ITERATIONS} iterations"),
    ))
}

/// The window of [`MAINNET_BUILDERS`], as the page names it.
pub const MAINNET_WINDOW: &str = "Oct 2023 – Apr 2024";

/// The spread `σ_b` of [`MAINNET_BUILDERS`] (stated, not fitted: the shares cannot fix it).
pub const MAINNET_SPREAD: f64 = 0.5;

/// One builder of [`MAINNET_BUILDERS`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FittedBuilder {
    /// The builder entity (or the rest, as one builder).
    pub name: &'static str,
    /// Its share of the blocks with a builder over the window (the data, to 4 decimals).
    pub share: f64,
    /// Its fitted capture `c_i` (to 4 decimals).
    pub capture: f64,
}

/// Mainnet's builders, 10 Oct 2023 – 9 Apr 2024 (slots 7,509,685–8,822,072): every
/// builder with at least 1 % of the 1,188,253 blocks with a builder, and the other 59
/// as one builder, fitted by [`fit_block_shares`] at spread [`MAINNET_SPREAD`].
#[rustfmt::skip]
pub const MAINNET_BUILDERS: [FittedBuilder; 10] = [
    FittedBuilder { name: "beaverbuild", share: 0.3631, capture: 1.0 },
    FittedBuilder { name: "Titan", share: 0.2286, capture: 0.8415 },
    FittedBuilder { name: "rsync", share: 0.2233, capture: 0.8346 },
    FittedBuilder { name: "Flashbots", share: 0.0576, capture: 0.5496 },
    FittedBuilder { name: "jetbldr.xyz", share: 0.0282, capture: 0.4571 },
    FittedBuilder { name: "builder0x69", share: 0.0281, capture: 0.4566 },
    FittedBuilder { name: "penguinbuild", share: 0.0136, capture: 0.3861 },
    FittedBuilder { name: "Gambit Labs", share: 0.0132, capture: 0.3834 },
    FittedBuilder { name: "f1b.io", share: 0.0121, capture: 0.3766 },
    FittedBuilder { name: "the other 59 builders", share: 0.0322, capture: 0.4725 },
];

/// The captures of [`MAINNET_BUILDERS`], in order.
pub fn mainnet_captures() -> Vec<f64> {
    MAINNET_BUILDERS.iter().map(|b| b.capture).collect()
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn shares_sum_to_one_and_identical_builders_split_evenly() {
        let s = block_shares(&[0.8; 4], 0.7, 0.0);
        for x in &s {
            assert!((x - 0.25).abs() < 1e-10, "{s:?}");
        }
        let s = block_shares(&[1.0, 0.9, 0.3, 0.0], 0.4, 0.0);
        assert!((s.iter().sum::<f64>() - 1.0).abs() < 1e-10, "{s:?}");
        assert_eq!(s[3], 0.0);
    }

    #[test]
    fn one_builder_against_the_local_builder() {
        // P(c e^(σZ − σ²/2) > c₀) = Φ((ln(c/c₀) − σ²/2)/σ).
        let (c, c0, s) = (0.9, 0.6, 0.5);
        let exact = normal_cdf((libm::log(c / c0) - s * s / 2.0) / s);
        let got = block_shares(&[c], s, c0)[0];
        assert!((got - exact).abs() < 1e-10, "{got} vs {exact}");
    }

    #[test]
    fn the_fit_recovers_known_captures_and_rejects_bad_targets() {
        let c = [1.0, 0.8, 0.6, 0.45];
        let t = block_shares(&c, 0.6, 0.0);
        let f = fit_block_shares(&t, 0.6).unwrap();
        for (a, b) in f.captures.iter().zip(c) {
            assert!((a - b).abs() < 1e-8, "{:?}", f.captures);
        }
        assert!(fit_block_shares(&[0.5, 0.4], 0.5)
            .unwrap_err()
            .to_string()
            .contains("targets"));
        assert!(fit_block_shares(&[0.5, 0.5], 0.0)
            .unwrap_err()
            .to_string()
            .contains("spread"));
        assert!(fit_block_shares(&[1.0, 0.0], 0.5).is_err());
    }
}
