//! Figures of the Allocation page: the revenue-vs-fairness trade-off, the outcome per
//! player, mixed strategies and the Sybil factor.

use et_engine::contest::tradeoff::sybil_factor;
use et_engine::contest::{Outcome, Strategy};

use crate::charts::{palette, Axis, Figure, Legend, Rgb, Series};
use crate::format;

/// One point of the trade-off: α, revenue as a share of the top value, fairness.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TradePoint {
    pub alpha: f64,
    pub revenue_share: f64,
    pub fairness: f64,
}

impl TradePoint {
    /// The point of an outcome.
    pub fn of(alpha: f64, o: &Outcome) -> Self {
        Self {
            alpha,
            revenue_share: o.metrics.revenue_share,
            fairness: o.metrics.fairness,
        }
    }
}

fn dot(name: String, color: Rgb, p: &TradePoint) -> Series {
    Series::Points {
        name,
        color,
        points: vec![(p.fairness, p.revenue_share, p.revenue_share, p.revenue_share)],
    }
}

/// Revenue against fairness, traced over α, with the two auctions and the current outcome.
pub fn tradeoff_figure(
    curve: &[TradePoint],
    wta: &TradePoint,
    all_pay: &TradePoint,
    current: Option<&TradePoint>,
) -> Figure {
    let mut series = vec![
        Series::Line {
            name: format!(
                "Tullock, α from {} to {}",
                format::sig(curve.first().map_or(0.1, |p| p.alpha), 2),
                format::sig(curve.last().map_or(10.0, |p| p.alpha), 2)
            ),
            color: palette::BLUE,
            points: curve.iter().map(|p| (p.fairness, p.revenue_share)).collect(),
            dashed: false,
        },
        dot("winner-take-all".into(), palette::GREY, wta),
        dot("all-pay auction (α → ∞)".into(), palette::PURPLE, all_pay),
    ];
    if let Some(c) = current {
        series.push(dot(
            format!("current: α = {}", format::sig(c.alpha, 3)),
            palette::VERMILION,
            c,
        ));
    }
    Figure {
        title: "The trade-off: revenue against fairness".into(),
        x: Axis::linear("Fairness (geometric mean of allocations)", ""),
        y: Axis::linear("Revenue / top value", ""),
        series,
        legend: Legend::LowerLeft,
    }
}

/// Revenue (as a share of the top value) and fairness against α.
pub fn versus_alpha_figure(curve: &[TradePoint], alpha: f64) -> Figure {
    let line = |name: &str, color, f: fn(&TradePoint) -> f64| Series::Line {
        name: name.into(),
        color,
        points: curve.iter().map(|p| (p.alpha, f(p))).collect(),
        dashed: false,
    };
    Figure {
        title: "Revenue and fairness against α".into(),
        x: Axis::log("Exponent α", ""),
        y: Axis::linear("Share", ""),
        series: vec![
            line("revenue / top value", palette::BLUE, |p| p.revenue_share),
            line("fairness", palette::GREEN, |p| p.fairness),
            Series::Marker {
                name: format!("α = {}", format::sig(alpha, 3)),
                color: palette::VERMILION,
                x: alpha,
            },
        ],
        legend: Legend::UpperRight,
    }
}

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
        x: Axis::linear("Player (by the value order you entered)", ""),
        y: Axis::linear("Share of the total", ""),
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

const COLORS: [Rgb; 4] = [palette::BLUE, palette::ORANGE, palette::GREEN, palette::PURPLE];

/// Each mixing player's strategy as a cumulative distribution over bids.
pub fn strategies_figure(strategies: &[Strategy]) -> Figure {
    let series = strategies
        .iter()
        .enumerate()
        .filter(|(_, s)| s.support.len() > 1 || s.support.first().is_some_and(|b| *b > 0.0))
        .map(|(i, s)| {
            let mut acc = 0.0;
            let mut points = vec![(0.0, 0.0)];
            for (b, p) in s.support.iter().zip(&s.probs) {
                points.push((*b, acc));
                acc += p;
                points.push((*b, acc));
            }
            Series::Line {
                name: format!("player {}", i + 1),
                color: COLORS[i % COLORS.len()],
                points,
                dashed: false,
            }
        })
        .collect();
    Figure {
        title: "Mixed strategies: probability of bidding at most b".into(),
        x: Axis::linear("Bid b", "ETH"),
        y: Axis::linear("Cumulative probability", ""),
        series,
        legend: Legend::LowerRight,
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
