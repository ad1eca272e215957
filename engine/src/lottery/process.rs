//! The lottery slot by slot (SPEC §1): holders with ticket counts, one ticket drawn a
//! slot, its holder paid the slot's reward, the ticket burned and a fresh one minted.

use std::ops::Range;

use crate::error::{positive, EngineError, Result};
use crate::numeric::random::{stream, Source};
use crate::rewards::laws::Reward;

/// Who gets the fresh ticket minted after each win.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum Remint {
    /// The winner: every holder keeps its count (and its share) forever.
    SameHolder,
    /// The rest of the market: a holder's tickets run out as they win.
    Others,
}

/// A validated process simulation.
#[derive(Debug, Clone, PartialEq)]
pub struct Process {
    holdings: Vec<u64>,
    others: u64,
    d: f64,
    reward: Reward,
    remint: Remint,
    horizon: u64,
}

/// One holder's outcome, averaged over runs, with its closed-form expectation.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct HolderOutcome {
    pub tickets: u64,
    pub wins_mean: f64,
    pub reward_mean: f64,
    /// Realised present value (rewards discounted to slot 0), mean over runs.
    pub value_mean: f64,
    pub value_std_error: f64,
    /// The closed-form expected present value over the horizon.
    pub value_expected: f64,
}

/// One run's totals, per holder: realised present value, wins and rewards.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RunTotals {
    pub value: Vec<f64>,
    pub wins: Vec<f64>,
    pub rewards: Vec<f64>,
}

/// What a range of runs produced (see [`Process::run_range`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HoldersPartial {
    /// The range's first run.
    pub first: u64,
    pub runs: Vec<RunTotals>,
    /// The first run's recording slots and series (empty unless the range holds run 0).
    pub slots: Vec<u64>,
    pub series: Vec<Vec<f64>>,
}

/// Checks the number of runs (1 to 100,000).
pub fn check_runs(runs: u64) -> Result<()> {
    if (1..=100_000).contains(&runs) {
        Ok(())
    } else {
        Err(EngineError::invalid(
            "runs",
            format!("must be between 1 and 100000, got {runs}"),
        ))
    }
}

/// The simulation's result: per-holder outcomes and, for the first run, each holder's
/// cumulative realised value at up to `points` slots.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct ProcessResult {
    pub holders: Vec<HolderOutcome>,
    pub slots: Vec<u64>,
    pub cumulative_value: Vec<Vec<f64>>,
}

impl Process {
    /// Holders with `holdings` tickets each, `others` tickets with the rest of the market,
    /// over `horizon` slots (1 to 10⁸).
    pub fn new(holdings: Vec<u64>, others: u64, d: f64, reward: Reward, remint: Remint, horizon: u64) -> Result<Self> {
        if holdings.is_empty() {
            return Err(EngineError::invalid("holders", "must list at least one holder"));
        }
        if holdings.iter().sum::<u64>() + others == 0 {
            return Err(EngineError::invalid(
                "holders",
                "at least one ticket must be outstanding",
            ));
        }
        positive("d", d)?;
        if !(1..=100_000_000).contains(&horizon) {
            return Err(EngineError::invalid(
                "horizon",
                format!("must be between 1 and 100000000 slots, got {horizon}"),
            ));
        }
        Ok(Self {
            holdings,
            others,
            d,
            reward,
            remint,
            horizon,
        })
    }

    fn outstanding(&self) -> u64 {
        self.holdings.iter().sum::<u64>() + self.others
    }

    /// Closed-form expected present value of holder `i` over the horizon.
    ///
    /// # Formula
    /// Same holder: `(k/n) μ (1 − (1+d)^(−H)) / d`.
    /// Others: `k μ/(n d + 1) · (1 − ((1 − 1/n)/(1+d))^H)`.
    pub fn expected_value(&self, i: usize) -> f64 {
        self.expected_value_at(i, self.horizon)
    }

    /// [`Process::expected_value`] over the first `horizon` slots.
    pub fn expected_value_at(&self, i: usize, horizon: u64) -> f64 {
        let (k, n, mu) = (self.holdings[i] as f64, self.outstanding() as f64, self.reward.mean());
        let (h, ld) = (horizon as f64, libm::log1p(self.d));
        match self.remint {
            Remint::SameHolder => k / n * mu * -libm::expm1(-h * ld) / self.d,
            Remint::Others => k * mu / n.mul_add(self.d, 1.0) * -libm::expm1(h * (libm::log1p(-1.0 / n) - ld)),
        }
    }

