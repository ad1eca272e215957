//! The secondary market (SPEC §3): when does a ticket holder resell its slot?
//!
//! The slot's reward forecast `m_t` is a martingale on a recombining binomial lattice
//! (`m₀ = μ`, up `u = e^σ`, down `1/u`, up-probability `p = (1 − 1/u)/(u − 1/u)`; node
//! `(t, j)` has `m = μ u^(2j − t)`). Buyers value the right at a node by the mean-variance
//! moments of their payoff `max(m_T − θ_i, 0)` over the sub-lattice, discounted, less a
//! holding cost; the seller stops optimally between selling, waiting, exercising and
//! letting the right lapse. Cost `O(T² × buyers)` time, `O(T²)` memory.

use crate::error::{finite, non_negative, EngineError, Result};

crate::choices! {
    /// How the right is sold at a node.
    pub enum Format {
        /// The second-highest active bid (0 with fewer than two bidders).
        SecondPrice = ("second-price", "Second-price auction"),
        /// The highest active bid (the seller holds all bargaining power).
        PostedPrice = ("posted-price", "Posted price (seller takes the top bid)"),
    }
}

/// A buyer: extraction cost and the first slot it can bid at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Buyer {
    pub cost: f64,
    pub arrival: u32,
}

/// The model's inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct Market {
    pub maturity: u32,
    pub mu: f64,
    pub sigma: f64,
    pub buyers: Vec<Buyer>,
    /// `None`: the seller cannot build.
    pub seller_cost: Option<f64>,
    pub seller_discount: f64,
    pub buyer_discount: f64,
    pub risk_aversion: f64,
    pub holding_cost: f64,
    pub format: Format,
}

/// What the seller does at a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Sell,
    Wait,
    Exercise,
    Lapse,
}

/// The solved market.
#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    /// The seller's expected present value `V(0, 0)`.
    pub revenue: f64,
    /// Probability of a sale at each slot `0..=T`.
    pub sale_probability_by_slot: Vec<f64>,
    pub spot_sale_probability: f64,
    pub seller_exercise_probability: f64,
    pub lapse_probability: f64,
    /// Expected sale slot given a sale (NaN when the right is never sold).
    pub expected_sale_slot: f64,
    /// Expected cost of whoever builds, given someone builds (NaN if nobody does).
    pub builder_cost_mean: f64,
    /// The lowest cost among the buyers and the seller (if it can build).
    pub lowest_cost: f64,
    /// Buyers' expected surplus (their value less the price), discounted to slot 0.
    pub buyer_surplus: f64,
    /// Expected price, discounted to slot 0 at the seller's rate, if forced to sell at t.
    pub forced_sale_revenue: Vec<f64>,
    /// The seller's action at node `(t, j)`: `policy[t][j]`.
    pub policy: Vec<Vec<Action>>,
    /// The seller's value `V(t, j)` and the sale price at every node.
    pub value: Vec<Vec<f64>>,
    pub price: Vec<Vec<f64>>,
}

impl Market {
    /// Validates the inputs; errors name the field (`buyers[2].arrival`, …).
    pub fn validate(&self) -> Result<()> {
        if !(1..=1024).contains(&self.maturity) {
            return Err(EngineError::invalid(
                "maturity",
                format!("must be between 1 and 1024 slots, got {}", self.maturity),
            ));
        }
        non_negative("mu", self.mu)?;
        non_negative("sigma", self.sigma)?;
        if self.sigma > 5.0 {
            return Err(EngineError::invalid(
                "sigma",
                format!("must be at most 5 per slot, got {}", self.sigma),
            ));
        }
        if self.buyers.is_empty() {
            return Err(EngineError::invalid("buyers", "must list at least one buyer"));
        }
        for (i, b) in self.buyers.iter().enumerate() {
            non_negative(&format!("buyers[{i}].cost"), b.cost)?;
            if b.arrival > self.maturity {
                return Err(EngineError::invalid(
                    format!("buyers[{i}].arrival"),
                    format!("must be between 0 and maturity = {}, got {}", self.maturity, b.arrival),
                ));
            }
        }
        if let Some(c) = self.seller_cost {
            non_negative("sellerCost", c)?;
        }
        non_negative("sellerDiscount", self.seller_discount)?;
        non_negative("buyerDiscount", self.buyer_discount)?;
        non_negative("riskAversion", self.risk_aversion)?;
        non_negative("holdingCost", self.holding_cost)?;
        finite("mu", self.mu).map(|_| ())
    }

