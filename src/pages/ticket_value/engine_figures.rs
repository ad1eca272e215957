//! Figures of the lottery engine: Monte Carlo against the closed form, the distribution
//! of a ticket's value, streaks, pools and the holders' realised value.

use et_engine::lottery::monte_carlo::McResult;
use et_engine::lottery::pools::PoolPoint;
use et_engine::lottery::process::ProcessResult;
use et_engine::lottery::streaks::{pool_streak_probability, streak_curve};

use super::lottery::Setting;
use super::state::TicketState;
use crate::charts::{palette, Axis, Figure, Legend, Rgb, Series};
use crate::format;

/// The closed-form E[V] curve with Monte Carlo estimates and their 95 % intervals.
pub fn mc_vs_n(state: &TicketState, estimates: &[(f64, McResult)]) -> Option<Figure> {
    let mut fig = super::figures::value_vs_n(state)?;
    fig.title = "Monte Carlo estimates of E[V] (95 % intervals) on the closed form".into();
    fig.series
        .retain(|s| matches!(s, Series::Line { name, .. } if name == "E[V]"));
    let points = estimates
        .iter()
        .map(|(n, r)| (*n, r.mean, r.mean - 1.96 * r.std_error, r.mean + 1.96 * r.std_error))
        .collect();
    fig.series.push(Series::Points {
        name: "Monte Carlo mean ± 1.96 SE".into(),
        color: palette::VERMILION,
        points,
    });
    Some(fig)
}

/// The distribution of one ticket's present value, with the price E[V] marked.
pub fn value_histogram(r: &McResult) -> Figure {
    let h = r.display_histogram(48);
    let total = r.samples.max(1) as f64;
    let bars = h
        .edges
        .windows(2)
        .zip(&h.counts)
        .map(|(e, &c)| (e[0], e[1], 100.0 * c as f64 / total))
        .collect();
    let outside = 100.0 * (h.below + h.above) as f64 / total;
    Figure {
        title: format!(
            "A ticket's present value: P(V > price) = {}",
            format::sig(r.payback_probability, 3)
        ),
        x: Axis::log("Present value V", "ETH"),
        y: Axis::linear("Share of tickets per bin", "%").within(0.0, 100.0),
        series: vec![
            Series::Bars {
                name: format!(
                    "{} samples ({} % outside the range shown)",
                    format::readable(total, 4),
                    format::sig(outside, 2)
                ),
                color: palette::SKY,
                bars,
            },
            Series::Marker {
                name: format!("price E[V] = {} ETH", format::sig(r.price, 4)),
                color: palette::VERMILION,
                x: r.price,
            },
            Series::Marker {
                name: format!("median = {} ETH", format::sig(r.quantiles[4].1, 4)),
                color: palette::GREY,
                x: r.quantiles[4].1,
            },
        ],
        legend: Legend::UpperLeft,
    }
}

/// Shares from 10⁻³ to 1, log-spaced.
fn shares() -> Vec<f64> {
    (0..=90).map(|i| 10f64.powf(-3.0 + 3.0 * i as f64 / 90.0)).collect()
}

/// The probability of controlling L consecutive slots against the share of tickets.
pub fn streak_figure(state: &TicketState) -> Option<Figure> {
    let l = state.lottery.get(Setting::RunLength) as u32;
    let h = state.lottery.get(Setting::Horizon) as u64;
    let s = shares();
    let within = streak_curve(&s, l, h).ok()?;
    let n = state.n.round().max(1.0) as u64;
    let floor = 1e-18;
    let line = |name: String, color, ys: Vec<f64>, dashed| Series::Line {
        name,
        color,
        points: s
            .iter()
            .zip(ys)
            .filter(|(_, y)| *y >= floor)
            .map(|(x, y)| (*x, y))
            .collect(),
        dashed,
    };
    let next_l: Vec<f64> = s.iter().map(|x| x.powi(l as i32)).collect();
    let pool: Vec<f64> = s
        .iter()
        .map(|x| pool_streak_probability((x * n as f64).round() as u64, n, l).unwrap_or(0.0))
        .collect();
    Some(Figure {
        title: format!("Controlling {l} consecutive slots"),
        x: Axis::log("Share of the tickets s", "").fraction(),
        y: Axis::log("Probability", "").fraction(),
        series: vec![
            line(
                format!("at least one run of {l} within {} slots", format::readable(h as f64, 6)),
                palette::BLUE,
                within,
                false,
            ),
            line(format!("the next {l} slots: s^{l}"), palette::GREY, next_l, true),
            line(
                format!(
                    "the next {l} slots, fresh tickets to others (n = {})",
                    format::sig(n as f64, 3)
                ),
                palette::ORANGE,
                pool,
                true,
            ),
        ],
        legend: Legend::LowerRight,
    })
}

