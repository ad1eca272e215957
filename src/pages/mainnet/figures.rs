//! Figures of the data itself: each day's payments, their heavy tail, the builders'
//! weekly shares.

use et_engine::rewards::mainnet::daily::{Day, Weeks};
use et_engine::rewards::mainnet::tail::Tail;
use et_engine::rewards::mainnet::time::slot_date;

use crate::charts::{palette, Axis, Figure, Legend, Rgb, Series};
use crate::format;

/// Colours of the builders shown, then "others".
const BUILDER_COLOURS: [Rgb; 6] = [
    palette::BLUE,
    palette::VERMILION,
    palette::GREEN,
    palette::ORANGE,
    palette::PURPLE,
    palette::GREY,
];

/// "Day of the window (day 0 = <date>)".
fn day_axis(first_slot: u64) -> Axis {
    Axis::linear(
        &format!("Day of the window (day 0 = {})", slot_date(first_slot)),
        "days",
    )
    .integer()
}

/// Each day's mean, median and maximum payment on a log axis.
pub fn payments_figure(days: &[Day], first_slot: u64) -> Figure {
    let line = |name: &str, color: Rgb, f: fn(&Day) -> f64| Series::Line {
        name: name.into(),
        color,
        points: days
            .iter()
            .filter(|d| f(d) > 0.0)
            .map(|d| (d.index as f64, f(d)))
            .collect(),
        dashed: false,
    };
    Figure {
        title: "Proposers' payments each day (winning MEV-Boost bids)".into(),
        x: day_axis(first_slot),
        y: Axis::log("Payment", "ETH"),
        series: vec![
            line("maximum", palette::VERMILION, |d| d.max),
            line("mean", palette::BLUE, |d| d.mean),
            line("median", palette::GREEN, |d| d.median),
        ],
        legend: Legend::Auto,
    }
}

/// The survival function on log-log axes, with the Hill fit beyond its threshold.
pub fn tail_figure(t: &Tail) -> Figure {
    let h = &t.hill;
    let top = t.survival.first().map_or(h.threshold, |p| p.0);
    let fit = (0..=20)
        .map(|i| h.threshold * (top / h.threshold).powf(i as f64 / 20.0))
        .map(|x| (x, h.fraction * (x / h.threshold).powf(-h.alpha)))
        .collect();
    Figure {
        title: format!(
            "The heavy tail: P(payment ≥ x), tail index α̂ = {}",
            format::estimate(h.alpha, h.std_error)
        ),
        x: Axis::log("Payment x", "ETH"),
        y: Axis::log("Share of blocks paying at least x", "").fraction(),
        series: vec![
            Series::Line {
                name: format!("{} blocks with a value", format::grouped(t.n as i64)),
                color: palette::BLUE,
                points: t.survival.clone(),
                dashed: false,
            },
            Series::Line {
                name: format!("Hill fit, top {} values", format::grouped(h.k as i64)),
                color: palette::VERMILION,
                points: fit,
                dashed: true,
            },
        ],
        legend: Legend::LowerLeft,
    }
}

/// Each week's share of the blocks, stacked: the top builders and the others.
pub fn builders_figure(w: &Weeks, first_slot: u64) -> Figure {
    let mut base = vec![0.0; w.weeks.len()];
    let series = w
        .names
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let bars = w
                .weeks
                .iter()
                .zip(base.iter_mut())
                .map(|((day, shares), b)| {
                    let lo = *b;
                    *b += shares[k];
                    (*day as f64, *day as f64 + 6.6, lo, (*b).min(1.0))
                })
                .collect();
            Series::Stack {
                name: name.clone(),
                color: BUILDER_COLOURS[k.min(BUILDER_COLOURS.len() - 1)],
                bars,
            }
        })
        .collect();
    Figure {
        title: "Builders' shares of the blocks, week by week".into(),
        x: day_axis(first_slot),
        y: Axis::linear("Share of the week's blocks", "").fraction(),
        series,
        legend: Legend::UpperRight,
    }
}
