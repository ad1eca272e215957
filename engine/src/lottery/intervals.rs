//! Intervals the pages show: the exact kurtosis of a ticket's value `V = R (1 + d)^(−T)`
//! (SPEC §1) with the 95 % interval of a sample standard deviation that it gives, and
//! Student's t quantile for means over few runs.
//!
//! # Formula
//!
//! `R` and the discount factor `D = (1 + d)^(−T)` are independent, so with the relative
//! deviations `X = R/E[R] − 1` and `Y = D/E[D] − 1` (mean 0),
//! `V/E[V] − 1 = X + Y + X Y` and, conditioning on `X`,
//!
//! - `μ₂ = μ₂X + μ₂Y + μ₂X μ₂Y`,
//! - `μ₄ = μ₄X + 6 μ₂Y (μ₂X + 2 μ₃X + μ₄X) + 4 μ₃Y (3 μ₂X + 3 μ₃X + μ₄X)
//!   + μ₄Y (1 + 6 μ₂X + 4 μ₃X + μ₄X)`,
//!
//! every term a product of central moments, so nothing cancels. The kurtosis is
//! `κ = μ₄/μ₂²`. `D`'s moments come from `E[D^k] = 1/(1 + n e_k)`, `e_k = (1 + d)^k − 1`:
//! `E[(D/E[D])^k] − 1 = Σ_{j=2..k} C(k, j) n (n^(j−1) − 1) d^j / (1 + n e_k)`, whose
//! leading terms cancel in `μ₃Y` and `μ₄Y` when `n d` is small; below `n d = 10⁻³` the
//! engine takes `D ≈ 1 − T ln(1 + d)` instead, whose shape is the geometric law's
//! (skewness `−(2 − p)/√(1 − p)`, kurtosis `9 + p²/(1 − p)`, `p = 1/n`), off by `O(n d)`.
//!
//! A mean of `m` independent tickets has kurtosis `3 + (κ − 3)/m`. The sample variance
//! `s²` of `N` values with kurtosis `κ_m` has `Var(s²) = σ⁴ (κ_m − (N − 3)/(N − 1))/N`;
//! the interval is normal on `ln s²`: `s exp(± 1.96 √((κ_m − (N − 3)/(N − 1))/N) / 2)`.
//! It uses the law's exact kurtosis, not the sample's: a heavy tail's sample kurtosis
//! (like its sample variance) is far too small in most runs, and intervals built on it
//! cover the truth in 87 % of runs at the Ticket value page's default instead of 95 %
//! (`engine/tests/coverage.rs`).

use crate::rewards::laws::Reward;

/// z for a two-sided 95 % interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// Student's t quantile at 97.5 % with `df` degrees of freedom (a two-sided 95 %
/// interval's multiplier): exact to 3 decimals for `df ≤ 10`, then the Cornish–Fisher
/// expansion to `1/df³` (error below 10⁻³); [`Z95`] for `df = ∞`, NaN for `df = 0`.
///
/// ```
/// use et_engine::lottery::intervals::t95;
/// assert_eq!(t95(4.0), 2.776);
/// assert!((t95(49.0) - 2.010).abs() < 1e-3);
/// ```
pub fn t95(df: f64) -> f64 {
    const SMALL: [f64; 10] = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228];
    if df.is_nan() || df < 1.0 {
        return f64::NAN;
    }
    if df <= 10.0 && df.fract() == 0.0 {
        return SMALL[df as usize - 1];
    }
    let z = Z95;
    let (z2, v) = (z * z, df);
    let g1 = (z2 + 1.0) * z / 4.0;
    let g2 = ((5.0 * z2 + 16.0) * z2 + 3.0) * z / 96.0;
    let g3 = (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) * z / 384.0;
    z + g1 / v + g2 / (v * v) + g3 / (v * v * v)
}

