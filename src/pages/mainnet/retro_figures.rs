//! Figures of the retrospective: one ticket's value and payback, the protocol's capture,
//! the longest run of one builder, and concentration.

use et_engine::primary::Totals;
use et_engine::rewards::mainnet::MainnetSummary;

use super::market::{rule_name, MarketOutcome};
use super::retro::TicketPoint;
use super::view::Streak;
use crate::charts::{palette, Axis, Figure, Legend, Series};
use crate::format;

fn marker(n: f64) -> Series {
    Series::Marker {
        name: format!("n = {}", format::sig(n, 4)),
        color: palette::GREY,
        x: n,
    }
}

/// One ticket's mean present value on the window's slots (±2 SE) and on the fitted
/// log-normal law, against the closed form `E[V]`, over `n`.
pub fn ticket_figure(points: &[TicketPoint], n: f64) -> Figure {
    let est = |f: fn(&TicketPoint) -> (f64, f64)| {
        points
            .iter()
            .map(|p| {
                let (m, se) = f(p);
                (p.n, m, (m - 2.0 * se).max(0.0), m + 2.0 * se)
            })
            .collect()
    };
    Figure {
        title: "What one ticket would have paid: the window's slots against E[V]".into(),
        x: Axis::log("Tickets outstanding n", "tickets"),
        y: Axis::log("Present value of one ticket", "ETH"),
        series: vec![
            Series::Line {
                name: "closed form E[V] = μ/(n d + 1)".into(),
                color: palette::GREY,
                points: points.iter().map(|p| (p.n, p.realised.closed_form_mean)).collect(),
                dashed: true,
            },
            Series::Points {
                name: "the window's slots (mean ± 2 SE)".into(),
                color: palette::BLUE,
                points: est(|p| (p.realised.mean, p.realised.std_error)),
            },
            Series::Points {
                name: "log-normal with the window's μ and sd".into(),
                color: palette::ORANGE,
                points: est(|p| (p.model.mean, p.model.std_error)),
            },
            marker(n),
        ],
        legend: Legend::LowerLeft,
    }
}

/// The payback skew: the probability that a ticket bought at `E[V]` pays back more.
pub fn payback_figure(points: &[TicketPoint], n: f64) -> Figure {
    let line = |name: &str, color, f: fn(&TicketPoint) -> f64| Series::Line {
        name: name.into(),
        color,
        points: points.iter().map(|p| (p.n, f(p))).collect(),
        dashed: false,
    };
    Figure {
        title: "Payback skew: P(a ticket pays more than its price E[V])".into(),
        x: Axis::log("Tickets outstanding n", "tickets"),
        y: Axis::linear("Probability", "").fraction(),
        series: vec![
            line("the window's slots", palette::BLUE, |p| p.realised.payback_probability),
            line("log-normal with the window's μ and sd", palette::ORANGE, |p| {
                p.model.payback_probability
            }),
            marker(n),
        ],
        legend: Legend::Auto,
    }
}

/// What proposers received (all of the winning bids) against each rule's capture.
pub fn capture_figure(o: &MarketOutcome) -> Figure {
    let (names, points) = per_rule(o, "MEV-Boost", |t| t.capture);
    Figure {
        title: "Who gets the slots' value: proposers today, the protocol under tickets".into(),
        x: Axis::categories("Who receives it", &names),
        // Not a fraction: a run's revenue can exceed its rewards (holders pay for a
        // value the drawn slots then fall short of).
        y: Axis::linear("Revenue / the slots' value", ""),
        series: vec![
            Series::Bars {
                name: "proposers under MEV-Boost (the winning bids)".into(),
                color: palette::GREY,
                bars: vec![(-0.3, 0.3, 1.0)],
            },
            Series::Points {
                name: "protocol's capture under tickets (mean, 10–90 % of runs)".into(),
                color: palette::BLUE,
                points,
            },
        ],
        legend: Legend::LowerRight,
    }
}

/// The longest run the builder held against what the lottery gives a holder of its share.
pub fn streak_figure(s: &Streak) -> Figure {
    let points = s
        .tail
        .iter()
        .enumerate()
        .filter(|(_, p)| **p > 0.0)
        .map(|(i, p)| ((i + 1) as f64, *p))
        .collect();
    Figure {
        title: format!("Longest run: {} held {} slots in a row", s.builder, s.actual),
        x: Axis::linear("Run of consecutive slots L", "slots").integer(),
        y: Axis::log("P(a holder's longest run ≥ L)", "").fraction(),
        series: vec![
            Series::Line {
                name: format!("tickets, a holder of {} of them", format::sig(s.share, 3)),
                color: palette::BLUE,
                points,
                dashed: false,
            },
            Series::Marker {
                name: format!("{}'s longest run", s.builder),
                color: palette::VERMILION,
                x: s.actual as f64,
            },
        ],
        legend: Legend::LowerLeft,
    }
}

/// Builder concentration on mainnet against the concentration of slots won under tickets.
pub fn concentration_figure(s: &MainnetSummary, o: &MarketOutcome) -> Figure {
    let (names, points) = per_rule(o, "Mainnet", |t| t.won_hhi);
    Figure {
        title: "Concentration: mainnet's builders against the slots tickets win".into(),
        x: Axis::categories("Who builds", &names),
        y: Axis::linear("HHI of the blocks built", "").hhi(),
        series: vec![
            Series::Bars {
                name: "mainnet builders' HHI (blocks)".into(),
                color: palette::GREY,
                bars: vec![(-0.3, 0.3, s.builder_hhi)],
            },
            Series::Points {
                name: "HHI of slots won under tickets (mean, 10–90 % of runs)".into(),
                color: palette::BLUE,
                points,
            },
        ],
        legend: Legend::UpperRight,
    }
}

/// The categories (`first`, then each rule) and each rule's mean with its 10–90 % range
/// of `value`, one point a rule from category 1 on.
fn per_rule(o: &MarketOutcome, first: &'static str, value: fn(&Totals) -> f64) -> (Vec<&'static str>, Vec<Point>) {
    let mut names = vec![first];
    names.extend(o.rules.iter().map(|(r, _)| rule_name(*r)));
    let points = o
        .rules
        .iter()
        .enumerate()
        .map(|(i, (_, r))| {
            (
                (i + 1) as f64,
                value(&r.totals),
                value(&r.totals_lo),
                value(&r.totals_hi),
            )
        })
        .collect();
    (names, points)
}

/// A point with its range: `(x, y, lo, hi)`.
type Point = (f64, f64, f64, f64);
