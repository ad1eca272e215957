//! The Primary market page's controls: the numeric table and the page's own menus
//! (populations, just-in-time resale, the comparison). Pricing rules and reward laws
//! are the engine's ([`PricingRule`], `RewardKind`).

use std::sync::OnceLock;

use et_engine::primary::{Preset, PricingRule};

use super::holders::MAX_HOLDERS;
use crate::url_state::{Param, Scale};

/// Numeric controls, in [`params`] order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    MaxTickets,
    Slots,
    Runs,
    Seed,
    Mu,
    Sd,
    Persistence,
    Volatility,
    Price,
    Reserve,
    Initial,
    Target,
    Quotient,
    MaxSales,
    Base,
    Slope,
    Expiry,
    Refund,
    Count,
    InitCount,
    InitPrice,
    Spread,
    MarketVol,
    SellBack,
    SweepPoints,
    SweepRuns,
    SweepSlots,
}

/// Number of numeric controls.
pub const FIELDS: usize = 27;

/// The controls of SPEC §4's former page (a link without `scenario=` that carries any of
/// them, or the page's former choice keys, is read as that model).
pub const LEGACY: usize = 19;

/// The numeric table.
#[rustfmt::skip]
pub fn params() -> &'static [Param] {
    static P: OnceLock<Vec<Param>> = OnceLock::new();
    P.get_or_init(|| {
        let p = Param::new;
        vec![
            p("N", "Tickets N", "tickets", 1.0, 100_000.0, 100.0, Scale::Log, true),
            p("slots", "Horizon", "slots", 10.0, 1e6, 20_000.0, Scale::Log, true),
            p("runs", "Seeded runs", "runs", 1.0, 500.0, 10.0, Scale::Log, true),
            p("seed", "Seed", "", 0.0, 9_007_199_254_740_991.0, 1.0, Scale::Field, true),
            p("mu", "Mean reward μ", "ETH", 1e-4, 100.0, 0.05, Scale::Log, false),
            p("sd", "Reward standard deviation", "ETH", 0.0, 1e4, 0.1, Scale::Field, false),
            p("rho", "Regime persistence ρ", "", 0.0, 0.999, 0.95, Scale::Linear(0.001), false),
            p("vol", "Regime volatility σ (0 = off)", "", 0.0, 2.0, 0.0, Scale::Linear(0.01), false),
            p("price", "Posted price p", "ETH", 1e-6, 100.0, 0.035, Scale::Log, false),
            p("reserve", "Reserve price", "ETH", 0.0, 100.0, 0.0, Scale::Field, false),
            p("p0", "Starting price", "ETH", 1e-6, 100.0, 0.01, Scale::Log, false),
            p("target", "Target held, share of N", "", 0.01, 1.0, 0.5, Scale::Linear(0.01), false),
            p("q", "Adjustment quotient q", "", 1.01, 1000.0, 8.0, Scale::Log, false),
            p("maxsales", "Most sales a slot M", "tickets", 1.0, 100_000.0, 4.0, Scale::Log, true),
            p("base", "Curve base p₀", "ETH", 1e-6, 100.0, 0.01, Scale::Log, false),
            p("kappa", "Curve slope κ", "", 0.0, 50.0, 2.0, Scale::Linear(0.1), false),
            p("expiry", "Expiry E (0 = never)", "slots", 0.0, 1e7, 0.0, Scale::Field, true),
            p("refund", "Refund φ of an expired ticket", "", 0.0, 1.0, 0.0, Scale::Linear(0.05), false),
            p("count", "Holders", "holders", 1.0, MAX_HOLDERS as f64, 20.0, Scale::Log, true),
            p("init", "Initial tickets (0 = none)", "tickets", 0.0, 100_000.0, 0.0, Scale::Field, true),
            p("initprice", "Initial price", "ETH", 0.0, 1e4, 20.0, Scale::Field, false),
            p("spread", "Spread of capture rates in a tier", "", 0.0, 1.0, 1.0, Scale::Linear(0.05), false),
            p("mvol", "Market volatility σ of ν (0 = off)", "", 0.0, 3.0, 0.0, Scale::Linear(0.01), false),
            p("sellback", "Sell-back discount r (0 = none)", "", 0.0, 1.0, 0.0, Scale::Linear(0.01), false),
            p("spts", "Sweep points", "points", 2.0, 40.0, 10.0, Scale::Linear(1.0), true),
            p("sruns", "Runs a sweep point", "runs", 1.0, 500.0, 20.0, Scale::Log, true),
            p("sslots", "Slots a sweep run", "slots", 10.0, 1e6, 500.0, Scale::Log, true),
        ]
    })
}

/// The sliders of each rule's parameters.
pub fn rule_fields(rule: PricingRule) -> &'static [Field] {
    match rule {
        PricingRule::Fixed => &[Field::Price],
        PricingRule::Eip1559 => &[Field::Initial, Field::Target, Field::Quotient, Field::MaxSales],
        PricingRule::BondingCurve => &[Field::Base, Field::Slope],
        PricingRule::SecondPrice | PricingRule::FirstPrice => &[Field::Reserve],
    }
}

et_engine::choices! {
    /// The holders: a preset population, or the table as edited.
    pub enum Population {
        /// 20 % top, 40 % middle, 40 % tail.
        Tiered = ("tiered", "Tiered: 20 % top, 40 % middle, 40 % tail"),
        /// Equal holders.
        Equal = ("equal", "Equal holders"),
        /// One dominant builder.
        Dominant = ("dominant", "One dominant builder"),
        /// The table as edited (in the URL column by column).
        Custom = ("custom", "My table"),
        /// Drawn from each run's seed in the study's tiers (SPEC §4.1).
        Drawn = ("drawn", "Drawn each run in the study's tiers"),
    }
}

impl Population {
    /// The engine's preset, unless the table is custom.
    pub fn preset(self) -> Option<Preset> {
        match self {
            Self::Tiered => Some(Preset::Tiered),
            Self::Equal => Some(Preset::Equal),
            Self::Dominant => Some(Preset::Dominant),
            Self::Custom | Self::Drawn => None,
        }
    }
}

et_engine::choices! {
    /// Whether the drawn slot is resold just in time to the best builder.
    pub enum Jit {
        /// The holder builds.
        Off = ("off", "off: the holder builds"),
        /// Sold to the best builder.
        On = ("on", "on: sold to the best builder"),
    }
}

et_engine::choices! {
    /// Whether every pricing rule runs too, for the comparison.
    pub enum Compare {
        /// Every rule on the same population and seed.
        On = ("on", "on (five runs of the same population and seed)"),
        /// The chosen rule only.
        Off = ("off", "off"),
    }
}
