//! Figures of the Allocation page: the outcome per player and the Sybil factor (the
//! trade-off is in [`super::curve_figures`], mixed strategies in
//! [`super::strategy_figures`]).

use et_engine::contest::tradeoff::sybil_factor;
use et_engine::contest::Outcome;

use crate::charts::{palette, Axis, Figure, Legend, Series};
use crate::format;

/// Each player's share of all bids, of the allocation and of all payments.
pub fn per_player_figure(o: &Outcome) -> Figure {
    let k = o.bids.len();
    let share = |xs: &[f64]| {
        let total: f64 = xs.iter().sum();
        xs.iter()
            .map(|x| if total > 0.0 { x / total } else { 0.0 })
            .collect::<Vec<_>>()
    };
    let bars = |offset: f64, ys: Vec<f64>| -> Vec<(f64, f64, f64)> {
        ys.into_iter()
            .enumerate()
            .map(|(i, y)| (i as f64 + 1.0 + offset - 0.13, i as f64 + 1.0 + offset + 0.13, y))
            .collect()
    };
    let what = if o.pure { "" } else { " (expected)" };
    Figure {
        title: format!("Per player{what}: bids, allocations, payments"),
        x: Axis::linear("Player (by the value order you entered)", "").integer(),
        y: Axis::linear("Share of the total", "").fraction(),
        series: vec![
            Series::Bars {
                name: "share of all bids".into(),
                color: palette::SKY,
                bars: bars(-0.28, share(&o.bids)),
            },
            Series::Bars {
                name: "allocation x".into(),
                color: palette::BLUE,
                bars: bars(0.0, o.allocations.clone()),
            },
            Series::Bars {
                name: "share of all payments".into(),
                color: palette::ORANGE,
                bars: bars(0.28, share(&o.payments)),
            },
        ],
        legend: if k > 3 { Legend::UpperRight } else { Legend::UpperLeft },
    }
}

/// The weight gained by splitting a bid into q identities, `q^(1−α)`, against α.
pub fn sybil_figure(alpha: f64) -> Figure {
    let alphas: Vec<f64> = (0..=80).map(|i| 10f64.powf(-1.0 + 2.0 * i as f64 / 80.0)).collect();
    let mut series: Vec<Series> = [(2.0, palette::SKY), (4.0, palette::BLUE), (10.0, palette::PURPLE)]
        .iter()
        .map(|&(q, color)| Series::Line {
            name: format!("{q} identities: q^(1−α)"),
            color,
            points: alphas.iter().map(|&a| (a, sybil_factor(a, q))).collect(),
            dashed: false,
        })
        .collect();
    series.push(Series::Line {
        name: "no gain".into(),
        color: palette::GREY,
        points: vec![(0.1, 1.0), (10.0, 1.0)],
        dashed: true,
    });
    series.push(Series::Marker {
        name: format!("α = {}", format::sig(alpha, 3)),
        color: palette::VERMILION,
        x: alpha,
    });
    Figure {
        title: "Sybils: splitting pays below α = 1, merging above".into(),
        x: Axis::log("Exponent α", ""),
        y: Axis::log("Weight multiplier", "×"),
        series,
        legend: Legend::UpperRight,
    }
}
