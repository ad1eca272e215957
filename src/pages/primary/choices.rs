//! The Primary market page's own menus (SPEC §4.1): the scenario, who gets the initial
//! tickets, the resale market, the concentration measure shown and the sweep. The
//! engine's options (assignment, strategy, rule variants) are the engine's choices.

use et_engine::primary::{PricingRule, SweepParameter};

et_engine::choices! {
    /// A named starting point; editing a model control makes the view "custom".
    pub enum ScenarioKey {
        /// The ET-Simulation study's default (Stichler 2025), every study rule.
        EtSimulation = ("et-simulation", "ET-Simulation default (Stichler 2025)"),
        /// SPEC §4's model with the tiered holders: the page's former default.
        Classic = ("classic", "SPEC §4 model, tiered holders (former default)"),
        /// The controls as set (links without `scenario=` that carry the former keys).
        Custom = ("custom", "Custom (the controls below)"),
    }
}

et_engine::choices! {
    /// Which initial tickets are handed out (each to a random holder).
    pub enum InitialTo {
        /// As in the study: only the even-numbered tickets under EIP-1559 and the bonding curve.
        Rule = ("rule", "As in the study (half: EIP-1559, AMM)"),
        /// All of them.
        All = ("all", "All of them"),
        /// Only the even-numbered ones, under every rule.
        Even = ("even", "Every other ticket, under every rule"),
    }
}

impl InitialTo {
    /// Whether only the even-numbered initial tickets are handed out under `rule`.
    pub fn even_only(self, rule: PricingRule) -> bool {
        match self {
            Self::Rule => matches!(rule, PricingRule::Eip1559 | PricingRule::BondingCurve),
            Self::All => false,
            Self::Even => true,
        }
    }
}

et_engine::choices! {
    /// The resale market among holders each slot.
    pub enum Resale {
        /// No resale market.
        Off = ("off", "off"),
        /// Each holder offers a ticket to the others every slot.
        On = ("on", "on: a second-price resale among holders each slot"),
    }
}

et_engine::choices! {
    /// What the concentration charts measure.
    pub enum ConcMeasure {
        /// The slots each holder won over the run (the study's measure).
        Won = ("won", "Slots won (the study's measure)"),
        /// The tickets each holder holds.
        Held = ("held", "Tickets held"),
    }
}

et_engine::choices! {
    /// The parameter a sweep varies, or no sweep.
    pub enum SweepBy {
        /// No sweep.
        Off = ("off", "No sweep"),
        MaxTickets = ("max-tickets", "Tickets N"),
        Holders = ("holders", "Number of holders"),
        Expiry = ("expiry", "Expiry (slots; 0 = none)"),
        InitialPrice = ("initial-price", "Initial price"),
        RewardVolatility = ("reward-volatility", "Reward volatility σ"),
        CaptureSpread = ("capture-spread", "Spread of capture rates"),
    }
}

impl SweepBy {
    /// The engine's parameter (none when off).
    pub fn parameter(self) -> Option<SweepParameter> {
        Some(match self {
            Self::Off => return None,
            Self::MaxTickets => SweepParameter::MaxTickets,
            Self::Holders => SweepParameter::Holders,
            Self::Expiry => SweepParameter::Expiry,
            Self::InitialPrice => SweepParameter::InitialPrice,
            Self::RewardVolatility => SweepParameter::RewardVolatility,
            Self::CaptureSpread => SweepParameter::CaptureSpread,
        })
    }

    /// A typed range list as (from, to): its first and last values (one value: both).
    pub fn range_of(v: &[f64]) -> Option<(f64, f64)> {
        Some((*v.first()?, *v.last()?))
    }

    /// The range a sweep of this parameter covers unless the page sets another.
    pub fn default_range(self) -> (f64, f64) {
        match self {
            Self::Off => (0.0, 1.0),
            Self::MaxTickets => (10.0, 1000.0),
            Self::Holders => (2.0, 50.0),
            Self::Expiry => (0.0, 3200.0),
            Self::InitialPrice => (0.0, 60.0),
            Self::RewardVolatility => (0.0, 1.5),
            Self::CaptureSpread => (0.0, 1.0),
        }
    }

    /// The `points` values a sweep visits from `lo` to `hi`: evenly spaced, or spaced by
    /// ratio for counts (whole numbers, repeats dropped); an expiry range from 0 visits 0
    /// (no expiry), then `hi/100` to `hi` by ratio.
    pub fn values(self, points: usize, (lo, hi): (f64, f64)) -> Vec<f64> {
        let n = points.max(2);
        let t = |i: usize, n: usize| i as f64 / (n - 1).max(1) as f64;
        let log = |a: f64, b: f64, u: f64| (a * (b / a).powf(u)).round();
        let mut v: Vec<f64> = (0..n)
            .map(|i| match self {
                Self::Off => 0.0,
                Self::MaxTickets | Self::Holders => log(lo.max(1.0), hi, t(i, n)),
                Self::Expiry if lo > 0.0 => log(lo, hi, t(i, n)),
                Self::Expiry if i == 0 => 0.0,
                Self::Expiry => log((hi / 100.0).max(1.0), hi, t(i - 1, n - 1)),
                Self::InitialPrice | Self::RewardVolatility | Self::CaptureSpread => lo + (hi - lo) * t(i, n),
            })
            .collect();
        v.dedup();
        v
    }
}

/// The study's four rules (the fixed price is not in the study).
pub const STUDY_RULES: [PricingRule; 4] = [
    PricingRule::SecondPrice,
    PricingRule::FirstPrice,
    PricingRule::Eip1559,
    PricingRule::BondingCurve,
];
