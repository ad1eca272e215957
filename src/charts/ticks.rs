//! Tick labels (one style an axis, whole numbers only on a count axis, as many as
//! fit) and a caption that fits a narrow chart.

use std::ops::Range;

use super::figure::Axis;
use crate::format;

/// One tick style an axis: every label of an axis is written the same way.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TickStyle {
    /// Plain decimals (with thousands separators), `decimals` of them on a linear axis.
    Plain { decimals: usize },
    /// `a×10ⁿ` (whole decades `10ⁿ`), for very small or large values.
    Powers,
}

/// The style for an axis spanning plot coordinates `r` and ticked at `ticks`: powers of
/// ten for very small or large values, else plain with the decimals the finest tick
/// needs (every label of a linear axis with as many).
pub fn tick_style(axis: &Axis, r: &Range<f64>, ticks: &[f64]) -> TickStyle {
    let (lo, hi) = if axis.log {
        (r.start, r.end)
    } else {
        let m = r.start.abs().max(r.end.abs());
        (m.log10(), m.log10())
    };
    if hi >= 6.0 || (axis.log && lo < -3.0) || (!axis.log && hi < -2.0) {
        TickStyle::Powers
    } else {
        let decimals = if axis.log {
            0
        } else {
            ticks.iter().map(|&v| axis_decimals(v)).max().unwrap_or(0)
        };
        TickStyle::Plain { decimals }
    }
}

/// The label of the tick at plot coordinate `v`: categories by name; numbers with the
/// digits the axis's step needs and no more (every label of a linear axis alike), short
/// (at most 3 significant digits) on a log axis.
pub fn tick(axis: &Axis, style: TickStyle, v: f64) -> String {
    if !axis.categories.is_empty() {
        return axis.category(v).unwrap_or_default().to_string();
    }
    let value = axis.from_plot(v);
    if axis.integer && (value - value.round()).abs() > 1e-9 * value.abs().max(1.0) {
        return String::new();
    }
    let value = if axis.log { format::round_sig(value, 3) } else { value };
    match style {
        TickStyle::Powers => format::powers(value, 3),
        TickStyle::Plain { .. } if axis.log => format::readable(value, 3),
        TickStyle::Plain { decimals } => format::fixed(value, decimals),
    }
}

/// Decimals of a tick's shortest exact form (ticks are multiples of a 1-2-5 step), at
/// most 6.
fn axis_decimals(v: f64) -> usize {
    (0..=6)
        .find(|&d| (format::round_to(v, d) - v).abs() <= 1e-9 * v.abs().max(1e-12))
        .unwrap_or(6)
}

/// Tick positions (plot coordinates) of `axis` over the plot range `r`, at most `max` of
/// them labelled: `(labelled, grid only)`. A linear axis steps by 1, 2 or 5 × 10ᵏ (at
/// least 1 on a count axis); a log axis is ticked at 1-2-5 values when they fit over
/// at most three decades, else at decades, else at every leading digit; a
/// categorical axis at each category.
pub fn key_points(axis: &Axis, r: &Range<f64>, max: usize) -> (Vec<f64>, Vec<f64>) {
    let (lo, hi) = (r.start.min(r.end), r.start.max(r.end));
    if !axis.categories.is_empty() {
        let names = (0..axis.categories.len()).map(|i| i as f64);
        return (names.filter(|v| (lo..=hi).contains(v)).collect(), Vec::new());
    }
    if axis.log {
        return log_points(lo, hi, max);
    }
    let step = nice_step((hi - lo) / max.max(2) as f64, axis.integer);
    let bold = multiples(lo, hi, step);
    let light = multiples(lo, hi, step / 2.0);
    (bold, light)
}

/// The smallest 1-2-5 step ≥ `raw` (≥ 1 for counts).
fn nice_step(raw: f64, integer: bool) -> f64 {
    if raw.is_nan() || raw <= 0.0 || !raw.is_finite() {
        return 1.0;
    }
    let decade = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * decade)
        .find(|&v| v >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * decade);
    if integer {
        step.max(1.0)
    } else {
        step
    }
}

