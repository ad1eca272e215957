//! The outstanding tickets: uniform draws in O(1) and expiries in purchase order.

use std::collections::VecDeque;

use rand::Rng;

use crate::numeric::random::Source;

/// One outstanding ticket.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ticket {
    pub holder: u32,
    pub price: f64,
    /// Index in `Book::live`.
    pos: u32,
    /// Unique for the run; `u64::MAX` once burned.
    serial: u64,
}

/// The tickets outstanding, in a slab with a free list.
#[derive(Debug, Default)]
pub(crate) struct Book {
    slab: Vec<Ticket>,
    free: Vec<u32>,
    live: Vec<u32>,
    /// `(slab index, serial, slot at which it expires)`, in purchase order.
    expiries: VecDeque<(u32, u64, u64)>,
    serial: u64,
}

impl Book {
    pub fn len(&self) -> usize {
        self.live.len()
    }

    /// Adds a ticket bought by `holder` at `price`, burned at slot `expires` if undrawn.
    pub fn add(&mut self, holder: u32, price: f64, expires: Option<u64>) {
        let ticket = Ticket {
            holder,
            price,
            pos: self.live.len() as u32,
            serial: self.serial,
        };
        let id = match self.free.pop() {
            Some(id) => {
                self.slab[id as usize] = ticket;
                id
            }
            None => {
                self.slab.push(ticket);
                (self.slab.len() - 1) as u32
            }
        };
        self.live.push(id);
        if let Some(at) = expires {
            self.expiries.push_back((id, self.serial, at));
        }
        self.serial += 1;
    }

    fn remove(&mut self, id: u32) -> Ticket {
        let t = self.slab[id as usize];
        let last = *self.live.last().expect("a live ticket");
        self.live.swap_remove(t.pos as usize);
        if last != id {
            self.slab[last as usize].pos = t.pos;
        }
        self.slab[id as usize].serial = u64::MAX;
        self.free.push(id);
        t
    }

    /// Draws and burns one ticket uniformly (none if the book is empty).
    pub fn draw<R: Rng>(&mut self, src: &mut Source<R>) -> Option<Ticket> {
        if self.live.is_empty() {
            return None;
        }
        let id = self.live[src.below(self.live.len() as u64) as usize];
        Some(self.remove(id))
    }

    /// Burns the next ticket that expires at or before `slot`, if any.
    pub fn expire(&mut self, slot: u64) -> Option<Ticket> {
        while let Some(&(id, serial, at)) = self.expiries.front() {
            if at > slot {
                return None;
            }
            self.expiries.pop_front();
            if self.slab[id as usize].serial == serial {
                return Some(self.remove(id));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::numeric::random::stream;

    #[test]
    fn draws_remove_and_expiries_skip_drawn_tickets() {
        let mut b = Book::default();
        let mut src = Source::new(stream(1, 0));
        for h in 0..5 {
            b.add(h, h as f64, Some(10 + h as u64));
        }
        let drawn: Vec<u32> = (0..2).map(|_| b.draw(&mut src).unwrap().holder).collect();
        assert_eq!(b.len(), 3);
        let mut expired = Vec::new();
        while let Some(t) = b.expire(20) {
            expired.push(t.holder);
        }
        assert_eq!(expired.len(), 3);
        assert!(expired.iter().all(|h| !drawn.contains(h)));
        assert!(expired.windows(2).all(|w| w[0] < w[1]), "in purchase order");
        assert_eq!(b.len(), 0);
        assert!(b.draw(&mut src).is_none());
    }
}
