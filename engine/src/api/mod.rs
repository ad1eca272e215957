//! The engine's interface as plain data, shared by its faces (behind the `api` feature).
//!
//! Each function of the JavaScript interface (`js`, SPEC §6) and of the Python package
//! (`python/`) reads one of these input structs (serde, camelCase fields), checks it and
//! calls the engine; its output struct serializes to the result. A face only converts
//! its language's values to and from these structs (and names fields in its own case):
//! every default, range check and error message lives here, once, so both faces agree
//! to the bit and to the word.
//!
//! Long runs are exposed as prepared work (`LotteryRun`, the market's configuration,
//! `CompareRun`) whose blocks or runs a face may share among threads: the engine merges
//! them in order, so the result does not depend on how they were shared.

use serde::Serialize;

use crate::error::{EngineError, Result};

pub mod contest;
pub mod holders;
pub mod lottery;
pub mod mainnet;
pub mod market;
pub mod market_options;
pub mod mechanisms;
pub mod secondary;
pub mod sweep;
pub mod ticket;

pub use ticket::{ticket_value, TicketValueInput, TicketValueOutput, TICKET_VALUE_FIELDS};

/// `perSlotRate(annualRate)`: the per-slot discount `d` of an annual rate.
pub fn per_slot_rate(annual_rate: f64) -> Result<f64> {
    crate::error::within("annualRate", annual_rate, 0.0, f64::MAX)?;
    Ok(crate::rates::per_slot_from_annual(annual_rate))
}

/// Prefixes an engine error's field with the path of the object it came from.
pub fn within_field(prefix: &str) -> impl Fn(EngineError) -> EngineError + '_ {
    move |e| e.within(prefix)
}

/// A whole number in `lo..=hi`, named `field`.
pub fn whole(field: &str, v: f64, lo: f64, hi: f64) -> Result<u64> {
    crate::error::within(field, v, lo, hi)?;
    if v.fract() != 0.0 {
        return Err(EngineError::invalid(field, format!("must be a whole number, got {v}")));
    }
    Ok(v as u64)
}

/// A run's seed: a whole number up to 2⁵³ − 1 (exact as a JS number).
pub fn seed(v: f64) -> Result<u64> {
    whole("seed", v, 0.0, 9_007_199_254_740_991.0)
}

/// A quantile `{p, value}`.
#[derive(Serialize)]
pub struct Quantile {
    p: f64,
    value: f64,
}

impl Quantile {
    /// The quantiles of `(p, value)` pairs.
    pub fn list(q: &[(f64, f64)]) -> Vec<Quantile> {
        q.iter().map(|&(p, value)| Quantile { p, value }).collect()
    }
}
