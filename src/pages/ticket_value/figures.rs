//! Figures of the Ticket value page, built from the engine's closed forms.

use et_engine::lottery::Lottery;

use super::state::TicketState;
use crate::charts::{palette, Axis, Figure, Legend, Series};
use crate::format;

/// Points on each curve.
const POINTS: usize = 241;

/// Log-spaced `n` from 1 to at least 10⁹ (and past the current n).
fn n_grid(current: f64) -> Vec<f64> {
    let top = current.max(1e9).log10();
    (0..POINTS)
        .map(|i| 10f64.powf(top * i as f64 / (POINTS - 1) as f64))
        .collect()
}

/// `f(lottery at n)` over the grid; points where the engine refuses are skipped.
fn curve(base: &Lottery, grid: &[f64], f: impl Fn(&Lottery) -> f64) -> Vec<(f64, f64)> {
    grid.iter()
        .filter_map(|&n| base.with_n(n).ok().map(|l| (n, f(&l))))
        .collect()
}

fn marker(state: &TicketState) -> Series {
    Series::Marker {
        name: format!("current n = {}", format::sig(state.n, 4)),
        color: palette::VERMILION,
        x: state.n,
    }
}

fn n_axis() -> Axis {
    Axis::log("Tickets outstanding n", "tickets").integer()
}

/// `E[V]` vs n with a ±1 standard-deviation band (clipped at 0: `V ≥ 0`).
pub fn value_vs_n(state: &TicketState) -> Option<Figure> {
    let base = state.lottery().ok()?;
    let grid = n_grid(state.n);
    let factor = base.lookahead_factor(state.lookahead);
    let band = grid
        .iter()
        .filter_map(|&n| base.with_n(n).ok())
        .map(|l| {
            let (m, s) = (l.ticket_value() * factor, l.ticket_sd() * factor);
            (l.n(), (m - s).max(0.0), m + s)
        })
        .collect();
    let mut series = vec![
        Series::Band {
            name: "E[V] ± 1 sd".into(),
            color: palette::BLUE,
            points: band,
            opacity: 0.18,
        },
        Series::Line {
            name: "E[V]".into(),
            color: palette::BLUE,
            points: curve(&base, &grid, |l| l.ticket_value() * factor),
            dashed: false,
        },
    ];
    if state.lookahead > 0.0 {
        series.push(Series::Line {
            name: "E[V] without lookahead".into(),
            color: palette::GREY,
            points: curve(&base, &grid, Lottery::ticket_value),
            dashed: true,
        });
    }
    series.push(marker(state));
    Some(Figure {
        title: "Expected value of one ticket".into(),
        x: n_axis(),
        y: Axis::linear("Ticket value", "ETH"),
        series,
        legend: Legend::LowerLeft,
    })
}

/// The issued tickets' value `n E[V]` and the unissued rest against the total NPV `μ/d`.
pub fn issued_vs_n(state: &TicketState) -> Option<Figure> {
    let base = state.lottery().ok()?;
    let grid = n_grid(state.n);
    let npv = base.total_npv();
    Some(Figure {
        title: "Value of the issued tickets against all future rewards".into(),
        x: n_axis(),
        y: Axis::log("Value", "ETH"),
        series: vec![
            Series::Line {
                name: "total NPV μ/d".into(),
                color: palette::GREY,
                points: vec![(grid[0], npv), (grid[grid.len() - 1], npv)],
                dashed: true,
            },
            Series::Line {
                name: "issued n·E[V]".into(),
                color: palette::BLUE,
                points: curve(&base, &grid, Lottery::issued_value),
                dashed: false,
            },
            Series::Line {
                name: "unissued μ/d − n·E[V]".into(),
                color: palette::ORANGE,
                points: curve(&base, &grid, Lottery::unissued_value),
                dashed: false,
            },
            marker(state),
        ],
        legend: Legend::LowerRight,
    })
}

/// The value of a holding of share P, `P n E[V]`, rising towards `P μ/d`.
pub fn share_vs_n(state: &TicketState) -> Option<Figure> {
    let base = state.lottery().ok()?;
    let grid = n_grid(state.n);
    let p = state.share;
    let limit = p * base.total_npv();
    let pct = format::sig(p * 100.0, 3);
    Some(Figure {
        title: format!("Value of a {pct} % holding"),
        x: n_axis(),
        y: Axis::log("Holding value", "ETH"),
        series: vec![
            Series::Line {
                name: format!("limit P·μ/d (P = {})", format::sig(p, 3)),
                color: palette::GREY,
                points: vec![(grid[0], limit), (grid[grid.len() - 1], limit)],
                dashed: true,
            },
            Series::Line {
                name: "P·n·E[V]".into(),
                color: palette::GREEN,
                points: curve(&base, &grid, |l| p * l.issued_value()),
                dashed: false,
            },
            marker(state),
        ],
        legend: Legend::LowerRight,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_carry_the_closed_forms() {
        let s = TicketState::default();
        let fig = value_vs_n(&s).unwrap();
        let l = s.lottery().unwrap();
        let Series::Line { points, .. } = &fig.series[1] else {
            panic!("line expected")
        };
        assert_eq!(points.len(), POINTS);
        let (n, v) = points[120];
        assert_eq!(v, l.with_n(n).unwrap().ticket_value());
        assert!(issued_vs_n(&s).is_some() && share_vs_n(&s).is_some());
        let (x, _) = issued_vs_n(&TicketState { n: 1e9, ..s }).unwrap().bounds();
        assert_eq!(x, 0.0..9.0);
    }
}
