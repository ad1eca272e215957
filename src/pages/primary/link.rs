//! The Primary market page's links: reading a state from a route and writing it back.
//!
//! A link with `scenario=` starts from that scenario and overrides it key by key. A link
//! without it that carries any of the former page's keys is the former model (SPEC §4,
//! its missing keys at the former defaults), so old links keep their meaning; any other
//! link (bare `#/primary`) starts from the ET-Simulation default.

use et_engine::choice::Choice;

use super::choices::{ConcMeasure, Resale, ScenarioKey, SweepBy};
use super::holders::{read_rows, write_rows, KEYS};
use super::params::{params, Compare, Jit, Population, FIELDS, LEGACY};
use super::state::{Action, MarketState};
use crate::format;
use crate::pages::nav::Page;
use crate::url_state::{numeric_pairs, read_list_up_to, read_params, unknown_keys, write_route, Param, Route, Scale};

/// The former page's choice keys (with its numeric keys, [`LEGACY`] of them).
const LEGACY_CHOICES: [&str; 5] = ["rule", "reward", "jit", "compare", "pop"];

/// The page's choice keys added for SPEC §4.1.
const NEW_CHOICES: [&str; 8] = [
    "scenario", "assign", "strategy", "rules", "initto", "resale", "measure", "sweep",
];

/// Whether a route carries any key of the former page.
fn has_legacy_key(route: &Route) -> bool {
    let numeric = params()[..LEGACY].iter().map(|p| p.key);
    let mut keys = numeric.chain(LEGACY_CHOICES).chain(KEYS);
    keys.any(|k| route.get(k).is_some())
}

/// The choice under `key`, or `default` when the link has none; an unknown key gets a
/// notice naming it and keeps `default`.
fn choice_or<T: Choice>(route: &Route, key: &str, default: T, notices: &mut Vec<String>) -> T {
    let Some(v) = route.get(key) else { return default };
    T::from_key(v).unwrap_or_else(|| {
        notices.push(format!(
            "Ignored the link's {key}={}: expected one of {}; using {}.",
            v.chars().filter(|c| !c.is_control()).take(40).collect::<String>(),
            T::keys(),
            default.key()
        ));
        default
    })
}

/// The scenario a route starts from.
fn base(route: &Route, notices: &mut Vec<String>) -> ScenarioKey {
    let given = route.get("scenario").map(ScenarioKey::from_key);
    match given {
        Some(Some(k)) => k,
        Some(None) => {
            let k = if has_legacy_key(route) {
                ScenarioKey::Custom
            } else {
                ScenarioKey::EtSimulation
            };
            choice_or(route, "scenario", k, notices)
        }
        None if has_legacy_key(route) => ScenarioKey::Custom,
        None => ScenarioKey::EtSimulation,
    }
}

/// Reads the numeric controls with the scenario's values as defaults.
fn read_values(route: &Route, b: &MarketState, notices: &mut Vec<String>) -> [f64; FIELDS] {
    let table: Vec<Param> = params()
        .iter()
        .zip(b.values)
        .map(|(p, v)| Param {
            default: v,
            ..p.clone()
        })
        .collect();
    let (v, n) = read_params(route, &table);
    notices.extend(n);
    let mut values = [0.0; FIELDS];
    values.copy_from_slice(&v);
    values
}

