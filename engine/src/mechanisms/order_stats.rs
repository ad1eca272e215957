//! Closed forms of the builders' order statistics, by quadrature.
//!
//! Builder `i` extracts `V_i = a_i R e^(σ Z_i − σ²/2)`; with `R` independent of the `Z_i`
//! every expectation below is `E[R]` times its value for `R = 1`, which is what these
//! functions return. For a non-negative `Y` and a floor `f ≥ 0`,
//!
//! # Formula
//! `E[max(Y, f)] = f + ∫_f^∞ (1 − G(x)) dx`, `G` the distribution function of `Y`:
//! `G₁ = Π F_i` for the highest value, `G₂ = P(at most one V_i > x)` for the
//! second-highest, `F_i(x) = Φ((ln(x / a_i) + σ²/2) / σ)`.
//!
//! The integral runs in `u = ln x` by Simpson's rule on windows of ±12σ around each
//! builder's median, where the integrand moves; between windows every `F_i` is 0 or 1 to
//! within 1e-32 and the integrand is constant.

/// `P(a e^(σZ − σ²/2) ≤ x)`.
pub fn cdf(a: f64, sigma: f64, x: f64) -> f64 {
    if a <= 0.0 || x >= f64::INFINITY {
        return 1.0;
    }
    if x <= 0.0 {
        return 0.0;
    }
    if sigma == 0.0 {
        return if x >= a { 1.0 } else { 0.0 };
    }
    let z = (libm::log(x / a) + sigma * sigma / 2.0) / sigma;
    0.5 * libm::erfc(-z / std::f64::consts::SQRT_2)
}

/// `P(V_(2) ≤ x)` of values with these `F_i(x)`: the probability that at most one exceeds x.
fn at_most_one_above(f: impl Iterator<Item = f64>) -> f64 {
    let (mut none, mut one) = (1.0, 0.0);
    for fi in f {
        one = one * fi + none * (1.0 - fi);
        none *= fi;
    }
    none + one
}

/// Quadrature nodes `x_k` and weights `w_k` with
/// `∫_floor^∞ (1 − G(x)) dx ≈ Σ_k w_k (1 − G(x_k))` for any `G` that moves only near the
/// medians of `scales`; with each builder's CDF tabulated once at the nodes.
struct Quadrature {
    floor: f64,
    weights: Vec<f64>,
    /// `cdf[k][j]`: builder `j`'s CDF at node `k`.
    cdf: Vec<Vec<f64>>,
}

impl Quadrature {
    fn new(scales: &[f64], sigma: f64, floor: f64) -> Self {
        let (nodes, weights) = nodes(scales, sigma, floor);
        let cdf = nodes
            .iter()
            .map(|&x| scales.iter().map(|&a| cdf(a, sigma, x)).collect())
            .collect();
        Self { floor, weights, cdf }
    }

    /// `E[max(Y, floor)]` for `Y` with distribution function `g(F_1(x), …, F_k(x))`.
    fn expect(&self, g: impl Fn(&[f64]) -> f64) -> f64 {
        self.floor
            + self
                .weights
                .iter()
                .zip(&self.cdf)
                .map(|(w, f)| w * (1.0 - g(f)))
                .sum::<f64>()
    }
}

/// The nodes and weights: Simpson's rule in `u = ln x` on windows of ±12σ around each
/// median, one midpoint node for each gap between windows (the integrand is constant there).
fn nodes(scales: &[f64], sigma: f64, floor: f64) -> (Vec<f64>, Vec<f64>) {
    let half = sigma * sigma / 2.0;
    let mut windows: Vec<(f64, f64)> = scales
        .iter()
        .filter(|&&a| a > 0.0)
        .map(|&a| {
            let m = libm::log(a) - half;
            (m - 12.0 * sigma, m + 12.0 * sigma)
        })
        .collect();
    windows.sort_by(|x, y| x.0.total_cmp(&y.0));
    let (mut xs, mut ws) = (Vec::new(), Vec::new());
    let mut x = floor; // integrated up to here (x-space)
    for (lo, hi) in merge(windows) {
        let (xl, xh) = (libm::exp(lo), libm::exp(hi));
        if xh <= x {
            continue;
        }
        if xl > x {
            xs.push(0.5 * (x + xl));
            ws.push(xl - x);
            x = xl;
        }
        simpson(libm::log(x), hi, sigma, &mut xs, &mut ws);
        x = xh;
    }
    (xs, ws)
}

fn merge(windows: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(windows.len());
    for w in windows {
        match out.last_mut() {
            Some(last) if w.0 <= last.1 => last.1 = last.1.max(w.1),
            _ => out.push(w),
        }
    }
    out
}

