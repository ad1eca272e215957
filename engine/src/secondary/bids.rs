//! What the buyers bid for the right at every node of the lattice.

use super::model::Market;

/// Node bids: `(best, second, top bidder, top bidder's value)`.
pub(crate) type NodeBid = (f64, f64, usize, f64);

impl Market {
    /// For every node, the top two active bids and the top bidder: `(best, second, who, its value)`.
    pub(crate) fn bids(&self) -> Vec<Vec<NodeBid>> {
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
