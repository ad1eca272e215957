//! The lanes as two-element arrays: every target without wasm SIMD (native code, and
//! wasm built without `simd128`).

use std::ops::{Add, BitAnd, BitOr, BitXor, Mul, Sub};

/// Two `f64` lanes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct F64x2([f64; 2]);

/// Two `u64` lanes (also the masks comparisons give: all ones for true).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct U64x2([u64; 2]);

/// An operator applied lane by lane.
macro_rules! lanewise {
    ($t:ident, $tr:ident, $f:ident, $op:expr) => {
        impl $tr for $t {
            type Output = $t;
            #[inline(always)]
            fn $f(self, o: $t) -> $t {
                let f = $op;
                $t([f(self.0[0], o.0[0]), f(self.0[1], o.0[1])])
            }
        }
    };
}

lanewise!(F64x2, Add, add, |a: f64, b: f64| a + b);
lanewise!(F64x2, Sub, sub, |a: f64, b: f64| a - b);
lanewise!(F64x2, Mul, mul, |a: f64, b: f64| a * b);
lanewise!(U64x2, Add, add, |a: u64, b: u64| a.wrapping_add(b));
lanewise!(U64x2, Sub, sub, |a: u64, b: u64| a.wrapping_sub(b));
lanewise!(U64x2, BitXor, bitxor, |a: u64, b: u64| a ^ b);
lanewise!(U64x2, BitOr, bitor, |a: u64, b: u64| a | b);
lanewise!(U64x2, BitAnd, bitand, |a: u64, b: u64| a & b);

#[inline(always)]
fn mask(yes: bool) -> u64 {
    0u64.wrapping_sub(yes as u64)
}

/// `t` rounded toward zero: below 2^52 in magnitude by the signed conversion (one
/// instruction on baseline x86-64, where `f64::trunc` is a library call), with the sign
/// of `t` kept (−0.5 gives −0); larger values, infinities and NaN are returned as they are.
#[inline(always)]
fn trunc(t: f64) -> f64 {
    if t.abs() < 4_503_599_627_370_496.0 {
        ((t as i64) as f64).copysign(t)
    } else {
        t
    }
}

impl F64x2 {
    #[inline(always)]
    pub fn new(a: f64, b: f64) -> Self {
        Self([a, b])
    }
    #[inline(always)]
    pub fn splat(a: f64) -> Self {
        Self([a, a])
    }
    #[inline(always)]
    pub fn to_array(self) -> [f64; 2] {
        self.0
    }
    /// The lanes' bit patterns.
    #[inline(always)]
    pub fn to_bits(self) -> U64x2 {
        U64x2([self.0[0].to_bits(), self.0[1].to_bits()])
    }
    #[inline(always)]
    pub fn from_bits(b: U64x2) -> Self {
        Self([f64::from_bits(b.0[0]), f64::from_bits(b.0[1])])
    }
    /// `self < o` lane by lane, as a mask.
    #[inline(always)]
    pub fn lt(self, o: Self) -> U64x2 {
        U64x2([mask(self.0[0] < o.0[0]), mask(self.0[1] < o.0[1])])
    }
    #[inline(always)]
    pub fn gt(self, o: Self) -> U64x2 {
        o.lt(self)
    }
    #[inline(always)]
    pub fn le(self, o: Self) -> U64x2 {
        U64x2([mask(self.0[0] <= o.0[0]), mask(self.0[1] <= o.0[1])])
    }
    /// Rounded toward zero.
    #[inline(always)]
    pub fn trunc(self) -> Self {
        Self([trunc(self.0[0]), trunc(self.0[1])])
    }
    /// `if v < self { v } else { self }` lane by lane (wasm's `pmin`: NaN in `v` is ignored).
    #[inline(always)]
    pub fn pmin(self, v: Self) -> Self {
        let f = |s: f64, v: f64| if v < s { v } else { s };
        Self([f(self.0[0], v.0[0]), f(self.0[1], v.0[1])])
    }
    /// `if self < v { v } else { self }` lane by lane (wasm's `pmax`).
    #[inline(always)]
    pub fn pmax(self, v: Self) -> Self {
        let f = |s: f64, v: f64| if s < v { v } else { s };
        Self([f(self.0[0], v.0[0]), f(self.0[1], v.0[1])])
    }
}

impl U64x2 {
    #[inline(always)]
    pub fn new(a: u64, b: u64) -> Self {
        Self([a, b])
    }
    #[inline(always)]
    pub fn splat(a: u64) -> Self {
        Self([a, a])
    }
    #[inline(always)]
    pub fn to_array(self) -> [u64; 2] {
        self.0
    }
    #[inline(always)]
    pub fn shl<const N: u32>(self) -> Self {
        Self([self.0[0] << N, self.0[1] << N])
    }
    /// Logical shift right.
    #[inline(always)]
    pub fn shr<const N: u32>(self) -> Self {
        Self([self.0[0] >> N, self.0[1] >> N])
    }
    /// Whether every lane of a mask is true (non-zero).
    #[inline(always)]
    pub fn all(self) -> bool {
        self.0[0] != 0 && self.0[1] != 0
    }
}
