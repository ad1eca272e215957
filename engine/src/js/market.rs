//! JS function of the primary market: `simulateMarket`.

use serde::de::IgnoredAny;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::convert::{deserialize_at, parse, to_js, whole};
use super::lottery::{seed, RewardInput};
use crate::error::{EngineError, Result};
use crate::primary::{preset, Holder, Market, MarketConfig, Preset, Pricing, Volatility};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PricingInput {
    rule: String,
    price: Option<f64>,
    reserve: Option<f64>,
    initial: Option<f64>,
    target: Option<f64>,
    quotient: Option<f64>,
    max_sales: Option<f64>,
    base: Option<f64>,
    slope: Option<f64>,
}

impl PricingInput {
    fn build(self, max_tickets: u64) -> Result<Pricing> {
        let need = |v: Option<f64>, f: &str| {
            v.ok_or_else(|| {
                EngineError::invalid(
                    format!("pricing.{f}"),
                    format!("is required for rule \"{}\"", self.rule),
                )
            })
        };
        Ok(match self.rule.as_str() {
            "fixed" => Pricing::Fixed {
                price: need(self.price, "price")?,
            },
            "second-price" => Pricing::SecondPrice {
                reserve: self.reserve.unwrap_or(0.0),
            },
            "first-price" => Pricing::FirstPrice {
                reserve: self.reserve.unwrap_or(0.0),
            },
            "eip1559" => Pricing::Eip1559 {
                initial: need(self.initial, "initial")?,
                target: self.target.unwrap_or((max_tickets as f64 / 2.0).max(1.0)),
                quotient: self.quotient.unwrap_or(8.0),
                max_sales: whole("pricing.maxSales", self.max_sales.unwrap_or(4.0), 1.0, 1e9)?,
            },
            "bonding-curve" => Pricing::BondingCurve {
                base: need(self.base, "base")?,
                slope: self.slope.unwrap_or(1.0),
            },
            other => {
                return Err(EngineError::invalid(
                    "pricing.rule",
                    format!(
                        "must be one of {}; got \"{other}\"",
                        <crate::primary::PricingRule as crate::choice::Choice>::keys()
                    ),
                ))
            }
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HolderInput {
    budget: f64,
    capture: f64,
    discount: f64,
    margin: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PresetInput {
    preset: String,
    count: f64,
    discount: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VolatilityInput {
    persistence: f64,
    volatility: f64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct MarketInput {
    max_tickets: f64,
    slots: f64,
    runs: f64,
    seed: f64,
    reward: RewardInput,
    volatility: Option<VolatilityInput>,
    pricing: PricingInput,
    /// Read on its own (a list or a preset).
    #[allow(dead_code)]
    holders: IgnoredAny,
    expiry: Option<f64>,
    refund: Option<f64>,
    jit_resale: Option<bool>,
    points: Option<f64>,
}

const FIELDS: [&str; 12] = [
    "maxTickets",
    "slots",
    "runs",
    "seed",
    "reward",
    "volatility",
    "pricing",
    "holders",
    "expiry",
    "refund",
    "jitResale",
    "points",
];

/// The default per-slot discount of preset holders: 5 % a year.
fn default_discount() -> f64 {
    crate::rates::per_slot_from_annual(0.05)
}

/// `holders`: a list of `{budget, capture, discount, margin}` or `{preset, count, discount?}`.
fn holders(input: &JsValue) -> std::result::Result<Vec<Holder>, JsValue> {
    let value = js_sys::Reflect::get(input, &JsValue::from_str("holders"))?;
    if js_sys::Array::is_array(&value) {
        let list: Vec<HolderInput> = deserialize_at(value, "holders")?;
        return Ok(list
            .into_iter()
            .map(|h| Holder {
                budget: h.budget,
                capture: h.capture,
                discount: h.discount,
                margin: h.margin,
            })
            .collect());
    }
    if !value.is_object() {
        return Err(EngineError::invalid(
            "holders",
            "must be a list of {budget, capture, discount, margin} or {preset, count, discount?}",
        )
        .into());
    }
    let p: PresetInput = deserialize_at(value, "holders")?;
    let kind = Preset::parse(&p.preset, "holders.preset")?;
    let count = whole("holders.count", p.count, 1.0, 100_000.0)? as usize;
    let discount = p.discount.unwrap_or_else(default_discount);
    crate::error::non_negative("holders.discount", discount)?;
    Ok(preset(kind, count, discount)?)
}

/// `simulateMarket({maxTickets, slots, runs, seed, reward, pricing: {rule, …}, holders,
/// volatility?, expiry?, refund?, jitResale?, points?})`.
#[wasm_bindgen(js_name = simulateMarket)]
pub fn simulate_market(input: JsValue) -> std::result::Result<JsValue, JsValue> {
    let holders = if input.is_object() {
        holders(&input)?
    } else {
        Vec::new()
    };
    let i: MarketInput = parse(input, &FIELDS)?;
    let max_tickets = whole("maxTickets", i.max_tickets, 1.0, 1e7)?;
    let expiry = match i.expiry {
        Some(e) => Some(whole("expiry", e, 1.0, 1e12)?),
        None => None,
    };
    let m = Market::new(MarketConfig {
        max_tickets,
        slots: whole("slots", i.slots, 1.0, 1e9)?,
        runs: whole("runs", i.runs, 1.0, 10_000.0)?,
        seed: seed(i.seed)?,
        reward: i.reward.build()?,
        volatility: i.volatility.map(|v| Volatility {
            persistence: v.persistence,
            volatility: v.volatility,
        }),
        pricing: i.pricing.build(max_tickets)?,
        holders,
        expiry,
        refund: i.refund.unwrap_or(0.0),
        jit_resale: i.jit_resale.unwrap_or(false),
        points: whole("points", i.points.unwrap_or(500.0), 1.0, 100_000.0)?,
    })?;
    to_js(&m.simulate())
}
