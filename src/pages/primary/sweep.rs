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
    let (lo, hi) = s.sweep_range.unwrap_or(s.sweep.default_range());
    if lo.partial_cmp(&hi) != Some(std::cmp::Ordering::Less) {
        return Err(format!(
            "sweep range: give two values, from and to, with from below to (got {} to {})",
            crate::format::sig(lo, 4),
            crate::format::sig(hi, 4)
        ));
    }
    let values = s.sweep.values(s.get(Field::SweepPoints) as usize, (lo, hi));
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
    use crate::pages::primary::state::Action;
    use crate::worker::protocol::Work;
    use yew::Reducible;

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

    #[test]
    fn a_sweep_covers_the_range_the_page_sets() {
        // The parameters' own ranges, as before the range was a control.
        assert_eq!(
            SweepBy::MaxTickets.values(3, SweepBy::MaxTickets.default_range()),
            [10.0, 100.0, 1000.0]
        );
        assert_eq!(
            SweepBy::Expiry.values(4, SweepBy::Expiry.default_range()),
            [0.0, 32.0, 320.0, 3200.0]
        );
        assert_eq!(SweepBy::InitialPrice.values(4, (0.0, 60.0)), [0.0, 20.0, 40.0, 60.0]);
        // A range of the user's: by ratio for counts, evenly otherwise.
        assert_eq!(SweepBy::Holders.values(3, (4.0, 64.0)), [4.0, 16.0, 64.0]);
        assert_eq!(SweepBy::Expiry.values(3, (10.0, 1000.0)), [10.0, 100.0, 1000.0]);
        assert_eq!(SweepBy::CaptureSpread.values(3, (0.2, 0.6)), [0.2, 0.4, 0.6]);
        let mut s = MarketState::et_simulation();
        s.values[Field::SweepSlots as usize] = 100.0;
        s.values[Field::SweepRuns as usize] = 2.0;
        s.values[Field::SweepPoints as usize] = 3.0;
        let s = std::rc::Rc::new(s)
            .reduce(Action::Sweep(SweepBy::Holders))
            .reduce(Action::SweepRange(vec![4.0, 64.0]));
        let (plan, _) = sweep_jobs(&s).unwrap().unwrap();
        assert_eq!(plan.values, [4.0, 16.0, 64.0]);
        // The link keeps it; another parameter starts from its own range.
        let route = crate::url_state::Route::parse(&s.to_route());
        let (back, notices) = MarketState::from_route(&route);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(back.sweep_range, Some((4.0, 64.0)));
        assert_eq!(
            std::rc::Rc::new(back)
                .reduce(Action::Sweep(SweepBy::Expiry))
                .sweep_range,
            None
        );
        // From must be below to; the message names the field.
        let bad = std::rc::Rc::new((*s).clone()).reduce(Action::SweepRange(vec![64.0, 4.0]));
        let e = sweep_jobs(&bad).unwrap_err();
        assert!(e.starts_with("sweep range:"), "{e}");
    }
}
