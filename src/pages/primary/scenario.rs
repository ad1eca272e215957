//! The Primary market page's scenarios (SPEC §4.1): the ET-Simulation study's default
//! (the page's default view) and the former default, and whether a state is one of them.

use et_engine::primary::{amm_curve, Assignment, Pricing, PricingRule, Rules};
use et_engine::rewards::RewardKind;

use super::choices::{ConcMeasure, ScenarioKey, SweepBy};
use super::params::{Field, Population};
use super::state::{MarketState, VIEW_FIELDS};

impl MarketState {
    /// The ET-Simulation study's default (SPEC §4.1): 10 holders drawn per run, `N` = 100,
    /// Exp(30) rewards, market volatility 0.2, epoch assignment, 99 initial tickets at
    /// 20, the study's rule variants; 500 slots × 50 runs; concentration on slots won; a
    /// sweep over the number of holders.
    pub fn et_simulation() -> Self {
        let mut s = Self {
            scenario: ScenarioKey::EtSimulation,
            dist: RewardKind::Exponential,
            population: Population::Drawn,
            assignment: Assignment::Epoch,
            rules: Rules::Study,
            measure: ConcMeasure::Won,
            sweep: SweepBy::Holders,
            ..Self::default()
        };
        let Pricing::BondingCurve { base, slope } = amm_curve(100) else {
            unreachable!("the study's AMM is a bonding curve")
        };
        for (f, v) in [
            (Field::MaxTickets, 100.0),
            (Field::Slots, 500.0),
            (Field::Runs, 50.0),
            (Field::Mu, 30.0),
            (Field::Sd, 30.0),
            (Field::Price, 20.0),
            (Field::Reserve, 1.0),
            (Field::Initial, 20.0),
            (Field::Base, base),
            (Field::Slope, slope),
            (Field::Count, 10.0),
            (Field::InitCount, 99.0),
            (Field::InitPrice, 20.0),
            (Field::MarketVol, 0.2),
        ] {
            s.values[f as usize] = v;
        }
        s.refill();
        s
    }

    /// A scenario's state (custom: this state as it is).
    pub fn scenario_state(&self, k: ScenarioKey) -> Self {
        match k {
            ScenarioKey::EtSimulation => Self::et_simulation(),
            ScenarioKey::Classic => Self::default(),
            ScenarioKey::Custom => Self {
                scenario: k,
                ..self.clone()
            },
        }
    }

    /// Whether the model is scenario `k`'s (the runs, seed, view and sweep aside).
    pub fn is(&self, k: ScenarioKey) -> bool {
        if k == ScenarioKey::Custom {
            return false;
        }
        let mut p = self.scenario_state(k);
        for f in VIEW_FIELDS {
            p.values[f as usize] = self.get(f);
        }
        p.refill();
        let view = |s: &Self| Self {
            scenario: k,
            rule: PricingRule::SecondPrice,
            compare: true,
            measure: ConcMeasure::Won,
            sweep: SweepBy::Off,
            data: None,
            mainnet: false,
            ..s.clone()
        };
        view(&p) == view(self)
    }
}
