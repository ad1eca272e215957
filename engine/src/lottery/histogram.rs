//! A log-bucketed histogram read straight from a float's bits: 128 buckets an octave
//! (bucket width ≤ 0.79 % of its value), exact integer counts that merge in any order.

use crate::numeric::lanes::{F64x2, U64x2};

/// Buckets an octave, as a power of two.
const SUB_BITS: u32 = 7;
/// Smallest octave kept: values below `2^MIN_EXP` count as underflow.
const MIN_EXP: i32 = -80;
/// Values at or above `2^MAX_EXP` count as overflow.
const MAX_EXP: i32 = 48;
/// Number of buckets.
pub const BUCKETS: usize = ((MAX_EXP - MIN_EXP) as usize) << SUB_BITS;

/// Counts of positive values by log bucket, plus zeros, underflow and overflow.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LogHistogram {
    /// Exactly zero.
    pub zeros: u64,
    /// Positive but below `2^MIN_EXP`.
    pub underflow: u64,
    /// At or above `2^MAX_EXP`.
    pub overflow: u64,
    /// Bucket counts, sparse: `(bucket, count)` sorted by bucket.
    pub counts: Vec<(u32, u64)>,
}

/// The dense form used while counting: 32-bit counts (half the bytes of 64-bit ones, so
/// the table stays in the first-level cache), moved into 64-bit totals before they could
/// overflow (the caller announces each batch with [`DenseHistogram::make_room`]).
#[derive(Debug, Clone)]
pub struct DenseHistogram {
    zeros: u64,
    underflow: u64,
    overflow: u64,
    /// A fixed-size table: a bucket's index needs no bounds check against a length.
    counts: Box<[u32; BUCKETS]>,
    /// Totals moved out of `counts` (empty until the first move).
    wide: Vec<u64>,
    /// Values counted in `counts` since the last move (an upper bound).
    pending: u64,
}

impl Default for DenseHistogram {
    fn default() -> Self {
        Self {
            zeros: 0,
            underflow: 0,
            overflow: 0,
            counts: vec![0; BUCKETS].into_boxed_slice().try_into().expect("BUCKETS counts"),
            wide: vec![],
            pending: 0,
        }
    }
}

/// The bucket of the smallest kept value's bits (`2^MIN_EXP`), `bits >> (52 − SUB_BITS)`.
const FIRST: u64 = ((MIN_EXP + 1023) as u64) << SUB_BITS;

impl DenseHistogram {
    /// Announces that at most `n` values will be added next: moves the 32-bit counts
    /// into the 64-bit totals first if they could overflow.
    pub fn make_room(&mut self, n: u64) {
        if self.pending + n > u32::MAX as u64 {
            self.spill();
        }
        self.pending += n;
    }

    /// Moves the 32-bit counts into the 64-bit totals.
    fn spill(&mut self) {
        if self.wide.is_empty() {
            self.wide = vec![0; BUCKETS];
        }
        for (w, c) in self.wide.iter_mut().zip(self.counts.iter_mut()) {
            *w += *c as u64;
            *c = 0;
        }
        self.pending = 0;
    }

    /// Counts `v ≥ 0` (NaN counts as zero, as does anything not positive). At most
    /// `u32::MAX` values between calls of [`DenseHistogram::make_room`] covering them.
    #[inline]
    pub fn add(&mut self, v: f64) {
        // Positive finite values in range have `bits >> 45` in `FIRST..FIRST + BUCKETS`;
        // zero, negatives (sign bit), NaN and the out-of-range octaves fall outside.
        let i = (v.to_bits() >> (52 - SUB_BITS)).wrapping_sub(FIRST);
        if i < BUCKETS as u64 {
            self.counts[i as usize] += 1;
        } else {
            self.add_outside(v);
        }
    }

    /// Counts both lanes of `v` (lane 0 first), as [`DenseHistogram::add`] does each.
    #[inline(always)]
    pub fn add_lanes(&mut self, v: F64x2) {
        let i = (v.to_bits().shr::<{ 52 - SUB_BITS }>() - U64x2::splat(FIRST)).to_array();
        let counts = &mut *self.counts;
        match (i[0] < BUCKETS as u64, i[1] < BUCKETS as u64) {
            (true, true) => {
                counts[i[0] as usize] += 1;
                counts[i[1] as usize] += 1;
            }
            _ => self.add_lanes_outside(v),
        }
    }

    #[cold]
    #[inline(never)]
    fn add_lanes_outside(&mut self, v: F64x2) {
        let [a, b] = v.to_array();
        self.add(a);
        self.add(b);
    }

    #[cold]
    #[inline(never)]
    fn add_outside(&mut self, v: f64) {
        if v.is_nan() || v <= 0.0 {
            self.zeros += 1;
            return;
        }
        let e = ((v.to_bits() >> 52) & 0x7ff) as i32 - 1023;
        if e < MIN_EXP {
            self.underflow += 1;
        } else {
            debug_assert!(e >= MAX_EXP);
            self.overflow += 1;
        }
    }

    /// The sparse form.
    pub fn to_sparse(&self) -> LogHistogram {
        let total = |i: usize| self.counts[i] as u64 + self.wide.get(i).copied().unwrap_or(0);
        let counts = (0..BUCKETS)
            .map(|i| (i as u32, total(i)))
            .filter(|&(_, c)| c > 0)
            .collect();
        LogHistogram {
            zeros: self.zeros,
            underflow: self.underflow,
            overflow: self.overflow,
            counts,
        }
    }
}

