//! `simulateHolders`: holders' realised values slot by slot (SPEC §1), as one call or as
//! ranges of runs a face shares among threads.

use std::ops::Range;

use serde::Deserialize;

use super::lottery::RewardInput;
use super::{seed, whole};
use crate::error::{EngineError, Result};
use crate::lottery::process::{check_runs, HoldersPartial, Process, ProcessResult, Remint};

/// The fields of `simulateHolders`'s input.
pub const HOLDERS_FIELDS: [&str; 9] = [
    "holdings", "others", "d", "reward", "remint", "horizon", "runs", "seed", "points",
];

/// `simulateHolders`'s input.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HoldersInput {
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
pub fn simulate_holders(i: HoldersInput) -> Result<ProcessResult> {
    let run = HoldersRun::new(i)?;
    Ok(run.finish(vec![run.run_runs(0..run.runs())]))
}

/// A checked `simulateHolders` whose runs a face may share among threads (run `r` on
/// stream `r`; [`HoldersRun::finish`] sums them in run order).
pub struct HoldersRun {
    process: Process,
    seed: u64,
    runs: u64,
    points: usize,
}

impl HoldersRun {
    /// Checks the input.
    pub fn new(i: HoldersInput) -> Result<Self> {
        let holdings = i
            .holdings
            .iter()
            .map(|&k| whole("holdings", k, 0.0, 1e15))
            .collect::<Result<Vec<_>>>()?;
        let remint = match i.remint.as_deref() {
            None | Some("sameHolder") => Remint::SameHolder,
            Some("others") => Remint::Others,
            Some(r) => {
                return Err(EngineError::invalid(
                    "remint",
                    format!("must be \"sameHolder\" or \"others\", got \"{r}\""),
                ))
            }
        };
        let others = whole("others", i.others.unwrap_or(0.0), 0.0, 1e15)?;
        let horizon = whole("horizon", i.horizon, 1.0, 1e8)?;
        let runs = whole("runs", i.runs, 1.0, 1e5)?;
        let points = whole("points", i.points.unwrap_or(200.0), 1.0, 1e5)? as usize;
        let process = Process::new(holdings, others, i.d, i.reward.build()?, remint, horizon)?;
        check_runs(runs)?;
        Ok(HoldersRun {
            process,
            seed: seed(i.seed)?,
            runs,
            points,
        })
    }

    /// The number of runs.
    pub fn runs(&self) -> u64 {
        self.runs
    }

    /// Runs a range of run numbers.
    pub fn run_runs(&self, runs: Range<u64>) -> HoldersPartial {
        self.process.run_range(self.seed, runs, self.points)
    }

    /// The result of every range, merged in run order.
    pub fn finish(&self, parts: Vec<HoldersPartial>) -> ProcessResult {
        self.process.finish(parts)
    }
}
