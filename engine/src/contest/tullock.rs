//! Pure equilibria of the Tullock contest `x_i = b_i^α / Σ b_j^α`, everyone paying.
//!
//! An active player's first-order condition ties its share `s` to the total weight
//! `Y = Σ b_j^α`: `b = α v s (1 − s)` and `b^α = s Y`, so
//! `ln Y = α ln(α v) + (α − 1) ln s + α ln(1 − s)`. For `α ≤ 1` the right side falls
//! with `s`, so each player has one share `s_i(Y)`, and `Σ s_i(Y) = 1` fixes `Y`
//! (Newton with bisection safeguards, nested). For `α > 1` the falling branch
//! `s > (α − 1)/(2α − 1)` is the local maximum; a candidate on it is an equilibrium
//! when each active player's utility is non-negative (`s ≥ 1 − 1/α`) and the best-response
//! check finds no profitable deviation.

use std::cell::Cell;

use crate::error::{EngineError, Result};
use std::convert::Infallible;

use crate::numeric::fastmath;
use crate::numeric::root::{bracketed_newton, Fallback, Newton};

/// The Stein (2002) closed form at `α = 1`: bids for `values` (any order).
///
/// # Formula
/// Sort descending; the active set is the largest `m` with `v_m > X_m`,
/// `X_m = (m − 1) / Σ_{j≤m} 1/v_j`; active bids are `X (1 − X / v_i)`.
pub fn proportional_bids(values: &[f64]) -> Vec<f64> {
    let x = stein_total(values);
    values
        .iter()
        .map(|&v| if v > x { x * (1.0 - x / v) } else { 0.0 })
        .collect()
}

/// Stein's `X` of the active set. Only the largest values can be active, so the scan
/// runs on the top `k` values (selected in O(n), then sorted), `k` growing fourfold
/// until the active set ends inside them: the same sums in the same order as sorting
/// every value, without sorting the inactive tail.
fn stein_total(values: &[f64]) -> f64 {
    let mut k = values.len().min(1024);
    loop {
        let mut top = values.to_vec();
        if k < top.len() {
            top.select_nth_unstable_by(k - 1, |a, b| b.total_cmp(a));
            top.truncate(k);
        }
        top.sort_unstable_by(|a, b| b.total_cmp(a));
        let (mut inv_sum, mut x) = (0.0, 0.0);
        for (m, &v) in top.iter().enumerate() {
            inv_sum += 1.0 / v;
            let xm = m as f64 / inv_sum;
            if m >= 1 && v <= xm {
                return x;
            }
            x = xm;
        }
        if k == values.len() {
            return x;
        }
        k = (4 * k).min(values.len());
    }
}

/// The share `s ∈ (0, 1)` of a player with `c = α ln(α v)` at `t = ln Y`, on the falling
/// branch `s ≥ lo` (`lo = 0` for `α ≤ 1`); `None` if `t` is above the branch's peak.
/// Solved for `u = ln s`, where the condition is nearly linear for small shares; the
/// search starts from `guess` (the share at `t − dt`) moved by the first-order step
/// `dt · du/dt`, so a small move of `t` costs one or two steps.
fn share(alpha: f64, c: f64, t: f64, lo: f64, (guess, dt): (f64, f64)) -> Option<f64> {
    if alpha == 1.0 {
        // s = 1 − Y/v, or inactive.
        return Some((-(t - c).exp_m1()).max(0.0));
    }
    if alpha > 1.0 {
        return share_steep(alpha, c, t, lo, guess);
    }
    // h(u) = c + (α − 1) u + α ln(1 − e^u) − t and its slope, from one exponential, by
    // the table-driven exp and ln (2 ulp, 3e-16 absolute: h is of order 1, so u moves ~1e-15).
    let eval = |u: f64| {
        let s = fastmath::exp(u);
        Ok::<_, Infallible>((
            c + (alpha - 1.0) * u + alpha * fastmath::ln(1.0 - s) - t,
            (alpha - 1.0) - alpha * s / (1.0 - s),
        ))
    };
    // α < 1 from here: every share is positive, no branch to respect.
    let u0 = if guess > 0.0 && guess < 1.0 {
        // du/dt = 1 / (∂h/∂u) at the guess.
        fastmath::ln(guess) + dt / ((alpha - 1.0) - alpha * guess / (1.0 - guess))
    } else {
        ((t - c) / (alpha - 1.0)).min(-1e-3)
    };
    let newton = Newton {
        iterations: 200,
        fallback: Fallback::TowardOvershot,
        stop_at_zero: false,
    };
    let converged = |u: f64, next: f64, _: f64, _: f64| (next - u).abs() <= 1e-15 * u.abs().max(1e-300);
    let u = match bracketed_newton(eval, -745.0, 0.0, u0.clamp(-745.0, -1e-300), newton, converged) {
        Ok(u) => u,
        Err(never) => match never {},
    };
    Some(fastmath::exp(u))
}

