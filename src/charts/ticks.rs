//! Tick labels: one style an axis, whole numbers only on a count axis.

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
        TickStyle::Plain => format::readable(value, 4),
    }
}