/// Reads the choices with the scenario's as defaults.
fn read_choices(route: &Route, s: &mut MarketState, notices: &mut Vec<String>) {
    s.rule = choice_or(route, "rule", s.rule, notices);
    s.dist = choice_or(route, "reward", s.dist, notices);
    s.jit = choice_or(route, "jit", if s.jit { Jit::On } else { Jit::Off }, notices) == Jit::On;
    let compare = if s.compare { Compare::On } else { Compare::Off };
    s.compare = choice_or(route, "compare", compare, notices) == Compare::On;
    s.population = choice_or(route, "pop", s.population, notices);
    s.assignment = choice_or(route, "assign", s.assignment, notices);
    s.strategy = choice_or(route, "strategy", s.strategy, notices);
    s.rules = choice_or(route, "rules", s.rules, notices);
    s.initial_to = choice_or(route, "initto", s.initial_to, notices);
    let resale = if s.resale { Resale::On } else { Resale::Off };
    s.resale = choice_or(route, "resale", resale, notices) == Resale::On;
    s.measure = choice_or::<ConcMeasure>(route, "measure", s.measure, notices);
    s.sweep = choice_or(route, "sweep", s.sweep, notices);
    if route.get(SWEEP_RANGE.key).is_some() {
        let v = read_list_up_to(route, &SWEEP_RANGE, &[], 2, notices);
        s.sweep_range = SweepBy::range_of(&v);
    }
}

/// The sweep's range in a link (`srange=from,to`; absent: the parameter's own).
pub const SWEEP_RANGE: Param = Param::new("srange", "sweep range", "", -1e12, 1e12, 0.0, Scale::Field, false);

impl MarketState {
    /// Reads the state from a route; notices name every ignored parameter.
    pub fn from_route(route: &Route) -> (Self, Vec<String>) {
        let mut notices = Vec::new();
        let key = base(route, &mut notices);
        let b = MarketState::default().scenario_state(key);
        let mut s = MarketState {
            values: read_values(route, &b, &mut notices),
            ..b
        };
        read_choices(route, &mut s, &mut notices);
        if s.population == Population::Custom {
            match read_rows(route) {
                Ok(rows) => {
                    s.values[super::params::Field::Count as usize] = rows.len() as f64;
                    s.holders = rows;
                }
                Err(why) => {
                    notices.push(format!(
                        "Ignored the link's holders table: {why}; using the tiered preset."
                    ));
                    s.population = Population::Tiered;
                }
            }
        }
        s.refill();
        s.scenario = match key {
            ScenarioKey::Custom if route.get("scenario").is_some() => key,
            _ if s.is(ScenarioKey::EtSimulation) => ScenarioKey::EtSimulation,
            _ if s.is(ScenarioKey::Classic) => ScenarioKey::Classic,
            _ => ScenarioKey::Custom,
        };
        let mut known: Vec<&str> = params().iter().map(|p| p.key).collect();
        known.extend(LEGACY_CHOICES);
        known.extend(NEW_CHOICES);
        known.extend(KEYS);
        known.push(SWEEP_RANGE.key);
        notices.extend(unknown_keys(route, &known));
        (s, notices)
    }

    /// The route that restores this state exactly (a preset population by name, a
    /// custom one column by column, a drawn one by its seed).
    pub fn to_route(&self) -> String {
        let mut pairs = vec![("scenario".to_string(), self.scenario.key().to_string())];
        pairs.extend(numeric_pairs(params(), &self.values));
        let jit = if self.jit { Jit::On } else { Jit::Off };
        let compare = if self.compare { Compare::On } else { Compare::Off };
        let resale = if self.resale { Resale::On } else { Resale::Off };
        for (k, v) in [
            ("rule", self.rule.key()),
            ("reward", self.dist.key()),
            ("jit", jit.key()),
            ("compare", compare.key()),
            ("pop", self.population.key()),
            ("assign", self.assignment.key()),
            ("strategy", self.strategy.key()),
            ("rules", self.rules.key()),
            ("initto", self.initial_to.key()),
            ("resale", resale.key()),
            ("measure", self.measure.key()),
            ("sweep", self.sweep.key()),
        ] {
            pairs.push((k.into(), v.into()));
        }
        if self.population == Population::Custom {
            pairs.extend(write_rows(&self.holders));
        }
        if let Some((lo, hi)) = self.sweep_range {
            pairs.push((
                SWEEP_RANGE.key.into(),
                format!("{},{}", format::exact(lo), format::exact(hi)),
            ));
        }
        write_route(Page::Primary.key(), &pairs)
    }
}

crate::impl_url_state!(MarketState);
