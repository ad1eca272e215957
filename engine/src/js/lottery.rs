//! JS functions of the lottery engine: `simulateLottery`, `streakProbability`,
//! `poolStreakProbability`, `poolRisk`, `simulateHolders`, `parseRewards`.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use super::convert::{parse, to_js, whole, within_field};
use crate::error::{EngineError, Result};
use crate::lottery::monte_carlo::TicketMonteCarlo;
use crate::lottery::pools::pool_risk;
use crate::lottery::process::{Process, Remint};
use crate::lottery::streaks::{pool_streak_probability, streak_curve};
use crate::rewards::data::{parse_rewards, summarize};
use crate::rewards::laws::{EmpiricalMode, Reward};

/// `{kind, mean?, cv?, tailIndex?, values?, mode?}`, or for `kind: "mainnet"`
/// `{from?, to?, mode?, block?, missing?}` (see `mainnet.rs`).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct RewardInput {
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
    pub(crate) fn build(self) -> Result<Reward> {
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

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct LotteryInput {
    n: f64,
    d: f64,
    reward: RewardInput,
    samples: f64,
    seed: f64,
    lookahead: Option<f64>,
    bins: Option<f64>,
}

pub(crate) fn seed(v: f64) -> Result<u64> {
    whole("seed", v, 0.0, 9_007_199_254_740_991.0)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Quantile {
    p: f64,
    value: f64,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LotteryOutput {
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

const LOTTERY_FIELDS: [&str; 7] = ["n", "d", "reward", "samples", "seed", "lookahead", "bins"];

/// `simulateLottery({n, d, reward, samples, seed, lookahead?, bins?})`.
#[wasm_bindgen(js_name = simulateLottery)]
pub fn simulate_lottery(input: JsValue) -> std::result::Result<JsValue, JsValue> {
    let i: LotteryInput = parse(input, &LOTTERY_FIELDS)?;
    let samples = whole("samples", i.samples, 1.0, 1e10)?;
    let seed = seed(i.seed)?;
    let lookahead = whole("lookahead", i.lookahead.unwrap_or(0.0), 0.0, 1e9)?;
    let bins = whole("bins", i.bins.unwrap_or(48.0), 1.0, 10_000.0)? as usize;
    let mc = TicketMonteCarlo::new(i.n, i.d, i.reward.build()?, lookahead)?;
    let r = mc.run(seed, samples);
    to_js(&LotteryOutput {
        samples: r.samples,
        mean: r.mean,
        std_error: r.std_error,
        sd: r.sd,
        quantiles: r.quantiles.iter().map(|&(p, value)| Quantile { p, value }).collect(),
        histogram: r.display_histogram(bins),
        payback_probability: r.payback_probability,
        price: r.price,
        closed_form_mean: r.closed_form_mean,
        closed_form_sd: r.closed_form_sd,
        min: r.min,
        max: r.max,
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct StreakInput {
    shares: Vec<f64>,
    run_length: f64,
    horizon: f64,
}

/// `streakProbability({shares, runLength, horizon})` → `{probabilities}`: for each
/// share, the exact probability of at least one run of `runLength` slots within `horizon`.
#[wasm_bindgen(js_name = streakProbability)]
pub fn streak_probability(input: JsValue) -> std::result::Result<JsValue, JsValue> {
    let i: StreakInput = parse(input, &["shares", "runLength", "horizon"])?;
    let run = whole("runLength", i.run_length, 1.0, 10_000.0)? as u32;
    let horizon = whole("horizon", i.horizon, 0.0, 1e8)?;
    for (k, &s) in i.shares.iter().enumerate() {
        crate::error::within(&format!("shares[{k}]"), s, 0.0, 1.0)?;
    }
    let probabilities = streak_curve(&i.shares, run, horizon)?;
    to_js(&Probabilities { probabilities })
}

#[derive(Serialize)]
struct Probabilities {
    probabilities: Vec<f64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PoolStreakInput {
    tickets: f64,
    outstanding: f64,
    run_length: f64,
}

/// `poolStreakProbability({tickets, outstanding, runLength})` → the probability that a
/// holder of `tickets` wins the next `runLength` slots when fresh tickets go to others.
#[wasm_bindgen(js_name = poolStreakProbability)]
pub fn pool_streak(input: JsValue) -> std::result::Result<f64, JsValue> {
    let i: PoolStreakInput = parse(input, &["tickets", "outstanding", "runLength"])?;
    let tickets = whole("tickets", i.tickets, 0.0, 1e15)?;
    let outstanding = whole("outstanding", i.outstanding, 1.0, 1e15)?;
    let run = whole("runLength", i.run_length, 1.0, 1e6)? as u32;
    Ok(pool_streak_probability(tickets, outstanding, run)?)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PoolRiskInput {
    n: f64,
    d: f64,
    reward: RewardInput,
    sizes: Vec<f64>,
    pools: f64,
    seed: f64,
}

/// `poolRisk({n, d, reward, sizes, pools, seed})` → `[{size, sd, sdEstimate}]`.
#[wasm_bindgen(js_name = poolRisk)]
pub fn pool_risk_js(input: JsValue) -> std::result::Result<JsValue, JsValue> {
    let i: PoolRiskInput = parse(input, &["n", "d", "reward", "sizes", "pools", "seed"])?;
    let sizes = i
        .sizes
        .iter()
        .map(|&m| whole("sizes", m, 1.0, 1e7))
        .collect::<Result<Vec<_>>>()?;
    let pools = whole("pools", i.pools, 2.0, 1e7)?;
    let mc = TicketMonteCarlo::new(i.n, i.d, i.reward.build()?, 0)?;
    to_js(&pool_risk(&mc, &sizes, pools, seed(i.seed)?)?)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct HoldersInput {
    holdings: Vec<f64>,
    others: Option<f64>,
    d: f64,
    reward: RewardInput,
    remint: Option<String>,
    horizon: f64,
    runs: f64,
    seed: f64,
    points: Option<f64>,
}

/// `simulateHolders({holdings, others?, d, reward, remint?, horizon, runs, seed, points?})`
/// → `{holders: [{tickets, winsMean, rewardMean, valueMean, valueStdError, valueExpected}],
/// slots, cumulativeValue}`; `remint` is `"sameHolder"` (default) or `"others"`.
#[wasm_bindgen(js_name = simulateHolders)]
pub fn simulate_holders(input: JsValue) -> std::result::Result<JsValue, JsValue> {
    let fields = [
        "holdings", "others", "d", "reward", "remint", "horizon", "runs", "seed", "points",
    ];
    let i: HoldersInput = parse(input, &fields)?;
    let holdings = i
        .holdings
        .iter()
        .map(|&k| whole("holdings", k, 0.0, 1e15))
        .collect::<Result<Vec<_>>>()?;
    let remint = match i.remint.as_deref() {
        None | Some("sameHolder") => Remint::SameHolder,
        Some("others") => Remint::Others,
        Some(r) => {
            return Err(
                EngineError::invalid("remint", format!("must be \"sameHolder\" or \"others\", got \"{r}\"")).into(),
            )
        }
    };
    let others = whole("others", i.others.unwrap_or(0.0), 0.0, 1e15)?;
    let horizon = whole("horizon", i.horizon, 1.0, 1e8)?;
    let runs = whole("runs", i.runs, 1.0, 1e5)?;
    let points = whole("points", i.points.unwrap_or(200.0), 1.0, 1e5)? as usize;
    let p = Process::new(holdings, others, i.d, i.reward.build()?, remint, horizon)?;
    to_js(&p.run(seed(i.seed)?, runs, points)?)
}

/// `parseRewards(text)` → `{values, summary}`: per-slot rewards from CSV or pasted text;
/// an Error names the offending line.
#[wasm_bindgen(js_name = parseRewards)]
pub fn parse_rewards_js(text: &str) -> std::result::Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Parsed {
        values: Vec<f64>,
        summary: Option<crate::rewards::data::DataSummary>,
    }
    let values = parse_rewards(text)?;
    let summary = summarize(&values);
    to_js(&Parsed { values, summary })
}
