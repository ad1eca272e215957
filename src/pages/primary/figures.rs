//! Figures of the Primary market page: price, shares, concentration, capture, profits,
//! and every pricing rule's capture against its concentration.

use et_engine::primary::{Band, MarketResult};

use et_engine::choice::Choice;
use et_engine::primary::PricingRule;

use crate::charts::{palette, Axis, Figure, Legend, Rgb, Series};
use crate::format;

/// Colours of the named holders, then the rest.
const LAYERS: [Rgb; 6] = [
    palette::BLUE,
    palette::ORANGE,
    palette::GREEN,
    palette::VERMILION,
    palette::PURPLE,
    palette::SKY,
];

/// Holders named in the stacked shares; the others are grouped.
pub const NAMED: usize = 5;

/// The colour of each rule in the comparison and the sweeps, in [`PricingRule::ALL`] order.
pub fn rule_color(rule: PricingRule) -> Rgb {
    let i = PricingRule::ALL.iter().position(|&r| r == rule).unwrap_or(0);
    [
        palette::BLUE,
        palette::VERMILION,
        palette::GREEN,
        palette::ORANGE,
        palette::PURPLE,
    ][i]
}

/// The slot axis.
pub fn slot_axis() -> Axis {
    Axis::linear("Slot", "slots").integer()
}

fn xs(r: &MarketResult) -> impl Iterator<Item = f64> + '_ {
    r.slots.iter().map(|&s| s as f64)
}

/// A band's mean line and its 10–90 % band (the band only with more than one run).
pub fn with_band(r: &MarketResult, b: &Band, name: &str, color: Rgb) -> Vec<Series> {
    band_series(&r.slots, r.runs, b, name, color)
}

/// [`with_band`] over the samples at `slots` of a result of `runs` runs.
pub fn band_series(slots: &[u64], runs: u64, b: &Band, name: &str, color: Rgb) -> Vec<Series> {
    let xs = || slots.iter().map(|&s| s as f64);
    let mut out = Vec::new();
    if runs > 1 {
        out.push(Series::Band {
            name: "10–90 % of runs".into(),
            color,
            points: xs()
                .zip(&b.lo)
                .zip(&b.hi)
                .map(|((x, &lo), &hi)| (x, lo, hi))
                .filter(|p| !p.1.is_nan())
                .collect(),
            opacity: 0.18,
        });
    }
    out.push(Series::Line {
        name: name.into(),
        color,
        points: xs().zip(b.mean.iter().copied()).filter(|p| !p.1.is_nan()).collect(),
        dashed: false,
    });
    out
}

fn flat(r: &MarketResult, name: String, y: f64, color: Rgb) -> Series {
    let end = r.slots.last().copied().unwrap_or(1) as f64;
    Series::Line {
        name,
        color,
        points: vec![(0.0, y), (end, y)],
        dashed: true,
    }
}

/// The price paid over time (and a posted rule's quote), against the highest valuation
/// and the mean reward; logarithmic when the quote spans more than a factor of 30.
pub fn price_figure(r: &MarketResult, mu: f64, rule: PricingRule) -> Figure {
    let top = r.holders.iter().map(|h| h.valuation).fold(0.0, f64::max);
    let mut series = with_band(r, &r.price, "price paid (mean of runs)", palette::BLUE);
    let posted = rule.posted();
    let quotes = r.quote.mean.iter().filter(|q| q.is_finite() && **q > 0.0);
    let (lo, hi) = quotes.fold((f64::INFINITY, 0.0f64), |(a, b), &q| (a.min(q), b.max(q)));
    if posted {
        series.push(Series::Line {
            name: "posted price (mean of runs)".into(),
            color: palette::ORANGE,
            points: xs(r).zip(r.quote.mean.iter().copied()).collect(),
            dashed: true,
        });
    }
    let valuation = format!("highest valuation {}", format::sig(top, 3));
    series.push(flat(r, valuation, top, palette::GREEN));
    series.push(flat(
        r,
        format!("mean reward μ {}", format::sig(mu, 3)),
        mu,
        palette::GREY,
    ));
    let label = "Price of a ticket";
    Figure {
        title: format!("Ticket price over time ({})", rule.short()),
        x: slot_axis(),
        y: if posted && hi > 30.0 * lo {
            Axis::log(label, "ETH")
        } else {
            Axis::linear(label, "ETH")
        },
        series,
        legend: Legend::LowerRight,
    }
}

/// The holders with the largest share at the end, largest first (at most `NAMED`).
pub fn top_holders(r: &MarketResult) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..r.holders.len()).collect();
    idx.sort_unstable_by(|&a, &b| r.holders[b].share.total_cmp(&r.holders[a].share).then(a.cmp(&b)));
    idx.truncate(NAMED);
    idx.retain(|&k| r.shares[k].iter().any(|&s| s > 0.0));
    idx
}