/// The multiples of `step` within `lo..=hi` (each rounded to the step's digits).
fn multiples(lo: f64, hi: f64, step: f64) -> Vec<f64> {
    let (first, last) = ((lo / step - 1e-9).ceil() as i64, (hi / step + 1e-9).floor() as i64);
    if last - first > 1000 {
        return Vec::new();
    }
    (first..=last)
        .map(|k| k as f64 * step)
        .map(|v| if v.abs() < step * 1e-9 { 0.0 } else { v })
        .collect()
}

/// Log-axis ticks over `lo..hi` (in decades).
fn log_points(lo: f64, hi: f64, max: usize) -> (Vec<f64>, Vec<f64>) {
    let decades: Vec<f64> = ((lo - 1e-9).ceil() as i64..=(hi + 1e-9).floor() as i64)
        .map(|k| k as f64)
        .collect();
    let within = |ms: &[f64]| -> Vec<f64> {
        let (a, b) = (lo.floor() as i64 - 1, hi.ceil() as i64 + 1);
        (a..=b)
            .flat_map(|k| ms.iter().map(move |m| (m * 10f64.powi(k as i32)).log10()))
            .filter(|p| *p >= lo - 1e-9 && *p <= hi + 1e-9)
            .collect()
    };
    let all: Vec<f64> = within(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]);
    let one_two_five = within(&[1.0, 2.0, 5.0]);
    let fits = |ticks: &[f64]| ticks.len() >= 3 && ticks.len() <= max;
    if decades.len() <= 3 && fits(&one_two_five) {
        return (one_two_five, all);
    }
    if decades.len() >= 3 {
        let stride = decades.len().div_ceil(max.max(1));
        let bold: Vec<f64> = decades
            .iter()
            .copied()
            .filter(|d| (*d as i64).rem_euclid(stride as i64) == 0)
            .collect();
        let light = if stride == 1 && decades.len() <= 6 {
            all
        } else {
            decades
        };
        return (bold, light);
    }
    if fits(&all) {
        return (all.clone(), all);
    }
    // Less than a few 1-9 values: a linear 1-2-5 step in value space, at most 3 digits.
    let (a, b) = (10f64.powf(lo), 10f64.powf(hi));
    let step = nice_step((b - a) / max.max(2) as f64, false);
    let bold = multiples(a, b, step)
        .into_iter()
        .filter(|v| *v > 0.0)
        .map(f64::log10)
        .collect();
    (bold, Vec::new())
}

/// The caption's font size: 15 CSS px, smaller on a narrow chart so the title fits.
pub fn caption_size(width_px: u32, title: &str, s: f64) -> f64 {
    let width = width_px as f64 / s - 20.0;
    let fits = width / (0.55 * title.chars().count().max(1) as f64);
    fits.clamp(10.0, 15.0) * s
}

/// Below a categorical x axis whose names would run into each other side by side (a
/// phone-wide chart), the names are written upright: the room they then need below the
/// plot (names, axis title), in device px; `None` when they fit side by side.
/// Widths are estimated at 0.58 em a character of the 12 CSS px label font.
pub fn upright_categories(axis: &Axis, width_px: u32, s: f64) -> Option<f64> {
    if axis.categories.is_empty() {
        return None;
    }
    // The plot's width: the chart's, less its margins and the y labels' area.
    let plot = width_px as f64 / s - 10.0 - 24.0 - 68.0;
    let slot = plot / axis.categories.len() as f64;
    let longest = axis.categories.iter().map(|c| c.chars().count()).max().unwrap_or(0) as f64;
    let text = longest * 0.58 * 12.0;
    // The room: the names at about 0.5 em a character, a gap and the axis title.
    (text + 6.0 > slot).then_some((longest * 0.5 * 12.0 + 32.0) * s)
}

