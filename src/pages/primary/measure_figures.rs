//! The Primary market's concentration figures on the measure chosen: the tickets each
//! holder holds, or the slots each has won so far (the study's measure, SPEC §4.1).

use et_engine::primary::{Band, MarketResult, Totals};

use super::choices::ConcMeasure;
use super::figures::{slot_axis, with_band};
use crate::charts::{palette, Axis, Figure, Legend, Series};
use crate::format;

/// The HHI, Nakamoto and top-share series of a measure.
fn bands(r: &MarketResult, m: ConcMeasure) -> (&Band, &Band) {
    match m {
        ConcMeasure::Won => (&r.won_hhi, &r.won_nakamoto),
        ConcMeasure::Held => (&r.hhi, &r.nakamoto),
    }
}

/// A measure's end-of-run HHI and Nakamoto coefficient in totals.
pub fn measured(t: &Totals, m: ConcMeasure) -> (f64, f64) {
    match m {
        ConcMeasure::Won => (t.won_hhi, t.won_nakamoto),
        ConcMeasure::Held => (t.hhi, t.nakamoto),
    }
}

/// A measure's end-of-run top share in totals.
pub fn measured_top(t: &Totals, m: ConcMeasure) -> f64 {
    match m {
        ConcMeasure::Won => t.won_top_share,
        ConcMeasure::Held => t.top_share,
    }
}

/// What the measure counts, for titles.
pub fn noun(m: ConcMeasure) -> &'static str {
    match m {
        ConcMeasure::Won => "slots won",
        ConcMeasure::Held => "tickets held",
    }
}

/// HHI (0–10,000) over time.
pub fn hhi_figure(r: &MarketResult, m: ConcMeasure) -> Figure {
    Figure {
        title: format!("Concentration of the {}: Herfindahl–Hirschman index", noun(m)),
        x: slot_axis(),
        y: Axis::linear("HHI (10,000 = one holder)", "").hhi(),
        series: with_band(r, bands(r, m).0, &format!("HHI of the {}", noun(m)), palette::VERMILION),
        legend: Legend::LowerRight,
    }
}

/// The Nakamoto coefficient over time.
pub fn nakamoto_figure(r: &MarketResult, m: ConcMeasure) -> Figure {
    Figure {
        title: format!("Nakamoto coefficient: fewest holders with > ½ of the {}", noun(m)),
        x: slot_axis(),
        y: Axis::linear("Holders", "").integer(),
        series: with_band(r, bands(r, m).1, "Nakamoto coefficient", palette::PURPLE),
        legend: Legend::UpperRight,
    }
}

/// Each holder's share of the slots won over the run (mean over runs), as bars.
pub fn won_shares_figure(r: &MarketResult, captures: &[f64]) -> Figure {
    let total: f64 = r.holders.iter().map(|h| h.mean.wins).sum();
    let share = |w: f64| if total > 0.0 { w / total } else { 0.0 };
    let bars = r
        .holders
        .iter()
        .enumerate()
        .map(|(k, h)| (k as f64 + 0.6, k as f64 + 1.4, share(h.mean.wins)))
        .collect();
    let top = r.holders.iter().map(|h| share(h.mean.wins)).fold(0.0, f64::max);
    let best = captures.iter().copied().fold(f64::NAN, f64::max);
    Figure {
        title: "Shares of the slots won over the run, by holder".into(),
        x: Axis::linear("Holder (run 1's draw: highest tier first)", "").integer(),
        y: Axis::linear("Share of the slots won", "").fraction(),
        series: vec![Series::Bars {
            name: format!(
                "mean share (largest {}; best c {})",
                format::sig(top, 3),
                format::sig(best, 3)
            ),
            color: palette::BLUE,
            bars,
        }],
        legend: Legend::UpperRight,
    }
}
