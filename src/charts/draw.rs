//! Draws a [`Figure`] on any plotters backend (canvas, SVG, bitmap).

use std::ops::Range;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::figure::{Figure, Series};
use super::geometry::band_polygon;
pub use super::geometry::{AxisReport, DrawError, DrawStyle, PlotGeometry};
use super::legend_box::LegendBox;
use super::markers::{draw_label, draw_points};
use super::plot::{color, px, Axis1, Plot};
use super::ticks::{caption_size, key_points, tick, tick_style, upright_categories, x_label_count, TickStyle};

/// Draws `fig` filling `root`; returns where the plot area is.
pub fn draw_figure<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    fig: &Figure,
    style: &DrawStyle,
) -> Result<PlotGeometry, DrawError> {
    let s = style.scale;
    root.fill(&WHITE)?;
    let (xr, yr) = fig.bounds();
    let legend = LegendBox::plan(root, fig, s);
    let (extra_right, extra_bottom) = legend.as_ref().map_or((0, 0), LegendBox::margins);
    let upright = upright_categories(&fig.x, root.dim_in_pixel().0 - extra_right, s);
    let (width, height) = root.dim_in_pixel();
    let x_room = upright.map_or(px(s, 46.0), |h| h.round() as u32);
    // The ticks: about one a 75 CSS px of plot across, one a 40 px up.
    let plot_w = width.saturating_sub(px(s, 10.0 + 24.0 + 68.0) + extra_right);
    let plot_h = height.saturating_sub(px(s, 20.0 + 32.0 + 10.0) + x_room + extra_bottom);
    let x_max = if fig.x.categories.is_empty() {
        x_label_count(plot_w, s)
    } else {
        fig.x.categories.len() + 1
    };
    let y_max = ((plot_h as f64 / s / 40.0) as usize).clamp(3, 8);
    let (xk, xl) = key_points(&fig.x, &xr, x_max);
    let (yk, yl) = key_points(&fig.y, &yr, y_max);
    let styles = (tick_style(&fig.x, &xr, &xk), tick_style(&fig.y, &yr, &yk));
    let axes = reports(fig, (&xr, &yr), (&xk, &yk), styles);
    let mut chart = ChartBuilder::on(root)
        .margin(px(s, 10.0))
        // Room for the last x tick label, centred on the right edge.
        .margin_right(px(s, 24.0) + extra_right)
        .margin_bottom(px(s, 10.0) + extra_bottom)
        .caption(
            &fig.title,
            ("sans-serif", caption_size(width, &fig.title, s))
                .into_font()
                .color(&BLACK),
        )
        .x_label_area_size(x_room)
        .y_label_area_size(px(s, 68.0))
        .build_cartesian_2d(Axis1::new(xr.clone(), (xk, xl)), Axis1::new(yr.clone(), (yk, yl)))?;
    draw_mesh(&mut chart, fig, upright.is_some(), styles, s)?;
    if upright.is_some() {
        upright_names(root, &chart, fig, s)?;
    }
    let (mut points, mut taken) = (0, Vec::new());
    for series in &fig.series {
        draw_series(&mut chart, fig, (series, points), (s, &yr), &mut taken)?;
        points += matches!(series, Series::Points { .. }) as usize;
    }
    let plot = chart.plotting_area().get_pixel_range();
    if let Some(legend) = legend {
        legend.draw(root, plot.clone())?;
    }
    root.present()?;
    Ok(PlotGeometry {
        px_x: plot.0,
        px_y: plot.1,
        x: xr,
        axes,
    })
}

/// What each axis shows: its range, the data's span, its limits and its labels.
fn reports(
    fig: &Figure,
    (xr, yr): (&Range<f64>, &Range<f64>),
    (xk, yk): (&[f64], &[f64]),
    (xs, ys): (TickStyle, TickStyle),
) -> [AxisReport; 2] {
    let [xd, yd] = fig.data_spans();
    let report = |a: &super::figure::Axis, r: &Range<f64>, k: &[f64], st, data: Option<(f64, f64)>| AxisReport {
        log: a.log,
        from: a.from_plot(r.start),
        to: a.from_plot(r.end),
        data: data.filter(|_| a.categories.is_empty()),
        limits: a.limits,
        labels: k.iter().map(|&v| tick(a, st, v)).filter(|l| !l.is_empty()).collect(),
    };
    [report(&fig.x, xr, xk, xs, xd), report(&fig.y, yr, yk, ys, yd)]
}

/// The grid, ticks and axis titles (category names upright when they do not fit side
/// by side).
fn draw_mesh<'a, DB: DrawingBackend + 'a>(
    chart: &mut Plot<'a, DB>,
    fig: &Figure,
    upright: bool,
    (xs, ys): (TickStyle, TickStyle),
    s: f64,
) -> Result<(), DrawError> {
    let (x_axis, y_axis) = (&fig.x, &fig.y);
    // Upright category names are drawn by `upright_names`; the mesh keeps their ticks.
    let x_fmt = |v: &f64| if upright { String::new() } else { tick(x_axis, xs, *v) };
    let y_fmt = |v: &f64| tick(y_axis, ys, *v);
    chart
        .configure_mesh()
        .x_desc(fig.x.title())
        .y_desc(fig.y.title())
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .label_style(("sans-serif", 12.0 * s).into_font().color(&RGBColor(40, 40, 40)))
        .axis_desc_style(("sans-serif", 13.0 * s).into_font().color(&BLACK))
        .bold_line_style(BLACK.mix(0.10))
        .light_line_style(BLACK.mix(0.03))
        .axis_style(BLACK.mix(0.6))
        .draw()?;
    Ok(())
}

