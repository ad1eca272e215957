//! Tick labels (one style an axis, whole numbers only on a count axis, as many as
//! fit) and a caption that fits a narrow chart.

use std::ops::Range;

use super::figure::Axis;
use crate::format;

/// One tick style an axis: every label of an axis is written the same way.
#[derive(Clone, Copy)]
pub enum TickStyle {
    /// Plain decimals (with thousands separators).
    Plain,
    /// `a×10ⁿ` (whole decades `10ⁿ`), for very small or large values.
    Powers,
}

/// The style for an axis spanning plot coordinates `r`.
pub fn tick_style(axis: &Axis, r: &Range<f64>) -> TickStyle {
    let (lo, hi) = if axis.log {
        (r.start, r.end)
    } else {
        let m = r.start.abs().max(r.end.abs());
        (m.log10(), m.log10())
    };
    if hi >= 6.0 || (axis.log && lo < -3.0) || (!axis.log && hi < -2.0) {
        TickStyle::Powers
    } else {
        TickStyle::Plain
    }
}

pub fn tick(axis: &Axis, style: TickStyle, v: f64) -> String {
    if !axis.categories.is_empty() {
        return axis.category(v).unwrap_or_default().to_string();
    }
    let value = axis.from_plot(v);
    if axis.integer && (value - value.round()).abs() > 1e-9 * value.abs().max(1.0) {
        return String::new();
    }
    match style {
        TickStyle::Powers => format::powers(value, 3),
        // Whole thousands grouped on every tick alike (9,500 beside 10,000).
        TickStyle::Plain if value.abs() >= 1000.0 && value.fract() == 0.0 => format::grouped(value as i64),
        TickStyle::Plain => format::readable(value, 4),
    }
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
}
