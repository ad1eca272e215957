//! Per-slot reward distributions (SPEC §1): constant, exponential, log-normal,
//! Pareto and empirical, each with a validated constructor.

use std::sync::Arc;

use crate::error::{non_negative, positive, EngineError, Result};

/// How an empirical list of rewards is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum EmpiricalMode {
    /// Slot `t` gets value `t mod len`: the data replayed in order.
    Replay,
    /// Each slot draws a value uniformly from the list.
    Resample,
    /// A circular moving-block bootstrap: slot `t` is in block `⌊t / len⌋`, whose start
    /// row `s` is drawn uniformly (one draw the first time the block is asked for, reused
    /// while the same block is asked again); slot `t` gets row `(s + t mod len) mod rows`.
    /// Runs of `len` consecutive rows stay together. `len ≥ 1`.
    Block { len: u64 },
}

choices! {
    /// The reward laws a page offers, without their parameters (menu order).
    pub enum RewardKind {
        /// Log-normal with a mean and a standard deviation.
        LogNormal = ("lognormal", "Log-normal (mean μ, sd)"),
        /// Exponential with a mean.
        Exponential = ("exponential", "Exponential (mean μ; sd = μ)"),
        /// Pareto with a mean; the standard deviation sets the tail index.
        Pareto = ("pareto", "Pareto (mean μ, sd sets the tail index)"),
        /// Always the mean.
        Constant = ("constant", "Constant μ (sd = 0)"),
        /// The user's data, resampled.
        Data = ("data", "My data, resampled"),
        /// The user's data, replayed in order.
        DataReplay = ("data-replay", "My data, replayed in order"),
        /// The six months of mainnet data (`rewards::mainnet`), replayed in order, slots
        /// without a value skipped.
        Mainnet = ("mainnet", "Mainnet, Oct 2023 – Apr 2024 (replayed)"),
    }
}

impl RewardKind {
    /// Whether the law needs loaded data.
    pub fn uses_data(self) -> bool {
        matches!(self, Self::Data | Self::DataReplay)
    }

    /// Whether the law has a free standard deviation.
    pub fn uses_sd(self) -> bool {
        matches!(self, Self::LogNormal | Self::Pareto)
    }
}

/// A per-slot reward distribution (ETH).
#[derive(Debug, Clone, PartialEq)]
pub enum Reward {
    /// Always `mean` (`ln_mean` its logarithm).
    Constant { mean: f64, ln_mean: f64 },
    /// Exponential with this mean (`ln_mean` its logarithm).
    Exponential { mean: f64, ln_mean: f64 },
    /// Log-normal with this mean and coefficient of variation.
    LogNormal {
        mean: f64,
        cv: f64,
        mu_ln: f64,
        sigma_ln: f64,
    },
    /// Pareto with this mean and tail index `> 1`; `scale` is its minimum.
    Pareto {
        mean: f64,
        tail: f64,
        scale: f64,
        ln_scale: f64,
    },
    /// A list of observed rewards.
    Empirical {
        data: Arc<EmpiricalData>,
        mode: EmpiricalMode,
    },
}

/// An empirical reward list with its moments.
#[derive(Debug, Clone, PartialEq)]
pub struct EmpiricalData {
    values: Vec<f64>,
    pub(crate) ln_values: Vec<f64>,
    /// The rows holding a value when some are missing (NaN), else empty: a missing row
    /// draws one of these uniformly at each use.
    pub(crate) known: Vec<u32>,
    mean: f64,
    variance: f64,
}

impl EmpiricalData {
    /// The rewards, in order (NaN marks a missing row, see [`Reward::empirical_with_gaps`]).
    pub fn values(&self) -> &[f64] {
        &self.values
    }
}

impl Reward {
    /// A constant reward `mean ≥ 0`.
    ///
    /// ```
    /// use et_engine::rewards::Reward;
    /// let r = Reward::constant(0.05).unwrap();
    /// assert_eq!((r.mean(), r.variance()), (0.05, 0.0));
    /// ```
    pub fn constant(mean: f64) -> Result<Self> {
        non_negative("mean", mean)?;
        Ok(Self::Constant {
            mean,
            ln_mean: libm::log(mean),
        })
    }

    /// An exponential reward with `mean > 0`.
    ///
    /// ```
    /// use et_engine::rewards::Reward;
    /// let r = Reward::exponential(0.05).unwrap();
    /// assert_eq!((r.mean(), r.variance()), (0.05, 0.05 * 0.05));
    /// ```
    pub fn exponential(mean: f64) -> Result<Self> {
        positive("mean", mean)?;
        Ok(Self::Exponential {
            mean,
            ln_mean: libm::log(mean),
        })
    }

    /// A log-normal reward with `mean > 0` and coefficient of variation `cv > 0`.
    ///
    /// # Formula
    /// `σ² = ln(1 + cv²)`, `μ_ln = ln(mean) − σ²/2`.
    ///
    /// ```
    /// use et_engine::rewards::Reward;
    /// let r = Reward::lognormal(0.05, 2.0).unwrap();
    /// assert_eq!(r.mean(), 0.05);
    /// assert!((r.variance() - 0.01).abs() < 1e-15); // (mean · cv)²
    /// ```
    pub fn lognormal(mean: f64, cv: f64) -> Result<Self> {
        positive("mean", mean)?;
        positive("cv", cv)?;
        let s2 = libm::log1p(cv * cv);
        Ok(Self::LogNormal {
            mean,
            cv,
            mu_ln: libm::log(mean) - s2 / 2.0,
            sigma_ln: s2.sqrt(),
        })
    }

