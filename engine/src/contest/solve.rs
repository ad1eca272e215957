//! Solving a contest: the closed forms, the pure Tullock equilibria (grouped by value
//! class when values repeat), the mixed equilibria above the pure range, each checked by
//! the independent best-response search.

use super::mechanism::{check_values, Mechanism, Outcome};
use super::{auctions, check, closed_forms, groups, mixed_pair, oracle, tied, tullock};
use crate::error::{EngineError, Result};

/// The exploitability the two-player mixed equilibria of earlier versions were certified
/// to, as a fraction of the top value (an upper bound now: two-player mixed equilibria
/// are closed forms or refined to [`mixed_pair::PAIR_TOLERANCE`], three or more players
/// to [`oracle::MANY_TOLERANCE`], tied top values by the symmetric cascade to
/// [`super::symmetric::CASCADE_TARGET`] where it gets there).
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

/// [`solve`], with the bid grid of a two-player mixed equilibrium fixed at `grid`
/// intervals a player (a plain linear program; by default the closed forms and the
/// refined double oracle are used).
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
            let mut o = Outcome::new(values, mechanism, true, [b, x, p], "closed-form");
            o.exploitability = auctions::winner_take_all_exploitability(values, &o.bids, &o.metrics.utilities);
            Ok(o)
        }
        Mechanism::AllPayAuction => Ok(all_pay(values, mechanism)),
        Mechanism::ProportionalAllPay => concave(values, 1.0, mechanism),
        Mechanism::Tullock(a) if a <= 1.0 => concave(values, a, mechanism),
        Mechanism::Tullock(a) => tullock_steep(values, a, mechanism, grid),
    }
}

/// The all-pay auction: symmetric among the top values when three or more tie,
/// Baye–Kovenock–de Vries's two-player equilibrium otherwise.
fn all_pay(values: &[f64], mechanism: Mechanism) -> Outcome {
    let vmax = values.iter().cloned().fold(0.0, f64::max);
    let tied: Vec<usize> = (0..values.len()).filter(|&i| values[i] == vmax).collect();
    if tied.len() >= 3 {
        let (bxp, strategies, gain) = closed_forms::symmetric_all_pay(values, &tied);
        let mut o = Outcome::new(values, mechanism, false, bxp, "closed-form");
        o.exploitability = gain;
        o.strategies = Some(strategies);
        return o;
    }
    let ap = auctions::AllPay::new(values);
    let (b, x, p) = ap.outcome(values.len());
    let mut o = Outcome::new(values, mechanism, false, [b, x, p], "closed-form");
    o.exploitability = ap.exploitability(values, &o.metrics.utilities);
    let mut st = vec![closed_forms::discretised(&|_| 1.0, 0.0); values.len()];
    st[ap.strong] = closed_forms::discretised(&|b| ap.cdf(true, b), ap.v2);
    st[ap.weak] = closed_forms::discretised(&|b| ap.cdf(false, b), ap.v2);
    for (i, s) in st.iter_mut().enumerate() {
        if i != ap.strong && i != ap.weak {
            *s = super::mechanism::Strategy {
                support: vec![0.0],
                probs: vec![1.0],
                cdf: None,
            };
        }
    }
    o.strategies = Some(st);
    o
}

/// `0 < α ≤ 1`: the unique pure equilibrium, on value classes when there are few.
fn concave(values: &[f64], alpha: f64, mechanism: Mechanism) -> Result<Outcome> {
    let method = if alpha == 1.0 { "closed-form" } else { "share-equations" };
    if let Some(g) = groups::group(values) {
        let class_bids = groups::pure_concave(&g, alpha)
            .ok_or_else(|| EngineError::not_converged("values", "the share-function solver", "did not converge"))?;
        let (x, gain) = groups::allocations_and_gain(&g, &class_bids, alpha);
        let m = super::metrics::metrics_classes(&g.values, &x, &class_bids, &g.counts, &g.class);
        let bids = g.expand(&class_bids);
        let mut o = Outcome::with_metrics(mechanism, true, [bids.clone(), g.expand(&x), bids], m, method);
        o.exploitability = gain;
        return Ok(o);
    }
    let bids = tullock::pure_concave(values, alpha)?;
    Ok(tullock_pure(values, alpha, bids, mechanism, method))
}

fn tullock_pure(values: &[f64], alpha: f64, bids: Vec<f64>, mechanism: Mechanism, method: &'static str) -> Outcome {
    let x = tullock::allocations(&bids, alpha);
    let mut o = Outcome::new(values, mechanism, true, [bids.clone(), x, bids], method);
    o.exploitability = check::tullock_exploitability(values, &o.bids, alpha, &o.metrics.utilities);
    o
}

/// The pure candidate on the top `m` players (`order` sorts the values descending).
fn pure_on_top(values: &[f64], order: &[usize], m: usize, alpha: f64, mechanism: Mechanism) -> Option<Outcome> {
    let mut active = vec![false; values.len()];
    order.iter().take(m).for_each(|&i| active[i] = true);
    let shares = tullock::share_equilibrium(values, alpha, &active)?;
    if shares
        .iter()
        .zip(&active)
        .any(|(s, &a)| a && *s < 1.0 - 1.0 / alpha - 1e-12)
    {
        return None;
    }
    let bids = tullock::bids_from_shares(values, alpha, &shares);
    Some(tullock_pure(values, alpha, bids, mechanism, "share-equations"))
}

/// `α > 1`: from the most players down, a pure equilibrium on the top `m` players that
/// passes the best-response check. With three or more values tied at the top, no
/// candidate leaves a tied player out before the symmetric mixed equilibrium
/// ([`tied`]) has been tried, so the tie is not broken where it need not be. Otherwise
/// the mixed equilibrium of the top two ([`mixed_pair`] for two players, [`oracle`]
/// with the others out for more).
fn tullock_steep(values: &[f64], alpha: f64, mechanism: Mechanism, grid: Option<usize>) -> Result<Outcome> {
    let vmax = values.iter().cloned().fold(0.0, f64::max);
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[b].total_cmp(&values[a]));
    let tied: Vec<usize> = order.iter().copied().take_while(|&i| values[i] == vmax).collect();
    let pure = |m: usize| pure_on_top(values, &order, m, alpha, mechanism).filter(|o| o.exploitability <= 1e-9 * vmax);
    let keep_tie = if tied.len() >= 3 { tied.len() } else { 2 };
    if let Some(o) = (keep_tie..=values.len()).rev().find_map(pure) {
        return Ok(o);
    }
    if tied.len() >= 3 {
        if let Some(o) = tied::symmetric_outcome(values, &tied, alpha, mechanism) {
            return Ok(o);
        }
        if let Some(o) = (2..keep_tie).rev().find_map(pure) {
            return Ok(o);
        }
    }
    if values.len() > 2 {
        return oracle::solve_many(values, alpha, mechanism);
    }
    mixed_pair::solve_pair(values, alpha, mechanism, grid)
}
