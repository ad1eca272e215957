//! The equilibrium engine's functions: `solveContest`, `tradeoffCurve`.
//!
//! `values` is read by each face on its own (in one copy of a typed array in JS), and the
//! four per-player arrays of an outcome ([`OutcomeOutput::arrays`]) are not serialized:
//! each face adds them as its language's fast arrays.

use serde::{Deserialize, Serialize};

use super::whole;
use crate::contest::tradeoff::tradeoff;
use crate::contest::{solve_with, Mechanism, Outcome, Strategy};
use crate::error::{EngineError, Result};

/// The fields of `solveContest`'s input.
pub const CONTEST_FIELDS: [&str; 4] = ["values", "mechanism", "alpha", "grid"];

/// The fields of `tradeoffCurve`'s input.
pub const CURVE_FIELDS: [&str; 2] = ["values", "alphas"];

/// The names of [`OutcomeOutput::arrays`], in order.
pub const OUTCOME_ARRAYS: [&str; 4] = ["bids", "allocations", "payments", "utilities"];

/// `solveContest`'s input besides `values`.
#[derive(Deserialize)]
pub struct ContestInput {
    mechanism: String,
    alpha: Option<f64>,
    grid: Option<f64>,
}

/// An equilibrium and its metrics.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeOutput {
    equilibrium: &'static str,
    alpha: Option<f64>,
    /// Bids, allocations, payments and utilities (named by [`OUTCOME_ARRAYS`]).
    #[serde(skip)]
    pub arrays: [Vec<f64>; 4],
    revenue: f64,
    revenue_share: f64,
    fairness: f64,
    entropy: f64,
    hhi: f64,
    top_share: f64,
    nakamoto: usize,
    efficiency: f64,
    exploitability: f64,
    /// Each player's mixed strategy (mixed equilibria only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strategies: Option<Vec<Strategy>>,
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

/// `solveContest({values, mechanism, alpha?, grid?})`: the equilibrium and its metrics.
pub fn solve_contest(values: &[f64], i: ContestInput) -> Result<OutcomeOutput> {
    let mechanism = Mechanism::parse(&i.mechanism, i.alpha)?;
    let grid = i
        .grid
        .map(|g| whole("grid", g, 10.0, 2000.0))
        .transpose()?
        .map(|g| g as usize);
    Ok(output(solve_with(values, mechanism, grid)?))
}

/// `tradeoffCurve`'s input besides `values`.
#[derive(Deserialize)]
pub struct CurveInput {
    alphas: Vec<f64>,
}

impl CurveInput {
    /// The α of each point asked for, in order (∞: the all-pay auction).
    pub fn alphas(&self) -> &[f64] {
        &self.alphas
    }

    /// The input for `alphas` (a face that reads them itself, e.g. with `Infinity`).
    pub fn new(alphas: Vec<f64>) -> Self {
        Self { alphas }
    }
}

/// A point of the curve where no equilibrium exists: `{alpha, error}`.
#[derive(Serialize)]
pub struct Missing {
    alpha: f64,
    error: String,
}

/// `tradeoffCurve({values, alphas})`: one outcome per α (`Infinity` gives the all-pay
/// auction); where none exists, `{alpha, error}`.
pub fn tradeoff_curve(values: &[f64], i: CurveInput) -> Result<Vec<std::result::Result<OutcomeOutput, Missing>>> {
    if i.alphas.is_empty() {
        return Err(EngineError::invalid("alphas", "must list at least one α"));
    }
    Ok(tradeoff(values, &i.alphas)?
        .into_iter()
        .map(|p| match p.outcome {
            Ok(o) => Ok(output(o)),
            Err(e) => Err(Missing {
                alpha: p.alpha,
                error: e.to_string(),
            }),
        })
        .collect())
}
