//! # et-engine
//!
//! Pure models of the economics of Ethereum *execution tickets* (ETs), as specified in
//! the project's `SPEC.md`. No browser or JavaScript types appear here: the JavaScript
//! interface lives in the `js` module, behind the `js` feature.
//!
//! Conventions everywhere: values in ETH, time in slots of 12 s, `d` a per-slot
//! discount rate (see [`rates`] for the annual equivalent).
//!
//! One folder per model, over shared numerics:
//! - [`lottery`] — §1: closed forms, the Monte Carlo of a ticket, holders over time, streaks, pools, histograms;
//! - [`contest`] — §2: allocation contests, their equilibria, the independent check and the trade-off curve;
//! - [`secondary`] — §3: resale of a slot on a forecast lattice, the seller's stopping policy, sweeps;
//! - [`primary`] — §4: the slot-by-slot primary market simulation under a pricing rule;
//! - [`mechanisms`] — §5: one slot model, six block-space mechanisms side by side;
//! - [`rewards`] — per-slot reward laws, their sampling, and the user's reward data;
//! - [`numeric`] — random streams and samplers, fast `exp`/`ln`, the bracketed Newton root finder;
//! - [`metrics`] — top share, HHI (0–10,000) and Nakamoto coefficient, shared by contests and the primary market;
//! - [`rates`], [`error`], [`choice`] — rate conversions, the error type, the menus' `Choice` trait;
//! - `api` — the interface as plain data (serde input and output structs, every check and
//!   default), shared by the JavaScript and Python faces, behind the `api` feature;
//! - `js` — the JavaScript interface (SPEC §6), behind the `js` feature.

#[macro_use]
pub mod choice;
pub mod contest;
pub mod error;
pub mod lottery;
pub mod mechanisms;
pub mod metrics;
pub mod numeric;
pub mod primary;
pub mod rates;
pub mod rewards;
pub mod secondary;

#[cfg(feature = "api")]
pub mod api;
#[cfg(feature = "js")]
pub mod js;

pub use error::{EngineError, Result};
