//! The summary of a window of mainnet slots: counts, moments, quantiles, builder shares,
//! their HHI and the longest run of slots built by one builder.
//!
//! Definitions (the fixture `scripts/mainnet_fixture.py` computes the same from the CSV):
//! - a window is the slots `from..=to` (default: all the data);
//! - moments are over the `n` blocks with a value, in ETH: `total`, `mean = total / n`,
//!   `sd` the sample standard deviation (divisor `n − 1`, 0 when `n = 1`), `median` the
//!   middle value (the mean of the two middle values when `n` is even), `max`; computed
//!   exactly from the integer gwei (sums in 128-bit integers) and rounded once to ETH;
//! - quantile `p` is the lower empirical quantile `x_(k)`, the `k`-th smallest value with
//!   `k = max(1, ⌈p n⌉)`, for `p` in [`LEVELS_PER_MILLE`] / 1000 (computed in integers);
//! - builders are counted over the blocks with a builder label, merged into entities
//!   ([`super::entities`]), sorted by blocks descending then name; `share = blocks / Σ
//!   blocks`; `builder_hhi = 10,000 Σ share²` ([`crate::metrics::hhi`]);
//! - the longest run is the most consecutive slots built by one entity: a missed slot or a
//!   block without a builder ends a run; ties go to the earliest.
//!
//! Cost: one pass over the slots and a multi-selection (`select_nth_unstable`, no sort)
//! of the quantile ranks; no allocation per slot.

use super::entities::NONE;
use super::{gwei_to_eth, MainnetData};
use crate::error::{EngineError, Result};

/// The quantile levels of a summary, in thousandths.
pub const LEVELS_PER_MILLE: [u64; 10] = [10, 50, 100, 250, 500, 750, 900, 950, 990, 999];

/// One builder entity's blocks in a window.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct BuilderShare {
    /// The entity's name.
    pub name: String,
    /// Blocks it built in the window.
    pub blocks: u64,
    /// Its share of the window's blocks with a builder.
    pub share: f64,
}

/// The most consecutive slots built by one builder entity.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct LongestRun {
    /// The entity's name.
    pub builder: String,
    /// The run's length in slots.
    pub slots: u64,
    /// The run's first slot.
    pub first_slot: u64,
}

/// The summary of a window of slots (see the module's definitions).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct MainnetSummary {
    pub first_slot: u64,
    pub last_slot: u64,
    /// `last_slot − first_slot + 1`.
    pub slots: u64,
    /// Slots with a block.
    pub blocks: u64,
    pub missed_slots: u64,
    /// Blocks with a MEV-Boost value.
    pub with_value: u64,
    /// Blocks built without MEV-Boost (local blocks).
    pub without_mev_boost: u64,
    /// Blocks whose relay the source does not cover (value unknown).
    pub unknown: u64,
    /// Sum of the values, ETH.
    pub total: f64,
    /// Sum of the values, gwei (exact).
    pub total_gwei: u64,
    pub mean: f64,
    pub median: f64,
    pub sd: f64,
    pub max: f64,
    /// `(p, x_(⌈p n⌉))` for each level of [`LEVELS_PER_MILLE`] (NaN values when `n = 0`).
    pub quantiles: Vec<(f64, f64)>,
    pub builders: Vec<BuilderShare>,
    pub builder_hhi: f64,
    /// `None` when no block of the window has a builder.
    pub longest_run: Option<LongestRun>,
}

/// The window `from..=to` as slot indices, default all the data. Errors name `from` or
/// `to` (outside the data; `to` before `from`).
pub(crate) fn window(d: &MainnetData, from: Option<u64>, to: Option<u64>) -> Result<(usize, usize)> {
    let (first, last) = (d.first_slot(), d.last_slot());
    let outside = |field: &str, s: u64| {
        EngineError::invalid(field, format!("slot {s} is outside the data (slots {first} to {last})"))
    };
    let from = from.unwrap_or(first);
    let to = to.unwrap_or(last);
    if !(first..=last).contains(&from) {
        return Err(outside("from", from));
    }
    if !(first..=last).contains(&to) {
        return Err(outside("to", to));
    }
    if to < from {
        return Err(EngineError::invalid("to", format!("slot {to} is before from = {from}")));
    }
    Ok(((from - first) as usize, (to - first) as usize))
}

/// Tracks the longest run of one entity slot by slot.
struct Runs {
    who: u16,
    len: u64,
    start: usize,
    best: Option<(u16, u64, usize)>,
}

impl Runs {
    #[inline]
    fn step(&mut self, e: u16, i: usize) {
        if e != NONE && e == self.who {
            self.len += 1;
        } else {
            (self.who, self.len, self.start) = (e, (e != NONE) as u64, i);
        }
        if e != NONE && self.best.is_none_or(|(_, l, _)| self.len > l) {
            self.best = Some((e, self.len, self.start));
        }
    }
}

