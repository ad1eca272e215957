//! Point series: a marker at each point with its range as a whisker. In a chart with
//! several point series each has its own marker shape (circle, square, triangle,
//! diamond, in order), so they read apart without colour. Direct labels name what lies
//! under them.

use std::ops::Range;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::figure::Figure;
use super::geometry::DrawError;
use super::plot::{label, px, Plot};

/// Marker shapes, in the order point series take them.
const SHAPES: usize = 4;

/// Draws point series number `k` of its figure (its marker shape is `k` mod 4).
pub fn draw_points<'a, DB: DrawingBackend + 'a>(
    chart: &mut Plot<'a, DB>,
    fig: &Figure,
    (name, c, k): (&str, RGBColor, usize),
    points: &[(f64, f64, f64, f64)],
    s: f64,
    yr: &Range<f64>,
) -> Result<(), DrawError> {
    let st = c.stroke_width(px(s, 1.5).max(1));
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
    let at: Vec<(f64, f64)> = valid.iter().map(|&(x, y, _, _)| (x, y)).collect();
    draw_markers(chart, &at, (name, c.filled(), k % SHAPES), px(s, 3.5).max(2) as i32)
}

/// The corners of marker `shape` (1 square, 2 triangle, 3 diamond) of radius `r`, about
/// the point, in backend pixels: polygons of about the circle's area.
fn corners(shape: usize, r: i32) -> Vec<(i32, i32)> {
    let (q, t) = (r * 7 / 8, r + r / 3);
    match shape {
        1 => vec![(-q, -q), (q, -q), (q, q), (-q, q)],
        2 => vec![(0, -t), (t, t * 3 / 4), (-t, t * 3 / 4)],
        _ => vec![(0, -t), (t, 0), (0, t), (-t, 0)],
    }
}

/// A marker of `shape` (0 circle, else [`corners`]) and radius `r` at each point, and
/// the same marker as its legend swatch.
fn draw_markers<'a, DB: DrawingBackend + 'a>(
    chart: &mut Plot<'a, DB>,
    at: &[(f64, f64)],
    (name, fill, shape): (&str, ShapeStyle, usize),
    r: i32,
) -> Result<(), DrawError> {
    let key = |(x, y): (i32, i32)| (x + 10, y);
    let anno = if shape == 0 {
        chart
            .draw_series(at.iter().map(|&p| Circle::new(p, r, fill)))?
            .legend(move |p| Circle::new(key(p), r, fill))
    } else {
        let c = corners(shape, r);
        let swatch = c.clone();
        chart
            .draw_series(at.iter().map(|&p| EmptyElement::at(p) + Polygon::new(c.clone(), fill)))?
            .legend(move |p| EmptyElement::at(key(p)) + Polygon::new(swatch.clone(), fill))
    };
    label(anno, name);
    Ok(())
}

/// A direct label, right-aligned at `at` (data units), vertically centred.
pub fn draw_label<'a, DB: DrawingBackend + 'a>(
    chart: &mut Plot<'a, DB>,
    fig: &Figure,
    (text, c): (&str, RGBColor),
    at: (f64, f64),
    s: f64,
) -> Result<(), DrawError> {
    let (Some(x), Some(y)) = (fig.x.to_plot(at.0), fig.y.to_plot(at.1)) else {
        return Ok(());
    };
    let pos = Pos::new(HPos::Right, VPos::Center);
    let font = ("sans-serif", 12.0 * s).into_font().color(&c).pos(pos);
    chart.draw_series(std::iter::once(Text::new(text.to_string(), (x, y), font)))?;
    Ok(())
}
