//! Ziggurat samplers (Marsaglia & Tsang 2000, 256 layers) for the standard exponential
//! and normal laws: about 99 % of draws cost one 64-bit word and a table look-up.
//!
//! Tables are built once with the pure-Rust `libm` (and the tails and wedges use
//! [`crate::numeric::fastmath`]), so every target draws the same numbers for the same seed.

use std::sync::OnceLock;

use crate::numeric::fastmath;

const LAYERS: usize = 256;
const TWO_POW_M53: f64 = 1.0 / (1u64 << 53) as f64;
// The words' top 53 bits are converted as `i64`: the same exact value as from `u64`, in
// one instruction (x86-64 without AVX-512 and V8's wasm lack an unsigned conversion).

/// Layer edges `x[0..=256]` (decreasing, `x[256] = 0`) and densities `f[i] = pdf(x[i])`.
pub struct Tables {
    pub(crate) x: [f64; LAYERS + 1],
    pub(crate) f: [f64; LAYERS + 1],
    pub(crate) r: f64,
}

fn build(r: f64, v: f64, pdf: fn(f64) -> f64, inv: fn(f64) -> f64) -> Tables {
    let mut t = Tables {
        x: [0.0; LAYERS + 1],
        f: [0.0; LAYERS + 1],
        r,
    };
    t.x[0] = v / pdf(r);
    t.x[1] = r;
    for i in 1..LAYERS - 1 {
        t.x[i + 1] = inv(v / t.x[i] + pdf(t.x[i]));
    }
    t.x[LAYERS] = 0.0;
    for i in 0..=LAYERS {
        t.f[i] = pdf(t.x[i]);
    }
    t
}

/// The exponential law's tables (`r = 7.697…`, layer area `v = 3.949…e-3`).
pub fn exp_tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        build(
            7.697_117_470_131_05,
            0.003_949_659_822_581_557,
            |x| libm::exp(-x),
            |y| -libm::log(y),
        )
    })
}

/// The normal law's tables for the unnormalised density `exp(−x²/2)` (`r = 3.654…`).
pub fn normal_tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        build(
            3.654_152_885_361_009,
            0.004_928_673_233_99,
            |x| libm::exp(-0.5 * x * x),
            |y| (-2.0 * libm::log(y)).sqrt(),
        )
    })
}

/// A standard exponential from 64-bit words `next`.
#[inline(always)]
pub fn exponential(t: &Tables, mut next: impl FnMut() -> u64) -> f64 {
    // The first try, inlined: about 99 % of draws end here.
    let bits = next();
    let i = (bits & 0xff) as usize;
    let u = (bits >> 11) as i64 as f64 * TWO_POW_M53;
    let x = u * t.x[i];
    if x < t.x[i + 1] {
        return x;
    }
    exponential_rest(t, i, x, &mut next)
}

/// The rest of [`exponential`] after a first try at layer `i` gave `x`: its tail or
/// wedge test, then the plain loop.
#[cold]
#[inline(never)]
pub(crate) fn exponential_rest(t: &Tables, mut i: usize, mut x: f64, next: &mut impl FnMut() -> u64) -> f64 {
    loop {
        if i == 0 {
            // The tail beyond r is r plus a fresh exponential (memorylessness).
            let u1 = ((next() >> 11) + 1) as i64 as f64 * TWO_POW_M53;
            return t.r - fastmath::ln(u1);
        }
        let u2 = (next() >> 11) as i64 as f64 * TWO_POW_M53;
        if t.f[i + 1] + (t.f[i] - t.f[i + 1]) * u2 < fastmath::exp(-x) {
            return x;
        }
        let bits = next();
        i = (bits & 0xff) as usize;
        let u = (bits >> 11) as i64 as f64 * TWO_POW_M53;
        x = u * t.x[i];
        if x < t.x[i + 1] {
            return x;
        }
    }
}

