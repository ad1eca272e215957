//! The Primary market's capture chart: cumulative ticket revenue over cumulative
//! rewards. Its first slots can be a start-up spike (tickets sold before a few rewards
//! have accrued: a ratio of 2–4), which would squash the steady state into a flat line;
//! the chart then starts after the warm-up and says so in its title.

use et_engine::primary::{Band, MarketResult};

use super::figures::{band_series, slot_axis};
use crate::charts::{palette, Axis, Figure, Legend, Series};
use crate::format;

/// The warm-up: the first slot at or after `max(32, 5 % of the run)`.
const WARM_SLOTS: u64 = 32;
/// A start is a spike when it exceeds the rest's largest value by this factor.
const SPIKE: f64 = 1.5;

/// The first sample index past the start-up spike of `b` (sampled at `slots`), or 0
/// when the start is no spike: the first sample at or after the warm-up, taken only if
/// some value before it (mean or band) is above [`SPIKE`] × the largest value after it.
pub fn warm_up(slots: &[u64], b: &Band) -> usize {
    let end = slots.last().copied().unwrap_or(0);
    let from = WARM_SLOTS.max(end / 20);
    let Some(k) = slots.iter().position(|&s| s >= from) else {
        return 0;
    };
    let top = |r: std::ops::Range<usize>| {
        r.flat_map(|i| [b.mean[i], b.hi[i]])
            .filter(|v| v.is_finite())
            .fold(f64::NEG_INFINITY, f64::max)
    };
    let (before, after) = (top(0..k), top(k..slots.len()));
    if k > 0 && after > 0.0 && before > SPIKE * after {
        k
    } else {
        0
    }
}

/// `b` from sample `k` on.
fn tail(b: &Band, k: usize) -> Band {
    Band {
        mean: b.mean[k..].to_vec(),
        lo: b.lo[k..].to_vec(),
        hi: b.hi[k..].to_vec(),
    }
}

/// Protocol capture over the run, with its 10–90 % band and the highest valuation / μ.
pub fn capture_figure(r: &MarketResult, mu: f64) -> Figure {
    let top = r.holders.iter().map(|h| h.valuation).fold(0.0, f64::max);
    let k = warm_up(&r.slots, &r.capture);
    let title = match k {
        0 => "Protocol capture: ticket revenue / all rewards, cumulative".to_string(),
        _ => format!(
            "Protocol capture, cumulative, from slot {} (start-up spike cut)",
            format::grouped(r.slots[k] as i64)
        ),
    };
    let slots = &r.slots[k..];
    let mut series = band_series(
        slots,
        r.runs,
        &tail(&r.capture, k),
        "protocol's capture",
        palette::GREEN,
    );
    let (x0, end) = match k {
        0 => (0.0, r.slots.last().copied().unwrap_or(1) as f64),
        _ => (slots[0] as f64, slots[slots.len() - 1] as f64),
    };
    series.push(Series::Line {
        name: format!("highest valuation / μ = {}", format::sig(top / mu, 3)),
        color: palette::GREY,
        points: vec![(x0, top / mu), (end, top / mu)],
        dashed: true,
    });
    Figure {
        title,
        x: slot_axis(),
        y: Axis::linear("Share of rewards captured", "").fraction(),
        series,
        legend: Legend::LowerRight,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn band(mean: &[f64]) -> Band {
        Band {
            mean: mean.to_vec(),
            lo: mean.to_vec(),
            hi: mean.to_vec(),
        }
    }

    #[test]
    fn a_start_up_spike_is_left_out_and_a_calm_start_is_kept() {
        let slots: Vec<u64> = (0..10).map(|i| i * 10).collect();
        // A spike of 3.5 in the first slots, then a steady 0.7.
        let spiky = band(&[3.5, 2.0, 1.2, 0.9, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7]);
        assert_eq!(warm_up(&slots, &spiky), 4, "the first sample at or after slot 32");
        // A start no higher than 1.5 × the rest is kept whole.
        let calm = band(&[1.0, 0.9, 0.8, 0.8, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7]);
        assert_eq!(warm_up(&slots, &calm), 0);
        // A run too short for a warm-up is kept whole.
        assert_eq!(warm_up(&slots[..3], &band(&[3.5, 2.0, 0.7])), 0);
    }
}
