//! Draws a [`Figure`] on any plotters backend (canvas, SVG, bitmap).

use std::ops::Range;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::figure::{Axis, Figure, Legend, Rgb, Series};
use crate::format;

/// Sizes that scale with the device: `scale` backend pixels per CSS pixel.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DrawStyle {
    /// Backend pixels per CSS pixel (the device pixel ratio on a canvas).
    pub scale: f64,
}

impl Default for DrawStyle {
    fn default() -> Self {
        Self { scale: 1.0 }
    }
}

/// Where the plot area landed, to map pointer positions back to data.
#[derive(Clone, Debug, PartialEq)]
pub struct PlotGeometry {
    /// Plot area, horizontal, in backend pixels.
    pub px_x: Range<i32>,
    /// Plot area, vertical, in backend pixels.
    pub px_y: Range<i32>,
    /// Horizontal range in plot coordinates.
    pub x: Range<f64>,
}

impl PlotGeometry {
    /// The plot x coordinate under backend pixel `px`, if inside the plot area.
    pub fn x_at(&self, px: f64) -> Option<f64> {
        let (a, b) = (self.px_x.start as f64, self.px_x.end as f64);
        if px < a || px > b || b <= a {
            return None;
        }
        Some(self.x.start + (px - a) / (b - a) * (self.x.end - self.x.start))
    }

    /// The backend pixel of plot x coordinate `x`.
    pub fn px_of(&self, x: f64) -> f64 {
        let (a, b) = (self.px_x.start as f64, self.px_x.end as f64);
        a + (x - self.x.start) / (self.x.end - self.x.start) * (b - a)
    }
}

/// A drawing failure, with the backend's message.
#[derive(Clone, Debug, PartialEq)]
pub struct DrawError(pub String);

impl std::fmt::Display for DrawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "could not draw the chart: {}", self.0)
    }
}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for DrawError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        DrawError(e.to_string())
    }
}

