//! The lottery engine's Monte Carlo of one ticket's present value (SPEC §1).
//!
//! Samples the win time `T ~ Geometric(1/n)` by inversion and the reward's logarithm,
//! then `V = exp(ln R − (T + m) ln(1 + d))`: one exponential for reward × discount.
//! Work is cut into blocks of [`BLOCK`] samples, block `b` drawing from stream `b` of the
//! seed; float sums are combined in block order and counts are integers, so the result
//! is the same bit for bit however the blocks are shared among threads or workers.
//!
//! Inside a block, the laws with a two-lane sampler (all but a list of observed rewards)
//! draw two samples at a time from two generators seeded by stream `b`, one a lane of a
//! wasm SIMD register (`simd128`; SSE2 or plain arrays natively, with the same bits): see
//! [`crate::numeric::lane_source`] and `monte_carlo/kernel.rs`.

use std::ops::Range;

use crate::error::{non_negative, positive, within, Result};
use crate::lottery::histogram::{DenseHistogram, LogHistogram};
use crate::numeric::random::{stream, EngineRng, Source};
use crate::rewards::laws::Reward;

mod kernel;

/// Samples in one block.
pub const BLOCK: u64 = 1 << 16;
/// Quantile levels reported.
pub const LEVELS: [f64; 9] = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99];

/// A validated Monte Carlo experiment: `n` tickets, discount `d`, a reward distribution
/// and a lookahead of `m` slots.
#[derive(Debug, Clone, PartialEq)]
pub struct TicketMonteCarlo {
    n: f64,
    d: f64,
    lookahead: u64,
    reward: Reward,
    inv_log_q: f64,
    log_discount: f64,
    price: f64,
}

/// Sums of one block, shifted by the closed-form price for numerical stability.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct BlockSums {
    pub block: u64,
    pub count: u64,
    pub sum: f64,
    pub sum_sq: f64,
}

/// What some blocks produced; merge any number of these, in any order.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct McPartial {
    pub blocks: Vec<BlockSums>,
    pub above_price: u64,
    pub histogram: Option<LogHistogram>,
    pub min: f64,
    pub max: f64,
}

impl McPartial {
    /// Takes in `other`'s blocks and counts: one part for both, with the same result
    /// ([`TicketMonteCarlo::finish`] sums the blocks in block order; counts, minimum
    /// and maximum do not depend on the order). A worker sends one part a range.
    pub fn absorb(&mut self, other: McPartial) {
        self.blocks.extend(other.blocks);
        self.above_price += other.above_price;
        match (&mut self.histogram, other.histogram) {
            (Some(h), Some(o)) => h.merge(&o),
            (h, o) => *h = h.take().or(o),
        }
        (self.min, self.max) = (self.min.min(other.min), self.max.max(other.max));
    }
}

/// The finished estimate.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct McResult {
    pub samples: u64,
    pub mean: f64,
    pub std_error: f64,
    pub sd: f64,
    /// `(p, value)` for each of [`LEVELS`] (within 0.4 % of the sample quantile).
    pub quantiles: Vec<(f64, f64)>,
    /// The price paid: the closed-form `E[V]` (with the lookahead).
    pub price: f64,
    /// Fraction of tickets whose value exceeds the price.
    pub payback_probability: f64,
    pub min: f64,
    pub max: f64,
    /// The closed-form mean and standard deviation to compare with (sd ∞ for an
    /// infinite-variance reward).
    pub closed_form_mean: f64,
    pub closed_form_sd: f64,
    pub histogram: LogHistogram,
}

impl TicketMonteCarlo {
    /// Validates `n ≥ 1`, `d > 0`, `lookahead ≥ 0` (whole slots).
    ///
    /// ```
    /// use et_engine::lottery::monte_carlo::TicketMonteCarlo;
    /// use et_engine::rewards::Reward;
    /// let mc = TicketMonteCarlo::new(100.0, 0.01, Reward::exponential(2.0).unwrap(), 0).unwrap();
    /// assert!((mc.price() - 1.0).abs() < 1e-15);
    /// assert_eq!(TicketMonteCarlo::new(0.5, 0.01, Reward::constant(1.0).unwrap(), 0).unwrap_err().field(), "n");
    /// ```
    pub fn new(n: f64, d: f64, reward: Reward, lookahead: u64) -> Result<Self> {
        within("n", n, 1.0, f64::MAX)?;
        positive("d", d)?;
        let log_discount = libm::log1p(d);
        let price = reward.mean() / n.mul_add(d, 1.0) * libm::exp(-(lookahead as f64) * log_discount);
        non_negative("price", price)?;
        Ok(Self {
            n,
            d,
            lookahead,
            reward,
            inv_log_q: 1.0 / libm::log1p(-1.0 / n),
            log_discount,
            price,
        })
    }

    /// The closed-form price `E[V]`.
    pub fn price(&self) -> f64 {
        self.price
    }

    /// Tickets outstanding `n`, the discount `d` per slot and the reward law.
    pub fn parameters(&self) -> (f64, f64, &Reward) {
        (self.n, self.d, &self.reward)
    }

