//! JS functions of the equilibrium engine: `solveContest`, `tradeoffCurve`.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use super::convert::{parse, to_js, whole};
use crate::contest::tradeoff::tradeoff;
use crate::contest::{solve_with, Mechanism, Outcome, Strategy};
use crate::error::EngineError;

#[derive(Deserialize)]
struct ContestInput {
    mechanism: String,
    alpha: Option<f64>,
    grid: Option<f64>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OutcomeOutput {
    equilibrium: &'static str,
    alpha: Option<f64>,
    #[serde(skip)]
    arrays: [Vec<f64>; 4],
    revenue: f64,
    revenue_share: f64,
    fairness: f64,
    entropy: f64,
    hhi: f64,
    top_share: f64,
    nakamoto: usize,
    efficiency: f64,
    exploitability: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    strategies: Option<Vec<Strategy>>,
    /// How it was computed (`Outcome::method`).
    method: &'static str,
    /// The grid or refinement of a numerical mixed equilibrium.
    #[serde(skip_serializing_if = "Option::is_none")]
    refinement: Option<String>,
    /// The revenue's error estimate (0 for closed forms).
    revenue_error: f64,
}

fn output(o: Outcome) -> OutcomeOutput {
    let m = o.metrics;
    OutcomeOutput {
        equilibrium: if o.pure { "pure" } else { "mixed" },
        alpha: o.mechanism.alpha().filter(|a| a.is_finite()),
        arrays: [o.bids, o.allocations, o.payments, m.utilities],
        revenue: m.revenue,
        revenue_share: m.revenue_share,
        fairness: m.fairness,
        entropy: m.entropy,
        hhi: m.hhi,
        top_share: m.top_share,
        nakamoto: m.nakamoto,
        efficiency: m.efficiency,
        exploitability: o.exploitability,
        strategies: o.strategies,
        method: o.method,
        refinement: o.refinement,
        revenue_error: o.revenue_error,
    }
}

/// The `values` array of `input`, read in one copy (a plain array or a Float64Array).
fn read_values(input: &JsValue) -> Result<Vec<f64>, JsValue> {
    let v = js_sys::Reflect::get(input, &JsValue::from_str("values")).unwrap_or(JsValue::UNDEFINED);
    if js_sys::Array::is_array(&v) || v.is_instance_of::<js_sys::Float64Array>() {
        Ok(js_sys::Float64Array::new(&v).to_vec())
    } else {
        Err(EngineError::invalid("values", "expected an array of numbers").into())
    }
}

#[wasm_bindgen(
    inline_js = "export function plain_array(t) { const a = new Array(t.length).fill(0.5); for (let i = 0; i < t.length; i++) a[i] = t[i]; return a; }"
)]
extern "C" {
    /// A plain JS array of a typed array's numbers (a JS loop: faster than `Array.from`;
    /// filled first, the array is born packed with doubles, which halves the loop's time).
    fn plain_array(t: &js_sys::Float64Array) -> js_sys::Array;
}

/// The outcome as a plain object; its per-player arrays are copied in one go each.
fn outcome_js(o: OutcomeOutput) -> Result<JsValue, JsValue> {
    let obj = to_js(&o)?;
    for (name, xs) in ["bids", "allocations", "payments", "utilities"].iter().zip(&o.arrays) {
        let arr = plain_array(&js_sys::Float64Array::from(xs.as_slice()));
        js_sys::Reflect::set(&obj, &JsValue::from_str(name), &arr)?;
    }
    Ok(obj)
}

/// `solveContest({values, mechanism, alpha?, grid?})`: the equilibrium and its metrics.
#[wasm_bindgen(js_name = solveContest)]
pub fn solve_contest(input: JsValue) -> Result<JsValue, JsValue> {
    let values = read_values(&input)?;
    let i: ContestInput = parse(input, &["values", "mechanism", "alpha", "grid"])?;
    let mechanism = Mechanism::parse(&i.mechanism, i.alpha)?;
    let grid = i
        .grid
        .map(|g| whole("grid", g, 10.0, 2000.0))
        .transpose()?
        .map(|g| g as usize);
    outcome_js(output(solve_with(&values, mechanism, grid)?))
}

#[derive(Deserialize)]
struct CurveInput {
    alphas: Vec<f64>,
}

#[derive(Serialize)]
struct Missing {
    alpha: f64,
    error: String,
}

/// `tradeoffCurve({values, alphas})`: one outcome per α (`Infinity` gives the all-pay
/// auction); where none exists, `{alpha, error}`.
#[wasm_bindgen(js_name = tradeoffCurve)]
pub fn tradeoff_curve(input: JsValue) -> Result<JsValue, JsValue> {
    let values = read_values(&input)?;
    let i: CurveInput = parse(input, &["values", "alphas"])?;
    if i.alphas.is_empty() {
        return Err(EngineError::invalid("alphas", "must list at least one α").into());
    }
    let out = js_sys::Array::new();
    for p in tradeoff(&values, &i.alphas)? {
        out.push(&match p.outcome {
            Ok(o) => outcome_js(output(o))?,
            Err(e) => to_js(&Missing {
                alpha: p.alpha,
                error: e.to_string(),
            })?,
        });
    }
    Ok(out.into())
}