fn color(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn tick(axis: &Axis, v: f64) -> String {
    if axis.log {
        format::log_tick(v)
    } else {
        format::sig(v, 3)
    }
}

/// Draws `fig` filling `root`; returns where the plot area is.
pub fn draw_figure<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    fig: &Figure,
    style: &DrawStyle,
) -> Result<PlotGeometry, DrawError> {
    let s = style.scale;
    let px = |v: f64| (v * s).round() as u32;
    root.fill(&WHITE)?;
    let (xr, yr) = fig.bounds();
    let mut chart = ChartBuilder::on(root)
        .margin(px(10.0))
        // Room for the last x tick label, centred on the right edge.
        .margin_right(px(24.0))
        .caption(&fig.title, ("sans-serif", 15.0 * s).into_font().color(&BLACK))
        .x_label_area_size(px(46.0))
        .y_label_area_size(px(68.0))
        .build_cartesian_2d(xr.clone(), yr.clone())?;
    let (x_axis, y_axis) = (&fig.x, &fig.y);
    let x_fmt = |v: &f64| tick(x_axis, *v);
    let y_fmt = |v: &f64| tick(y_axis, *v);
    chart
        .configure_mesh()
        .x_desc(fig.x.title())
        .y_desc(fig.y.title())
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .x_labels(10)
        .y_labels(8)
        .label_style(("sans-serif", 12.0 * s).into_font().color(&RGBColor(40, 40, 40)))
        .axis_desc_style(("sans-serif", 13.0 * s).into_font().color(&BLACK))
        .bold_line_style(BLACK.mix(0.10))
        .light_line_style(BLACK.mix(0.03))
        .axis_style(BLACK.mix(0.6))
        .draw()?;

    let to_xy = |&(x, y): &(f64, f64)| Some((fig.x.to_plot(x)?, fig.y.to_plot(y)?));
    let line_w = px(2.0).max(1);
    let mut labelled = false;
    for series in &fig.series {
        let name = series.name().to_string();
        let anno = match series {
            Series::Band {
                color: c,
                points,
                opacity,
                ..
            } => {
                let band = band_polygon(fig, points);
                let fill = color(*c).mix(*opacity).filled();
                let anno = chart.draw_series(std::iter::once(Polygon::new(band, fill)))?;
                let legend = move |(x, y): (i32, i32)| {
                    let h = px(5.0) as i32;
                    Rectangle::new([(x, y - h), (x + px(20.0) as i32, y + h)], fill)
                };
                anno.legend(legend)
            }
            Series::Line {
                color: c,
                points,
                dashed,
                ..
            } => {
                let pts: Vec<(f64, f64)> = points.iter().filter_map(to_xy).collect();
                let st = color(*c).stroke_width(line_w);
                let anno = if *dashed {
                    chart.draw_series(DashedLineSeries::new(pts, px(7.0), px(5.0), st))?
                } else {
                    chart.draw_series(LineSeries::new(pts, st))?
                };
                anno.legend(move |(x, y)| PathElement::new(vec![(x, y), (x + px(20.0) as i32, y)], st))
            }
            Series::Points { color: c, points, .. } => {
                let st = color(*c).stroke_width(px(1.5).max(1));
                let fill = color(*c).filled();
                let r = px(3.5).max(2);
                let valid: Vec<_> = points
                    .iter()
                    .filter_map(|&(x, y, lo, hi)| {
                        let (x, y) = (fig.x.to_plot(x)?, fig.y.to_plot(y)?);
                        let lo = fig.y.to_plot(lo).unwrap_or(yr.start).max(yr.start);
                        Some((x, y, lo, fig.y.to_plot(hi).unwrap_or(y)))
                    })
                    .collect();
                chart.draw_series(
                    valid
                        .iter()
                        .map(|&(x, _, lo, hi)| PathElement::new(vec![(x, lo), (x, hi)], st)),
                )?;
                let anno = chart.draw_series(valid.iter().map(|&(x, y, _, _)| Circle::new((x, y), r, fill)))?;
                anno.legend(move |(x, y)| Circle::new((x + 10, y), r, fill))
            }
            Series::Bars { color: c, bars, .. } => {
                let fill = color(*c).mix(0.75).filled();
                let base = if fig.y.log { yr.start } else { 0.0 };
                let rects: Vec<_> = bars
                    .iter()
                    .filter_map(|&(x0, x1, h)| {
                        Some([(fig.x.to_plot(x0)?, base), (fig.x.to_plot(x1)?, fig.y.to_plot(h)?)])
                    })
                    .collect();
                let anno = chart.draw_series(rects.into_iter().map(|r| Rectangle::new(r, fill)))?;
                let h = px(5.0) as i32;
                anno.legend(move |(x, y)| Rectangle::new([(x, y - h), (x + px(20.0) as i32, y + h)], fill))
            }
            Series::Marker { color: c, x, .. } => {
                let Some(mx) = fig.x.to_plot(*x) else {
                    continue;
                };
                let st = color(*c).stroke_width(px(1.5).max(1));
                let pts = vec![(mx, yr.start), (mx, yr.end)];
                let anno = chart.draw_series(DashedLineSeries::new(pts, px(4.0), px(4.0), st))?;
                anno.legend(move |(x, y)| PathElement::new(vec![(x + 10, y - 6), (x + 10, y + 6)], st))
            }
        };
        if !name.is_empty() {
            anno.label(name);
            labelled = true;
        }
    }
    if labelled {
        chart
            .configure_series_labels()
            .position(legend_position(fig.legend_corner()))
            .margin(px(8.0))
            .legend_area_size(px(26.0))
            .label_font(("sans-serif", 12.0 * s).into_font().color(&BLACK))
            .background_style(WHITE.mix(0.88))
            .border_style(BLACK.mix(0.25))
            .draw()?;
    }
    root.present()?;
    let (px_x, px_y) = chart.plotting_area().get_pixel_range();
    Ok(PlotGeometry { px_x, px_y, x: xr })
}

fn legend_position(l: Legend) -> SeriesLabelPosition {
    match l {
        Legend::UpperRight => SeriesLabelPosition::UpperRight,
        Legend::UpperLeft => SeriesLabelPosition::UpperLeft,
        Legend::LowerLeft => SeriesLabelPosition::LowerLeft,
        Legend::LowerRight | Legend::Auto => SeriesLabelPosition::LowerRight,
    }
}

/// The band's outline: upper edge left to right, then lower edge right to left.
fn band_polygon(fig: &Figure, points: &[(f64, f64, f64)]) -> Vec<(f64, f64)> {
    let pts: Vec<(f64, f64, f64)> = points
        .iter()
        .filter_map(|&(x, lo, hi)| Some((fig.x.to_plot(x)?, fig.y.to_plot(lo)?, fig.y.to_plot(hi)?)))
        .collect();
    let upper = pts.iter().map(|&(x, _, hi)| (x, hi));
    let lower = pts.iter().rev().map(|&(x, lo, _)| (x, lo));
    upper.chain(lower).collect()
}
