//! The primary market's function: `simulateMarket` (its input as a configuration).

use serde::de::IgnoredAny;
use serde::Deserialize;

use super::lottery::RewardInput;
use super::market_options::{population, HoldersSpec, InitialInput, OptionsInput};
use super::{seed, whole};
use crate::choice::Choice;
use crate::error::{EngineError, Result};
use crate::primary::{study_options, study_pricing, MarketConfig, Options, Pricing, PricingRule, Scenario, Volatility};
use crate::rewards::laws::Reward;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PricingInput {
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
    /// The pricing; under a scenario, every parameter not given is the scenario's.
    pub fn build(self, max_tickets: u64, scenario: Option<Scenario>) -> Result<Pricing> {
        if scenario.is_some() {
            return self.over_study(max_tickets);
        }
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
                    format!("must be one of {}; got \"{other}\"", PricingRule::keys()),
                ))
            }
        })
    }
}

impl PricingInput {
    /// The study's pricing for the rule with the given parameters in place of its own.
    fn over_study(self, max_tickets: u64) -> Result<Pricing> {
        let rule = <PricingRule as Choice>::parse("pricing.rule", &self.rule)?;
        Ok(match study_pricing(rule, max_tickets) {
            Pricing::Fixed { price } => Pricing::Fixed {
                price: self.price.unwrap_or(price),
            },
            Pricing::SecondPrice { reserve } => Pricing::SecondPrice {
                reserve: self.reserve.unwrap_or(reserve),
            },
            Pricing::FirstPrice { reserve } => Pricing::FirstPrice {
                reserve: self.reserve.unwrap_or(reserve),
            },
            Pricing::Eip1559 {
                initial,
                target,
                quotient,
                max_sales,
            } => Pricing::Eip1559 {
                initial: self.initial.unwrap_or(initial),
                target: self.target.unwrap_or(target),
                quotient: self.quotient.unwrap_or(quotient),
                max_sales: match self.max_sales {
                    Some(m) => whole("pricing.maxSales", m, 1.0, 1e9)?,
                    None => max_sales,
                },
            },
            Pricing::BondingCurve { base, slope } => Pricing::BondingCurve {
                base: self.base.unwrap_or(base),
                slope: self.slope.unwrap_or(slope),
            },
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VolatilityInput {
    persistence: f64,
    volatility: f64,
}

#[derive(Deserialize)]
/// `simulateMarket`'s input (`holders` is read on its own: a list or a preset).
#[serde(rename_all = "camelCase")]
pub struct MarketInput {
    scenario: Option<String>,
    max_tickets: Option<f64>,
    slots: f64,
    runs: f64,
    seed: f64,
    reward: Option<RewardInput>,
    volatility: Option<VolatilityInput>,
    pricing: PricingInput,
    /// Read on its own (a list or a preset).
    #[allow(dead_code)]
    holders: Option<IgnoredAny>,
    expiry: Option<f64>,
    refund: Option<f64>,
    jit_resale: Option<bool>,
    points: Option<f64>,
    assignment: Option<String>,
    initial: Option<InitialInput>,
    market_volatility: Option<f64>,
    strategy: Option<String>,
    rules: Option<String>,
    sell_back: Option<f64>,
    resale: Option<bool>,
}

/// The fields of `simulateMarket`'s input.
pub const FIELDS: [&str; 20] = [
    "scenario",
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
    "assignment",
    "initial",
    "marketVolatility",
    "strategy",
    "rules",
    "sellBack",
    "resale",
];

/// A required field, or the scenario's value of it.
fn or_scenario<T>(v: Option<T>, scenario: Option<Scenario>, study: impl FnOnce() -> T, field: &str) -> Result<T> {
    match (v, scenario) {
        (Some(v), _) => Ok(v),
        (None, Some(_)) => Ok(study()),
        (None, None) => Err(EngineError::invalid(field, "is required (or give a scenario)")),
    }
}

/// The market and options a `simulateMarket` input describes (with its holders read on
/// their own): a scenario's values, with every field given in their place.
pub fn market_input(mut i: MarketInput, spec: HoldersSpec) -> Result<(MarketConfig, Options)> {
    let scenario = i
        .scenario
        .as_deref()
        .map(|s| Scenario::parse("scenario", s))
        .transpose()?;
    let n = match i.max_tickets {
        Some(v) => Some(whole("maxTickets", v, 1.0, 1e7)?),
        None => None,
    };
    let max_tickets = or_scenario(n, scenario, || crate::primary::scenario::STUDY_TICKETS, "maxTickets")?;
    let rule = PricingRule::from_key(&i.pricing.rule);
    let mut opts = match (scenario, rule) {
        (Some(_), Some(rule)) => study_options(rule, max_tickets),
        _ => Options::default(),
    };
    let reward = match i.reward.take() {
        Some(r) => Some(r.build()?),
        None => None,
    };
    let mean = crate::primary::scenario::STUDY_MEAN_REWARD;
    let reward = or_scenario(reward.map(Ok), scenario, || Reward::exponential(mean), "reward")??;
    let given = population(spec, scenario.is_some(), &mut opts)?;
    let o = OptionsInput {
        assignment: i.assignment.take(),
        initial: i.initial.take(),
        market_volatility: i.market_volatility.take(),
        strategy: i.strategy.take(),
        rules: i.rules.take(),
        sell_back: i.sell_back.take(),
        resale: i.resale.take(),
    };
    o.apply(&mut opts, max_tickets)?;
    let cfg = config(i, max_tickets, scenario, reward, given)?;
    Ok((cfg, opts))
}

/// The configuration, from the input's remaining fields.
fn config(
    i: MarketInput,
    max_tickets: u64,
    scenario: Option<Scenario>,
    reward: Reward,
    holders: Vec<crate::primary::Holder>,
) -> Result<MarketConfig> {
    let expiry = match i.expiry {
        Some(e) => Some(whole("expiry", e, 1.0, 1e12)?),
        None => None,
    };
    let slots = whole("slots", i.slots, 1.0, 1e9)?;
    let points = i.points.unwrap_or(if scenario.is_some() {
        slots.min(500) as f64
    } else {
        500.0
    });
    Ok(MarketConfig {
        max_tickets,
        slots,
        runs: whole("runs", i.runs, 1.0, 10_000.0)?,
        seed: seed(i.seed)?,
        reward,
        volatility: i.volatility.map(|v| Volatility {
            persistence: v.persistence,
            volatility: v.volatility,
        }),
        pricing: i.pricing.build(max_tickets, scenario)?,
        holders,
        expiry,
        refund: i.refund.unwrap_or(0.0),
        jit_resale: i.jit_resale.unwrap_or(false),
        points: whole("points", points, 1.0, 100_000.0)?,
    })
}
