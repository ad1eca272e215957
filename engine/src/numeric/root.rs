//! Root finding: the one bracketed Newton iteration every solver uses (the contests'
//! share functions and best responses), with its variants spelled out as options so
//! each caller keeps its exact arithmetic.

use std::convert::Infallible;

/// Where a Newton step that leaves the bracket goes instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fallback {
    /// The bracket's midpoint.
    Bisect,
    /// Halfway from the current point towards the end it overshot.
    TowardOvershot,
}

/// The settings of [`bracketed_newton`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Newton {
    /// The most steps taken.
    pub iterations: usize,
    /// Where a step that leaves the bracket goes.
    pub fallback: Fallback,
    /// Stop as soon as the function is exactly zero (before moving the bracket).
    pub stop_at_zero: bool,
}

/// The zero of a falling function on the bracket `(lo, hi)` by Newton steps from `x`.
///
/// `eval(x)` gives the function and its slope at `x` (or stops the search with an
/// error). Each step first shrinks the bracket (`f(x) > 0`: the zero is above `x`),
/// then takes the Newton step, replaced by `newton.fallback` when it leaves the
/// bracket; the search stops after `converged(x, next, lo, hi)` holds (returning
/// `next`) or after `newton.iterations` steps (returning the last point).
///
/// ```
/// use et_engine::numeric::root::{bracketed_newton, Fallback, Newton};
/// let newton = Newton { iterations: 100, fallback: Fallback::Bisect, stop_at_zero: true };
/// // The zero of 2 − x² on (0, 2): √2.
/// let r = bracketed_newton(|x| Ok::<_, ()>((2.0 - x * x, -2.0 * x)), 0.0, 2.0, 1.0, newton, |x, next, _, _| {
///     (next - x).abs() <= 1e-15
/// });
/// assert!((r.unwrap() - 2f64.sqrt()).abs() < 1e-15);
/// ```
pub fn bracketed_newton<E>(
    mut eval: impl FnMut(f64) -> Result<(f64, f64), E>,
    mut lo: f64,
    mut hi: f64,
    mut x: f64,
    newton: Newton,
    converged: impl Fn(f64, f64, f64, f64) -> bool,
) -> Result<f64, E> {
    for _ in 0..newton.iterations {
        let (fx, slope) = eval(x)?;
        if newton.stop_at_zero && fx == 0.0 {
            break;
        }
        if fx > 0.0 {
            lo = x;
        } else {
            hi = x;
        }
        let mut next = x - fx / slope;
        if !(next > lo && next < hi) {
            next = match newton.fallback {
                Fallback::Bisect => 0.5 * (lo + hi),
                Fallback::TowardOvershot => 0.5 * (x + if next >= hi { hi } else { lo }),
            };
        }
        let done = converged(x, next, lo, hi);
        x = next;
        if done {
            break;
        }
    }
    Ok(x)
}

/// The zero of a falling `g` on `(lo, hi)` by Newton steps from `x`, each kept inside the
/// shrinking bracket (a step that leaves it goes halfway towards the end it overshot);
/// at most 200 steps, stopping when a step is within `1e-15` relative.
///
/// ```
/// use et_engine::numeric::root::falling_zero;
/// let z = falling_zero(&|x| 1.0 - x.exp(), &|x| -x.exp(), -10.0, 10.0, 3.0);
/// assert!(z.abs() < 1e-15);
/// ```
pub fn falling_zero(g: &dyn Fn(f64) -> f64, dg: &dyn Fn(f64) -> f64, lo: f64, hi: f64, x: f64) -> f64 {
    let newton = Newton {
        iterations: 200,
        fallback: Fallback::TowardOvershot,
        stop_at_zero: false,
    };
    let eval = |x: f64| Ok::<_, Infallible>((g(x), dg(x)));
    let converged = |x: f64, next: f64, _: f64, _: f64| (next - x).abs() <= 1e-15 * x.abs().max(1e-300);
    match bracketed_newton(eval, lo, hi, x, newton, converged) {
        Ok(z) => z,
        Err(never) => match never {},
    }
}
