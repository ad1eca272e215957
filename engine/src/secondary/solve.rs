//! Solving the secondary market: the buyers' bids, then the seller's optimal stopping.

use super::model::{Market, Solution};
use super::policy;
use crate::error::Result;

impl Market {
    /// Solves the market.
    pub fn solve(&self) -> Result<Solution> {
        self.validate()?;
        let bids = self.bids();
        policy::solve(self, &bids, self.lattice().1)
    }
}