/// A standard normal from 64-bit words `next`.
#[inline(always)]
pub fn normal(t: &Tables, mut next: impl FnMut() -> u64) -> f64 {
    // The first try, inlined: about 99 % of draws end here.
    let bits = next();
    let i = (bits & 0xff) as usize;
    // Bit 8 is the sign; the top 53 bits the magnitude.
    let u = (bits >> 11) as i64 as f64 * TWO_POW_M53;
    let sign = if bits & 0x100 == 0 { 1.0 } else { -1.0 };
    let x = u * t.x[i];
    if x < t.x[i + 1] {
        return sign * x;
    }
    normal_rest(t, i, x, sign, &mut next)
}

/// The rest of [`normal`] after a first try at layer `i` gave `x` with sign `sign`.
#[cold]
#[inline(never)]
pub(crate) fn normal_rest(t: &Tables, mut i: usize, mut x: f64, mut sign: f64, next: &mut impl FnMut() -> u64) -> f64 {
    loop {
        if i == 0 {
            // Marsaglia's tail method beyond r.
            loop {
                let u1 = ((next() >> 11) + 1) as i64 as f64 * TWO_POW_M53;
                let u2 = ((next() >> 11) + 1) as i64 as f64 * TWO_POW_M53;
                let a = -fastmath::ln(u1) / t.r;
                let b = -fastmath::ln(u2);
                if 2.0 * b >= a * a {
                    return sign * (t.r + a);
                }
            }
        }
        let u2 = (next() >> 11) as i64 as f64 * TWO_POW_M53;
        if t.f[i + 1] + (t.f[i] - t.f[i + 1]) * u2 < fastmath::exp(-0.5 * x * x) {
            return sign * x;
        }
        let bits = next();
        i = (bits & 0xff) as usize;
        let u = (bits >> 11) as i64 as f64 * TWO_POW_M53;
        sign = if bits & 0x100 == 0 { 1.0 } else { -1.0 };
        x = u * t.x[i];
        if x < t.x[i + 1] {
            return sign * x;
        }
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::numeric::random::stream;
    use rand::Rng;

    #[test]
    fn tables_close_at_zero() {
        // The recurrence must land near 0 at the top layer for the areas to be right.
        for t in [exp_tables(), normal_tables()] {
            assert!(
                t.x[LAYERS - 1] > 0.0 && t.x[LAYERS - 1] < 0.3,
                "x[255] = {}",
                t.x[LAYERS - 1]
            );
            assert!(t.x.windows(2).all(|w| w[0] > w[1]));
        }
    }

    #[test]
    fn moments_and_tails() {
        let mut rng = stream(5, 5);
        let n = 1_000_000;
        let (mut e1, mut e2, mut e_tail, mut z1, mut z2, mut z4, mut z_tail) = (0.0, 0.0, 0, 0.0, 0.0, 0.0, 0);
        for _ in 0..n {
            let e = exponential(exp_tables(), || rng.next_u64());
            e1 += e;
            e2 += e * e;
            e_tail += (e > 5.0) as u32;
            let z = normal(normal_tables(), || rng.next_u64());
            z1 += z;
            z2 += z * z;
            z4 += z * z * z * z;
            z_tail += (z.abs() > 3.0) as u32;
        }
        let nf = n as f64;
        assert!((e1 / nf - 1.0).abs() < 0.005, "exp mean {}", e1 / nf);
        assert!((e2 / nf - 2.0).abs() < 0.03, "exp second moment {}", e2 / nf);
        // P(E > 5) = e^-5 = 0.006738: sd of the count ≈ 82.
        assert!(
            (e_tail as f64 - nf * (-5.0f64).exp()).abs() < 400.0,
            "exp tail {e_tail}"
        );
        assert!((z1 / nf).abs() < 0.005, "normal mean {}", z1 / nf);
        assert!((z2 / nf - 1.0).abs() < 0.006, "normal variance {}", z2 / nf);
        assert!((z4 / nf - 3.0).abs() < 0.05, "normal kurtosis {}", z4 / nf);
        // P(|Z| > 3) = 0.0026998: sd of the count ≈ 52.
        assert!((z_tail as f64 - nf * 0.0026998).abs() < 260.0, "normal tail {z_tail}");
    }
}
