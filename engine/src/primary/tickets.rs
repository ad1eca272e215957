//! The held tickets of the extended model: in purchase order, burned lazily (marked and
//! compacted), each with its assigned slot if any.

use rand::Rng;

use crate::numeric::random::Source;

/// No slot assigned / no expiry.
pub(crate) const NONE: u64 = u64::MAX;

/// One held ticket.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ticket {
    pub holder: u32,
    pub price: f64,
    /// The slot at which it is burned unused (`NONE`: never).
    pub expires: u64,
    /// The slot it is assigned to (`NONE`: none yet).
    pub slot: u64,
    pub alive: bool,
}

/// The held tickets, oldest first; indices are stable until [`Tickets::compact`].
#[derive(Debug, Default)]
pub(crate) struct Tickets {
    pub list: Vec<Ticket>,
    live: usize,
}

impl Tickets {
    pub fn len(&self) -> usize {
        self.live
    }

    pub fn add(&mut self, holder: u32, price: f64, expires: u64) {
        self.list.push(Ticket {
            holder,
            price,
            expires,
            slot: NONE,
            alive: true,
        });
        self.live += 1;
    }

    /// Burns ticket `i` and returns it.
    pub fn burn(&mut self, i: usize) -> Ticket {
        debug_assert!(self.list[i].alive);
        self.list[i].alive = false;
        self.live -= 1;
        self.list[i]
    }

    /// Drops burned tickets (indices change).
    pub fn compact(&mut self) {
        self.list.retain(|t| t.alive);
    }

    /// A uniformly drawn held ticket's index (none when none is held), compacting first
    /// when more than half of the list is burned.
    pub fn uniform<R: Rng>(&mut self, src: &mut Source<R>) -> Option<usize> {
        if self.live == 0 {
            return None;
        }
        if self.live * 2 < self.list.len() {
            self.compact();
        }
        loop {
            let i = src.below(self.list.len() as u64) as usize;
            if self.list[i].alive {
                return Some(i);
            }
        }
    }

    /// The first held, unassigned ticket of `holder`.
    pub fn first_unassigned(&self, holder: u32) -> Option<usize> {
        self.list
            .iter()
            .position(|t| t.alive && t.holder == holder && t.slot == NONE)
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::numeric::random::stream;

    #[test]
    fn burned_tickets_are_never_drawn() {
        let mut t = Tickets::default();
        let mut src = Source::new(stream(3, 0));
        for h in 0..6 {
            t.add(h, 1.0, NONE);
        }
        for i in [0, 2, 3, 5] {
            t.burn(i);
        }
        assert_eq!(t.len(), 2);
        for _ in 0..100 {
            let i = t.uniform(&mut src).unwrap();
            assert!(t.list[i].alive && [1, 4].contains(&t.list[i].holder));
        }
        assert_eq!(t.first_unassigned(4), t.list.iter().position(|x| x.holder == 4));
    }
}
