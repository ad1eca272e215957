//! The primary market's holders as JS values (a list or a preset object).

use wasm_bindgen::prelude::*;

use super::convert::deserialize_at;
use crate::api::market_options::{
    holders_list, holders_neither, holders_preset, HolderInput, HoldersSpec, PresetInput,
};

/// `holders`: a list of `{budget, capture, discount, margin}`, `{preset, count,
/// discount?}`, or `{preset: "drawn", count, captureSpread?}` (the study's population
/// drawn from each run's seed).
pub(super) fn holders(input: &JsValue) -> Result<HoldersSpec, JsValue> {
    let value = js_sys::Reflect::get(input, &JsValue::from_str("holders"))?;
    if value.is_undefined() {
        return Ok(HoldersSpec::Missing);
    }
    if js_sys::Array::is_array(&value) {
        let list: Vec<HolderInput> = deserialize_at(value, "holders")?;
        return Ok(holders_list(list));
    }
    if !value.is_object() {
        return Err(holders_neither().into());
    }
    let p: PresetInput = deserialize_at(value, "holders")?;
    Ok(holders_preset(p)?)
}
