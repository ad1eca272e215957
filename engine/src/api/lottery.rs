//! The lottery engine's functions: `simulateLottery`, `streakProbability`,
//! `poolStreakProbability`, `poolRisk`, `parseRewards` (`simulateHolders`: `holders.rs`).

use serde::{Deserialize, Serialize};

use super::{seed, whole, within_field, Quantile};
use crate::error::{EngineError, Result};
use crate::lottery::monte_carlo::{McPartial, McResult, TicketMonteCarlo, BLOCK};
use crate::lottery::pools::{pool_risk_point, PoolPoint};
use crate::lottery::streaks::{pool_streak_probability, streak_curve};
use crate::rewards::data::{parse_rewards, summarize};
use crate::rewards::laws::{EmpiricalMode, Reward};

/// `{kind, mean?, cv?, tailIndex?, values?, mode?}`, or for `kind: "mainnet"`
/// `{from?, to?, mode?, block?, missing?}` (see `mainnet.rs`).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RewardInput {
    kind: String,
    mean: Option<f64>,
    cv: Option<f64>,
    tail_index: Option<f64>,
    values: Option<Vec<f64>>,
    mode: Option<String>,
    from: Option<f64>,
    to: Option<f64>,
    block: Option<f64>,
    missing: Option<String>,
}

fn need(v: Option<f64>, field: &str, kind: &str) -> Result<f64> {
    v.ok_or_else(|| EngineError::invalid(field, format!("is required for kind \"{kind}\"")))
}

impl RewardInput {
    /// The reward law (errors name the field as `reward.…`).
    pub fn build(self) -> Result<Reward> {
        self.build_inner().map_err(within_field("reward"))
    }

    fn build_inner(self) -> Result<Reward> {
        let k = self.kind.as_str();
        match k {
            "constant" => Reward::constant(need(self.mean, "mean", k)?),
            "exponential" => Reward::exponential(need(self.mean, "mean", k)?),
            "lognormal" => Reward::lognormal(need(self.mean, "mean", k)?, need(self.cv, "cv", k)?),
            "pareto" => Reward::pareto(need(self.mean, "mean", k)?, need(self.tail_index, "tailIndex", k)?),
            "empirical" => {
                let mode = match self.mode.as_deref() {
                    None | Some("resample") => EmpiricalMode::Resample,
                    Some("replay") => EmpiricalMode::Replay,
                    Some(m) => {
                        return Err(EngineError::invalid(
                            "mode",
                            format!("must be \"replay\" or \"resample\", got \"{m}\""),
                        ))
                    }
                };
                let values = self
                    .values
                    .ok_or_else(|| EngineError::invalid("values", "is required for kind \"empirical\""))?;
                Reward::empirical(values, mode)
            }
            "mainnet" => super::mainnet::reward(
                self.from,
                self.to,
                self.mode.as_deref(),
                self.block,
                self.missing.as_deref(),
            ),
            other => Err(EngineError::invalid(
                "kind",
                format!("must be one of constant, exponential, lognormal, pareto, empirical, mainnet; got \"{other}\""),
            )),
        }
    }
}

/// The fields of `simulateLottery`'s input.
pub const LOTTERY_FIELDS: [&str; 7] = ["n", "d", "reward", "samples", "seed", "lookahead", "bins"];

/// `simulateLottery`'s input.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LotteryInput {
    n: f64,
    d: f64,
    reward: RewardInput,
    samples: f64,
    seed: f64,
    lookahead: Option<f64>,
    bins: Option<f64>,
}

/// `simulateLottery`'s output.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LotteryOutput {
    samples: u64,
    mean: f64,
    std_error: f64,
    sd: f64,
    quantiles: Vec<Quantile>,
    histogram: crate::lottery::display::DisplayHistogram,
    payback_probability: f64,
    price: f64,
    closed_form_mean: f64,
    closed_form_sd: f64,
    min: f64,
    max: f64,
}

/// A checked `simulateLottery`: the experiment, its seed and size. Its blocks
/// (`0..blocks()`, each [`BLOCK`] samples on its own stream) may run on any threads in
/// any grouping: [`LotteryRun::finish`] merges them in block order, bit for bit the same.
pub struct LotteryRun {
    /// The experiment.
    pub mc: TicketMonteCarlo,
    /// The seed.
    pub seed: u64,
    /// Samples in all.
    pub samples: u64,
    bins: usize,
}

impl LotteryRun {
    /// Checks the input and prepares the experiment.
    pub fn new(i: LotteryInput) -> Result<Self> {
        let samples = whole("samples", i.samples, 1.0, 1e10)?;
        let seed = seed(i.seed)?;
        let lookahead = whole("lookahead", i.lookahead.unwrap_or(0.0), 0.0, 1e9)?;
        let bins = whole("bins", i.bins.unwrap_or(48.0), 1.0, 10_000.0)? as usize;
        let mc = TicketMonteCarlo::new(i.n, i.d, i.reward.build()?, lookahead)?;
        Ok(Self {
            mc,
            seed,
            samples,
            bins,
        })
    }

    /// The number of blocks.
    pub fn blocks(&self) -> u64 {
        self.samples.div_ceil(BLOCK)
    }

    /// Blocks `b..e`.
    pub fn run_blocks(&self, b: u64, e: u64) -> McPartial {
        self.mc.run_blocks(self.seed, b..e, self.samples)
    }