/// The summary of the slots `from..=to` (default: all the data).
///
/// Errors: a window outside the data names `from` or `to`; `to < from` names `to`.
pub fn summary(d: &MainnetData, from: Option<u64>, to: Option<u64>) -> Result<MainnetSummary> {
    let (lo, hi) = window(d, from, to)?;
    let mut values = Vec::with_capacity(hi - lo + 1);
    let mut counts = [0u64; 4];
    let mut per_entity = vec![0u64; d.entities.len()];
    let mut runs = Runs {
        who: NONE,
        len: 0,
        start: lo,
        best: None,
    };
    for i in lo..=hi {
        let status = d.status[i];
        counts[status as usize] += 1;
        if status == 0 {
            values.push(d.gwei[i]);
        }
        let e = d.label_entity[d.label[i] as usize];
        if e != NONE {
            per_entity[e as usize] += 1;
        }
        runs.step(e, i);
    }
    let (builders, builder_hhi) = builder_shares(d, &per_entity);
    let blocks = counts[0] + counts[1] + counts[2];
    let mut s = MainnetSummary {
        first_slot: d.first_slot + lo as u64,
        last_slot: d.first_slot + hi as u64,
        slots: (hi - lo + 1) as u64,
        blocks,
        missed_slots: counts[3],
        with_value: counts[0],
        without_mev_boost: counts[1],
        unknown: counts[2],
        total: 0.0,
        total_gwei: 0,
        mean: f64::NAN,
        median: f64::NAN,
        sd: f64::NAN,
        max: f64::NAN,
        quantiles: vec![],
        builders,
        builder_hhi,
        longest_run: runs.best.map(|(e, slots, start)| LongestRun {
            builder: d.entities[e as usize].clone(),
            slots,
            first_slot: d.first_slot + start as u64,
        }),
    };
    moments(&mut values, &mut s);
    Ok(s)
}

fn builder_shares(d: &MainnetData, per_entity: &[u64]) -> (Vec<BuilderShare>, f64) {
    let total: u64 = per_entity.iter().sum();
    let mut list: Vec<BuilderShare> = per_entity
        .iter()
        .zip(&d.entities)
        .filter(|(&b, _)| b > 0)
        .map(|(&blocks, name)| BuilderShare {
            name: name.clone(),
            blocks,
            share: blocks as f64 / total as f64,
        })
        .collect();
    list.sort_by(|a, b| b.blocks.cmp(&a.blocks).then_with(|| a.name.cmp(&b.name)));
    let hhi = if total == 0 {
        0.0
    } else {
        crate::metrics::hhi(list.iter().map(|b| b.share))
    };
    (list, hhi)
}

/// Fills the moments and quantiles from the values (gwei), reordering them.
fn moments(v: &mut [u64], s: &mut MainnetSummary) {
    let n = v.len();
    let levels = LEVELS_PER_MILLE.iter().map(|&m| m as f64 / 1000.0);
    if n == 0 {
        s.quantiles = levels.map(|p| (p, f64::NAN)).collect();
        return;
    }
    let (mut s1, mut s2, mut max) = (0u128, 0u128, 0u64);
    for &g in v.iter() {
        s1 += g as u128;
        s2 += g as u128 * g as u128;
        max = max.max(g);
    }
    let nf = n as f64;
    s.total_gwei = s1 as u64;
    s.total = s1 as f64 / 1e9;
    s.mean = s1 as f64 / nf / 1e9;
    s.max = gwei_to_eth(max);
    s.sd = sample_sd(n as u128, s1, s2, v);
    // 0-based ranks: the quantiles' k − 1, then the median's one or two middle ranks.
    let ranks: Vec<usize> = LEVELS_PER_MILLE
        .iter()
        .map(|&m| ((m as usize * n).div_ceil(1000)).max(1) - 1)
        .chain([(n - 1) / 2, n / 2])
        .collect();
    let mut sorted = ranks.clone();
    sorted.sort_unstable();
    sorted.dedup();
    multiselect(v, &sorted, 0);
    s.quantiles = levels.zip(&ranks).map(|(p, &k)| (p, gwei_to_eth(v[k]))).collect();
    s.median = (v[(n - 1) / 2] as u128 + v[n / 2] as u128) as f64 / 2e9;
}

/// The sample standard deviation in ETH: exactly `(n Σg² − (Σg)²) / (n (n − 1))` in
/// 128-bit integers when it fits, else two passes in `f64`.
fn sample_sd(n: u128, s1: u128, s2: u128, v: &[u64]) -> f64 {
    if n < 2 {
        return 0.0;
    }
    let exact = (n.checked_mul(s2))
        .zip(s1.checked_mul(s1))
        .and_then(|(a, b)| a.checked_sub(b));
    let var_gwei = match exact {
        Some(num) => num as f64 / (n * (n - 1)) as f64,
        None => {
            let mean = s1 as f64 / n as f64;
            v.iter().map(|&g| (g as f64 - mean) * (g as f64 - mean)).sum::<f64>() / (n - 1) as f64
        }
    };
    var_gwei.sqrt() / 1e9
}

/// Puts the order statistic of each rank of `ranks` (sorted, distinct, offset by
/// `offset`) at its place in `v`: `select_nth_unstable` on the middle rank, then each side.
fn multiselect(v: &mut [u64], ranks: &[usize], offset: usize) {
    if ranks.is_empty() {
        return;
    }
    let mid = ranks.len() / 2;
    let k = ranks[mid] - offset;
    let (left, _, right) = v.select_nth_unstable(k);
    multiselect(left, &ranks[..mid], offset);
    multiselect(right, &ranks[mid + 1..], offset + k + 1);
}
