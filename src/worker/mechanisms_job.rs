//! The mechanism comparison as work for the pool: ranges of blocks of slots.

use et_engine::choice::Choice;
use et_engine::mechanisms::rules::Prices;
use et_engine::mechanisms::run::{BlockSums, BLOCK};
use et_engine::mechanisms::{Comparison, SlotModel, TicketSource, Tickets};
use serde::{Deserialize, Serialize};

use super::kind::JobKind;
use super::protocol::{ranges_after, Work};
use super::reward::RewardSpec;

/// The shared slot model as data (SPEC §5), with the run's size and seed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MechanismsJob {
    pub reward: RewardSpec,
    pub captures: Vec<f64>,
    pub spread: f64,
    pub local_capture: f64,
    pub deadline_share: f64,
    pub lookahead: f64,
    pub discount: f64,
    pub partial_share: f64,
    /// The ticket revenue's source, by its key.
    pub ticket_source: String,
    pub ticket_count: f64,
    pub ticket_alpha: f64,
    pub validators: f64,
    pub slots: u64,
    pub seed: u64,
}

impl MechanismsJob {
    /// The engine's model (its checks name the field of bad input).
    pub fn model(&self) -> et_engine::Result<SlotModel> {
        let mut m = SlotModel::new(self.reward.build()?, self.captures.clone())?;
        m.spread = self.spread;
        m.local_capture = self.local_capture;
        m.deadline_share = self.deadline_share;
        m.lookahead = self.lookahead;
        m.discount = self.discount;
        m.partial_share = self.partial_share;
        m.validators = self.validators;
        m.tickets = Tickets {
            source: TicketSource::parse("tickets", &self.ticket_source)?,
            count: self.ticket_count,
            alpha: self.ticket_alpha,
        };
        m.validate()?;
        Ok(m)
    }

    fn blocks(&self) -> u64 {
        self.slots.div_ceil(BLOCK)
    }
}

/// One block's sums; the first block of a range also carries the run's prices, which
/// the worker sets (a ticket contest may need a solve: its solver stays out of the page).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MechanismsPart {
    pub sums: BlockSums,
    pub prices: Option<Prices>,
}

impl Work for MechanismsJob {
    const KIND: JobKind = JobKind::Mechanisms;
    type Part = MechanismsPart;
    type Output = Comparison;

    /// Slots.
    fn total(&self) -> u64 {
        self.slots
    }

    /// About two ranges of blocks a worker, after a first range of the first block alone
    /// (a first view); blocks are independent streams summed in block order, so the
    /// split does not change a bit of the result.
    fn ranges(&self, workers: u64) -> Vec<(u64, u64)> {
        let blocks = self.blocks();
        let chunk = blocks.saturating_sub(1).div_ceil(workers * 2).max(1);
        ranges_after(1, blocks, chunk)
    }

    fn run(&self, blocks: (u64, u64), progress: &mut dyn FnMut(u64)) -> Result<Vec<MechanismsPart>, String> {
        let m = self.model().map_err(|e| e.to_string())?;
        let prices = m.prices().map_err(|e| e.to_string())?;
        let mut parts: Vec<MechanismsPart> = Vec::new();
        for b in blocks.0..blocks.1 {
            let block = m.run_blocks(&prices, self.seed, b..b + 1, self.slots);
            progress(block.iter().map(|p| p.slots).sum());
            parts.extend(block.into_iter().map(|sums| MechanismsPart { sums, prices: None }));
        }
        if let Some(first) = parts.first_mut() {
            first.prices = Some(prices);
        }
        Ok(parts)
    }

    fn finish(&self, parts: Vec<MechanismsPart>) -> Result<Comparison, String> {
        let m = self.model().map_err(|e| e.to_string())?;
        let prices = parts
            .iter()
            .find_map(|p| p.prices.clone())
            .ok_or("slots: the workers sent no prices (a run without slots)")?;
        let sums: Vec<BlockSums> = parts.into_iter().map(|p| p.sums).collect();
        Ok(m.finish(prices, &sums, self.seed))
    }
}
