//! State of the Ticket value page (SPEC §1 closed forms).

use std::rc::Rc;
use std::sync::OnceLock;

use et_engine::lottery::{Lottery, TicketSummary};
use et_engine::rates::per_slot_from_annual;
use yew::Reducible;

use et_engine::choice::Choice;

use super::lottery::{LotteryAction, LotterySettings};
use crate::pages::nav::Page;
use crate::url_state::{numeric_pairs, read_params, unknown_keys, write_route, Param, Route, Scale};

/// Every control of the Ticket value page.
#[derive(Clone, Debug, PartialEq)]
pub struct TicketState {
    /// Mean reward per slot μ, in ETH.
    pub mu: f64,
    /// Standard deviation of the reward per slot, in ETH.
    pub sd: f64,
    /// Per-slot discount rate d.
    pub d: f64,
    /// Number of outstanding tickets n.
    pub n: f64,
    /// Holding share P of the tickets.
    pub share: f64,
    /// Lookahead m, in slots.
    pub lookahead: f64,
    /// The lottery engine's settings (reward law, Monte Carlo, streaks, holders).
    pub lottery: LotterySettings,
}

/// Which control changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Mu,
    Sd,
    D,
    N,
    Share,
    Lookahead,
}

/// The mean and standard deviation of the winning MEV-Boost bid over the six months of
/// mainnet data (10 Oct 2023 – 9 Apr 2024, blocks with a value; `docs/mainnet-data.md`),
/// to four significant digits (a test checks them against the fixture computed from the
/// source CSV).
pub const MAINNET_MU: f64 = 0.1225;
pub const MAINNET_SD: f64 = 1.720;

et_engine::choices! {
    /// Named starting points (buttons).
    pub enum Preset {
        /// The page's default: d from a 3.5 % annual rate, μ of a typical block's reward.
        Typical = ("typical", "Default (3.5 %/yr, μ = 0.05 ETH)"),
        /// μ and sd of the six months of mainnet data, d from 3.5 % a year.
        Mainnet = ("mainnet", "Mainnet, Oct 2023 – Apr 2024 (μ = 0.1225, sd = 1.72 ETH)"),
        /// A large discount (d = 1 %) that makes the n-dependence visible at small n.
        Textbook = ("textbook", "Textbook (d = 1 %, μ = 1 ETH)"),
    }
}

impl Preset {
    /// The state it sets.
    pub fn state(self) -> TicketState {
        match self {
            Preset::Typical => TicketState {
                mu: 0.05,
                sd: 0.15,
                d: per_slot_from_annual(0.035),
                n: 10_000.0,
                share: 0.1,
                lookahead: 0.0,
                lottery: LotterySettings::default(),
            },
            Preset::Mainnet => TicketState {
                mu: MAINNET_MU,
                sd: MAINNET_SD,
                ..Preset::Typical.state()
            },
            Preset::Textbook => TicketState {
                mu: 1.0,
                sd: 1.0,
                d: 0.01,
                n: 100.0,
                share: 0.1,
                lookahead: 0.0,
                lottery: LotterySettings::default(),
            },
        }
    }
}

/// The URL parameter table, in [`Field`] order.
pub fn params() -> &'static [Param] {
    static PARAMS: OnceLock<Vec<Param>> = OnceLock::new();
    PARAMS.get_or_init(|| {
        let d = Preset::Typical.state();
        let p = Param::new;
        vec![
            p("mu", "Mean reward μ", "ETH", 1e-4, 100.0, d.mu, Scale::Log, false),
            p(
                "sd",
                "Reward standard deviation",
                "ETH",
                0.0,
                5.0,
                d.sd,
                Scale::Linear(0.005),
                false,
            ),
            p(
                "d",
                "Per-slot discount d",
                "per slot",
                1e-12,
                1e-2,
                d.d,
                Scale::Log,
                false,
            ),
            p("n", "Tickets outstanding n", "tickets", 1.0, 1e9, d.n, Scale::Log, true),
            p(
                "share",
                "Holding share P",
                "of tickets",
                1e-3,
                1.0,
                d.share,
                Scale::Log,
                false,
            ),
            p(
                "m",
                "Lookahead m",
                "slots",
                0.0,
                7200.0,
                d.lookahead,
                Scale::Linear(1.0),
                true,
            ),
        ]
    })
}

