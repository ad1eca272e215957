//! The primary market's sweeps: `sweepMarket`.

use serde::{Deserialize, Serialize};

use crate::choice::Choice;
use crate::error::Result;
use crate::primary::{sweep_point, MarketConfig, Measure, Options, SweepParameter, SweepPoint};

/// The fields of `sweepMarket`'s input.
pub const SWEEP_FIELDS: [&str; 4] = ["market", "parameter", "values", "measure"];

/// `sweepMarket`'s input (`market` is read on its own, as a `simulateMarket` input).
#[derive(Deserialize)]
pub struct SweepInput {
    #[allow(dead_code)]
    market: serde::de::IgnoredAny,
    parameter: String,
    /// The parameter's values, one point each.
    pub values: Vec<f64>,
    measure: Option<String>,
}

/// A measure's band over the points.
#[derive(Serialize)]
pub struct MeasureBand {
    mean: Vec<f64>,
    lo: Vec<f64>,
    hi: Vec<f64>,
}

/// `sweepMarket`'s output.
#[derive(Serialize)]
pub struct SweepOutput {
    parameter: &'static str,
    points: Vec<SweepPoint>,
    #[serde(skip_serializing_if = "Option::is_none")]
    measure: Option<MeasureBand>,
}

/// A checked sweep: each point ([`SweepRun::point`]) is independent, with the market's
/// seed, so the points may run anywhere in any order.
pub struct SweepRun {
    parameter: SweepParameter,
    measure: Option<Measure>,
}

impl SweepRun {
    /// Checks the sweep's own fields (before the market's).
    pub fn new(i: &SweepInput) -> Result<Self> {
        let parameter = SweepParameter::parse("parameter", &i.parameter)?;
        let measure = i.measure.as_deref().map(|m| Measure::parse("measure", m)).transpose()?;
        Ok(Self { parameter, measure })
    }

    /// The point at `value`.
    pub fn point(&self, cfg: &MarketConfig, opts: &Options, value: f64) -> Result<SweepPoint> {
        sweep_point(cfg, opts, self.parameter, value)
    }

    /// The output from every point, in order.
    pub fn finish(&self, points: Vec<SweepPoint>) -> SweepOutput {
        let measure = self.measure.map(|m| MeasureBand {
            mean: points.iter().map(|p| m.of(&p.mean)).collect(),
            lo: points.iter().map(|p| m.of(&p.lo)).collect(),
            hi: points.iter().map(|p| m.of(&p.hi)).collect(),
        });
        SweepOutput {
            parameter: self.parameter.key(),
            points,
            measure,
        }
    }
}
