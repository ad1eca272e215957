//! JS functions of the mainnet data: `loadMainnet`, `mainnetSummary` (the `mainnet`
//! reward kind is built by the engine's `api::mainnet` for every function that takes a
//! `reward`).

use wasm_bindgen::prelude::*;

use super::convert::{parse, to_js};
use crate::api::mainnet::{self as api, WindowInput, WINDOW_FIELDS};

/// `loadMainnet(bytes: Uint8Array)` → `{firstSlot, lastSlot, firstBlock, slots}`: decodes
/// and keeps the mainnet asset for `mainnetSummary` and `{kind: "mainnet"}` rewards; an
/// Error starting `mainnet data:` says why a buffer is rejected.
#[wasm_bindgen(js_name = loadMainnet)]
pub fn load_mainnet(bytes: &[u8]) -> Result<JsValue, JsValue> {
    to_js(&api::load_mainnet(bytes)?)
}

/// `mainnetSummary({from?, to?})` (slots, inclusive; default all the data) → the window's
/// counts, moments, quantiles, builders, HHI and longest run (engine `mainnet::summary`).
#[wasm_bindgen(js_name = mainnetSummary)]
pub fn mainnet_summary(input: JsValue) -> Result<JsValue, JsValue> {
    let i: WindowInput = match input.is_undefined() || input.is_null() {
        true => WindowInput::default(),
        false => parse(input, &WINDOW_FIELDS)?,
    };
    to_js(&api::mainnet_summary(i)?)
}