impl Default for TicketState {
    fn default() -> Self {
        Preset::Typical.state()
    }
}

/// An action of the page's one reducer.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Set one control.
    Set(Field, f64),
    /// Apply a preset.
    Preset(Preset),
    /// Replace the whole state (from a URL).
    Replace(TicketState),
    /// Change a lottery-engine setting.
    Lottery(LotteryAction),
}

impl Reducible for TicketState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Set(field, v) => *next.field_mut(field) = v,
            Action::Preset(p) => {
                next = TicketState {
                    lottery: next.lottery.clone(),
                    ..p.state()
                }
            }
            Action::Lottery(a) => next.lottery.apply(a),
            Action::Replace(s) => next = s,
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

impl TicketState {
    fn field_mut(&mut self, f: Field) -> &mut f64 {
        match f {
            Field::Mu => &mut self.mu,
            Field::Sd => &mut self.sd,
            Field::D => &mut self.d,
            Field::N => &mut self.n,
            Field::Share => &mut self.share,
            Field::Lookahead => &mut self.lookahead,
        }
    }

    fn values(&self) -> [f64; 6] {
        [self.mu, self.sd, self.d, self.n, self.share, self.lookahead]
    }

    /// Reads the state from a route; notices name every ignored parameter.
    pub fn from_route(route: &Route) -> (Self, Vec<String>) {
        let (v, mut notices) = read_params(route, params());
        let lottery = LotterySettings::from_route(route, &mut notices);
        let mut known: Vec<&str> = params().iter().map(|p| p.key).collect();
        known.extend(LotterySettings::keys());
        notices.extend(unknown_keys(route, &known));
        let s = TicketState {
            mu: v[0],
            sd: v[1],
            d: v[2],
            n: v[3],
            share: v[4],
            lookahead: v[5],
            lottery,
        };
        (s, notices)
    }

    /// The route that restores this state exactly.
    pub fn to_route(&self) -> String {
        let mut pairs = numeric_pairs(params(), &self.values());
        pairs.extend(self.lottery.pairs());
        write_route(Page::TicketValue.key(), &pairs)
    }

    /// The engine's lottery for this state.
    pub fn lottery(&self) -> Result<Lottery, et_engine::EngineError> {
        let (mean, sd) = self.reward_moments();
        Lottery::new(mean, sd * sd, self.d, self.n)
    }

    /// The reward's mean and standard deviation under the chosen distribution (the
    /// data's own when data is in use).
    pub fn reward_moments(&self) -> (f64, f64) {
        self.lottery.reward_moments(self.mu, self.sd)
    }

    /// The closed forms for this state.
    pub fn summary(&self) -> Result<TicketSummary, et_engine::EngineError> {
        self.lottery()?.summary(Some(self.share), self.lookahead)
    }
}

crate::impl_url_state!(TicketState);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_round_trip_is_exact() {
        for p in Preset::ALL {
            let mut s = p.state();
            s.n = 123_457.0;
            s.share = 0.37;
            let (back, notices) = TicketState::from_route(&Route::parse(&s.to_route()));
            assert_eq!(back, s);
            assert!(notices.is_empty());
        }
    }

    /// The mainnet preset's numbers are the data's (the fixture computed from the source
    /// CSV by `scripts/mainnet_fixture.py`, never from the asset).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_mainnet_preset_is_the_six_months() {
        let fixture: serde_json::Value =
            serde_json::from_str(include_str!("../../../engine/tests/fixtures/mainnet_summary.json")).unwrap();
        let whole = &fixture["windows"][0];
        assert_eq!(whole["name"], "whole range");
        let (mu, sd) = (
            whole["summary"]["mean"].as_f64().unwrap(),
            whole["summary"]["sd"].as_f64().unwrap(),
        );
        assert!((MAINNET_MU / mu - 1.0).abs() < 5e-4, "{mu}");
        assert!((MAINNET_SD / sd - 1.0).abs() < 5e-4, "{sd}");
        let p = Preset::Mainnet.state();
        for (param, v) in params().iter().zip(p.values()) {
            assert_eq!(param.check(v), Ok(v), "{}", param.key);
        }
    }

    #[test]
    fn defaults_are_in_range() {
        let s = TicketState::default();
        for (p, v) in params().iter().zip(s.values()) {
            assert_eq!(p.check(v), Ok(v), "{}", p.key);
        }
        assert!(s.summary().is_ok());
    }
}
