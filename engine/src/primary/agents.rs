//! One seeded run of the primary market with [`Options`](super::options::Options)
//! (SPEC §4.1): epoch assignment, an initial allocation, drawn populations, market
//! volatility, bidding strategies, the study's rule variants and resale among holders.
//!
//! Each slot, in this order: at an epoch start (epoch assignment) the epoch's slots are
//! assigned; the slot's reward `R` and market volatility `ν` are drawn; the resale market
//! runs (if on); the slot's ticket pays its holder `c R (1 + (ν − E[ν]) s)` and is
//! burned; expired unassigned tickets are burned; the protocol sells.

use super::concentration::concentration;
use super::config::Holder;
use super::market::Market;
use super::options::{Assignment, Options};
use super::population::draw_population;
use super::result::{capture, HolderFlows, RunSeries, Totals};
use super::run::environment;
use super::strategy::{expiry_factor, strategy_value};
use super::tickets::{Tickets, NONE};
use crate::numeric::random::{stream, EngineRng, Source};

/// The state of one run.
pub(crate) struct Agents<'m> {
    pub m: &'m Market,
    pub o: Options,
    pub src: Source<EngineRng>,
    /// The rewards, their volatility regime and the market volatility (the same under
    /// every rule: [`environment`]).
    pub env: Source<EngineRng>,
    pub tickets: Tickets,
    pub holders: Vec<Holder>,
    /// Volatility specialisations `s_k`.
    pub spec: Vec<f64>,
    /// Each holder's strategy value with the expiry factor, and without it.
    pub values: Vec<f64>,
    pub plain: Vec<f64>,
    /// The expiry factor of a fresh ticket.
    pub factor: f64,
    /// Each holder's value of a resold ticket before its multiplier (`values / factor`:
    /// constant bids only).
    pub resale_values: Vec<f64>,
    pub counts: Vec<u32>,
    /// Slots won so far.
    pub won: Vec<u32>,
    pub cash: Vec<f64>,
    pub flows: Vec<HolderFlows>,
    pub totals: Totals,
    /// Posted price (fixed, eip1559) or the last clearing price (auctions).
    pub price: f64,
    /// The log-volatility state of the rewards.
    pub x: f64,
    /// This slot's `ν − E[ν]` (0 without market volatility), and `E[ν] = e^(σ²/2)`.
    pub nu: f64,
    pub mean_nu: f64,
    /// List indices of this epoch's tickets (`usize::MAX`: none).
    pub schedule: [usize; 32],
    /// Reused buffers (no allocation in the slot loop): holder lists, bids, ticket indices.
    pub scratch: Vec<u32>,
    pub keep: Vec<u32>,
    pub bids: Vec<f64>,
    pub order: Vec<usize>,
    /// The resale market's offers (the offered ticket's slot and index per holder) and
    /// who bought this slot.
    pub offers: Vec<(u64, usize)>,
    pub bought: Vec<bool>,
    /// The last bonding-curve quote and the held count it was computed at.
    pub quoted: std::cell::Cell<(usize, f64)>,
}

impl<'m> Agents<'m> {
    /// Run `r`'s state: the population (drawn first from the run's stream, if drawn) and
    /// the initial allocation.
    pub fn new(m: &'m Market, r: u64, price: f64) -> Self {
        let o = m.opts;
        let mut src = Source::new(stream(m.cfg.seed, r));
        let (holders, spec) = match o.drawn {
            Some(d) => draw_population(d.count, d.capture_spread, &mut src),
            None => (m.cfg.holders.clone(), vec![1.0; m.cfg.holders.len()]),
        };
        let (mu, n, k) = (m.cfg.reward.mean(), m.cfg.max_tickets, holders.len());
        let factor = expiry_factor(o.assignment, n, m.cfg.expiry);
        let plain: Vec<f64> = holders
            .iter()
            .map(|h| strategy_value(o.strategy, h, mu, n, k, 1.0))
            .collect();
        let values: Vec<f64> = plain.iter().map(|v| v * factor).collect();
        let mut a = Self {
            m,
            o,
            src,
            env: environment(m.cfg.seed, r),
            tickets: Tickets::default(),
            resale_values: values.iter().map(|v| v / factor.max(f64::MIN_POSITIVE)).collect(),
            values,
            plain,
            factor,
            counts: vec![0; k],
            won: vec![0; k],
            cash: holders.iter().map(|h| h.budget).collect(),
            flows: vec![HolderFlows::default(); k],
            holders,
            spec,
            totals: Totals::default(),
            price,
            x: 0.0,
            nu: 0.0,
            mean_nu: o
                .market_volatility
                .map_or(1.0, |s| crate::numeric::fastmath::exp(s * s / 2.0)),
            schedule: [usize::MAX; 32],
            scratch: Vec::with_capacity(k),
            keep: Vec::with_capacity(k),
            bids: Vec::with_capacity(k),
            order: Vec::new(),
            offers: Vec::with_capacity(k),
            bought: Vec::with_capacity(k),
            quoted: std::cell::Cell::new((usize::MAX, 0.0)),
        };
        a.initial();
        a
    }

