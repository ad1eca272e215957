//! Messages between the page and its workers (JSON text), and the [`Work`] they share.

use et_engine::rewards::{EmpiricalMode, Reward};
use et_engine::ticket_mc::{McPartial, McResult, TicketMonteCarlo};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// A reward distribution as data: kind, mean and standard deviation (or the data).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum RewardSpec {
    Constant {
        mean: f64,
    },
    Exponential {
        mean: f64,
    },
    LogNormal {
        mean: f64,
        sd: f64,
    },
    /// Pareto with the tail index that gives this standard deviation.
    Pareto {
        mean: f64,
        sd: f64,
    },
    Empirical {
        values: Vec<f64>,
        replay: bool,
    },
}

impl RewardSpec {
    /// The engine's distribution.
    pub fn build(&self) -> et_engine::Result<Reward> {
        match self {
            Self::Constant { mean } => Reward::constant(*mean),
            Self::Exponential { mean } => Reward::exponential(*mean),
            Self::LogNormal { mean, sd } => Reward::lognormal(*mean, sd / mean),
            Self::Pareto { mean, sd } => Reward::pareto(*mean, pareto_tail(sd / mean)),
            Self::Empirical { values, replay } => {
                let mode = if *replay {
                    EmpiricalMode::Replay
                } else {
                    EmpiricalMode::Resample
                };
                Reward::empirical(values.clone(), mode)
            }
        }
    }
}

/// The tail index α of a Pareto law with coefficient of variation `cv`:
/// `cv² = 1 / (α (α − 2))`, so `α = 1 + √(1 + 1/cv²)`.
pub fn pareto_tail(cv: f64) -> f64 {
    1.0 + (1.0 + 1.0 / (cv * cv)).sqrt()
}

/// Work a pool of workers can share: cut into ranges, run anywhere, merged in order.
pub trait Work: Clone + Serialize + DeserializeOwned + 'static {
    /// The tag that tells the worker which kind of work a request holds.
    const KIND: &'static str;
    /// What one range of work gives back (sent from a worker as JSON).
    type Part: Serialize + DeserializeOwned + 'static;
    /// The merged result.
    type Output: 'static;

    /// Progress units in all (samples, slots, …).
    fn total(&self) -> u64;
    /// The ranges of work to share among `workers` workers, in order.
    fn ranges(&self, workers: u64) -> Vec<(u64, u64)>;
    /// Runs one range, reporting progress units as they are done.
    fn run(&self, range: (u64, u64), progress: &mut dyn FnMut(u64)) -> Result<Vec<Self::Part>, String>;
    /// Merges the parts of every range (in any order).
    fn finish(&self, parts: Vec<Self::Part>) -> Result<Self::Output, String>;

    /// The whole job on this thread.
    fn run_all(&self) -> Result<Self::Output, String> {
        let mut parts = Vec::new();
        for r in self.ranges(1) {
            parts.extend(self.run(r, &mut |_| ())?);
        }
        self.finish(parts)
    }
}

/// One experiment: the lottery at `n` with a reward law, seed and sample count.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct McJob {
    pub n: f64,
    pub d: f64,
    pub lookahead: u64,
    pub reward: RewardSpec,
    pub seed: u64,
    pub samples: u64,
}

/// Samples between two progress messages (a few a second: the page thread shares the cores).
const PROGRESS_EVERY: u64 = 1 << 23;

impl McJob {
    /// The engine's experiment.
    pub fn experiment(&self) -> et_engine::Result<TicketMonteCarlo> {
        TicketMonteCarlo::new(self.n, self.d, self.reward.build()?, self.lookahead)
    }

    /// Number of blocks.
    pub fn blocks(&self) -> u64 {
        self.samples.div_ceil(et_engine::ticket_mc::BLOCK)
    }
}

impl Work for McJob {
    const KIND: &'static str = "mc";
    type Part = McPartial;
    type Output = McResult;

    fn total(&self) -> u64 {
        self.samples
    }

    /// Ranges of blocks, about four a worker.
    fn ranges(&self, workers: u64) -> Vec<(u64, u64)> {
        let blocks = self.blocks();
        let chunk = blocks.div_ceil(workers * 4).max(1);
        (0..blocks)
            .step_by(chunk as usize)
            .map(|b| (b, (b + chunk).min(blocks)))
            .collect()
    }

    fn run(&self, blocks: (u64, u64), progress: &mut dyn FnMut(u64)) -> Result<Vec<McPartial>, String> {
        let mc = self.experiment().map_err(|e| e.to_string())?;
        let per_chunk = (PROGRESS_EVERY / et_engine::ticket_mc::BLOCK).max(1);
        let mut parts = Vec::new();
        let mut b = blocks.0;
        while b < blocks.1 {
            let end = (b + per_chunk).min(blocks.1);
            let part = mc.run_blocks(self.seed, b..end, self.samples);
            progress(part.blocks.iter().map(|s| s.count).sum());
            parts.push(part);
            b = end;
        }
        Ok(parts)
    }

    fn finish(&self, parts: Vec<McPartial>) -> Result<McResult, String> {
        Ok(self.experiment().map_err(|e| e.to_string())?.finish(parts))
    }
}

/// Page → worker: range `range` of job `task` of the pool's run `run`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Request<W> {
    pub kind: String,
    pub run: u64,
    pub task: usize,
    pub job: W,
    pub range: (u64, u64),
}

/// The kind of a request, read before the rest.
#[derive(Deserialize)]
pub struct Kind {
    pub kind: String,
}

/// Worker → page.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Response<P> {
    /// Loaded and listening.
    Ready,
    /// `units` more progress units done.
    Progress { run: u64, units: u64 },
    /// The parts of a request.
    Done { run: u64, task: usize, parts: Vec<P> },
    /// The request could not run.
    Failed { run: u64, message: String },
}
