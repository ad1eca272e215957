//! The Primary market page's controls: the numeric table and the named choices.

use std::sync::OnceLock;

use super::market::MAX_HOLDERS;
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
}

/// Number of numeric controls.
pub const FIELDS: usize = 19;

/// The numeric table.
pub fn params() -> &'static [Param] {
    static P: OnceLock<Vec<Param>> = OnceLock::new();
    P.get_or_init(|| {
        let p = Param::new;
        vec![
            p("N", "Tickets N", "tickets", 1.0, 100_000.0, 100.0, Scale::Log, true),
            p("slots", "Horizon", "slots", 10.0, 1e6, 20_000.0, Scale::Log, true),
            p("runs", "Seeded runs", "runs", 1.0, 500.0, 10.0, Scale::Log, true),
            p(
                "seed",
                "Seed",
                "",
                0.0,
                9_007_199_254_740_991.0,
                1.0,
                Scale::Field,
                true,
            ),
            p("mu", "Mean reward μ", "ETH", 1e-4, 100.0, 0.05, Scale::Log, false),
            p(
                "sd",
                "Reward standard deviation",
                "ETH",
                0.0,
                1e4,
                0.1,
                Scale::Field,
                false,
            ),
            p(
                "rho",
                "Regime persistence ρ",
                "",
                0.0,
                0.999,
                0.95,
                Scale::Linear(0.001),
                false,
            ),
            p(
                "vol",
                "Regime volatility σ (0 = off)",
                "",
                0.0,
                2.0,
                0.0,
                Scale::Linear(0.01),
                false,
            ),
            p("price", "Posted price p", "ETH", 1e-6, 100.0, 0.035, Scale::Log, false),
            p("reserve", "Reserve price", "ETH", 0.0, 100.0, 0.0, Scale::Field, false),
            p("p0", "Starting price", "ETH", 1e-6, 100.0, 0.01, Scale::Log, false),
            p(
                "target",
                "Target held, share of N",
                "",
                0.01,
                1.0,
                0.5,
                Scale::Linear(0.01),
                false,
            ),
            p("q", "Adjustment quotient q", "", 1.01, 1000.0, 8.0, Scale::Log, false),
            p(
                "maxsales",
                "Most sales a slot M",
                "tickets",
                1.0,
                100_000.0,
                4.0,
                Scale::Log,
                true,
            ),
            p("base", "Curve base p₀", "ETH", 1e-6, 100.0, 0.01, Scale::Log, false),
            p("kappa", "Curve slope κ", "", 0.0, 20.0, 2.0, Scale::Linear(0.1), false),
            p(
                "expiry",
                "Expiry E (0 = never)",
                "slots",
                0.0,
                1e7,
                0.0,
                Scale::Field,
                true,
            ),
            p(
                "refund",
                "Refund φ of an expired ticket",
                "",
                0.0,
                1.0,
                0.0,
                Scale::Linear(0.05),
                false,
            ),
            p(
                "count",
                "Holders",
                "holders",
                1.0,
                MAX_HOLDERS as f64,
                20.0,
                Scale::Log,
                true,
            ),
        ]
    })
}

/// Pricing rules: URL spelling and label.
pub const RULES: [(&str, &str); 5] = [
    ("second-price", "Second-price auction"),
    ("first-price", "First-price auction (bids w(K′−1)/K′)"),
    ("fixed", "Fixed posted price"),
    ("eip1559", "EIP-1559-style adjusting price"),
    ("bonding-curve", "Bonding curve p₀e^(κ·held/N)"),
];

/// Whether rule `rule` (index in [`RULES`]) posts a price (else it is an auction).
pub fn posted(rule: usize) -> bool {
    !matches!(RULES[rule].0, "second-price" | "first-price")
}

/// Reward families: URL spelling and label (the last two use loaded data).
pub const DISTS: [(&str, &str); 6] = [
    ("lognormal", "Log-normal (mean μ, sd)"),
    ("exponential", "Exponential (mean μ; sd = μ)"),
    ("pareto", "Pareto (mean μ, sd sets the tail)"),
    ("constant", "Constant μ"),
    ("data", "My data, resampled"),
    ("data-replay", "My data, replayed in order"),
];

/// Populations: URL spelling and label (the last: the table as edited).
pub const POPULATIONS: [(&str, &str); 4] = [
    ("tiered", "Tiered: 20 % top, 40 % middle, 40 % tail"),
    ("equal", "Equal holders"),
    ("dominant", "One dominant builder"),
    ("custom", "My table"),
];
