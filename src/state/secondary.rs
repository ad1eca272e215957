//! State of the Secondary market page (SPEC §3).

use std::rc::Rc;
use std::sync::OnceLock;

use et_engine::secondary::{Buyer, Format, Market, SweepParam};
use yew::Reducible;

use crate::url_state::{
    numeric_pairs, read_choice, read_list_up_to, read_params, unknown_keys, write_route, Param, Route, Scale,
};

/// The page's name in its route.
pub const PAGE: &str = "secondary";
/// Most buyers.
pub const MAX_BUYERS: usize = 32;

/// Numeric controls, in table order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Maturity,
    Mu,
    Sigma,
    SellerCost,
    SellerDiscount,
    BuyerDiscount,
    RiskAversion,
    HoldingCost,
}

/// The numeric table.
pub fn params() -> &'static [Param] {
    static P: OnceLock<Vec<Param>> = OnceLock::new();
    P.get_or_init(|| {
        let p = Param::new;
        vec![
            p("T", "Maturity T", "slots", 1.0, 1024.0, 64.0, Scale::Linear(1.0), true),
            p(
                "mu",
                "Forecast μ of the slot's reward",
                "ETH",
                1e-3,
                100.0,
                0.05,
                Scale::Log,
                false,
            ),
            p(
                "sigma",
                "Forecast volatility σ",
                "per slot",
                0.0,
                0.5,
                0.05,
                Scale::Linear(0.005),
                false,
            ),
            p("sc", "Seller's cost θ_S", "ETH", 0.0, 100.0, 0.02, Scale::Field, false),
            p(
                "ds",
                "Seller's discount d_S",
                "per slot",
                0.0,
                0.05,
                0.001,
                Scale::Linear(0.0001),
                false,
            ),
            p(
                "db",
                "Buyers' discount d_B",
                "per slot",
                0.0,
                0.05,
                0.001,
                Scale::Linear(0.0001),
                false,
            ),
            p(
                "rho",
                "Buyers' risk aversion ρ",
                "1/ETH",
                0.0,
                50.0,
                0.0,
                Scale::Linear(0.1),
                false,
            ),
            p(
                "K",
                "Holding cost K",
                "ETH/slot",
                0.0,
                0.01,
                0.0,
                Scale::Linear(0.00001),
                false,
            ),
        ]
    })
}

/// A buyer cost's domain.
pub fn cost_param() -> Param {
    Param {
        key: "bc",
        label: "Buyer cost",
        unit: "ETH",
        min: 0.0,
        max: 100.0,
        default: 0.01,
        scale: Scale::Field,
        integer: false,
    }
}

/// A buyer arrival's domain.
pub fn arrival_param() -> Param {
    Param {
        key: "ba",
        label: "Buyer arrival",
        unit: "slot",
        min: 0.0,
        max: 1024.0,
        default: 0.0,
        scale: Scale::Field,
        integer: true,
    }
}

/// What the sweep varies.
pub const SWEEPS: [(&str, &str); 5] = [
    ("rho", "risk aversion ρ (0 to 20)"),
    ("K", "holding cost K (0 to 0.001 ETH/slot)"),
    ("gap", "discount gap d_S − d_B (−0.002 to 0.002)"),
    ("sigma", "volatility σ (0 to 0.2)"),
    ("arrival", "buyer 1's arrival (0 to T)"),
];

/// Named starting points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// Two early buyers and one just-in-time buyer (seed 004's question).
    EarlyAndJit,
    /// The seller is more impatient than the buyers.
    Impatient,
    /// Risk-averse buyers.
    RiskAverse,
}

impl Preset {
    pub const ALL: [Preset; 3] = [Preset::EarlyAndJit, Preset::Impatient, Preset::RiskAverse];

    pub fn label(self) -> &'static str {
        match self {
            Preset::EarlyAndJit => "Two early buyers, one just in time",
            Preset::Impatient => "Impatient seller (d_S > d_B)",
            Preset::RiskAverse => "Risk-averse buyers (ρ = 20)",
        }
    }
}

/// Every control of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct SecondaryState {
    pub values: [f64; 8],
    pub seller_builds: bool,
    pub posted: bool,
    pub costs: Vec<f64>,
    pub arrivals: Vec<f64>,
    pub sweep: usize,
}

impl Default for SecondaryState {
    fn default() -> Self {
        let mut values = [0.0; 8];
        for (v, p) in values.iter_mut().zip(params()) {
            *v = p.default;
        }
        Self {
            values,
            seller_builds: true,
            posted: false,
            costs: vec![0.01, 0.015, 0.0],
            arrivals: vec![0.0, 0.0, 64.0],
            sweep: 0,
        }
    }
}

/// An action of the reducer.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Set(Field, f64),
    SellerBuilds(bool),
    Posted(bool),
    Costs(Vec<f64>),
    Arrivals(Vec<f64>),
    Sweep(usize),
    Preset(Preset),
    Replace(SecondaryState),
}

