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

/// As many x tick labels as fit, about one per 75 CSS px (at most 10).
pub fn x_label_count(plot_px: u32, s: f64) -> usize {
    ((plot_px as f64 / s / 75.0) as usize).clamp(3, 10)
}
