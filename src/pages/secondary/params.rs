//! The Secondary market page's controls: the numeric table, the buyers' lists and the
//! named choices (sweeps, presets, the seller).

use std::sync::OnceLock;

use crate::url_state::{Param, Scale};

/// Most buyers.
pub const MAX_BUYERS: usize = 32;

/// Numeric controls, in table order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Maturity,
    Mu,
    Sigma,
    SellerCost,
    SellerDiscount,
    BuyerDiscount,
    RiskAversion,
    HoldingCost,
}

/// Every numeric control, in table order.
pub const FIELDS: [Field; 8] = [
    Field::Maturity,
    Field::Mu,
    Field::Sigma,
    Field::SellerCost,
    Field::SellerDiscount,
    Field::BuyerDiscount,
    Field::RiskAversion,
    Field::HoldingCost,
];

/// The numeric table.
#[rustfmt::skip]
pub fn params() -> &'static [Param] {
    static P: OnceLock<Vec<Param>> = OnceLock::new();
    P.get_or_init(|| {
        let p = Param::new;
        vec![
            p("T", "Maturity T", "slots", 1.0, 1024.0, 64.0, Scale::Linear(1.0), true),
            p("mu", "Forecast μ of the slot's reward", "ETH", 1e-3, 100.0, 0.05, Scale::Log, false),
            p("sigma", "Forecast volatility σ", "per slot", 0.0, 0.5, 0.08, Scale::Linear(0.005), false),
            p("sc", "Seller's cost θ_S", "ETH", 0.0, 100.0, 0.02, Scale::Field, false),
            p("ds", "Seller's discount d_S", "per slot", 0.0, 0.05, 0.003, Scale::Linear(0.0001), false),
            p("db", "Buyers' discount d_B", "per slot", 0.0, 0.05, 0.001, Scale::Linear(0.0001), false),
            p("rho", "Buyers' risk aversion ρ", "1/ETH", 0.0, 50.0, 0.0, Scale::Linear(0.1), false),
            p("K", "Holding cost K", "ETH/slot", 0.0, 0.01, 0.0, Scale::Linear(0.00001), false),
        ]
    })
}

/// A buyer cost's domain.
pub fn cost_param() -> Param {
    Param {
        key: "bc",
        label: "Buyer cost",
        unit: "ETH",
        min: 0.0,
        max: 100.0,
        default: 0.01,
        scale: Scale::Field,
        integer: false,
    }
}

/// A buyer arrival's domain.
pub fn arrival_param() -> Param {
    Param {
        key: "ba",
        label: "Buyer arrival",
        unit: "slot",
        min: 0.0,
        max: 1024.0,
        default: 0.0,
        scale: Scale::Field,
        integer: true,
    }
}

et_engine::choices! {
    /// What the sweep varies.
    pub enum Sweep {
        /// Buyers' risk aversion.
        RiskAversion = ("rho", "risk aversion ρ (0 to 20)"),
        /// The holding cost.
        HoldingCost = ("K", "holding cost K (0 to 0.001 ETH/slot)"),
        /// The seller's discount minus the buyers'.
        DiscountGap = ("gap", "discount gap d_S − d_B (−0.002 to 0.002)"),
        /// The forecast's volatility.
        Sigma = ("sigma", "volatility σ (0 to 0.2)"),
        /// The first buyer's arrival slot.
        Arrival = ("arrival", "buyer 1's arrival (0 to T)"),
    }
}

et_engine::choices! {
    /// Named starting points (buttons).
    pub enum Preset {
        /// Two early buyers and one just-in-time buyer (seed 004's question).
        EarlyAndJit = ("early-and-jit", "Two early buyers, one just in time"),
        /// The seller is more impatient than the buyers.
        Impatient = ("impatient", "Impatient seller (d_S > d_B)"),
        /// Risk-averse buyers.
        RiskAverse = ("risk-averse", "Risk-averse buyers (ρ = 20)"),
    }
}

et_engine::choices! {
    /// Whether the seller can build the slot itself.
    pub enum Seller {
        /// It can (at its cost θ_S).
        Builds = ("builds", "can build the slot itself"),
        /// It cannot.
        Cannot = ("cannot", "cannot build"),
    }
}

impl Seller {
    /// The option of the setting `builds`.
    pub fn of(builds: bool) -> Self {
        if builds {
            Self::Builds
        } else {
            Self::Cannot
        }
    }
}

/// The sale formats' labels on this page.
pub fn format_label(f: et_engine::secondary::Format) -> &'static str {
    match f {
        et_engine::secondary::Format::SecondPrice => "second price (second-highest bid)",
        et_engine::secondary::Format::PostedPrice => "posted price (highest bid)",
    }
}
