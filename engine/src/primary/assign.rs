//! Which ticket wins a slot: a uniform draw each slot, or a whole epoch (32 slots)
//! assigned ahead by a lottery without replacement (SPEC §4.1).

use super::agents::Agents;
use super::options::Assignment;
use super::tickets::NONE;

/// Slots in an epoch.
pub const EPOCH: u64 = 32;

impl Agents<'_> {
    /// At the epoch starting at slot `t`: the held tickets are shuffled and the first 32
    /// (or all, if fewer) get slots `t, t + 1, …` in that order.
    pub(crate) fn assign_epoch(&mut self, t: u64) {
        self.tickets.compact();
        let list = &mut self.tickets.list;
        let n = list.len();
        let idx = &mut self.order;
        idx.clear();
        idx.extend(0..n);
        let take = n.min(EPOCH as usize);
        for j in 0..take {
            let pick = j + self.src.below((n - j) as u64) as usize;
            idx.swap(j, pick);
        }
        self.schedule = [usize::MAX; EPOCH as usize];
        for (j, &i) in idx[..take].iter().enumerate() {
            list[i].slot = t + j as u64;
            self.schedule[j] = i;
        }
    }

    /// The index of the ticket that wins slot `t`, if any: the drawn one (per-slot), or
    /// the assigned one (epoch); with `N ≤ 64` an empty slot gets a random held ticket
    /// not yet assigned.
    pub(crate) fn slot_ticket(&mut self, t: u64) -> Option<usize> {
        if self.o.assignment == Assignment::PerSlot {
            return self.tickets.uniform(&mut self.src);
        }
        let i = self.schedule[(t % EPOCH) as usize];
        if i != usize::MAX && self.tickets.list[i].alive {
            return Some(i);
        }
        if self.m.cfg.max_tickets > 2 * EPOCH {
            return None;
        }
        let list = &mut self.tickets.list;
        let free = |tk: &&mut super::tickets::Ticket| tk.alive && tk.slot == NONE;
        let count = list.iter_mut().filter(free).count();
        if count == 0 {
            return None;
        }
        let pick = self.src.below(count as u64) as usize;
        let (i, tk) = list.iter_mut().enumerate().filter(|(_, tk)| free(tk)).nth(pick)?;
        tk.slot = t;
        Some(i)
    }
}
