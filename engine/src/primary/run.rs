//! One seeded run of the primary market, slot by slot.

use super::book::Book;
use super::config::Pricing;
use super::market::Market;
use super::result::{capture, HolderFlows, RunSeries, Totals};
use super::top_bids::TopBids;
use crate::numeric::random::{stream, EngineRng, Source};

struct Run<'m> {
    m: &'m Market,
    src: Source<EngineRng>,
    /// The rewards and their volatility regime (the same under every rule).
    env: Source<EngineRng>,
    book: Book,
    counts: Vec<u32>,
    cash: Vec<f64>,
    flows: Vec<HolderFlows>,
    totals: Totals,
    /// Posted price (fixed, eip1559) or the last clearing price (auctions).
    price: f64,
    /// The log-volatility state.
    x: f64,
    eligible: Vec<u32>,
    /// Slots won so far.
    won: Vec<u32>,
    run: u64,
}

/// Run `r`'s environment: the stream of its rewards, their volatility regime and the
/// market volatility, apart from the stream of everything the rule decides (draws,
/// ties, shuffles, bids), so that every rule run on the same seed meets the same rewards
/// in run `r` and rules compare run by run (common random numbers).
pub(crate) fn environment(seed: u64, r: u64) -> Source<EngineRng> {
    Source::new(stream(seed ^ 0x5245_5741_5244_5300, r))
}

impl Market {
    /// Runs seeded run `r` (stream `r` of the seed; its rewards from [`environment`]).
    pub fn run(&self, r: u64) -> RunSeries {
        let k = self.cfg.holders.len();
        let price = match self.cfg.pricing {
            Pricing::Fixed { price } => price,
            Pricing::SecondPrice { reserve } | Pricing::FirstPrice { reserve } => reserve,
            Pricing::Eip1559 { initial, .. } => initial,
            Pricing::BondingCurve { base, .. } => base,
        };
        if !self.opts.is_base() {
            return self.run_agents(r, price);
        }
        let run = Run {
            m: self,
            src: Source::new(stream(self.cfg.seed, r)),
            env: environment(self.cfg.seed, r),
            book: Book::default(),
            counts: vec![0; k],
            cash: self.cfg.holders.iter().map(|h| h.budget).collect(),
            flows: vec![HolderFlows::default(); k],
            totals: Totals::default(),
            price,
            x: 0.0,
            eligible: Vec::with_capacity(k),
            won: vec![0; k],
            run: r,
        };
        run.go()
    }
}

