//! The protocol's sales in the extended model, under SPEC §4's rules or the study's
//! variants ([`Rules`]).

use super::agents::Agents;
use super::config::Pricing;
use super::options::Rules;
use super::strategy::draw_bid;
use super::tickets::NONE;
use super::top_bids::TopBids;

impl Agents<'_> {
    /// Holder `k`'s bid value for a fresh ticket in slot `t` (before its cash): its value,
    /// or a fresh draw under the random strategies.
    #[inline]
    pub(crate) fn bid_value(&mut self, k: usize, t: u64) -> f64 {
        if self.o.strategy.draws() {
            self.drawn_bid(k, t)
        } else {
            self.values[k]
        }
    }

    fn drawn_bid(&mut self, k: usize, t: u64) -> f64 {
        let (s, v, f) = (self.o.strategy, self.values[k], self.factor);
        draw_bid(s, v, &self.holders[k], &self.m.cfg.reward, &mut self.src, t, f)
    }

    pub(crate) fn buy(&mut self, k: usize, price: f64, t: u64) {
        let expires = self.m.cfg.expiry.map_or(NONE, |e| t + e);
        self.tickets.add(k as u32, price, expires);
        self.counts[k] += 1;
        self.cash[k] -= price;
        self.flows[k].spent += price;
        self.flows[k].bought += 1.0;
        self.totals.revenue += price;
        self.totals.sold += 1.0;
    }

    fn room(&self) -> bool {
        (self.tickets.len() as u64) < self.m.cfg.max_tickets
    }

    /// The price of the next ticket (posted rules) or the last clearing price (auctions);
    /// the bonding curve's `p_0 e^(κ H/N)` is recomputed only when `H` changed.
    pub(crate) fn quote(&self) -> f64 {
        match self.m.cfg.pricing {
            Pricing::BondingCurve { base, slope } => {
                let held = self.tickets.len();
                let (at, p) = self.quoted.get();
                if at == held {
                    return p;
                }
                let h = held as f64 / self.m.cfg.max_tickets as f64;
                let p = base * crate::numeric::fastmath::exp(slope * h);
                self.quoted.set((held, p));
                p
            }
            _ => self.price,
        }
    }

    /// Sells under the rule; returns the tickets sold and their total price.
    pub(crate) fn sell(&mut self, t: u64) -> (u64, f64) {
        let study = self.o.rules == Rules::Study;
        let before = (self.totals.sold, self.totals.revenue);
        match self.m.cfg.pricing {
            Pricing::Eip1559 { max_sales, .. } if study => self.eip_study(t, max_sales),
            Pricing::BondingCurve { .. } if study => self.amm(t),
            _ => self.sell_each(t),
        }
        if let Pricing::Eip1559 { .. } = self.m.cfg.pricing {
            self.adjust_eip();
        }
        let sold = (self.totals.sold - before.0) as u64;
        (sold, self.totals.revenue - before.1)
    }

    /// One sale at a time until `N` are held or no one buys.
    fn sell_each(&mut self, t: u64) {
        let mut sold = 0;
        while self.room() {
            let next = match self.m.cfg.pricing {
                Pricing::Fixed { price } => self.posted(price, t),
                Pricing::Eip1559 { max_sales, .. } if sold >= max_sales => None,
                Pricing::Eip1559 { .. } => self.posted(self.price, t),
                Pricing::BondingCurve { .. } => self.posted(self.quote(), t),
                Pricing::SecondPrice { reserve } => self.auction(reserve, false, t),
                Pricing::FirstPrice { reserve } => self.auction(reserve, true, t),
            };
            let Some((k, price)) = next else { break };
            self.buy(k, price, t);
            sold += 1;
        }
    }

    /// A posted price: a uniformly random holder among those who value a ticket at least
    /// at `price` and can pay it.
    fn posted(&mut self, price: f64, t: u64) -> Option<(usize, f64)> {
        let mut eligible = std::mem::take(&mut self.scratch);
        eligible.clear();
        for k in 0..self.holders.len() {
            let w = self.bid_value(k, t);
            if w > 0.0 && w >= price && self.cash[k] >= price {
                eligible.push(k as u32);
            }
        }
        let pick = (!eligible.is_empty()).then(|| eligible[self.src.below(eligible.len() as u64) as usize]);
        self.scratch = eligible;
        pick.map(|k| (k as usize, price))
    }

    /// One sealed-bid auction. Classic rules: bidders value it at least at the reserve and
    /// have the reserve; first-price bids are shaded `(K′ − 1)/K′`. Study rules: every
    /// holder bids `min(b, cash)`, those at least the reserve take part. Ties at random.
    fn auction(&mut self, reserve: f64, first_price: bool, t: u64) -> Option<(usize, f64)> {
        let top = if self.o.rules == Rules::Study && !self.o.strategy.draws() {
            self.study_bids(reserve, t)
        } else {
            self.buffered_bids(reserve, first_price, t)
        };
        let (winner, price) = top.clear(reserve, first_price)?;
        self.price = price;
        Some((winner, price))
    }

    /// The study's auction with bids that draw nothing, in one pass: holder `j` bids
    /// `b = min(w_j, cash_j)` if `b > 0` and `b ≥` the reserve (then `b` is already its
    /// offer: at most its cash, at least the reserve).
    fn study_bids(&mut self, reserve: f64, t: u64) -> TopBids {
        let mut top = TopBids::new();
        for j in 0..self.holders.len() {
            let b = self.bid_value(j, t).min(self.cash[j]);
            if b > 0.0 && b >= reserve {
                top.offer(j, b, &mut self.src);
            }
        }
        top
    }

    /// Every bid drawn first, then offered (the classic rules, and drawn strategies).
    fn buffered_bids(&mut self, reserve: f64, first_price: bool, t: u64) -> TopBids {
        let classic = self.o.rules == Rules::Classic;
        // Each holder's bid, NaN for none (a reused buffer: every bid is drawn before any
        // tie is broken, so the random stream is as with one pass).
        let mut bids = std::mem::take(&mut self.bids);
        bids.clear();
        for j in 0..self.holders.len() {
            let (w, c) = (self.bid_value(j, t), self.cash[j]);
            let b = if classic { w } else { w.min(c) };
            let ok = b > 0.0 && b >= reserve && (!classic || c >= reserve);
            bids.push(if ok { b } else { f64::NAN });
        }
        let scale = if classic && first_price {
            let n = bids.iter().filter(|b| !b.is_nan()).count() as f64;
            (n - 1.0) / n
        } else {
            1.0
        };
        let mut top = TopBids::new();
        for (j, &w) in bids.iter().enumerate() {
            if !w.is_nan() {
                top.offer(j, (w * scale).min(self.cash[j]).max(reserve), &mut self.src);
            }
        }
        self.bids = bids;
        top
    }
}
