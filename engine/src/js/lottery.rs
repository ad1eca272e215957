//! JS functions of the lottery engine: `simulateLottery`, `streakProbability`,
//! `poolStreakProbability`, `poolRisk`, `simulateHolders`, `parseRewards`.

use wasm_bindgen::prelude::*;

use super::convert::{parse, to_js};
use crate::api::holders;
use crate::api::lottery::{self as api, LotteryRun};

/// `simulateLottery({n, d, reward, samples, seed, lookahead?, bins?})`.
#[wasm_bindgen(js_name = simulateLottery)]
pub fn simulate_lottery(input: JsValue) -> Result<JsValue, JsValue> {
    let run = LotteryRun::new(parse(input, &api::LOTTERY_FIELDS)?)?;
    to_js(&run.run())
}

/// `streakProbability({shares, runLength, horizon})` → `{probabilities}`: for each
/// share, the exact probability of at least one run of `runLength` slots within `horizon`.
#[wasm_bindgen(js_name = streakProbability)]
pub fn streak_probability(input: JsValue) -> Result<JsValue, JsValue> {
    to_js(&api::streak_probability(parse(input, &api::STREAK_FIELDS)?)?)
}

/// `poolStreakProbability({tickets, outstanding, runLength})` → the probability that a
/// holder of `tickets` wins the next `runLength` slots when fresh tickets go to others.
#[wasm_bindgen(js_name = poolStreakProbability)]
pub fn pool_streak(input: JsValue) -> Result<f64, JsValue> {
    Ok(api::pool_streak(parse(input, &api::POOL_STREAK_FIELDS)?)?)
}

/// `poolRisk({n, d, reward, sizes, pools, seed})` → `[{size, sd, sdEstimate}]`.
#[wasm_bindgen(js_name = poolRisk)]
pub fn pool_risk_js(input: JsValue) -> Result<JsValue, JsValue> {
    to_js(&api::pool_risk_of(parse(input, &api::POOL_RISK_FIELDS)?)?)
}

/// `simulateHolders({holdings, others?, d, reward, remint?, horizon, runs, seed, points?})`
/// → `{holders: [{tickets, winsMean, rewardMean, valueMean, valueStdError, valueExpected}],
/// slots, cumulativeValue}`; `remint` is `"sameHolder"` (default) or `"others"`.
#[wasm_bindgen(js_name = simulateHolders)]
pub fn simulate_holders(input: JsValue) -> Result<JsValue, JsValue> {
    to_js(&holders::simulate_holders(parse(input, &holders::HOLDERS_FIELDS)?)?)
}

/// `parseRewards(text)` → `{values, summary}`: per-slot rewards from CSV or pasted text;
/// an Error names the offending line.
#[wasm_bindgen(js_name = parseRewards)]
pub fn parse_rewards_js(text: &str) -> Result<JsValue, JsValue> {
    to_js(&api::parse_rewards_text(text)?)
}
