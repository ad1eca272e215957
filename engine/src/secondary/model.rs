//! The secondary market's inputs, the seller's actions and the solution (SPEC §3).

use crate::error::{finite, non_negative, EngineError, Result};

choices! {
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

    /// The lattice's up factor `u` and up-probability `p`.
    pub(crate) fn lattice(&self) -> (f64, f64) {
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
}
