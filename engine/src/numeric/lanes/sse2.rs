//! The lanes as one SSE2 register (x86-64, where SSE2 is always there): the same results
//! as `plain.rs`, lane by lane, without moving words between register files.

use core::arch::x86_64::*;
use std::ops::{Add, BitAnd, BitOr, BitXor, Mul, Sub};

/// Two `f64` lanes.
#[derive(Debug, Clone, Copy)]
#[repr(transparent)]
pub struct F64x2(__m128d);

/// Two `u64` lanes (also the masks comparisons give: all ones for true).
#[derive(Debug, Clone, Copy)]
#[repr(transparent)]
pub struct U64x2(__m128i);

macro_rules! lanewise {
    ($t:ident, $tr:ident, $f:ident, $op:ident) => {
        impl $tr for $t {
            type Output = $t;
            #[inline(always)]
            fn $f(self, o: $t) -> $t {
                // SAFETY: SSE2 is part of every x86-64 target.
                $t(unsafe { $op(self.0, o.0) })
            }
        }
    };
}

lanewise!(F64x2, Add, add, _mm_add_pd);
lanewise!(F64x2, Sub, sub, _mm_sub_pd);
lanewise!(F64x2, Mul, mul, _mm_mul_pd);
lanewise!(U64x2, Add, add, _mm_add_epi64);
lanewise!(U64x2, Sub, sub, _mm_sub_epi64);
lanewise!(U64x2, BitXor, bitxor, _mm_xor_si128);
lanewise!(U64x2, BitOr, bitor, _mm_or_si128);
lanewise!(U64x2, BitAnd, bitand, _mm_and_si128);

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

/// `t` rounded toward zero (as in `plain.rs`: SSE2 has no rounding instruction).
#[inline(always)]
fn trunc(t: f64) -> f64 {
    if t.abs() < 4_503_599_627_370_496.0 {
        ((t as i64) as f64).copysign(t)
    } else {
        t
    }
}

// SAFETY (every `unsafe` below): SSE2 is part of every x86-64 target.
impl F64x2 {
    #[inline(always)]
    pub fn new(a: f64, b: f64) -> Self {
        Self(unsafe { _mm_set_pd(b, a) })
    }
    #[inline(always)]
    pub fn splat(a: f64) -> Self {
        Self(unsafe { _mm_set1_pd(a) })
    }
    #[inline(always)]
    pub fn to_array(self) -> [f64; 2] {
        unsafe { std::mem::transmute::<__m128d, [f64; 2]>(self.0) }
    }
    /// The lanes' bit patterns.
    #[inline(always)]
    pub fn to_bits(self) -> U64x2 {
        U64x2(unsafe { _mm_castpd_si128(self.0) })
    }
    #[inline(always)]
    pub fn from_bits(b: U64x2) -> Self {
        Self(unsafe { _mm_castsi128_pd(b.0) })
    }
    /// `self < o` lane by lane, as a mask.
    #[inline(always)]
    pub fn lt(self, o: Self) -> U64x2 {
        Self(unsafe { _mm_cmplt_pd(self.0, o.0) }).to_bits()
    }
    #[inline(always)]
    pub fn gt(self, o: Self) -> U64x2 {
        o.lt(self)
    }
    #[inline(always)]
    pub fn le(self, o: Self) -> U64x2 {
        Self(unsafe { _mm_cmple_pd(self.0, o.0) }).to_bits()
    }
    /// Rounded toward zero.
    #[inline(always)]
    pub fn trunc(self) -> Self {
        let [a, b] = self.to_array();
        Self::new(trunc(a), trunc(b))
    }
    /// `if v < self { v } else { self }` lane by lane (`minpd v, self` returns its second
    /// operand unless the first is smaller: NaN in `v` is ignored).
    #[inline(always)]
    pub fn pmin(self, v: Self) -> Self {
        Self(unsafe { _mm_min_pd(v.0, self.0) })
    }
    /// `if self < v { v } else { self }` lane by lane.
    #[inline(always)]
    pub fn pmax(self, v: Self) -> Self {
        Self(unsafe { _mm_max_pd(v.0, self.0) })
    }
}

impl U64x2 {
    #[inline(always)]
    pub fn new(a: u64, b: u64) -> Self {
        Self(unsafe { _mm_set_epi64x(b as i64, a as i64) })
    }
    #[inline(always)]
    pub fn splat(a: u64) -> Self {
        Self(unsafe { _mm_set1_epi64x(a as i64) })
    }
    #[inline(always)]
    pub fn to_array(self) -> [u64; 2] {
        unsafe { std::mem::transmute::<__m128i, [u64; 2]>(self.0) }
    }
    #[inline(always)]
    pub fn shl<const N: u32>(self) -> Self {
        Self(unsafe { _mm_sll_epi64(self.0, _mm_cvtsi32_si128(N as i32)) })
    }
    /// Logical shift right.
    #[inline(always)]
    pub fn shr<const N: u32>(self) -> Self {
        Self(unsafe { _mm_srl_epi64(self.0, _mm_cvtsi32_si128(N as i32)) })
    }
    /// Whether every lane of a mask is true (non-zero: the masks here are all ones or zero).
    #[inline(always)]
    pub fn all(self) -> bool {
        unsafe { _mm_movemask_pd(_mm_castsi128_pd(self.0)) == 3 }
    }
}
