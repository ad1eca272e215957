//! Newton's method on the atoms of a symmetric mixed strategy: `s` atoms `bᵢ` with
//! masses `pᵢ` and the equilibrium utility `u` solve the `2s + 1` equations
//!
//! `π(bᵢ) = u` (each atom earns the same), `bᵢ π′(bᵢ) = 0` (each is a local best bid),
//! `Σ pᵢ = 1`,
//!
//! where `π(b) = v E[share of b against m − 1 draws] − b` ([`super::field::Field`]).
//! Unknowns are `ln bᵢ`, `pᵢ` and `u`; the Jacobian is in closed form
//! ([`super::cascade_system`]), and the step is halved until the residual falls.

use super::cascade_system::system;
use super::field::Field;

/// A symmetric strategy's atoms (bids ascending) and its equilibrium utility.
#[derive(Debug, Clone, PartialEq)]
pub struct Atoms {
    pub bids: Vec<f64>,
    pub probs: Vec<f64>,
    pub utility: f64,
}

/// The residuals of the `2s + 1` equations, in units of `v`.
fn residuals(x: &[f64], v: f64, m: i32, alpha: f64) -> Vec<f64> {
    let s = x.len() / 2;
    let bids: Vec<f64> = x[..s].iter().map(|z| z.exp()).collect();
    let probs = &x[s..2 * s];
    let u = x[2 * s];
    let f = Field::new(&bids, probs, alpha, v);
    let mut r = Vec::with_capacity(x.len());
    r.extend(bids.iter().map(|&b| f.utility(v, b, m - 1) / v - u));
    r.extend(bids.iter().map(|&b| f.elasticity(b, m - 1) - b / v));
    r.push(probs.iter().sum::<f64>() - 1.0);
    r
}

/// Solves `a y = r` by Gaussian elimination with partial pivoting (`None` if singular).
fn solve_linear(mut a: Vec<Vec<f64>>, mut r: Vec<f64>) -> Option<Vec<f64>> {
    let n = r.len();
    for c in 0..n {
        let p = (c..n).max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs()))?;
        if a[p][c].abs() < 1e-300 {
            return None;
        }
        a.swap(c, p);
        r.swap(c, p);
        let (top, rest) = a.split_at_mut(c + 1);
        let pivot = &top[c];
        for (i, row) in rest.iter_mut().enumerate() {
            let f = row[c] / pivot[c];
            row[c..].iter_mut().zip(&pivot[c..]).for_each(|(x, p)| *x -= f * p);
            r[c + 1 + i] -= f * r[c];
        }
    }
    let mut y = vec![0.0; n];
    for i in (0..n).rev() {
        let s: f64 = (i + 1..n).map(|j| a[i][j] * y[j]).sum();
        y[i] = (r[i] - s) / a[i][i];
    }
    y.iter().all(|v| v.is_finite()).then_some(y)
}

fn norm(r: &[f64]) -> f64 {
    r.iter().map(|x| x * x).sum::<f64>().sqrt()
}

/// Newton steps from `start` until the residual is below `1e-13` (or stalls); `None`
/// when a mass turns negative or a bid leaves `(0, v)`.
pub fn polish(start: &Atoms, v: f64, m: i32, alpha: f64) -> Option<Atoms> {
    let s = start.bids.len();
    let mut x: Vec<f64> = start.bids.iter().map(|b| b.ln()).collect();
    x.extend(&start.probs);
    x.push(start.utility / v);
    let mut r = residuals(&x, v, m, alpha);
    for _ in 0..40 {
        if norm(&r) < 1e-13 {
            break;
        }
        let (_, jac) = system(&x, v, m, alpha);
        let step = solve_linear(jac, r.clone())?;
        let mut t = 1.0;
        loop {
            let y: Vec<f64> = x.iter().zip(&step).map(|(a, d)| a - t * d).collect();
            let ry = residuals(&y, v, m, alpha);
            if norm(&ry) < norm(&r) {
                (x, r) = (y, ry);
                break;
            }
            t *= 0.5;
            if t < 1e-4 {
                #[cfg(feature = "trace")]
                eprintln!("polish: line search stalled at residual {:e}", norm(&r));
                return None;
            }
        }
    }
    let bids: Vec<f64> = x[..s].iter().map(|z| z.exp()).collect();
    let probs = x[s..2 * s].to_vec();
    #[cfg(feature = "trace")]
    eprintln!("polish: residual {:e}, probs {probs:?}", norm(&r));
    if probs.iter().any(|&p| p < 0.0) || bids.iter().any(|&b| b >= v) || norm(&r) > 1e-9 {
        return None;
    }
    Some(Atoms {
        bids,
        probs,
        utility: x[2 * s] * v,
    })
}
