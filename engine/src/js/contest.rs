//! JS functions of the equilibrium engine: `solveContest`, `tradeoffCurve`.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use super::{parse, to_js, whole};
use crate::contest::tradeoff::tradeoff;
use crate::contest::{solve_with, Mechanism, Outcome, Strategy};
use crate::error::EngineError;

#[derive(Deserialize)]
struct ContestInput {
    values: Vec<f64>,
    mechanism: String,
    alpha: Option<f64>,
    grid: Option<f64>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OutcomeOutput {
    equilibrium: &'static str,
    alpha: Option<f64>,
    bids: Vec<f64>,
    allocations: Vec<f64>,
    payments: Vec<f64>,
    utilities: Vec<f64>,
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
}

fn output(o: Outcome) -> OutcomeOutput {
    let m = o.metrics;
    OutcomeOutput {
        equilibrium: if o.pure { "pure" } else { "mixed" },
        alpha: o.mechanism.alpha().filter(|a| a.is_finite()),
        bids: o.bids,
        allocations: o.allocations,
        payments: o.payments,
        utilities: m.utilities,
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
    }
}

/// `solveContest({values, mechanism, alpha?, grid?})`: the equilibrium and its metrics.
#[wasm_bindgen(js_name = solveContest)]
pub fn solve_contest(input: JsValue) -> Result<JsValue, JsValue> {
    let i: ContestInput = parse(input, &["values", "mechanism", "alpha", "grid"])?;
    let mechanism = Mechanism::parse(&i.mechanism, i.alpha)?;
    let grid = i
        .grid
        .map(|g| whole("grid", g, 10.0, 2000.0))
        .transpose()?
        .map(|g| g as usize);
    to_js(&output(solve_with(&i.values, mechanism, grid)?))
}

#[derive(Deserialize)]
struct CurveInput {
    values: Vec<f64>,
    alphas: Vec<f64>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum CurveOutput {
    Outcome(Box<OutcomeOutput>),
    Missing { alpha: f64, error: String },
}

/// `tradeoffCurve({values, alphas})`: one outcome per α (`Infinity` gives the all-pay
/// auction); where none exists, `{alpha, error}`.
#[wasm_bindgen(js_name = tradeoffCurve)]
pub fn tradeoff_curve(input: JsValue) -> Result<JsValue, JsValue> {
    let i: CurveInput = parse(input, &["values", "alphas"])?;
    if i.alphas.is_empty() {
        return Err(EngineError::invalid("alphas", "must list at least one α").into());
    }
    let points = tradeoff(&i.values, &i.alphas)?;
    let out: Vec<CurveOutput> = points
        .into_iter()
        .map(|p| match p.outcome {
            Ok(o) => CurveOutput::Outcome(Box::new(output(o))),
            Err(e) => CurveOutput::Missing {
                alpha: p.alpha,
                error: e.to_string(),
            },
        })
        .collect();
    to_js(&out)
}
