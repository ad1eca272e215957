//! State of the Primary market page (SPEC §4, §4.1): the model's controls, the
//! ET-Simulation options, what the charts measure and the sweep.

use std::rc::Rc;

use et_engine::primary::{amm_curve, Assignment, Pricing, PricingRule, Rules, Strategy};
use et_engine::rewards::RewardKind;
use yew::Reducible;

use super::choices::{ConcMeasure, InitialTo, ScenarioKey, SweepBy};
use super::holders::{drawn_rows, preset_rows, HolderRow};
use super::params::{params, Field, Population, FIELDS};
use crate::components::DataSet;
use et_engine::primary::Preset;

/// Every control of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct MarketState {
    /// The named starting point (custom once a model control is edited).
    pub scenario: ScenarioKey,
    pub values: [f64; FIELDS],
    pub rule: PricingRule,
    pub dist: RewardKind,
    pub jit: bool,
    /// Whether every rule runs too, for the comparison.
    pub compare: bool,
    pub population: Population,
    /// The holders in force (a drawn population: run 1's draw, read-only).
    pub holders: Vec<HolderRow>,
    pub assignment: Assignment,
    pub strategy: Strategy,
    pub rules: Rules,
    pub initial_to: InitialTo,
    /// The resale market among holders.
    pub resale: bool,
    /// What the concentration charts measure.
    pub measure: ConcMeasure,
    pub sweep: SweepBy,
    /// The sweep's range (from, to) when the page sets one (else the parameter's own).
    pub sweep_range: Option<(f64, f64)>,
    /// Loaded reward data (not in the URL).
    pub data: Option<DataSet>,
    /// Whether the mainnet data is decoded on this page (not in the URL: its arrival
    /// makes the page check its runs again).
    pub mainnet: bool,
}

/// The former default: SPEC §4's model with 20 tiered holders (also the base of a custom
/// link's missing keys). The page's default view is [`MarketState::et_simulation`].
impl Default for MarketState {
    fn default() -> Self {
        let mut values = [0.0; FIELDS];
        for (v, p) in values.iter_mut().zip(params()) {
            *v = p.default;
        }
        Self {
            scenario: ScenarioKey::Classic,
            values,
            rule: PricingRule::SecondPrice,
            dist: RewardKind::LogNormal,
            jit: false,
            compare: true,
            population: Population::Tiered,
            holders: preset_rows(Preset::Tiered, 20),
            assignment: Assignment::PerSlot,
            strategy: Strategy::Value,
            rules: Rules::Classic,
            initial_to: InitialTo::Rule,
            resale: false,
            measure: ConcMeasure::Held,
            sweep: SweepBy::Off,
            sweep_range: None,
            data: None,
            mainnet: false,
        }
    }
}

impl MarketState {
    pub fn get(&self, f: Field) -> f64 {
        self.values[f as usize]
    }

    /// Regenerates the rows of a preset or drawn population (a custom table stays).
    pub fn refill(&mut self) {
        let count = self.get(Field::Count) as usize;
        if let Some(p) = self.population.preset() {
            self.holders = preset_rows(p, count);
        } else if self.population == Population::Drawn {
            self.holders = drawn_rows(count, self.get(Field::Spread), self.get(Field::Seed) as u64);
        }
    }

    /// Pricing rule `rule` with the page's parameters.
    pub fn pricing(&self, rule: PricingRule) -> Pricing {
        let n = self.get(Field::MaxTickets);
        match rule {
            PricingRule::Fixed => Pricing::Fixed {
                price: self.get(Field::Price),
            },
            PricingRule::FirstPrice => Pricing::FirstPrice {
                reserve: self.get(Field::Reserve),
            },
            PricingRule::Eip1559 => Pricing::Eip1559 {
                initial: self.get(Field::Initial),
                target: (self.get(Field::Target) * n).round().clamp(1.0, n),
                quotient: self.get(Field::Quotient),
                max_sales: self.get(Field::MaxSales) as u64,
            },
            PricingRule::BondingCurve => Pricing::BondingCurve {
                base: self.get(Field::Base),
                slope: self.get(Field::Slope),
            },
            PricingRule::SecondPrice => Pricing::SecondPrice {
                reserve: self.get(Field::Reserve),
            },
        }
    }

    /// Whether the reward family uses loaded data.
    pub fn uses_data(&self) -> bool {
        self.dist.uses_data()
    }

