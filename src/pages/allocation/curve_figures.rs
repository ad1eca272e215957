//! The trade-off traced over α: its points, their runs (pure, mixed, broken where the
//! engine found no equilibrium) and the two figures that draw them.

use et_engine::contest::Outcome;

use crate::charts::{palette, Axis, Figure, Legend, Rgb, Series};
use crate::format;

/// What the engine gave at one α of the trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    /// A pure equilibrium.
    Pure,
    /// A mixed equilibrium (expected revenue and allocations).
    Mixed,
    /// No equilibrium: a gap in the curve.
    Nothing,
}

/// One point of the trade-off: α, revenue as a share of the top value, fairness.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TradePoint {
    pub alpha: f64,
    pub revenue_share: f64,
    pub fairness: f64,
    pub found: Found,
}

impl TradePoint {
    /// The point of an outcome.
    pub fn of(alpha: f64, o: &Outcome) -> Self {
        Self {
            alpha,
            revenue_share: o.metrics.revenue_share,
            fairness: o.metrics.fairness,
            found: if o.pure { Found::Pure } else { Found::Mixed },
        }
    }

    /// An α where the engine found no equilibrium.
    pub fn missing(alpha: f64) -> Self {
        Self {
            alpha,
            revenue_share: f64::NAN,
            fairness: f64::NAN,
            found: Found::Nothing,
        }
    }
}

/// Runs of consecutive points of one kind, in order. A run starts at the previous run's
/// last point when they touch (so pure and mixed stretches join); an α without an
/// equilibrium ends the run before it (a gap).
pub fn runs(curve: &[TradePoint]) -> Vec<(Found, Vec<TradePoint>)> {
    let mut out: Vec<(Found, Vec<TradePoint>)> = Vec::new();
    let mut joined = false;
    for p in curve {
        if p.found == Found::Nothing {
            joined = false;
            continue;
        }
        match out.last_mut() {
            Some((kind, run)) if joined && *kind == p.found => run.push(*p),
            Some((_, run)) if joined => {
                let from = *run.last().unwrap_or(p);
                out.push((p.found, vec![from, *p]));
            }
            _ => out.push((p.found, vec![*p])),
        }
        joined = true;
    }
    out
}

/// The α range of the points of one kind, as "from a to b" (or "at a").
fn alpha_range(curve: &[TradePoint], kind: Found) -> String {
    let alphas: Vec<f64> = curve.iter().filter(|p| p.found == kind).map(|p| p.alpha).collect();
    let (lo, hi) = (
        alphas.iter().cloned().fold(f64::INFINITY, f64::min),
        alphas.iter().cloned().fold(0.0, f64::max),
    );
    if lo == hi {
        format!("at α = {}", format::sig(lo, 2))
    } else {
        format!("α from {} to {}", format::sig(lo, 2), format::sig(hi, 2))
    }
}

/// The curve `f` of every run: solid for pure stretches, dashed for mixed ones; the
/// first run of each kind carries `name(kind)`.
fn run_lines(
    curve: &[TradePoint],
    color: Rgb,
    f: fn(&TradePoint) -> (f64, f64),
    name: &dyn Fn(Found) -> String,
) -> Vec<Series> {
    let mut named = Vec::new();
    runs(curve)
        .into_iter()
        .map(|(kind, run)| {
            let first = !named.contains(&kind);
            named.push(kind);
            Series::Line {
                name: if first { name(kind) } else { String::new() },
                color,
                points: run.iter().map(f).collect(),
                dashed: kind == Found::Mixed,
            }
        })
        .collect()
}

fn dot(name: String, color: Rgb, p: &TradePoint) -> Series {
    Series::Points {
        name,
        color,
        points: vec![(p.fairness, p.revenue_share, p.revenue_share, p.revenue_share)],
    }
}

