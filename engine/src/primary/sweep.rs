//! Sweeps: capture and concentration (mean and 10–90 % band over runs) against one
//! parameter. Each point (under one rule) is an independent job: the same seed at every
//! point, so results do not depend on how points are shared out among workers.

use super::amm::amm_curve;
use super::config::{MarketConfig, Pricing};
use super::market::Market;
use super::options::{Options, Rules};
use super::result::Totals;
use crate::error::{EngineError, Result};

choices! {
    /// The parameter a sweep varies.
    pub enum SweepParameter {
        /// `N`, the tickets outstanding (the initial allocation, EIP-1559 target and the
        /// study's AMM curve follow it).
        MaxTickets = ("max-tickets", "Tickets N"),
        /// The number of holders (drawn, or the given ones repeated in turn).
        Holders = ("holders", "Number of holders"),
        /// The expiry in slots (0: none).
        Expiry = ("expiry", "Expiry (slots)"),
        /// The initial allocation's price.
        InitialPrice = ("initial-price", "Initial price"),
        /// `σ` of the market volatility `ν`.
        RewardVolatility = ("reward-volatility", "Reward volatility σ"),
        /// The spread of capture rates within tiers (drawn populations).
        CaptureSpread = ("capture-spread", "Spread of capture rates"),
    }
}

choices! {
    /// A result a sweep can plot (all are computed).
    pub enum Measure {
        /// Protocol share: net revenue over all slots' rewards.
        Capture = ("capture", "Protocol share"),
        /// HHI of the tickets held at the end.
        Hhi = ("hhi", "HHI (tickets held)"),
        /// HHI of the slots won.
        WonHhi = ("won-hhi", "HHI (slots won)"),
        /// Nakamoto coefficient of the tickets held.
        Nakamoto = ("nakamoto", "Nakamoto (tickets held)"),
        /// Nakamoto coefficient (51 %) of the slots won.
        WonNakamoto = ("won-nakamoto", "Nakamoto (slots won)"),
    }
}

impl Measure {
    /// This measure in a run's (or an aggregate's) totals.
    pub fn of(self, t: &Totals) -> f64 {
        match self {
            Self::Capture => t.capture,
            Self::Hhi => t.hhi,
            Self::WonHhi => t.won_hhi,
            Self::Nakamoto => t.nakamoto,
            Self::WonNakamoto => t.won_nakamoto,
        }
    }
}

/// One point of a sweep: the totals' mean and 10–90 % band over runs.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct SweepPoint {
    pub value: f64,
    pub mean: Totals,
    pub lo: Totals,
    pub hi: Totals,
}

/// `(cfg, opts)` with `parameter` set to `value`; errors name `sweep.values` or the field.
pub fn with_parameter(
    cfg: &MarketConfig,
    opts: &Options,
    parameter: SweepParameter,
    value: f64,
) -> Result<(MarketConfig, Options)> {
    let (mut c, mut o) = (cfg.clone(), *opts);
    let whole = |lo: f64| {
        if value.is_finite() && value >= lo && value.fract() == 0.0 {
            Ok(value as u64)
        } else {
            Err(EngineError::invalid(
                "sweep.values",
                format!("must be whole numbers ≥ {lo}, got {value}"),
            ))
        }
    };
    match parameter {
        SweepParameter::MaxTickets => set_tickets(&mut c, &mut o, whole(1.0)?),
        SweepParameter::Holders => {
            let n = whole(1.0)? as usize;
            match o.drawn.as_mut() {
                Some(d) => d.count = n,
                None if c.holders.is_empty() => return Err(EngineError::invalid("holders", "is empty")),
                None => c.holders = (0..n).map(|i| c.holders[i % cfg.holders.len()].clone()).collect(),
            }
        }
        SweepParameter::Expiry => c.expiry = Some(whole(0.0)?).filter(|&e| e > 0),
        SweepParameter::InitialPrice => match o.initial.as_mut() {
            Some(i) => i.price = value,
            None => {
                return Err(EngineError::invalid(
                    "initial",
                    "sweeping its price needs an initial allocation",
                ))
            }
        },
        SweepParameter::RewardVolatility => o.market_volatility = Some(value),
        SweepParameter::CaptureSpread => match o.drawn.as_mut() {
            Some(d) => d.capture_spread = value,
            None => {
                return Err(EngineError::invalid(
                    "holders",
                    "sweeping the capture spread needs a drawn population",
                ))
            }
        },
    }
    Ok((c, o))
}

/// `N ← n`, and what follows it: the initial allocation scaled (at most `N`), the
/// EIP-1559 target `N/2`, the study's AMM curve.
fn set_tickets(c: &mut MarketConfig, o: &mut Options, n: u64) {
    let old = c.max_tickets;
    c.max_tickets = n;
    if let Some(i) = o.initial.as_mut() {
        i.count = ((i.count as f64 * n as f64 / old as f64).round() as u64).min(n);
    }
    match c.pricing {
        Pricing::Eip1559 { ref mut target, .. } => *target = (n as f64 / 2.0).max(1.0),
        Pricing::BondingCurve { .. } if o.rules == Rules::Study => c.pricing = amm_curve(n),
        _ => {}
    }
}

/// One sweep point: the market at `parameter = value`, every run, the totals' bands.
///
/// ```
/// use et_engine::primary::{et_simulation, sweep_point, PricingRule, SweepParameter, Measure};
/// let (cfg, opts) = et_simulation(PricingRule::SecondPrice, 200, 4, 3);
/// let p = sweep_point(&cfg, &opts, SweepParameter::Holders, 5.0).unwrap();
/// assert!(Measure::WonHhi.of(&p.lo) <= Measure::WonHhi.of(&p.hi));
/// assert_eq!(p, sweep_point(&cfg, &opts, SweepParameter::Holders, 5.0).unwrap());
/// ```
pub fn sweep_point(cfg: &MarketConfig, opts: &Options, parameter: SweepParameter, value: f64) -> Result<SweepPoint> {
    let (c, o) = with_parameter(cfg, opts, parameter, value)?;
    let r = Market::with_options(c, o)?.simulate();
    Ok(SweepPoint {
        value,
        mean: r.totals,
        lo: r.totals_lo,
        hi: r.totals_hi,
    })
}

/// Every point of a sweep, in order (each an independent [`sweep_point`]).
pub fn sweep(cfg: &MarketConfig, opts: &Options, parameter: SweepParameter, values: &[f64]) -> Result<Vec<SweepPoint>> {
    values.iter().map(|&v| sweep_point(cfg, opts, parameter, v)).collect()
}
