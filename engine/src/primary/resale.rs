//! The resale market among holders (SPEC §4.1): each slot, holder by holder, the holder
//! offers its earliest-assigned ticket (unassigned ones last, oldest first) in a
//! second-price auction among all holders, its own bid included (its reserve).
//!
//! With constant bids (strategies that draw nothing) an auction's outcome depends only on
//! the kind of ticket offered and on cash, which changes only with a sale: the auction for
//! a plain ticket is run once and again after each sale, and a holder whose offer would
//! go back to itself is skipped without looking for its ticket. Drawn bids draw once per
//! bidder per offer, in the order of the holders, as SPEC §4.1 reads.

use super::agents::Agents;
use super::assign::EPOCH;
use super::options::Assignment;
use super::strategy::expiry_factor;
use super::tickets::NONE;

/// What a resold ticket is worth to a bidder, beside its value of a ticket.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Resold {
    /// It builds this slot.
    Builds,
    /// Unassigned, with this chance of winning before it expires.
    Expiring(f64),
    Plain,
}

/// One resale auction's outcome: the second-highest bid and the highest bidder
/// (`usize::MAX`: no bid above −∞, then the second is −∞ too and nothing sells).
#[derive(Clone, Copy)]
struct Outcome {
    second: f64,
    winner: usize,
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

    /// The auction for a ticket of kind `kind` with constant bids: holder `j` bids
    /// `min(v_j m_j, cash_j)`, `v_j` its value of a ticket without the expiry factor
    /// (`resale_values`, the same number `resale_bid` computes) and `m_j` the kind's
    /// multiplier; ties go to the lower index, as a stable sort would.
    fn constant_auction(&self, kind: Resold) -> Outcome {
        let (mut best, mut second, mut winner) = (f64::NEG_INFINITY, f64::NEG_INFINITY, usize::MAX);
        let mut offer = |j: usize, bid: f64| {
            if bid > best {
                (second, best, winner) = (best, bid, j);
            } else if bid > second {
                second = bid;
            }
        };
        let bidders = self.resale_values.iter().zip(&self.cash).enumerate();
        match kind {
            Resold::Plain => bidders.for_each(|(j, (&v, &c))| offer(j, v.min(c))),
            Resold::Expiring(f) => bidders.for_each(|(j, (&v, &c))| offer(j, (v * f).min(c))),
            Resold::Builds => {
                let nu = self.nu;
                for ((j, (&v, &c)), &s) in bidders.zip(&self.spec) {
                    offer(j, (v * (1.0 + nu * s)).min(c));
                }
            }
        }
        Outcome { second, winner }
    }

    /// The ticket that builds slot `t`, if one is assigned to it: under epoch assignment
    /// the epoch's schedule entry (the `N ≤ 64` fill-in runs after the resale market).
    fn building(&self, t: u64) -> Option<usize> {
        if self.o.assignment != Assignment::Epoch {
            return None;
        }
        let i = self.schedule[(t % EPOCH) as usize];
        (i != usize::MAX && self.tickets.list[i].alive).then_some(i)
    }

    /// Holder `k`'s offer in slot `t` (it holds a ticket), found without scanning every
    /// ticket: the alive assigned tickets are this epoch's schedule from slot `t` on, in
    /// slot order (earlier slots' tickets were burned as they built), so its earliest is
    /// its first there, else its oldest unassigned one (per-slot draws assign none).
    fn earliest(&self, k: usize, t: u64) -> usize {
        let list = &self.tickets.list;
        let assigned = if self.o.assignment == Assignment::Epoch {
            self.schedule[(t % EPOCH) as usize..]
                .iter()
                .copied()
                .find(|&i| i != usize::MAX && list[i].alive && list[i].holder == k as u32)
        } else {
            None
        };
        assigned
            .or_else(|| self.tickets.first_unassigned(k as u32))
            .expect("a holder with a ticket has an offer")
    }

    /// The resale market of slot `t`.
    pub(crate) fn resale(&mut self, t: u64) {
        if self.o.strategy.draws() {
            self.resale_drawn(t);
        } else {
            self.resale_constant(t);
        }
    }

    /// The resale market with constant bids: as [`Agents::resale_drawn`], with each
    /// auction's outcome reused while cash is unchanged.
    fn resale_constant(&mut self, t: u64) {
        let builds = self.building(t);
        // Without expiry every ticket but the building one is plain.
        let plain_only = self.m.cfg.expiry.is_none();
        let mut plain: Option<Outcome> = None;
        for seller in 0..self.holders.len() {
            if self.counts[seller] == 0 {
                debug_assert_eq!(self.offer(seller as u32), None);
                continue;
            }
            let (i, kind) = match builds {
                Some(i) if self.tickets.list[i].holder == seller as u32 => (i, Resold::Builds),
                _ if plain_only => {
                    if plain.get_or_insert_with(|| self.constant_auction(Resold::Plain)).winner == seller {
                        // Its own bid is the highest: whichever ticket it offers, it keeps.
                        continue;
                    }
                    (self.earliest(seller, t), Resold::Plain)
                }
                _ => {
                    let i = self.earliest(seller, t);
                    (i, self.resale_kind(i, t))
                }
            };
            debug_assert_eq!((Some(i), kind), (self.offer(seller as u32), self.resale_kind(i, t)));
            let outcome = match kind {
                Resold::Plain => *plain.get_or_insert_with(|| self.constant_auction(Resold::Plain)),
                _ => self.constant_auction(kind),
            };
            if outcome.winner != seller && outcome.second.is_finite() {
                self.move_ticket(i, seller, outcome.winner, outcome.second.max(0.0));
                plain = None;
            }
        }
    }

    /// The resale market with drawn bids: every holder draws its bid for every offer.
    fn resale_drawn(&mut self, t: u64) {
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