/// [`share`] for `α > 1`, in `s` itself on the falling branch `[lo, 1)` (few players).
fn share_steep(alpha: f64, c: f64, t: f64, lo: f64, guess: f64) -> Option<f64> {
    let h = |s: f64| c + (alpha - 1.0) * s.ln() + alpha * (-s).ln_1p() - t;
    if h(lo) < 0.0 {
        return None;
    }
    let s = guess.clamp(lo + (1.0 - lo) * 1e-9, 1.0 - 1e-16);
    let newton = Newton {
        iterations: 200,
        fallback: Fallback::Bisect,
        stop_at_zero: false,
    };
    let eval = |s: f64| Ok::<_, ()>((h(s), (alpha - 1.0) / s - alpha / (1.0 - s)));
    let converged = |s: f64, next: f64, a: f64, b: f64| (next - s).abs() <= 1e-15 * s || b - a <= 1e-15;
    bracketed_newton(eval, lo, 1.0, s, newton, converged).ok()
}

/// The lowest share a candidate gives an active player: the peak of the `α > 1` branch.
fn branch_floor(alpha: f64) -> f64 {
    if alpha > 1.0 {
        (alpha - 1.0) / (2.0 * alpha - 1.0)
    } else {
        0.0
    }
}

/// Every player's share at the last `t` evaluated (the next search's start).
struct Guess {
    shares: Vec<f64>,
    /// The `t` the shares belong to (`NaN` before the first evaluation).
    t: f64,
}

/// The active players' shares at `t = ln Y` (each warm-started from and stored in
/// `guess`): their sum less one and its slope in `t`, or `None` past a branch's peak.
/// `counts[i]` players share class `i`'s value (1 each without ties).
fn share_total(
    alpha: f64,
    (cs, counts): (&[f64], &[f64]),
    active: &[bool],
    t: f64,
    guess: &mut Guess,
) -> Option<(f64, f64)> {
    let lo = branch_floor(alpha);
    let dt = if guess.t.is_finite() { t - guess.t } else { 0.0 };
    guess.t = f64::NAN;
    let (mut sum, mut slope) = (0.0, 0.0);
    for i in 0..cs.len() {
        if !active[i] {
            continue;
        }
        let s = share(alpha, cs[i], t, lo, (guess.shares[i], dt))?;
        guess.shares[i] = s;
        sum += counts[i] * s;
        if s > 0.0 {
            // ds/dt = s du/dt = s / (∂h/∂u); an inactive player does not move.
            slope += counts[i] * s / ((alpha - 1.0) - alpha * s / (1.0 - s));
        }
    }
    guess.t = t;
    Some((sum - 1.0, slope))
}

/// A bracket `(lo, hi)` of `t = ln Y` where the share sum crosses one: it falls from (the
/// number active) towards 0 (or the peak). `None` when there is none.
fn bracket_log_total(
    alpha: f64,
    cs: &[f64],
    active: &[bool],
    total: &mut dyn FnMut(f64) -> Option<(f64, f64)>,
) -> Option<(f64, f64)> {
    let actives = || cs.iter().zip(active).filter(|(_, &a)| a).map(|(c, _)| *c);
    let mut hi = actives().fold(f64::MIN, f64::max);
    if alpha > 1.0 {
        // Beyond the smallest peak some falling branch has no share left.
        let lo = branch_floor(alpha);
        let peak = |c: f64| c + (alpha - 1.0) * lo.ln() + alpha * (-lo).ln_1p();
        hi = actives().map(peak).fold(f64::MAX, f64::min);
        if total(hi)?.0 > 0.0 {
            return None;
        }
    } else {
        let mut step = 1.0;
        while total(hi)?.0 > 0.0 {
            hi += step;
            step *= 2.0;
            if hi > 2000.0 {
                return None;
            }
        }
    }
    let mut lo_t = hi - 1.0;
    let mut step = 1.0;
    while total(lo_t)?.0 < 0.0 {
        lo_t -= step;
        step *= 2.0;
        if lo_t < -2000.0 {
            return None;
        }
    }
    Some((lo_t, hi))
}

