//! Two lanes of `f64` or `u64`, the width of one wasm SIMD register (`simd128`): the
//! Monte Carlo's kernel is written once over these types and runs as `v128` code in wasm
//! built with `+simd128`, as SSE2 registers on x86-64 and as plain two-element arrays
//! everywhere else.
//!
//! Only operations whose result is defined bit for bit are offered — IEEE addition,
//! subtraction, multiplication and comparison of each lane (never fused multiply-add),
//! truncation, and integer arithmetic on the words — so every form gives the same bits
//! for the same input, and a seeded run is the same natively and in wasm.
//!
//! Lane `0` is the first element of [`F64x2::new`] and [`F64x2::to_array`].

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[path = "simd128.rs"]
mod imp;

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[path = "sse2.rs"]
mod imp;

#[cfg(not(any(
    all(target_arch = "wasm32", target_feature = "simd128"),
    all(target_arch = "x86_64", target_feature = "sse2")
)))]
#[path = "plain.rs"]
mod imp;

pub use imp::{F64x2, U64x2};

impl F64x2 {
    /// Applies a scalar function to each lane (for the rare or per-lane steps).
    #[inline(always)]
    pub fn map(self, mut f: impl FnMut(f64) -> f64) -> Self {
        let [a, b] = self.to_array();
        Self::new(f(a), f(b))
    }
}

impl U64x2 {
    /// Rotates each lane left by `N` bits (`0 < N < 64`).
    #[inline(always)]
    pub fn rotl<const N: u32, const M: u32>(self) -> Self {
        debug_assert_eq!(N + M, 64);
        self.shl::<N>() | self.shr::<M>()
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn lanes_are_ieee_per_lane() {
        let a = F64x2::new(1.5, -0.0);
        let b = F64x2::new(0.1, 3.0);
        assert_eq!((a + b).to_array(), [1.5 + 0.1, -0.0 + 3.0]);
        assert_eq!((a - b).to_array(), [1.5 - 0.1, -0.0 - 3.0]);
        assert_eq!((a * b).to_array(), [1.5 * 0.1, -0.0 * 3.0]);
        assert_eq!(a.lt(b).to_array(), [0, u64::MAX]);
        assert_eq!(a.gt(b).to_array(), [u64::MAX, 0]);
        assert_eq!(a.le(F64x2::splat(1.5)).to_array(), [u64::MAX, u64::MAX]);
        assert!(a.le(F64x2::splat(1.5)).all() && !a.lt(b).all());
        let t = F64x2::new(-2.5, 7.9).trunc().to_array();
        assert_eq!(t, [-2.0, 7.0]);
        let z = F64x2::new(-0.5, 1e300).trunc().to_array();
        assert_eq!((z[0].to_bits(), z[1]), ((-0.0f64).to_bits(), 1e300));
        let n = F64x2::new(f64::NAN, f64::NEG_INFINITY).trunc().to_array();
        assert!(n[0].is_nan() && n[1] == f64::NEG_INFINITY);
        assert_eq!(
            F64x2::new(4503599627370497.0, -1.0e17).trunc().to_array(),
            [4503599627370497.0, -1.0e17]
        );
    }

    #[test]
    fn pseudo_min_and_max_keep_the_old_value_on_nan() {
        let lo = F64x2::new(1.0, 2.0);
        let v = F64x2::new(f64::NAN, 0.5);
        assert_eq!(lo.pmin(v).to_array(), [1.0, 0.5]);
        assert_eq!(lo.pmax(v).to_array(), [1.0, 2.0]);
        assert_eq!(lo.pmax(F64x2::new(3.0, -1.0)).to_array(), [3.0, 2.0]);
    }

    #[test]
    fn words_shift_rotate_and_wrap() {
        let x = U64x2::new(0x8000_0000_0000_0001, u64::MAX);
        assert_eq!((x + U64x2::splat(1)).to_array(), [0x8000_0000_0000_0002, 0]);
        assert_eq!((x - U64x2::splat(2)).to_array(), [0x7fff_ffff_ffff_ffff, u64::MAX - 2]);
        assert_eq!(x.shl::<1>().to_array(), [2, u64::MAX << 1]);
        assert_eq!(x.shr::<63>().to_array(), [1, 1]);
        assert_eq!(x.rotl::<1, 63>().to_array(), [3, u64::MAX]);
        assert_eq!((x ^ U64x2::splat(1)).to_array(), [1 << 63, u64::MAX - 1]);
        assert_eq!((x & U64x2::splat(0xff)).to_array(), [1, 0xff]);
        let f = F64x2::new(1.0, -2.0);
        assert_eq!(F64x2::from_bits(f.to_bits()).to_array(), [1.0, -2.0]);
        assert_eq!(f.to_bits().to_array(), [1f64.to_bits(), (-2f64).to_bits()]);
    }
}
