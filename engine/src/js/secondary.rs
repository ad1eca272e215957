//! JS function of the secondary market: `secondaryMarket`.

use wasm_bindgen::prelude::*;

use super::convert::{parse, to_js};
use crate::api::secondary::{self as api, FIELDS};

/// `secondaryMarket({maturity, mu, sigma, buyers: [{cost, arrival}], sellerCost (null =
/// cannot build), sellerDiscount, buyerDiscount, riskAversion, holdingCost, format})`.
#[wasm_bindgen(js_name = secondaryMarket)]
pub fn secondary_market(input: JsValue) -> Result<JsValue, JsValue> {
    to_js(&api::secondary_market(parse(input, &FIELDS)?)?)
}
