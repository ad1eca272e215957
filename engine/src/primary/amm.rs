//! The study's posted-price variants (SPEC §4.1): EIP-1559 updated before and after the
//! slot's sales with buyers in a shuffled round, and the AMM-style bonding curve in
//! shuffled rounds, without a cap, with an optional sell-back at `P (1 − r)`.

use super::agents::Agents;
use super::config::Pricing;

/// A safety bound on the AMM's rounds in one slot (each round buys or sells at least one
/// ticket, and the price moves against the trade, so a slot ends long before).
const MAX_ROUNDS: u32 = 100_000;

/// The study's AMM price at `held` tickets of `N`:
/// `P(H) = e^6 (e^((H − N/2 + 1)/25) − e^((H − N/2)/25))`, which is the bonding curve
/// `base · e^(slope · H/N)` with `slope = N/25`, `base = e^6 (e^(1/25) − 1) e^(−N/50)`.
///
/// ```
/// use et_engine::primary::{amm_curve, Pricing};
/// let Pricing::BondingCurve { base, slope } = amm_curve(100) else { unreachable!() };
/// let p = |h: f64| base * (slope * h / 100.0).exp();
/// let study = |h: f64| 6f64.exp() * (((h - 49.0) / 25.0).exp() - ((h - 50.0) / 25.0).exp());
/// assert!((p(60.0) - study(60.0)).abs() < 1e-9);
/// ```
pub fn amm_curve(max_tickets: u64) -> Pricing {
    let n = max_tickets as f64;
    let base = libm::exp(6.0) * libm::expm1(1.0 / 25.0) * libm::exp(-n / 50.0);
    Pricing::BondingCurve { base, slope: n / 25.0 }
}

impl Agents<'_> {
    /// `p ← p (1 + (H − target)/(target · q))` on the held count `H`.
    pub(crate) fn adjust_eip(&mut self) {
        if let Pricing::Eip1559 { target, quotient, .. } = self.m.cfg.pricing {
            let held = self.tickets.len() as f64;
            self.price *= 1.0 + (held - target) / (target * quotient);
        }
    }

    /// Holders in a random order (a fresh shuffle) into `scratch`.
    fn shuffled(&mut self) -> Vec<u32> {
        let mut order = std::mem::take(&mut self.scratch);
        order.clear();
        order.extend(0..self.holders.len() as u32);
        for j in (1..order.len()).rev() {
            let pick = self.src.below(j as u64 + 1) as usize;
            order.swap(j, pick);
        }
        order
    }

    /// The study's EIP-1559 slot: the price is adjusted to `p`, then holders valuing a
    /// ticket above the price *before* the adjustment (`w > p₋`, the study's test:
    /// `decide_EIP_1559_ticket` is given the old price) with the cash for `p` buy one each
    /// at `p` in a shuffled round, round after round, at most `max_sales` in all and while
    /// fewer than `N` are held.
    pub(crate) fn eip_study(&mut self, t: u64, max_sales: u64) {
        let before = self.price;
        self.adjust_eip();
        let p = self.price;
        let order = self.shuffled();
        let mut keep = std::mem::take(&mut self.keep);
        keep.clear();
        for &k in &order {
            if self.bid_value(k as usize, t) > before {
                keep.push(k);
            }
        }
        let mut sold = 0;
        'rounds: loop {
            let mut any = false;
            for &k in &keep {
                if sold >= max_sales || (self.tickets.len() as u64) >= self.m.cfg.max_tickets {
                    break 'rounds;
                }
                if self.cash[k as usize] >= p {
                    self.buy(k as usize, p, t);
                    (sold, any) = (sold + 1, true);
                }
            }
            if !any {
                break;
            }
        }
        (self.scratch, self.keep) = (order, keep);
    }

    /// The study's AMM slot: rounds in a shuffled order; in each, every holder valuing a
    /// ticket above the current price (`w > P`) with the cash buys one, and (with
    /// sell-back) every holder valuing a ticket below `P (1 − r)` sells one unassigned
    /// ticket back at that price; until a round with no trade.
    pub(crate) fn amm(&mut self, t: u64) {
        if self.o.sell_back.is_none() && !self.o.strategy.draws() {
            return self.amm_buy_only(t);
        }
        for _ in 0..MAX_ROUNDS {
            let order = self.shuffled();
            let mut any = false;
            for &k in &order {
                let k = k as usize;
                let p = self.quote();
                if self.cash[k] >= p && self.bid_value(k, t) > p {
                    self.buy(k, p, t);
                    any = true;
                }
                if let Some(r) = self.o.sell_back {
                    any |= self.sell_back(k, r);
                }
            }
            self.scratch = order;
            if !any {
                return;
            }
        }
    }

    /// [`Self::amm`] without sell-back and with constant values, the same trades and the
    /// same random draws with less work: within a slot the price only rises (only buys)
    /// and a holder's cash only falls, so a holder that once does not buy never buys
    /// again this slot; it is skipped, and a round with no such holder left is known to
    /// trade nothing (its shuffle is still drawn, so the random stream is unchanged).
    fn amm_buy_only(&mut self, t: u64) {
        let n = self.holders.len();
        let mut active = std::mem::take(&mut self.bought);
        active.clear();
        active.resize(n, true);
        let mut live = n;
        for _ in 0..MAX_ROUNDS {
            if live == 0 {
                for j in (1..n).rev() {
                    self.src.below(j as u64 + 1);
                }
                break;
            }
            let order = self.shuffled();
            let mut any = false;
            for &k in &order {
                let k = k as usize;
                if !active[k] {
                    continue;
                }
                let p = self.quote();
                if self.cash[k] >= p && self.values[k] > p {
                    self.buy(k, p, t);
                    any = true;
                } else {
                    (active[k], live) = (false, live - 1);
                }
            }
            self.scratch = order;
            if !any {
                break;
            }
        }
        self.bought = active;
    }

    /// Holder `k` sells its oldest unassigned ticket back at `P (1 − r)` if it values a
    /// ticket below that (its value without the expiry factor, as in the study).
    pub(crate) fn sell_back(&mut self, k: usize, r: f64) -> bool {
        let pay = self.quote() * (1.0 - r);
        if self.plain[k] >= pay {
            return false;
        }
        let Some(i) = self.tickets.first_unassigned(k as u32) else {
            return false;
        };
        self.tickets.burn(i);
        self.counts[k] -= 1;
        self.cash[k] += pay;
        self.flows[k].refunds += pay;
        self.totals.refunds += pay;
        self.totals.revenue -= pay;
        true
    }
}
