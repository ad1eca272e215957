//! A window of slots cut into UTC days or weeks: the proposers' payments of each day
//! (mean, median, maximum) and the builders' shares of each week.
//!
//! Definitions (tested against direct computations):
//! - day `k` of a window holds its slots that start on the window's `k`-th UTC day (the
//!   first and last days may be partial); a week is seven such days, from the window's
//!   first day;
//! - a day's payments are its blocks with a value (missed slots, local blocks and
//!   blocks of uncovered relays have none and are left out of the day's statistics, so
//!   `missing` choices do not apply here); the median is the middle value (the mean of
//!   the two middle ones for an even count), as in [`super::summary`];
//! - a week's shares are each builder entity's blocks over the week's blocks with a
//!   builder; the entities shown are the window's `top` by blocks, the rest summed as
//!   "others".

use super::entities::NONE;
use super::summary::{window, MainnetSummary};
use super::time::slot_day;
use super::{gwei_to_eth, MainnetData};
use crate::error::Result;

/// One UTC day's payments.
#[derive(Debug, Clone, PartialEq)]
pub struct Day {
    /// Days since the window's first day.
    pub index: u64,
    /// The day's first slot in the window.
    pub first_slot: u64,
    /// Blocks with a value.
    pub count: u64,
    /// Mean, median and maximum payment, ETH (NaN without a value).
    pub mean: f64,
    pub median: f64,
    pub max: f64,
}

/// The builders' weekly shares.
#[derive(Debug, Clone, PartialEq)]
pub struct Weeks {
    /// The entities shown, then `"others"` (if any other builder built a block).
    pub names: Vec<String>,
    /// Per week: its first day (since the window's first day) and each name's share.
    pub weeks: Vec<(u64, Vec<f64>)>,
}

/// Statistics of one day's values (gwei), reordering them.
fn day_stats(index: u64, first_slot: u64, v: &mut [u64]) -> Day {
    let n = v.len();
    let (mut mean, mut median, mut max) = (f64::NAN, f64::NAN, f64::NAN);
    if n > 0 {
        let sum: u128 = v.iter().map(|&g| g as u128).sum();
        mean = sum as f64 / n as f64 / 1e9;
        max = gwei_to_eth(*v.iter().max().expect("a value"));
        let (lo, &mut hi_mid, _) = v.select_nth_unstable(n / 2);
        median = if n % 2 == 1 {
            gwei_to_eth(hi_mid)
        } else {
            let lo_mid = *lo.iter().max().expect("n ≥ 2");
            (lo_mid as u128 + hi_mid as u128) as f64 / 2e9
        };
    }
    Day {
        index,
        first_slot,
        count: n as u64,
        mean,
        median,
        max,
    }
}

/// The payments of each UTC day of the window `from..=to` (default all the data).
/// Errors name `from` or `to`.
pub fn daily(d: &MainnetData, from: Option<u64>, to: Option<u64>) -> Result<Vec<Day>> {
    let (lo, hi) = window(d, from, to)?;
    let day0 = slot_day(d.first_slot + lo as u64);
    let mut out = Vec::new();
    let mut values = Vec::with_capacity(7_200);
    let mut start = lo;
    for i in lo..=hi + 1 {
        let ends = i > hi || slot_day(d.first_slot + i as u64) != slot_day(d.first_slot + start as u64);
        if ends {
            let index = (slot_day(d.first_slot + start as u64) - day0) as u64;
            out.push(day_stats(index, d.first_slot + start as u64, &mut values));
            values.clear();
            start = i;
        }
        if i <= hi && d.status[i] == 0 {
            values.push(d.gwei[i]);
        }
    }
    Ok(out)
}

/// The weekly shares of the `top` builder entities of the window summarised by `s` (its
/// [`summary`](super::summary::summary), which ranks them) and of the others. Errors name
/// `from` or `to` (a summary of other data).
pub fn weekly_builders(d: &MainnetData, s: &MainnetSummary, top: usize) -> Result<Weeks> {
    let (lo, hi) = window(d, Some(s.first_slot), Some(s.last_slot))?;
    let shown: Vec<usize> = s
        .builders
        .iter()
        .take(top)
        .filter_map(|b| d.entities.iter().position(|e| *e == b.name))
        .collect();
    let others = s.builders.len() > shown.len();
    let columns = shown.len() + usize::from(others);
    // Column of each entity: its place among those shown, else "others".
    let mut column = vec![shown.len(); d.entities.len()];
    for (c, &e) in shown.iter().enumerate() {
        column[e] = c;
    }
    let day0 = slot_day(d.first_slot + lo as u64);
    let mut counts: Vec<Vec<u64>> = Vec::new();
    for i in lo..=hi {
        let e = d.label_entity[d.label[i] as usize];
        if e == NONE {
            continue;
        }
        let week = ((slot_day(d.first_slot + i as u64) - day0) / 7) as usize;
        if counts.len() <= week {
            counts.resize(week + 1, vec![0; columns]);
        }
        counts[week][column[e as usize]] += 1;
    }
    let mut names: Vec<String> = shown.iter().map(|&e| d.entities[e].clone()).collect();
    if others {
        names.push("others".into());
    }
    let weeks = counts
        .into_iter()
        .enumerate()
        .filter(|(_, c)| c.iter().sum::<u64>() > 0)
        .map(|(w, c)| {
            let total = c.iter().sum::<u64>() as f64;
            (7 * w as u64, c.iter().map(|&b| b as f64 / total).collect())
        })
        .collect();
    Ok(Weeks { names, weeks })
}
