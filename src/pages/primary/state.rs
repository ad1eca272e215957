//! State of the Primary market page (SPEC §4).

use std::rc::Rc;

use et_engine::choice::Choice;
use et_engine::primary::{Preset, Pricing, PricingRule};
use et_engine::rewards::RewardKind;
use yew::Reducible;

use super::holders::{preset_rows, read_rows, write_rows, HolderRow, KEYS};
use super::params::{params, Compare, Field, Jit, Population, FIELDS};
use crate::components::DataSet;
use crate::pages::nav::Page;
use crate::url_state::{numeric_pairs, read_choice, read_params, unknown_keys, write_route, Route};

/// Every control of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct MarketState {
    pub values: [f64; FIELDS],
    pub rule: PricingRule,
    pub dist: RewardKind,
    pub jit: bool,
    /// Whether every rule runs too, for the comparison.
    pub compare: bool,
    pub population: Population,
    /// The holders in force.
    pub holders: Vec<HolderRow>,
    /// Loaded reward data (not in the URL).
    pub data: Option<DataSet>,
}

impl Default for MarketState {
    fn default() -> Self {
        let mut values = [0.0; FIELDS];
        for (v, p) in values.iter_mut().zip(params()) {
            *v = p.default;
        }
        Self {
            values,
            rule: PricingRule::SecondPrice,
            dist: RewardKind::LogNormal,
            jit: false,
            compare: true,
            population: Population::Tiered,
            holders: preset_rows(Preset::Tiered, 20),
            data: None,
        }
    }
}

/// An action of the reducer (short-lived: `Replace` carries a whole state unboxed, as
/// the other pages' actions do).
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum Action {
    Set(Field, f64),
    Rule(PricingRule),
    Dist(RewardKind),
    Jit(bool),
    Compare(bool),
    Population(Population),
    /// The table as edited (the population becomes "My table").
    Holders(Vec<HolderRow>),
    /// Loaded reward data.
    Data(DataSet),
    Replace(MarketState),
}

impl Reducible for MarketState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Set(f, v) => {
                s.values[f as usize] = v;
                if f == Field::Count {
                    s.refill();
                }
            }
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
            Action::Data(d) => s.data = Some(d),
            // A route carries no data: keep what was loaded.
            Action::Replace(n) => s = MarketState { data: s.data, ..n },
        }
        if s == *self {
            self
        } else {
            Rc::new(s)
        }
    }
}

impl MarketState {
    pub fn get(&self, f: Field) -> f64 {
        self.values[f as usize]
    }

    /// Regenerates the rows of a preset population (a custom table stays).
    fn refill(&mut self) {
        if let Some(p) = self.population.preset() {
            self.holders = preset_rows(p, self.get(Field::Count) as usize);
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

    /// Reads the state from a route; notices name every ignored parameter.
    pub fn from_route(route: &Route) -> (Self, Vec<String>) {
        let (v, mut notices) = read_params(route, params());
        let mut values = [0.0; FIELDS];
        values.copy_from_slice(&v);
        let rule = read_choice(route, "rule", &mut notices);
        let dist = read_choice(route, "reward", &mut notices);
        let jit = read_choice::<Jit>(route, "jit", &mut notices) == Jit::On;
        let compare = read_choice::<Compare>(route, "compare", &mut notices) == Compare::On;
        let mut population = read_choice(route, "pop", &mut notices);
        let mut s = Self {
            values,
            rule,
            dist,
            jit,
            compare,
            population,
            holders: Vec::new(),
            data: None,
        };
        if population == Population::Custom {
            match read_rows(route) {
                Ok(rows) => {
                    s.values[Field::Count as usize] = rows.len() as f64;
                    s.holders = rows;
                }
                Err(why) => {
                    notices.push(format!(
                        "Ignored the link's holders table: {why}; using the tiered preset."
                    ));
                    population = Population::Tiered;
                }
            }
        }
        s.population = population;
        s.refill();
        let mut known: Vec<&str> = params().iter().map(|p| p.key).collect();
        known.extend(["rule", "reward", "jit", "compare", "pop"]);
        known.extend(KEYS);
        notices.extend(unknown_keys(route, &known));
        (s, notices)
    }

    /// The route that restores this state exactly (a preset population by name, a
    /// custom one column by column).
    pub fn to_route(&self) -> String {
        let mut pairs = numeric_pairs(params(), &self.values);
        pairs.push(("rule".into(), self.rule.key().into()));
        pairs.push(("reward".into(), self.dist.key().into()));
        pairs.push(("jit".into(), if self.jit { Jit::On } else { Jit::Off }.key().into()));
        pairs.push((
            "compare".into(),
            if self.compare { Compare::On } else { Compare::Off }.key().into(),
        ));
        pairs.push(("pop".into(), self.population.key().into()));
        if self.population == Population::Custom {
            pairs.extend(write_rows(&self.holders));
        }
        write_route(Page::Primary.key(), &pairs)
    }
}

crate::impl_url_state!(MarketState);