/// Lower edge of bucket `i`.
pub fn lower_edge(i: usize) -> f64 {
    let e = (i >> SUB_BITS) as i32 + MIN_EXP;
    let m = (i & ((1 << SUB_BITS) - 1)) as f64;
    libm::ldexp(1.0 + m / (1 << SUB_BITS) as f64, e)
}

/// Upper edge of bucket `i`.
pub fn upper_edge(i: usize) -> f64 {
    if (i + 1) % (1 << SUB_BITS) == 0 {
        libm::ldexp(1.0, (i >> SUB_BITS) as i32 + MIN_EXP + 1)
    } else {
        lower_edge(i + 1)
    }
}

impl LogHistogram {
    /// Total count.
    pub fn total(&self) -> u64 {
        self.zeros + self.underflow + self.overflow + self.counts.iter().map(|c| c.1).sum::<u64>()
    }

    /// Adds another histogram's counts (exact, order-free).
    pub fn merge(&mut self, other: &LogHistogram) {
        self.zeros += other.zeros;
        self.underflow += other.underflow;
        self.overflow += other.overflow;
        let mut dense = vec![0u64; BUCKETS];
        for &(i, c) in self.counts.iter().chain(&other.counts) {
            dense[i as usize] += c;
        }
        self.counts = dense
            .iter()
            .enumerate()
            .filter(|(_, &c)| c > 0)
            .map(|(i, &c)| (i as u32, c))
            .collect();
    }

    /// The `p`-quantile, interpolated linearly within its bucket (0 for zeros and
    /// underflow, `2^MAX_EXP` for overflow).
    pub fn quantile(&self, p: f64) -> f64 {
        let total = self.total();
        if total == 0 {
            return f64::NAN;
        }
        let rank = p.clamp(0.0, 1.0) * total as f64;
        let mut below = (self.zeros + self.underflow) as f64;
        if rank <= below {
            return 0.0;
        }
        for &(i, c) in &self.counts {
            if rank <= below + c as f64 {
                let (lo, hi) = (lower_edge(i as usize), upper_edge(i as usize));
                return lo + (rank - below) / c as f64 * (hi - lo);
            }
            below += c as f64;
        }
        libm::ldexp(1.0, MAX_EXP)
    }

    /// Counts regrouped into `bins` log-spaced bins over `[lo, hi]` (by bucket
    /// midpoint): `(edges, counts, below lo, above hi)`; zeros count as below.
    pub fn regroup(&self, lo: f64, hi: f64, bins: usize) -> (Vec<f64>, Vec<u64>, u64, u64) {
        let bins = bins.max(1);
        let (l0, l1) = (libm::log(lo), libm::log(hi.max(lo * (1.0 + 1e-9))));
        let edges: Vec<f64> = (0..=bins)
            .map(|k| libm::exp(l0 + (l1 - l0) * k as f64 / bins as f64))
            .collect();
        let mut counts = vec![0u64; bins];
        let (mut below, mut above) = (self.zeros + self.underflow, self.overflow);
        for &(i, c) in &self.counts {
            let mid = 0.5 * (lower_edge(i as usize) + upper_edge(i as usize));
            let k = ((libm::log(mid) - l0) / (l1 - l0) * bins as f64).floor();
            if k < 0.0 {
                below += c;
            } else if k as usize >= bins {
                if mid <= hi * (1.0 + 1e-12) {
                    counts[bins - 1] += c;
                } else {
                    above += c;
                }
            } else {
                counts[k as usize] += c;
            }
        }
        (edges, counts, below, above)
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn buckets_bracket_their_values() {
        for v in [1e-20, 3.7e-9, 0.05, 1.0, 1.5, 2.0, 12345.678, 1e14] {
            let mut h = DenseHistogram::default();
            h.add(v);
            let s = h.to_sparse();
            let i = s.counts[0].0 as usize;
            assert!(
                lower_edge(i) <= v && v < upper_edge(i),
                "{v}: [{}, {})",
                lower_edge(i),
                upper_edge(i)
            );
            assert!(upper_edge(i) / lower_edge(i) <= 1.0 + 1.0 / 128.0 + 1e-15);
        }
    }

    #[test]
    fn counts_survive_the_move_to_64_bits() {
        let mut h = DenseHistogram::default();
        for v in [0.0, -1.0, f64::NAN, 1e-30, 1e20, f64::INFINITY, 3.0, 3.0] {
            h.add(v);
        }
        h.make_room(u32::MAX as u64);
        h.add(3.0);
        h.make_room(1); // moves the counts
        h.add(3.0);
        h.add(0.25);
        let s = h.to_sparse();
        assert_eq!((s.zeros, s.underflow, s.overflow), (3, 1, 2));
        assert_eq!(s.counts.iter().map(|c| c.1).collect::<Vec<_>>(), vec![1, 4]);
        assert_eq!(s.total(), 11);
    }

    #[test]
    fn quantiles_and_merge() {
        let (mut a, mut b) = (DenseHistogram::default(), DenseHistogram::default());
        for k in 1..=1000 {
            a.add(k as f64);
            b.add(0.0);
        }
        let mut h = a.to_sparse();
        h.merge(&b.to_sparse());
        assert_eq!(h.total(), 2000);
        assert_eq!(h.quantile(0.25), 0.0);
        let med = h.quantile(0.75);
        assert!((med - 500.0).abs() / 500.0 < 0.008, "{med}");
        let (edges, counts, below, above) = h.regroup(1.0, 1024.0, 3);
        assert_eq!((edges.len(), below, above), (4, 1000, 0));
        assert_eq!(counts.iter().sum::<u64>(), 1000);
    }
}
