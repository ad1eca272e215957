//! The secondary market (SPEC §3): when does a ticket holder resell its slot?
//!
//! The slot's reward forecast `m_t` is a martingale on a recombining binomial lattice
//! (`m₀ = μ`, up `u = e^σ`, down `1/u`, up-probability `p = (1 − 1/u)/(u − 1/u)`; node
//! `(t, j)` has `m = μ u^(2j − t)`). Buyers value the right at a node by the mean-variance
//! moments of their payoff `max(m_T − θ_i, 0)` over the sub-lattice, discounted, less a
//! holding cost; the seller stops optimally between selling, waiting, exercising and
//! letting the right lapse. Cost `O(T² × buyers)` time, `O(T²)` memory.

mod bids;
pub mod model;
mod policy;
mod solve;
pub mod sweep;

pub use model::{Action, Buyer, Format, Market, Solution};
pub use sweep::{SweepParam, SweepPoint};
