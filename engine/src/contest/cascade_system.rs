//! The cascade's `2s + 1` equations ([`super::symmetric_newton`]) with their Jacobian in
//! closed form. Unknowns `x = (ℓ₁…ℓ_s, p₁…p_s, u)` with `bᵢ = e^ℓᵢ`, `wᵢ = bᵢ^α`; against
//! `n = m − 1` opponents, on the nodes `t_k` of [`super::field::Field`] (step `H` in
//! `ln t`), with `yᵢₖ = t_k wᵢ`, `g(y) = y e^(−y)`, `q(y) = y (1 − y) e^(−y)`:
//!
//! `shareᵢ = H Σₖ g(yᵢₖ) φₖⁿ`, `elasticityᵢ = α H Σₖ q(yᵢₖ) φₖⁿ`,
//! residuals `shareᵢ − bᵢ/v − u`, `elasticityᵢ − bᵢ/v`, `Σ pⱼ − 1`.
//!
//! Since `φₖ = Σⱼ pⱼ e^(−t_k wⱼ)`: `∂φₖ/∂pⱼ = e^(−yⱼₖ)` and `∂φₖ/∂ℓⱼ = −α pⱼ yⱼₖ e^(−yⱼₖ)`,
//! each reaching a residual through `n φₖⁿ⁻¹`; the own bid adds on the diagonal
//! `∂shareᵢ/∂ℓᵢ = elasticityᵢ` and `∂elasticityᵢ/∂ℓᵢ = α² H Σₖ yᵢₖ (1 − 3yᵢₖ + yᵢₖ²) e^(−yᵢₖ) φₖⁿ`.
//! One Jacobian costs `O(s² · nodes a window)` multiplications and `O(s · nodes)`
//! exponentials, instead of `2s + 1` fresh transforms by finite differences.

use super::field::{Field, H};

/// The residuals and the Jacobian (rows of equations, columns of unknowns) at `x`.
pub fn system(x: &[f64], v: f64, m: i32, alpha: f64) -> (Vec<f64>, Vec<Vec<f64>>) {
    let s = x.len() / 2;
    let n = m - 1;
    let bids: Vec<f64> = x[..s].iter().map(|z| z.exp()).collect();
    let probs = &x[s..2 * s];
    let f = Field::new(&bids, probs, alpha, v);
    let lw: Vec<f64> = x[..s].iter().map(|z| alpha * z).collect();
    let windows: Vec<(usize, usize)> = lw.iter().map(|&l| f.window(l.max(f.lw_floor()))).collect();
    let k0 = windows.iter().map(|w| w.0).min().unwrap_or(0);
    let k1 = windows.iter().map(|w| w.1).max().unwrap_or(0);
    // ∂φₖ/∂ℓⱼ and ∂φₖ/∂pⱼ on every node any window uses, row k − k0.
    let (mut dl, mut dp) = (vec![0.0; (k1 - k0 + 1) * s], vec![0.0; (k1 - k0 + 1) * s]);
    for k in k0..=k1 {
        for j in 0..s {
            let y = (f.node(k) + lw[j]).exp();
            let e = (-y).exp();
            dp[(k - k0) * s + j] = e;
            dl[(k - k0) * s + j] = -alpha * probs[j] * y * e;
        }
    }
    let mut r = vec![0.0; 2 * s + 1];
    let mut jac = vec![vec![0.0; 2 * s + 1]; 2 * s + 1];
    for i in 0..s {
        let (mut share, mut el, mut del) = (0.0, 0.0, 0.0);
        let (top, bottom) = jac.split_at_mut(s);
        let (row1, row2) = (&mut top[i], &mut bottom[i]);
        for k in windows[i].0..=windows[i].1 {
            let y = (f.node(k) + lw[i]).exp();
            let e = (-y).exp();
            let phi = f.phi(k);
            let pn1 = if n > 1 { phi.powi(n - 1) } else { 1.0 };
            let (g, pn) = (y * e, pn1 * phi);
            share += g * pn;
            el += g * (1.0 - y) * pn;
            del += y * (1.0 - 3.0 * y + y * y) * e * pn;
            let (cg, cq) = (H * g * n as f64 * pn1, H * alpha * g * (1.0 - y) * n as f64 * pn1);
            let (dlk, dpk) = (&dl[(k - k0) * s..][..s], &dp[(k - k0) * s..][..s]);
            for j in 0..s {
                row1[j] += cg * dlk[j];
                row1[s + j] += cg * dpk[j];
                row2[j] += cq * dlk[j];
                row2[s + j] += cq * dpk[j];
            }
        }
        let (share, el, del) = ((H * share).min(1.0), alpha * H * el, alpha * alpha * H * del);
        let b = bids[i] / v;
        r[i] = share - b - x[2 * s];
        r[s + i] = el - b;
        row1[i] += el - b;
        row1[2 * s] = -1.0;
        row2[i] += del - b;
    }
    r[2 * s] = probs.iter().sum::<f64>() - 1.0;
    jac[2 * s][s..2 * s].iter_mut().for_each(|d| *d = 1.0);
    (r, jac)
}
