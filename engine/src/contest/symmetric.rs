//! `m ≥ 3` players tied at the top value `v` above the symmetric pure range
//! (`α > m/(m − 1)`): a symmetric mixed equilibrium, every tied player drawing from
//! the same atoms, the others bidding 0.
//!
//! The equilibrium found is a *cascade*: a large atom near the pure bid and ever
//! smaller atoms towards 0, each with fewer and fewer bids beside it (the lower atoms
//! only win when the others bid low too). A finite cascade of `s` atoms is solved
//! exactly by Newton's method ([`super::symmetric_newton`]); its truncation is the only
//! error: bidding (almost) 0 earns 0 while the cascade earns `u < 0`, so the
//! exploitability is `−u` and falls geometrically as the lowest atom is split in two
//! and the cascade solved again. The gain is checked on the continuous bid space by
//! [`super::check::maximize`], never from the equations. In the limit `u → 0`: full
//! dissipation, revenue `v`, which the pure equilibrium also reaches at
//! `α = m/(m − 1)` (`m · α v (m − 1)/m² = v`), so the revenue over `α` is continuous.

use super::check::maximize;
use super::field::Field;
use super::symmetric_newton::{polish, Atoms};
use crate::error::{EngineError, Result};

/// The exploitability the cascade is refined to, as a fraction of `v`.
pub const CASCADE_TARGET: f64 = 1e-4;
/// The most atoms a cascade gets; a lowest atom below `LOWEST · v` ends it too.
pub const MAX_ATOMS: usize = 12;
const LOWEST: f64 = 1e-12;

/// A refined cascade: its atoms, the largest gain of a deviation (value units), the
/// revenue `m E[b]` and its change since the cascade first got within `10 · target`.
#[derive(Debug, Clone, PartialEq)]
pub struct Cascade {
    pub atoms: Atoms,
    pub gain: f64,
    pub revenue: f64,
    pub revenue_change: f64,
}

impl Cascade {
    /// A one-line account of the refinement (for `Outcome::refinement`).
    pub fn describe(&self) -> String {
        format!(
            "symmetric cascade of {} atoms, exploitability {:.1e} (revenue change from the coarser cascade: {:.1e})",
            self.atoms.bids.len(),
            self.gain,
            self.revenue_change
        )
    }
}

/// The utility of the strategy against itself, and the best deviation `(bid, utility)`.
pub fn tied_gain(a: &Atoms, v: f64, m: i32, alpha: f64) -> (f64, (f64, f64)) {
    let f = Field::new(&a.bids, &a.probs, alpha, v);
    let own = a
        .bids
        .iter()
        .zip(&a.probs)
        .map(|(&b, q)| q * f.utility(v, b, m - 1))
        .sum();
    (own, maximize(&|b| f.utility(v, b, m - 1), v))
}

/// Starting cascades of two atoms: a high bid `h v` and a low one `h v / 20`, the low
/// one with mass `p` (more mass low for more players and steeper contests).
fn seeds(v: f64) -> Vec<Atoms> {
    let mut out = Vec::new();
    for p in [0.1, 0.4, 0.7] {
        for h in [0.4, 0.3, 0.6] {
            out.push(Atoms {
                bids: vec![h * v / 20.0, h * v],
                probs: vec![p, 1.0 - p],
                utility: 0.0,
            });
        }
    }
    out
}

/// Ways to extend the cascade: the best deviation `best` (when it is not below the
/// lowest atom) as a new atom with a little mass of its neighbours, or the lowest atom
/// `b₀` split in two, with `ρ = b₀/b₁` the cascade's last ratio: `(ρ b₀, b₀)` or
/// `(√ρ b₀, ρ^(−1/4) b₀)`, the lower one taking a share of its mass.
fn splits(a: &Atoms, best: f64) -> Vec<Atoms> {
    let mut out = Vec::new();
    if best > a.bids[0] && a.bids.iter().all(|b| (b - best).abs() > 1e-6 * b) {
        let mut c = a.clone();
        c.probs.iter_mut().for_each(|p| *p *= 0.95);
        let at = c.bids.partition_point(|&b| b < best);
        c.bids.insert(at, best);
        c.probs.insert(at, 0.05);
        out.push(c);
    }
    let (b0, p0) = (a.bids[0], a.probs[0]);
    let rho = b0 / a.bids[1];
    [
        (rho, 1.0, 0.5),
        (rho.sqrt(), rho.powf(-0.25), 0.5),
        (rho, 1.0, 0.2),
        (rho * rho, 1.0, 0.1),
        (rho.sqrt(), 1.0, 0.02),
    ]
    .iter()
    .map(|&(lo, hi, share)| {
        let mut c = a.clone();
        c.bids[0] = b0 * hi;
        c.probs[0] = p0 * (1.0 - share);
        c.bids.insert(0, b0 * lo);
        c.probs.insert(0, p0 * share);
        c
    })
    .for_each(|c| out.push(c));
    out
}

fn revenue(a: &Atoms, m: i32) -> f64 {
    m as f64 * a.bids.iter().zip(&a.probs).map(|(b, q)| b * q).sum::<f64>()
}

/// The symmetric cascade of `m ≥ 3` players with value `v` at `alpha`, refined until a
/// deviation gains at most `target · v`, the cascade is [`MAX_ATOMS`] long or cannot be
/// extended (the caller judges the gain); an error when not even two atoms solve.
///
/// ```
/// use et_engine::contest::symmetric::solve_tied;
/// // Three equal values at α = 2: full dissipation, revenue v.
/// let c = solve_tied(1.0, 3, 2.0, 1e-5).unwrap();
/// assert!(c.gain <= 1e-5 && (c.revenue - 1.0).abs() < 1e-4);
/// ```
pub fn solve_tied(v: f64, m: i32, alpha: f64, target: f64) -> Result<Cascade> {
    let fail = |why: &str| EngineError::not_converged("alpha", "the symmetric cascade solver", why.to_string());
    let mut a = seeds(v)
        .iter()
        .find_map(|s| polish(s, v, m, alpha))
        .ok_or_else(|| fail("found no two-atom start"))?;
    let mut coarse = None;
    let mut gains: Vec<f64> = Vec::new();
    loop {
        let (own, (at, best)) = tied_gain(&a, v, m, alpha);
        let gain = (best - own).max(0.0);
        if gain <= 10.0 * target * v && coarse.is_none() {
            coarse = Some(revenue(&a, m));
        }
        gains.push(gain);
        // Stalled: three extensions took less than a fifth off the gain (the cascade falls
        // geometrically where it converges), so more atoms would only cost time.
        let stalled = gains.len() >= 4 && gain > 0.8 * gains[gains.len() - 4];
        // A cascade that cannot be extended is returned as it is, with its gain.
        let next = (gain > target * v && !stalled && a.bids.len() < MAX_ATOMS && a.bids[0] >= LOWEST * v)
            .then(|| splits(&a, at).iter().find_map(|s| polish(s, v, m, alpha)))
            .flatten();
        match next {
            Some(n) => a = n,
            None => {
                let r = revenue(&a, m);
                return Ok(Cascade {
                    revenue_change: coarse.map_or(f64::NAN, |c| (r - c).abs()),
                    revenue: r,
                    gain,
                    atoms: a,
                });
            }
        }
    }
}