/// Category names written upright, each ending just below its tick (plotters centres
/// a rotated label on its tick, which would run into the plot).
fn upright_names<'a, DB: DrawingBackend + 'a>(
    root: &DrawingArea<DB, Shift>,
    chart: &Plot<'a, DB>,
    fig: &Figure,
    s: f64,
) -> Result<(), DrawError> {
    let (_, ys) = chart.plotting_area().get_pixel_range();
    let font = ("sans-serif", 12.0 * s).into_font().color(&RGBColor(40, 40, 40));
    let style = font
        .transform(FontTransform::Rotate270)
        .pos(Pos::new(HPos::Right, VPos::Center));
    for (i, name) in fig.x.categories.iter().enumerate() {
        let (x, _) = chart.backend_coord(&(i as f64, 0.0));
        root.draw_text(name, &style, (x, ys.end + px(s, 7.0) as i32))?;
    }
    Ok(())
}

/// One series (its legend entry is [`LegendBox`]'s).
fn draw_series<'a, DB: DrawingBackend + 'a>(
    chart: &mut Plot<'a, DB>,
    fig: &Figure,
    (series, k): (&Series, usize),
    (s, yr): (f64, &Range<f64>),
    taken: &mut Vec<(i32, i32)>,
) -> Result<(), DrawError> {
    match series {
        Series::Band {
            color: c,
            points,
            opacity,
            ..
        } => draw_band(chart, fig, color(*c).mix(*opacity).filled(), points),
        Series::Line {
            color: c,
            points,
            dashed,
            ..
        } => draw_line(chart, fig, color(*c), points, *dashed, s),
        Series::Points { color: c, points, .. } => draw_points(chart, fig, (color(*c), k), points, (s, yr), taken),
        Series::Bars { color: c, bars, .. } => draw_bars(chart, fig, color(*c), bars, yr),
        Series::Stack { color: c, bars, .. } => draw_rects(chart, fig, color(*c).mix(0.85).filled(), bars),
        Series::Label { text, color: c, at } => draw_label(chart, fig, (text, color(*c)), *at, s),
        Series::Marker { color: c, x, .. } => match fig.x.to_plot(*x) {
            Some(mx) => draw_marker(chart, color(*c), mx, s, yr),
            None => Ok(()),
        },
    }
}

fn draw_band<'a, DB: DrawingBackend + 'a>(
    chart: &mut Plot<'a, DB>,
    fig: &Figure,
    fill: ShapeStyle,
    points: &[(f64, f64, f64)],
) -> Result<(), DrawError> {
    let band = band_polygon(fig, points);
    chart.draw_series(std::iter::once(Polygon::new(band, fill)))?;
    Ok(())
}

fn draw_line<'a, DB: DrawingBackend + 'a>(
    chart: &mut Plot<'a, DB>,
    fig: &Figure,
    c: RGBColor,
    points: &[(f64, f64)],
    dashed: bool,
    s: f64,
) -> Result<(), DrawError> {
    let pts: Vec<(f64, f64)> = points
        .iter()
        .filter_map(|&(x, y)| Some((fig.x.to_plot(x)?, fig.y.to_plot(y)?)))
        .collect();
    let st = c.stroke_width(px(s, 2.0).max(1));
    if dashed {
        chart.draw_series(DashedLineSeries::new(pts, px(s, 7.0), px(s, 5.0), st))?;
    } else {
        chart.draw_series(LineSeries::new(pts, st))?;
    }
    Ok(())
}

fn draw_bars<'a, DB: DrawingBackend + 'a>(
    chart: &mut Plot<'a, DB>,
    fig: &Figure,
    c: RGBColor,
    bars: &[(f64, f64, f64)],
    yr: &Range<f64>,
) -> Result<(), DrawError> {
    // From the axis (its bottom on a log scale) up to each height: a stack from there.
    let base = if fig.y.log { fig.y.from_plot(yr.start) } else { 0.0 };
    let stack: Vec<_> = bars.iter().map(|&(x0, x1, h)| (x0, x1, base, h)).collect();
    draw_rects(chart, fig, c.mix(0.75).filled(), &stack)
}

/// Rectangles `(x0, x1, lo, hi)` in data units.
fn draw_rects<'a, DB: DrawingBackend + 'a>(
    chart: &mut Plot<'a, DB>,
    fig: &Figure,
    fill: ShapeStyle,
    bars: &[(f64, f64, f64, f64)],
) -> Result<(), DrawError> {
    let rects: Vec<_> = bars
        .iter()
        .filter_map(|&(x0, x1, lo, hi)| {
            let (x0, x1) = (fig.x.to_plot(x0)?, fig.x.to_plot(x1)?);
            Some([(x0, fig.y.to_plot(lo)?), (x1, fig.y.to_plot(hi)?)])
        })
        .collect();
    chart.draw_series(rects.into_iter().map(|r| Rectangle::new(r, fill)))?;
    Ok(())
}

fn draw_marker<'a, DB: DrawingBackend + 'a>(
    chart: &mut Plot<'a, DB>,
    c: RGBColor,
    mx: f64,
    s: f64,
    yr: &Range<f64>,
) -> Result<(), DrawError> {
    let st = c.stroke_width(px(s, 1.5).max(1));
    let pts = vec![(mx, yr.start), (mx, yr.end)];
    chart.draw_series(DashedLineSeries::new(pts, px(s, 4.0), px(s, 4.0), st))?;
    Ok(())
}
