//! Messages between the page and its Monte Carlo workers (JSON text).

use et_engine::rewards::{EmpiricalMode, Reward};
use et_engine::ticket_mc::{McPartial, TicketMonteCarlo};
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

/// Page → worker.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Request {
    /// Run blocks `blocks.0..blocks.1` of experiment `task` of run `run`.
    Blocks {
        run: u64,
        task: usize,
        job: McJob,
        blocks: (u64, u64),
    },
}

/// Worker → page.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Response {
    /// Loaded and listening.
    Ready,
    /// `samples` more samples done.
    Progress { run: u64, samples: u64 },
    /// The partial results of a request.
    Done {
        run: u64,
        task: usize,
        parts: Vec<McPartial>,
    },
    /// The request could not run.
    Failed { run: u64, message: String },
}
