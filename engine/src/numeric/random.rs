//! Seeded, portable randomness: independent streams and samplers whose results are the
//! same bit for bit natively and in wasm.
//!
//! Every transcendental function here is [`crate::numeric::fastmath`] or the pure-Rust `libm`, never the platform's,
//! so a seed gives identical draws on every target.

use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// The engine's generator: xoshiro256++, small, fast and portable.
pub type EngineRng = Xoshiro256PlusPlus;

fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The generator of stream `stream` under `seed`: streams are statistically independent,
/// so work split into blocks (one stream a block) gives the same result on any number
/// of threads or workers.
pub fn stream(seed: u64, stream: u64) -> EngineRng {
    EngineRng::seed_from_u64(splitmix(seed ^ splitmix(stream.wrapping_mul(0xD1B5_4A32_D192_ED03))))
}

/// Draws from one generator: uniforms, and standard normals and exponentials by the
/// ziggurat method.
pub struct Source<R> {
    rng: R,
    exp: &'static crate::numeric::ziggurat::Tables,
    norm: &'static crate::numeric::ziggurat::Tables,
    /// The last block asked for by [`Source::block_start`] and its start.
    block: Option<(u64, u64)>,
}

const TWO_POW_M53: f64 = 1.0 / (1u64 << 53) as f64;

/// `t as u64` (truncating, saturating, NaN to 0) by the signed conversion below 2^63:
/// the same integer in one instruction (the unsigned one is a longer sequence on x86-64
/// and in V8's wasm).
#[inline(always)]
pub(crate) fn trunc_u64(t: f64) -> u64 {
    if t < (1u64 << 63) as f64 {
        // Negative `t` saturates to 0 both ways.
        (t as i64).max(0) as u64
    } else {
        t as u64
    }
}

/// `x as f64` by the signed conversion below 2^63 (the same value, faster likewise).
#[inline(always)]
pub(crate) fn u64_to_f64(x: u64) -> f64 {
    if x <= i64::MAX as u64 {
        x as i64 as f64
    } else {
        x as f64
    }
}

impl<R: Rng> Source<R> {
    /// Wraps a generator.
    pub fn new(rng: R) -> Self {
        Self {
            rng,
            exp: crate::numeric::ziggurat::exp_tables(),
            norm: crate::numeric::ziggurat::normal_tables(),
            block: None,
        }
    }

    /// Uniform on (0, 1]: never 0, so its logarithm is finite.
    #[inline]
    pub fn open01(&mut self) -> f64 {
        ((self.rng.next_u64() >> 11) + 1) as i64 as f64 * TWO_POW_M53
    }

    /// Uniform integer in `0..len` (`len ≥ 1`), by multiply-shift: `⌊x · len / 2^64⌋`.
    #[inline]
    pub fn below(&mut self, len: u64) -> u64 {
        let x = self.rng.next_u64();
        #[cfg(target_arch = "wasm32")]
        if len <= u32::MAX as u64 {
            // The same number from 32-bit halves, without wasm's 128-bit multiply (a
            // library call): `⌊(hi · len + ⌊lo · len / 2^32⌋) / 2^32⌋`, no product
            // overflowing 64 bits.
            let (hi, lo) = (x >> 32, x & 0xFFFF_FFFF);
            return (hi * len + ((lo * len) >> 32)) >> 32;
        }
        ((x as u128 * len as u128) >> 64) as u64
    }

    /// The start row of block `block` of a block bootstrap over `len ≥ 1` rows: a uniform
    /// draw (`below(len)`) the first time the block is asked for, then the same start
    /// while the same block is asked again (a new block forgets the previous one).
    #[inline]
    pub fn block_start(&mut self, block: u64, len: u64) -> u64 {
        match self.block {
            Some((b, start)) if b == block => start,
            _ => {
                let start = self.below(len);
                self.block = Some((block, start));
                start
            }
        }
    }

    /// Standard normal.
    #[inline]
    pub fn normal(&mut self) -> f64 {
        let rng = &mut self.rng;
        crate::numeric::ziggurat::normal(self.norm, || rng.next_u64())
    }

    /// Standard exponential.
    #[inline]
    pub fn exp1(&mut self) -> f64 {
        let rng = &mut self.rng;
        crate::numeric::ziggurat::exponential(self.exp, || rng.next_u64())
    }

