//! Where [`Legend::Auto`] puts the legend: the corner whose box covers the least ink of
//! every series (lines, points, bands, bars and stacks alike).

use super::figure::{Figure, Legend, Series};

/// Cells of the coarse occupancy grid, a side.
const GRID: usize = 12;

/// A coarse picture of the plot: which cells hold ink.
struct Ink {
    cells: [[bool; GRID]; GRID],
    x: std::ops::Range<f64>,
    y: std::ops::Range<f64>,
}

impl Ink {
    fn cell(v: f64, r: &std::ops::Range<f64>) -> usize {
        let t = ((v - r.start) / (r.end - r.start)).clamp(0.0, 0.999_999);
        (t * GRID as f64) as usize
    }

    /// Marks the rectangle between two plot points.
    fn rect(&mut self, (x0, y0): (f64, f64), (x1, y1): (f64, f64)) {
        let (a, b) = (Self::cell(x0.min(x1), &self.x), Self::cell(x0.max(x1), &self.x));
        let (c, d) = (Self::cell(y0.min(y1), &self.y), Self::cell(y0.max(y1), &self.y));
        for row in &mut self.cells[a..=b] {
            row[c..=d].iter_mut().for_each(|cell| *cell = true);
        }
    }

    /// Marks a segment, sampled finely enough to touch every cell it crosses.
    fn segment(&mut self, p: (f64, f64), q: (f64, f64)) {
        for k in 0..=2 * GRID {
            let t = k as f64 / (2 * GRID) as f64;
            let v = (p.0 + (q.0 - p.0) * t, p.1 + (q.1 - p.1) * t);
            self.rect(v, v);
        }
    }

    /// Occupied cells in the corner box of `w` × `h` cells at (`right`, `top`).
    fn count(&self, right: bool, top: bool, (w, h): (usize, usize)) -> usize {
        let xs = if right { GRID - w..GRID } else { 0..w };
        let ys = if top { GRID - h..GRID } else { 0..h };
        xs.flat_map(|i| ys.clone().map(move |j| (i, j)))
            .filter(|&(i, j)| self.cells[i][j])
            .count()
    }
}

impl Figure {
    /// Marks the ink of one series on `ink`.
    fn paint(&self, s: &Series, ink: &mut Ink) {
        let p = |x: f64, y: f64| Some((self.x.to_plot(x)?, self.y.to_plot(y)?));
        let base = if self.y.log { ink.y.start } else { 0.0 };
        match s {
            Series::Line { points, .. } => {
                let pts: Vec<_> = points.iter().filter_map(|&(x, y)| p(x, y)).collect();
                pts.windows(2).for_each(|w| ink.segment(w[0], w[1]));
            }
            Series::Points { points, .. } => points.iter().for_each(|&(x, y, lo, hi)| {
                if let (Some(a), Some(b)) = (p(x, lo.min(y)), p(x, hi.max(y))) {
                    ink.rect(a, b);
                }
            }),
            Series::Band { points, .. } => points.iter().for_each(|&(x, lo, hi)| {
                if let (Some(a), Some(b)) = (p(x, lo), p(x, hi)) {
                    ink.rect(a, b);
                }
            }),
            Series::Bars { bars, .. } => bars.iter().for_each(|&(x0, x1, h)| {
                if let (Some(a), Some(b)) = (self.x.to_plot(x0).map(|x| (x, base)), p(x1, h)) {
                    ink.rect(a, b);
                }
            }),
            Series::Stack { bars, .. } => bars.iter().for_each(|&(x0, x1, lo, hi)| {
                if let (Some(a), Some(b)) = (p(x0, lo), p(x1, hi)) {
                    ink.rect(a, b);
                }
            }),
            Series::Marker { .. } => {}
            Series::Label { at, .. } => {
                if let Some(q) = p(at.0, at.1) {
                    ink.rect(q, q);
                }
            }
        }
    }

    /// Where each series puts ink, on a coarse grid of the plot.
    fn ink(&self) -> Ink {
        let (x, y) = self.bounds();
        let mut ink = Ink {
            cells: [[false; GRID]; GRID],
            x,
            y,
        };
        self.series.iter().for_each(|s| self.paint(s, &mut ink));
        ink
    }

    /// The legend's corner for a box a third of the width and a quarter of the height:
    /// the first free one ([`Figure::legend_inside`]), the upper right when none is.
    pub fn legend_corner(&self) -> Legend {
        self.legend_inside(1.0 / 3.0, 0.25).unwrap_or(Legend::UpperRight)
    }