    /// The output from every block's sums (in any order).
    pub fn finish(&self, parts: Vec<McPartial>) -> LotteryOutput {
        self.output(self.mc.finish(parts))
    }

    /// Runs every block on this thread.
    pub fn run(&self) -> LotteryOutput {
        self.output(self.mc.run(self.seed, self.samples))
    }

    fn output(&self, r: McResult) -> LotteryOutput {
        LotteryOutput {
            samples: r.samples,
            mean: r.mean,
            std_error: r.std_error,
            sd: r.sd,
            quantiles: Quantile::list(&r.quantiles),
            histogram: r.display_histogram(self.bins),
            payback_probability: r.payback_probability,
            price: r.price,
            closed_form_mean: r.closed_form_mean,
            closed_form_sd: r.closed_form_sd,
            min: r.min,
            max: r.max,
        }
    }
}

/// The fields of `streakProbability`'s input.
pub const STREAK_FIELDS: [&str; 3] = ["shares", "runLength", "horizon"];

/// `streakProbability`'s input.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StreakInput {
    shares: Vec<f64>,
    run_length: f64,
    horizon: f64,
}

/// `streakProbability`'s output.
#[derive(Serialize)]
pub struct Probabilities {
    probabilities: Vec<f64>,
}

/// `streakProbability({shares, runLength, horizon})` → `{probabilities}`: for each
/// share, the exact probability of at least one run of `runLength` slots within `horizon`.
pub fn streak_probability(i: StreakInput) -> Result<Probabilities> {
    let run = whole("runLength", i.run_length, 1.0, 10_000.0)? as u32;
    let horizon = whole("horizon", i.horizon, 0.0, 1e8)?;
    for (k, &s) in i.shares.iter().enumerate() {
        crate::error::within(&format!("shares[{k}]"), s, 0.0, 1.0)?;
    }
    let probabilities = streak_curve(&i.shares, run, horizon)?;
    Ok(Probabilities { probabilities })
}

/// The fields of `poolStreakProbability`'s input.
pub const POOL_STREAK_FIELDS: [&str; 3] = ["tickets", "outstanding", "runLength"];

/// `poolStreakProbability`'s input.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PoolStreakInput {
    tickets: f64,
    outstanding: f64,
    run_length: f64,
}

/// `poolStreakProbability({tickets, outstanding, runLength})` → the probability that a
/// holder of `tickets` wins the next `runLength` slots when fresh tickets go to others.
pub fn pool_streak(i: PoolStreakInput) -> Result<f64> {
    let tickets = whole("tickets", i.tickets, 0.0, 1e15)?;
    let outstanding = whole("outstanding", i.outstanding, 1.0, 1e15)?;
    let run = whole("runLength", i.run_length, 1.0, 1e6)? as u32;
    pool_streak_probability(tickets, outstanding, run)
}

/// The fields of `poolRisk`'s input.
pub const POOL_RISK_FIELDS: [&str; 6] = ["n", "d", "reward", "sizes", "pools", "seed"];

/// `poolRisk`'s input.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PoolRiskInput {
    n: f64,
    d: f64,
    reward: RewardInput,
    sizes: Vec<f64>,
    pools: f64,
    seed: f64,
}

/// `poolRisk({n, d, reward, sizes, pools, seed})` → `[{size, sd, sdEstimate, pools, low, high}]`.
pub fn pool_risk_of(i: PoolRiskInput) -> Result<Vec<PoolPoint>> {
    let run = PoolRiskRun::new(i)?;
    (0..run.sizes()).map(|k| run.point(k)).collect()
}

/// A checked `poolRisk` whose sizes (each on its own stream) a face may compute on any
/// threads.
pub struct PoolRiskRun {
    mc: TicketMonteCarlo,
    sizes: Vec<u64>,
    pools: u64,
    seed: u64,
}

impl PoolRiskRun {
    /// Checks the input.
    pub fn new(i: PoolRiskInput) -> Result<Self> {
        let sizes = i
            .sizes
            .iter()
            .map(|&m| whole("sizes", m, 1.0, 1e7))
            .collect::<Result<Vec<_>>>()?;
        let pools = whole("pools", i.pools, 2.0, 1e7)?;
        let mc = TicketMonteCarlo::new(i.n, i.d, i.reward.build()?, 0)?;
        let seed = seed(i.seed)?;
        Ok(PoolRiskRun { mc, sizes, pools, seed })
    }

    /// The number of sizes.
    pub fn sizes(&self) -> usize {
        self.sizes.len()
    }

    /// The point of the `k`-th size.
    pub fn point(&self, k: usize) -> Result<PoolPoint> {
        pool_risk_point(&self.mc, k, self.sizes[k], self.pools, self.seed)
    }
}

/// `parseRewards`'s output.
#[derive(Serialize)]
pub struct Parsed {
    values: Vec<f64>,
    summary: Option<crate::rewards::data::DataSummary>,
}

/// `parseRewards(text)` → `{values, summary}`: per-slot rewards from CSV or pasted text;
/// an error names the offending line.
pub fn parse_rewards_text(text: &str) -> Result<Parsed> {
    let values = parse_rewards(text)?;
    let summary = summarize(&values);
    Ok(Parsed { values, summary })
}
