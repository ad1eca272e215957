//! The Monte Carlo's loops over one block: two lanes at once for the reward laws with a
//! two-lane sampler, one stream for a list of observed rewards.

use rand::Rng;

use super::{McPartial, TicketMonteCarlo};
use crate::lottery::histogram::DenseHistogram;
use crate::numeric::fastmath;
use crate::numeric::fastmath_lanes::ExpLanes;
use crate::numeric::lane_source::LaneSource;
use crate::numeric::lanes::{F64x2, U64x2};
use crate::numeric::random::{stream, u64_to_f64, EngineRng, Source};
use crate::rewards::sample::LnSamplerUser;
use crate::rewards::sample_lanes::LnLanesUser;

/// Where one block's results go.
struct Sink<'a> {
    hist: &'a mut DenseHistogram,
    out: &'a mut McPartial,
}

/// Block `block` of `count` samples, waiting for the reward law's two-lane sampler.
struct LanesJob<'a> {
    mc: &'a TicketMonteCarlo,
    seed: u64,
    block: u64,
    count: u64,
    sink: Sink<'a>,
}

impl LnLanesUser for LanesJob<'_> {
    type Output = (f64, f64);

    fn run<F: FnMut(&mut LaneSource) -> F64x2>(self, ln_reward: F) -> (f64, f64) {
        let src = LaneSource::new(self.seed, self.block);
        self.mc.lanes(src, self.count, self.sink, ln_reward)
    }
}

/// A block on one stream, waiting for the reward law's scalar sampler.
struct ScalarJob<'a, R> {
    mc: &'a TicketMonteCarlo,
    src: &'a mut Source<R>,
    count: u64,
    sink: Sink<'a>,
}

impl<R: Rng> LnSamplerUser<R> for ScalarJob<'_, R> {
    type Output = (f64, f64);

    fn run<F: FnMut(&mut Source<R>, u64) -> f64>(self, ln_reward: F) -> (f64, f64) {
        self.mc.scalar(self.src, self.count, self.sink, ln_reward)
    }
}

impl TicketMonteCarlo {
    /// Draws block `block` of `seed` (`count` samples) into `hist` and `out`: the sums of
    /// `V − price` and its square.
    ///
    /// Never inlined: a browser compiles wasm first with a quick baseline compiler and
    /// swaps in optimized code for a function's *next* call, so the hot loop lives in a
    /// function entered once a block, not in one entered once a worker's range.
    #[inline(never)]
    pub(super) fn block_sums(
        &self,
        seed: u64,
        block: u64,
        count: u64,
        hist: &mut DenseHistogram,
        out: &mut McPartial,
    ) -> (f64, f64) {
        let sink = Sink { hist, out };
        let job = LanesJob {
            mc: self,
            seed,
            block,
            count,
            sink,
        };
        match self.reward.with_ln_lanes(job) {
            Ok(sums) => sums,
            Err(LanesJob { sink, .. }) => {
                let mut src: Source<EngineRng> = Source::new(stream(seed, block));
                let job = ScalarJob {
                    mc: self,
                    src: &mut src,
                    count,
                    sink,
                };
                self.reward.with_ln_sampler(job)
            }
        }
    }

