//! The lottery engine's runs: the Monte Carlo jobs for the pool and their outcome, and
//! the main-thread computations (pools, holders).

use et_engine::lottery::monte_carlo::PoolStream;
use et_engine::lottery::monte_carlo::{McResult, TicketMonteCarlo};
use et_engine::lottery::pools::{grouped_from_values, PoolPoint};
use et_engine::lottery::process::{check_runs, HoldersPartial, Process, ProcessResult, Remint};

use super::lottery::{LotterySettings, Setting};
use super::state::TicketState;
use crate::format;
use crate::worker::mc_job::McJob;
use crate::worker::reward::RewardSpec;
use crate::worker::status::RunStatus;

/// Tickets simulated for the pools' chart, grouped into pools of each size (2¹⁹: 524,288
/// pools of one ticket down to 512 pools of 1,024): fewer draws than 300 pools at every
/// size, and many pools where a heavy tail needs them, at the small sizes.
pub const POOL_TICKETS: u64 = 1 << 19;
/// Largest horizon × runs simulated on the page.
const MAX_SLOT_STEPS: f64 = 2e7;

/// The n values at which the Monte Carlo re-estimates E[V]: every decade from 1 to 10⁹.
pub fn curve_ns() -> Vec<f64> {
    (0..=9).map(|k| 10f64.powi(k)).collect()
}

/// The reward law as data for the workers, given the page's μ and sd.
pub fn reward_spec(l: &LotterySettings, mu: f64, sd: f64) -> RewardSpec {
    RewardSpec::of(l.dist, mu, sd, l.active_data().map(|d| d.values.as_slice()))
}

/// Where the Monte Carlo stands; the last finished result stays while a new one runs.
pub type McStatus = RunStatus<McOutcome>;

/// A finished run: the current n's result and the curve's.
#[derive(Debug, PartialEq)]
pub struct McOutcome {
    pub main: McResult,
    pub curve: Vec<(f64, McResult)>,
    /// Wall time of the whole run (every experiment) and the samples it drew.
    pub seconds: f64,
    pub total_samples: u64,
    pub workers: usize,
}

/// The outcome of a finished run of [`jobs`] (the curve at [`curve_ns`]).
pub fn mc_outcome(_: &(), mut results: Vec<McResult>, seconds: f64, workers: usize) -> Option<McOutcome> {
    (!results.is_empty()).then(|| {
        let total_samples = results.iter().map(|r| r.samples).sum();
        let main = results.remove(0);
        let curve = curve_ns().into_iter().zip(results).collect();
        McOutcome {
            main,
            curve,
            seconds,
            total_samples,
            workers,
        }
    })
}

/// The jobs of one run: the current n with every sample, then each decade of the curve.
pub fn jobs(s: &TicketState) -> Vec<McJob> {
    let l = &s.lottery;
    let (samples, seed) = (l.get(Setting::Samples) as u64, l.get(Setting::Seed) as u64);
    let reward = reward_spec(l, s.mu, s.sd);
    let job = |n: f64, samples: u64, seed: u64| McJob {
        n,
        d: s.d,
        lookahead: s.lookahead as u64,
        reward: reward.clone(),
        seed,
        samples,
    };
    let mut out = vec![job(s.n, samples, seed)];
    let per_point = (samples / 8).max(10_000);
    out.extend(
        curve_ns()
            .into_iter()
            .enumerate()
            .map(|(k, n)| job(n, per_point, seed.wrapping_add(1 + k as u64))),
    );
    out
}

/// The pools' risk at each size, or why not.
pub type PoolsRun = Result<Vec<PoolPoint>, String>;

/// Tickets drawn a step (a few milliseconds on the page's thread).
const POOL_STEP: u64 = 1 << 15;

/// The pools' tickets being drawn, a step a task (the same values as in one go).
pub struct PoolDraw {
    mc: TicketMonteCarlo,
    stream: PoolStream,
    values: Vec<f64>,
}

/// The sizes of the pools' chart: 1, 2, 4, …, 1024.
fn pool_sizes() -> Vec<u64> {
    (0..=10).map(|k| 1u64 << k).collect()
}

/// The start of the pools' draw: [`POOL_TICKETS`] tickets on the seed's pool stream 0.
pub fn pool_start(s: &TicketState) -> Result<PoolDraw, String> {
    let reward = reward_spec(&s.lottery, s.mu, s.sd).build().map_err(|e| e.to_string())?;
    let mc = TicketMonteCarlo::new(s.n, s.d, reward, s.lookahead as u64).map_err(|e| e.to_string())?;
    let stream = mc.pool_stream(s.lottery.get(Setting::Seed) as u64, 0);
    Ok(PoolDraw {
        mc,
        stream,
        values: Vec::with_capacity(POOL_TICKETS as usize),
    })
}

