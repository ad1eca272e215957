//! A validated primary market: the checked configuration with every holder's valuation.

use super::config::{Holder, MarketConfig};
use super::options::Options;
use crate::error::Result;

/// A validated market, with every holder's valuation.
#[derive(Debug, Clone, PartialEq)]
pub struct Market {
    pub(crate) cfg: MarketConfig,
    pub(crate) valuations: Vec<f64>,
    /// The best builder and the second-highest capture (for just-in-time resale).
    pub(crate) best: (usize, f64),
    pub(crate) record_at: Vec<u64>,
    pub(crate) opts: Options,
}

impl Market {
    /// Checks every field (errors name it) and computes the valuations.
    ///
    /// ```
    /// use et_engine::primary::{Holder, Market, MarketConfig, Pricing};
    /// use et_engine::rewards::Reward;
    /// let holder = Holder { budget: 10.0, capture: 1.0, discount: 0.0, margin: 0.0 };
    /// let cfg = MarketConfig {
    ///     max_tickets: 1,
    ///     slots: 10,
    ///     runs: 1,
    ///     seed: 1,
    ///     reward: Reward::constant(1.0).unwrap(),
    ///     volatility: None,
    ///     pricing: Pricing::Fixed { price: 0.1 },
    ///     holders: vec![holder],
    ///     expiry: None,
    ///     refund: 0.0,
    ///     jit_resale: false,
    ///     points: 10,
    /// };
    /// let m = Market::new(cfg.clone()).unwrap();
    /// assert_eq!(m.valuations(), &[1.0]); // (1 − m) c μ / (N d + 1)
    /// assert_eq!(Market::new(MarketConfig { slots: 0, ..cfg }).unwrap_err().field(), "slots");
    /// ```
    pub fn new(cfg: MarketConfig) -> Result<Self> {
        Self::with_options(cfg, Options::default())
    }

    /// A market with [`Options`] (SPEC §4.1); with a drawn population the configuration's
    /// holders may be empty. Errors name the field.
    ///
    /// ```
    /// use et_engine::primary::{et_simulation, Market, PricingRule};
    /// let (cfg, opts) = et_simulation(PricingRule::SecondPrice, 64, 2, 1);
    /// let r = Market::with_options(cfg, opts).unwrap().simulate();
    /// assert_eq!(r.totals.idle_slots, 0.0); // 99 initial tickets fill every slot
    /// assert!(r.totals.won_hhi > 0.0 && r.totals.won_nakamoto >= 1.0);
    /// ```
    pub fn with_options(cfg: MarketConfig, opts: Options) -> Result<Self> {
        opts.validate(cfg.max_tickets)?;
        if cfg.jit_resale && !opts.is_base() {
            return Err(crate::error::EngineError::invalid(
                "jitResale",
                "is not available with the ET-Simulation options (use the resale market)",
            ));
        }
        match opts.drawn {
            None => cfg.validate()?,
            Some(d) => {
                let probe = Holder {
                    budget: 1.0,
                    capture: 1.0,
                    discount: 0.0,
                    margin: 0.0,
                };
                MarketConfig {
                    holders: vec![probe; d.count],
                    ..cfg.clone()
                }
                .validate()?
            }
        }
        let mu = cfg.reward.mean();
        let valuations = cfg
            .holders
            .iter()
            .map(|h| h.valuation(mu, cfg.max_tickets, cfg.expiry))
            .collect();
        let best = best_builders(&cfg.holders);
        let p = cfg.points.min(cfg.slots);
        let record_at = (1..=p)
            .map(|j| (j as u128 * cfg.slots as u128 / p as u128) as u64)
            .collect();
        Ok(Self {
            cfg,
            valuations,
            best,
            record_at,
            opts,
        })
    }

    /// The options.
    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// The number of holders (drawn or given).
    pub fn holder_count(&self) -> usize {
        self.opts.drawn.map_or(self.cfg.holders.len(), |d| d.count)
    }

    /// The configuration.
    pub fn config(&self) -> &MarketConfig {
        &self.cfg
    }

    /// Each holder's valuation of a fresh ticket, in order.
    pub fn valuations(&self) -> &[f64] {
        &self.valuations
    }

    /// The slots (1-based counts of slots elapsed) at which series are recorded.
    pub fn recorded_slots(&self) -> &[u64] {
        &self.record_at
    }
}

/// The holder with the highest capture (the first on ties) and the second-highest
/// capture among the others (its own when it is alone).
fn best_builders(holders: &[Holder]) -> (usize, f64) {
    if holders.is_empty() {
        return (0, 0.0);
    }
    let mut best = 0;
    for (i, h) in holders.iter().enumerate() {
        if h.capture > holders[best].capture {
            best = i;
        }
    }
    let second = holders
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != best)
        .map(|(_, h)| h.capture)
        .fold(f64::NEG_INFINITY, f64::max);
    (
        best,
        if second.is_finite() {
            second
        } else {
            holders[best].capture
        },
    )
}
