//! JS function of the primary market's sweeps: `sweepMarket`.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use super::convert::{parse, to_js};
use super::market::market_input;
use crate::choice::Choice;
use crate::primary::{sweep_point, Measure, SweepParameter, SweepPoint};

#[derive(Deserialize)]
struct SweepInput {
    /// Read on its own (a `simulateMarket` input).
    #[allow(dead_code)]
    market: serde::de::IgnoredAny,
    parameter: String,
    values: Vec<f64>,
    measure: Option<String>,
}

#[derive(Serialize)]
struct MeasureBand {
    mean: Vec<f64>,
    lo: Vec<f64>,
    hi: Vec<f64>,
}

#[derive(Serialize)]
struct SweepOutput {
    parameter: &'static str,
    points: Vec<SweepPoint>,
    #[serde(skip_serializing_if = "Option::is_none")]
    measure: Option<MeasureBand>,
}

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
    let i: SweepInput = parse(input, &["market", "parameter", "values", "measure"])?;
    let parameter = SweepParameter::parse("parameter", &i.parameter)?;
    let measure = i.measure.as_deref().map(|m| Measure::parse("measure", m)).transpose()?;
    let (cfg, opts) = market_input(market).map_err(|e| prefix_market(&e))?;
    let points = i
        .values
        .iter()
        .map(|&v| sweep_point(&cfg, &opts, parameter, v))
        .collect::<crate::error::Result<Vec<_>>>()?;
    let measure = measure.map(|m| MeasureBand {
        mean: points.iter().map(|p| m.of(&p.mean)).collect(),
        lo: points.iter().map(|p| m.of(&p.lo)).collect(),
        hi: points.iter().map(|p| m.of(&p.hi)).collect(),
    });
    to_js(&SweepOutput {
        parameter: parameter.key(),
        points,
        measure,
    })
}

/// A `market` error's message, prefixed `market.`.
fn prefix_market(e: &JsValue) -> JsValue {
    let msg = js_sys::Error::from(e.clone()).message().as_string().unwrap_or_default();
    super::convert::js_error(&format!("market.{msg}"))
}
