//! State of the Primary market page (SPEC §4).

use std::rc::Rc;

use et_engine::market::{MarketConfig, Preset, Pricing, Volatility};
use yew::Reducible;

use crate::state::lottery::DataSet;
use crate::url_state::{numeric_pairs, read_choice, read_params, unknown_keys, write_route, Route};
use crate::worker::market_job::MarketJob;
use crate::worker::protocol::RewardSpec;

/// The page's name in its route.
pub const PAGE: &str = "primary";
/// Most holders in the table.
pub const MAX_HOLDERS: usize = 500;
/// Points recorded of each series (fewer, down to 50, when holders × runs is large, so
/// the recorded ticket counts stay within a few tens of millions).
pub const POINTS: u64 = 400;

/// The points recorded for `holders` holders and `runs` runs.
pub fn points(holders: usize, runs: u64) -> u64 {
    ((2e7 / (holders as f64 * runs as f64)) as u64).clamp(50, POINTS)
}

pub use super::market_holders::{preset_rows, HolderRow, PRESET_ANNUAL};
pub use super::market_params::{params, Field, DISTS, FIELDS, POPULATIONS, RULES};

const PRESETS: [Preset; 3] = [Preset::Tiered, Preset::Equal, Preset::Dominant];

/// Every control of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct MarketState {
    pub values: [f64; FIELDS],
    /// Index in [`RULES`].
    pub rule: usize,
    /// Index in [`DISTS`].
    pub dist: usize,
    pub jit: bool,
    /// Whether every rule runs too, for the comparison.
    pub compare: bool,
    /// Index in [`POPULATIONS`] (3 = the table as edited).
    pub population: usize,
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
            rule: 0,
            dist: 0,
            jit: false,
            compare: true,
            population: 0,
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
    Rule(usize),
    Dist(usize),
    Jit(bool),
    Compare(bool),
    Population(usize),
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
            Action::Rule(i) => s.rule = i.min(RULES.len() - 1),
            Action::Dist(i) => s.dist = i.min(DISTS.len() - 1),
            Action::Jit(b) => s.jit = b,
            Action::Compare(b) => s.compare = b,
            Action::Population(i) => {
                s.population = i.min(POPULATIONS.len() - 1);
                s.refill();
            }
            Action::Holders(rows) => {
                s.population = 3;
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
        if let Some(&p) = PRESETS.get(self.population) {
            self.holders = preset_rows(p, self.get(Field::Count) as usize);
        }
    }

    /// The pricing rule at index `rule` with the page's parameters.
    pub fn pricing(&self, rule: usize) -> Pricing {
        let n = self.get(Field::MaxTickets);
        match RULES[rule].0 {
            "fixed" => Pricing::Fixed {
                price: self.get(Field::Price),
            },
            "first-price" => Pricing::FirstPrice {
                reserve: self.get(Field::Reserve),
            },
            "eip1559" => Pricing::Eip1559 {
                initial: self.get(Field::Initial),
                target: (self.get(Field::Target) * n).round().clamp(1.0, n),
                quotient: self.get(Field::Quotient),
                max_sales: self.get(Field::MaxSales) as u64,
            },
            "bonding-curve" => Pricing::BondingCurve {
                base: self.get(Field::Base),
                slope: self.get(Field::Slope),
            },
            _ => Pricing::SecondPrice {
                reserve: self.get(Field::Reserve),
            },
        }
    }

    /// Whether the reward family uses loaded data.
    pub fn uses_data(&self) -> bool {
        DISTS[self.dist].0.starts_with("data")
    }

    /// The reward law (log-normal with μ and sd while data is chosen but not loaded).
    pub fn reward(&self) -> RewardSpec {
        let (mu, sd) = (self.get(Field::Mu), self.get(Field::Sd));
        if let (true, Some(d)) = (self.uses_data(), &self.data) {
            return RewardSpec::Empirical {
                values: d.values.to_vec(),
                replay: DISTS[self.dist].0 == "data-replay",
            };
        }
        match DISTS[self.dist].0 {
            "exponential" => RewardSpec::Exponential { mean: mu },
            "constant" => RewardSpec::Constant { mean: mu },
            "pareto" if sd > 0.0 => RewardSpec::Pareto { mean: mu, sd },
            "lognormal" | "data" | "data-replay" if sd > 0.0 => RewardSpec::LogNormal { mean: mu, sd },
            _ => RewardSpec::Constant { mean: mu },
        }
    }

    /// The simulation under rule `rule`, checked by the engine (errors name the field).
    pub fn job(&self, rule: usize) -> Result<MarketJob, String> {
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

    /// The jobs of a run with their rule (index in [`RULES`]): the chosen rule first,
    /// then (to compare) the other rules.
    pub fn jobs(&self) -> Result<Vec<(usize, MarketJob)>, String> {
        let others = (0..RULES.len()).filter(|&r| self.compare && r != self.rule);
        std::iter::once(self.rule)
            .chain(others)
            .map(|r| Ok((r, self.job(r)?)))
            .collect()
    }

    /// Reads the state from a route; notices name every ignored parameter.
    pub fn from_route(route: &Route) -> (Self, Vec<String>) {
        let (v, mut notices) = read_params(route, params());
        let mut values = [0.0; FIELDS];
        values.copy_from_slice(&v);
        let key = |xs: &[(&'static str, &str)]| xs.iter().map(|x| x.0).collect::<Vec<_>>();
        let rule = read_choice(route, "rule", &key(&RULES), &mut notices);
        let dist = read_choice(route, "reward", &key(&DISTS), &mut notices);
        let jit = read_choice(route, "jit", &["off", "on"], &mut notices) == 1;
        let compare = read_choice(route, "compare", &["on", "off"], &mut notices) == 0;
        let mut population = read_choice(route, "pop", &key(&POPULATIONS), &mut notices);
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
        if population == 3 {
            match super::market_holders::read_rows(route) {
                Ok(rows) => {
                    s.values[Field::Count as usize] = rows.len() as f64;
                    s.holders = rows;
                }
                Err(why) => {
                    notices.push(format!(
                        "Ignored the link's holders table: {why}; using the tiered preset."
                    ));
                    population = 0;
                }
            }
        }
        s.population = population;
        s.refill();
        let mut known: Vec<&str> = params().iter().map(|p| p.key).collect();
        known.extend(["rule", "reward", "jit", "compare", "pop"]);
        known.extend(super::market_holders::KEYS);
        notices.extend(unknown_keys(route, &known));
        (s, notices)
    }

    /// The route that restores this state exactly (a preset population by name, a
    /// custom one column by column).
    pub fn to_route(&self) -> String {
        let mut pairs = numeric_pairs(params(), &self.values);
        pairs.push(("rule".into(), RULES[self.rule].0.into()));
        pairs.push(("reward".into(), DISTS[self.dist].0.into()));
        pairs.push(("jit".into(), if self.jit { "on" } else { "off" }.into()));
        pairs.push(("compare".into(), if self.compare { "on" } else { "off" }.into()));
        pairs.push(("pop".into(), POPULATIONS[self.population].0.into()));
        if self.population == 3 {
            pairs.extend(super::market_holders::write_rows(&self.holders));
        }
        write_route(PAGE, &pairs)
    }
}

super::url_state!(MarketState);
