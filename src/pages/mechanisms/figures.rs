//! Figures of the Mechanisms page: the value split, oracle accuracy against builder
//! concentration, validators' income, and a sweep of one input.

use et_engine::mechanisms::{Comparison, Mechanism, Row, SweepParam};

use et_engine::choice::Choice;

use super::params::short;
use crate::charts::{palette, Axis, Figure, Legend, Rgb, Series};

/// One colour a mechanism, in [`Mechanism::ALL`] order.
pub const COLORS: [Rgb; 6] = [
    palette::BLUE,
    palette::ORANGE,
    palette::GREEN,
    palette::VERMILION,
    palette::PURPLE,
    palette::SKY,
];

/// The parts of the split: name and colour.
const PARTS: [(&str, Rgb); 4] = [
    ("Protocol (burn or revenue)", palette::BLUE),
    ("Proposer", palette::ORANGE),
    ("Builder side", palette::GREEN),
    ("Unextracted", palette::GREY),
];

fn parts(r: &Row) -> [f64; 4] {
    [r.protocol, r.proposer, r.builder, r.unextracted]
}

/// The rows shown, in table order.
pub fn shown<'a>(c: &'a Comparison, shown: &[Mechanism]) -> Vec<&'a Row> {
    c.rows.iter().filter(|r| shown.contains(&r.mechanism)).collect()
}

fn category_axis(rows: &[&Row]) -> Axis {
    let names: Vec<&str> = rows.iter().map(|r| short(r.mechanism)).collect();
    Axis::categories("Mechanism", &names)
}

/// The mean slot value split four ways, one stacked bar a mechanism.
pub fn split_figure(rows: &[&Row]) -> Figure {
    let series = PARTS
        .iter()
        .enumerate()
        .map(|(k, &(name, color))| Series::Stack {
            name: name.into(),
            color,
            bars: rows
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let p = parts(r);
                    let lo: f64 = p[..k].iter().sum();
                    (i as f64 - 0.35, i as f64 + 0.35, lo, lo + p[k])
                })
                .collect(),
        })
        .collect();
    Figure {
        title: "Who gets the slot's value".into(),
        x: category_axis(rows),
        y: Axis::linear("Mean per slot", "ETH"),
        series,
        legend: Legend::UpperRight,
    }
}

/// Oracle accuracy against builder concentration, one point a mechanism (95 % bars).
pub fn accuracy_figure(rows: &[&Row]) -> Figure {
    let series = rows
        .iter()
        .map(|r| {
            let (y, e) = (r.oracle_accuracy, 1.96 * r.std_errors.oracle_accuracy);
            Series::Points {
                name: r.mechanism.label().into(),
                color: COLORS[r.mechanism.index()],
                points: vec![(r.hhi, y, y - e, y + e)],
            }
        })
        .collect();
    Figure {
        title: "Oracle accuracy against builder concentration".into(),
        x: Axis::linear("HHI of blocks built (10,000 = one builder)", "").hhi(),
        y: Axis::linear("Protocol capture / value", "").fraction(),
        series,
        legend: Legend::Auto,
    }
}

/// One validator's yearly income from the mechanism: mean with its 5–95 % range.
pub fn income_figure(rows: &[&Row]) -> Figure {
    let points = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (i as f64, r.income.mean, r.income.p5, r.income.p95))
        .collect();
    Figure {
        title: "One validator's yearly income from the mechanism".into(),
        x: category_axis(rows),
        y: Axis::linear("Income a year (mean, 5–95 %)", "ETH"),
        series: vec![Series::Points {
            name: String::new(),
            color: palette::ORANGE,
            points,
        }],
        legend: Legend::UpperRight,
    }
}

/// Every shown mechanism's protocol share as the swept input varies.
pub fn sweep_figure(param: SweepParam, points: &[(f64, Comparison)], show: &[Mechanism], current: f64) -> Figure {
    let mut series: Vec<Series> = show
        .iter()
        .map(|&m| Series::Line {
            name: m.label().into(),
            color: COLORS[m.index()],
            points: points
                .iter()
                .filter_map(|(v, c)| {
                    let r = &c.rows[m.index()];
                    (r.value > 0.0).then(|| (x_of(param, *v), r.oracle_accuracy))
                })
                .collect(),
            dashed: m.index() % 2 == 1,
        })
        .collect();
    series.push(Series::Marker {
        name: "Current value".into(),
        color: palette::GREY,
        x: x_of(param, current),
    });
    Figure {
        title: format!("Protocol share as the {} varies", sweep_noun(param)),
        x: match param {
            SweepParam::Lookahead => Axis::log("Lookahead L (+1)", "slots"),
            SweepParam::Builders => Axis::linear("Builders k", "builders").integer(),
            _ => Axis::linear(param.label(), ""),
        },
        y: Axis::linear("Protocol capture / value", "").fraction(),
        series,
        legend: Legend::Auto,
    }
}

/// The x coordinate of a sweep value (the lookahead shifted by one for its log axis).
fn x_of(param: SweepParam, v: f64) -> f64 {
    if param == SweepParam::Lookahead {
        v + 1.0
    } else {
        v
    }
}

fn sweep_noun(p: SweepParam) -> &'static str {
    match p {
        SweepParam::Spread => "builder spread",
        SweepParam::Lookahead => "lookahead",
        SweepParam::DeadlineShare => "value after the deadline",
        SweepParam::Builders => "number of builders",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::mechanisms::state::MechanismsState;
    use crate::worker::protocol::Work;

    #[test]
    fn the_split_stacks_to_each_mechanisms_value() {
        let mut job = MechanismsState::default().job().unwrap();
        job.slots = 5_000;
        let c = job.run_all().unwrap();
        let rows = shown(&c, Mechanism::ALL);
        let fig = split_figure(&rows);
        let Series::Stack { bars, .. } = &fig.series[3] else {
            panic!("the last layer is a stack");
        };
        for (bar, r) in bars.iter().zip(&rows) {
            assert!((bar.3 - r.value).abs() <= 1e-9 * r.value);
        }
        assert_eq!(fig.x.category(4.0), Some("Tickets"));
        assert!(fig.to_csv().contains("Tickets"), "the CSV names the categories");
        assert_eq!(accuracy_figure(&rows).series.len(), 6);
        assert_eq!(income_figure(&rows[..2]).series.len(), 1);
    }
}