    /// A legend box of `(w, h)` backend pixels as shares of the plot's width and height,
    /// the plot being what a canvas of `(width, height)` backend pixels leaves inside its
    /// margins, title and axis labels.
    pub fn legend_share_of(&self, (width, height): (u32, u32), (w, h): (u32, u32), s: f64) -> (f64, f64) {
        let plot_w = (width as f64 - (10.0 + 24.0 + 68.0) * s).max(1.0);
        let plot_h = (height as f64 - (20.0 + 32.0 + 46.0) * s).max(1.0);
        ((w as f64 / plot_w).min(1.0), (h as f64 / plot_h).min(1.0))
    }

    /// The corner where a legend box of `w` × `h` (shares of the plot's width and
    /// height) covers no data: the figure's own corner if it is free, else the first free
    /// one (upper right, upper left, lower right, lower left); `None` when every corner
    /// holds data (the legend then goes outside the plot).
    pub fn legend_inside(&self, w: f64, h: f64) -> Option<Legend> {
        let ink = self.ink();
        let cells = |f: f64| ((f * GRID as f64).ceil() as usize).clamp(1, GRID);
        let size = (cells(w), cells(h));
        let side = |l: Legend| match l {
            Legend::UpperRight | Legend::Auto => (true, true),
            Legend::UpperLeft => (false, true),
            Legend::LowerRight => (true, false),
            Legend::LowerLeft => (false, false),
        };
        let corners = [
            self.legend,
            Legend::UpperRight,
            Legend::UpperLeft,
            Legend::LowerRight,
            Legend::LowerLeft,
        ];
        corners
            .into_iter()
            .find(|&l| ink.count(side(l).0, side(l).1, size) == 0)
            .map(|l| if l == Legend::Auto { Legend::UpperRight } else { l })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::figure::{palette, Axis};

    #[test]
    fn auto_legend_avoids_bands_and_bars() {
        let band = Series::Band {
            name: "band".into(),
            color: palette::BLUE,
            points: (0..=10)
                .map(|i| (i as f64, 0.0, if i < 6 { 10.0 } else { 1.0 }))
                .collect(),
            opacity: 0.3,
        };
        let fig = Figure {
            title: "t".into(),
            x: Axis::linear("x", ""),
            y: Axis::linear("y", ""),
            series: vec![band],
            legend: Legend::Auto,
        };
        assert_eq!(fig.legend_corner(), Legend::UpperRight);
        let bars = Series::Bars {
            name: "bars".into(),
            color: palette::BLUE,
            bars: (0..10).map(|i| (i as f64, i as f64 + 1.0, 10.0 - i as f64)).collect(),
        };
        let fig = Figure {
            series: vec![bars],
            ..fig
        };
        assert_eq!(fig.legend_corner(), Legend::UpperRight);
    }

    #[test]
    fn a_legend_goes_to_a_free_corner_or_outside() {
        let line = |name: &str, y0: f64, y1: f64| Series::Line {
            name: name.into(),
            color: palette::BLUE,
            points: (0..=10).map(|i| (i as f64, y0 + (y1 - y0) * i as f64 / 10.0)).collect(),
            dashed: false,
        };
        // Two crossing diagonals touch every corner: the legend goes outside.
        let fig = Figure {
            title: "t".into(),
            x: Axis::linear("x", ""),
            y: Axis::linear("y", ""),
            series: vec![line("up", 0.0, 1.0), line("down", 1.0, 0.0)],
            legend: Legend::Auto,
        };
        assert_eq!(fig.legend_inside(0.3, 0.25), None);
        // A falling line leaves the upper right empty.
        let fig = Figure {
            series: vec![line("down", 1.0, 0.0)],
            ..fig
        };
        assert_eq!(fig.legend_inside(0.3, 0.25), Some(Legend::UpperRight));
        // A corner asked for that holds data gives way to a free one.
        let fig = Figure {
            legend: Legend::UpperLeft,
            ..fig
        };
        assert_eq!(fig.legend_inside(0.3, 0.25), Some(Legend::UpperRight));
        let fig = Figure {
            legend: Legend::LowerLeft,
            ..fig
        };
        assert_eq!(fig.legend_inside(0.3, 0.25), Some(Legend::LowerLeft));
    }

    #[test]
    fn a_legend_never_widens_an_axis() {
        // Data in every corner: the legend goes outside, the y range stays the data's.
        let fig = Figure {
            title: "t".into(),
            x: Axis::linear("x", ""),
            y: Axis::linear("Share", "").fraction(),
            series: (0..4)
                .map(|k| Series::Line {
                    name: format!("series {k}"),
                    color: palette::BLUE,
                    points: (0..=20).map(|i| (i as f64, ((i + 5 * k) % 20) as f64 / 19.0)).collect(),
                    dashed: false,
                })
                .collect(),
            legend: Legend::Auto,
        };
        let svg = crate::export::svg(&fig, 720, 400).unwrap();
        let (_, y) = fig.bounds();
        assert!(y.end <= 1.0 && y.start >= 0.0, "{y:?}");
        assert!(svg.contains("series 3"), "the legend is drawn");
    }
}
