//! The JavaScript interface (SPEC §6), behind the `js` feature.
//!
//! Functions take and return plain objects with camelCase fields and throw an `Error`
//! whose message starts with the offending field, e.g. `d: must be positive, got 0`.
//! This module only converts JS values to and from the engine's `api` structs: every
//! model, default and check lives in the engine proper (`api` is shared with Python).

use wasm_bindgen::prelude::*;

use convert::{parse, to_js};

mod contest;
mod convert;
mod lottery;
mod mainnet;
mod market;
mod market_options;
mod market_sweep;
mod mechanisms;
mod secondary;

/// `ticketValue({mu, varR, d, n, share?, lookahead?})`: SPEC §1's closed forms.
#[wasm_bindgen(js_name = ticketValue)]
pub fn ticket_value(input: JsValue) -> Result<JsValue, JsValue> {
    to_js(&crate::api::ticket_value(parse(
        input,
        &crate::api::TICKET_VALUE_FIELDS,
    )?)?)
}

/// `perSlotRate(annualRate)`: the per-slot discount `d` of an annual rate.
#[wasm_bindgen(js_name = perSlotRate)]
pub fn per_slot_rate(annual_rate: f64) -> Result<f64, JsValue> {
    Ok(crate::api::per_slot_rate(annual_rate)?)
}
