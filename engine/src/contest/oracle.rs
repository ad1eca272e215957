//! Three or more players above the pure range: the two highest values play their
//! two-player mixed equilibrium ([`super::mixed_pair`]) and everyone else stays out;
//! the candidate is returned when no outsider gains more than [`MANY_TOLERANCE`] of the
//! top value by entering against the two mixed strategies (found on the continuous
//! bid space). Outsiders all face the same two strategies, so only the highest-valued
//! outsider needs the search: `O(k)` whatever the number of players.

use super::mechanism::{Mechanism, Outcome, Strategy};
use crate::error::{EngineError, Result};

/// Exploitability accepted for three or more players, as a fraction of the top value.
pub const MANY_TOLERANCE: f64 = 1e-3;

/// Utility of a bid `b` with value `v` against two independent mixed strategies.
fn entrant(v: f64, b: f64, s: &[Strategy], alpha: f64) -> f64 {
    let w = |x: f64| if x > 0.0 { x.powf(alpha) } else { 0.0 };
    let wb = w(b);
    let mut share = 0.0;
    for (a, pa) in s[0].support.iter().zip(&s[0].probs) {
        for (c, pc) in s[1].support.iter().zip(&s[1].probs) {
            let others = w(*a) + w(*c);
            let x = if wb + others > 0.0 {
                wb / (wb + others)
            } else {
                1.0 / 3.0
            };
            share += pa * pc * x;
        }
    }
    v * share - b
}

/// The equilibrium of three or more players above the pure range, or an error naming
/// the gain an outsider would get.
///
/// ```
/// use et_engine::contest::{oracle::solve_many, Mechanism};
/// // (4, 2, 1) at α = 1.5: the top two play Wang's semi-mixed equilibrium, 1 stays out.
/// let o = solve_many(&[4.0, 2.0, 1.0], 1.5, Mechanism::Tullock(1.5)).unwrap();
/// assert_eq!((o.bids[2], o.method), (0.0, "closed-form"));
/// assert!(o.exploitability <= 1e-3 * 4.0);
/// ```
pub fn solve_many(values: &[f64], alpha: f64, mechanism: Mechanism) -> Result<Outcome> {
    let (s, w) = super::auctions::top_two(values);
    let pair = super::mixed_pair::solve_pair(&[values[s], values[w]], alpha, mechanism, None)?;
    let strategies = pair.strategies.clone().unwrap_or_default();
    let vmax = values[s];
    let outsider = (0..values.len())
        .filter(|&i| i != s && i != w)
        .max_by(|&a, &b| values[a].total_cmp(&values[b]));
    let gain = outsider.map_or(0.0, |i| {
        let v = values[i];
        super::check::maximize(&|b| entrant(v, b, &strategies, alpha), v)
            .1
            .max(0.0)
    });
    if gain > MANY_TOLERANCE * vmax {
        return Err(EngineError::no_equilibrium(
            "alpha",
            format!(
                "no pure equilibrium exists for these {} values at α = {alpha}, and the mixed equilibrium of the two highest values is not one: an outsider gains {gain:.3e} by entering",
                values.len()
            ),
        ));
    }
    let k = values.len();
    let spread = |xs: &[f64]| {
        let mut out = vec![0.0; k];
        (out[s], out[w]) = (xs[0], xs[1]);
        out
    };
    let mut o = Outcome::new(
        values,
        mechanism,
        false,
        [spread(&pair.bids), spread(&pair.allocations), spread(&pair.payments)],
        pair.method,
    );
    o.exploitability = pair.exploitability.max(gain);
    let mut st = vec![
        Strategy {
            support: vec![0.0],
            probs: vec![1.0],
            cdf: None,
        };
        k
    ];
    (st[s], st[w]) = (strategies[0].clone(), strategies[1].clone());
    o.strategies = Some(st);
    o.refinement = pair.refinement.map(|r| format!("{r}; the other players stay out"));
    o.revenue_error = pair.revenue_error;
    Ok(o)
}