impl Reducible for SecondaryState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Set(f, v) => s.values[f as usize] = v,
            Action::SellerBuilds(b) => s.seller_builds = b,
            Action::Posted(b) => s.posted = b,
            Action::Costs(c) => s.costs = c,
            Action::Arrivals(a) => s.arrivals = a,
            Action::Sweep(i) => s.sweep = i,
            Action::Preset(p) => {
                let t = s.get(Field::Maturity);
                s = SecondaryState {
                    values: SecondaryState::default().values,
                    ..SecondaryState::default()
                };
                s.values[Field::Maturity as usize] = t;
                s.arrivals = vec![0.0, 0.0, t];
                match p {
                    Preset::EarlyAndJit => {}
                    Preset::Impatient => s.values[Field::SellerDiscount as usize] = 0.01,
                    Preset::RiskAverse => s.values[Field::RiskAversion as usize] = 20.0,
                }
            }
            Action::Replace(n) => s = n,
        }
        if s == *self {
            self
        } else {
            Rc::new(s)
        }
    }
}

impl SecondaryState {
    pub fn get(&self, f: Field) -> f64 {
        self.values[f as usize]
    }

    /// The engine's market, or a message naming what is wrong.
    pub fn market(&self) -> Result<Market, String> {
        if self.costs.len() != self.arrivals.len() {
            return Err(format!(
                "Give as many arrivals ({}) as costs ({}): one of each per buyer.",
                self.arrivals.len(),
                self.costs.len()
            ));
        }
        let t = self.get(Field::Maturity);
        let buyers = self
            .costs
            .iter()
            .zip(&self.arrivals)
            .map(|(&cost, &a)| Buyer {
                cost,
                arrival: a.min(t) as u32,
            })
            .collect();
        Ok(Market {
            maturity: t as u32,
            mu: self.get(Field::Mu),
            sigma: self.get(Field::Sigma),
            buyers,
            seller_cost: self.seller_builds.then(|| self.get(Field::SellerCost)),
            seller_discount: self.get(Field::SellerDiscount),
            buyer_discount: self.get(Field::BuyerDiscount),
            risk_aversion: self.get(Field::RiskAversion),
            holding_cost: self.get(Field::HoldingCost),
            format: if self.posted {
                Format::PostedPrice
            } else {
                Format::SecondPrice
            },
        })
    }

    /// The sweep's parameter and its 25 values.
    pub fn sweep_values(&self) -> (SweepParam, Vec<f64>) {
        let grid = |lo: f64, hi: f64| (0..25).map(|i| lo + (hi - lo) * i as f64 / 24.0).collect::<Vec<_>>();
        match SWEEPS[self.sweep].0 {
            "rho" => (SweepParam::RiskAversion, grid(0.0, 20.0)),
            "K" => (SweepParam::HoldingCost, grid(0.0, 0.001)),
            "gap" => (
                SweepParam::DiscountGap,
                grid(-0.002_f64.max(-self.get(Field::BuyerDiscount)), 0.002),
            ),
            "sigma" => (SweepParam::Sigma, grid(0.0, 0.2)),
            _ => (SweepParam::Arrival(0), grid(0.0, self.get(Field::Maturity))),
        }
    }

    /// Reads the state from a route; notices name every ignored parameter.
    pub fn from_route(route: &Route) -> (Self, Vec<String>) {
        let d = Self::default();
        let (v, mut notices) = read_params(route, params());
        let mut values = [0.0; 8];
        values.copy_from_slice(&v);
        let seller_builds = read_choice(route, "seller", &["builds", "cannot"], &mut notices) == 0;
        let posted = read_choice(route, "format", &["second-price", "posted-price"], &mut notices) == 1;
        let costs = read_list_up_to(route, &cost_param(), &d.costs, MAX_BUYERS, &mut notices);
        let arrivals = read_list_up_to(route, &arrival_param(), &d.arrivals, MAX_BUYERS, &mut notices);
        let keys: Vec<&str> = SWEEPS.iter().map(|s| s.0).collect();
        let sweep = read_choice(route, "sweep", &keys, &mut notices);
        let mut known: Vec<&str> = params().iter().map(|p| p.key).collect();
        known.extend(["seller", "format", "bc", "ba", "sweep"]);
        notices.extend(unknown_keys(route, &known));
        (
            Self {
                values,
                seller_builds,
                posted,
                costs,
                arrivals,
                sweep,
            },
            notices,
        )
    }

    /// The route that restores this state exactly.
    pub fn to_route(&self) -> String {
        let list = |xs: &[f64]| {
            xs.iter()
                .map(|x| crate::format::exact(*x))
                .collect::<Vec<_>>()
                .join(",")
        };
        let mut pairs = numeric_pairs(params(), &self.values);
        pairs.push((
            "seller".into(),
            if self.seller_builds { "builds" } else { "cannot" }.into(),
        ));
        pairs.push((
            "format".into(),
            if self.posted { "posted-price" } else { "second-price" }.into(),
        ));
        pairs.push(("bc".into(), list(&self.costs)));
        pairs.push(("ba".into(), list(&self.arrivals)));
        pairs.push(("sweep".into(), SWEEPS[self.sweep].0.into()));
        write_route(PAGE, &pairs)
    }
}

super::url_state!(SecondaryState);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_round_trip_and_market() {
        let mut s = SecondaryState {
            posted: true,
            seller_builds: false,
            sweep: 3,
            ..Default::default()
        };
        let (back, notices) = SecondaryState::from_route(&Route::parse(&s.to_route()));
        assert_eq!((back, notices.len()), (s.clone(), 0));
        assert!(s.market().unwrap().solve().is_ok());
        s.arrivals.pop();
        assert!(s.market().unwrap_err().contains("as many arrivals"));
    }
}
