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

    /// Occupied cells in the corner box (4 × 3 cells at `right`, `top`).
    fn count(&self, right: bool, top: bool) -> usize {
        let xs = if right { GRID - 4..GRID } else { 0..4 };
        let ys = if top { GRID - 3..GRID } else { 0..3 };
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
        }
    }

    /// The legend's corner: [`Legend::Auto`] resolved to the corner whose box covers
    /// the least ink (upper right, upper left, lower right, lower left on ties).
    pub fn legend_corner(&self) -> Legend {
        if self.legend != Legend::Auto {
            return self.legend;
        }
        let (x, y) = self.bounds();
        let mut ink = Ink {
            cells: [[false; GRID]; GRID],
            x,
            y,
        };
        self.series.iter().for_each(|s| self.paint(s, &mut ink));
        let corners = [
            (Legend::UpperRight, true, true),
            (Legend::UpperLeft, false, true),
            (Legend::LowerRight, true, false),
            (Legend::LowerLeft, false, false),
        ];
        corners
            .iter()
            .min_by_key(|(_, r, t)| ink.count(*r, *t))
            .map_or(Legend::UpperRight, |c| c.0)
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
}
