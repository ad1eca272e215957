//! State of the Mechanisms page (SPEC §5): the shared slot model, the mechanisms shown
//! and the sweep.

use std::rc::Rc;

use et_engine::choice::Choice;
use et_engine::mechanisms::{Mechanism, SweepParam, TicketSource};
use et_engine::rewards::RewardKind;
use yew::Reducible;

use super::params::{capture_param, params, Field, Preset, DEFAULT_CAPTURES, FIELDS, MAX_BUILDERS};
use crate::components::DataSet;
use crate::pages::nav::Page;
use crate::url_state::{numeric_pairs, read_choice, read_list_up_to, read_params, unknown_keys, write_route, Route};

/// Every control of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct MechanismsState {
    pub values: [f64; FIELDS],
    /// The builders' capture rates.
    pub captures: Vec<f64>,
    pub dist: RewardKind,
    pub tickets: TicketSource,
    pub sweep: SweepParam,
    /// The mechanisms shown, in table order.
    pub shown: Vec<Mechanism>,
    /// Loaded reward data (not in the URL).
    pub data: Option<DataSet>,
    /// Whether the mainnet data is decoded on this page (not in the URL: its arrival
    /// makes the page check its runs again).
    pub mainnet: bool,
}

impl Default for MechanismsState {
    fn default() -> Self {
        let mut values = [0.0; FIELDS];
        for (v, p) in values.iter_mut().zip(params()) {
            *v = p.default;
        }
        Self {
            values,
            captures: DEFAULT_CAPTURES.to_vec(),
            dist: RewardKind::LogNormal,
            tickets: TicketSource::SteadyState,
            sweep: SweepParam::Spread,
            shown: Mechanism::ALL.to_vec(),
            data: None,
            mainnet: false,
        }
    }
}

/// An action of the reducer.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Set(Field, f64),
    Captures(Vec<f64>),
    Preset(Preset),
    Dist(RewardKind),
    Data(DataSet),
    /// The mainnet data arrived.
    MainnetReady,
    Tickets(TicketSource),
    Sweep(SweepParam),
    /// Shows or hides a mechanism.
    Toggle(Mechanism, bool),
    Replace(MechanismsState),
}

