//! Figures of the Secondary market page.

use et_engine::secondary::{Action, Market, Solution, SweepPoint};

use crate::charts::{palette, Axis, Figure, Legend, Series};
use crate::format;

/// Expected price if forced to sell at each slot, against the optimal policy's value.
pub fn forced_sale_figure(s: &Solution) -> Figure {
    let t = (s.forced_sale_revenue.len() - 1) as f64;
    Figure {
        title: "Selling at a fixed slot against selling optimally".into(),
        x: Axis::linear("Slot of a forced sale", "slots").integer(),
        y: Axis::linear("Expected price, discounted to slot 0", "ETH"),
        series: vec![
            Series::Line {
                name: "forced sale at slot t".into(),
                color: palette::BLUE,
                points: s
                    .forced_sale_revenue
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (i as f64, *v))
                    .collect(),
                dashed: false,
            },
            Series::Line {
                name: format!("optimal policy: {} ETH", format::sig(s.revenue, 4)),
                color: palette::VERMILION,
                points: vec![(0.0, s.revenue), (t, s.revenue)],
                dashed: true,
            },
        ],
        legend: Legend::LowerRight,
    }
}

/// The seller's action at each node, over slot and forecast.
pub fn policy_figure(m: &Market, s: &Solution) -> Figure {
    let t_max = m.maturity as usize;
    let stride = t_max.div_ceil(96).max(1);
    let kinds = [
        (Action::Wait, "wait", palette::GREY),
        (Action::Sell, "sell", palette::VERMILION),
        (Action::Exercise, "exercise (the seller builds)", palette::GREEN),
        (Action::Lapse, "lapse", palette::SKY),
    ];
    let series = kinds
        .iter()
        .map(|&(kind, name, color)| {
            let points = (0..=t_max)
                .filter(|t| t % stride == 0 || *t == t_max)
                .flat_map(|t| {
                    (0..=t)
                        .filter(move |j| j % stride == 0 || t == t_max)
                        .map(move |j| (t, j))
                })
                .filter(|&(t, j)| s.policy[t][j] == kind)
                .map(|(t, j)| {
                    let f = m.forecast(t as u32, j as u32);
                    (t as f64, f, f, f)
                })
                .collect();
            Series::Points {
                name: name.into(),
                color,
                points,
            }
        })
        .collect();
    Figure {
        title: "The seller's policy at each node".into(),
        x: Axis::linear("Slot", "slots").integer(),
        y: Axis::log("Forecast of the slot's reward", "ETH"),
        series,
        legend: Legend::UpperLeft,
    }
}

/// The distribution of the sale slot, the spot sale at maturity apart.
pub fn sale_slot_figure(s: &Solution) -> Figure {
    let t = s.sale_probability_by_slot.len() - 1;
    let bar = |i: usize, p: f64| (i as f64 - 0.4, i as f64 + 0.4, p);
    let early: Vec<_> = s.sale_probability_by_slot[..t]
        .iter()
        .enumerate()
        .map(|(i, p)| bar(i, *p))
        .collect();
    Figure {
        title: format!("When the right is sold (spot sale at slot {t})"),
        x: Axis::linear("Slot of the sale", "slots").integer(),
        y: Axis::linear("Probability", "").fraction(),
        series: vec![
            Series::Bars {
                name: "before maturity".into(),
                color: palette::BLUE,
                bars: early,
            },
            Series::Bars {
                name: format!("spot sale: {}", format::sig(s.spot_sale_probability, 3)),
                color: palette::VERMILION,
                bars: vec![bar(t, s.spot_sale_probability)],
            },
        ],
        legend: Legend::UpperLeft,
    }
}

/// Spot-sale probability and revenue (relative to μ) as a parameter varies.
pub fn sweep_figure(points: &[SweepPoint], mu: f64, label: &str, current: Option<f64>) -> Figure {
    let mut series = vec![
        Series::Line {
            name: "P(spot sale at maturity)".into(),
            color: palette::VERMILION,
            points: points.iter().map(|p| (p.value, p.spot_sale_probability)).collect(),
            dashed: false,
        },
        Series::Line {
            name: "seller's revenue / μ".into(),
            color: palette::BLUE,
            points: points.iter().map(|p| (p.value, p.revenue / mu)).collect(),
            dashed: false,
        },
    ];
    if let Some(x) = current {
        series.push(Series::Marker {
            name: "current".into(),
            color: palette::GREY,
            x,
        });
    }
    Figure {
        title: format!("Sweeping {label}"),
        x: Axis::linear(label, ""),
        y: Axis::linear("Probability · revenue / μ", ""),
        series,
        legend: Legend::UpperRight,
    }
}
