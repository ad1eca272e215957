//! The retrospective of one ticket over the window, by the engine's lottery Monte Carlo:
//! the ticket's present value when its rewards are the window's slots (replayed from the
//! window's first slot, or resampled), against the same lottery on a log-normal law with
//! the window's mean and standard deviation (what a model fitted to the window's two
//! moments says), at each decade of `n` and at the page's `n`. The closed form `E[V] =
//! μ / (n d + 1)` at the window's μ is each run's price.

use et_engine::lottery::monte_carlo::{McResult, TicketMonteCarlo};
use et_engine::rates::per_slot_from_annual;
use et_engine::rewards::mainnet::{MainnetData, MainnetMode, MainnetSource};
use et_engine::rewards::Reward;

use super::params::{Field, ModeChoice};
use super::state::MainnetState;

/// Samples a point (a few milliseconds each in wasm; standard errors of a few percent of
/// the mean even on the heavy tail).
pub const SAMPLES: u64 = 1 << 17;

/// One `n`: the ticket on the window's slots and on the fitted log-normal law.
#[derive(Debug, Clone, PartialEq)]
pub struct TicketPoint {
    pub n: f64,
    pub realised: McResult,
    pub model: McResult,
}

/// The window's reward law under the page's choices.
pub fn window_reward(d: &MainnetData, s: &MainnetState) -> Result<Reward, String> {
    let (from, to) = s.window();
    let src = MainnetSource {
        from: Some(from),
        to: Some(to),
        mode: match s.mode {
            ModeChoice::Replay => MainnetMode::Replay,
            ModeChoice::Resample => MainnetMode::Resample { block: s.mode.block() },
        },
        missing: s.missing.engine(),
    };
    src.reward(d).map_err(|e| e.to_string())
}

/// The `n`s of the retrospective: each decade from 10 to 10⁷ and the page's `n`.
pub fn grid(n: f64) -> Vec<f64> {
    let mut v: Vec<f64> = (1..=7).map(|k| 10f64.powi(k)).chain([n]).collect();
    v.sort_by(f64::total_cmp);
    v.dedup();
    v
}

/// The ticket at every `n` of [`grid`] (seeded: the link reproduces it).
pub fn ticket_points(d: &MainnetData, s: &MainnetState) -> Result<Vec<TicketPoint>, String> {
    let e = |e: et_engine::EngineError| e.to_string();
    let reward = window_reward(d, s)?;
    let (mu, sd) = (reward.mean(), reward.variance().sqrt());
    let model = if sd > 0.0 {
        Reward::lognormal(mu, sd / mu).map_err(e)?
    } else {
        Reward::constant(mu).map_err(e)?
    };
    let dd = per_slot_from_annual(s.get(Field::Annual));
    let seed = s.get(Field::Seed) as u64;
    grid(s.get(Field::N))
        .into_iter()
        .map(|n| {
            let run = |r: &Reward| TicketMonteCarlo::new(n, dd, r.clone(), 0).map(|mc| mc.run(seed, SAMPLES));
            Ok(TicketPoint {
                n,
                realised: run(&reward).map_err(e)?,
                model: run(&model).map_err(e)?,
            })
        })
        .collect()
}

/// The point at the page's `n`.
pub fn at_n(points: &[TicketPoint], n: f64) -> Option<&TicketPoint> {
    points.iter().find(|p| p.n == n)
}
