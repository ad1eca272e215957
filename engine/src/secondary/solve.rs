//! Solving the secondary market: the buyers' bids, then the seller's optimal stopping.

use super::model::{Market, Solution};
use super::policy;
use crate::error::Result;

impl Market {
    /// Solves the market.
    ///
    /// ```
    /// use et_engine::secondary::{Buyer, Format, Market};
    /// let m = Market {
    ///     maturity: 4,
    ///     mu: 1.0,
    ///     sigma: 0.0,
    ///     buyers: vec![Buyer { cost: 0.2, arrival: 0 }, Buyer { cost: 0.5, arrival: 0 }],
    ///     seller_cost: None,
    ///     seller_discount: 0.0,
    ///     buyer_discount: 0.0,
    ///     risk_aversion: 0.0,
    ///     holding_cost: 0.0,
    ///     format: Format::SecondPrice,
    /// };
    /// // No risk, no discounting: the right fetches the second buyer's value m − θ₂ = 0.5
    /// // at every node, and the seller, never strictly better off selling early, waits.
    /// let s = m.solve().unwrap();
    /// assert!((s.revenue - 0.5).abs() < 1e-12);
    /// assert_eq!(s.spot_sale_probability, 1.0);
    /// ```
    pub fn solve(&self) -> Result<Solution> {
        self.validate()?;
        let bids = self.bids();
        policy::solve(self, &bids, self.lattice().1)
    }
}
