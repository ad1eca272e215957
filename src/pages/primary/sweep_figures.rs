//! The Primary market's sweep figures (SPEC §4.1): capture and concentration against the
//! swept parameter, one line and 10–90 % band (over runs) per rule.

use et_engine::choice::Choice;
use et_engine::primary::{PricingRule, SweepParameter, SweepPoint, Totals};

use super::choices::ConcMeasure;
use super::figures::rule_color;
use super::measure_figures::{measured, noun};
use crate::charts::{Axis, Figure, Legend, Series};

/// The x axis of a sweep (logarithmic for `N` and the number of holders).
fn x_axis(p: SweepParameter) -> Axis {
    match p {
        SweepParameter::MaxTickets | SweepParameter::Holders => Axis::log(p.label(), ""),
        _ => Axis::linear(p.label(), ""),
    }
}

/// One rule's line and band of `y` over the points.
fn line(rule: PricingRule, points: &[SweepPoint], y: &dyn Fn(&Totals) -> f64, runs: u64) -> Vec<Series> {
    let color = rule_color(rule);
    let mut out = Vec::new();
    if runs > 1 {
        out.push(Series::Band {
            name: format!("{} 10–90 % of runs", rule.short()),
            color,
            points: points.iter().map(|p| (p.value, y(&p.lo), y(&p.hi))).collect(),
            opacity: 0.15,
        });
    }
    out.push(Series::Line {
        name: rule.short().into(),
        color,
        points: points.iter().map(|p| (p.value, y(&p.mean))).collect(),
        dashed: false,
    });
    out
}

fn figure(
    p: SweepParameter,
    lines: &[(PricingRule, Vec<SweepPoint>)],
    runs: u64,
    (title, y_axis): (String, Axis),
    y: &dyn Fn(&Totals) -> f64,
) -> Figure {
    Figure {
        title,
        x: x_axis(p),
        y: y_axis,
        // Every band first, then every line, so no band veils another rule's line.
        series: {
            let all: Vec<Series> = lines.iter().flat_map(|(r, pts)| line(*r, pts, y, runs)).collect();
            let (bands, lines): (Vec<Series>, Vec<Series>) =
                all.into_iter().partition(|s| matches!(s, Series::Band { .. }));
            bands.into_iter().chain(lines).collect()
        },
        legend: Legend::Auto,
    }
}

/// The protocol's capture against the swept parameter, every rule.
pub fn sweep_capture_figure(p: SweepParameter, lines: &[(PricingRule, Vec<SweepPoint>)], runs: u64) -> Figure {
    let title = format!("Sweep: protocol share against {}", p.label());
    figure(
        p,
        lines,
        runs,
        (title, Axis::linear("Protocol share (revenue / rewards)", "").fraction()),
        &|t| t.capture,
    )
}

/// The HHI of the measure shown against the swept parameter, every rule.
pub fn sweep_hhi_figure(
    p: SweepParameter,
    lines: &[(PricingRule, Vec<SweepPoint>)],
    runs: u64,
    m: ConcMeasure,
) -> Figure {
    let title = format!("Sweep: HHI of the {} against {}", noun(m), p.label());
    figure(
        p,
        lines,
        runs,
        (title, Axis::linear("HHI (10,000 = one holder)", "").hhi()),
        &|t| measured(t, m).0,
    )
}