    /// The two-lane loop: samples `2k` and `2k + 1` from lanes 0 and 1 (an odd last
    /// sample from lane 0); each lane's sums run in sample order and are added at the end,
    /// lane 0 first.
    ///
    /// # Formula
    /// `T = 1 + ⌊E / −ln(1 − 1/n)⌋` (a geometric win time from an exponential `E`),
    /// slot `s = T + m`, and `V = exp(ln R − s · ln(1 + d))`.
    #[inline(always)]
    fn lanes<F: FnMut(&mut LaneSource) -> F64x2>(
        &self,
        mut src: LaneSource,
        count: u64,
        sink: Sink,
        mut ln_reward: F,
    ) -> (f64, f64) {
        let c = F64x2::splat;
        let step = Step {
            scale: c(-self.inv_log_q),
            first: c(u64_to_f64(self.lookahead.saturating_add(1))),
            log_d: c(self.log_discount),
            exp: ExpLanes::new(),
        };
        let price = c(self.price);
        let (mut s1, mut s2, mut above) = (c(0.0), c(0.0), U64x2::splat(0));
        let (mut lo, mut hi) = (c(sink.out.min), c(sink.out.max));
        for _ in 0..count / 2 {
            let v = step.value(&mut src, &mut ln_reward);
            let x = v - price;
            s1 = s1 + x;
            s2 = s2 + x * x;
            // A true comparison is all ones, −1.
            above = above - v.gt(price);
            lo = lo.pmin(v);
            hi = hi.pmax(v);
            sink.hist.add_lanes(v);
        }
        let (s1, s2, above) = (s1.to_array(), s2.to_array(), above.to_array());
        let mut lane0 = Sums {
            s1: s1[0],
            s2: s2[0],
            above: above[0] + above[1],
            lo: lo.to_array(),
            hi: hi.to_array(),
        };
        if count % 2 == 1 {
            let v = step.value(&mut src, &mut ln_reward).to_array()[0];
            lane0.add(v - self.price, v, self.price, sink.hist);
        }
        let (sum, sum_sq) = (lane0.s1 + s1[1], lane0.s2 + s2[1]);
        lane0.finish(sink.out, sum, sum_sq)
    }

    /// The one-stream loop.
    #[inline(always)]
    fn scalar<R: Rng, F: FnMut(&mut Source<R>, u64) -> f64>(
        &self,
        src: &mut Source<R>,
        count: u64,
        sink: Sink,
        mut ln_reward: F,
    ) -> (f64, f64) {
        let (lo, hi) = (sink.out.min, sink.out.max);
        let mut sums = Sums {
            s1: 0.0,
            s2: 0.0,
            above: 0,
            lo: [lo, lo],
            hi: [hi, hi],
        };
        for _ in 0..count {
            let slot = src.geometric(self.inv_log_q).saturating_add(self.lookahead);
            // Slot t (1-based) is data row t − 1 for replayed rewards.
            let ln_v = ln_reward(src, slot - 1) - u64_to_f64(slot) * self.log_discount;
            let v = fastmath::exp(ln_v);
            sums.add(v - self.price, v, self.price, sink.hist);
        }
        let (s1, s2) = (sums.s1, sums.s2);
        sums.finish(sink.out, s1, s2)
    }
}

/// The constants of one two-lane step.
struct Step {
    /// `−1/ln(1 − 1/n)`.
    scale: F64x2,
    /// The first slot a win can pay for, `1 + m`.
    first: F64x2,
    /// `ln(1 + d)`.
    log_d: F64x2,
    exp: ExpLanes,
}

impl Step {
    /// The values `V` of the next two samples, one a lane.
    #[inline(always)]
    fn value<F: FnMut(&mut LaneSource) -> F64x2>(&self, src: &mut LaneSource, ln_reward: &mut F) -> F64x2 {
        let slot = (src.exp1() * self.scale).trunc() + self.first;
        self.exp.exp(ln_reward(src) - slot * self.log_d)
    }
}

/// One lane's running sums (the scalar loop's only lane is lane 0).
struct Sums {
    s1: f64,
    s2: f64,
    above: u64,
    lo: [f64; 2],
    hi: [f64; 2],
}

impl Sums {
    /// Adds value `v` (`x = v − price`) to lane 0.
    #[inline(always)]
    fn add(&mut self, x: f64, v: f64, price: f64, hist: &mut DenseHistogram) {
        self.s1 += x;
        self.s2 += x * x;
        self.above += (v > price) as u64;
        if v < self.lo[0] {
            self.lo[0] = v;
        }
        if v > self.hi[0] {
            self.hi[0] = v;
        }
        hist.add(v);
    }

    /// Moves the counts and extremes into `out`; returns the block's sums `(s1, s2)`.
    fn finish(self, out: &mut McPartial, s1: f64, s2: f64) -> (f64, f64) {
        out.above_price += self.above;
        let [lo, lo1] = self.lo;
        let [hi, hi1] = self.hi;
        out.min = if lo1 < lo { lo1 } else { lo };
        out.max = if hi1 > hi { hi1 } else { hi };
        (s1, s2)
    }
}
