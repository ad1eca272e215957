//! One point of a primary-market sweep under one rule as work for the pool (SPEC §4.1):
//! every run of the market at `parameter = value`, summed up as the totals' bands.

use et_engine::choice::Choice;
use et_engine::primary::{sweep_point, SweepParameter, SweepPoint};
use serde::{Deserialize, Serialize};

use super::kind::JobKind;
use super::market_job::MarketJob;
use super::protocol::Work;

/// A sweep point: the market, the swept parameter (by its key) and its value here.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepJob {
    pub market: MarketJob,
    pub parameter: String,
    pub value: f64,
}

impl SweepJob {
    /// A sweep point of `market` at `parameter = value`.
    pub fn new(market: MarketJob, parameter: SweepParameter, value: f64) -> Self {
        Self {
            market,
            parameter: parameter.key().to_string(),
            value,
        }
    }

    /// The swept parameter (an unknown key names the field).
    pub fn parameter(&self) -> Result<SweepParameter, String> {
        SweepParameter::from_key(&self.parameter)
            .ok_or_else(|| format!("sweep: unknown parameter \"{}\"", self.parameter))
    }

    /// The point, on this thread (the engine's checks name the field of bad input).
    pub fn point(&self) -> Result<SweepPoint, String> {
        let cfg = &self.market.0;
        let cfg = cfg.with_reward(cfg.reward.build().map_err(|e| e.to_string())?);
        sweep_point(&cfg, &self.market.1, self.parameter()?, self.value).map_err(|e| e.to_string())
    }
}

impl Work for SweepJob {
    const KIND: JobKind = JobKind::MarketSweep;
    type Part = SweepPoint;
    type Output = SweepPoint;

    /// Slots over all runs.
    fn total(&self) -> u64 {
        self.market.0.slots * self.market.0.runs
    }

    /// One range: a point is the unit of work (the sweep's points and rules share the
    /// workers).
    fn ranges(&self, _workers: u64) -> Vec<(u64, u64)> {
        vec![(0, 1)]
    }

    fn run(&self, _range: (u64, u64), progress: &mut dyn FnMut(u64)) -> Result<Vec<SweepPoint>, String> {
        let p = self.point()?;
        progress(self.total());
        Ok(vec![p])
    }

    fn finish(&self, mut parts: Vec<SweepPoint>) -> Result<SweepPoint, String> {
        parts.pop().ok_or_else(|| "sweep: a point came back empty".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::worker::registry::answer;
    use crate::worker::reward::RewardSpec;
    use et_engine::primary::{et_simulation, PricingRule};

    #[test]
    fn a_point_runs_through_the_registry_as_on_this_thread() {
        let (cfg, opts) = et_simulation(PricingRule::SecondPrice, 200, 3, 5);
        let market = MarketJob(cfg.with_reward(RewardSpec::Exponential { mean: 30.0 }), opts);
        let job = SweepJob::new(market, SweepParameter::Holders, 4.0);
        let here = job.run_all().unwrap();
        assert_eq!(here.value, 4.0);
        let req = crate::worker::protocol::Request::new(1, 0, job.clone(), (0, 1));
        let mut replies = Vec::new();
        answer(&serde_json::to_string(&req).unwrap(), &mut |r| replies.push(r));
        let done = replies
            .iter()
            .find_map(|r| match crate::worker::protocol::decode::<SweepPoint>(r) {
                Ok(crate::worker::protocol::Response::Done { parts, .. }) => Some(parts),
                _ => None,
            });
        assert_eq!(done, Some(vec![here.clone()]), "the worker's point is this thread's");
        let bad = SweepJob {
            parameter: "nope".into(),
            ..job
        };
        assert!(bad.run_all().unwrap_err().contains("nope"));
    }
}