    /// The closed-form standard deviation of `V` (∞ for an infinite-variance reward).
    pub fn closed_form_sd(&self) -> f64 {
        let var_r = self.reward.variance();
        let lottery =
            crate::lottery::closed_form::Lottery::new(self.reward.mean(), var_r.min(f64::MAX), self.d, self.n);
        match (var_r.is_finite(), lottery) {
            (true, Ok(l)) => l.ticket_sd() * libm::exp(-(self.lookahead as f64) * self.log_discount),
            _ => f64::INFINITY,
        }
    }

    /// Runs blocks `blocks` of an experiment of `samples` samples in all.
    pub fn run_blocks(&self, seed: u64, blocks: Range<u64>, samples: u64) -> McPartial {
        let mut hist = DenseHistogram::default();
        let mut out = McPartial {
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
            ..Default::default()
        };
        for b in blocks {
            let count = samples.saturating_sub(b * BLOCK).min(BLOCK);
            if count == 0 {
                break;
            }
            hist.make_room(count);
            let sums = self.block_sums(seed, b, count, &mut hist, &mut out);
            out.blocks.push(BlockSums {
                block: b,
                count,
                sum: sums.0,
                sum_sq: sums.1,
            });
        }
        out.histogram = Some(hist.to_sparse());
        out
    }

    /// Runs the whole experiment on this thread.
    ///
    /// ```
    /// use et_engine::lottery::monte_carlo::TicketMonteCarlo;
    /// use et_engine::rewards::Reward;
    /// let mc = TicketMonteCarlo::new(100.0, 0.01, Reward::constant(1.0).unwrap(), 0).unwrap();
    /// let r = mc.run(7, 100_000);
    /// assert_eq!(r.price, 0.5 / 1.0); // μ/(nd + 1)
    /// assert!((r.mean - r.price).abs() < 5.0 * r.std_error);
    /// ```
    pub fn run(&self, seed: u64, samples: u64) -> McResult {
        let blocks = samples.div_ceil(BLOCK);
        self.finish(vec![self.run_blocks(seed, 0..blocks, samples)])
    }

    /// Merges partial results (in any order) into the estimate.
    pub fn finish(&self, parts: Vec<McPartial>) -> McResult {
        let mut blocks: Vec<BlockSums> = parts.iter().flat_map(|p| p.blocks.iter().copied()).collect();
        blocks.sort_by_key(|b| b.block);
        let (mut n, mut s1, mut s2) = (0u64, 0.0, 0.0);
        for b in &blocks {
            n += b.count;
            s1 += b.sum;
            s2 += b.sum_sq;
        }
        let mut histogram = LogHistogram {
            zeros: 0,
            underflow: 0,
            overflow: 0,
            counts: vec![],
        };
        let (mut above, mut min, mut max) = (0, f64::INFINITY, f64::NEG_INFINITY);
        for p in &parts {
            if let Some(h) = &p.histogram {
                histogram.merge(h);
            }
            above += p.above_price;
            min = min.min(p.min);
            max = max.max(p.max);
        }
        let nf = n as f64;
        let var = ((s2 - s1 * s1 / nf) / (nf - 1.0).max(1.0)).max(0.0);
        McResult {
            samples: n,
            mean: self.price + s1 / nf,
            std_error: (var / nf).sqrt(),
            sd: var.sqrt(),
            quantiles: LEVELS.iter().map(|&p| (p, histogram.quantile(p))).collect(),
            price: self.price,
            payback_probability: above as f64 / nf,
            min,
            max,
            closed_form_mean: self.price,
            closed_form_sd: self.closed_form_sd(),
            histogram,
        }
    }
}

/// Where a stream of pool tickets stands ([`TicketMonteCarlo::pool_stream`]): the
/// tickets can be drawn a few at a time (a page draws them across several short tasks)
/// with the same values as in one go.
pub struct PoolStream(Source<EngineRng>);

impl TicketMonteCarlo {
    /// Stream `stream_id` of the seed's pool tickets, at its start.
    pub fn pool_stream(&self, seed: u64, stream_id: u64) -> PoolStream {
        PoolStream(Source::new(stream(seed ^ 0x504F_4F4C, stream_id)))
    }

    /// The next ticket's value `V` on `s`.
    ///
    /// # Formula
    /// `V = R · (1 + d)^−(T + m)`, `T` geometric with `p = 1/n` (SPEC §1).
    #[inline]
    pub fn pool_ticket(&self, s: &mut PoolStream) -> f64 {
        let src = &mut s.0;
        let slot = src.geometric(self.inv_log_q).saturating_add(self.lookahead);
        let ln_r = self.reward.sample_ln(src, slot - 1);
        crate::numeric::fastmath::exp(ln_r - slot as f64 * self.log_discount)
    }

    /// Per-ticket values of `pools` pools of `m` independent tickets (stream `stream_id`).
    pub fn pool_means(&self, seed: u64, stream_id: u64, m: u64, pools: u64) -> Vec<f64> {
        let mut s = self.pool_stream(seed, stream_id);
        (0..pools)
            .map(|_| {
                let total: f64 = (0..m).map(|_| self.pool_ticket(&mut s)).sum();
                total / m as f64
            })
            .collect()
    }
}
