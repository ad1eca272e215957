//! How long a run will take, estimated from its size before it starts (issue #15: long
//! work is announced and waits for a confirmation).
//!
//! Each kind of job states its cost in seconds on one core from per-unit constants
//! measured once on the project's 2-core VM (BENCHMARKS.md: the primary market, the
//! mechanism comparison and the Monte Carlo sections), rounded up so that a loaded
//! machine is not under-estimated by much. A run shares its jobs among the pool's workers.

use et_engine::primary::SweepParameter;

use crate::format;
use crate::worker::market_job::MarketJob;
use crate::worker::mc_job::McJob;
use crate::worker::mechanisms_job::MechanismsJob;
use crate::worker::sweep_job::SweepJob;

/// Runs estimated above this many seconds wait for the user's "Run anyway".
pub const LONG_WORK_SECONDS: f64 = 3.0;

/// Seconds a slot of one market run costs: a fixed part (the draw, the volatility, the
/// expiry, the reward: 0.4–0.6 µs in wasm for the study's market)…
const MARKET_SLOT: f64 = 0.6e-6;
/// …one scan of the holders for each ticket sold (100 holders: 0.8 µs a slot)…
const MARKET_HOLDER: f64 = 0.006e-6;
/// …and, with the resale market, every holder's offer to every holder (10 holders: 3.5×).
const MARKET_RESALE: f64 = 0.015e-6;
/// Seconds a Monte Carlo sample costs (35 M samples/s a worker in the page).
const MC_SAMPLE: f64 = 0.03e-6;
/// Seconds a slot of the mechanism comparison costs for each builder (10⁶ slots × 10
/// builders × 6 mechanisms: 0.6 s in wasm under load)…
const MECHANISMS_BUILDER: f64 = 0.06e-6;
/// …plus the slot's own draws.
const MECHANISMS_SLOT: f64 = 0.1e-6;

/// A job's size and estimated cost.
pub trait WorkCost {
    /// Seconds on one core.
    fn core_seconds(&self) -> f64;
    /// Its size for a reader, e.g. "500 runs × 1,000,000 slots × 200 holders".
    fn size(&self) -> String;
}

/// A count with thousands separators.
fn n(v: u64) -> String {
    format::grouped(v as i64)
}

/// The cost of `runs × slots` market slots among `holders` holders.
fn market_seconds(runs: u64, slots: u64, holders: f64, resale: bool) -> f64 {
    let resale = if resale { MARKET_RESALE * holders * holders } else { 0.0 };
    (runs as f64) * (slots as f64) * (MARKET_SLOT + MARKET_HOLDER * holders + resale)
}

/// The holders of a market job (drawn or listed).
fn holders(job: &MarketJob) -> usize {
    job.1.drawn.map_or(job.0.holders.len(), |d| d.count)
}

impl WorkCost for MarketJob {
    fn core_seconds(&self) -> f64 {
        market_seconds(self.0.runs, self.0.slots, holders(self) as f64, self.1.resale)
    }

    fn size(&self) -> String {
        format!(
            "{} runs × {} slots × {} holders",
            n(self.0.runs),
            n(self.0.slots),
            n(holders(self) as u64)
        )
    }
}

impl WorkCost for SweepJob {
    /// As its market, with the swept number of holders where holders are swept.
    fn core_seconds(&self) -> f64 {
        let m = &self.market;
        let h = match self.parameter() {
            Ok(SweepParameter::Holders) => self.value.max(holders(m) as f64),
            _ => holders(m) as f64,
        };
        market_seconds(m.0.runs, m.0.slots, h, m.1.resale)
    }

    fn size(&self) -> String {
        format!(
            "{} at {}: {}",
            self.parameter,
            format::readable(self.value, 3),
            self.market.size()
        )
    }
}

impl WorkCost for McJob {
    fn core_seconds(&self) -> f64 {
        self.samples as f64 * MC_SAMPLE
    }

    fn size(&self) -> String {
        format!("{} samples", n(self.samples))
    }
}

impl WorkCost for MechanismsJob {
    fn core_seconds(&self) -> f64 {
        self.slots as f64 * (MECHANISMS_SLOT + MECHANISMS_BUILDER * self.captures.len() as f64)
    }

    fn size(&self) -> String {
        format!("{} slots × {} builders", n(self.slots), n(self.captures.len() as u64))
    }
}

/// The estimate of a run of `jobs` on `workers` workers: wall seconds and its size.
pub fn estimate<W: WorkCost>(jobs: &[W], workers: usize) -> (f64, String) {
    let total: f64 = jobs.iter().map(W::core_seconds).sum();
    let largest = jobs.iter().max_by(|a, b| a.core_seconds().total_cmp(&b.core_seconds()));
    let size = match (jobs.len(), largest) {
        (_, None) => String::new(),
        (1, Some(j)) => j.size(),
        (k, Some(j)) => format!("{k} jobs, the largest {}", j.size()),
    };
    (total / workers.max(1) as f64, size)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::worker::reward::RewardSpec;
    use et_engine::primary::{et_simulation, PricingRule};

    #[test]
    fn the_study_default_is_short_and_a_huge_run_is_long() {
        let (cfg, opts) = et_simulation(PricingRule::SecondPrice, 500, 100, 1);
        let job = MarketJob(cfg.with_reward(RewardSpec::Exponential { mean: 30.0 }), opts);
        let (secs, size) = estimate(&vec![job.clone(); 4], 2);
        assert!(secs < 0.5, "{secs}");
        assert_eq!(size, "4 jobs, the largest 100 runs × 500 slots × 10 holders");
        let (cfg, opts) = et_simulation(PricingRule::SecondPrice, 1_000_000, 500, 1);
        let big = MarketJob(cfg.with_reward(RewardSpec::Exponential { mean: 30.0 }), opts);
        let (secs, size) = estimate(&[big], 2);
        assert!(secs > 30.0 * LONG_WORK_SECONDS, "{secs}");
        assert_eq!(size, "500 runs × 1,000,000 slots × 10 holders");
    }
}