/// A pure-strategy candidate for `0 < α`, with `active` the players included: shares
/// summing to one, or `None` when the falling branches cannot sum to one.
pub fn share_equilibrium(values: &[f64], alpha: f64, active: &[bool]) -> Option<Vec<f64>> {
    share_equilibrium_counted(values, &vec![1.0; values.len()], alpha, active)
}

/// [`share_equilibrium`] for classes of equal values: `counts[i]` players have value
/// `values[i]` and (in a pure equilibrium) the same share, so `Σ counts[i] s_i = 1`.
pub fn share_equilibrium_counted(values: &[f64], counts: &[f64], alpha: f64, active: &[bool]) -> Option<Vec<f64>> {
    let cs: Vec<f64> = values.iter().map(|&v| alpha * (alpha * v).ln()).collect();
    let mut guess = Guess {
        shares: active.iter().map(|&a| if a { 0.5 } else { 0.0 }).collect(),
        t: f64::NAN,
    };
    let (lo_t, hi) = bracket_log_total(alpha, &cs, active, &mut |t| {
        share_total(alpha, (&cs, counts), active, t, &mut guess)
    })?;
    let newton = Newton {
        iterations: 400,
        fallback: Fallback::Bisect,
        stop_at_zero: true,
    };
    #[cfg(feature = "trace")]
    let mut iteration = 0;
    // The last point, value and slope, and the point with the smallest |f|: a Newton
    // step below rounding leaves the point on the bracket's end, which the root finder
    // takes as leaving the bracket and bisects — so such a step counts as converged and
    // the best point seen is the answer.
    let last = Cell::new((f64::NAN, 0.0, 1.0));
    let best = Cell::new((f64::NAN, f64::INFINITY));
    let eval = |t: f64| {
        let (f, slope) = share_total(alpha, (&cs, counts), active, t, &mut guess).ok_or(())?;
        #[cfg(feature = "trace")]
        {
            eprintln!("outer {iteration}: t = {t}, f = {f:e}");
            iteration += 1;
        }
        last.set((t, f, slope));
        if f.abs() < best.get().1 {
            best.set((t, f.abs()));
        }
        Ok::<_, ()>((f, slope))
    };
    let converged = |t: f64, next: f64, _: f64, _: f64| {
        let (at, f, slope) = last.get();
        let tol = 1e-15 * t.abs().max(1.0);
        (next - t).abs() <= tol || (at == t && (f / slope).abs() <= tol)
    };
    bracketed_newton(eval, lo_t, hi, 0.5 * (lo_t + hi), newton, converged).ok()?;
    let t = best.get().0;
    // The shares in hand belong to the best point unless the search ended elsewhere.
    if guess.t != t {
        share_total(alpha, (&cs, counts), active, t, &mut guess)?;
    }
    Some(guess.shares)
}

/// Bids `α v s (1 − s)` of shares `s`.
pub fn bids_from_shares(values: &[f64], alpha: f64, shares: &[f64]) -> Vec<f64> {
    values
        .iter()
        .zip(shares)
        .map(|(v, s)| alpha * v * s * (1.0 - s))
        .collect()
}

/// The weights `b^α` of bids (0 for a zero bid).
pub fn weights(bids: &[f64], alpha: f64) -> Vec<f64> {
    if alpha == 1.0 {
        bids.to_vec()
    } else {
        bids.iter()
            .map(|b| if *b > 0.0 { b.powf(alpha) } else { 0.0 })
            .collect()
    }
}

/// Allocations of bids under exponent `α` (an equal split when every bid is zero).
pub fn allocations(bids: &[f64], alpha: f64) -> Vec<f64> {
    let w = weights(bids, alpha);
    let total: f64 = w.iter().sum();
    if total > 0.0 {
        w.iter().map(|wi| wi / total).collect()
    } else {
        vec![1.0 / bids.len() as f64; bids.len()]
    }
}

/// The unique pure equilibrium for `0 < α ≤ 1`.
pub fn pure_concave(values: &[f64], alpha: f64) -> Result<Vec<f64>> {
    if alpha == 1.0 {
        return Ok(proportional_bids(values));
    }
    let shares = share_equilibrium(values, alpha, &vec![true; values.len()])
        .ok_or_else(|| EngineError::not_converged("values", "the share-function solver", "did not converge"))?;
    Ok(bids_from_shares(values, alpha, &shares))
}
