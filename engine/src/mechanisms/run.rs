//! The seeded Monte Carlo over slots: blocks of [`BLOCK`] slots, block `b` drawing from
//! stream `b` of the seed, each block's sums kept apart and added in block order, so a
//! run gives the same bits on one thread or split among any number of workers.

use std::ops::Range;

use super::mechanism::Mechanism;
use super::model::SlotModel;
use super::rules::{draw, settle, Built, Prices};
use crate::choice::Choice;
use crate::numeric::random::{stream, Source};

/// Slots a block.
pub const BLOCK: u64 = 1 << 14;

/// Proposer payments kept from the first slots of a run, to resample validators' years.
pub const INCOME_SAMPLE: u64 = 1 << 11;

/// One mechanism's sums over a block.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Sums {
    /// Σ of protocol, proposer, builder, unextracted.
    pub parts: [f64; 4],
    /// Σ of their squares.
    pub squares: [f64; 4],
    /// Σ protocol × value (for the oracle accuracy's standard error).
    pub protocol_value: f64,
    /// Blocks built by each builder.
    pub built: Vec<u64>,
    /// Blocks built locally by the proposer.
    pub local: u64,
    /// The proposer's payments of the block's first slots (within [`INCOME_SAMPLE`]).
    pub income: Vec<f64>,
}

/// The sums of one block of slots.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct BlockSums {
    pub block: u64,
    pub slots: u64,
    /// Σ R and Σ R².
    pub value: [f64; 2],
    /// One entry a mechanism, in [`Mechanism::ALL`] order.
    pub mechanisms: Vec<Sums>,
}

impl Sums {
    fn new(builders: usize) -> Self {
        Self {
            built: vec![0; builders],
            ..Self::default()
        }
    }

    /// Adds another block's sums (`other` comes after `self`).
    pub fn add(&mut self, other: &Sums) {
        for k in 0..4 {
            self.parts[k] += other.parts[k];
            self.squares[k] += other.squares[k];
        }
        self.protocol_value += other.protocol_value;
        for (a, b) in self.built.iter_mut().zip(&other.built) {
            *a += b;
        }
        self.local += other.local;
        self.income.extend_from_slice(&other.income);
    }
}

impl SlotModel {
    /// Runs blocks `blocks` of a run of `slots` slots in all.
    pub fn run_blocks(&self, prices: &Prices, seed: u64, blocks: Range<u64>, slots: u64) -> Vec<BlockSums> {
        let mut out = Vec::new();
        let mut scratch = Vec::with_capacity(self.captures.len());
        for b in blocks {
            let count = slots.saturating_sub(b * BLOCK).min(BLOCK);
            if count == 0 {
                break;
            }
            out.push(self.block(prices, seed, b, count, &mut scratch));
        }
        out
    }

    fn block(&self, prices: &Prices, seed: u64, b: u64, count: u64, scratch: &mut Vec<f64>) -> BlockSums {
        let mut src = Source::new(stream(seed, b));
        let mut sums = BlockSums {
            block: b,
            slots: count,
            value: [0.0; 2],
            mechanisms: vec![Sums::new(self.captures.len()); Mechanism::ALL.len()],
        };
        for slot in b * BLOCK..b * BLOCK + count {
            let s = draw(self, prices, &mut src, slot, scratch);
            sums.value[0] += s.value;
            sums.value[1] += s.value * s.value;
            let keep = slot < INCOME_SAMPLE;
            for (acc, &mech) in sums.mechanisms.iter_mut().zip(Mechanism::ALL) {
                let split = settle(mech, self, prices, &s);
                let parts = [split.protocol, split.proposer, split.builder, split.unextracted];
                for (k, x) in parts.into_iter().enumerate() {
                    acc.parts[k] += x;
                    acc.squares[k] += x * x;
                }
                acc.protocol_value += split.protocol * s.value;
                match split.built {
                    Built::Builder(i) => acc.built[i] += 1,
                    Built::Local => acc.local += 1,
                }
                if keep {
                    acc.income.push(split.proposer);
                }
            }
        }
        sums
    }
}

/// Adds blocks in block order: the run's totals.
pub fn total(blocks: &[BlockSums], builders: usize) -> BlockSums {
    let mut sorted: Vec<&BlockSums> = blocks.iter().collect();
    sorted.sort_by_key(|b| b.block);
    let mut t = BlockSums {
        block: 0,
        slots: 0,
        value: [0.0; 2],
        mechanisms: vec![Sums::new(builders); Mechanism::ALL.len()],
    };
    for b in sorted {
        t.slots += b.slots;
        t.value[0] += b.value[0];
        t.value[1] += b.value[1];
        for (acc, m) in t.mechanisms.iter_mut().zip(&b.mechanisms) {
            acc.add(m);
        }
    }
    t
}
