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
    /// Who receives the initial tickets.
    pub enum InitialTo {
        /// As in the study: even-indexed holders only under EIP-1559 and the bonding curve.
        Rule = ("rule", "As in the study (even-indexed under EIP-1559 and the curve)"),
        /// Any holder, uniformly.
        All = ("all", "Any holder"),
        /// Even-indexed holders only, under every rule.
        Even = ("even", "Even-indexed holders only"),
    }
}

impl InitialTo {
    /// Whether only even-indexed holders receive initial tickets under `rule`.
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
        MaxTickets = ("max-tickets", "Tickets N (10 to 1,000)"),
        Holders = ("holders", "Number of holders (2 to 50)"),
        Expiry = ("expiry", "Expiry (none, then 32 to 3,200 slots)"),
        InitialPrice = ("initial-price", "Initial price (0 to 60)"),
        RewardVolatility = ("reward-volatility", "Reward volatility σ (0 to 1.5)"),
        CaptureSpread = ("capture-spread", "Spread of capture rates (0 to 1)"),
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

    /// The `points` values a sweep visits (whole numbers where the parameter needs them,
    /// repeats dropped).
    pub fn values(self, points: usize) -> Vec<f64> {
        let n = points.max(2);
        let t = |i: usize| i as f64 / (n - 1) as f64;
        let log = |lo: f64, hi: f64, i: usize| (lo * (hi / lo).powf(t(i))).round();
        let mut v: Vec<f64> = (0..n)
            .map(|i| match self {
                Self::Off => 0.0,
                Self::MaxTickets => log(10.0, 1000.0, i),
                Self::Holders => log(2.0, 50.0, i),
                Self::Expiry if i == 0 => 0.0,
                Self::Expiry => {
                    let m = (n - 1).max(2) as f64;
                    (32.0 * 100f64.powf((i - 1) as f64 / (m - 1.0))).round()
                }
                Self::InitialPrice => 60.0 * t(i),
                Self::RewardVolatility => 1.5 * t(i),
                Self::CaptureSpread => t(i),
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
