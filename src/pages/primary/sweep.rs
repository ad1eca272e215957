//! The Primary market's sweeps (SPEC §4.1): capture and concentration against one
//! parameter, for every rule the page compares. One pool job is one point under one rule
//! (the worker kind `market-sweep`), every point with the same seed.

use et_engine::choice::Choice;
use et_engine::primary::{with_parameter, Market, PricingRule, SweepParameter, SweepPoint};

use super::params::Field;
use super::run::MarketJobs;
use super::state::MarketState;
use crate::worker::sweep_job::SweepJob;

/// Most slot draws a sweep runs in all (points × rules × runs × slots).
pub const MAX_SWEEP_WORK: f64 = 1e10;

/// A sweep's plan: the parameter, its values and the rules, in job order (rule-major).
#[derive(Clone, Debug, PartialEq)]
pub struct SweepPlan {
    pub parameter: SweepParameter,
    pub values: Vec<f64>,
    pub rules: Vec<PricingRule>,
}

/// The sweep a state asks for (none when off) and its jobs, each point checked by the
/// engine (errors name the field).
pub fn sweep_jobs(s: &MarketState) -> Result<Option<(SweepPlan, Vec<SweepJob>)>, String> {
    let Some(parameter) = s.sweep.parameter() else {
        return Ok(None);
    };
    let values = s.sweep.values(s.get(Field::SweepPoints) as usize);
    let rules = s.rules_run();
    let (runs, slots) = (s.get(Field::SweepRuns) as u64, s.get(Field::SweepSlots) as u64);
    let work = values.len() as f64 * rules.len() as f64 * runs as f64 * slots as f64;
    if work > MAX_SWEEP_WORK {
        return Err(format!(
            "sweep: points × rules × runs × slots must be at most 10¹⁰, got {work:.3e}; fewer sweep runs or slots"
        ));
    }
    let mut jobs = Vec::new();
    for &rule in &rules {
        let market = s.sized_job(rule, slots, runs, 1)?;
        let cfg = market.0.with_reward(s.reward().build().map_err(|e| e.to_string())?);
        for &v in &values {
            let (c, o) = with_parameter(&cfg, &market.1, parameter, v).map_err(|e| format!("sweep: {e}"))?;
            Market::with_options(c, o).map_err(|e| format!("sweep at {} = {v}: {e}", parameter.key()))?;
            jobs.push(SweepJob::new(market.clone(), parameter, v));
        }
    }
    Ok(Some((
        SweepPlan {
            parameter,
            values,
            rules,
        },
        jobs,
    )))
}

/// A finished sweep: each rule's points in order, and how long it took.
#[derive(Debug, PartialEq)]
pub struct SweepOutcome {
    pub parameter: SweepParameter,
    pub lines: Vec<(PricingRule, Vec<SweepPoint>)>,
    pub runs: u64,
    pub slots: u64,
    pub seconds: f64,
    pub workers: usize,
}

/// What a sweep's outcome needs besides its points: its plan, runs and slots.
pub type SweepLabels = Option<(SweepPlan, u64, u64)>;

/// The outcome of a finished sweep (points in job order: rule-major).
pub fn sweep_outcome(
    labels: &SweepLabels,
    points: Vec<SweepPoint>,
    seconds: f64,
    workers: usize,
) -> Option<SweepOutcome> {
    let (plan, runs, slots) = labels.as_ref()?;
    let n = plan.values.len();
    if points.len() != n * plan.rules.len() || n == 0 {
        return None;
    }
    let lines = plan
        .rules
        .iter()
        .copied()
        .zip(points.chunks(n).map(<[SweepPoint]>::to_vec))
        .collect();
    Some(SweepOutcome {
        parameter: plan.parameter,
        lines,
        runs: *runs,
        slots: *slots,
        seconds,
        workers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::primary::choices::SweepBy;
    use crate::worker::protocol::Work;

    #[test]
    fn the_default_sweep_is_four_rules_of_ten_points_and_runs() {
        let mut s = MarketState::et_simulation();
        s.values[Field::SweepSlots as usize] = 100.0;
        s.values[Field::SweepRuns as usize] = 2.0;
        let (plan, jobs) = sweep_jobs(&s).unwrap().unwrap();
        assert_eq!((plan.rules.len(), plan.values.len(), jobs.len()), (4, 10, 40));
        let points: Vec<SweepPoint> = jobs.iter().map(|j| j.run_all().unwrap()).collect();
        let o = sweep_outcome(&Some((plan, 2, 100)), points, 0.1, 2).unwrap();
        assert_eq!(o.lines[0].1.len(), 10);
        assert!(o
            .lines
            .iter()
            .all(|(_, ps)| ps.iter().all(|p| p.mean.capture.is_finite())));
    }

    #[test]
    fn a_sweep_the_model_cannot_take_is_named() {
        let s = MarketState {
            sweep: SweepBy::InitialPrice,
            ..Default::default()
        };
        let e = sweep_jobs(&s).unwrap_err();
        assert!(e.contains("initial"), "{e}");
    }
}