    fn lattice(&self) -> (f64, f64) {
        if self.sigma == 0.0 {
            return (1.0, 0.5);
        }
        let u = self.sigma.exp();
        (u, (1.0 - 1.0 / u) / (u - 1.0 / u))
    }

    /// The forecast at node `(t, j)`.
    pub fn forecast(&self, t: u32, j: u32) -> f64 {
        self.mu * (self.sigma * (2.0 * j as f64 - t as f64)).exp()
    }

    /// Solves the market.
    pub fn solve(&self) -> Result<Solution> {
        self.validate()?;
        let bids = self.bids();
        super::secondary_policy::solve(self, &bids, self.lattice().1)
    }

    /// For every node, the top two active bids and the top bidder: `(best, second, who, its value)`.
    fn bids(&self) -> Vec<Vec<(f64, f64, usize, f64)>> {
        let t_max = self.maturity as usize;
        let p = self.lattice().1;
        let mut top: Vec<Vec<(f64, f64, usize, f64)>> =
            (0..=t_max).map(|t| vec![(0.0, 0.0, usize::MAX, 0.0); t + 1]).collect();
        let disc_b = (1.0 + self.buyer_discount).ln();
        for (i, b) in self.buyers.iter().enumerate() {
            // Backward induction of E[Y] and E[Y²] over the sub-lattice, one layer at a time.
            let mut e1: Vec<f64> = (0..=t_max)
                .map(|j| (self.forecast(self.maturity, j as u32) - b.cost).max(0.0))
                .collect();
            let mut e2: Vec<f64> = e1.iter().map(|y| y * y).collect();
            for t in (0..=t_max).rev() {
                if t < t_max {
                    for j in 0..=t {
                        e1[j] = p * e1[j + 1] + (1.0 - p) * e1[j];
                        e2[j] = p * e2[j + 1] + (1.0 - p) * e2[j];
                    }
                }
                if (t as u32) < b.arrival {
                    continue;
                }
                let left = (t_max - t) as f64;
                let (discount, holding) = ((-left * disc_b).exp(), self.holding_cost * left);
                for j in 0..=t {
                    let var = (e2[j] - e1[j] * e1[j]).max(0.0);
                    let w = (e1[j] - self.risk_aversion * var) * discount - holding;
                    let bid = w.max(0.0);
                    let slot = &mut top[t][j];
                    if slot.2 == usize::MAX || bid > slot.0 {
                        *slot = (bid, if slot.2 == usize::MAX { 0.0 } else { slot.0 }, i, w);
                    } else if bid > slot.1 {
                        slot.1 = bid;
                    }
                }
            }
        }
        top
    }
}

/// A parameter the sweep varies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SweepParam {
    RiskAversion,
    HoldingCost,
    /// `d_S − d_B`, with `d_B` fixed.
    DiscountGap,
    Sigma,
    /// The arrival slot of buyer `i`.
    Arrival(usize),
}

/// One point of a sweep.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SweepPoint {
    pub value: f64,
    pub spot_sale_probability: f64,
    pub revenue: f64,
    pub builder_cost_mean: f64,
}

impl Market {
    /// The market with `param` set to `value`.
    pub fn with(&self, param: SweepParam, value: f64) -> Result<Market> {
        let mut m = self.clone();
        match param {
            SweepParam::RiskAversion => m.risk_aversion = value,
            SweepParam::HoldingCost => m.holding_cost = value,
            SweepParam::DiscountGap => m.seller_discount = self.buyer_discount + value,
            SweepParam::Sigma => m.sigma = value,
            SweepParam::Arrival(i) => {
                let b = m
                    .buyers
                    .get_mut(i)
                    .ok_or_else(|| EngineError::invalid("param", format!("there is no buyer {i}")))?;
                b.arrival = value.round().clamp(0.0, self.maturity as f64) as u32;
            }
        }
        Ok(m)
    }

    /// Spot-sale probability, revenue and builder cost as `param` runs over `values`.
    pub fn sweep(&self, param: SweepParam, values: &[f64]) -> Result<Vec<SweepPoint>> {
        values
            .iter()
            .map(|&v| {
                let s = self.with(param, v)?.solve()?;
                Ok(SweepPoint {
                    value: v,
                    spot_sale_probability: s.spot_sale_probability,
                    revenue: s.revenue,
                    builder_cost_mean: s.builder_cost_mean,
                })
            })
            .collect()
    }
}
