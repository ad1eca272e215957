//! What every drawing function of a figure shares: the chart context, colours, device
//! pixels and legend labels.

use plotters::chart::SeriesAnno;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

use super::figure::Rgb;

/// The chart context of a figure: linear plot coordinates on both axes.
pub type Plot<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

pub fn color(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// Backend pixels of `v` CSS pixels.
pub fn px(s: f64, v: f64) -> u32 {
    (v * s).round() as u32
}

/// Names a drawn series in the legend (an unnamed one stays out of it).
pub fn label<'a, DB: DrawingBackend + 'a>(anno: &mut SeriesAnno<'a, DB>, name: &str) {
    if !name.is_empty() {
        anno.label(name);
    }
}