/// Relative central moments `(μ₂, μ₃, μ₄)` of `R/E[R] − 1`; `None` when the law has no
/// mean to scale by (every reward 0) or is unknown here. Infinite moments are `∞`.
pub fn reward_moments(reward: &Reward) -> Option<(f64, f64, f64)> {
    #[allow(unreachable_patterns)]
    match reward {
        Reward::Constant { .. } => Some((0.0, 0.0, 0.0)),
        Reward::Exponential { .. } => Some((1.0, 2.0, 9.0)),
        Reward::LogNormal { cv, .. } => {
            let (c2, w) = (cv * cv, 1.0 + cv * cv);
            Some((c2, c2 * c2 * (w + 2.0), c2 * c2 * (((w + 2.0) * w + 3.0) * w * w - 3.0)))
        }
        Reward::Pareto { tail: a, .. } => {
            let a = *a;
            let m2 = if a > 2.0 { 1.0 / (a * (a - 2.0)) } else { f64::INFINITY };
            let m3 = if a > 3.0 {
                2.0 * (1.0 + a) / (a - 3.0) * ((a - 2.0) / a).sqrt() * m2.powf(1.5)
            } else {
                f64::INFINITY
            };
            let m4 = if a > 4.0 {
                (3.0 + 6.0 * (a * a * a + a * a - 6.0 * a - 2.0) / (a * (a - 3.0) * (a - 4.0))) * m2 * m2
            } else {
                f64::INFINITY
            };
            Some((m2, m3, m4))
        }
        Reward::Empirical { data, .. } => {
            let v = data.values();
            let mean = v.iter().sum::<f64>() / v.len() as f64;
            if mean <= 0.0 {
                return None;
            }
            let mut m = [0.0; 3];
            for &x in v {
                let e = x / mean - 1.0;
                m[0] += e * e;
                m[1] += e * e * e;
                m[2] += e * e * e * e;
            }
            let n = v.len() as f64;
            Some((m[0] / n, m[1] / n, m[2] / n))
        }
        _ => None,
    }
}

/// Relative central moments `(μ₂, μ₃, μ₄)` of `D/E[D] − 1`, `D = (1 + d)^(−T)`,
/// `T ~ Geometric(1/n)` (see the module's formula).
pub fn discount_moments(n: f64, d: f64) -> (f64, f64, f64) {
    let ln1d = libm::log1p(d);
    // E[(D/E[D])^k] − 1 without cancellation of its first-order terms.
    let s = |k: i32| {
        let e_k = libm::expm1(k as f64 * ln1d);
        let mut num = 0.0;
        let mut binom = 1.0;
        for j in 1..=k {
            binom = binom * (k - j + 1) as f64 / j as f64;
            if j >= 2 {
                num += binom * n * (n.powi(j - 1) - 1.0) * d.powi(j);
            }
        }
        num / n.mul_add(e_k, 1.0)
    };
    let m2 = s(2);
    if m2 <= 0.0 {
        return (0.0, 0.0, 0.0);
    }
    if n * d < 1e-3 {
        let p = 1.0 / n;
        let skew = -(2.0 - p) / (1.0 - p).sqrt();
        let kurt = 9.0 + p * p / (1.0 - p);
        return (m2, skew * m2.powf(1.5), kurt * m2 * m2);
    }
    let (s3, s4) = (s(3), s(4));
    (m2, s3 - 3.0 * m2, s4 - 4.0 * s3 + 6.0 * m2)
}

/// The kurtosis `E[(V − E V)⁴]/Var(V)²` of one ticket's value with `n` tickets, discount
/// `d` and reward `reward` (the lookahead scales `V` and leaves it unchanged): `∞` when the
/// reward's fourth moment is infinite, NaN when `V` is constant or the law unknown.
///
/// ```
/// use et_engine::lottery::intervals::value_kurtosis;
/// use et_engine::rewards::Reward;
/// // One ticket (n = 1) is paid at once: V = R/(1 + d), an exponential's kurtosis 9.
/// assert!((value_kurtosis(1.0, 0.01, &Reward::exponential(1.0).unwrap()) - 9.0).abs() < 1e-12);
/// assert!(value_kurtosis(100.0, 0.01, &Reward::pareto(1.0, 3.0).unwrap()).is_infinite());
/// ```
pub fn value_kurtosis(n: f64, d: f64, reward: &Reward) -> f64 {
    let Some((x2, x3, x4)) = reward_moments(reward) else {
        return f64::NAN;
    };
    if !(x2.is_finite() && x3.is_finite() && x4.is_finite()) {
        return f64::INFINITY;
    }
    let (y2, y3, y4) = discount_moments(n, d);
    let m2 = x2 + y2 + x2 * y2;
    let m4 = x4
        + 6.0 * y2 * (x2 + 2.0 * x3 + x4)
        + 4.0 * y3 * (3.0 * x2 + 3.0 * x3 + x4)
        + y4 * (1.0 + 6.0 * x2 + 4.0 * x3 + x4);
    if m2 > 0.0 {
        m4 / (m2 * m2)
    } else {
        f64::NAN
    }
}

