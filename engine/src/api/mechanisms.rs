//! The mechanism comparison's function: `compareMechanisms`.

use serde::{Deserialize, Serialize};

use super::lottery::RewardInput;
use super::{seed, whole};
use crate::choice::Choice;
use crate::mechanisms::rules::Prices;
use crate::mechanisms::run::{BlockSums, BLOCK};
use crate::mechanisms::{Comparison, Row, SlotModel, StdErrors, TicketSource, Tickets};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BuilderInput {
    capture: f64,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TicketsInput {
    source: Option<String>,
    count: Option<f64>,
    alpha: Option<f64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CompareInput {
    reward: RewardInput,
    builders: Vec<BuilderInput>,
    spread: Option<f64>,
    local_capture: Option<f64>,
    deadline_share: Option<f64>,
    lookahead: Option<f64>,
    discount: Option<f64>,
    partial_share: Option<f64>,
    tickets: Option<TicketsInput>,
    validators: Option<f64>,
    slots: f64,
    seed: f64,
}

/// The fields of `compareMechanisms`'s input.
pub const FIELDS: [&str; 12] = [
    "reward",
    "builders",
    "spread",
    "localCapture",
    "deadlineShare",
    "lookahead",
    "discount",
    "partialShare",
    "tickets",
    "validators",
    "slots",
    "seed",
];

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowOutput {
    mechanism: &'static str,
    value: f64,
    protocol: f64,
    proposer: f64,
    builder: f64,
    unextracted: f64,
    validator_income_cv: f64,
    validator_income_mean: f64,
    validator_income_range: [f64; 2],
    proposals_per_year: f64,
    hhi: f64,
    top_share: f64,
    local_share: f64,
    oracle_accuracy: f64,
    std_errors: StdErrors,
}

impl From<&Row> for RowOutput {
    fn from(r: &Row) -> Self {
        Self {
            mechanism: r.mechanism.key(),
            value: r.value,
            protocol: r.protocol,
            proposer: r.proposer,
            builder: r.builder,
            unextracted: r.unextracted,
            validator_income_cv: r.income.cv,
            validator_income_mean: r.income.mean,
            validator_income_range: [r.income.p5, r.income.p95],
            proposals_per_year: r.income.proposals,
            hhi: r.hhi,
            top_share: r.top_share,
            local_share: r.local_share,
            oracle_accuracy: r.oracle_accuracy,
            std_errors: r.std_errors,
        }
    }
}

fn model(i: CompareInput) -> Result<SlotModel, crate::EngineError> {
    let captures = i.builders.iter().map(|b| b.capture).collect();
    let mut m = SlotModel::new(i.reward.build()?, captures)?;
    m.spread = i.spread.unwrap_or(m.spread);
    m.local_capture = i.local_capture.unwrap_or(m.local_capture);
    m.deadline_share = i.deadline_share.unwrap_or(m.deadline_share);
    m.lookahead = i.lookahead.unwrap_or(m.lookahead);
    m.discount = i.discount.unwrap_or(m.discount);
    m.partial_share = i.partial_share.unwrap_or(m.partial_share);
    m.validators = i.validators.unwrap_or(m.validators);
    let t = i.tickets.unwrap_or_default();
    let d = Tickets::default();
    m.tickets = Tickets {
        source: match t.source {
            Some(s) => TicketSource::parse("tickets.source", &s)?,
            None => d.source,
        },
        count: t.count.unwrap_or(d.count),
        alpha: t.alpha.unwrap_or(d.alpha),
    };
    m.validate()?;
    Ok(m)
}

/// A checked `compareMechanisms`: the slot model, its seed and size. Its blocks
/// (`0..blocks()`, each [`BLOCK`] slots on its own stream) may run on any threads in any
/// grouping: [`CompareRun::finish`] sums them in block order, bit for bit the same.
pub struct CompareRun {
    /// The slot model.
    pub model: SlotModel,
    /// The seed.
    pub seed: u64,
    /// Slots in all.
    pub slots: u64,
}

impl CompareRun {
    /// Checks the input and builds the model.
    pub fn new(i: CompareInput) -> Result<Self, crate::EngineError> {
        let slots = whole("slots", i.slots, 1.0, 1e9)?;
        let seed = seed(i.seed)?;
        Ok(Self {
            model: model(i)?,
            seed,
            slots,
        })
    }

    /// The number of blocks.
    pub fn blocks(&self) -> u64 {
        self.slots.div_ceil(BLOCK)
    }

    /// The run's prices (a ticket contest may need a solve), shared by every block.
    pub fn prices(&self) -> Result<Prices, crate::EngineError> {
        self.model.prices()
    }

    /// Blocks `b..e`.
    pub fn run_blocks(&self, prices: &Prices, b: u64, e: u64) -> Vec<BlockSums> {
        self.model.run_blocks(prices, self.seed, b..e, self.slots)
    }

    /// One row a mechanism, from every block's sums.
    pub fn finish(&self, prices: Prices, blocks: &[BlockSums]) -> Vec<RowOutput> {
        rows(&self.model.finish(prices, blocks, self.seed))
    }

    /// Runs every block on this thread.
    pub fn run(&self) -> Result<Vec<RowOutput>, crate::EngineError> {
        Ok(rows(&self.model.compare(self.seed, self.slots)?))
    }
}

fn rows(c: &Comparison) -> Vec<RowOutput> {
    c.rows.iter().map(RowOutput::from).collect()
}