/// As many x tick labels as fit, about one per 75 CSS px (at most 10).
pub fn x_label_count(plot_px: u32, s: f64) -> usize {
    ((plot_px as f64 / s / 75.0) as usize).clamp(3, 10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::figure::{Figure, Legend, Series};
    use crate::charts::palette;

    fn mechanisms_bars() -> Figure {
        let names = ["Block", "MEV-burn", "Slot", "Execution", "Tickets", "Partial"];
        Figure {
            title: "Who gets the slot's value".into(),
            x: Axis::categories("Mechanism", &names),
            y: Axis::linear("Mean per slot", "ETH"),
            series: vec![Series::Bars {
                name: String::new(),
                color: palette::BLUE,
                bars: (0..6).map(|i| (i as f64 - 0.4, i as f64 + 0.4, 1.0)).collect(),
            }],
            legend: Legend::Auto,
        }
    }

    #[test]
    fn category_names_that_would_collide_are_written_upright() {
        let fig = mechanisms_bars();
        // Desktop: 6 names of at most 9 characters fit side by side in 700 px.
        assert_eq!(upright_categories(&fig.x, 700, 1.0), None);
        // A phone: ~230 px of plot, 38 px a category, "Execution" ≈ 63 px.
        let room = upright_categories(&fig.x, 330, 1.0).expect("upright at 330 px");
        assert!((80.0..95.0).contains(&room), "{room}");
        assert_eq!(upright_categories(&fig.x, 330, 2.0), Some(2.0 * room), "device pixels");
        let svg = crate::export::svg(&fig, 330, 300).unwrap();
        // The `<text …>` tag that writes a name.
        let tag = |svg: &str, name: &str| -> String {
            let at = svg.find(&format!(">\n{name}\n</text>")).expect(name);
            svg[svg[..at].rfind("<text").unwrap()..at].to_string()
        };
        for name in ["Block", "Execution", "Partial"] {
            let t = tag(&svg, name);
            assert!(t.contains("rotate(270") && t.contains("text-anchor=\"end\""), "{t}");
        }
        let wide = crate::export::svg(&fig, 700, 300).unwrap();
        assert!(
            !tag(&wide, "Execution").contains("rotate"),
            "side by side on a wide chart"
        );
    }

    /// The labels of an axis over data range `lo..hi` (data units).
    fn labels(axis: &Axis, lo: f64, hi: f64, max: usize) -> Vec<String> {
        let r = axis.to_plot(lo).unwrap()..axis.to_plot(hi).unwrap();
        let (bold, _) = key_points(axis, &r, max);
        let style = tick_style(axis, &r, &bold);
        bold.iter().map(|&v| tick(axis, style, v)).collect()
    }

    #[test]
    fn log_axes_are_ticked_at_decades_or_one_two_five() {
        let log = Axis::log("n", "");
        // The holders axis (3.162, 31.62 before): 1-2-5 now.
        assert_eq!(labels(&log, 1.0, 100.0, 8), ["1", "2", "5", "10", "20", "50", "100"]);
        assert_eq!(labels(&log, 0.1, 10.0, 8), ["0.1", "0.2", "0.5", "1", "2", "5", "10"]);
        assert_eq!(labels(&log, 1.0, 1e9, 8), ["1", "10²", "10⁴", "10⁶", "10⁸"]);
        assert_eq!(labels(&log, 1e-5, 1e-2, 8), ["10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²"]);
        // A narrow log range: every leading digit, then a linear step.
        assert_eq!(labels(&log, 2.0, 9.0, 8), ["2", "3", "4", "5", "6", "7", "8", "9"]);
        assert_eq!(labels(&log, 2.5, 3.5, 8), ["2.6", "2.8", "3", "3.2", "3.4"]);
        // Never more than 3 significant digits on a log axis.
        for (lo, hi) in [
            (0.0316, 3.16),
            (1.7, 23.0),
            (3.2e-4, 0.07),
            (1.0, 1e10),
            (0.5, 0.61),
            (123.0, 4567.0),
        ] {
            for l in labels(&log, lo, hi, 8) {
                let digits = l
                    .chars()
                    .take_while(|c| *c != '×')
                    .filter(|c| c.is_ascii_digit())
                    .collect::<String>();
                let digits = digits.trim_start_matches('0').trim_end_matches('0');
                assert!(digits.len() <= 3, "{l} on {lo}–{hi}");
            }
        }
    }

    #[test]
    fn linear_axes_step_by_one_two_five_with_one_style() {
        let lin = Axis::linear("p", "");
        assert_eq!(labels(&lin, 0.0, 1.0, 6), ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]);
        assert_eq!(
            labels(&lin, 0.0, 10_000.0, 6),
            ["0", "2,000", "4,000", "6,000", "8,000", "10,000"]
        );
        // A count axis: whole numbers only, however narrow the range.
        let count = Axis::linear("players", "").integer();
        assert_eq!(labels(&count, 0.0, 3.0, 8), ["0", "1", "2", "3"]);
    }
}
