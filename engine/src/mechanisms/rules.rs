//! One slot under each mechanism: who pays whom, and who builds (SPEC §5).
//!
//! The slot's value is the most anyone can extract from it, `max(R, V_(1), V_0)` (a
//! builder's exclusive flow can take it above `R`). Every rule splits it four ways —
//! protocol (burn or revenue), proposer, the builder side, and value left unextracted —
//! so the parts always sum to it. Amounts are in ETH as paid; a bid made `L` slots ahead is discounted by
//! `(1 + d)^(−L)`, so the builder side of those rules includes its pay for waiting.

use rand::Rng;

use super::mechanism::Mechanism;
use super::model::SlotModel;
use super::order_stats::{expected_max, expected_resales, expected_second, top_two};
use crate::contest::{solve, Mechanism as Contest};
use crate::error::{EngineError, Result};
use crate::numeric::random::Source;

/// Who built a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Built {
    /// Builder `i`.
    Builder(usize),
    /// The proposer, locally.
    Local,
}

/// One slot's value split.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Split {
    pub protocol: f64,
    pub proposer: f64,
    pub builder: f64,
    pub unextracted: f64,
    pub built: Built,
}

/// What every slot of a run shares: the prices set ahead of the slot.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Prices {
    /// The builders with the highest capture: the winners of an auction held ahead.
    pub ahead_top: Vec<usize>,
    /// Slot auction: the price `max(c_(2), c_0) μ (1+d)^(−L)`.
    pub slot_price: f64,
    /// Slot auction: the proposer keeps the slot (`c_0 ≥ c_(1)`).
    pub slot_local: bool,
    /// Execution auction: the price `c_(2) μ (1+d)^(−L)`.
    pub execution_price: f64,
    /// Each builder's value of a fresh ticket, `μ E[max(V_i, T_(−i))] / (N d + 1)`.
    pub ticket_values: Vec<f64>,
    /// The protocol's ticket revenue per slot.
    pub ticket_revenue: f64,
}

/// The ticket revenue per slot from the chosen source (0 with one builder: no competition).
fn ticket_revenue(m: &SlotModel, values: &[f64]) -> Result<f64> {
    if values.len() < 2 || values.iter().filter(|&&v| v > 0.0).count() < 2 {
        return Ok(0.0);
    }
    match m.tickets.source {
        super::model::TicketSource::SteadyState => Ok(top_two(values).1),
        super::model::TicketSource::Contest => {
            let positive: Vec<f64> = values.iter().copied().filter(|&v| v > 0.0).collect();
            let outcome = Contest::tullock(m.tickets.alpha).and_then(|c| solve(&positive, c));
            outcome
                .map(|o| o.metrics.revenue)
                .map_err(|e| EngineError::invalid("tickets.alpha", format!("the ticket contest has no solution: {e}")))
        }
    }
}

impl SlotModel {
    /// The prices every slot of a run shares.
    pub fn prices(&self) -> Result<Prices> {
        let c = &self.captures;
        let (c1, c2) = top_two(c);
        let mu = self.reward.mean();
        let ahead = mu * self.lookahead_factor();
        let ahead_top = (0..c.len()).filter(|&i| c[i] == c1).collect();
        let ticket_values: Vec<f64> = expected_resales(c, self.spread)
            .into_iter()
            .map(|e| mu * e * self.ticket_factor())
            .collect();
        Ok(Prices {
            ahead_top,
            slot_price: c2.max(self.local_capture) * ahead,
            slot_local: self.local_capture >= c1,
            execution_price: c2 * ahead,
            ticket_revenue: ticket_revenue(self, &ticket_values)?,
            ticket_values,
        })
    }

    /// The block auction's expected proposer payment and builder surplus per slot
    /// (closed forms by quadrature, [`super::order_stats`]).
    ///
    /// ```
    /// use et_engine::mechanisms::SlotModel;
    /// use et_engine::rewards::Reward;
    ///
    /// let m = SlotModel::new(Reward::constant(2.0)?, vec![0.9, 0.8])?;
    /// let (proposer, builder) = m.block_auction_expectation();
    /// assert!((proposer - 1.6).abs() < 1e-12 && (builder - 0.2).abs() < 1e-12);
    /// # Ok::<(), et_engine::EngineError>(())
    /// ```
    pub fn block_auction_expectation(&self) -> (f64, f64) {
        let mu = self.reward.mean();
        let (c, s, c0) = (&self.captures, self.spread, self.local_capture);
        let proposer = expected_second(c, s, c0);
        let extracted = expected_max(c, s, c0);
        (mu * proposer, mu * (extracted - proposer))
    }
}

