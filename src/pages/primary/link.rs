//! The Primary market page's links: reading a state from a route and writing it back.
//!
//! A link with `scenario=` starts from that scenario and overrides it key by key. A link
//! without it is a link of the former page (SPEC §4 before the ET-Simulation scenario)
//! only when it carries a key that only the former model used — the regime's `rho` and
//! `vol`, `expiry` and `refund`, `jit`, the holders table (every link of the former page
//! carried them) — and no key added with the study; it then opens the former model (its
//! missing keys at the former defaults) with a notice saying so. Any other link, bare
//! `#/primary` or `#/primary?seed=2` alike, starts from the ET-Simulation default.

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

/// Keys only the former model used: the former page wrote them on every link, and the
/// ET-Simulation scenario leaves them off (no regime volatility, no expiry or refund,
/// no just-in-time resale, drawn holders instead of a table). The other former keys
/// (`N`, `slots`, `runs`, `seed`, `mu`, `rule`, …) set the study's model too.
const FORMER_ONLY: [&str; 5] = ["rho", "vol", "expiry", "refund", "jit"];

/// The keys a link of the former model carries that only that model used, if it is one:
/// no `scenario=`, no key added with the study, and one of [`FORMER_ONLY`] or the
/// holders table.
fn former_keys(route: &Route) -> Vec<&'static str> {
    let added = params()[LEGACY..]
        .iter()
        .map(|p| p.key)
        .chain(NEW_CHOICES)
        .chain([SWEEP_RANGE.key]);
    if added.clone().any(|k| route.get(k).is_some()) {
        return Vec::new();
    }
    FORMER_ONLY
        .into_iter()
        .chain(KEYS)
        .filter(|k| route.get(k).is_some())
        .collect()
}

/// The notice of a link read as the former model.
fn former_notice(keys: &[&str]) -> String {
    format!(
        "This link has no scenario= and sets {}, which only the former SPEC §4 model used: \
         it opens that model (its other settings at the former defaults). \
         Pick “ET-Simulation” under Scenario for the study's model.",
        keys.join(", ")
    )
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
    let former = former_keys(route);
    let given = route.get("scenario").map(ScenarioKey::from_key);
    let fallback = if former.is_empty() {
        ScenarioKey::EtSimulation
    } else {
        ScenarioKey::Custom
    };
    match given {
        Some(Some(k)) => k,
        Some(None) => choice_or(route, "scenario", fallback, notices),
        None => fallback,
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
        let former = former_keys(route);
        if route.get("scenario").is_none() && !former.is_empty() {
            notices.push(former_notice(&former));
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::primary::params::Field;

    fn read(hash: &str) -> (MarketState, Vec<String>) {
        MarketState::from_route(&Route::parse(hash))
    }

    #[test]
    fn parameters_both_models_use_keep_the_study() {
        for link in [
            "#/primary?seed=2",
            "#/primary?runs=100",
            "#/primary?rule=fixed&runs=3",
            "#/primary?N=50&mu=0.1&count=12&pop=tiered",
        ] {
            let (s, notices) = read(link);
            assert!(former_keys(&Route::parse(link)).is_empty(), "{link}");
            assert!(notices.iter().all(|n| !n.contains("former")), "{link}: {notices:?}");
            assert_eq!(
                s.dist,
                MarketState::et_simulation().dist,
                "{link}: the study's Exp(30) rewards"
            );
            assert_eq!(s.assignment, MarketState::et_simulation().assignment, "{link}");
        }
        let (s, notices) = read("#/primary?seed=2");
        assert_eq!(
            (s.scenario, s.get(Field::Seed), notices.len()),
            (ScenarioKey::EtSimulation, 2.0, 0)
        );
        assert_eq!(read("#/primary?runs=100").0.get(Field::Runs), 100.0);
    }

    #[test]
    fn former_links_keep_the_former_model_and_say_so() {
        // A link as the former page wrote it: every key, no scenario.
        let old = "#/primary?N=100&slots=20000&runs=10&seed=1&mu=0.05&sd=0.1&rho=0.95&vol=0&price=0.035&reserve=0\
                   &p0=0.01&target=0.5&q=8&maxsales=4&base=0.01&kappa=2&expiry=0&refund=0&count=20\
                   &rule=eip1559&reward=lognormal&jit=off&compare=on&pop=tiered";
        let (s, notices) = read(old);
        assert_eq!(s.scenario, ScenarioKey::Classic, "{notices:?}");
        assert_eq!((s.population, s.get(Field::Slots)), (Population::Tiered, 20_000.0));
        assert_eq!(notices.len(), 1, "{notices:?}");
        assert!(
            notices[0].contains("rho, vol, expiry, refund, jit") && notices[0].contains("former SPEC §4 model"),
            "{notices:?}"
        );
        // One former-only key is enough; the holders table too.
        let (s, n) = read("#/primary?jit=on&seed=3");
        assert_eq!(
            (s.jit, s.population, s.get(Field::Seed), n.len()),
            (true, Population::Tiered, 3.0, 1)
        );
        let (s, n) = read("#/primary?pop=custom&hb=1,2&hc=0.5,0.9&hd=5,5&hm=0,0");
        assert_eq!(
            (s.population, s.holders.len(), n.len()),
            (Population::Custom, 2, 1),
            "{n:?}"
        );
        // A key added with the study means the link was made after it: no legacy reading.
        assert!(former_keys(&Route::parse("#/primary?jit=on&measure=held")).is_empty());
        // With a scenario, the scenario decides and nothing is said.
        let (s, n) = read("#/primary?scenario=et-simulation&vol=0.2");
        assert_eq!((s.get(Field::Volatility), n.len()), (0.2, 0));
        assert_eq!(s.dist, MarketState::et_simulation().dist);
    }
}
