//! JS functions of the mainnet data: `loadMainnet`, `mainnetSummary`, and the `mainnet`
//! reward kind (built here for every function that takes a `reward`).

use std::cell::RefCell;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use super::convert::{parse, to_js, whole};
use crate::error::{EngineError, Result};
use crate::rewards::mainnet::source::DEFAULT_BLOCK;
use crate::rewards::mainnet::{summary, MainnetData, MainnetMode, MainnetSource, Missing};
use crate::rewards::Reward;

thread_local! {
    /// The loaded data, and the last reward built from it (a window's list costs a pass).
    static DATA: RefCell<Option<Arc<MainnetData>>> = const { RefCell::new(None) };
    static LAST: RefCell<Option<(MainnetSource, Reward)>> = const { RefCell::new(None) };
}

fn loaded() -> Result<Arc<MainnetData>> {
    DATA.with(|d| d.borrow().clone())
        .ok_or_else(|| EngineError::invalid("kind", "mainnet data is not loaded; call loadMainnet(bytes) first"))
}

fn slot(field: &str, v: Option<f64>) -> Result<Option<u64>> {
    v.map(|v| whole(field, v, 0.0, 9_007_199_254_740_991.0)).transpose()
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Loaded {
    first_slot: u64,
    last_slot: u64,
    first_block: u64,
    slots: u64,
}

/// `loadMainnet(bytes: Uint8Array)` → `{firstSlot, lastSlot, firstBlock, slots}`: decodes
/// and keeps the mainnet asset for `mainnetSummary` and `{kind: "mainnet"}` rewards; an
/// Error starting `mainnet data:` says why a buffer is rejected.
#[wasm_bindgen(js_name = loadMainnet)]
pub fn load_mainnet(bytes: &[u8]) -> std::result::Result<JsValue, JsValue> {
    let data = MainnetData::from_bytes(bytes)?;
    let out = Loaded {
        first_slot: data.first_slot(),
        last_slot: data.last_slot(),
        first_block: data.first_block(),
        slots: data.slots() as u64,
    };
    DATA.with(|d| *d.borrow_mut() = Some(Arc::new(data)));
    LAST.with(|l| *l.borrow_mut() = None);
    to_js(&out)
}

#[derive(Deserialize, Default)]
struct WindowInput {
    from: Option<f64>,
    to: Option<f64>,
}

#[derive(Serialize)]
struct Quantile {
    p: f64,
    value: f64,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SummaryOutput {
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
#[wasm_bindgen(js_name = mainnetSummary)]
pub fn mainnet_summary(input: JsValue) -> std::result::Result<JsValue, JsValue> {
    let i: WindowInput = match input.is_undefined() || input.is_null() {
        true => WindowInput::default(),
        false => parse(input, &["from", "to"])?,
    };
    let data =
        loaded().map_err(|_| EngineError::invalid("mainnet data", "is not loaded; call loadMainnet(bytes) first"))?;
    let s = summary(&data, slot("from", i.from)?, slot("to", i.to)?)?;
    to_js(&SummaryOutput {
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
        quantiles: s.quantiles.iter().map(|&(p, value)| Quantile { p, value }).collect(),
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
    if let Some(r) = LAST.with(|l| {
        l.borrow()
            .as_ref()
            .filter(|(s, _)| *s == source)
            .map(|(_, r)| r.clone())
    }) {
        return Ok(r);
    }
    let r = source.reward(&data)?;
    LAST.with(|l| *l.borrow_mut() = Some((source, r.clone())));
    Ok(r)
}