impl Run<'_> {
    fn go(mut self) -> RunSeries {
        let m = self.m;
        let cfg = &m.cfg;
        let mut series = RunSeries::with_capacity(m.record_at.len(), cfg.holders.len());
        series.run = self.run;
        if let Some(v) = cfg.volatility {
            self.x = v.volatility / (1.0 - v.persistence * v.persistence).sqrt() * self.env.normal();
        }
        // Tickets sold and paid since the previous point, and the last slot's quote.
        let (mut window_paid, mut window_sold, mut next) = (0.0, 0u64, 0);
        for t in 0..cfg.slots {
            self.draw(t);
            self.expire(t);
            let (sold, paid) = self.sell(t);
            let quote = self.quote();
            self.after_sales();
            (window_paid, window_sold) = (window_paid + paid, window_sold + sold);
            if t + 1 == m.record_at[next] {
                let sales = (window_paid, window_sold as f64, quote);
                series.record(sales, self.book.len(), &self.counts, &self.totals);
                series.record_won(&self.won);
                (window_paid, window_sold) = (0.0, 0);
                next += 1;
            }
        }
        let (mu, n, expiry) = (cfg.reward.mean(), cfg.max_tickets, cfg.expiry);
        for ((f, &c), h) in self.flows.iter_mut().zip(&self.counts).zip(&cfg.holders) {
            f.tickets = c as f64;
            let without_margin = super::config::Holder {
                margin: 0.0,
                ..h.clone()
            };
            f.held_value = c as f64 * without_margin.valuation(mu, n, expiry);
        }
        self.totals.set_concentration(&self.counts, &self.won);
        self.totals.capture = capture(&self.totals);
        series.valuations = self.m.valuations.clone();
        series.holders = self.flows;
        series.totals = self.totals;
        series
    }

    /// The slot's reward, scaled by the volatility regime.
    fn reward(&mut self, t: u64) -> f64 {
        let r = self.m.cfg.reward.sample(&mut self.env, t);
        match self.m.cfg.volatility {
            None => r,
            Some(v) => {
                let scaled = r * crate::numeric::fastmath::exp(self.x - v.stationary_variance() / 2.0);
                self.x = v.persistence * self.x + v.volatility * self.env.normal();
                scaled
            }
        }
    }

    /// Step 1: the drawn ticket's holder builds, or resells the slot just in time.
    fn draw(&mut self, t: u64) {
        let r = self.reward(t);
        self.totals.rewards += r;
        let Some(ticket) = self.book.draw(&mut self.src) else {
            self.totals.idle_slots += 1.0;
            return;
        };
        let i = ticket.holder as usize;
        self.counts[i] -= 1;
        self.won[i] += 1;
        self.flows[i].wins += 1.0;
        let holders = &self.m.cfg.holders;
        let (best, second) = self.m.best;
        if !self.m.cfg.jit_resale || best == i {
            let earned = holders[i].capture * r;
            self.flows[i].built += earned;
            self.cash[i] += earned;
        } else {
            let (earned, price) = (holders[best].capture * r, second * r);
            self.flows[i].resale += price;
            self.cash[i] += price;
            self.flows[best].built += earned;
            self.flows[best].resale -= price;
            self.cash[best] += earned - price;
        }
    }

    /// Step 2: tickets past their expiry are burned; `φ` of their price is refunded.
    fn expire(&mut self, t: u64) {
        while let Some(ticket) = self.book.expire(t) {
            let i = ticket.holder as usize;
            let refund = self.m.cfg.refund * ticket.price;
            self.counts[i] -= 1;
            self.cash[i] += refund;
            self.flows[i].refunds += refund;
            self.flows[i].expired += 1.0;
            self.totals.refunds += refund;
            self.totals.revenue -= refund;
            self.totals.expired += 1.0;
        }
    }

    fn buy(&mut self, k: usize, price: f64, t: u64) {
        let expires = self.m.cfg.expiry.map(|e| t + e);
        self.book.add(k as u32, price, expires);
        self.counts[k] += 1;
        self.cash[k] -= price;
        self.flows[k].spent += price;
        self.flows[k].bought += 1.0;
        self.totals.revenue += price;
        self.totals.sold += 1.0;
    }

    fn room(&self) -> bool {
        (self.book.len() as u64) < self.m.cfg.max_tickets
    }

    /// Step 3: sells under the pricing rule; returns the tickets sold and their total price.
    fn sell(&mut self, t: u64) -> (u64, f64) {
        let (mut sold, mut paid) = (0u64, 0.0);
        while self.room() {
            let Some((k, price)) = self.next_sale(sold) else { break };
            self.buy(k, price, t);
            sold += 1;
            paid += price;
        }
        (sold, paid)
    }

    /// The next buyer and price, or none when no one buys.
    fn next_sale(&mut self, sold: u64) -> Option<(usize, f64)> {
        match self.m.cfg.pricing {
            Pricing::Fixed { price } => self.posted(price),
            Pricing::Eip1559 { max_sales, .. } if sold >= max_sales => None,
            Pricing::Eip1559 { .. } => self.posted(self.price),
            Pricing::BondingCurve { .. } => self.posted(self.quote()),
            Pricing::SecondPrice { reserve } => self.auction(reserve, false),
            Pricing::FirstPrice { reserve } => self.auction(reserve, true),
        }
    }

    /// The price of the next ticket (posted rules) or the last clearing price (auctions).
    fn quote(&self) -> f64 {
        match self.m.cfg.pricing {
            Pricing::BondingCurve { base, slope } => {
                base * crate::numeric::fastmath::exp(slope * self.book.len() as f64 / self.m.cfg.max_tickets as f64)
            }
            _ => self.price,
        }
    }

    /// A posted price: a uniformly random holder among those who value a ticket at
    /// least at `price` and can pay it.
    fn posted(&mut self, price: f64) -> Option<(usize, f64)> {
        self.eligible.clear();
        for (k, (&w, &c)) in self.m.valuations.iter().zip(&self.cash).enumerate() {
            if w > 0.0 && w >= price && c >= price {
                self.eligible.push(k as u32);
            }
        }
        if self.eligible.is_empty() {
            return None;
        }
        let k = self.eligible[self.src.below(self.eligible.len() as u64) as usize];
        Some((k as usize, price))
    }

    /// A sealed-bid auction for one ticket among holders who value it at least at the
    /// reserve and can pay the reserve; ties go to a uniformly random bidder.
    fn auction(&mut self, reserve: f64, first_price: bool) -> Option<(usize, f64)> {
        let eligible = |w: f64, c: f64| w > 0.0 && w >= reserve && c >= reserve;
        let scale = if first_price {
            let n = self
                .m
                .valuations
                .iter()
                .zip(&self.cash)
                .filter(|&(&w, &c)| eligible(w, c))
                .count() as f64;
            (n - 1.0) / n
        } else {
            1.0
        };
        let mut top = TopBids::new();
        for (k, (&w, &c)) in self.m.valuations.iter().zip(&self.cash).enumerate() {
            if eligible(w, c) {
                top.offer(k, (w * scale).min(c).max(reserve), &mut self.src);
            }
        }
        let (winner, price) = top.clear(reserve, first_price)?;
        self.price = price;
        Some((winner, price))
    }

    /// End of slot: eip1559 moves its price by how far the tickets held are from target.
    fn after_sales(&mut self) {
        if let Pricing::Eip1559 { target, quotient, .. } = self.m.cfg.pricing {
            let held = self.book.len() as f64;
            self.price *= 1.0 + (held - target) / (target * quotient);
        }
    }
}