    /// Runs `runs` seeded runs (run `r` on stream `r`), recording the first run's
    /// cumulative values at up to `points` evenly spaced slots.
    ///
    /// ```
    /// use et_engine::lottery::process::{Process, Remint};
    /// use et_engine::rewards::Reward;
    /// // The only ticket wins every slot, and is reminted to its holder.
    /// let p = Process::new(vec![1], 0, 0.01, Reward::constant(1.0).unwrap(), Remint::SameHolder, 10).unwrap();
    /// let r = p.run(1, 3, 5).unwrap();
    /// assert_eq!(r.holders[0].wins_mean, 10.0);
    /// assert!((r.holders[0].value_mean - r.holders[0].value_expected).abs() < 1e-12);
    /// ```
    pub fn run(&self, seed: u64, runs: u64, points: usize) -> Result<ProcessResult> {
        check_runs(runs)?;
        Ok(self.finish(vec![self.run_range(seed, 0..runs, points)]))
    }

    /// Runs `runs` (a range of run numbers; run `r` on stream `r` of `seed`): each run's
    /// totals, and the first run's series if the range holds run 0. Ranges may run on
    /// any threads; [`Process::finish`] merges them in run order, so the result is the
    /// same however the runs were shared.
    pub fn run_range(&self, seed: u64, runs: Range<u64>, points: usize) -> HoldersPartial {
        let k = self.holdings.len();
        let step = (self.horizon / points.max(1) as u64).max(1);
        let mut part = HoldersPartial {
            first: runs.start,
            ..Default::default()
        };
        for r in runs {
            let (mut wins, mut rewards) = (vec![0.0; k], vec![0.0; k]);
            let value = self.one_run(seed, r, &mut wins, &mut rewards, |t, value| {
                if r == 0 && (t % step == 0 || t == self.horizon) {
                    part.slots.push(t);
                    part.series.resize(k, Vec::new());
                    for (s, v) in part.series.iter_mut().zip(value) {
                        s.push(*v);
                    }
                }
            });
            part.runs.push(RunTotals { value, wins, rewards });
        }
        part
    }

    /// The outcome of every run in `parts`, summed in run order: each holder's means
    /// over runs and the first run's series.
    pub fn finish(&self, mut parts: Vec<HoldersPartial>) -> ProcessResult {
        parts.sort_by_key(|p| p.first);
        let k = self.holdings.len();
        let (mut sum_v, mut sum_v2) = (vec![0.0; k], vec![0.0; k]);
        let (mut wins, mut rewards) = (vec![0.0; k], vec![0.0; k]);
        let mut n = 0u64;
        for run in parts.iter().flat_map(|p| &p.runs) {
            n += 1;
            for i in 0..k {
                sum_v[i] += run.value[i];
                sum_v2[i] += run.value[i] * run.value[i];
                wins[i] += run.wins[i];
                rewards[i] += run.rewards[i];
            }
        }
        let rf = n.max(1) as f64;
        let holders = (0..k)
            .map(|i| {
                let mean = sum_v[i] / rf;
                let var = ((sum_v2[i] - sum_v[i] * mean) / (rf - 1.0).max(1.0)).max(0.0);
                HolderOutcome {
                    tickets: self.holdings[i],
                    wins_mean: wins[i] / rf,
                    reward_mean: rewards[i] / rf,
                    value_mean: mean,
                    value_std_error: (var / rf).sqrt(),
                    value_expected: self.expected_value(i),
                }
            })
            .collect();
        let first = parts.into_iter().find(|p| p.first == 0).unwrap_or_default();
        ProcessResult {
            holders,
            slots: first.slots,
            cumulative_value: if first.series.is_empty() {
                vec![Vec::new(); k]
            } else {
                first.series
            },
        }
    }

    /// Run `r` (stream `r` of `seed`): each holder's realised present value. Wins and
    /// rewards are added to `wins` and `rewards`; `record(t, values)` sees every slot.
    fn one_run(
        &self,
        seed: u64,
        r: u64,
        wins: &mut [f64],
        rewards: &mut [f64],
        mut record: impl FnMut(u64, &[f64]),
    ) -> Vec<f64> {
        let mut src = Source::new(stream(seed, r));
        let mut counts = self.holdings.clone();
        let mut value = vec![0.0; self.holdings.len()];
        let n = self.outstanding();
        let ld = libm::log1p(self.d);
        for t in 1..=self.horizon {
            let reward = self.reward.sample(&mut src, t - 1);
            let mut pick = src.below(n);
            if let Some(i) = counts.iter().position(|&c| {
                let hit = pick < c;
                pick = pick.saturating_sub(c);
                hit
            }) {
                wins[i] += 1.0;
                rewards[i] += reward;
                value[i] += reward * libm::exp(-(t as f64) * ld);
                if self.remint == Remint::Others {
                    counts[i] -= 1;
                }
            }
            record(t, &value);
        }
        value
    }
}
