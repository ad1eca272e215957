//! Point series: a marker at each point with its range as a whisker. In a chart with
//! several point series each has its own marker shape (circle, square, triangle,
//! diamond, in order), so they read apart without colour. Direct labels name what lies
//! under them.

use std::ops::Range;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::figure::Figure;
use super::geometry::DrawError;
use super::plot::{px, Plot};

/// Marker shapes, in the order point series take them.
const SHAPES: usize = 4;

/// Draws point series number `k` of its figure (its marker shape is `k` mod 4). A marker
/// that would fall on one already drawn (`taken`, backend pixels) is moved aside by a
/// marker's width, its whisker with it, so coincident points of two series both show.
pub fn draw_points<'a, DB: DrawingBackend + 'a>(
    chart: &mut Plot<'a, DB>,
    fig: &Figure,
    (c, k): (RGBColor, usize),
    points: &[(f64, f64, f64, f64)],
    (s, yr): (f64, &Range<f64>),
    taken: &mut Vec<(i32, i32)>,
) -> Result<(), DrawError> {
    let st = c.stroke_width(px(s, 1.5).max(1));
    let r = marker_radius(s);
    let mut shapes = Vec::new();
    for &(x, y, lo, hi) in points {
        let (Some(x), Some(y)) = (fig.x.to_plot(x), fig.y.to_plot(y)) else {
            continue;
        };
        let lo = fig.y.to_plot(lo).unwrap_or(yr.start).max(yr.start);
        let hi = fig.y.to_plot(hi).unwrap_or(y);
        let at = chart.backend_coord(&(x, y));
        let dx = dodge(at, taken, r);
        taken.push((at.0 + dx, at.1));
        let (ylo, yhi) = (
            chart.backend_coord(&(x, lo)).1 - at.1,
            chart.backend_coord(&(x, hi)).1 - at.1,
        );
        shapes.push(
            EmptyElement::at((x, y))
                + PathElement::new(vec![(dx, ylo), (dx, yhi)], st)
                + marker(k % SHAPES, (dx, 0), r, c.filled()),
        );
    }
    chart.draw_series(shapes)?;
    Ok(())
}

/// The radius of a point marker, in backend pixels.
pub fn marker_radius(s: f64) -> i32 {
    px(s, 3.5).max(2) as i32
}

/// The horizontal shift (backend pixels) that keeps a marker at `at` clear of those
/// already `taken`: 0 when none is within a marker's width, else one or more widths.
fn dodge(at: (i32, i32), taken: &[(i32, i32)], r: i32) -> i32 {
    let clear = |dx: i32| {
        taken
            .iter()
            .all(|&(x, y)| (x - at.0 - dx).abs() > r || (y - at.1).abs() > r)
    };
    (0..8)
        .map(|i| {
            if i % 2 == 0 {
                i / 2 * 2 * r + i / 2
            } else {
                -((i + 1) / 2 * 2 * r) - i / 2
            }
        })
        .find(|&dx| clear(dx))
        .unwrap_or(0)
}

/// Marker `shape` (0 circle, 1 square, 2 triangle, 3 diamond) of radius `r` centred at
/// `at`, relative to its element's anchor (backend pixels): shapes of about the
/// circle's area, so that series read apart without colour.
pub fn marker<DB: DrawingBackend>(
    shape: usize,
    at: (i32, i32),
    r: i32,
    fill: ShapeStyle,
) -> DynElement<'static, DB, (i32, i32)> {
    let (q, t) = (r * 7 / 8, r + r / 3);
    let corners = match shape {
        1 => vec![(-q, -q), (q, -q), (q, q), (-q, q)],
        2 => vec![(0, -t), (t, t * 3 / 4), (-t, t * 3 / 4)],
        _ => vec![(0, -t), (t, 0), (0, t), (-t, 0)],
    };
    let moved: Vec<_> = corners.into_iter().map(|(x, y)| (x + at.0, y + at.1)).collect();
    if shape == 0 {
        Circle::new(at, r, fill).into_dyn()
    } else {
        Polygon::new(moved, fill).into_dyn()
    }
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