impl Reducible for MechanismsState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Set(f, v) => s.values[f as usize] = v,
            Action::Captures(c) => s.captures = c,
            Action::Preset(p) => {
                let (captures, spread) = p.builders();
                s.captures = captures;
                s.values[Field::Spread as usize] = spread;
                if let Some(c0) = p.local() {
                    s.values[Field::Local as usize] = c0;
                }
            }
            Action::Dist(d) => s.dist = d,
            Action::Data(d) => s.data = Some(d),
            Action::MainnetReady => s.mainnet = true,
            Action::Tickets(t) => s.tickets = t,
            Action::Sweep(p) => s.sweep = p,
            Action::Toggle(m, on) => {
                let keep = |x: &Mechanism| if *x == m { on } else { s.shown.contains(x) };
                s.shown = Mechanism::ALL.iter().copied().filter(keep).collect();
            }
            // A route carries no data: keep what was loaded.
            Action::Replace(n) => {
                s = MechanismsState {
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

/// Reads the mechanisms shown (`show=key,key,…`); an unknown key gets a notice.
fn read_shown(route: &Route, notices: &mut Vec<String>) -> Vec<Mechanism> {
    let Some(text) = route.get("show") else {
        return Mechanism::ALL.to_vec();
    };
    let keys: Vec<&str> = text.split(',').filter(|k| !k.is_empty()).collect();
    for k in keys.iter().filter(|k| Mechanism::from_key(k).is_none()) {
        notices.push(format!(
            "Ignored “{}” in the link's show: expected some of {}.",
            k.chars().filter(|c| !c.is_control()).take(40).collect::<String>(),
            Mechanism::keys()
        ));
    }
    let shown: Vec<Mechanism> = Mechanism::ALL
        .iter()
        .copied()
        .filter(|m| keys.contains(&m.key()))
        .collect();
    if shown.is_empty() {
        Mechanism::ALL.to_vec()
    } else {
        shown
    }
}

impl MechanismsState {
    pub fn get(&self, f: Field) -> f64 {
        self.values[f as usize]
    }

    /// Reads the state from a route; notices name every ignored parameter.
    pub fn from_route(route: &Route) -> (Self, Vec<String>) {
        let d = Self::default();
        let (v, mut notices) = read_params(route, params());
        let mut values = [0.0; FIELDS];
        values.copy_from_slice(&v);
        let captures = read_list_up_to(route, &capture_param(), &d.captures, MAX_BUILDERS, &mut notices);
        let dist = read_choice(route, "reward", &mut notices);
        let tickets = read_choice(route, "tickets", &mut notices);
        let sweep = read_choice(route, "sweep", &mut notices);
        let shown = read_shown(route, &mut notices);
        let mut known: Vec<&str> = params().iter().map(|p| p.key).collect();
        known.extend(["c", "reward", "tickets", "sweep", "show"]);
        notices.extend(unknown_keys(route, &known));
        let s = Self {
            values,
            captures,
            dist,
            tickets,
            sweep,
            shown,
            data: None,
            mainnet: false,
        };
        (s, notices)
    }

    /// The route that restores this state exactly (loaded data aside).
    pub fn to_route(&self) -> String {
        let list = |xs: &[f64]| {
            xs.iter()
                .map(|x| crate::format::exact(*x))
                .collect::<Vec<_>>()
                .join(",")
        };
        let mut pairs = numeric_pairs(params(), &self.values);
        pairs.push(("c".into(), list(&self.captures)));
        pairs.push(("reward".into(), self.dist.key().into()));
        pairs.push(("tickets".into(), self.tickets.key().into()));
        pairs.push(("sweep".into(), self.sweep.key().into()));
        if self.shown.len() < Mechanism::ALL.len() {
            let keys: Vec<&str> = self.shown.iter().map(|m| m.key()).collect();
            pairs.push(("show".into(), keys.join(",")));
        }
        write_route(Page::Mechanisms.key(), &pairs)
    }
}

crate::impl_url_state!(MechanismsState);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_round_trip() {
        let s = MechanismsState {
            captures: vec![1.0, 0.5],
            dist: RewardKind::Pareto,
            tickets: TicketSource::Contest,
            sweep: SweepParam::Builders,
            shown: vec![Mechanism::MevBurn, Mechanism::ExecutionTickets],
            ..Default::default()
        };
        let (back, notices) = MechanismsState::from_route(&Route::parse(&s.to_route()));
        assert_eq!((back, notices.len()), (s, 0));
    }

    #[test]
    fn the_mainnet_preset_sets_the_fitted_builders_without_a_local_builder() {
        let d = Rc::new(MechanismsState::default());
        assert!(!Preset::Mainnet.matches(&d.captures, d.get(Field::Spread), d.get(Field::Local)));
        let s = d.reduce(Action::Preset(Preset::Mainnet));
        assert_eq!(s.captures, et_engine::mechanisms::fit::mainnet_captures());
        assert_eq!((s.get(Field::Spread), s.get(Field::Local)), (0.5, 0.0));
        assert!(Preset::Mainnet.matches(&s.captures, s.get(Field::Spread), s.get(Field::Local)));
        // Its link restores it exactly.
        let (back, notices) = MechanismsState::from_route(&Route::parse(&s.to_route()));
        assert_eq!((&back, notices.len()), (&*s, 0));
        // The other presets keep the local builder.
        let e = s
            .reduce(Action::Set(Field::Local, 0.3))
            .reduce(Action::Preset(Preset::Equal));
        assert_eq!(e.get(Field::Local), 0.3);
    }

    #[test]
    fn bad_link_values_are_named_and_replaced() {
        let r = Route::parse("#/mechanisms?c=1,2&show=mev-burn,raffle&g=7&tickets=x");
        let (s, notices) = MechanismsState::from_route(&r);
        assert_eq!(s.captures, MechanismsState::default().captures);
        assert_eq!(s.shown, vec![Mechanism::MevBurn]);
        assert_eq!(s.get(Field::Deadline), 0.25);
        assert_eq!(notices.len(), 4, "{notices:?}");
        assert!(notices.iter().any(|n| n.contains("raffle")));
    }
}
