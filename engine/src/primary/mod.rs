//! The primary market over time (SPEC §4): a seeded, slot-by-slot agent simulation of
//! who buys the tickets under a pricing rule and what the protocol captures.
//!
//! Each slot, in this order:
//! 1. one outstanding ticket is drawn uniformly; its holder earns `c_k R_t` (or, with
//!    just-in-time resale, sells the slot to the best builder at the second-highest
//!    `c_j R_t`); the ticket is burned (with none outstanding the slot is idle);
//! 2. tickets bought `E` slots ago are burned unused, refunding `φ` of their price;
//! 3. the protocol sells tickets under the [`Pricing`] rule until `N` are outstanding or
//!    no one buys; the revenue goes to the protocol.
//!
//! Holders pay from their cash: the budget plus everything earned so far (profits are
//! reinvested). Holders value every fresh ticket alike ([`Holder::valuation`]), so the
//! one who values tickets most buys them all when the rule lets them.
//!
//! [`Options`] add the ET-Simulation study's features (SPEC §4.1), run by their own
//! slot loop (`agents`): epoch assignment, an initial allocation, populations drawn
//! per run, market volatility with specialisation, bidding strategies, the study's rule
//! variants (EIP-1559 updated twice a slot, the AMM curve with sell-back) and resale
//! among holders. [`et_simulation`] is the study's default; [`sweep_point`] one point of
//! a sweep. The default options run the code above, unchanged.

mod agents;
mod aggregate;
mod amm;
mod assign;
mod book;
pub mod compare;
pub mod concentration;
pub mod config;
pub mod market;
pub mod options;
mod population;
mod resale;
mod result;
mod run;
mod sales;
pub mod scenario;
mod strategy;
pub mod sweep;
mod tickets;
mod top_bids;

pub use aggregate::quantile;
pub use amm::amm_curve;
pub use compare::{against_best, paired_difference, Paired};
pub use concentration::{concentration, won_concentration, Concentration};
pub use config::{win_before_expiry, Holder, MarketConfig, Pricing, PricingRule, Volatility, MAX_RECORDED, MAX_WORK};
pub use market::Market;
pub use options::{Assignment, Drawn, Initial, Options, Rules, Strategy};
pub use population::{draw_population, preset, Preset};
pub use result::{Band, HolderFlows, HolderSummary, MarketResult, RunSeries, Totals};
pub use scenario::{et_simulation, study_options, study_pricing, Scenario};
pub use strategy::{expiry_factor, strategy_value};
pub use sweep::{sweep, sweep_point, with_parameter, Measure, SweepParameter, SweepPoint};
