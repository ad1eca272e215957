//! State of the Mainnet page: the window, the tickets and how missing slots count, all in
//! the link.

use std::rc::Rc;

use et_engine::choice::Choice;
use yew::Reducible;

use super::params::{params, Field, ModeChoice, WindowPreset, FIELDS};
use crate::pages::nav::Page;
use crate::url_state::{numeric_pairs, read_choice, read_params, unknown_keys, write_route, Route};
use crate::worker::reward::{MissingChoice, RewardSpec};

/// Every control of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct MainnetState {
    pub values: [f64; FIELDS],
    pub mode: ModeChoice,
    pub missing: MissingChoice,
}

impl Default for MainnetState {
    fn default() -> Self {
        let mut values = [0.0; FIELDS];
        for (v, p) in values.iter_mut().zip(params()) {
            *v = p.default;
        }
        Self {
            values,
            mode: ModeChoice::Replay,
            missing: MissingChoice::Skip,
        }
    }
}

/// An action of the reducer.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Set(Field, f64),
    Window(WindowPreset),
    Mode(ModeChoice),
    Missing(MissingChoice),
    Replace(MainnetState),
}

impl Reducible for MainnetState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Set(f, v) => s.values[f as usize] = v,
            Action::Window(p) => {
                let (from, to) = p.window();
                s.values[Field::From as usize] = from as f64;
                s.values[Field::To as usize] = to as f64;
            }
            Action::Mode(m) => s.mode = m,
            Action::Missing(m) => s.missing = m,
            Action::Replace(n) => s = n,
        }
        if s == *self {
            self
        } else {
            Rc::new(s)
        }
    }
}

impl MainnetState {
    pub fn get(&self, f: Field) -> f64 {
        self.values[f as usize]
    }

    /// The window's first and last slots.
    pub fn window(&self) -> (u64, u64) {
        (self.get(Field::From) as u64, self.get(Field::To) as u64)
    }

    /// The window as a reward law for the workers (`block` 0: replay), its values times
    /// `scale`.
    pub fn reward(&self, block: u64, scale: f64) -> RewardSpec {
        let (from, to) = self.window();
        RewardSpec::Mainnet {
            from,
            to,
            block,
            missing: self.missing.key().into(),
            scale,
        }
    }

    /// Reads the state from a route; notices name every ignored parameter (a window whose
    /// last slot is before its first is named and replaced by the six months).
    pub fn from_route(route: &Route) -> (Self, Vec<String>) {
        let (v, mut notices) = read_params(route, params());
        let mut values = [0.0; FIELDS];
        values.copy_from_slice(&v);
        if values[Field::To as usize] < values[Field::From as usize] {
            notices
                .push("Ignored the link's window: its last slot is before its first; showing the six months.".into());
            let (from, to) = WindowPreset::All.window();
            values[Field::From as usize] = from as f64;
            values[Field::To as usize] = to as f64;
        }
        let mode = read_choice(route, "mode", &mut notices);
        let missing = read_choice(route, "missing", &mut notices);
        let mut known: Vec<&str> = params().iter().map(|p| p.key).collect();
        known.extend(["mode", "missing"]);
        notices.extend(unknown_keys(route, &known));
        (Self { values, mode, missing }, notices)
    }

    /// The route that restores this state exactly.
    pub fn to_route(&self) -> String {
        let mut pairs = numeric_pairs(params(), &self.values);
        pairs.push(("mode".into(), self.mode.key().into()));
        pairs.push(("missing".into(), self.missing.key().into()));
        write_route(Page::Mainnet.key(), &pairs)
    }
}

crate::impl_url_state!(MainnetState);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_round_trip() {
        let mut s = MainnetState {
            mode: ModeChoice::Resample,
            missing: MissingChoice::Zero,
            ..Default::default()
        };
        s.values[Field::N as usize] = 250.0;
        let s = Rc::new(s).reduce(Action::Window(WindowPreset::Jan));
        let (back, notices) = MainnetState::from_route(&Route::parse(&s.to_route()));
        assert_eq!((&back, notices.len()), (&*s, 0));
        assert_eq!(back.window(), WindowPreset::Jan.window());
    }

    #[test]
    fn a_reversed_or_outside_window_is_named() {
        let r = Route::parse("#/mainnet?from=8000000&to=7600000&missing=maybe");
        let (s, notices) = MainnetState::from_route(&r);
        assert_eq!(s.window(), WindowPreset::All.window());
        assert_eq!(notices.len(), 2, "{notices:?}");
        let (s, notices) = MainnetState::from_route(&Route::parse("#/mainnet?from=5"));
        assert_eq!((s.window().0, notices.len()), (WindowPreset::All.window().0, 1));
    }
}
