//! State of the Allocation page (SPEC §2): the players' values, the mechanism and α.

use std::rc::Rc;

use et_engine::choice::Choice;
use et_engine::contest::Mechanism;
use yew::Reducible;

use crate::pages::nav::Page;
use crate::url_state::{
    numeric_pairs, read_choice, read_list_up_to, read_params, unknown_keys, write_route, Param, Route, Scale,
};

/// Most players the editor takes.
pub const MAX_PLAYERS: usize = 40;

et_engine::choices! {
    /// The mechanism chosen: the page's menu (Tullock takes its exponent α from a
    /// slider; α = 1 is the proportional contest).
    pub enum Mech {
        /// A Tullock contest with exponent α.
        Tullock = ("tullock", "Tullock contest x = b^α / Σ b^α, all pay (α = 1: proportional)"),
        /// Highest bid wins and alone pays.
        WinnerTakeAll = ("winner-take-all", "Winner-take-all (first price)"),
        /// Highest bid wins, everyone pays.
        AllPayAuction = ("all-pay-auction", "All-pay auction (α → ∞)"),
    }
}

et_engine::choices! {
    /// Named value profiles (buttons).
    pub enum Preset {
        /// Seed 003's two builders with values 4 and 2.
        FourTwo = ("four-two", "Seed 003: values (4, 2)"),
        /// Ten builders with Pareto-distributed values (tail index 1.5, minimum 1).
        TenPareto = ("ten-pareto", "Ten builders, Pareto values"),
        /// Five equal builders.
        Equal = ("equal", "Five equal builders"),
    }
}

impl Preset {
    /// The values.
    pub fn values(self) -> Vec<f64> {
        match self {
            Preset::FourTwo => vec![4.0, 2.0],
            // Quantiles (i + ½)/10 of a Pareto law with minimum 1 and tail index 1.5.
            Preset::TenPareto => (0..10)
                .rev()
                .map(|i| crate::format::round_sig((1.0 - (i as f64 + 0.5) / 10.0).powf(-1.0 / 1.5), 3))
                .collect(),
            Preset::Equal => vec![1.0; 5],
        }
    }
}

/// Every control of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct AllocationState {
    /// The players' values (ETH).
    pub values: Vec<f64>,
    pub mech: Mech,
    /// The Tullock exponent.
    pub alpha: f64,
}

impl Default for AllocationState {
    fn default() -> Self {
        Self {
            values: Preset::FourTwo.values(),
            mech: Mech::Tullock,
            alpha: 1.0,
        }
    }
}

/// α's control.
pub fn alpha_param() -> Param {
    Param {
        key: "alpha",
        label: "Exponent α",
        unit: "",
        min: 0.1,
        max: 10.0,
        default: 1.0,
        scale: Scale::Log,
        integer: false,
    }
}

/// A value's domain.
pub fn value_param() -> Param {
    Param {
        key: "v",
        label: "Player value",
        unit: "ETH",
        min: 1e-6,
        max: 1e6,
        default: 1.0,
        scale: Scale::Field,
        integer: false,
    }
}

/// An action of the page's reducer.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetValue(usize, f64),
    AddPlayer,
    RemovePlayer(usize),
    Preset(Preset),
    Mech(Mech),
    Alpha(f64),
    Replace(AllocationState),
}

impl Reducible for AllocationState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SetValue(i, v) if i < s.values.len() => s.values[i] = v,
            Action::SetValue(..) => {}
            Action::AddPlayer if s.values.len() < MAX_PLAYERS => {
                let last = s.values.last().copied().unwrap_or(1.0);
                s.values.push(crate::format::round_sig(last / 2.0, 3).max(1e-6));
            }
            Action::AddPlayer => {}
            Action::RemovePlayer(i) if s.values.len() > 2 && i < s.values.len() => {
                s.values.remove(i);
            }
            Action::RemovePlayer(_) => {}
            Action::Preset(p) => s.values = p.values(),
            Action::Mech(m) => s.mech = m,
            Action::Alpha(a) => s.alpha = a,
            Action::Replace(n) => s = n,
        }
        if s == *self {
            self
        } else {
            Rc::new(s)
        }
    }
}

impl AllocationState {
    /// Reads the state from a route; notices name every ignored parameter.
    pub fn from_route(route: &Route) -> (Self, Vec<String>) {
        let (v, mut notices) = read_params(route, &[alpha_param()]);
        let mut values = read_list_up_to(
            route,
            &value_param(),
            &Preset::FourTwo.values(),
            MAX_PLAYERS,
            &mut notices,
        );
        if values.len() < 2 {
            notices.push("Ignored the link's v: a contest needs at least two players.".into());
            values = Preset::FourTwo.values();
        }
        let mech = read_choice(route, "mechanism", &mut notices);
        notices.extend(unknown_keys(route, &["alpha", "v", "mechanism"]));
        (
            Self {
                values,
                mech,
                alpha: v[0],
            },
            notices,
        )
    }

    /// The route that restores this state exactly.
    pub fn to_route(&self) -> String {
        let mut pairs = vec![("mechanism".to_string(), self.mech.key().to_string())];
        pairs.extend(numeric_pairs(&[alpha_param()], &[self.alpha]));
        pairs.push((
            "v".into(),
            self.values
                .iter()
                .map(|v| crate::format::exact(*v))
                .collect::<Vec<_>>()
                .join(","),
        ));
        write_route(Page::Allocation.key(), &pairs)
    }

    /// The engine's mechanism.
    pub fn mechanism(&self) -> Mechanism {
        match self.mech {
            Mech::Tullock if self.alpha == 1.0 => Mechanism::ProportionalAllPay,
            Mech::Tullock => Mechanism::Tullock(self.alpha),
            Mech::WinnerTakeAll => Mechanism::WinnerTakeAll,
            Mech::AllPayAuction => Mechanism::AllPayAuction,
        }
    }
}

crate::impl_url_state!(AllocationState);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_round_trip_and_presets() {
        let s = AllocationState {
            values: vec![3.5, 1.25, 0.5],
            mech: Mech::AllPayAuction,
            alpha: 2.5,
        };
        let (back, notices) = AllocationState::from_route(&Route::parse(&s.to_route()));
        assert_eq!((back, notices.len()), (s, 0));
        let pareto = Preset::TenPareto.values();
        assert_eq!(pareto.len(), 10);
        assert!(pareto.windows(2).all(|w| w[0] >= w[1]) && pareto[9] >= 1.0);
        let (_, notices) = AllocationState::from_route(&Route::parse("#/allocation?v=4&mechanism=x&alpha=0"));
        assert_eq!(notices.len(), 3, "{notices:?}");
    }
}