/// Simpson's nodes for `∫_lo^hi f(e^u) e^u du` with steps of at most σ/48: node `e^u`,
/// weight `(h/3)·{1, 4, 2, …, 4, 1}·e^u`.
fn simpson(lo: f64, hi: f64, sigma: f64, xs: &mut Vec<f64>, ws: &mut Vec<f64>) {
    if hi <= lo {
        return;
    }
    let n = (((hi - lo) / (sigma / 48.0)).ceil() as usize)
        .max(2)
        .next_multiple_of(2);
    let h = (hi - lo) / n as f64;
    for k in 0..=n {
        let c = if k == 0 || k == n {
            1.0
        } else if k % 2 == 1 {
            4.0
        } else {
            2.0
        };
        let x = libm::exp(lo + k as f64 * h);
        xs.push(x);
        ws.push(c * h / 3.0 * x);
    }
}

/// The two largest of `xs` (0 where missing).
pub fn top_two(xs: &[f64]) -> (f64, f64) {
    xs.iter()
        .fold((0.0, 0.0), |(a, b), &x| if x > a { (x, a) } else { (a, b.max(x)) })
}

/// `E[max(V_(1), floor)]` for `R = 1`.
pub fn expected_max(scales: &[f64], sigma: f64, floor: f64) -> f64 {
    if sigma == 0.0 {
        return top_two(scales).0.max(floor);
    }
    Quadrature::new(scales, sigma, floor).expect(|f| f.iter().product())
}

/// `E[max(V_(2), floor)]` for `R = 1` (`V_(2)` is 0 with one builder).
pub fn expected_second(scales: &[f64], sigma: f64, floor: f64) -> f64 {
    if sigma == 0.0 {
        return top_two(scales).1.max(floor);
    }
    Quadrature::new(scales, sigma, floor).expect(|f| at_most_one_above(f.iter().copied()))
}

/// What each builder `i` gets for the right to build one slot when it resells just in
/// time in a second-price auction among the others with its own value as the reserve:
/// `E[max(V_i, T_(−i))]`, `T_(−i)` the second-highest of the others' values, for `R = 1`.
pub fn expected_resales(scales: &[f64], sigma: f64) -> Vec<f64> {
    let others = |i: usize| scales.iter().enumerate().filter(move |&(j, _)| j != i).map(|(_, &a)| a);
    if sigma == 0.0 {
        return (0..scales.len())
            .map(|i| scales[i].max(top_two(&others(i).collect::<Vec<_>>()).1))
            .collect();
    }
    let q = Quadrature::new(scales, sigma, 0.0);
    (0..scales.len())
        .map(|i| {
            q.expect(|f| {
                let rest = f.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, &fj)| fj);
                f[i] * at_most_one_above(rest)
            })
        })
        .collect()
}

/// [`expected_resales`] of builder `i` alone.
pub fn expected_resale(scales: &[f64], sigma: f64, i: usize) -> f64 {
    expected_resales(scales, sigma)[i]
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn one_builder_has_mean_one_times_its_capture() {
        // E[a e^(σZ − σ²/2)] = a.
        let e = expected_max(&[0.7], 0.5, 0.0);
        assert!((e - 0.7).abs() < 1e-10, "{e}");
        assert_eq!(expected_second(&[0.7], 0.5, 0.0), 0.0);
    }

    #[test]
    fn two_iid_lognormals_have_the_known_max() {
        // For X, Y iid log-normal with log-sd σ and mean 1: E[max] = 2 Φ(σ / √2).
        let s: f64 = 0.8;
        let exact = 2.0 * 0.5 * libm::erfc(-(s / 2f64.sqrt()) / 2f64.sqrt());
        let e = expected_max(&[1.0, 1.0], s, 0.0);
        assert!((e - exact).abs() < 1e-10, "{e} vs {exact}");
        // max + min = X + Y, so E[second] = 2 − E[max].
        let m = expected_second(&[1.0, 1.0], s, 0.0);
        assert!((m - (2.0 - exact)).abs() < 1e-10, "{m}");
    }

    #[test]
    fn floors_and_no_spread() {
        assert_eq!(expected_max(&[0.9, 0.8], 0.0, 0.85), 0.9);
        assert_eq!(expected_second(&[0.9, 0.8], 0.0, 0.85), 0.85);
        assert_eq!(expected_resale(&[0.9, 0.8, 0.5], 0.0, 2), 0.8);
        assert_eq!(expected_resale(&[0.9, 0.8, 0.5], 0.0, 0), 0.9);
        // A floor above every value is the answer.
        assert!((expected_max(&[0.5, 0.4], 0.3, 50.0) - 50.0).abs() < 1e-9);
    }

    #[test]
    fn resale_of_the_only_builder_is_its_value() {
        let e = expected_resale(&[0.6], 0.4, 0);
        assert!((e - 0.6).abs() < 1e-10, "{e}");
    }
}
