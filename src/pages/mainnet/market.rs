//! What the protocol would have captured: the Primary market's ET-Simulation scenario
//! (SPEC §4.1: `N` = 100 tickets, 10 holders drawn per run in the study's tiers, the
//! study's four pricing rules, 500 slots × 100 runs) with the window's slots as its
//! rewards, in the worker pool. The study's prices, budgets and valuations are in units
//! of its mean reward (30), so the window's values are rescaled to that mean (capture and
//! concentration are unit-free: they are the window's). Each run draws its slots from the whole window with the
//! block bootstrap (blocks of 32 slots), so the runs see the window's busy and quiet
//! stretches rather than replaying its first 500 slots a hundred times.

use et_engine::primary::scenario::STUDY_MEAN_REWARD;
use et_engine::primary::{et_simulation, MarketResult, PricingRule};

use super::params::{Field, ModeChoice};
use super::state::MainnetState;
use crate::worker::market_job::{MarketJob, MarketRun};

/// The study's four rules (the fixed price is not in the study).
pub const RULES: [PricingRule; 4] = [
    PricingRule::SecondPrice,
    PricingRule::FirstPrice,
    PricingRule::Eip1559,
    PricingRule::BondingCurve,
];

/// Slots and runs of each rule's simulation (the study's).
pub const SLOTS: u64 = 500;
pub const RUNS: u64 = 100;

/// A finished run: each rule's result, the wall time and the workers.
#[derive(Debug, Clone, PartialEq)]
pub struct MarketOutcome {
    pub rules: Vec<(PricingRule, MarketResult)>,
    pub seconds: f64,
    pub workers: usize,
}

/// The jobs of a state, one a rule, for a window whose reward law has mean `mu`.
pub fn jobs(s: &MainnetState, mu: f64) -> Vec<MarketJob> {
    let seed = s.get(Field::Seed) as u64;
    let scale = STUDY_MEAN_REWARD / mu;
    RULES
        .iter()
        .map(|&rule| {
            let (cfg, opts) = et_simulation(rule, SLOTS, RUNS, seed);
            MarketJob(cfg.with_reward(s.reward(ModeChoice::Resample.block(), scale)), opts)
        })
        .collect()
}

/// The outcome of a finished run (results in [`RULES`] order).
pub fn outcome(
    rules: &[PricingRule; 4],
    results: Vec<MarketRun>,
    seconds: f64,
    workers: usize,
) -> Option<MarketOutcome> {
    (results.len() == rules.len()).then(|| MarketOutcome {
        rules: rules
            .iter()
            .copied()
            .zip(results.into_iter().map(|r| r.result))
            .collect(),
        seconds,
        workers,
    })
}

/// A rule's name on this page's category axes: short enough to stand upright under a
/// phone's plot (the study's "AMM" for the bonding curve).
pub fn rule_name(r: PricingRule) -> &'static str {
    match r {
        PricingRule::BondingCurve => "AMM",
        PricingRule::Fixed => "Fixed",
        _ => r.short(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::worker::mainnet_data;
    use crate::worker::protocol::Work;
    use et_engine::rewards::mainnet::MainnetData;

    #[test]
    fn each_rule_runs_on_the_window_and_captures_a_share() {
        let small = include_bytes!("../../../engine/tests/fixtures/mainnet_small.bin");
        mainnet_data::keep(MainnetData::from_bytes(small).unwrap());
        let mut s = MainnetState::default();
        s.values[Field::From as usize] = 7_509_685.0;
        s.values[Field::To as usize] = 7_512_705.0;
        let mu = super::super::retro::window_reward(&mainnet_data::loaded().unwrap(), &s)
            .unwrap()
            .mean();
        let mut job = jobs(&s, mu).remove(0);
        job.0.runs = 4;
        let r = job.run_all().unwrap().result;
        assert!(r.totals.capture > 0.0 && r.totals.capture < 1.5, "{:?}", r.totals);
        assert!(r.totals.won_hhi > 0.0 && r.totals.won_hhi <= 10_000.0);
    }
}