    /// The initial allocation: tickets 1 to `count` (only the even-numbered ones if so
    /// set: the study's start under EIP-1559 and the bonding curve, whose odd-numbered
    /// tickets stay on sale), each to a uniformly random holder among those with the
    /// cash, paid from budgets, not revenue; ticket `i + 1` expires at slot `i + E`
    /// (staggered, as in the study).
    fn initial(&mut self) {
        let Some(init) = self.o.initial else { return };
        for i in 0..init.count {
            if init.even_only && (i + 1) % 2 == 1 {
                continue;
            }
            self.scratch.clear();
            for k in 0..self.holders.len() {
                if self.cash[k] >= init.price {
                    self.scratch.push(k as u32);
                }
            }
            if self.scratch.is_empty() {
                return;
            }
            let k = self.scratch[self.src.below(self.scratch.len() as u64) as usize] as usize;
            let expires = self.m.cfg.expiry.map_or(NONE, |e| i + e);
            self.tickets.add(k as u32, init.price, expires);
            self.counts[k] += 1;
            self.cash[k] -= init.price;
            self.flows[k].spent += init.price;
            self.flows[k].bought += 1.0;
        }
    }

    pub fn go(mut self, run: u64) -> RunSeries {
        let m = self.m;
        let cfg = &m.cfg;
        let mut series = RunSeries::with_capacity(m.record_at.len(), self.holders.len());
        series.run = run;
        if let Some(v) = cfg.volatility {
            self.x = v.volatility / (1.0 - v.persistence * v.persistence).sqrt() * self.env.normal();
        }
        let (mut window_paid, mut window_sold, mut next) = (0.0, 0u64, 0);
        for t in 0..cfg.slots {
            if self.o.assignment == Assignment::Epoch && t % 32 == 0 {
                self.assign_epoch(t);
            }
            let r = self.reward(t);
            self.totals.rewards += r;
            if self.o.resale {
                self.resale(t);
            }
            self.payout(t, r);
            self.expire(t);
            let (sold, paid) = self.sell(t);
            (window_paid, window_sold) = (window_paid + paid, window_sold + sold);
            if t + 1 == m.record_at[next] {
                let sales = (window_paid, window_sold as f64, self.quote());
                series.record(sales, self.tickets.len(), &self.counts, &self.totals);
                series.record_won(&self.won);
                (window_paid, window_sold) = (0.0, 0);
                next += 1;
            }
        }
        self.finish(series)
    }

    fn finish(mut self, mut series: RunSeries) -> RunSeries {
        let (mu, n) = (self.m.cfg.reward.mean(), self.m.cfg.max_tickets as f64);
        for ((f, &c), h) in self.flows.iter_mut().zip(&self.counts).zip(&self.holders) {
            f.tickets = c as f64;
            // The holder's value of a ticket without its margin, whatever its strategy.
            f.held_value = c as f64 * h.capture * mu / (n * h.discount + 1.0) * self.factor;
        }
        self.totals.set_concentration(&self.counts, &self.won);
        self.totals.capture = capture(&self.totals);
        series.valuations = self.values;
        series.holders = self.flows;
        series.totals = self.totals;
        series
    }

    /// The slot's reward (scaled by the volatility regime) and its market volatility.
    fn reward(&mut self, t: u64) -> f64 {
        let cfg = &self.m.cfg;
        let mut r = cfg.reward.sample(&mut self.env, t);
        if let Some(v) = cfg.volatility {
            r *= crate::numeric::fastmath::exp(self.x - v.stationary_variance() / 2.0);
            self.x = v.persistence * self.x + v.volatility * self.env.normal();
        }
        if let Some(s) = self.o.market_volatility {
            let nu = crate::numeric::fastmath::exp(s * self.env.normal());
            self.nu = nu - self.mean_nu;
        }
        r
    }

    /// The slot's ticket pays its holder `c R (1 + (ν − E[ν]) s)` and is burned.
    fn payout(&mut self, t: u64, r: f64) {
        let Some(i) = self.slot_ticket(t) else {
            self.totals.idle_slots += 1.0;
            return;
        };
        let k = self.tickets.burn(i).holder as usize;
        self.counts[k] -= 1;
        self.won[k] += 1;
        self.flows[k].wins += 1.0;
        let earned = self.holders[k].capture * r * (1.0 + self.nu * self.spec[k]);
        self.flows[k].built += earned;
        self.cash[k] += earned;
    }

    /// Burns unassigned tickets past their expiry, refunding `φ` of their price.
    fn expire(&mut self, t: u64) {
        if self.m.cfg.expiry.is_none() {
            return;
        }
        for i in 0..self.tickets.list.len() {
            let tk = self.tickets.list[i];
            if !tk.alive || tk.slot != NONE || tk.expires > t {
                continue;
            }
            self.tickets.burn(i);
            let (k, refund) = (tk.holder as usize, self.m.cfg.refund * tk.price);
            self.counts[k] -= 1;
            self.cash[k] += refund;
            self.flows[k].refunds += refund;
            self.flows[k].expired += 1.0;
            self.totals.refunds += refund;
            self.totals.revenue -= refund;
            self.totals.expired += 1.0;
        }
    }
}

impl Market {
    /// Runs seeded run `r` under the market's options.
    pub(crate) fn run_agents(&self, r: u64, price: f64) -> RunSeries {
        Agents::new(self, r, price).go(r)
    }
}

/// Concentration of both the tickets held and the slots won, into the totals.
impl Totals {
    pub(crate) fn set_concentration(&mut self, counts: &[u32], won: &[u32]) {
        let c = concentration(counts);
        (self.top_share, self.hhi, self.nakamoto) = (c.top_share, c.hhi, c.nakamoto);
        let w = super::concentration::won_concentration(won);
        (self.won_top_share, self.won_hhi, self.won_nakamoto) = (w.top_share, w.hhi, w.nakamoto);
    }
}
