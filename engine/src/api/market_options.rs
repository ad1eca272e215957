//! The primary market's holders and ET-Simulation options as plain data.

use serde::Deserialize;

use super::whole;
use crate::choice::Choice;
use crate::error::{EngineError, Result};
use crate::primary::{preset, Assignment, Drawn, Holder, Initial, Options, Preset, Rules, Strategy};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
/// A holder `{budget, capture, discount, margin}`.
pub struct HolderInput {
    budget: f64,
    capture: f64,
    discount: f64,
    margin: f64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
/// A population `{preset, count, discount?, captureSpread?}`.
pub struct PresetInput {
    preset: String,
    count: f64,
    discount: Option<f64>,
    capture_spread: Option<f64>,
}

/// `initial: {count?, price?, evenOnly?}` (a scenario's values where not given).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InitialInput {
    count: Option<f64>,
    price: Option<f64>,
    even_only: Option<bool>,
}

/// The holders as given.
pub enum HoldersSpec {
    List(Vec<Holder>),
    Drawn(Drawn),
    Missing,
}

/// The default per-slot discount of preset holders: 5 % a year.
fn default_discount() -> f64 {
    crate::rates::per_slot_from_annual(0.05)
}

/// `holders` given as a list of `{budget, capture, discount, margin}`.
pub fn holders_list(list: Vec<HolderInput>) -> HoldersSpec {
    HoldersSpec::List(
        list.into_iter()
            .map(|h| Holder {
                budget: h.budget,
                capture: h.capture,
                discount: h.discount,
                margin: h.margin,
            })
            .collect(),
    )
}

/// The error for `holders` given as neither a list nor an object.
pub fn holders_neither() -> EngineError {
    EngineError::invalid(
        "holders",
        "must be a list of {budget, capture, discount, margin} or {preset, count, discount?}",
    )
}

/// `holders` given as `{preset, count, discount?}` or `{preset: "drawn", count,
/// captureSpread?}` (the study's population drawn from each run's seed).
pub fn holders_preset(p: PresetInput) -> Result<HoldersSpec> {
    let count = whole("holders.count", p.count, 1.0, 100_000.0)? as usize;
    if p.preset == "drawn" {
        let capture_spread = p.capture_spread.unwrap_or(1.0);
        return Ok(HoldersSpec::Drawn(Drawn { count, capture_spread }));
    }
    let kind = Preset::parse(&p.preset, "holders.preset").map_err(|e| {
        EngineError::invalid(
            e.field(),
            format!(
                "{} (or \"drawn\")",
                e.to_string().trim_start_matches("holders.preset: ")
            ),
        )
    })?;
    let discount = p.discount.unwrap_or_else(default_discount);
    crate::error::non_negative("holders.discount", discount)?;
    Ok(HoldersSpec::List(preset(kind, count, discount)?))
}

/// The holders listed (a drawn population goes into the options instead); with none
/// given, a scenario's drawn population stays.
pub fn population(spec: HoldersSpec, scenario: bool, opts: &mut Options) -> Result<Vec<Holder>> {
    match spec {
        HoldersSpec::List(list) => {
            opts.drawn = None;
            Ok(list)
        }
        HoldersSpec::Drawn(d) => {
            opts.drawn = Some(d);
            Ok(Vec::new())
        }
        HoldersSpec::Missing if scenario => Ok(Vec::new()),
        HoldersSpec::Missing => Err(EngineError::invalid("holders", "is required (or give a scenario)")),
    }
}

/// The options' fields of a `simulateMarket` input.
pub struct OptionsInput {
    pub assignment: Option<String>,
    pub initial: Option<InitialInput>,
    pub market_volatility: Option<f64>,
    pub strategy: Option<String>,
    pub rules: Option<String>,
    pub sell_back: Option<f64>,
    pub resale: Option<bool>,
}

impl OptionsInput {
    /// Puts every given field in place of the options' (a scenario's, or the defaults).
    pub fn apply(self, o: &mut Options, max_tickets: u64) -> Result<()> {
        if let Some(a) = self.assignment {
            o.assignment = Assignment::parse("assignment", &a)?;
        }
        if let Some(s) = self.strategy {
            o.strategy = Strategy::parse("strategy", &s)?;
        }
        if let Some(r) = self.rules {
            o.rules = Rules::parse("rules", &r)?;
        }
        if let Some(i) = self.initial {
            let before = o.initial;
            let count = match i.count {
                Some(c) => whole("initial.count", c, 0.0, 1e9)?,
                None => before.map_or(max_tickets.saturating_sub(1), |b| b.count),
            };
            let price = i
                .price
                .or(before.map(|b| b.price))
                .ok_or_else(|| EngineError::invalid("initial.price", "is required"))?;
            let even_only = i.even_only.or(before.map(|b| b.even_only)).unwrap_or(false);
            o.initial = (count > 0).then_some(Initial {
                count,
                price,
                even_only,
            });
            if count == 0 {
                crate::error::non_negative("initial.price", price)?;
            }
        }
        if let Some(s) = self.market_volatility {
            o.market_volatility = (s != 0.0).then_some(s);
        }
        if let Some(r) = self.sell_back {
            o.sell_back = Some(r);
        }
        if let Some(r) = self.resale {
            o.resale = r;
        }
        Ok(())
    }
}
