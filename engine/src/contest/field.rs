//! The share of one bid against `n` independent opponents who all mix with the same
//! atoms, by a Laplace transform: for weights `w = b^α > 0` and `S = W₁ + … + Wₙ`,
//!
//! `E[w / (w + S)] = ∫₀^∞ w e^(−t w) φ(t)ⁿ dt`, with `φ(t) = E[e^(−t W)] = Σⱼ pⱼ e^(−t wⱼ)`,
//!
//! since `1/(w + S) = ∫₀^∞ e^(−t (w + S)) dt` and the opponents are independent. In
//! `u = ln t` the integrand `w eᵘ exp(−w eᵘ) φ(eᵘ)ⁿ` is analytic and bounded in the
//! strip `|Im u| < π/2`, so the trapezoid rule with step `h` errs by about
//! `4 exp(−2π·1.3/h)` (≈ 1e-11 at `h = 0.3`): one transform `φ` on a shared grid of
//! `t` serves every bid and every `n`, `O(nodes)` a bid whatever the number of players.

/// Step of the trapezoid rule in `ln t`.
pub(crate) const H: f64 = 0.3;
/// The window of `t w` summed for one bid: `[e^(−LOW), e^(HIGH)]` (the integrand is
/// below `t w` on the left and below `t w e^(−t w)` on the right).
const LOW: f64 = 27.0;
const HIGH: f64 = 3.8;
/// The smallest bid resolved, as a fraction of the top bid; below it the share is
/// extrapolated as `w E[1/S]` (linear in `w`).
const FLOOR: f64 = 1e-16;

/// The transform `φ` of one mixed strategy on a grid of `ln t`.
#[derive(Debug, Clone)]
pub struct Field {
    alpha: f64,
    /// `ln t` of the first node.
    u0: f64,
    /// `φ(t_k)` at `t_k = exp(u0 + k H)`; beyond the last node `φ` is the mass at 0
    /// (every positive weight's `e^(−t w)` is below `e^(−750)` there).
    phi: Vec<f64>,
    /// The probability of the bid 0.
    zero: f64,
    /// `ln` of the smallest resolved weight, `α ln(FLOOR · top)`.
    lw_floor: f64,
}

impl Field {
    /// The transform of the atoms `(bids, probs)` (bids in `[0, top]`), with exponent
    /// `alpha`. Weights are kept as logarithms (`α ln b`), so no weight underflows.
    pub fn new(bids: &[f64], probs: &[f64], alpha: f64, top: f64) -> Self {
        let lw_floor = alpha * (FLOOR * top).ln();
        let atoms: Vec<(f64, f64)> = bids
            .iter()
            .zip(probs)
            .filter(|(_, &p)| p > 0.0)
            .map(|(&b, &p)| (if b > 0.0 { alpha * b.ln() } else { f64::NEG_INFINITY }, p))
            .collect();
        let zero = atoms.iter().filter(|a| a.0 == f64::NEG_INFINITY).map(|a| a.1).sum();
        let lw_min = atoms
            .iter()
            .map(|a| a.0)
            .filter(|l| l.is_finite())
            .fold(alpha * top.ln(), f64::min)
            .max(lw_floor);
        let u0 = -LOW - alpha * top.ln();
        let u1 = 750f64.ln() - lw_min;
        let nodes = ((u1 - u0) / H).ceil() as usize + 1;
        let phi = (0..nodes)
            .map(|k| {
                let u = u0 + k as f64 * H;
                atoms.iter().map(|&(lw, p)| p * (-(u + lw).exp()).exp()).sum()
            })
            .collect();
        Field {
            alpha,
            u0,
            phi,
            zero,
            lw_floor,
        }
    }

    /// The expected share of a bid `b ≥ 0` against `n ≥ 1` independent opponents
    /// drawing from these atoms (all bidding 0 splits equally among the `n + 1`).
    pub fn share(&self, b: f64, n: i32) -> f64 {
        if b <= 0.0 {
            return self.zero.powi(n) / (n + 1) as f64;
        }
        let lw = self.alpha * b.ln();
        if lw < self.lw_floor {
            return self.sums(self.lw_floor, n).0 * (lw - self.lw_floor).exp();
        }
        self.sums(lw, n).0
    }

    /// The trapezoid sums of `w t e^(−t w) φ(t)ⁿ` (the share) and of
    /// `t w (1 − t w) e^(−t w) φ(t)ⁿ` (`w ∂share/∂w`) over the nodes with `t w` in
    /// the window, for the weight `w = e^lw`.
    fn sums(&self, lw: f64, n: i32) -> (f64, f64) {
        let (first, last) = self.window(lw);
        let tail = self.zero.powi(n);
        let (mut share, mut slope) = (0.0, 0.0);
        for k in first..=last {
            let tw = (self.node(k) + lw).exp();
            let term = tw * (-tw).exp() * self.phi.get(k).map_or(tail, |p| p.powi(n));
            share += term;
            slope += term * (1.0 - tw);
        }
        ((H * share).min(1.0), H * slope)
    }

    /// The nodes `k` summed for the weight `w = e^lw` (`t_k w` within the window).
    pub(crate) fn window(&self, lw: f64) -> (usize, usize) {
        let first = ((-LOW - lw - self.u0) / H).floor().max(0.0) as usize;
        let last = ((HIGH - lw - self.u0) / H).ceil().max(0.0) as usize;
        (first, last)
    }

    /// `ln t_k` of node `k`.
    pub(crate) fn node(&self, k: usize) -> f64 {
        self.u0 + k as f64 * H
    }

    /// `φ(t_k)` (the mass at 0 beyond the last node).
    pub(crate) fn phi(&self, k: usize) -> f64 {
        self.phi.get(k).copied().unwrap_or(self.zero)
    }

    /// `ln` of the smallest resolved weight.
    pub(crate) fn lw_floor(&self) -> f64 {
        self.lw_floor
    }

    /// `b ∂share/∂b = α w ∂share/∂w` at a bid `b > 0` against `n` opponents.
    pub fn elasticity(&self, b: f64, n: i32) -> f64 {
        let lw = (self.alpha * b.ln()).max(self.lw_floor);
        self.alpha * self.sums(lw, n).1
    }

    /// The expected utility `v E[share] − b` of a bid `b` with value `v` against `n` opponents.
    pub fn utility(&self, v: f64, b: f64, n: i32) -> f64 {
        v * self.share(b, n) - b
    }
}
