//! Mixed equilibria known in closed form.
//!
//! - The all-pay auction: Baye, Kovenock & de Vries (1996). With `v₁ > v₂` only the two
//!   highest values are active ([`super::auctions::AllPay`]); with the top `m ≥ 3`
//!   values tied at `v`, the symmetric equilibrium: each of them mixes with CDF
//!   `(b/v)^(1/(m−1))` on `[0, v]`, full dissipation.
//! - Two-player Tullock, `1 < α ≤ 2` without a pure equilibrium (`α − 1 > (v₂/v₁)^α`):
//!   the semi-mixed equilibrium (Wang 2010): the strong player bids
//!   `b₁ = b₂ (α − 1)^(−1/α)`, the weak one bids 0 with probability `1 − p` and
//!   `b₂ = v₂ (1 − 1/α)` with probability `p = (v₂/v₁)(α − 1)^(−1/α)` (indifferent:
//!   its share `1 − 1/α` at `b₂` earns exactly `b₂`).
//! - Two-player Tullock, `α ≥ 2`: every equilibrium is payoff- and revenue-equivalent
//!   to the all-pay auction's (Alcalde & Dahm 2010; Ewerhart 2015, 2017): the numbers
//!   of [`all_pay_equivalent`].

use super::mechanism::Strategy;

/// Points of a discretised continuous strategy.
pub const CDF_POINTS: usize = 401;

/// A strategy given by its CDF on `[0, top]`, discretised on [`CDF_POINTS`] bids:
/// the exact CDF at each, and the mass of each interval (the atom at 0 first).
///
/// ```
/// use et_engine::contest::closed_forms::discretised;
/// let s = discretised(&|b: f64| b / 2.0, 2.0); // uniform on [0, 2]
/// assert_eq!(s.support.len(), s.cdf.as_ref().unwrap().len());
/// assert!((s.probs.iter().sum::<f64>() - 1.0).abs() < 1e-12);
/// ```
pub fn discretised(cdf: &dyn Fn(f64) -> f64, top: f64) -> Strategy {
    let n = CDF_POINTS - 1;
    let support: Vec<f64> = (0..=n).map(|j| top * j as f64 / n as f64).collect();
    let c: Vec<f64> = support.iter().map(|&b| cdf(b).clamp(0.0, 1.0)).collect();
    let probs = (0..=n).map(|j| if j == 0 { c[0] } else { c[j] - c[j - 1] }).collect();
    Strategy {
        support,
        probs,
        cdf: Some(c),
    }
}

/// The symmetric all-pay equilibrium of the `m` players tied at the top value `v`
/// (indices `tied`), the others bidding nothing: `(bids, allocations, payments)` in
/// expectation, the strategies and the exploitability (on the continuous game).
pub fn symmetric_all_pay(values: &[f64], tied: &[usize]) -> ([Vec<f64>; 3], Vec<Strategy>, f64) {
    let (k, m, v) = (values.len(), tied.len() as f64, values[tied[0]]);
    let (mut b, mut x) = (vec![0.0; k], vec![0.0; k]);
    let mut strategies = vec![
        Strategy {
            support: vec![0.0],
            probs: vec![1.0],
            cdf: None,
        };
        k
    ];
    let cdf = move |b: f64| (b / v).clamp(0.0, 1.0).powf(1.0 / (m - 1.0));
    for &i in tied {
        b[i] = v / m; // E[b] = v/m: full dissipation
        x[i] = 1.0 / m;
        strategies[i] = discretised(&cdf, v);
    }
    // A tied player facing m − 1 others wins with P = b/v (payoff 0 everywhere on
    // [0, v]); an outsider with value w facing m wins with (b/v)^(m/(m−1)).
    let mut gain: f64 = 0.0;
    for (i, &w) in values.iter().enumerate() {
        let facing = if tied.contains(&i) { m - 1.0 } else { m };
        let f = |bid: f64| w * cdf(bid).powf(facing) - bid;
        let u = w * x[i] - b[i];
        gain = gain.max(super::check::maximize(&f, w.min(v)).1 - u);
    }
    ([b.clone(), x, b], strategies, gain.max(0.0))
}

/// Wang's (2010) semi-mixed equilibrium of two players with `v₁ ≥ v₂` at `1 < α ≤ 2`,
/// or `None` where a pure equilibrium exists (`p ≥ 1`): `(b₁, b₂, p)`.
///
/// ```
/// use et_engine::contest::closed_forms::semi_mixed;
/// let (b1, b2, p) = semi_mixed(4.0, 2.0, 1.5).unwrap();
/// assert!((b2 - 2.0 / 3.0).abs() < 1e-15 && (p - 0.5 * 0.5f64.powf(-1.0 / 1.5)).abs() < 1e-15);
/// assert!(b1 > b2 && semi_mixed(4.0, 2.0, 1.2).is_none());
/// ```
pub fn semi_mixed(v1: f64, v2: f64, alpha: f64) -> Option<(f64, f64, f64)> {
    if !(alpha > 1.0 && alpha <= 2.0) {
        return None;
    }
    let g = (alpha - 1.0).powf(-1.0 / alpha);
    let p = v2 / v1 * g;
    if p >= 1.0 {
        return None;
    }
    let b2 = v2 * (1.0 - 1.0 / alpha);
    Some((b2 * g, b2, p))
}

/// The all-pay-equivalent numbers of two players `v₁ ≥ v₂` (Tullock with `α ≥ 2`):
/// expected bids `(v₂/2, v₂²/(2v₁))` and the strong player's allocation `1 − v₂/(2v₁)`
/// (utilities `v₁ − v₂` and 0; with `v₁ = v₂` full dissipation and equal shares).
///
/// ```
/// use et_engine::contest::closed_forms::all_pay_equivalent;
/// let (b1, b2, x1) = all_pay_equivalent(4.0, 2.0);
/// assert_eq!((b1, b2, x1), (1.0, 0.5, 0.75)); // revenue 1.5, as the all-pay auction
/// ```
pub fn all_pay_equivalent(v1: f64, v2: f64) -> (f64, f64, f64) {
    (v2 / 2.0, v2 * v2 / (2.0 * v1), 1.0 - v2 / (2.0 * v1))
}
