//! What holders bid under each [`Strategy`] (SPEC §4.1), before their cash.

use rand::Rng;

use super::config::{win_before_expiry, Holder};
use super::options::{Assignment, Strategy};
use crate::numeric::random::Source;
use crate::rewards::laws::Reward;

/// The chance a ticket wins a slot before it expires `E` slots after purchase: per-slot
/// draws `1 − (1 − 1/N)^E`; epoch assignment (the study's) `1 − (1 − 32/N)^(E/32)`,
/// 1 when `N ≤ 32`.
pub fn expiry_factor(assignment: Assignment, max_tickets: u64, expiry: Option<u64>) -> f64 {
    let Some(e) = expiry else { return 1.0 };
    match assignment {
        Assignment::PerSlot => win_before_expiry(max_tickets, e),
        Assignment::Epoch if max_tickets <= 32 => 1.0,
        Assignment::Epoch => {
            let q = 1.0 - 32.0 / max_tickets as f64;
            1.0 - libm::pow(q, e as f64 / 32.0)
        }
    }
}

/// A holder's deterministic value of a ticket under a strategy (random strategies: their
/// mean), times the expiry factor `f`; `n` holders.
///
/// ```
/// use et_engine::primary::{strategy_value, Holder, Strategy};
/// let h = Holder { budget: 500.0, capture: 0.9, discount: 0.0, margin: 0.15 };
/// let v = strategy_value(Strategy::Value, &h, 30.0, 100, 10, 1.0);
/// assert!((v - 30.0 * 0.9 * 0.85).abs() < 1e-12);
/// assert!((strategy_value(Strategy::Shaded, &h, 30.0, 100, 10, 1.0) - v * 0.9).abs() < 1e-12);
/// ```
pub fn strategy_value(strategy: Strategy, h: &Holder, mu: f64, max_tickets: u64, n: usize, f: f64) -> f64 {
    let value = (1.0 - h.margin) * h.capture * mu / (max_tickets as f64 * h.discount + 1.0);
    f * match strategy {
        Strategy::Value => value,
        Strategy::Naive | Strategy::Random => (1.0 - h.margin) * mu,
        Strategy::Shaded => value * (n as f64 - 1.0).max(1.0) / n as f64,
        // The mean of the least of 10 exponential draws; a description only (bids draw).
        Strategy::Conservative => mu / 10.0,
    }
}

/// One bid's value (before cash): the deterministic value, or a fresh draw for the
/// random and conservative strategies.
pub(crate) fn draw_bid<R: Rng>(
    strategy: Strategy,
    value: f64,
    h: &Holder,
    reward: &Reward,
    src: &mut Source<R>,
    t: u64,
    f: f64,
) -> f64 {
    match strategy {
        Strategy::Random => {
            let mu = reward.mean();
            f * (1.0 - h.margin) * mu * (1.0 / 3.0 + 4.0 / 3.0 * src.open01())
        }
        Strategy::Conservative => f * (0..10).map(|_| reward.sample(src, t)).fold(f64::INFINITY, f64::min),
        _ => value,
    }
}
