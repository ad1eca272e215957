//! What every drawing function of a figure shares: the chart context, colours and
//! device pixels.

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

use super::figure::Rgb;

/// The chart context of a figure: linear plot coordinates on both axes, ticked where
/// [`super::ticks::key_points`] says.
pub type Plot<'a, DB> = ChartContext<'a, DB, Cartesian2d<Axis1, Axis1>>;

/// One axis of [`Plot`]: a linear range whose ticks (labelled and grid-only) are given.
pub struct Axis1 {
    inner: RangedCoordf64,
    bold: Vec<f64>,
    light: Vec<f64>,
}

impl Axis1 {
    pub fn new(range: std::ops::Range<f64>, (bold, light): (Vec<f64>, Vec<f64>)) -> Self {
        Self {
            inner: range.into(),
            bold,
            light,
        }
    }
}

impl Ranged for Axis1 {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.inner.map(value, limit)
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            self.light.clone()
        } else {
            self.bold.clone()
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.inner.range()
    }
}

pub fn color(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// Backend pixels of `v` CSS pixels.
pub fn px(s: f64, v: f64) -> u32 {
    (v * s).round() as u32
}
