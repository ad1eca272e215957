//! The JavaScript interface (SPEC §6), behind the `js` feature.
//!
//! Functions take and return plain objects with camelCase fields and throw an `Error`
//! whose message starts with the offending field, e.g. `d: must be positive, got 0`.
//! This module only converts: every model and every check lives in the engine proper.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::lottery::closed_form::Lottery;
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

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct TicketValueInput {
    mu: f64,
    var_r: f64,
    d: f64,
    n: f64,
    share: Option<f64>,
    lookahead: Option<f64>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TicketValueOutput {
    ticket_value: f64,
    ticket_variance: f64,
    total_npv: f64,
    issued_value: f64,
    unissued_value: f64,
    expected_wait_slots: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    share_value: Option<f64>,
}

/// `ticketValue({mu, varR, d, n, share?, lookahead?})`: SPEC §1's closed forms.
#[wasm_bindgen(js_name = ticketValue)]
pub fn ticket_value(input: JsValue) -> Result<JsValue, JsValue> {
    let i: TicketValueInput = parse(input, &["mu", "varR", "d", "n", "share", "lookahead"])?;
    let s = Lottery::new(i.mu, i.var_r, i.d, i.n)?.summary(i.share, i.lookahead.unwrap_or(0.0))?;
    to_js(&TicketValueOutput {
        ticket_value: s.ticket_value,
        ticket_variance: s.ticket_variance,
        total_npv: s.total_npv,
        issued_value: s.issued_value,
        unissued_value: s.unissued_value,
        expected_wait_slots: s.expected_wait_slots,
        share_value: s.share_value,
    })
}

/// `perSlotRate(annualRate)`: the per-slot discount `d` of an annual rate.
#[wasm_bindgen(js_name = perSlotRate)]
pub fn per_slot_rate(annual_rate: f64) -> Result<f64, JsValue> {
    crate::error::within("annualRate", annual_rate, 0.0, f64::MAX)?;
    Ok(crate::rates::per_slot_from_annual(annual_rate))
}
