//! A window of mainnet slots as a reward law, usable wherever a [`Reward`] is (the
//! lottery Monte Carlo, holders, pools, the primary market, the mechanisms).
//!
//! The window's slots become an empirical list of per-slot rewards in ETH, one a slot in
//! slot order, after the choice for slots without a value ([`Missing`]):
//! - [`Missing::Skip`] (default): such slots are dropped; the list holds the blocks with
//!   a value;
//! - [`Missing::Zero`]: they pay 0 (a missed slot pays its proposer nothing; a local or
//!   unknown block counted as 0 is a lower bound);
//! - [`Missing::Resample`]: each use of such a slot draws a value uniformly from the
//!   window's blocks with a value, afresh at every draw, from the run's own seeded stream
//!   (so it is deterministic and the same natively and in wasm).
//!
//! Then [`MainnetMode`]:
//! - [`MainnetMode::Replay`] (default): slot `t` (0-based) gets row `t mod len` — the
//!   window in order, wrapping around; over whole passes it reproduces the window's mean;
//! - [`MainnetMode::Resample`]: a circular moving-block bootstrap (Politis & Romano's
//!   circular block bootstrap): slots are cut into blocks of `block` consecutive slots
//!   (default 32, one epoch), `⌊t / block⌋`; each block starts at a row drawn uniformly
//!   from the list and reads on from there (wrapping around), so runs of busy slots stay
//!   together. A block's start is drawn the first time the block is asked for (one
//!   uniform draw from the run's stream) and reused while the same block is asked again;
//!   `block = 1` is plain uniform resampling.
//!
//! The law's mean and variance are the list's (over the blocks with a value for
//! `Missing::Resample`, which is what a slot is worth in expectation).

use super::summary::window;
use super::{gwei_to_eth, MainnetData};
use crate::error::{EngineError, Result};
use crate::rewards::laws::{EmpiricalMode, Reward};

/// The default block length of [`MainnetMode::Resample`]: 32 slots, one epoch.
pub const DEFAULT_BLOCK: u64 = 32;

/// How the window's slots are used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MainnetMode {
    /// In order, wrapping around.
    Replay,
    /// Circular moving-block bootstrap with blocks of `block ≥ 1` slots.
    Resample { block: u64 },
}

/// What a slot without a value (missed, local block, relay out of scope) is worth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// Dropped from the list.
    Skip,
    /// Zero.
    Zero,
    /// Drawn uniformly from the window's values at each use.
    Resample,
}

/// A window of mainnet slots as a reward law; the default is the whole data, replayed,
/// missing slots skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MainnetSource {
    /// The first slot (default: the data's first).
    pub from: Option<u64>,
    /// The last slot, inclusive (default: the data's last).
    pub to: Option<u64>,
    pub mode: MainnetMode,
    pub missing: Missing,
}

impl Default for MainnetSource {
    fn default() -> Self {
        Self {
            from: None,
            to: None,
            mode: MainnetMode::Replay,
            missing: Missing::Skip,
        }
    }
}

impl MainnetSource {
    /// The window's per-slot rewards in ETH after the missing-slot choice (NaN marks a
    /// slot to draw from the values under [`Missing::Resample`]). Errors name `from`, `to`,
    /// or `from` again when the window has no value to draw from.
    pub fn values(&self, d: &MainnetData) -> Result<Vec<f64>> {
        let (lo, hi) = window(d, self.from, self.to)?;
        let mut out = Vec::with_capacity(hi - lo + 1);
        let mut known = 0usize;
        for i in lo..=hi {
            if d.status[i] == 0 {
                out.push(gwei_to_eth(d.gwei[i]));
                known += 1;
            } else {
                match self.missing {
                    Missing::Skip => {}
                    Missing::Zero => out.push(0.0),
                    Missing::Resample => out.push(f64::NAN),
                }
            }
        }
        if known == 0 && self.missing != Missing::Zero {
            return Err(EngineError::invalid(
                "from",
                "the window holds no block with a value (choose another window, or missing: zero)",
            ));
        }
        Ok(out)
    }

    /// The reward law of this window. Errors name `from`, `to` or `block`.
    pub fn reward(&self, d: &MainnetData) -> Result<Reward> {
        self.scaled_reward(d, 1.0)
    }

    /// The reward law of this window with every value multiplied by `scale > 0` (a model
    /// calibrated in other units, e.g. the ET-Simulation study's mean reward of 30, runs
    /// on the window's shape: its unit-free results are the window's). Errors name
    /// `from`, `to`, `block` or `scale`.
    pub fn scaled_reward(&self, d: &MainnetData, scale: f64) -> Result<Reward> {
        crate::error::positive("scale", scale)?;
        let mode = match self.mode {
            MainnetMode::Replay => EmpiricalMode::Replay,
            MainnetMode::Resample { block: 0 } => {
                return Err(EngineError::invalid("block", "must be at least 1 slot, got 0"))
            }
            MainnetMode::Resample { block: 1 } => EmpiricalMode::Resample,
            MainnetMode::Resample { block } => EmpiricalMode::Block { len: block },
        };
        let mut values = self.values(d)?;
        if scale != 1.0 {
            values.iter_mut().for_each(|v| *v *= scale);
        }
        Reward::empirical_with_gaps(values, mode)
    }
}
