//! The lottery's Monte Carlo as work for the pool: ranges of blocks.

use et_engine::lottery::monte_carlo::{McPartial, McResult, TicketMonteCarlo};
use serde::{Deserialize, Serialize};

use super::kind::JobKind;
use super::protocol::Work;
use super::reward::RewardSpec;

/// One experiment: the lottery at `n` with a reward law, seed and sample count.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct McJob {
    pub n: f64,
    pub d: f64,
    pub lookahead: u64,
    pub reward: RewardSpec,
    pub seed: u64,
    pub samples: u64,
}

/// Samples between two progress messages (a few a second: the page thread shares the cores).
const PROGRESS_EVERY: u64 = 1 << 23;

impl McJob {
    /// The engine's experiment.
    pub fn experiment(&self) -> et_engine::Result<TicketMonteCarlo> {
        TicketMonteCarlo::new(self.n, self.d, self.reward.build()?, self.lookahead)
    }

    /// Number of blocks.
    pub fn blocks(&self) -> u64 {
        self.samples.div_ceil(et_engine::lottery::monte_carlo::BLOCK)
    }
}

impl Work for McJob {
    const KIND: JobKind = JobKind::Mc;
    type Part = McPartial;
    type Output = McResult;

    fn total(&self) -> u64 {
        self.samples
    }

    /// Ranges of blocks, about four a worker.
    fn ranges(&self, workers: u64) -> Vec<(u64, u64)> {
        let blocks = self.blocks();
        let chunk = blocks.div_ceil(workers * 4).max(1);
        (0..blocks)
            .step_by(chunk as usize)
            .map(|b| (b, (b + chunk).min(blocks)))
            .collect()
    }

    /// One part for the whole range (its chunks' parts absorbed as they come: a short
    /// reply to read on the page's thread, however many samples).
    fn run(&self, blocks: (u64, u64), progress: &mut dyn FnMut(u64)) -> Result<Vec<McPartial>, String> {
        let mc = self.experiment().map_err(|e| e.to_string())?;
        let per_chunk = (PROGRESS_EVERY / et_engine::lottery::monte_carlo::BLOCK).max(1);
        let mut whole: Option<McPartial> = None;
        let mut b = blocks.0;
        while b < blocks.1 {
            let end = (b + per_chunk).min(blocks.1);
            let part = mc.run_blocks(self.seed, b..end, self.samples);
            progress(part.blocks.iter().map(|s| s.count).sum());
            match &mut whole {
                Some(w) => w.absorb(part),
                None => whole = Some(part),
            }
            b = end;
        }
        Ok(whole.into_iter().collect())
    }

    fn finish(&self, parts: Vec<McPartial>) -> Result<McResult, String> {
        Ok(self.experiment().map_err(|e| e.to_string())?.finish(parts))
    }
}