/// The 95 % interval `(low, high)` of a standard deviation `sd` estimated from `count`
/// independent values whose kurtosis is `kurtosis` (normal on `ln s²`, see the module's
/// formula); `(0, ∞)` when the kurtosis is infinite or unknown, `(0, 0)` for `sd = 0`.
///
/// ```
/// use et_engine::lottery::intervals::sd_interval;
/// // Normal values (kurtosis 3), 200 of them: about ±10 %.
/// let (lo, hi) = sd_interval(1.0, 200, 3.0);
/// assert!((lo - 0.9064).abs() < 1e-4 && (hi - 1.1032).abs() < 1e-4);
/// ```
pub fn sd_interval(sd: f64, count: u64, kurtosis: f64) -> (f64, f64) {
    if sd == 0.0 {
        return (0.0, 0.0);
    }
    if !kurtosis.is_finite() || count < 2 {
        return (0.0, f64::INFINITY);
    }
    let n = count as f64;
    let var_ln = ((kurtosis - (n - 3.0) / (n - 1.0)) / n).max(0.0);
    let half = Z95 * var_ln.sqrt() / 2.0;
    (sd * (-half).exp(), sd * half.exp())
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn t_quantiles_match_the_tables() {
        // Student's t at 97.5 % (any table): 11, 15, 20, 30, 60 and 120 degrees of freedom.
        for (df, t) in [
            (11.0, 2.201),
            (15.0, 2.131),
            (20.0, 2.086),
            (30.0, 2.042),
            (60.0, 2.000),
            (120.0, 1.980),
        ] {
            assert!((t95(df) - t).abs() < 1e-3, "{df}: {}", t95(df));
        }
        assert_eq!(t95(f64::INFINITY), Z95);
        assert!(t95(0.0).is_nan());
    }

    /// μ₂, μ₃, μ₄ of D/E[D] − 1 by summing the geometric law's terms.
    fn brute(n: f64, d: f64) -> (f64, f64, f64) {
        let (p, x) = (1.0 / n, 1.0 / (1.0 + d));
        let mean = 1.0 / (1.0 + n * d);
        let mut m = [0.0; 3];
        let mut w = p;
        let mut xt = x;
        for _ in 0..200_000 {
            let e = xt / mean - 1.0;
            m[0] += w * e * e;
            m[1] += w * e * e * e;
            m[2] += w * e * e * e * e;
            w *= 1.0 - p;
            xt *= x;
        }
        (m[0], m[1], m[2])
    }

    #[test]
    fn discount_moments_match_the_geometric_sum() {
        for (n, d) in [
            (1.0, 0.01),
            (2.0, 0.3),
            (50.0, 0.01),
            (100.0, 0.2),
            (1000.0, 1e-4),
            (1e4, 1e-8),
        ] {
            let (a, b) = (discount_moments(n, d), brute(n, d));
            for (x, y) in [(a.0, b.0), (a.1, b.1), (a.2, b.2)] {
                let tol = if n * d < 1e-3 { 5e-3 } else { 1e-9 };
                assert!(
                    (x - y).abs() <= tol * y.abs().max(1e-300),
                    "n {n} d {d}: {a:?} vs {b:?}"
                );
            }
        }
    }

    #[test]
    fn the_value_kurtosis_combines_both_parts() {
        // Log-normal cv 3 with a negligible discount: the reward's own kurtosis
        // w⁴ + 2w³ + 3w² − 3 = 12,297 (w = 10).
        let r = Reward::lognormal(0.05, 3.0).unwrap();
        assert!((value_kurtosis(1e4, 1.3e-8, &r) / 12_297.0 - 1.0).abs() < 1e-3);
        // A constant reward: D's own kurtosis (9 for a long geometric wait, nd small).
        let c = Reward::constant(1.0).unwrap();
        assert!((value_kurtosis(1e6, 1e-12, &c) - 9.0).abs() < 1e-3);
        assert!(value_kurtosis(1.0, 0.01, &c).is_nan(), "V constant");
        // Against raw moments E[V^k] = E[R^k] E[D^k] where nothing cancels much.
        let (n, d): (f64, f64) = (20.0, 0.05);
        let e_d = |k: i32| 1.0 / (1.0 + n * ((1.0 + d).powi(k) - 1.0));
        let e_r = |k: i32| (1..=k).product::<i32>() as f64; // exponential, mean 1
        let ev: Vec<f64> = (0..=4).map(|k| e_r(k) * e_d(k)).collect();
        let mu = ev[1];
        let var = ev[2] - mu * mu;
        let m4 = ev[4] - 4.0 * mu * ev[3] + 6.0 * mu * mu * ev[2] - 3.0 * mu.powi(4);
        let k = value_kurtosis(n, d, &Reward::exponential(1.0).unwrap());
        assert!((k / (m4 / (var * var)) - 1.0).abs() < 1e-9, "{k}");
    }
}