    /// Whether the reward law has a free standard deviation (data has its own).
    pub fn uses_sd(&self) -> bool {
        self.dist.uses_sd() || self.uses_data()
    }
}

/// Controls that do not change the model (the scenario stays when they change).
pub const VIEW_FIELDS: [Field; 6] = [
    Field::Slots,
    Field::Runs,
    Field::Seed,
    Field::SweepPoints,
    Field::SweepRuns,
    Field::SweepSlots,
];

/// An action of the reducer (short-lived: `Replace` carries a whole state unboxed, as
/// the other pages' actions do).
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum Action {
    Scenario(ScenarioKey),
    Set(Field, f64),
    Rule(PricingRule),
    Dist(RewardKind),
    Jit(bool),
    Compare(bool),
    Population(Population),
    /// The table as edited (the population becomes "My table").
    Holders(Vec<HolderRow>),
    Assignment(Assignment),
    Strategy(Strategy),
    Rules(Rules),
    InitialTo(InitialTo),
    Resale(bool),
    Measure(ConcMeasure),
    Sweep(SweepBy),
    /// The sweep's range as typed (from, to).
    SweepRange(Vec<f64>),
    /// The mainnet data arrived.
    MainnetReady,
    /// Loaded reward data.
    Data(DataSet),
    Replace(MarketState),
}

impl Action {
    /// Whether the action edits the model (a named scenario then becomes custom).
    fn edits_model(&self) -> bool {
        match self {
            Self::Set(f, _) => !VIEW_FIELDS.contains(f),
            Self::Dist(_) | Self::Jit(_) | Self::Population(_) | Self::Holders(_) | Self::Data(_) => true,
            Self::Assignment(_) | Self::Strategy(_) | Self::Rules(_) | Self::InitialTo(_) | Self::Resale(_) => true,
            _ => false,
        }
    }
}

impl Reducible for MarketState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        if action.edits_model() {
            s.scenario = ScenarioKey::Custom;
        }
        match action {
            Action::Scenario(k) => {
                let next = s.scenario_state(k);
                s = MarketState {
                    data: s.data,
                    mainnet: s.mainnet,
                    ..next
                };
            }
            Action::Set(f, v) => s.set(f, v),
            Action::Rule(r) => s.rule = r,
            Action::Dist(k) => s.dist = k,
            Action::Jit(b) => s.jit = b,
            Action::Compare(b) => s.compare = b,
            Action::Population(p) => {
                s.population = p;
                s.refill();
            }
            Action::Holders(rows) => {
                s.population = Population::Custom;
                s.values[Field::Count as usize] = rows.len() as f64;
                s.holders = rows;
            }
            Action::Assignment(a) => s.assignment = a,
            Action::Strategy(x) => s.strategy = x,
            Action::Rules(r) => s.rules = r,
            Action::InitialTo(i) => s.initial_to = i,
            Action::Resale(b) => s.resale = b,
            Action::Measure(m) => s.measure = m,
            Action::Sweep(w) => {
                s.sweep = w;
                s.sweep_range = None;
            }
            Action::SweepRange(v) => s.sweep_range = SweepBy::range_of(&v),
            Action::Data(d) => s.data = Some(d),
            Action::MainnetReady => s.mainnet = true,
            // A route carries no data: keep what was loaded.
            Action::Replace(n) => {
                s = MarketState {
                    data: s.data,
                    mainnet: s.mainnet,
                    ..n
                }
            }
        }
        if s == *self {
            self
        } else {
            Rc::new(s)
        }
    }
}

impl MarketState {
    /// Sets a numeric control; the study's AMM curve follows `N` while it is the study's.
    fn set(&mut self, f: Field, v: f64) {
        let old_n = self.get(Field::MaxTickets) as u64;
        let was_amm = amm_curve(old_n) == self.pricing(PricingRule::BondingCurve);
        self.values[f as usize] = v;
        if f == Field::MaxTickets && was_amm && (1..=1250).contains(&(v as u64)) {
            if let Pricing::BondingCurve { base, slope } = amm_curve(v as u64) {
                self.values[Field::Base as usize] = base;
                self.values[Field::Slope as usize] = slope;
            }
        }
        if matches!(f, Field::Count | Field::Spread | Field::Seed) {
            self.refill();
        }
    }
}
