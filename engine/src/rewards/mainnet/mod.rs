//! Six months of real Ethereum mainnet rewards (10 Oct 2023 – 9 Apr 2024): the winning
//! MEV-Boost bid of every block, its builder, and which slots were missed.
//!
//! Source: "MEV-Boost winning-bid data, dataalways/mevboost-data, CC0", turned into a
//! compact binary asset by `scripts/mainnet_asset.py` (format: `docs/mainnet-data.md`).
//!
//! - [`decode`] — [`MainnetData::from_bytes`]: the asset, validated (magic, version,
//!   length, CRC-32, counts);
//! - [`entities`] — the one table merging raw builder labels into builder entities;
//! - [`summary`] — counts, moments, quantiles, builder shares, HHI and the longest run of
//!   one builder over a window of slots;
//! - [`daily`], [`tail`], [`time`] — what the Mainnet page draws: each day's payments
//!   and each week's builder shares, the survival function with a Hill tail index, and
//!   slots as UTC dates;
//! - [`source`] — a window of slots as a reward law (replayed, or resampled in blocks),
//!   usable wherever a [`Reward`](crate::rewards::Reward) is.
//!
//! Every slot of `first_slot..=last_slot` has one [`SlotStatus`]: a block with a value
//! (integer gwei, exact to the gwei), a block built without MEV-Boost (a local block; its
//! value is not in the source), a block whose relay the source does not cover (value
//! unknown), or a missed slot (no block).

pub mod daily;
pub mod decode;
pub mod entities;
pub mod source;
pub mod summary;
pub mod tail;
pub mod time;

pub use source::{MainnetMode, MainnetSource, Missing};
pub use summary::{summary, BuilderShare, LongestRun, MainnetSummary};

/// What a slot holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum SlotStatus {
    /// A block with its winning MEV-Boost bid (the proposer's payment).
    Value = 0,
    /// A block built without MEV-Boost (a local block): no relay value.
    NoMevBoost = 1,
    /// A block delivered by a relay the source does not cover: value unknown.
    Unknown = 2,
    /// No block in this slot.
    Missed = 3,
}

/// One slot of the data.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SlotRecord<'a> {
    /// The slot number.
    pub slot: u64,
    /// What the slot holds.
    pub status: SlotStatus,
    /// The value in gwei (0 unless `status` is [`SlotStatus::Value`]).
    pub gwei: u64,
    /// The value in ETH, `gwei / 10⁹` correctly rounded (0 without a value).
    pub eth: f64,
    /// The builder's raw label as the relay reports it (`""` for none).
    pub label: &'a str,
    /// The builder entity's index into [`MainnetData::entities`], if the block has a builder.
    pub entity: Option<usize>,
}

/// The decoded mainnet data: one status, value and builder label a slot.
#[derive(Debug, Clone, PartialEq)]
pub struct MainnetData {
    pub(crate) first_slot: u64,
    pub(crate) first_block: u64,
    /// Per slot from `first_slot`: the [`SlotStatus`] as `u8`.
    pub(crate) status: Vec<u8>,
    /// Per slot: the value in gwei (0 without one).
    pub(crate) gwei: Vec<u64>,
    /// Per slot: the label index (0 = no builder).
    pub(crate) label: Vec<u16>,
    /// The raw labels; index 0 is `""` (no builder).
    pub(crate) labels: Vec<String>,
    /// Per label: its entity index ([`entities::NONE`] for no builder).
    pub(crate) label_entity: Vec<u16>,
    /// The entities' names.
    pub(crate) entities: Vec<String>,
}

impl MainnetData {
    /// The first slot of the data.
    pub fn first_slot(&self) -> u64 {
        self.first_slot
    }

    /// The last slot of the data.
    pub fn last_slot(&self) -> u64 {
        self.first_slot + self.status.len() as u64 - 1
    }

    /// The block number of the first slot's block (blocks are contiguous).
    pub fn first_block(&self) -> u64 {
        self.first_block
    }

    /// The number of slots, `last_slot − first_slot + 1`.
    pub fn slots(&self) -> usize {
        self.status.len()
    }

    /// The builder entities' names (indexed by [`SlotRecord::entity`]).
    pub fn entities(&self) -> &[String] {
        &self.entities
    }

    /// The raw builder labels (index 0 is `""`, no builder).
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Slot `slot`, or `None` outside `first_slot..=last_slot`.
    pub fn slot(&self, slot: u64) -> Option<SlotRecord<'_>> {
        let i = usize::try_from(slot.checked_sub(self.first_slot)?).ok()?;
        let status = *self.status.get(i)?;
        let label = self.label[i] as usize;
        let entity = self.label_entity[label];
        Some(SlotRecord {
            slot,
            status: status_of(status),
            gwei: self.gwei[i],
            eth: gwei_to_eth(self.gwei[i]),
            label: &self.labels[label],
            entity: (entity != entities::NONE).then_some(entity as usize),
        })
    }
}

pub(crate) fn status_of(code: u8) -> SlotStatus {
    match code {
        0 => SlotStatus::Value,
        1 => SlotStatus::NoMevBoost,
        2 => SlotStatus::Unknown,
        _ => SlotStatus::Missed,
    }
}

/// `gwei / 10⁹`: exact integers below 2⁵³ divided once, so correctly rounded.
#[inline]
pub(crate) fn gwei_to_eth(gwei: u64) -> f64 {
    gwei as f64 / 1e9
}
