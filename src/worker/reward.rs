//! A reward law as data, as the workers receive it.

use et_engine::rewards::{EmpiricalMode, Reward, RewardKind};
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

impl RewardSpec {
    /// The law a page's menu choice gives with the page's μ and sd, and the loaded data
    /// (`None`: not loaded, then the log-normal law stands in). A free standard deviation
    /// of 0 makes a constant law.
    pub fn of(kind: RewardKind, mu: f64, sd: f64, data: Option<&[f64]>) -> Self {
        match (kind, data) {
            (k, Some(values)) if k.uses_data() => Self::Empirical {
                values: values.to_vec(),
                replay: k == RewardKind::DataReplay,
            },
            (RewardKind::Exponential, _) => Self::Exponential { mean: mu },
            (RewardKind::Constant, _) => Self::Constant { mean: mu },
            (RewardKind::Pareto, _) if sd > 0.0 => Self::Pareto { mean: mu, sd },
            (_, _) if sd > 0.0 => Self::LogNormal { mean: mu, sd },
            _ => Self::Constant { mean: mu },
        }
    }
}
