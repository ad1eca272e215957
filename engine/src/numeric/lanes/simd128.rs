//! The lanes as one wasm `v128` (`simd128`): the same results as `plain.rs`, lane by lane.

use core::arch::wasm32::*;
use std::ops::{Add, BitAnd, BitOr, BitXor, Mul, Sub};

/// Two `f64` lanes (transparent: passed and returned as a `v128`, not through memory).
#[derive(Debug, Clone, Copy)]
#[repr(transparent)]
pub struct F64x2(v128);

/// Two `u64` lanes (also the masks comparisons give: all ones for true).
#[derive(Debug, Clone, Copy)]
#[repr(transparent)]
pub struct U64x2(v128);

macro_rules! lanewise {
    ($t:ident, $tr:ident, $f:ident, $op:ident) => {
        impl $tr for $t {
            type Output = $t;
            #[inline(always)]
            fn $f(self, o: $t) -> $t {
                $t($op(self.0, o.0))
            }
        }
    };
}

lanewise!(F64x2, Add, add, f64x2_add);
lanewise!(F64x2, Sub, sub, f64x2_sub);
lanewise!(F64x2, Mul, mul, f64x2_mul);
lanewise!(U64x2, Add, add, i64x2_add);
lanewise!(U64x2, Sub, sub, i64x2_sub);
lanewise!(U64x2, BitXor, bitxor, v128_xor);
lanewise!(U64x2, BitOr, bitor, v128_or);
lanewise!(U64x2, BitAnd, bitand, v128_and);

impl PartialEq for F64x2 {
    fn eq(&self, o: &Self) -> bool {
        self.to_array() == o.to_array()
    }
}

impl PartialEq for U64x2 {
    fn eq(&self, o: &Self) -> bool {
        self.to_array() == o.to_array()
    }
}

impl F64x2 {
    #[inline(always)]
    pub fn new(a: f64, b: f64) -> Self {
        Self(f64x2(a, b))
    }
    #[inline(always)]
    pub fn splat(a: f64) -> Self {
        Self(f64x2_splat(a))
    }
    #[inline(always)]
    pub fn to_array(self) -> [f64; 2] {
        [f64x2_extract_lane::<0>(self.0), f64x2_extract_lane::<1>(self.0)]
    }
    /// The lanes' bit patterns.
    #[inline(always)]
    pub fn to_bits(self) -> U64x2 {
        U64x2(self.0)
    }
    #[inline(always)]
    pub fn from_bits(b: U64x2) -> Self {
        Self(b.0)
    }
    /// `self < o` lane by lane, as a mask.
    #[inline(always)]
    pub fn lt(self, o: Self) -> U64x2 {
        U64x2(f64x2_lt(self.0, o.0))
    }
    #[inline(always)]
    pub fn gt(self, o: Self) -> U64x2 {
        U64x2(f64x2_gt(self.0, o.0))
    }
    #[inline(always)]
    pub fn le(self, o: Self) -> U64x2 {
        U64x2(f64x2_le(self.0, o.0))
    }
    /// Rounded toward zero.
    #[inline(always)]
    pub fn trunc(self) -> Self {
        Self(f64x2_trunc(self.0))
    }
    /// `if v < self { v } else { self }` lane by lane (NaN in `v` is ignored).
    #[inline(always)]
    pub fn pmin(self, v: Self) -> Self {
        Self(f64x2_pmin(self.0, v.0))
    }
    /// `if self < v { v } else { self }` lane by lane.
    #[inline(always)]
    pub fn pmax(self, v: Self) -> Self {
        Self(f64x2_pmax(self.0, v.0))
    }
}

impl U64x2 {
    #[inline(always)]
    pub fn new(a: u64, b: u64) -> Self {
        Self(u64x2(a, b))
    }
    #[inline(always)]
    pub fn splat(a: u64) -> Self {
        Self(u64x2_splat(a))
    }
    #[inline(always)]
    pub fn to_array(self) -> [u64; 2] {
        [u64x2_extract_lane::<0>(self.0), u64x2_extract_lane::<1>(self.0)]
    }
    #[inline(always)]
    pub fn shl<const N: u32>(self) -> Self {
        Self(i64x2_shl(self.0, N))
    }
    /// Logical shift right.
    #[inline(always)]
    pub fn shr<const N: u32>(self) -> Self {
        Self(u64x2_shr(self.0, N))
    }
    /// Whether every lane of a mask is true (non-zero).
    #[inline(always)]
    pub fn all(self) -> bool {
        // The lanes' top bits (one instruction in V8, where `all_true` takes several).
        i64x2_bitmask(self.0) == 3
    }
}
