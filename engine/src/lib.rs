//! # et-engine
//!
//! Pure models of the economics of Ethereum *execution tickets* (ETs), as specified in
//! the project's `SPEC.md`. No browser or JavaScript types appear here: the JavaScript
//! interface lives in [`js`] behind the `js` feature.
//!
//! Conventions everywhere: values in ETH, time in slots of 12 s, `d` a per-slot
//! discount rate (see [`rates`] for the annual equivalent).

pub mod centralization;
pub mod choice;
pub mod contest;
pub mod error;
pub mod fastmath;
pub mod histogram;
pub mod lottery;
pub mod market;
pub mod process;
pub mod random;
pub mod rates;
pub mod reward_data;
pub mod rewards;
pub mod secondary;
mod secondary_policy;
pub mod ticket_mc;
pub mod ziggurat;

#[cfg(feature = "js")]
pub mod js;

pub use error::{EngineError, Result};
