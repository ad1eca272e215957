//! Three or more values tied at the top above the symmetric pure range: the tied
//! players play the symmetric cascade ([`super::symmetric`]), everyone else bids 0.
//! The outcome is certified on the continuous bid space: a tied player's best
//! deviation against `m − 1` cascades, and the strongest outsider's against `m`.

use super::field::Field;
use super::mechanism::{Mechanism, Outcome, Strategy};
use super::oracle::MANY_TOLERANCE;
use super::symmetric::{solve_tied, CASCADE_TARGET};

/// The symmetric equilibrium of the players `tied` (all at the top value) with the
/// others out, or `None` when the cascade does not get within [`MANY_TOLERANCE`] of
/// the top value (the caller then tries equilibria that break the tie).
///
/// ```
/// use et_engine::contest::{tied::symmetric_outcome, Mechanism};
/// let o = symmetric_outcome(&[1.0, 1.0, 1.0, 0.5], &[0, 1, 2], 2.0, Mechanism::Tullock(2.0)).unwrap();
/// assert_eq!((o.method, o.bids[3]), ("symmetric-cascade", 0.0));
/// assert!(o.exploitability <= 1e-4 && (o.metrics.revenue - 1.0).abs() < 1e-3);
/// ```
pub fn symmetric_outcome(values: &[f64], tied: &[usize], alpha: f64, mechanism: Mechanism) -> Option<Outcome> {
    let (k, m, v) = (values.len(), tied.len() as i32, values[tied[0]]);
    let c = solve_tied(v, m, alpha, CASCADE_TARGET).ok()?;
    let field = Field::new(&c.atoms.bids, &c.atoms.probs, alpha, v);
    let outsider = (0..k)
        .filter(|i| !tied.contains(i))
        .map(|i| values[i])
        .fold(0.0, f64::max);
    let entry = if outsider > 0.0 {
        super::check::maximize(&|b| field.utility(outsider, b, m), outsider).1
    } else {
        0.0
    };
    let gain = c.gain.max(entry);
    if gain > MANY_TOLERANCE * v {
        return None;
    }
    let mean: f64 = c.atoms.bids.iter().zip(&c.atoms.probs).map(|(b, q)| b * q).sum();
    let out = Strategy {
        support: vec![0.0],
        probs: vec![1.0],
        cdf: None,
    };
    let mix = Strategy {
        support: c.atoms.bids.clone(),
        probs: c.atoms.probs.clone(),
        cdf: None,
    };
    let (mut b, mut x, mut st) = (vec![0.0; k], vec![0.0; k], vec![out; k]);
    for &i in tied {
        // No atom at 0: the tied players' shares add up to 1, equally by symmetry.
        (b[i], x[i], st[i]) = (mean, 1.0 / m as f64, mix.clone());
    }
    let mut o = Outcome::new(values, mechanism, false, [b.clone(), x, b], "symmetric-cascade");
    o.exploitability = gain;
    o.strategies = Some(st);
    let others = if tied.len() < k {
        "; the other players stay out"
    } else {
        ""
    };
    o.refinement = Some(format!("{}{others}", c.describe()));
    // The refinements' change, or the distance to full dissipation (`v`, the limit).
    o.revenue_error = c.revenue_change.max((c.revenue - v).abs());
    Some(o)
}
