//! Settings of the lottery engine on the Ticket value page: the reward law, the Monte
//! Carlo run, the streak and the holders' process simulation.

use std::sync::OnceLock;

use et_engine::choice::Choice;
use et_engine::rewards::data::DataSummary;
use et_engine::rewards::RewardKind;

use crate::components::DataSet;
use crate::url_state::{numeric_pairs, read_choice, read_list, read_params, Param, Route, Scale};

et_engine::choices! {
    /// Where a winner's fresh ticket goes, in the holders' simulation.
    pub enum Remint {
        /// Back to the winner: shares stay.
        Winner = ("winner", "the winner (shares stay)"),
        /// To others: holdings run out.
        Others = ("others", "others (holdings run out)"),
    }
}

impl Remint {
    /// The menu option of the setting `others`.
    pub fn of(others: bool) -> Self {
        if others {
            Self::Others
        } else {
            Self::Winner
        }
    }
}

/// Index of each numeric setting in [`params`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    Samples,
    Seed,
    RunLength,
    Horizon,
    ProcessHorizon,
    Runs,
}

/// The lottery engine's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct LotterySettings {
    pub dist: RewardKind,
    /// Numeric settings in [`Setting`] order.
    pub values: [f64; 6],
    /// Shares of the tickets (%) of the simulated holders.
    pub holders: Vec<f64>,
    /// Whether fresh tickets go to others (else back to the winner).
    pub remint_others: bool,
    /// Loaded reward data, if any.
    pub data: Option<DataSet>,
    /// Whether the mainnet data is decoded on this page (not in the URL: its arrival
    /// makes the page recompute what it builds on its own thread).
    pub mainnet: bool,
}

/// The numeric settings' table.
pub fn params() -> &'static [Param] {
    static P: OnceLock<Vec<Param>> = OnceLock::new();
    P.get_or_init(|| {
        let p =
            |key, label, unit, min, max, default, scale| Param::new(key, label, unit, min, max, default, scale, true);
        vec![
            p("samples", "Monte Carlo samples", "tickets", 1e4, 1e9, 1e6, Scale::Log),
            p("seed", "Seed", "", 0.0, 9_007_199_254_740_991.0, 1.0, Scale::Field),
            p("run", "Run length L", "slots", 1.0, 64.0, 2.0, Scale::Linear(1.0)),
            p("horizon", "Within H", "slots", 1.0, 1e6, 7200.0, Scale::Log),
            p("phorizon", "Simulated horizon", "slots", 10.0, 1e6, 7200.0, Scale::Log),
            p("runs", "Simulated runs", "runs", 1.0, 1000.0, 40.0, Scale::Log),
        ]
    })
}

/// The holders' list: shares of the tickets in %.
pub fn holder_param() -> Param {
    Param {
        key: "holders",
        label: "Holder share",
        unit: "%",
        min: 0.0,
        max: 100.0,
        default: 10.0,
        scale: Scale::Field,
        integer: false,
    }
}

/// What can change.
#[derive(Clone, Debug, PartialEq)]
pub enum LotteryAction {
    Dist(RewardKind),
    Set(Setting, f64),
    Holders(Vec<f64>),
    RemintOthers(bool),
    Data(Option<DataSet>),
    /// The mainnet data arrived.
    MainnetReady,
}

impl Default for LotterySettings {
    fn default() -> Self {
        let mut values = [0.0; 6];
        for (v, p) in values.iter_mut().zip(params()) {
            *v = p.default;
        }
        Self {
            dist: RewardKind::LogNormal,
            values,
            holders: vec![10.0, 30.0],
            remint_others: false,
            data: None,
            mainnet: false,
        }
    }
}

impl LotterySettings {
    /// URL keys it reads.
    pub fn keys() -> Vec<&'static str> {
        let mut k: Vec<&str> = params().iter().map(|p| p.key).collect();
        k.extend(["reward", "holders", "remint"]);
        k
    }

    /// Reads the settings from a route, adding notices for ignored values.
    pub fn from_route(route: &Route, notices: &mut Vec<String>) -> Self {
        let (v, mut n) = read_params(route, params());
        notices.append(&mut n);
        let dist = read_choice(route, "reward", notices);
        let holders = read_list(route, &holder_param(), &Self::default().holders, notices);
        let remint_others = read_choice::<Remint>(route, "remint", notices) == Remint::Others;
        let mut values = [0.0; 6];
        values.copy_from_slice(&v);
        Self {
            dist,
            values,
            holders,
            remint_others,
            data: None,
            mainnet: false,
        }
    }

    /// Its `key=value` pairs for the URL.
    pub fn pairs(&self) -> Vec<(String, String)> {
        let mut pairs = vec![("reward".to_string(), self.dist.key().to_string())];
        pairs.extend(numeric_pairs(params(), &self.values));
        let holders: Vec<String> = self.holders.iter().map(|h| crate::format::exact(*h)).collect();
        pairs.push(("holders".into(), holders.join(",")));
        pairs.push(("remint".into(), Remint::of(self.remint_others).key().into()));
        pairs
    }

    /// Applies an action.
    pub fn apply(&mut self, a: LotteryAction) {
        match a {
            LotteryAction::Dist(d) => self.dist = d,
            LotteryAction::Set(s, v) => self.values[s as usize] = v,
            LotteryAction::Holders(h) => self.holders = h,
            LotteryAction::RemintOthers(b) => self.remint_others = b,
            LotteryAction::Data(d) => self.data = d,
            LotteryAction::MainnetReady => self.mainnet = true,
        }
    }

    /// A numeric setting.
    pub fn get(&self, s: Setting) -> f64 {
        self.values[s as usize]
    }

    /// The data in use, when the family needs data and some is loaded.
    pub fn active_data(&self) -> Option<&DataSet> {
        self.data.as_ref().filter(|_| self.dist.uses_data())
    }

    /// `(mean, sd)` of the reward law given the page's μ and sd.
    pub fn reward_moments(&self, mu: f64, sd: f64) -> (f64, f64) {
        match (self.dist, self.active_data()) {
            (_, Some(data)) => (data.summary.mean, population_sd(&data.summary)),
            (RewardKind::Mainnet, _) => (super::state::MAINNET_MU, super::state::MAINNET_SD),
            (RewardKind::Exponential, _) => (mu, mu),
            (RewardKind::Constant, _) => (mu, 0.0),
            _ => (mu, sd),
        }
    }
}

/// The population sd (the engine's closed forms use the data's own variance).
fn population_sd(s: &DataSummary) -> f64 {
    let n = s.count as f64;
    s.sd * ((n - 1.0).max(0.0) / n).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url_state::write_route;

    #[test]
    fn settings_round_trip_through_the_url() {
        let mut s = LotterySettings::default();
        s.apply(LotteryAction::Dist(RewardKind::Pareto));
        s.apply(LotteryAction::Set(Setting::Seed, 12345.0));
        s.apply(LotteryAction::Holders(vec![5.0, 12.5, 40.0]));
        s.apply(LotteryAction::RemintOthers(true));
        let url = write_route("x", &s.pairs());
        let mut notices = vec![];
        assert_eq!(LotterySettings::from_route(&Route::parse(&url), &mut notices), s);
        assert!(notices.is_empty(), "{notices:?}");
        let bad = Route::parse("#/x?reward=gamma&holders=5,abc&remint=maybe");
        let back = LotterySettings::from_route(&bad, &mut notices);
        assert_eq!(back, LotterySettings::default());
        assert_eq!(notices.len(), 3, "{notices:?}");
    }
}
