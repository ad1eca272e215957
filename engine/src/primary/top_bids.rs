//! The highest and second-highest sealed bids of one auction, ties to a uniformly
//! random bidder (shared by the classic and the study's sales).

use rand::Rng;

use crate::numeric::random::Source;

/// The auction so far: best and second bids, the winner, how many tie at the best.
pub(crate) struct TopBids {
    pub best: f64,
    pub second: f64,
    pub winner: usize,
    ties: u64,
}

impl TopBids {
    pub fn new() -> Self {
        Self {
            best: f64::NEG_INFINITY,
            second: f64::NEG_INFINITY,
            winner: 0,
            ties: 0,
        }
    }

    /// Bidder `k` bids `bid`; a tie at the best replaces the winner with probability
    /// `1 / ties` (a uniform winner among the tied).
    pub fn offer<R: Rng>(&mut self, k: usize, bid: f64, src: &mut Source<R>) {
        if bid > self.best {
            (self.second, self.best, self.winner, self.ties) = (self.best, bid, k, 1);
        } else if bid == self.best {
            self.second = bid;
            self.ties += 1;
            if src.below(self.ties) == 0 {
                self.winner = k;
            }
        } else if bid > self.second {
            self.second = bid;
        }
    }

    /// The winner and the price it pays (its bid, or the second bid at least the
    /// reserve); `None` without a bid.
    pub fn clear(&self, reserve: f64, first_price: bool) -> Option<(usize, f64)> {
        if self.ties == 0 {
            return None;
        }
        let price = if first_price {
            self.best
        } else {
            self.second.max(reserve)
        };
        Some((self.winner, price))
    }
}