/// Revenue against fairness, traced over α (one line through every α with an
/// equilibrium, broken only at gaps, the mixed stretch marked by dots), with the two
/// auctions and the current outcome.
pub fn tradeoff_figure(
    curve: &[TradePoint],
    wta: &TradePoint,
    all_pay: &TradePoint,
    current: Option<&TradePoint>,
) -> Figure {
    let found = |p: &TradePoint| match p.found {
        Found::Nothing => *p,
        _ => TradePoint {
            found: Found::Pure,
            ..*p
        },
    };
    let whole: Vec<TradePoint> = curve.iter().map(found).collect();
    let name = |_| format!("Tullock ({})", alpha_range(&whole, Found::Pure));
    let mut series = run_lines(&whole, palette::BLUE, |p| (p.fairness, p.revenue_share), &name);
    let mixed: Vec<_> = curve.iter().filter(|p| p.found == Found::Mixed).collect();
    if !mixed.is_empty() {
        series.push(Series::Points {
            name: format!("Tullock, mixed ({})", alpha_range(curve, Found::Mixed)),
            color: palette::SKY,
            points: mixed
                .iter()
                .map(|p| (p.fairness, p.revenue_share, p.revenue_share, p.revenue_share))
                .collect(),
        });
    }
    series.push(dot("winner-take-all".into(), palette::GREY, wta));
    series.push(dot("all-pay auction (α → ∞)".into(), palette::PURPLE, all_pay));
    if let Some(c) = current {
        series.push(dot(
            format!("current: α = {}", format::sig(c.alpha, 3)),
            palette::VERMILION,
            c,
        ));
    }
    Figure {
        title: "The trade-off: revenue against fairness".into(),
        x: Axis::linear("Fairness (geometric mean of allocations)", "").fraction(),
        y: Axis::linear("Revenue / top value", ""),
        series,
        legend: Legend::LowerLeft,
    }
}

/// Revenue (as a share of the top value) and fairness against α; mixed stretches dashed.
pub fn versus_alpha_figure(curve: &[TradePoint], alpha: f64) -> Figure {
    let note = |what: &str, kind| match kind {
        Found::Mixed => format!("{what}, mixed (dashed)"),
        _ => what.to_string(),
    };
    let mut series = run_lines(curve, palette::BLUE, |p| (p.alpha, p.revenue_share), &|k| {
        note("revenue / top value", k)
    });
    series.extend(run_lines(curve, palette::GREEN, |p| (p.alpha, p.fairness), &|k| {
        note("fairness", k)
    }));
    series.push(Series::Marker {
        name: format!("α = {}", format::sig(alpha, 3)),
        color: palette::VERMILION,
        x: alpha,
    });
    Figure {
        title: "Revenue and fairness against α".into(),
        x: Axis::log("Exponent α", ""),
        y: Axis::linear("Share", "").fraction(),
        series,
        legend: Legend::UpperRight,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(alpha: f64, found: Found) -> TradePoint {
        TradePoint {
            alpha,
            revenue_share: alpha,
            fairness: 1.0 / alpha,
            found,
        }
    }

    #[test]
    fn runs_join_pure_and_mixed_and_break_at_gaps() {
        use Found::*;
        let curve = [
            at(0.5, Pure),
            at(1.0, Pure),
            at(1.5, Mixed),
            at(2.0, Nothing),
            at(3.0, Mixed),
            at(4.0, Mixed),
        ];
        let r = runs(&curve);
        let shape: Vec<(Found, Vec<f64>)> = r
            .iter()
            .map(|(k, run)| (*k, run.iter().map(|p| p.alpha).collect()))
            .collect();
        assert_eq!(
            shape,
            vec![(Pure, vec![0.5, 1.0]), (Mixed, vec![1.0, 1.5]), (Mixed, vec![3.0, 4.0])]
        );
        let fig = versus_alpha_figure(&curve, 1.0);
        let lines = fig.series.iter().filter(|s| matches!(s, Series::Line { .. })).count();
        assert_eq!(lines, 6, "three runs, two quantities");
        assert!(fig
            .series
            .iter()
            .any(|s| matches!(s, Series::Line { dashed: true, .. })));
        // Three players (4, 2, 1) from α = 0.1 to 10: no gap, a mixed stretch.
        let v = [4.0, 2.0, 1.0];
        let curve: Vec<TradePoint> = et_engine::contest::tradeoff::default_alphas(12)
            .into_iter()
            .map(
                |a| match et_engine::contest::solve(&v, et_engine::contest::Mechanism::tullock(a).unwrap()) {
                    Ok(o) => TradePoint::of(a, &o),
                    Err(_) => TradePoint::missing(a),
                },
            )
            .collect();
        let r = runs(&curve);
        assert_eq!(r.iter().map(|(k, _)| *k).collect::<Vec<_>>(), vec![Pure, Mixed]);
        assert_eq!(r[0].1.len() + r[1].1.len(), 13, "every α on the curve, one shared");
    }
}
