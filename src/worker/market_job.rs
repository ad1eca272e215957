//! The primary market as work for the pool: ranges of seeded runs.

use et_engine::primary::{Market, MarketConfig, MarketResult, Options, RunSeries, Totals};
use serde::{Deserialize, Serialize};

use super::kind::JobKind;
use super::protocol::{ranges_after, Work};
use super::reward::RewardSpec;

/// A primary-market simulation as data (SPEC §4): the engine's configuration with the
/// reward law as a description, and the ET-Simulation options (SPEC §4.1; the default
/// options are SPEC §4's model).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MarketJob(pub MarketConfig<RewardSpec>, #[serde(default)] pub Options);

impl MarketJob {
    /// The engine's market (its checks name the field of bad input).
    pub fn market(&self) -> et_engine::Result<Market> {
        Market::with_options(self.0.with_reward(self.0.reward.build()?), self.1)
    }
}

/// The most recorded values a range of runs sends back at once (about 0.6 MB of JSON,
/// ~8 ms to read on the page's thread: a message is one task there).
pub const PART_VALUES: u64 = 40_000;

/// A market's result over its runs, with the standard errors a first view states.
#[derive(Clone, Debug, PartialEq)]
pub struct MarketRun {
    pub result: MarketResult,
    /// One standard error of the means of the capture, the HHI of tickets held and the
    /// HHI of slots won over the runs (0 from a single run).
    pub se: [f64; 3],
}

/// One standard error of the mean over `runs` of each of `f`'s values.
pub fn std_errors<const K: usize>(runs: &[RunSeries], f: fn(&Totals) -> [f64; K]) -> [f64; K] {
    let n = runs.len() as f64;
    let mut out = [0.0; K];
    if n < 2.0 {
        return out;
    }
    for (k, o) in out.iter_mut().enumerate() {
        let mean = runs.iter().map(|r| f(&r.totals)[k]).sum::<f64>() / n;
        let ss: f64 = runs.iter().map(|r| (f(&r.totals)[k] - mean).powi(2)).sum();
        *o = (ss / (n - 1.0) / n).sqrt();
    }
    out
}

/// The fewest runs with a first view (a fifth of them, so at least two: each has a
/// standard error).
pub const FIRST_VIEW_RUNS: u64 = 10;

/// A run's series recorded at each point besides one a holder (`RunSeries`: paid, sold,
/// quote, outstanding, top share, HHI, Nakamoto, revenue, capture and the three won-slot
/// measures).
const SERIES: u64 = 12;

impl Work for MarketJob {
    const KIND: JobKind = JobKind::Market;
    type Part = RunSeries;
    type Output = MarketRun;

    /// Slots over all runs.
    fn total(&self) -> u64 {
        self.0.slots * self.0.runs
    }

    /// About two ranges of runs a worker (each request carries the job, reward data
    /// included), and no more runs in a range than fit in [`PART_VALUES`] recorded values
    /// (at least one): each range's series come back as one message, read on the page's
    /// thread. Runs are independent streams, merged in run order. From
    /// [`FIRST_VIEW_RUNS`] runs on, the first range is a fifth of the runs: a first view.
    fn ranges(&self, workers: u64) -> Vec<(u64, u64)> {
        let runs = self.0.runs;
        let holders = self.1.drawn.map_or(self.0.holders.len(), |d| d.count) as u64;
        let per_run = self.0.points.min(self.0.slots) * (SERIES + holders);
        let chunk = runs.div_ceil(workers * 2).min(PART_VALUES / per_run.max(1)).max(1);
        // The first view's range may hold more runs than the others (at least
        // FIRST_VIEW_RUNS: each of its stated standard errors is over that many runs).
        let first = if runs >= FIRST_VIEW_RUNS {
            (runs / 5).min(chunk.max(FIRST_VIEW_RUNS))
        } else {
            0
        };
        ranges_after(first, runs, chunk)
    }

    fn run(&self, runs: (u64, u64), progress: &mut dyn FnMut(u64)) -> Result<Vec<RunSeries>, String> {
        let m = self.market().map_err(|e| e.to_string())?;
        Ok((runs.0..runs.1)
            .map(|r| {
                let s = m.run(r);
                progress(self.0.slots);
                s
            })
            .collect())
    }

    fn finish(&self, mut parts: Vec<RunSeries>) -> Result<MarketRun, String> {
        // In run order, as the aggregate sums them: the same bits however ranges arrive.
        parts.sort_unstable_by_key(|r| r.run);
        let se = std_errors(&parts, |t| [t.capture, t.hhi, t.won_hhi]);
        let result = self.market().map_err(|e| e.to_string())?.aggregate(parts);
        Ok(MarketRun { result, se })
    }
}
