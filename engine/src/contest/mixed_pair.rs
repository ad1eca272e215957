//! Two players above the pure range: the closed forms where they are known
//! ([`super::closed_forms`]), the numerical minimax solver ([`super::mixed`]) for the
//! strategies of `α > 2` and for fixed grids, each outcome checked by the independent
//! best-response search on the continuous game.

use super::mechanism::{Mechanism, Outcome, Strategy};
use crate::error::Result;

/// Exploitability the double oracle is run to, as a fraction of the top value.
pub const PAIR_TOLERANCE: f64 = 1e-4;

/// The two players' atoms: `[(bids, probs); 2]`.
pub type Atoms = [(Vec<f64>, Vec<f64>); 2];

/// Expected allocation of player 1 and expected bids under independent atoms.
pub fn expectations(atoms: &Atoms, alpha: f64) -> (f64, f64, f64) {
    let [(b1, p1), (b2, p2)] = atoms;
    let mut x1 = 0.0;
    for (a, pa) in b1.iter().zip(p1) {
        for (b, qb) in b2.iter().zip(p2) {
            x1 += pa * qb * super::check::pair_share(*a, *b, alpha);
        }
    }
    let eb = |b: &[f64], p: &[f64]| b.iter().zip(p).map(|(x, q)| x * q).sum::<f64>();
    (x1, eb(b1, p1), eb(b2, p2))
}

/// The largest gain from deviating against the atoms, given the utilities.
pub fn pair_gain(values: [f64; 2], atoms: &Atoms, alpha: f64, u: [f64; 2]) -> f64 {
    let g1 = super::check::mixed_best_response(values[0], &atoms[1].0, &atoms[1].1, alpha) - u[0];
    let g2 = super::check::mixed_best_response(values[1], &atoms[0].0, &atoms[0].1, alpha) - u[1];
    g1.max(g2).max(0.0)
}

fn strategy((b, p): &(Vec<f64>, Vec<f64>)) -> Strategy {
    let mut atoms: Vec<(f64, f64)> = b
        .iter()
        .zip(p)
        .filter(|(_, &q)| q > 1e-12)
        .map(|(x, q)| (*x, *q))
        .collect();
    atoms.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (support, probs) = atoms.into_iter().unzip();
    Strategy {
        support,
        probs,
        cdf: None,
    }
}

/// The outcome of atoms in the players' own order; `method` as in [`Outcome::method`].
pub fn atoms_outcome(values: &[f64], alpha: f64, mechanism: Mechanism, atoms: &Atoms, method: &'static str) -> Outcome {
    let (x1, e1, e2) = expectations(atoms, alpha);
    let bids = vec![e1, e2];
    let mut o = Outcome::new(
        values,
        mechanism,
        false,
        [bids.clone(), vec![x1, 1.0 - x1], bids],
        method,
    );
    let u = [o.metrics.utilities[0], o.metrics.utilities[1]];
    o.exploitability = pair_gain([values[0], values[1]], atoms, alpha, u);
    o.strategies = Some(vec![strategy(&atoms[0]), strategy(&atoms[1])]);
    o
}

/// Two players' all-pay-equivalent outcome above `α = 2` (Alcalde & Dahm 2010): the
/// closed form's bids, allocations and payments in the players' own order, no strategies.
pub fn all_pay_equivalent_outcome(values: &[f64], mechanism: Mechanism, method: &'static str) -> Outcome {
    let swap = values[1] > values[0];
    let (hi, lo) = if swap {
        (values[1], values[0])
    } else {
        (values[0], values[1])
    };
    let (b1, b2, x1) = super::closed_forms::all_pay_equivalent(hi, lo);
    let (bids, x) = if swap {
        (vec![b2, b1], vec![1.0 - x1, x1])
    } else {
        (vec![b1, b2], vec![x1, 1.0 - x1])
    };
    Outcome::new(values, mechanism, false, [bids.clone(), x, bids], method)
}

/// The closed-form revenue of two players above the pure range, if known.
pub fn closed_revenue(v1: f64, v2: f64, alpha: f64) -> Option<f64> {
    let (hi, lo) = (v1.max(v2), v1.min(v2));
    if let Some((b1, b2, p)) = super::closed_forms::semi_mixed(hi, lo, alpha) {
        return Some(b1 + p * b2);
    }
    (alpha >= 2.0).then(|| {
        let (b1, b2, _) = super::closed_forms::all_pay_equivalent(hi, lo);
        b1 + b2
    })
}

/// The mixed equilibrium of two players where no pure one exists (`α > 1`); with
/// `grid`, the minimax strategies on that fixed grid instead.
///
/// ```
/// use et_engine::contest::{mixed_pair::solve_pair, Mechanism};
/// // Two equal values at α = 3: full dissipation (all-pay-equivalent), numerical strategies.
/// let o = solve_pair(&[1.0, 1.0], 3.0, Mechanism::Tullock(3.0), None).unwrap();
/// assert_eq!((o.method, o.metrics.revenue), ("closed-form+double-oracle", 1.0));
/// assert!(o.exploitability <= 1e-4 && o.revenue_error < 1e-4);
/// ```
pub fn solve_pair(values: &[f64], alpha: f64, mechanism: Mechanism, grid: Option<usize>) -> Result<Outcome> {
    let (v1, v2) = (values[0], values[1]);
    let swap = v2 > v1;
    let (hi, lo) = if swap { (v2, v1) } else { (v1, v2) };
    let order = |a: (Vec<f64>, Vec<f64>), b: (Vec<f64>, Vec<f64>)| if swap { [b, a] } else { [a, b] };
    let closed = closed_revenue(v1, v2, alpha);
    if let Some(g) = grid {
        let pair = super::mixed::solve(v1, v2, alpha, g)?;
        let mut o = atoms_outcome(values, alpha, mechanism, &pair.atoms(), "lp");
        o.refinement = Some(format!("fixed grid of {} bids a player", g + 1));
        o.revenue_error = closed.map_or(f64::NAN, |r| (o.metrics.revenue - r).abs());
        return Ok(o);
    }
    if let Some((b1, b2, p)) = super::closed_forms::semi_mixed(hi, lo, alpha) {
        let atoms = order((vec![b1], vec![1.0]), (vec![0.0, b2], vec![1.0 - p, p]));
        return Ok(atoms_outcome(values, alpha, mechanism, &atoms, "closed-form"));
    }
    let run = super::mixed::refine(v1, v2, alpha, PAIR_TOLERANCE * hi)?;
    let mut o = atoms_outcome(values, alpha, mechanism, &run.pair.atoms(), "double-oracle");
    o.refinement = Some(run.describe());
    o.revenue_error = run.revenue_change;
    if alpha >= 2.0 {
        // Report the all-pay-equivalent numbers; the strategies stay the numerical ones.
        let numeric = o.metrics.revenue;
        let mut c = all_pay_equivalent_outcome(values, mechanism, "closed-form+double-oracle");
        c.exploitability = o.exploitability;
        c.strategies = o.strategies;
        c.refinement = o.refinement;
        c.revenue_error = (numeric - c.metrics.revenue).abs();
        return Ok(c);
    }
    Ok(o)
}
