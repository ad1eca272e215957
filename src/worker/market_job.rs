//! The primary market as work for the pool: one seeded run a range.

use et_engine::market::{Holder, Market, MarketConfig, MarketResult, Pricing, RunSeries, Volatility};
use serde::{Deserialize, Serialize};

use super::protocol::{RewardSpec, Work};

/// A primary-market simulation as data (SPEC §4).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MarketJob {
    pub max_tickets: u64,
    pub slots: u64,
    pub runs: u64,
    pub seed: u64,
    pub reward: RewardSpec,
    pub volatility: Option<Volatility>,
    pub pricing: Pricing,
    pub holders: Vec<Holder>,
    pub expiry: Option<u64>,
    pub refund: f64,
    pub jit_resale: bool,
    pub points: u64,
}

impl MarketJob {
    /// The engine's market (its checks name the field of bad input).
    pub fn market(&self) -> et_engine::Result<Market> {
        Market::new(MarketConfig {
            max_tickets: self.max_tickets,
            slots: self.slots,
            runs: self.runs,
            seed: self.seed,
            reward: self.reward.build()?,
            volatility: self.volatility,
            pricing: self.pricing.clone(),
            holders: self.holders.clone(),
            expiry: self.expiry,
            refund: self.refund,
            jit_resale: self.jit_resale,
            points: self.points,
        })
    }
}

impl Work for MarketJob {
    const KIND: &'static str = "market";
    type Part = RunSeries;
    type Output = MarketResult;

    /// Slots over all runs.
    fn total(&self) -> u64 {
        self.slots * self.runs
    }

    /// About two ranges of runs a worker (each request carries the job, reward data
    /// included): runs are independent streams, merged in run order.
    fn ranges(&self, workers: u64) -> Vec<(u64, u64)> {
        let chunk = self.runs.div_ceil(workers * 2).max(1);
        (0..self.runs)
            .step_by(chunk as usize)
            .map(|r| (r, (r + chunk).min(self.runs)))
            .collect()
    }

    fn run(&self, runs: (u64, u64), progress: &mut dyn FnMut(u64)) -> Result<Vec<RunSeries>, String> {
        let m = self.market().map_err(|e| e.to_string())?;
        Ok((runs.0..runs.1)
            .map(|r| {
                let s = m.run(r);
                progress(self.slots);
                s
            })
            .collect())
    }

    fn finish(&self, parts: Vec<RunSeries>) -> Result<MarketResult, String> {
        Ok(self.market().map_err(|e| e.to_string())?.aggregate(parts))
    }
}
