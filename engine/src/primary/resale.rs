//! The resale market among holders (SPEC §4.1): each slot, holder by holder, the holder
//! offers its earliest-assigned ticket (unassigned ones last, oldest first) in a
//! second-price auction among all holders, its own bid included (its reserve).

use super::agents::Agents;
use super::strategy::expiry_factor;
use super::tickets::NONE;

/// What a resold ticket is worth to a bidder, beside its value of a ticket.
#[derive(Clone, Copy)]
enum Resold {
    /// It builds this slot.
    Builds,
    /// Unassigned, with this chance of winning before it expires.
    Expiring(f64),
    Plain,
}

impl Agents<'_> {
    /// The ticket holder `k` offers: its earliest-assigned, else its oldest.
    fn offer(&self, k: u32) -> Option<usize> {
        let list = &self.tickets.list;
        (0..list.len())
            .filter(|&i| list[i].alive && list[i].holder == k)
            .min_by_key(|&i| (list[i].slot, i))
    }

    /// Every holder's offer as (its slot, its index), in one pass over the tickets
    /// (`usize::MAX`: none), into `best`. The earliest slot wins, ties the lower index
    /// (`NONE` is the largest slot, so unassigned tickets come last, oldest first).
    fn offers(&self, best: &mut Vec<(u64, usize)>) {
        best.clear();
        best.resize(self.holders.len(), (NONE, usize::MAX));
        for (i, tk) in self.tickets.list.iter().enumerate() {
            let b = &mut best[tk.holder as usize];
            if tk.alive && (b.1 == usize::MAX || tk.slot < b.0) {
                *b = (tk.slot, i);
            }
        }
    }

    /// What multiplies a holder's value of ticket `i` in slot `t`: `1 + (ν − E[ν]) s_j`
    /// if it builds this slot, or, unassigned with an expiry, the chance it wins in the
    /// time left (the same for every bidder), else 1.
    fn resale_kind(&self, i: usize, t: u64) -> Resold {
        let tk = self.tickets.list[i];
        if tk.slot == t {
            Resold::Builds
        } else if tk.slot == NONE && tk.expires != NONE {
            let left = tk.expires.saturating_sub(t);
            Resold::Expiring(expiry_factor(
                self.o.assignment,
                self.m.cfg.max_tickets,
                Some(left.max(1)),
            ))
        } else {
            Resold::Plain
        }
    }

    /// Holder `j`'s bid for a ticket of kind `kind` in slot `t`, before its cash: its
    /// value of a ticket (no expiry factor) times the kind's multiplier.
    #[inline]
    fn resale_bid(&mut self, j: usize, kind: Resold, t: u64) -> f64 {
        let v = self.bid_value(j, t) / self.factor.max(f64::MIN_POSITIVE);
        match kind {
            Resold::Builds => v * (1.0 + self.nu * self.spec[j]),
            Resold::Expiring(f) => v * f,
            Resold::Plain => v,
        }
    }

    pub(crate) fn resale(&mut self, t: u64) {
        let (mut offers, mut bought) = (std::mem::take(&mut self.offers), std::mem::take(&mut self.bought));
        self.offers(&mut offers);
        // Holders who bought this slot offer anew (their earliest ticket may have changed).
        bought.clear();
        bought.resize(self.holders.len(), false);
        for seller in 0..self.holders.len() {
            let offer = if bought[seller] {
                self.offer(seller as u32)
            } else {
                Some(offers[seller].1).filter(|&i| i != usize::MAX)
            };
            let Some(i) = offer else { continue };
            let kind = self.resale_kind(i, t);
            let (mut best, mut second, mut winner) = (f64::NEG_INFINITY, f64::NEG_INFINITY, seller);
            for j in 0..self.holders.len() {
                let bid = self.resale_bid(j, kind, t).min(self.cash[j]);
                // Ties go to the lower index, as a stable sort would.
                if bid > best {
                    (second, best, winner) = (best, bid, j);
                } else if bid > second {
                    second = bid;
                }
            }
            if winner != seller && second.is_finite() {
                self.move_ticket(i, seller, winner, second.max(0.0));
                bought[winner] = true;
            }
        }
        (self.offers, self.bought) = (offers, bought);
    }

    /// Ticket `i` passes from `seller` to `buyer` at `price`.
    pub(crate) fn move_ticket(&mut self, i: usize, seller: usize, buyer: usize, price: f64) {
        self.tickets.list[i].holder = buyer as u32;
        self.counts[seller] -= 1;
        self.counts[buyer] += 1;
        self.cash[seller] += price;
        self.cash[buyer] -= price;
        self.flows[seller].resale += price;
        self.flows[buyer].resale -= price;
    }
}
