//! JS function of the primary market: `simulateMarket`.

use wasm_bindgen::prelude::*;

use super::convert::{parse, to_js};
use super::market_options::holders;
use crate::api::market::{market_input as api_market_input, MarketInput, FIELDS};
use crate::api::market_options::HoldersSpec;
use crate::primary::{Market, MarketConfig, Options};

/// The market and options a `simulateMarket` input describes: a scenario's values, with
/// every field given in their place.
pub(super) fn market_input(input: JsValue) -> Result<(MarketConfig, Options), JsValue> {
    let spec = if input.is_object() {
        holders(&input)?
    } else {
        HoldersSpec::Missing
    };
    let i: MarketInput = parse(input, &FIELDS)?;
    Ok(api_market_input(i, spec)?)
}

/// `simulateMarket({scenario?, maxTickets, slots, runs, seed, reward, pricing: {rule, …},
/// holders, volatility?, expiry?, refund?, jitResale?, points?, assignment?, initial?,
/// marketVolatility?, strategy?, rules?, sellBack?, resale?})`. With `scenario:
/// "et-simulation"` only `slots`, `runs`, `seed` and `pricing.rule` are needed; any
/// field given overrides the scenario's.
#[wasm_bindgen(js_name = simulateMarket)]
pub fn simulate_market(input: JsValue) -> Result<JsValue, JsValue> {
    let (cfg, opts) = market_input(input)?;
    to_js(&Market::with_options(cfg, opts)?.simulate())
}
