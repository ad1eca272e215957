//! Solving a contest: the closed forms, the pure Tullock equilibria, the two-player
//! mixed equilibrium, each checked by the independent best-response search.

use super::mechanism::{check_values, Mechanism, Outcome, Strategy};
use super::{auctions, check, metrics, mixed, tullock};
use crate::error::{EngineError, Result};

fn outcome(values: &[f64], mechanism: Mechanism, pure: bool, bids: Vec<f64>, x: Vec<f64>, p: Vec<f64>) -> Outcome {
    let metrics = metrics::metrics(values, &x, &p);
    Outcome {
        mechanism,
        pure,
        bids,
        allocations: x,
        payments: p,
        metrics,
        exploitability: 0.0,
        strategies: None,
    }
}

/// Grid sizes tried for a mixed equilibrium, until its exploitability is within
/// [`MIXED_TOLERANCE`] of the top value.
const MIXED_GRIDS: [usize; 3] = [80, 160, 320];
/// Exploitability accepted for a mixed equilibrium, as a fraction of the top value.
pub const MIXED_TOLERANCE: f64 = 0.005;

/// The equilibrium of `mechanism` for `values` (complete information).
///
/// ```
/// use et_engine::contest::{solve, Mechanism};
/// // SPEC §7, values (4, 2), proportional all-pay: bids (8/9, 4/9), revenue 4/3.
/// let o = solve(&[4.0, 2.0], Mechanism::ProportionalAllPay).unwrap();
/// assert!((o.bids[0] - 8.0 / 9.0).abs() < 1e-12 && (o.metrics.revenue - 4.0 / 3.0).abs() < 1e-12);
/// assert!((o.metrics.fairness - 0.4714).abs() < 1e-4);
/// ```
pub fn solve(values: &[f64], mechanism: Mechanism) -> Result<Outcome> {
    solve_with(values, mechanism, None)
}

/// [`solve`], with the bid grid of a mixed equilibrium fixed at `grid` intervals a player
/// (by default the grid is refined until the exploitability is within tolerance).
pub fn solve_with(values: &[f64], mechanism: Mechanism, grid: Option<usize>) -> Result<Outcome> {
    check_values(values)?;
    if let Some(g) = grid {
        if !(10..=2000).contains(&g) {
            return Err(EngineError::invalid(
                "grid",
                format!("must be between 10 and 2000 bids, got {g}"),
            ));
        }
    }
    match mechanism {
        Mechanism::WinnerTakeAll => {
            let (b, x, p) = auctions::winner_take_all(values);
            let mut o = outcome(values, mechanism, true, b, x, p);
            o.exploitability = auctions::winner_take_all_exploitability(values, &o.bids, &o.metrics.utilities);
            Ok(o)
        }
        Mechanism::AllPayAuction => {
            let ap = auctions::AllPay::new(values);
            let (b, x, p) = ap.outcome(values.len());
            let mut o = outcome(values, mechanism, false, b, x, p);
            o.exploitability = ap.exploitability(values, &o.metrics.utilities);
            o.strategies = Some(all_pay_strategies(&ap, values.len()));
            Ok(o)
        }
        Mechanism::ProportionalAllPay => tullock_pure(values, 1.0, tullock::proportional_bids(values), mechanism),
        Mechanism::Tullock(a) if a <= 1.0 => tullock_pure(values, a, tullock::pure_concave(values, a)?, mechanism),
        Mechanism::Tullock(a) => tullock_steep(values, a, mechanism, grid),
    }
}

fn tullock_pure(values: &[f64], alpha: f64, bids: Vec<f64>, mechanism: Mechanism) -> Result<Outcome> {
    let x = tullock::allocations(&bids, alpha);
    let mut o = outcome(values, mechanism, true, bids.clone(), x, bids);
    o.exploitability = check::tullock_exploitability(values, &o.bids, alpha, &o.metrics.utilities);
    Ok(o)
}

