//! A reward law as data, as the workers receive it.

use et_engine::choice::Choice;
use et_engine::rewards::mainnet::{MainnetMode, MainnetSource, Missing};
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
    /// A window of the mainnet data (slots `from..=to`): replayed (`block` 0) or resampled
    /// in blocks of `block` slots, slots without a value treated as `missing` (a
    /// [`MissingChoice`] key), every value times `scale`. The data itself is not in the message: the thread that
    /// builds the law must have loaded it ([`super::mainnet_data`] says why).
    Mainnet {
        from: u64,
        to: u64,
        block: u64,
        missing: String,
        /// Every value times this (1: ETH).
        #[serde(default = "one")]
        scale: f64,
    },
}

/// The mainnet data's first and last slots (the asset's header; the Mainnet page's
/// tests check them against the file).
pub const MAINNET_FIRST_SLOT: u64 = 7_509_685;
pub const MAINNET_LAST_SLOT: u64 = 8_822_072;

fn one() -> f64 {
    1.0
}

et_engine::choices! {
    /// What a slot without a value (missed, a local block, a relay the source does not
    /// cover) is worth in a mainnet reward law.
    pub enum MissingChoice {
        /// Left out (the default).
        Skip = ("skip", "skipped (left out)"),
        /// Worth 0.
        Zero = ("zero", "worth 0"),
        /// Drawn from the window's values at each use.
        Resample = ("resample", "drawn from the window's values"),
    }
}

impl MissingChoice {
    /// The engine's choice.
    pub fn engine(self) -> Missing {
        match self {
            Self::Skip => Missing::Skip,
            Self::Zero => Missing::Zero,
            Self::Resample => Missing::Resample,
        }
    }
}

/// The engine's source of a [`RewardSpec::Mainnet`]'s fields.
fn mainnet_source(from: u64, to: u64, block: u64, missing: &str) -> et_engine::Result<MainnetSource> {
    let missing = MissingChoice::parse("missing", missing)?;
    Ok(MainnetSource {
        from: Some(from),
        to: Some(to),
        mode: if block == 0 {
            MainnetMode::Replay
        } else {
            MainnetMode::Resample { block }
        },
        missing: missing.engine(),
    })
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
            Self::Mainnet {
                from,
                to,
                block,
                missing,
                scale,
            } => {
                let data = super::mainnet_data::loaded().ok_or_else(|| {
                    et_engine::EngineError::invalid("reward.kind", "mainnet data is not loaded on this thread")
                })?;
                mainnet_source(*from, *to, *block, missing)?.scaled_reward(&data, *scale)
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
    /// of 0 makes a constant law. Mainnet is the whole six months, replayed, slots without
    /// a value skipped (the thread that builds it must have loaded the data).
    pub fn of(kind: RewardKind, mu: f64, sd: f64, data: Option<&[f64]>) -> Self {
        match (kind, data) {
            (RewardKind::Mainnet, _) => Self::Mainnet {
                from: MAINNET_FIRST_SLOT,
                to: MAINNET_LAST_SLOT,
                block: 0,
                missing: MissingChoice::Skip.key().into(),
                scale: 1.0,
            },
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::worker::mainnet_data;
    use et_engine::rewards::mainnet::MainnetData;

    fn spec(block: u64, missing: &str) -> RewardSpec {
        RewardSpec::Mainnet {
            from: 7_509_685,
            to: 7_510_684,
            block,
            missing: missing.into(),
            scale: 1.0,
        }
    }

    #[test]
    fn a_mainnet_window_needs_the_data_and_names_its_fields() {
        // Each test runs on its own thread: nothing is loaded here yet.
        assert_eq!(spec(0, "skip").build().unwrap_err().field(), "reward.kind");
        let small = include_bytes!("../../engine/tests/fixtures/mainnet_small.bin");
        mainnet_data::keep(MainnetData::from_bytes(small).unwrap());
        let replay = spec(0, "skip").build().unwrap();
        let values = MainnetSource {
            from: Some(7_509_685),
            to: Some(7_510_684),
            ..MainnetSource::default()
        }
        .values(&mainnet_data::loaded().unwrap())
        .unwrap();
        assert_eq!(replay.mean(), values.iter().sum::<f64>() / values.len() as f64);
        assert!(spec(32, "resample").build().is_ok());
        assert_eq!(spec(0, "maybe").build().unwrap_err().field(), "missing");
        let text = serde_json::to_string(&spec(0, "zero")).unwrap();
        assert!(crate::worker::needs_mainnet_for_tests(&text), "{text}");
        assert_eq!(serde_json::from_str::<RewardSpec>(&text).unwrap(), spec(0, "zero"));
    }

    #[test]
    fn the_pages_mainnet_choice_is_the_six_months_replayed() {
        let s = RewardSpec::of(RewardKind::Mainnet, 0.05, 0.15, None);
        assert_eq!(
            s,
            RewardSpec::Mainnet {
                from: MAINNET_FIRST_SLOT,
                to: MAINNET_LAST_SLOT,
                block: 0,
                missing: "skip".into(),
                scale: 1.0,
            }
        );
        assert_eq!(
            s.build().unwrap_err().field(),
            "reward.kind",
            "not loaded on this thread"
        );
    }
}