/// The draws of one slot.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slot {
    /// The slot's value: the most anyone can extract, `max(R, V_(1), V_0)`.
    pub value: f64,
    /// The local builder's value `c_0 R`.
    pub local: f64,
    /// The highest and second-highest builder values.
    pub top: f64,
    pub second: f64,
    /// Who holds the highest value (ties drawn uniformly).
    pub top_index: usize,
    /// The winner of an auction held ahead (drawn among the tied top captures) and its value.
    pub ahead_index: usize,
    pub ahead_value: f64,
}

/// Draws slot `slot`: `R`, then each builder's `Z_i`; `values` is scratch space.
pub fn draw<R: Rng>(m: &SlotModel, p: &Prices, src: &mut Source<R>, slot: u64, values: &mut Vec<f64>) -> Slot {
    let r = m.reward.sample(src, slot);
    let (s, half) = (m.spread, m.spread * m.spread / 2.0);
    values.clear();
    let (mut top, mut second, mut top_index, mut ties) = (f64::NEG_INFINITY, 0.0f64, 0, 0u64);
    for (i, &c) in m.captures.iter().enumerate() {
        let v = if s > 0.0 {
            c * r * crate::numeric::fastmath::exp(s * src.normal() - half)
        } else {
            c * r
        };
        values.push(v);
        if v > top {
            second = if top.is_finite() { top } else { 0.0 };
            (top, top_index, ties) = (v, i, 1);
        } else if v == top {
            second = v;
            ties += 1;
            if src.below(ties) == 0 {
                top_index = i;
            }
        } else {
            second = second.max(v);
        }
    }
    let k = p.ahead_top.len() as u64;
    let ahead_index = if k > 1 {
        p.ahead_top[src.below(k) as usize]
    } else {
        p.ahead_top[0]
    };
    let local = m.local_capture * r;
    Slot {
        value: r.max(top).max(local),
        local,
        top,
        second,
        top_index,
        ahead_index,
        ahead_value: values[ahead_index],
    }
}

fn local(s: &Slot, protocol: f64) -> Split {
    Split {
        protocol,
        proposer: s.local - protocol,
        builder: 0.0,
        unextracted: s.value - s.local,
        built: Built::Local,
    }
}

/// The block built by the top builder at price `price`, paid `to_protocol` to the protocol.
fn sold(s: &Slot, extracted: f64, price: f64, to_protocol: f64, index: usize) -> Split {
    Split {
        protocol: to_protocol,
        proposer: price - to_protocol,
        builder: extracted - price,
        unextracted: s.value - extracted,
        built: Built::Builder(index),
    }
}

/// The split of slot `s` under mechanism `mech`.
pub fn settle(mech: Mechanism, m: &SlotModel, p: &Prices, s: &Slot) -> Split {
    let jit_price = s.second.max(s.local);
    match mech {
        Mechanism::BlockAuction if s.local >= s.top => local(s, 0.0),
        Mechanism::BlockAuction => sold(s, s.top, jit_price, 0.0, s.top_index),
        Mechanism::MevBurn => {
            let burn = (1.0 - m.deadline_share) * s.second;
            if s.local >= s.top {
                local(s, burn)
            } else {
                sold(s, s.top, jit_price, burn, s.top_index)
            }
        }
        Mechanism::SlotAuction if p.slot_local => local(s, 0.0),
        Mechanism::SlotAuction => sold(s, s.ahead_value, p.slot_price, 0.0, s.ahead_index),
        Mechanism::ExecutionAuction => {
            let price = p.execution_price;
            sold(s, s.ahead_value, price, price, s.ahead_index)
        }
        Mechanism::ExecutionTickets => {
            let revenue = p.ticket_revenue;
            sold(s, s.top, revenue, revenue, s.top_index)
        }
        Mechanism::PartialBlock => partial(m.partial_share, s),
    }
}

/// A share `φ` sold just in time (a block auction on `φ V_i`), the rest built locally.
fn partial(phi: f64, s: &Slot) -> Split {
    if s.local >= s.top {
        return local(s, 0.0);
    }
    let rest = (1.0 - phi) * s.local;
    let price = phi * s.second.max(s.local);
    Split {
        protocol: 0.0,
        proposer: price + rest,
        builder: phi * s.top - price,
        unextracted: s.value - phi * s.top - rest,
        built: Built::Builder(s.top_index),
    }
}