/// `α > 1`: a pure equilibrium on the top `m` players where one passes the checks;
/// otherwise the mixed equilibrium for two players, or an error naming why.
fn tullock_steep(values: &[f64], alpha: f64, mechanism: Mechanism, grid: Option<usize>) -> Result<Outcome> {
    let vmax = values.iter().cloned().fold(0.0, f64::max);
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[b].total_cmp(&values[a]));
    for m in (2..=values.len()).rev() {
        let mut active = vec![false; values.len()];
        order.iter().take(m).for_each(|&i| active[i] = true);
        let Some(shares) = tullock::share_equilibrium(values, alpha, &active) else {
            continue;
        };
        if shares
            .iter()
            .zip(&active)
            .any(|(s, &a)| a && *s < 1.0 - 1.0 / alpha - 1e-12)
        {
            continue;
        }
        let bids = tullock::bids_from_shares(values, alpha, &shares);
        let o = tullock_pure(values, alpha, bids, mechanism)?;
        if o.exploitability <= 1e-9 * vmax {
            return Ok(o);
        }
    }
    if values.len() > 2 {
        return Err(EngineError::no_equilibrium(
            "alpha",
            format!(
                "no pure equilibrium exists for these {} values at α = {alpha}; mixed equilibria are computed for two players only",
                values.len()
            ),
        ));
    }
    tullock_mixed(values, alpha, mechanism, grid)
}

fn tullock_mixed(values: &[f64], alpha: f64, mechanism: Mechanism, grid: Option<usize>) -> Result<Outcome> {
    let vmax = values[0].max(values[1]);
    if grid.is_none() {
        // Double oracle first; the plain grids below are the fallback.
        if let Ok(pair) = mixed::solve_oracle(values[0], values[1], alpha, 0.5 * MIXED_TOLERANCE * vmax) {
            let o = mixed_outcome(values, alpha, mechanism, &pair);
            if o.exploitability <= MIXED_TOLERANCE * vmax {
                return Ok(o);
            }
        }
    }
    let mut best: Option<Outcome> = None;
    let grids = grid.map_or(MIXED_GRIDS.to_vec(), |g| vec![g]);
    for g in grids {
        let pair = mixed::solve(values[0], values[1], alpha, g)?;
        let o = mixed_outcome(values, alpha, mechanism, &pair);
        let done = o.exploitability <= MIXED_TOLERANCE * vmax;
        if best.as_ref().is_none_or(|b| o.exploitability < b.exploitability) {
            best = Some(o);
        }
        if done {
            break;
        }
    }
    best.ok_or_else(|| EngineError::no_equilibrium("alpha", "no mixed equilibrium was found"))
}

fn mixed_outcome(values: &[f64], alpha: f64, mechanism: Mechanism, pair: &mixed::MixedPair) -> Outcome {
    let [(b1, p1), (b2, p2)] = [(&pair.bids[0], &pair.probs[0]), (&pair.bids[1], &pair.probs[1])];
    let mut x1 = 0.0;
    for (a, pa) in b1.iter().zip(p1) {
        for (b, qb) in b2.iter().zip(p2) {
            x1 += pa * qb * check::pair_share(*a, *b, alpha);
        }
    }
    let eb = |b: &[f64], p: &[f64]| b.iter().zip(p).map(|(x, q)| x * q).sum::<f64>();
    let bids = vec![eb(b1, p1), eb(b2, p2)];
    let mut o = outcome(values, mechanism, false, bids.clone(), vec![x1, 1.0 - x1], bids);
    let u = &o.metrics.utilities;
    let g1 = check::mixed_best_response(values[0], b2, p2, alpha) - u[0];
    let g2 = check::mixed_best_response(values[1], b1, p1, alpha) - u[1];
    o.exploitability = g1.max(g2).max(0.0);
    let strategy = |b: &[f64], p: &[f64]| {
        let (support, probs) = b
            .iter()
            .zip(p)
            .filter(|(_, &q)| q > 1e-9)
            .map(|(x, q)| (*x, *q))
            .unzip();
        Strategy { support, probs }
    };
    o.strategies = Some(vec![strategy(b1, p1), strategy(b2, p2)]);
    o
}

/// The all-pay auction's strategies, each uniform part shown as 50 equal atoms.
fn all_pay_strategies(ap: &auctions::AllPay, k: usize) -> Vec<Strategy> {
    let atoms = 50;
    let mids: Vec<f64> = (0..atoms).map(|j| ap.v2 * (j as f64 + 0.5) / atoms as f64).collect();
    let mut out = vec![
        Strategy {
            support: vec![0.0],
            probs: vec![1.0]
        };
        k
    ];
    out[ap.strong] = Strategy {
        support: mids.clone(),
        probs: vec![1.0 / atoms as f64; atoms],
    };
    let w = ap.v2 / ap.v1;
    let mut weak = Strategy {
        support: vec![0.0],
        probs: vec![1.0 - w],
    };
    weak.support.extend(&mids);
    weak.probs.extend(std::iter::repeat_n(w / atoms as f64, atoms));
    out[ap.weak] = weak;
    out
}