/// One step of the pools' draw: the risk at each size once every ticket is drawn.
pub fn pool_step(draw: &mut Result<PoolDraw, String>) -> Option<PoolsRun> {
    let d = match draw {
        Ok(d) => d,
        Err(e) => return Some(Err(e.clone())),
    };
    let left = POOL_TICKETS - d.values.len() as u64;
    let (mc, stream) = (&d.mc, &mut d.stream);
    d.values
        .extend((0..left.min(POOL_STEP)).map(|_| mc.pool_ticket(stream)));
    (d.values.len() as u64 == POOL_TICKETS)
        .then(|| grouped_from_values(&d.mc, &pool_sizes(), &d.values).map_err(|e| e.to_string()))
}

/// Pool sizes 1, 2, 4, …, 1024 with the closed form and a simulation of
/// [`POOL_TICKETS`] tickets, in one go (the page draws them a step a task).
pub fn pool_run(s: &TicketState) -> PoolsRun {
    to_end(pool_start(s), pool_step)
}

/// Every step of a computation made of steps, on this thread: its result.
fn to_end<S, T>(mut state: S, step: fn(&mut S) -> Option<T>) -> T {
    loop {
        if let Some(r) = step(&mut state) {
            return r;
        }
    }
}

/// The holders' simulation and each holder's expected cumulative value, or why not.
pub type HoldersRun = Result<(ProcessResult, Vec<Vec<f64>>), String>;

/// Slot steps of the holders' simulation a step (whole runs; a few milliseconds).
const HOLDER_STEP: f64 = 2e5;

/// The holders' simulation under way, some runs a step (the same bits as in one go).
pub struct HoldersDraw {
    process: Process,
    seed: u64,
    runs: u64,
    per_step: u64,
    parts: Vec<HoldersPartial>,
}

/// The start of the holders' simulation, or why it cannot run.
pub fn holders_start(s: &TicketState) -> Result<HoldersDraw, String> {
    let l = &s.lottery;
    let (horizon, runs) = (l.get(Setting::ProcessHorizon), l.get(Setting::Runs));
    if horizon * runs > MAX_SLOT_STEPS {
        return Err(format!(
            "Simulated horizon × runs is {}; keep it under {} so the page stays responsive.",
            format::readable(horizon * runs, 4),
            format::readable(MAX_SLOT_STEPS, 4)
        ));
    }
    let n = s.n.round() as u64;
    let holdings: Vec<u64> = l
        .holders
        .iter()
        .map(|p| (p / 100.0 * n as f64).round() as u64)
        .collect();
    let held: u64 = holdings.iter().sum();
    if held > n {
        return Err("The holders' shares add up to more than 100 % of the tickets.".into());
    }
    let reward = reward_spec(l, s.mu, s.sd).build().map_err(|e| e.to_string())?;
    let remint = if l.remint_others {
        Remint::Others
    } else {
        Remint::SameHolder
    };
    let process = Process::new(holdings, n - held, s.d, reward, remint, horizon as u64).map_err(|e| e.to_string())?;
    check_runs(runs as u64).map_err(|e| e.to_string())?;
    Ok(HoldersDraw {
        process,
        seed: l.get(Setting::Seed) as u64,
        runs: runs as u64,
        per_step: (HOLDER_STEP / horizon).max(1.0) as u64,
        parts: Vec::new(),
    })
}

/// One step of the holders' simulation: the result and each holder's expected
/// cumulative value once every run is done.
pub fn holders_step(draw: &mut Result<HoldersDraw, String>) -> Option<HoldersRun> {
    let d = match draw {
        Ok(d) => d,
        Err(e) => return Some(Err(e.clone())),
    };
    let from = d.parts.last().map_or(0, |p| p.first + p.runs.len() as u64);
    let to = (from + d.per_step).min(d.runs);
    d.parts.push(d.process.run_range(d.seed, from..to, HOLDER_POINTS));
    if to < d.runs {
        return None;
    }
    let p = &d.process;
    let r = p.finish(std::mem::take(&mut d.parts));
    let expected = (0..r.holders.len())
        .map(|i| r.slots.iter().map(|&t| p.expected_value_at(i, t)).collect())
        .collect();
    Some(Ok((r, expected)))
}

/// Points recorded along the holders' horizon.
const HOLDER_POINTS: usize = 200;

/// The holders' process simulation and each holder's expected cumulative value, in one
/// go (the page runs it a step a task).
pub fn holders_run(s: &TicketState) -> HoldersRun {
    to_end(holders_start(s), holders_step)
}

#[cfg(test)]
#[path = "runs_tests.rs"]
mod tests;