/// The per-ticket standard deviation of a pool against its size: the closed form and
/// the simulated pools with their 95 % intervals (none when the reward's fourth moment is
/// infinite: no interval from a sample would hold its coverage).
pub fn pool_figure(points: &[PoolPoint]) -> Figure {
    let grouped = points.windows(2).any(|w| w[0].pools != w[1].pools);
    let simulated = match points.first() {
        Some(p) if grouped => format!(
            "simulated: {} tickets in pools of m",
            format::grouped((p.pools * p.size) as i64)
        ),
        Some(p) => format!("simulated: {} pools a size", format::grouped(p.pools as i64)),
        None => "simulated".into(),
    };
    let with_interval = points.iter().all(PoolPoint::has_interval);
    let name = if with_interval {
        format!("{simulated} (95 % interval)")
    } else {
        format!("{simulated} (no interval: the reward's 4th moment is infinite)")
    };
    Figure {
        title: "Pooling tickets: risk per ticket".into(),
        x: Axis::log("Tickets in the pool m", "tickets").integer(),
        y: Axis::log("Standard deviation per ticket", "ETH"),
        series: vec![
            Series::Line {
                name: "sd(V) / √m".into(),
                color: palette::BLUE,
                points: points.iter().map(|p| (p.size as f64, p.sd)).collect(),
                dashed: false,
            },
            Series::Points {
                name,
                color: palette::VERMILION,
                points: points
                    .iter()
                    .map(|p| match p.has_interval() {
                        true => (p.size as f64, p.sd_estimate, p.low, p.high),
                        false => (p.size as f64, p.sd_estimate, p.sd_estimate, p.sd_estimate),
                    })
                    .collect(),
            },
        ],
        legend: Legend::UpperRight,
    }
}

const HOLDER_COLORS: [Rgb; 5] = [
    palette::BLUE,
    palette::GREEN,
    palette::PURPLE,
    palette::ORANGE,
    palette::SKY,
];

/// Each holder's cumulative realised value in one run, against its expectation.
pub fn holders_figure(r: &ProcessResult, expected: &[Vec<f64>], shares: &[f64]) -> Figure {
    let mut series = Vec::new();
    for (i, values) in r.cumulative_value.iter().enumerate() {
        let color = HOLDER_COLORS[i % HOLDER_COLORS.len()];
        let slots = r.slots.iter().map(|&t| t as f64);
        series.push(Series::Line {
            name: format!("holder {} ({} %): one run", i + 1, format::sig(shares[i], 3)),
            color,
            points: slots.clone().zip(values.iter().copied()).collect(),
            dashed: false,
        });
        if let Some(e) = expected.get(i) {
            series.push(Series::Line {
                name: format!("holder {}: expected", i + 1),
                color,
                points: slots.zip(e.iter().copied()).collect(),
                dashed: true,
            });
        }
    }
    Figure {
        title: "Holders' realised value, slot by slot".into(),
        x: Axis::linear("Slot", "slots").integer(),
        y: Axis::linear("Cumulative present value", "ETH"),
        series,
        legend: Legend::UpperLeft,
    }
}
