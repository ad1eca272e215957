//! The Mechanisms page's runs: the comparison and the sweep as jobs for the worker pool,
//! and a finished run's outcome.

use et_engine::choice::Choice;
use et_engine::mechanisms::{Comparison, SweepParam};
use et_engine::rates::per_slot_from_annual;

use super::params::Field;
use super::state::MechanismsState;
use crate::worker::mechanisms_job::MechanismsJob;
use crate::worker::reward::RewardSpec;

/// Most slots a sweep point simulates.
pub const SWEEP_SLOTS: u64 = 50_000;

/// The values a sweep of `p` visits (the lookahead on a log grid, from 1 slot to 4 years).
pub fn sweep_values(p: SweepParam, builders: usize) -> Vec<f64> {
    let grid = |lo: f64, hi: f64, n: usize| (0..n).map(|i| lo + (hi - lo) * i as f64 / (n - 1) as f64).collect();
    match p {
        SweepParam::Spread => grid(0.0, 1.5, 16),
        SweepParam::DeadlineShare => grid(0.0, 1.0, 11),
        SweepParam::Lookahead => (0..=14).map(|i| 10f64.powf(i as f64 / 2.0).round()).collect(),
        SweepParam::Builders => (1..=builders.max(2) + 4).map(|k| k as f64).collect(),
    }
}

impl MechanismsState {
    /// The reward law (log-normal with μ and sd while data is chosen but not loaded).
    pub fn reward(&self) -> RewardSpec {
        let data = self.data.as_ref().map(|d| d.values.as_slice());
        RewardSpec::of(self.dist, self.get(Field::Mu), self.get(Field::Sd), data)
    }

    /// The comparison as a job, checked by the engine (errors name the field).
    pub fn job(&self) -> Result<MechanismsJob, String> {
        let job = MechanismsJob {
            reward: self.reward(),
            captures: self.captures.clone(),
            spread: self.get(Field::Spread),
            local_capture: self.get(Field::Local),
            deadline_share: self.get(Field::Deadline),
            lookahead: self.get(Field::Lookahead),
            discount: per_slot_from_annual(self.get(Field::Annual)),
            partial_share: self.get(Field::Partial),
            ticket_source: self.tickets.key().to_string(),
            ticket_count: self.get(Field::Tickets),
            ticket_alpha: self.get(Field::Alpha),
            validators: self.get(Field::Validators),
            slots: self.get(Field::Slots) as u64,
            seed: self.get(Field::Seed) as u64,
        };
        job.model().map_err(|e| e.to_string())?;
        Ok(job)
    }

    /// The comparison's job, then one job a sweep point (fewer slots each).
    pub fn jobs(&self) -> Result<Vec<MechanismsJob>, String> {
        let main = self.job()?;
        let model = main.model().map_err(|e| e.to_string())?;
        let mut jobs = vec![main.clone()];
        for v in sweep_values(self.sweep, self.captures.len()) {
            let m = model.with(self.sweep, v).map_err(|e| e.to_string())?;
            jobs.push(MechanismsJob {
                captures: m.captures,
                spread: m.spread,
                deadline_share: m.deadline_share,
                lookahead: m.lookahead,
                slots: main.slots.min(SWEEP_SLOTS),
                ..main.clone()
            });
        }
        Ok(jobs)
    }
}

/// A finished run: the comparison, the sweep, and how long it took.
#[derive(Debug, PartialEq)]
pub struct MechanismsOutcome {
    pub comparison: Comparison,
    /// The swept parameter and each point's value and comparison.
    pub sweep: (SweepParam, Vec<(f64, Comparison)>),
    pub seconds: f64,
    pub workers: usize,
}

/// What a run's outcome needs besides its results: the sweep's parameter and values.
pub type RunLabels = (SweepParam, Vec<f64>);

/// The outcome of a finished run (its first result is the comparison).
pub fn outcome(
    labels: &RunLabels,
    mut results: Vec<Comparison>,
    seconds: f64,
    workers: usize,
) -> Option<MechanismsOutcome> {
    if results.is_empty() {
        return None;
    }
    let comparison = results.remove(0);
    Some(MechanismsOutcome {
        comparison,
        sweep: (labels.0, labels.1.iter().copied().zip(results).collect()),
        seconds,
        workers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::worker::protocol::Work;

    #[test]
    fn the_default_state_runs_and_its_split_sums() {
        let s = MechanismsState::default();
        let mut job = s.job().unwrap();
        job.slots = 20_000;
        let c = job.run_all().unwrap();
        for r in &c.rows {
            let sum = r.protocol + r.proposer + r.builder + r.unextracted;
            assert!((sum - r.value).abs() <= 1e-9 * r.value, "{:?}", r.mechanism);
        }
        let jobs = s.jobs().unwrap();
        assert_eq!(jobs.len(), 1 + sweep_values(s.sweep, s.captures.len()).len());
        assert!(jobs[1..].iter().all(|j| j.slots == SWEEP_SLOTS));
    }

    #[test]
    fn bad_controls_name_their_field() {
        let s = MechanismsState {
            captures: vec![0.5, 1.5],
            ..Default::default()
        };
        assert!(s.job().unwrap_err().contains("builders[1].capture"));
    }
}
