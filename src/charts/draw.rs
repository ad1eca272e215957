//! Draws a [`Figure`] on any plotters backend (canvas, SVG, bitmap).

use std::ops::Range;

use plotters::chart::SeriesAnno;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::figure::{Figure, Legend, Series};
use super::geometry::band_polygon;
pub use super::geometry::{DrawError, DrawStyle, PlotGeometry};
use super::markers::{draw_label, draw_points};
use super::plot::{color, label, px, Plot};
use super::ticks::{caption_size, tick, tick_style, upright_categories, x_label_count};

/// Draws `fig` filling `root`; returns where the plot area is.
pub fn draw_figure<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    fig: &Figure,
    style: &DrawStyle,
) -> Result<PlotGeometry, DrawError> {
    let s = style.scale;
    root.fill(&WHITE)?;
    let (xr, yr) = fig.bounds();
    let labelled = fig.series.iter().any(|series| !series.name().is_empty());
    let (corner, room) = if labelled {
        let (w, h) = fig.legend_share(root.dim_in_pixel(), s);
        fig.legend_room(w, h)
    } else {
        (fig.legend, 0.0)
    };
    // Room above the data for a legend that would otherwise cover some of it.
    let yr = yr.start..yr.end + (yr.end - yr.start) * room / (1.0 - room);
    let upright = upright_categories(&fig.x, root.dim_in_pixel().0, s);
    let mut chart = ChartBuilder::on(root)
        .margin(px(s, 10.0))
        // Room for the last x tick label, centred on the right edge.
        .margin_right(px(s, 24.0))
        .caption(
            &fig.title,
            ("sans-serif", caption_size(root.dim_in_pixel().0, &fig.title, s))
                .into_font()
                .color(&BLACK),
        )
        .x_label_area_size(upright.map_or(px(s, 46.0), |h| h.round() as u32))
        .y_label_area_size(px(s, 68.0))
        .build_cartesian_2d(xr.clone(), yr.clone())?;
    draw_mesh(&mut chart, fig, (s, upright.is_some()), (&xr, &yr))?;
    if upright.is_some() {
        upright_names(root, &chart, fig, s)?;
    }
    let mut points = 0;
    for series in &fig.series {
        draw_series(&mut chart, fig, (series, points), s, &yr)?;
        points += matches!(series, Series::Points { .. }) as usize;
    }
    if labelled {
        draw_legend(&mut chart, corner, s)?;
    }
    root.present()?;
    let (px_x, px_y) = chart.plotting_area().get_pixel_range();
    Ok(PlotGeometry { px_x, px_y, x: xr })
}

