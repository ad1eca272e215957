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

    /// The legend's corner: [`Legend::Auto`] resolved to the corner whose box (a third
    /// of the width, a quarter of the height) covers the least ink (upper right, upper
    /// left, lower right, lower left on ties).
    pub fn legend_corner(&self) -> Legend {
        self.legend_room(1.0 / 3.0, 0.25).0
    }

    /// The legend box's share of the plot's width and height, estimated from its entries
    /// (one 12 px line each, the swatch column, margins) and the plot area left inside a
    /// canvas of `(width, height)` backend pixels by the margins, title and axis labels.
    pub fn legend_share(&self, (width, height): (u32, u32), s: f64) -> (f64, f64) {
        let names = self.series.iter().map(|x| x.name()).filter(|n| !n.is_empty());
        let (entries, longest) = names.fold((0usize, 0usize), |(n, l), name| (n + 1, l.max(name.chars().count())));
        let box_w = (26.0 + 24.0 + 6.8 * longest as f64) * s;
        let box_h = (15.0 * entries as f64 + 24.0) * s;
        let plot_w = (width as f64 - (10.0 + 24.0 + 68.0) * s).max(1.0);
        let plot_h = (height as f64 - (20.0 + 32.0 + 46.0) * s).max(1.0);
        ((box_w / plot_w).min(1.0), (box_h / plot_h).min(1.0))
    }

    /// Where a legend box of `w` × `h` (fractions of the plot's width and height) goes,
    /// and the share of the plot's height to leave empty above the data so that the box
    /// covers none: the figure's corner ([`Legend::Auto`]: the emptiest for this box)
    /// with no room when its box covers no ink there; else the upper corner on the same
    /// side, with room `h` (at most 60 % of the plot) made above the data if that corner
    /// holds data too.
    pub fn legend_room(&self, w: f64, h: f64) -> (Legend, f64) {
        let ink = self.ink();
        let cells = |f: f64| ((f * GRID as f64).ceil() as usize).clamp(1, GRID);
        let size = (cells(w), cells(h));
        let side = |l: Legend| match l {
            Legend::UpperRight => (true, true),
            Legend::UpperLeft => (false, true),
            Legend::LowerRight => (true, false),
            Legend::LowerLeft | Legend::Auto => (false, false),
        };
        let corners = [
            Legend::UpperRight,
            Legend::UpperLeft,
            Legend::LowerRight,
            Legend::LowerLeft,
        ];
        let pick = if self.legend == Legend::Auto {
            corners
                .into_iter()
                .min_by_key(|&l| ink.count(side(l).0, side(l).1, size))
                .unwrap_or(Legend::UpperRight)
        } else {
            self.legend
        };
        let (right, top) = side(pick);
        if ink.count(right, top, size) == 0 {
            return (pick, 0.0);
        }
        let upper = if right { Legend::UpperRight } else { Legend::UpperLeft };
        let room = if ink.count(right, true, size) == 0 {
            0.0
        } else {
            h.min(0.6)
        };
        (upper, room)
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
    fn a_legend_that_would_cover_data_gets_room_above_it() {
        let line = |name: &str, y0: f64, y1: f64| Series::Line {
            name: name.into(),
            color: palette::BLUE,
            points: (0..=10).map(|i| (i as f64, y0 + (y1 - y0) * i as f64 / 10.0)).collect(),
            dashed: false,
        };
        // Two crossing diagonals touch every corner: the legend goes up, with room.
        let fig = Figure {
            title: "t".into(),
            x: Axis::linear("x", ""),
            y: Axis::linear("y", ""),
            series: vec![line("up", 0.0, 1.0), line("down", 1.0, 0.0)],
            legend: Legend::Auto,
        };
        let (corner, room) = fig.legend_room(0.3, 0.25);
        assert!(matches!(corner, Legend::UpperRight | Legend::UpperLeft), "{corner:?}");
        assert_eq!(room, 0.25);
        // A falling line leaves the upper right empty: no room is needed there.
        let fig = Figure {
            series: vec![line("down", 1.0, 0.0)],
            ..fig
        };
        assert_eq!(fig.legend_room(0.3, 0.25), (Legend::UpperRight, 0.0));
        // A legend asked for in a corner that holds data moves up on its side: with no
        // room when the upper corner is empty, with room when it is not.
        let fig = Figure {
            legend: Legend::LowerRight,
            ..fig
        };
        assert_eq!(fig.legend_room(0.3, 0.25), (Legend::UpperRight, 0.0));
        let fig = Figure {
            series: vec![line("up", 0.0, 1.0)],
            legend: Legend::UpperRight,
            ..fig
        };
        assert_eq!(fig.legend_room(0.3, 0.25), (Legend::UpperRight, 0.25));
    }
}
