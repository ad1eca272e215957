//! A log-bucketed histogram read straight from a float's bits: 128 buckets an octave
//! (bucket width ≤ 0.79 % of its value), exact integer counts that merge in any order.

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

/// The dense form used while counting.
#[derive(Debug, Clone)]
pub struct DenseHistogram {
    zeros: u64,
    underflow: u64,
    overflow: u64,
    counts: Vec<u64>,
}

impl Default for DenseHistogram {
    fn default() -> Self {
        Self {
            zeros: 0,
            underflow: 0,
            overflow: 0,
            counts: vec![0; BUCKETS],
        }
    }
}

impl DenseHistogram {
    /// Counts `v ≥ 0` (NaN counts as zero, as does anything not positive).
    #[inline]
    pub fn add(&mut self, v: f64) {
        if v.is_nan() || v <= 0.0 {
            self.zeros += 1;
            return;
        }
        let bits = v.to_bits();
        let e = ((bits >> 52) & 0x7ff) as i32 - 1023;
        if e < MIN_EXP {
            self.underflow += 1;
        } else if e >= MAX_EXP {
            self.overflow += 1;
        } else {
            let sub = (bits >> (52 - SUB_BITS)) & ((1 << SUB_BITS) - 1);
            self.counts[(((e - MIN_EXP) as usize) << SUB_BITS) | sub as usize] += 1;
        }
    }

    /// The sparse form.
    pub fn to_sparse(&self) -> LogHistogram {
        let counts = self
            .counts
            .iter()
            .enumerate()
            .filter(|(_, &c)| c > 0)
            .map(|(i, &c)| (i as u32, c))
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