/// A direct label for a stacked layer `(x, lo, hi)`: its name up to the first bracket,
/// right-aligned at the last slot in the middle of the layer, in black or white as the
/// layer's colour is light or dark; none where the layer is thinner than 6 %.
fn layer_label(pts: &[(f64, f64, f64)], name: &str, color: Rgb) -> Option<Series> {
    let &(x, lo, hi) = pts.last()?;
    if hi - lo < 0.06 {
        return None;
    }
    let light = 0.2126 * color.0 as f64 + 0.7152 * color.1 as f64 + 0.0722 * color.2 as f64 > 110.0;
    let short = name.split(" (").next().unwrap_or(name);
    Some(Series::Label {
        text: format!("{short} "),
        color: if light { Rgb(0, 0, 0) } else { Rgb(255, 255, 255) },
        at: (x, (lo + hi) / 2.0),
    })
}

/// Market shares over time, stacked: the top holders named, the rest grouped.
pub fn shares_figure(r: &MarketResult, captures: &[f64]) -> Figure {
    let top = top_holders(r);
    let points = r.slots.len();
    let mut base = vec![0.0; points];
    let (mut series, mut labels) = (Vec::new(), Vec::new());
    let mut layer = |name: String, color: Rgb, share: &dyn Fn(usize) -> f64| {
        let pts: Vec<(f64, f64, f64)> = (0..points)
            .map(|j| {
                let lo = base[j];
                base[j] += share(j);
                (r.slots[j] as f64, lo, base[j])
            })
            .collect();
        if let Some(label) = layer_label(&pts, &name, color) {
            labels.push(label);
        }
        series.push(Series::Band {
            name,
            color,
            points: pts,
            opacity: 0.85,
        });
    };
    for (i, &k) in top.iter().enumerate() {
        let c = captures.get(k).copied().unwrap_or(f64::NAN);
        layer(
            format!("holder {} (c = {})", k + 1, format::sig(c, 3)),
            LAYERS[i],
            &|j| r.shares[k][j],
        );
    }
    let rest = r.holders.len() - top.len();
    if rest > 0 {
        let others = |j: usize| {
            (0..r.holders.len())
                .filter(|k| !top.contains(k))
                .map(|k| r.shares[k][j])
                .sum()
        };
        layer(format!("the other {rest} holders"), palette::GREY, &others);
    }
    series.extend(labels);
    Figure {
        title: "Market shares of the tickets outstanding".into(),
        x: slot_axis(),
        y: Axis::linear("Share of tickets (stacked)", "").fraction(),
        series,
        legend: Legend::LowerLeft,
    }
}

/// Each holder's realized profit at the end, with its 10–90 % range over runs, and its
/// profit with the tickets still held valued (at the holder's value without margin).
pub fn profit_figure(r: &MarketResult) -> Figure {
    let bars = r
        .holders
        .iter()
        .enumerate()
        .map(|(k, h)| (k as f64 + 0.6, k as f64 + 1.4, h.profit))
        .collect();
    let mut series = vec![Series::Bars {
        name: "mean profit".into(),
        color: palette::BLUE,
        bars,
    }];
    series.push(Series::Points {
        name: "mean profit, tickets held valued".into(),
        color: palette::ORANGE,
        points: r
            .holders
            .iter()
            .enumerate()
            .map(|(k, h)| (k as f64 + 1.0, h.valued_profit, h.valued_profit, h.valued_profit))
            .collect(),
    });
    if r.runs > 1 {
        series.push(Series::Points {
            name: "10–90 % of runs (realised)".into(),
            color: palette::GREY,
            points: r
                .holders
                .iter()
                .enumerate()
                .map(|(k, h)| (k as f64 + 1.0, h.profit, h.profit_lo, h.profit_hi))
                .collect(),
        });
    }
    Figure {
        title: "Profit per holder at the end (earned + resale + refunds − paid)".into(),
        x: Axis::linear("Holder", "").integer(),
        y: Axis::linear("Profit", "ETH"),
        series,
        legend: Legend::UpperRight,
    }
}

/// Every rule's capture against its concentration at the end, same population and seed.
/// `results`: each rule, its result and its concentration (HHI) on the measure shown.
pub fn compare_figure(results: &[(PricingRule, &MarketResult, f64)], measure_name: &str, x_label: &str) -> Figure {
    let series = results
        .iter()
        .map(|(rule, r, x)| Series::Points {
            name: rule.short().into(),
            color: rule_color(*rule),
            points: vec![(*x, r.totals.capture, r.totals_lo.capture, r.totals_hi.capture)],
        })
        .collect();
    Figure {
        title: format!("Capture against concentration ({}), every pricing rule", measure_name),
        x: Axis::linear(x_label, ""),
        y: Axis::linear("Protocol capture at the end", "").fraction(),
        series,
        legend: Legend::Auto,
    }
}

#[cfg(test)]
#[path = "figures_tests.rs"]
mod tests;
