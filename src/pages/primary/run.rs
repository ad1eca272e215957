//! The Primary market's runs: the jobs of a state for the worker pool, and a finished
//! run's outcome.

use et_engine::choice::Choice;
use et_engine::primary::{
    et_simulation, Drawn, Initial, MarketConfig, MarketResult, Options, PricingRule, Rules, Volatility,
};

use super::choices::{ScenarioKey, STUDY_RULES};
use super::holders::HolderRow;
use super::params::{Field, Population};
use super::state::MarketState;
use crate::worker::market_job::{MarketJob, MarketRun};
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

impl MarketState {
    /// The engine's options under `rule` (SPEC §4.1; all off: SPEC §4's model).
    pub fn options(&self, rule: PricingRule) -> Options {
        let (init, mvol, sell) = (
            self.get(Field::InitCount),
            self.get(Field::MarketVol),
            self.get(Field::SellBack),
        );
        Options {
            assignment: self.assignment,
            initial: (init > 0.0).then(|| Initial {
                count: init as u64,
                price: self.get(Field::InitPrice),
                even_only: self.initial_to.even_only(rule),
            }),
            drawn: (self.population == Population::Drawn).then(|| Drawn {
                count: self.get(Field::Count) as usize,
                capture_spread: self.get(Field::Spread),
            }),
            market_volatility: (mvol > 0.0).then_some(mvol),
            strategy: self.strategy,
            rules: self.rules,
            sell_back: (sell > 0.0).then_some(sell),
            resale: self.resale,
        }
    }

    /// The rules a run compares: the study's four under its rule variants, else all five.
    pub fn rules_run(&self) -> Vec<PricingRule> {
        let all: &[PricingRule] = if self.rules == Rules::Study {
            &STUDY_RULES
        } else {
            PricingRule::ALL
        };
        let others = all.iter().copied().filter(|&r| self.compare && r != self.rule);
        std::iter::once(self.rule).chain(others).collect()
    }

    /// The simulation under `rule` with `slots` slots, `runs` runs and `points` points:
    /// the engine's own study default in the ET-Simulation scenario, else the controls.
    pub fn sized_job(&self, rule: PricingRule, slots: u64, runs: u64, points: u64) -> Result<MarketJob, String> {
        let seed = self.get(Field::Seed) as u64;
        let job = if self.scenario == ScenarioKey::EtSimulation {
            let (cfg, opts) = et_simulation(rule, slots, runs, seed);
            MarketJob(
                MarketConfig {
                    points,
                    ..cfg.with_reward(self.reward())
                },
                opts,
            )
        } else {
            let vol = self.get(Field::Volatility);
            let expiry = self.get(Field::Expiry) as u64;
            let drawn = self.population == Population::Drawn;
            let cfg = MarketConfig {
                max_tickets: self.get(Field::MaxTickets) as u64,
                slots,
                runs,
                seed,
                reward: self.reward(),
                volatility: (vol > 0.0).then(|| Volatility {
                    persistence: self.get(Field::Persistence),
                    volatility: vol,
                }),
                pricing: self.pricing(rule),
                holders: if drawn {
                    Vec::new()
                } else {
                    self.holders.iter().map(HolderRow::holder).collect()
                },
                expiry: (expiry > 0).then_some(expiry),
                refund: self.get(Field::Refund),
                jit_resale: self.jit,
                points,
            };
            MarketJob(cfg, self.options(rule))
        };
        job.market().map_err(|e| e.to_string())?;
        Ok(job)
    }
}

impl MarketJobs for MarketState {
    fn reward(&self) -> RewardSpec {
        let data = self.data.as_ref().map(|d| d.values.as_slice());
        RewardSpec::of(self.dist, self.get(Field::Mu), self.get(Field::Sd), data)
    }

    fn job(&self, rule: PricingRule) -> Result<MarketJob, String> {
        let runs = self.get(Field::Runs) as u64;
        let points = points(self.get(Field::Count) as usize, runs);
        self.sized_job(rule, self.get(Field::Slots) as u64, runs, points)
    }

    fn jobs(&self) -> Result<Vec<(PricingRule, MarketJob)>, String> {
        self.rules_run().into_iter().map(|r| Ok((r, self.job(r)?))).collect()
    }
}

/// A finished run: each rule's result (the chosen one first), and how long it took.
#[derive(Debug, PartialEq)]
pub struct MarketOutcome {
    /// Each rule's result.
    pub results: Vec<(PricingRule, MarketResult)>,
    /// The first rule's standard errors (capture, HHI held, HHI won; see [`MarketRun`]).
    pub se: [f64; 3],
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
    results: Vec<MarketRun>,
    seconds: f64,
    workers: usize,
) -> Option<MarketOutcome> {
    let se = results.first()?.se;
    Some(MarketOutcome {
        results: labels
            .0
            .iter()
            .copied()
            .zip(results.into_iter().map(|r| r.result))
            .collect(),
        se,
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
            scenario: crate::pages::primary::choices::ScenarioKey::Custom,
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

    #[test]
    fn bare_links_get_the_study_and_former_links_the_former_model() {
        use crate::pages::primary::choices::{ConcMeasure, ScenarioKey, SweepBy};
        let (s, notices) = MarketState::from_route(&Route::parse("#/primary"));
        assert_eq!((s.scenario, notices.len()), (ScenarioKey::EtSimulation, 0));
        assert_eq!(s, MarketState::et_simulation());
        let (back, n) = MarketState::from_route(&Route::parse(&s.to_route()));
        assert_eq!((back, n.len()), (s, 0));
        let (old, _) = MarketState::from_route(&Route::parse("#/primary?rule=fixed&runs=3&jit=off"));
        assert_eq!(
            (old.rule, old.population, old.measure),
            (PricingRule::Fixed, Population::Tiered, ConcMeasure::Held)
        );
        assert_eq!(
            (old.options(PricingRule::Fixed), old.sweep),
            (Default::default(), SweepBy::Off)
        );
        let bad = "#/primary?scenario=nope&strategy=x&measure=y&initprice=-5";
        let (s, notices) = MarketState::from_route(&Route::parse(bad));
        assert_eq!(s.get(Field::InitPrice), 20.0);
        for key in ["scenario=nope", "strategy=x", "measure=y", "initprice=-5"] {
            assert!(notices.iter().any(|n| n.contains(key)), "{key}: {notices:?}");
        }
        let edited = std::rc::Rc::new(MarketState::et_simulation()).reduce(Action::Set(Field::Count, 20.0));
        assert_eq!(edited.scenario, ScenarioKey::Custom);
        let (back, _) = MarketState::from_route(&Route::parse(&edited.to_route()));
        assert_eq!(&back, &*edited);
        assert!(edited
            .jobs()
            .unwrap()
            .iter()
            .all(|(_, j)| j.1.drawn.unwrap().count == 20));
    }
}
