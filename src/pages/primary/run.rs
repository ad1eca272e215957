//! The Primary market's runs: the jobs of a state for the worker pool, and a finished
//! run's outcome.

use et_engine::choice::Choice;
use et_engine::primary::{MarketConfig, MarketResult, PricingRule, Volatility};

use super::holders::HolderRow;
use super::params::Field;
use super::state::MarketState;
use crate::worker::market_job::MarketJob;
use crate::worker::reward::RewardSpec;

/// Points recorded of each series (fewer, down to 50, when holders × runs is large, so
/// the recorded ticket counts stay within a few tens of millions).
pub const POINTS: u64 = 400;

/// The points recorded for `holders` holders and `runs` runs.
pub fn points(holders: usize, runs: u64) -> u64 {
    ((2e7 / (holders as f64 * runs as f64)) as u64).clamp(50, POINTS)
}

/// The simulations a state asks for.
pub trait MarketJobs {
    /// The reward law (log-normal with μ and sd while data is chosen but not loaded).
    fn reward(&self) -> RewardSpec;
    /// The simulation under rule `rule`, checked by the engine (errors name the field).
    fn job(&self, rule: PricingRule) -> Result<MarketJob, String>;
    /// The jobs of a run with their rule: the chosen rule first, then (to compare) the
    /// other rules.
    fn jobs(&self) -> Result<Vec<(PricingRule, MarketJob)>, String>;
}

impl MarketJobs for MarketState {
    fn reward(&self) -> RewardSpec {
        let data = self.data.as_ref().map(|d| d.values.as_slice());
        RewardSpec::of(self.dist, self.get(Field::Mu), self.get(Field::Sd), data)
    }

    fn job(&self, rule: PricingRule) -> Result<MarketJob, String> {
        let vol = self.get(Field::Volatility);
        let expiry = self.get(Field::Expiry) as u64;
        let job = MarketJob(MarketConfig {
            max_tickets: self.get(Field::MaxTickets) as u64,
            slots: self.get(Field::Slots) as u64,
            runs: self.get(Field::Runs) as u64,
            seed: self.get(Field::Seed) as u64,
            reward: self.reward(),
            volatility: (vol > 0.0).then(|| Volatility {
                persistence: self.get(Field::Persistence),
                volatility: vol,
            }),
            pricing: self.pricing(rule),
            holders: self.holders.iter().map(HolderRow::holder).collect(),
            expiry: (expiry > 0).then_some(expiry),
            refund: self.get(Field::Refund),
            jit_resale: self.jit,
            points: points(self.holders.len(), self.get(Field::Runs) as u64),
        });
        job.market().map_err(|e| e.to_string())?;
        Ok(job)
    }

    fn jobs(&self) -> Result<Vec<(PricingRule, MarketJob)>, String> {
        let others = PricingRule::ALL
            .iter()
            .copied()
            .filter(|&r| self.compare && r != self.rule);
        std::iter::once(self.rule)
            .chain(others)
            .map(|r| Ok((r, self.job(r)?)))
            .collect()
    }
}

/// A finished run: each rule's result (the chosen one first), and how long it took.
#[derive(Debug, PartialEq)]
pub struct MarketOutcome {
    /// Each rule's result.
    pub results: Vec<(PricingRule, MarketResult)>,
    /// The holders the run used (for labels).
    pub holders: Vec<HolderRow>,
    pub mu: f64,
    pub seconds: f64,
    pub workers: usize,
}

/// What a run's outcome needs besides its results: the rules, holders and μ of the run.
pub type RunLabels = (Vec<PricingRule>, Vec<HolderRow>, f64);

/// The outcome of a finished run.
pub fn market_outcome(
    labels: &RunLabels,
    results: Vec<MarketResult>,
    seconds: f64,
    workers: usize,
) -> Option<MarketOutcome> {
    (!results.is_empty()).then(|| MarketOutcome {
        results: labels.0.iter().copied().zip(results).collect(),
        holders: labels.1.clone(),
        mu: labels.2,
        seconds,
        workers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::primary::params::Population;
    use crate::pages::primary::state::Action;
    use crate::url_state::Route;
    use yew::Reducible;

    #[test]
    fn states_round_trip_through_the_url() {
        let s = MarketState {
            rule: PricingRule::Eip1559,
            jit: true,
            compare: false,
            ..Default::default()
        };
        let (back, notices) = MarketState::from_route(&Route::parse(&s.to_route()));
        assert_eq!((back, notices.len()), (s.clone(), 0));
        let mut rows = s.holders.clone();
        rows[2].annual = 0.031;
        rows.truncate(5);
        let custom = std::rc::Rc::new(s).reduce(Action::Holders(rows.clone()));
        assert_eq!(custom.population, Population::Custom);
        let (back, notices) = MarketState::from_route(&Route::parse(&custom.to_route()));
        assert_eq!(notices, Vec::<String>::new());
        assert_eq!(back.holders, rows);
        assert!(back.jobs().is_ok());
        // The largest page run stays within the engine's bound on recorded counts.
        let big = std::rc::Rc::new(MarketState::default())
            .reduce(Action::Set(Field::Count, 500.0))
            .reduce(Action::Set(Field::Runs, 500.0));
        assert!(big.jobs().is_ok(), "{:?}", big.jobs().err());
    }

    #[test]
    fn a_bad_table_in_a_link_is_named_and_replaced() {
        let r = Route::parse("#/primary?pop=custom&hb=1,2&hc=0.5,1.5&hd=5,5&hm=0,0");
        let (s, notices) = MarketState::from_route(&r);
        assert_eq!(s.population, Population::Tiered);
        assert!(notices[0].contains("hc[2]"), "{notices:?}");
    }
}
