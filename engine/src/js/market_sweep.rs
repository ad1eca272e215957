//! JS function of the primary market's sweeps: `sweepMarket`.

use wasm_bindgen::prelude::*;

use super::convert::{parse, to_js};
use super::market::market_input;
use crate::api::sweep::{SweepInput, SweepRun, SWEEP_FIELDS};

/// `sweepMarket({market, parameter, values, measure?})`: the market (a `simulateMarket`
/// input) at each value of `parameter` (`max-tickets`, `holders`, `expiry`,
/// `initial-price`, `reward-volatility`, `capture-spread`); each point's totals (mean,
/// 10 % and 90 %), and the chosen `measure`'s band (`capture`, `hhi`, `won-hhi`,
/// `nakamoto`, `won-nakamoto`).
#[wasm_bindgen(js_name = sweepMarket)]
pub fn sweep_market(input: JsValue) -> Result<JsValue, JsValue> {
    let market = if input.is_object() {
        js_sys::Reflect::get(&input, &JsValue::from_str("market"))?
    } else {
        JsValue::UNDEFINED
    };
    let i: SweepInput = parse(input, &SWEEP_FIELDS)?;
    let sweep = SweepRun::new(&i)?;
    let (cfg, opts) = market_input(market).map_err(|e| prefix_market(&e))?;
    let points = i
        .values
        .iter()
        .map(|&v| sweep.point(&cfg, &opts, v))
        .collect::<crate::error::Result<Vec<_>>>()?;
    to_js(&sweep.finish(points))
}

/// A `market` error's message, prefixed `market.`.
fn prefix_market(e: &JsValue) -> JsValue {
    let msg = js_sys::Error::from(e.clone()).message().as_string().unwrap_or_default();
    super::convert::js_error(&format!("market.{msg}"))
}
