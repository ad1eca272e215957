//! The mainnet data's functions: `loadMainnet`, `mainnetSummary`, and the `mainnet`
//! reward kind (built here for every function that takes a `reward`).
//!
//! The loaded data is kept for the process (one store for every thread, so a face may
//! run a mainnet reward's blocks anywhere), with the last reward built from it.

use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use super::{whole, Quantile};
use crate::error::{EngineError, Result};
use crate::rewards::mainnet::source::DEFAULT_BLOCK;
use crate::rewards::mainnet::{summary, MainnetData, MainnetMode, MainnetSource, Missing};
use crate::rewards::Reward;

/// The loaded data, and the last reward built from it (a window's list costs a pass).
static DATA: Mutex<Option<Arc<MainnetData>>> = Mutex::new(None);
static LAST: Mutex<Option<(MainnetSource, Reward)>> = Mutex::new(None);

fn loaded() -> Result<Arc<MainnetData>> {
    DATA.lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone()
        .ok_or_else(|| EngineError::invalid("kind", "mainnet data is not loaded; call loadMainnet(bytes) first"))
}

fn slot(field: &str, v: Option<f64>) -> Result<Option<u64>> {
    v.map(|v| whole(field, v, 0.0, 9_007_199_254_740_991.0)).transpose()
}

/// `loadMainnet`'s output.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Loaded {
    first_slot: u64,
    last_slot: u64,
    first_block: u64,
    slots: u64,
}

/// `loadMainnet(bytes)` → `{firstSlot, lastSlot, firstBlock, slots}`: decodes and keeps
/// the mainnet asset for `mainnetSummary` and `{kind: "mainnet"}` rewards; an error
/// starting `mainnet data:` says why a buffer is rejected.
pub fn load_mainnet(bytes: &[u8]) -> Result<Loaded> {
    let data = MainnetData::from_bytes(bytes)?;
    let out = Loaded {
        first_slot: data.first_slot(),
        last_slot: data.last_slot(),
        first_block: data.first_block(),
        slots: data.slots() as u64,
    };
    *DATA.lock().unwrap_or_else(|e| e.into_inner()) = Some(Arc::new(data));
    *LAST.lock().unwrap_or_else(|e| e.into_inner()) = None;
    Ok(out)
}

/// The fields of `mainnetSummary`'s input.
pub const WINDOW_FIELDS: [&str; 2] = ["from", "to"];

/// `mainnetSummary`'s input (slots, inclusive).
#[derive(Deserialize, Default)]
pub struct WindowInput {
    from: Option<f64>,
    to: Option<f64>,
}

/// `mainnetSummary`'s output.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SummaryOutput {
    first_slot: u64,
    last_slot: u64,
    slots: u64,
    blocks: u64,
    missed_slots: u64,
    with_value: u64,
    without_mev_boost: u64,
    unknown: u64,
    total: f64,
    mean: f64,
    median: f64,
    sd: f64,
    max: f64,
    quantiles: Vec<Quantile>,
    builders: Vec<crate::rewards::mainnet::BuilderShare>,
    builder_hhi: f64,
    longest_run: Option<crate::rewards::mainnet::LongestRun>,
}

/// `mainnetSummary({from?, to?})` (slots, inclusive; default all the data) → the window's
/// counts, moments, quantiles, builders, HHI and longest run (engine `mainnet::summary`).
pub fn mainnet_summary(i: WindowInput) -> Result<SummaryOutput> {
    let data =
        loaded().map_err(|_| EngineError::invalid("mainnet data", "is not loaded; call loadMainnet(bytes) first"))?;
    let s = summary(&data, slot("from", i.from)?, slot("to", i.to)?)?;
    Ok(SummaryOutput {
        first_slot: s.first_slot,
        last_slot: s.last_slot,
        slots: s.slots,
        blocks: s.blocks,
        missed_slots: s.missed_slots,
        with_value: s.with_value,
        without_mev_boost: s.without_mev_boost,
        unknown: s.unknown,
        total: s.total,
        mean: s.mean,
        median: s.median,
        sd: s.sd,
        max: s.max,
        quantiles: Quantile::list(&s.quantiles),
        builders: s.builders,
        builder_hhi: s.builder_hhi,
        longest_run: s.longest_run,
    })
}

/// The reward `{kind: "mainnet", from?, to?, mode?, block?, missing?}`; errors name the
/// field inside the reward (the caller prefixes `reward.`).
pub(crate) fn reward(
    from: Option<f64>,
    to: Option<f64>,
    mode: Option<&str>,
    block: Option<f64>,
    missing: Option<&str>,
) -> Result<Reward> {
    let data = loaded()?;
    let block = whole("block", block.unwrap_or(DEFAULT_BLOCK as f64), 1.0, 1e9)?;
    let mode = match mode {
        None | Some("replay") => MainnetMode::Replay,
        Some("resample") => MainnetMode::Resample { block },
        Some(m) => {
            return Err(EngineError::invalid(
                "mode",
                format!("must be \"replay\" or \"resample\", got \"{m}\""),
            ))
        }
    };
    let missing = match missing {
        None | Some("skip") => Missing::Skip,
        Some("zero") => Missing::Zero,
        Some("resample") => Missing::Resample,
        Some(m) => {
            return Err(EngineError::invalid(
                "missing",
                format!("must be \"skip\", \"zero\" or \"resample\", got \"{m}\""),
            ))
        }
    };
    let source = MainnetSource {
        from: slot("from", from)?,
        to: slot("to", to)?,
        mode,
        missing,
    };
    let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, r)) = last.as_ref().filter(|(s, _)| *s == source) {
        return Ok(r.clone());
    }
    let r = source.reward(&data)?;
    *last = Some((source, r.clone()));
    Ok(r)
}