    /// A Pareto reward with `mean > 0` and tail index `tail > 1`.
    ///
    /// # Formula
    /// minimum `x_m = mean (α − 1)/α`; `R = x_m U^(−1/α)`.
    ///
    /// ```
    /// use et_engine::rewards::Reward;
    /// let r = Reward::pareto(1.0, 3.0).unwrap(); // minimum 2/3
    /// assert!((r.variance() - 1.0 / 3.0).abs() < 1e-15); // x_m² α / ((α − 1)² (α − 2))
    /// assert_eq!(Reward::pareto(1.0, 1.0).unwrap_err().field(), "tailIndex");
    /// ```
    pub fn pareto(mean: f64, tail: f64) -> Result<Self> {
        positive("mean", mean)?;
        crate::error::finite("tailIndex", tail)?;
        if tail <= 1.0 {
            return Err(EngineError::invalid(
                "tailIndex",
                format!("must be greater than 1 for a finite mean, got {tail}"),
            ));
        }
        let scale = mean * (tail - 1.0) / tail;
        Ok(Self::Pareto {
            mean,
            tail,
            scale,
            ln_scale: libm::log(scale),
        })
    }

    /// An empirical list of rewards: non-empty, every value finite and `≥ 0`.
    ///
    /// ```
    /// use et_engine::rewards::{EmpiricalMode, Reward};
    /// let r = Reward::empirical(vec![1.0, 0.0, 2.0], EmpiricalMode::Resample).unwrap();
    /// assert_eq!(r.mean(), 1.0);
    /// assert!((r.variance() - 2.0 / 3.0).abs() < 1e-15);
    /// ```
    pub fn empirical(values: Vec<f64>, mode: EmpiricalMode) -> Result<Self> {
        Self::empirical_list(values, mode, false)
    }

    /// An empirical list where NaN marks a missing row (a slot without an observed
    /// value): each use of a missing row draws a row uniformly from the rows holding a
    /// value (one extra uniform draw). The mean and variance are over the rows holding a
    /// value; at least one must. Without NaN this is [`Reward::empirical`].
    ///
    /// ```
    /// use et_engine::rewards::{EmpiricalMode, Reward};
    /// let r = Reward::empirical_with_gaps(vec![1.0, f64::NAN, 3.0], EmpiricalMode::Replay).unwrap();
    /// assert_eq!(r.mean(), 2.0);
    /// ```
    pub fn empirical_with_gaps(values: Vec<f64>, mode: EmpiricalMode) -> Result<Self> {
        Self::empirical_list(values, mode, true)
    }

    fn empirical_list(values: Vec<f64>, mode: EmpiricalMode, gaps: bool) -> Result<Self> {
        if values.is_empty() {
            return Err(EngineError::invalid("values", "must hold at least one reward"));
        }
        if let EmpiricalMode::Block { len: 0 } = mode {
            return Err(EngineError::invalid("block", "must be at least 1 slot, got 0"));
        }
        for (i, &v) in values.iter().enumerate() {
            if !((v.is_finite() && v >= 0.0) || (gaps && v.is_nan())) {
                return Err(EngineError::invalid(
                    format!("values[{i}]"),
                    format!("must be a finite reward ≥ 0, got {v}"),
                ));
            }
        }
        let known: Vec<u32> = match values.iter().any(|v| v.is_nan()) {
            false => Vec::new(),
            true if values.len() > u32::MAX as usize => {
                return Err(EngineError::invalid("values", "too many rows with gaps"))
            }
            true => (0..values.len() as u32)
                .filter(|&i| !values[i as usize].is_nan())
                .collect(),
        };
        let (mean, variance) = match known.is_empty() {
            true => moments(values.iter().copied(), values.len()),
            false => moments(known.iter().map(|&i| values[i as usize]), known.len()),
        };
        if mean.is_nan() {
            return Err(EngineError::invalid("values", "must hold at least one value"));
        }
        let ln_values = values.iter().map(|&v| libm::log(v)).collect();
        Ok(Self::Empirical {
            data: Arc::new(EmpiricalData {
                values,
                ln_values,
                known,
                mean,
                variance,
            }),
            mode,
        })
    }

    /// The mean reward.
    pub fn mean(&self) -> f64 {
        match self {
            Self::Constant { mean, .. } | Self::Exponential { mean, .. } => *mean,
            Self::LogNormal { mean, .. } | Self::Pareto { mean, .. } => *mean,
            Self::Empirical { data, .. } => data.mean,
        }
    }

    /// The variance of the reward (∞ for a Pareto tail index ≤ 2; the population
    /// variance of an empirical list).
    pub fn variance(&self) -> f64 {
        match self {
            Self::Constant { .. } => 0.0,
            Self::Exponential { mean, .. } => mean * mean,
            Self::LogNormal { mean, cv, .. } => (mean * cv) * (mean * cv),
            Self::Pareto { tail, scale, .. } if *tail > 2.0 => {
                scale * scale * tail / ((tail - 1.0) * (tail - 1.0) * (tail - 2.0))
            }
            Self::Pareto { .. } => f64::INFINITY,
            Self::Empirical { data, .. } => data.variance,
        }
    }
}

/// The mean and population variance of `n` values, summed in order.
fn moments(values: impl Iterator<Item = f64> + Clone, n: usize) -> (f64, f64) {
    let nf = n as f64;
    let mean = values.clone().sum::<f64>() / nf;
    let variance = values.map(|v| (v - mean) * (v - mean)).sum::<f64>() / nf;
    (mean, variance)
}

#[cfg(test)]
#[path = "laws_tests.rs"]
mod tests;
