//! State of the Secondary market page (SPEC §3).

use std::rc::Rc;

use et_engine::secondary::{Buyer, Format, Market, SweepParam};
use yew::Reducible;

use et_engine::choice::Choice;

use super::params::{arrival_param, cost_param, params, Field, Preset, Seller, Sweep, MAX_BUYERS};
use crate::pages::nav::Page;
use crate::url_state::{numeric_pairs, read_choice, read_list_up_to, read_params, unknown_keys, write_route, Route};

/// Every control of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct SecondaryState {
    pub values: [f64; 8],
    pub seller_builds: bool,
    pub posted: bool,
    pub costs: Vec<f64>,
    pub arrivals: Vec<f64>,
    pub sweep: Sweep,
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
            sweep: Sweep::RiskAversion,
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
    Sweep(Sweep),
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

    /// The sale format chosen.
    pub fn format(&self) -> Format {
        if self.posted {
            Format::PostedPrice
        } else {
            Format::SecondPrice
        }
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
            format: self.format(),
        })
    }

    /// The sweep's parameter and its 25 values.
    pub fn sweep_values(&self) -> (SweepParam, Vec<f64>) {
        let grid = |lo: f64, hi: f64| (0..25).map(|i| lo + (hi - lo) * i as f64 / 24.0).collect::<Vec<_>>();
        match self.sweep {
            Sweep::RiskAversion => (SweepParam::RiskAversion, grid(0.0, 20.0)),
            Sweep::HoldingCost => (SweepParam::HoldingCost, grid(0.0, 0.001)),
            Sweep::DiscountGap => (
                SweepParam::DiscountGap,
                grid(-0.002_f64.max(-self.get(Field::BuyerDiscount)), 0.002),
            ),
            Sweep::Sigma => (SweepParam::Sigma, grid(0.0, 0.2)),
            Sweep::Arrival => (SweepParam::Arrival(0), grid(0.0, self.get(Field::Maturity))),
        }
    }

    /// Reads the state from a route; notices name every ignored parameter.
    pub fn from_route(route: &Route) -> (Self, Vec<String>) {
        let d = Self::default();
        let (v, mut notices) = read_params(route, params());
        let mut values = [0.0; 8];
        values.copy_from_slice(&v);
        let seller_builds = read_choice::<Seller>(route, "seller", &mut notices) == Seller::Builds;
        let posted = read_choice::<Format>(route, "format", &mut notices) == Format::PostedPrice;
        let costs = read_list_up_to(route, &cost_param(), &d.costs, MAX_BUYERS, &mut notices);
        let arrivals = read_list_up_to(route, &arrival_param(), &d.arrivals, MAX_BUYERS, &mut notices);
        let sweep = read_choice(route, "sweep", &mut notices);
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
        pairs.push(("seller".into(), Seller::of(self.seller_builds).key().into()));
        pairs.push(("format".into(), self.format().key().into()));
        pairs.push(("bc".into(), list(&self.costs)));
        pairs.push(("ba".into(), list(&self.arrivals)));
        pairs.push(("sweep".into(), self.sweep.key().into()));
        write_route(Page::Secondary.key(), &pairs)
    }
}

crate::impl_url_state!(SecondaryState);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_round_trip_and_market() {
        let mut s = SecondaryState {
            posted: true,
            seller_builds: false,
            sweep: Sweep::Sigma,
            ..Default::default()
        };
        let (back, notices) = SecondaryState::from_route(&Route::parse(&s.to_route()));
        assert_eq!((back, notices.len()), (s.clone(), 0));
        assert!(s.market().unwrap().solve().is_ok());
        s.arrivals.pop();
        assert!(s.market().unwrap_err().contains("as many arrivals"));
    }
}
