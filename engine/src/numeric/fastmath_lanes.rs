//! [`super::fastmath::exp`] in both lanes of an [`F64x2`] at once, with the same bits.

use std::hint::black_box;

use super::fastmath::{exp, LN2, LN2_HI, LN2_LO, SHIFT};
use super::fastmath_tables::{EXP2, N};
use super::lanes::{F64x2, U64x2};

/// `e^x` lane by lane, holding its constants.
///
/// # Formula
/// As [`exp`]: `k = round(64x/ln 2)`, `r = x − k·ln2/64`,
/// `e^x = 2^⌊k/64⌋ · 2^((k mod 64)/64) · P(r)` with `P` the degree-5 Taylor polynomial,
/// every step lane-wise but the table read of `2^((k mod 64)/64)`. The power `2^⌊k/64⌋` is
/// built from the bits of `shifted = 1.5·2^52 + k`, whose low bits are `k` in two's
/// complement: shifted left by 46 and masked, the low 18 bits of `k` leave
/// `⌊k/64⌋ mod 2^12` in the exponent field, and adding the bias 1023 there (modulo 2^64)
/// gives the bits of `2^⌊k/64⌋` for `−1022 ≤ ⌊k/64⌋ ≤ 1023`. When a lane is outside
/// `(−690, 709]` (tiny, subnormal or overflowing results, NaN), both take [`exp`] itself.
#[derive(Debug, Clone, Copy)]
pub struct ExpLanes {
    lo: F64x2,
    hi: F64x2,
    inv_step: F64x2,
    shift: F64x2,
    neg_shift: F64x2,
    step_hi: F64x2,
    step_lo: F64x2,
    /// The polynomial's coefficients `1, 1/2, 1/6, 1/24, 1/120`.
    coef: [F64x2; 5],
    exponent_mask: U64x2,
    bias: U64x2,
}

impl Default for ExpLanes {
    fn default() -> Self {
        Self::new()
    }
}

impl ExpLanes {
    /// The constants, hidden from the optimiser (`black_box`): a loop then keeps them in
    /// registers, where V8 would rebuild each 128-bit constant at every use (three
    /// instructions each). The values, and so the bits, are the same either way.
    pub fn new() -> Self {
        let c = F64x2::splat;
        black_box(Self {
            lo: c(-690.0),
            hi: c(709.0),
            inv_step: c(N as f64 / LN2),
            shift: c(SHIFT),
            neg_shift: c(-SHIFT),
            step_hi: c(LN2_HI / N as f64),
            step_lo: c(LN2_LO / N as f64),
            coef: [c(1.0), c(0.5), c(1.0 / 6.0), c(1.0 / 24.0), c(1.0 / 120.0)],
            exponent_mask: U64x2::splat(0xfff << 52),
            bias: U64x2::splat(1023 << 52),
        })
    }

    /// `e^x` in each lane.
    #[inline(always)]
    pub fn exp(&self, x: F64x2) -> F64x2 {
        if !(x.gt(self.lo) & x.le(self.hi)).all() {
            return outside(x);
        }
        let shifted = x * self.inv_step + self.shift;
        // `shifted − 1.5·2^52`, exactly: the same IEEE difference as subtracting `SHIFT`.
        let k = shifted + self.neg_shift;
        let r = (x - k * self.step_hi) - k * self.step_lo;
        let bits = shifted.to_bits();
        // Masked after the extraction by a literal: the index needs no bounds check.
        let [a, b] = bits.to_array();
        let (a, b) = ((a & (N as u64 - 1)) as usize, (b & (N as u64 - 1)) as usize);
        let [c1, c2, c6, c24, c120] = self.coef;
        let p = c1 + r * (c1 + r * (c2 + r * (c6 + r * (c24 + r * c120))));
        let m = F64x2::new(EXP2[a], EXP2[b]) * p;
        let scale = (bits.shl::<46>() & self.exponent_mask) + self.bias;
        m * F64x2::from_bits(scale)
    }
}

/// [`ExpLanes::exp`] when a lane is outside `(−690, 709]`: [`exp`] lane by lane.
#[cold]
#[inline(never)]
fn outside(x: F64x2) -> F64x2 {
    x.map(exp)
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn exp_lanes_is_exp_in_each_lane() {
        let e = ExpLanes::new();
        let special = [
            -800.0, -745.0, -744.9, -700.0, -690.0, -689.9, 0.0, -0.0, 1e-20, 708.9, 709.0, 709.1,
        ];
        let odd = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -3.0];
        let golden = (0..100_000).map(|i| -750.0 + 1465.0 * (i as f64 * 0.618_033_988_749_894_9).fract());
        let xs: Vec<f64> = special.into_iter().chain(odd).chain(golden).collect();
        for w in xs.windows(2) {
            let got = e.exp(F64x2::new(w[0], w[1])).to_array();
            for (g, x) in got.iter().zip(w) {
                assert_eq!(g.to_bits(), exp(*x).to_bits(), "exp({x})");
            }
        }
    }
}