/// The grid, ticks and axis titles (category names upright when they do not fit side
/// by side).
fn draw_mesh<'a, DB: DrawingBackend + 'a>(
    chart: &mut Plot<'a, DB>,
    fig: &Figure,
    (s, upright): (f64, bool),
    (xr, yr): (&Range<f64>, &Range<f64>),
) -> Result<(), DrawError> {
    let (x_axis, y_axis) = (&fig.x, &fig.y);
    let (xs, ys) = (tick_style(x_axis, xr), tick_style(y_axis, yr));
    // Upright category names are drawn by `upright_names`; the mesh keeps their ticks.
    let x_fmt = |v: &f64| if upright { String::new() } else { tick(x_axis, xs, *v) };
    let y_fmt = |v: &f64| tick(y_axis, ys, *v);
    // A categorical axis names every category (ticks one apart), however narrow.
    let fit = x_label_count(chart.plotting_area().dim_in_pixel().0, s);
    let x_count = if fig.x.categories.is_empty() {
        fit
    } else {
        fit.max(fig.x.categories.len() + 1)
    };
    chart
        .configure_mesh()
        .x_desc(fig.x.title())
        .y_desc(fig.y.title())
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .x_labels(x_count)
        .y_labels(8)
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

/// The legend box of the named series.
fn draw_legend<'a, DB: DrawingBackend + 'a>(chart: &mut Plot<'a, DB>, corner: Legend, s: f64) -> Result<(), DrawError> {
    chart
        .configure_series_labels()
        .position(legend_position(corner))
        .margin(px(s, 8.0))
        .legend_area_size(px(s, 26.0))
        .label_font(("sans-serif", 12.0 * s).into_font().color(&BLACK))
        .background_style(WHITE.mix(0.88))
        .border_style(BLACK.mix(0.25))
        .draw()?;
    Ok(())
}

/// One series, with its legend entry when it has a name.
fn draw_series<'a, DB: DrawingBackend + 'a>(
    chart: &mut Plot<'a, DB>,
    fig: &Figure,
    (series, k): (&Series, usize),
    s: f64,
    yr: &Range<f64>,
) -> Result<(), DrawError> {
    let name = series.name();
    match series {
        Series::Band {
            color: c,
            points,
            opacity,
            ..
        } => draw_band(chart, fig, name, color(*c).mix(*opacity).filled(), points, s),
        Series::Line {
            color: c,
            points,
            dashed,
            ..
        } => draw_line(chart, fig, (name, color(*c)), points, *dashed, s),
        Series::Points { color: c, points, .. } => draw_points(chart, fig, (name, color(*c), k), points, s, yr),
        Series::Bars { color: c, bars, .. } => draw_bars(chart, fig, (name, color(*c)), bars, s, yr),
        Series::Stack { color: c, bars, .. } => draw_stack(chart, fig, (name, color(*c)), bars, s),
        Series::Label { text, color: c, at } => draw_label(chart, fig, (text, color(*c)), *at, s),
        Series::Marker { color: c, x, .. } => match fig.x.to_plot(*x) {
            Some(mx) => draw_marker(chart, (name, color(*c)), mx, s, yr),
            None => Ok(()),
        },
    }
}

fn draw_band<'a, DB: DrawingBackend + 'a>(
    chart: &mut Plot<'a, DB>,
    fig: &Figure,
    name: &str,
    fill: ShapeStyle,
    points: &[(f64, f64, f64)],
    s: f64,
) -> Result<(), DrawError> {
    let band = band_polygon(fig, points);
    let anno = chart.draw_series(std::iter::once(Polygon::new(band, fill)))?;
    swatch(anno, name, fill, s);
    Ok(())
}

fn draw_line<'a, DB: DrawingBackend + 'a>(
    chart: &mut Plot<'a, DB>,
    fig: &Figure,
    (name, c): (&str, RGBColor),
    points: &[(f64, f64)],
    dashed: bool,
    s: f64,
) -> Result<(), DrawError> {
    let pts: Vec<(f64, f64)> = points
        .iter()
        .filter_map(|&(x, y)| Some((fig.x.to_plot(x)?, fig.y.to_plot(y)?)))
        .collect();
    let st = c.stroke_width(px(s, 2.0).max(1));
    let anno = if dashed {
        chart.draw_series(DashedLineSeries::new(pts, px(s, 7.0), px(s, 5.0), st))?
    } else {
        chart.draw_series(LineSeries::new(pts, st))?
    };
    let (w, d) = (px(s, 20.0) as i32, px(s, 7.0) as i32);
    // A dashed line's swatch is dashed too: two dashes and a gap, as drawn.
    let (end, start) = if dashed { (d, w - d) } else { (w / 2 + 1, w / 2) };
    anno.legend(move |(x, y)| {
        EmptyElement::at((x, y))
            + PathElement::new(vec![(0, 0), (end, 0)], st)
            + PathElement::new(vec![(start, 0), (w, 0)], st)
    });
    label(anno, name);
    Ok(())
}

fn draw_bars<'a, DB: DrawingBackend + 'a>(
    chart: &mut Plot<'a, DB>,
    fig: &Figure,
    (name, c): (&str, RGBColor),
    bars: &[(f64, f64, f64)],
    s: f64,
    yr: &Range<f64>,
) -> Result<(), DrawError> {
    // From the axis (its bottom on a log scale) up to each height: a stack from there.
    let base = if fig.y.log { fig.y.from_plot(yr.start) } else { 0.0 };
    let stack: Vec<_> = bars.iter().map(|&(x0, x1, h)| (x0, x1, base, h)).collect();
    draw_rects(chart, fig, name, c.mix(0.75).filled(), &stack, s)
}

fn draw_stack<'a, DB: DrawingBackend + 'a>(
    chart: &mut Plot<'a, DB>,
    fig: &Figure,
    (name, c): (&str, RGBColor),
    bars: &[(f64, f64, f64, f64)],
    s: f64,
) -> Result<(), DrawError> {
    draw_rects(chart, fig, name, c.mix(0.85).filled(), bars, s)
}

/// Rectangles `(x0, x1, lo, hi)` in data units, with a filled legend swatch.
fn draw_rects<'a, DB: DrawingBackend + 'a>(
    chart: &mut Plot<'a, DB>,
    fig: &Figure,
    name: &str,
    fill: ShapeStyle,
    bars: &[(f64, f64, f64, f64)],
    s: f64,
) -> Result<(), DrawError> {
    let rects: Vec<_> = bars
        .iter()
        .filter_map(|&(x0, x1, lo, hi)| {
            let (x0, x1) = (fig.x.to_plot(x0)?, fig.x.to_plot(x1)?);
            Some([(x0, fig.y.to_plot(lo)?), (x1, fig.y.to_plot(hi)?)])
        })
        .collect();
    let anno = chart.draw_series(rects.into_iter().map(|r| Rectangle::new(r, fill)))?;
    swatch(anno, name, fill, s);
    Ok(())
}

/// A filled rectangle as the series' legend swatch, and its name.
fn swatch<'a, DB: DrawingBackend + 'a>(anno: &mut SeriesAnno<'a, DB>, name: &str, fill: ShapeStyle, s: f64) {
    let (h, w) = (px(s, 5.0) as i32, px(s, 20.0) as i32);
    anno.legend(move |(x, y)| Rectangle::new([(x, y - h), (x + w, y + h)], fill));
    label(anno, name);
}

fn draw_marker<'a, DB: DrawingBackend + 'a>(
    chart: &mut Plot<'a, DB>,
    (name, c): (&str, RGBColor),
    mx: f64,
    s: f64,
    yr: &Range<f64>,
) -> Result<(), DrawError> {
    let st = c.stroke_width(px(s, 1.5).max(1));
    let pts = vec![(mx, yr.start), (mx, yr.end)];
    let anno = chart.draw_series(DashedLineSeries::new(pts, px(s, 4.0), px(s, 4.0), st))?;
    anno.legend(move |(x, y)| PathElement::new(vec![(x + 10, y - 6), (x + 10, y + 6)], st));
    label(anno, name);
    Ok(())
}

fn legend_position(l: Legend) -> SeriesLabelPosition {
    match l {
        Legend::UpperRight => SeriesLabelPosition::UpperRight,
        Legend::UpperLeft => SeriesLabelPosition::UpperLeft,
        Legend::LowerLeft => SeriesLabelPosition::LowerLeft,
        Legend::LowerRight | Legend::Auto => SeriesLabelPosition::LowerRight,
    }
}
