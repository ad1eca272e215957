//! Block-space distribution mechanisms side by side (SPEC §5; seeds 000, 001, 003).
//!
//! One shared model of a slot ([`SlotModel`]): its value `R` from any reward law, `k`
//! builders who can extract `V_i = c_i R e^(σ_b Z_i − σ_b²/2)`, a local builder who
//! extracts `c_0 R`. A slot's value is the most anyone can extract, `max(R, V_(1), V_0)`.
//! Six mechanisms ([`Mechanism`]) split it among the
//! protocol, the proposer, the builder side and what is left unextracted ([`rules`]);
//! a seeded Monte Carlo over slots ([`run`]) gives each mechanism's mean split with
//! standard errors, builder concentration, oracle accuracy and one validator's yearly
//! income ([`result`], [`income`]). Closed forms of the builders' order statistics
//! ([`order_stats`]) price tickets and check the Monte Carlo; [`fit`] fits builders to
//! observed shares of blocks (the page's mainnet preset).

pub mod fit;
pub mod income;
pub mod mechanism;
pub mod model;
pub mod order_stats;
pub mod result;
pub mod rules;
pub mod run;
pub mod sweep;

pub use mechanism::Mechanism;
pub use model::{SlotModel, TicketSource, Tickets};
pub use result::{Comparison, Row, StdErrors};
pub use sweep::SweepParam;