    /// Geometric on {1, 2, …} with success probability `p ∈ (0, 1]`, by inversion of an
    /// exponential (`T = 1 + ⌊E / −ln(1 − p)⌋`); `inv_log_q` is `1 / ln(1 − p)` (−0 when
    /// `p = 1`).
    #[inline]
    pub fn geometric(&mut self, inv_log_q: f64) -> u64 {
        // Truncates (a floor for t ≥ 0) and saturates at u64::MAX, as `t as u64`.
        let t = self.exp1() * -inv_log_q;
        let whole = trunc_u64(t);
        whole.saturating_add(1)
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn below_by_halves_is_the_128_bit_product() {
        let halves = |x: u64, len: u64| ((x >> 32) * len + (((x & 0xFFFF_FFFF) * len) >> 32)) >> 32;
        let wide = |x: u64, len: u64| ((x as u128 * len as u128) >> 64) as u64;
        let mut s = Source::new(stream(9, 0));
        for len in [1, 2, 3, 10, 99, 1 << 20, u32::MAX as u64] {
            for x in [0, 1, u64::MAX, 1 << 63, (1 << 32) - 1, 1 << 32] {
                assert_eq!(halves(x, len), wide(x, len), "x = {x}, len = {len}");
            }
            for _ in 0..1000 {
                let x = s.rng.next_u64();
                assert_eq!(halves(x, len), wide(x, len));
            }
        }
        assert_eq!(halves(u64::MAX, 10), 9);
    }

    #[test]
    fn fast_conversions_equal_the_plain_ones() {
        let big = (1u64 << 63) as f64;
        for t in [
            0.0,
            -0.0,
            0.5,
            1.0,
            2.9,
            1e15,
            4503599627370497.0,
            big * 0.75,
            big,
            big * 1.5,
            1.9e19,
            1e300,
            -1.0,
            -1e300,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ] {
            assert_eq!(trunc_u64(t), t as u64, "{t}");
        }
        for x in [
            0,
            1,
            (1 << 53) + 1,
            i64::MAX as u64,
            (i64::MAX as u64) + 1,
            u64::MAX - 1,
            u64::MAX,
        ] {
            assert_eq!(u64_to_f64(x).to_bits(), (x as f64).to_bits(), "{x}");
        }
        let mut s = Source::new(stream(3, 3));
        for _ in 0..10_000 {
            let x = s.rng.next_u64();
            assert_eq!(u64_to_f64(x).to_bits(), (x as f64).to_bits(), "{x}");
            let t = f64::from_bits(x);
            assert_eq!(trunc_u64(t), t as u64, "{t}");
        }
    }

    #[test]
    fn streams_differ_and_repeat() {
        let mut a = Source::new(stream(7, 0));
        let mut b = Source::new(stream(7, 1));
        let mut a2 = Source::new(stream(7, 0));
        let xa: Vec<f64> = (0..4).map(|_| a.normal()).collect();
        let xb: Vec<f64> = (0..4).map(|_| b.normal()).collect();
        let xa2: Vec<f64> = (0..4).map(|_| a2.normal()).collect();
        assert_ne!(xa, xb);
        assert_eq!(xa, xa2);
    }

    #[test]
    fn samplers_have_the_right_moments() {
        let mut s = Source::new(stream(1, 2));
        let n = 400_000;
        let (mut m1, mut m2, mut e1, mut g1) = (0.0, 0.0, 0.0, 0.0);
        let inv_log_q = 1.0 / libm::log1p(-0.25);
        for _ in 0..n {
            let z = s.normal();
            m1 += z;
            m2 += z * z;
            e1 += s.exp1();
            g1 += s.geometric(inv_log_q) as f64;
        }
        let n = n as f64;
        // Five standard errors: 1/sqrt(n) ≈ 0.0016 for the normal and exponential means.
        assert!((m1 / n).abs() < 0.008, "normal mean {}", m1 / n);
        assert!((m2 / n - 1.0).abs() < 0.012, "normal variance {}", m2 / n);
        assert!((e1 / n - 1.0).abs() < 0.008, "exponential mean {}", e1 / n);
        // Geometric(1/4): mean 4, sd sqrt(12) → standard error 0.0055.
        assert!((g1 / n - 4.0).abs() < 0.03, "geometric mean {}", g1 / n);
        assert_eq!(s.geometric(1.0 / f64::NEG_INFINITY), 1);
    }
}
