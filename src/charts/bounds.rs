//! The plot ranges of a figure.

use super::figure::{Figure, Series};

/// The lowest and highest data value on an axis, if any.
pub type DataSpan = Option<(f64, f64)>;

impl Figure {
    /// Plot-coordinate ranges covering every drawable point (y padded by 5 %);
    /// `(0..1, 0..1)` when nothing is drawable.
    pub fn bounds(&self) -> (std::ops::Range<f64>, std::ops::Range<f64>) {
        let (xs, ys) = self.spans();
        // Points get room on the sides so none sits half outside the plot.
        let points = self.series.iter().any(|s| matches!(s, Series::Points { .. }));
        (
            xs.range(if points { 0.04 } else { 0.0 }, &self.x, !points),
            ys.range(0.05, &self.y, !points),
        )
    }

    /// The data's span on each axis, in data units (`None` without data).
    pub fn data_spans(&self) -> [DataSpan; 2] {
        let (xs, ys) = self.spans();
        let data = |s: Span, a: &super::figure::Axis| s.0.map(|(lo, hi)| (a.from_plot(lo), a.from_plot(hi)));
        [data(xs, &self.x), data(ys, &self.y)]
    }

    /// The spans of every drawable point, in plot coordinates.
    fn spans(&self) -> (Span, Span) {
        let (mut xs, mut ys) = (Span::default(), Span::default());
        for s in &self.series {
            match s {
                Series::Line { points, .. } => {
                    for &(x, y) in points {
                        if let (Some(px), Some(py)) = (self.x.to_plot(x), self.y.to_plot(y)) {
                            xs.add(px);
                            ys.add(py);
                        }
                    }
                }
                Series::Band { points, .. } => {
                    for &(x, lo, hi) in points {
                        if let Some(px) = self.x.to_plot(x) {
                            xs.add(px);
                            self.y.to_plot(lo).into_iter().for_each(|p| ys.add(p));
                            self.y.to_plot(hi).into_iter().for_each(|p| ys.add(p));
                        }
                    }
                }
                Series::Points { points, .. } => {
                    for &(x, y, lo, hi) in points {
                        if let Some(px) = self.x.to_plot(x) {
                            xs.add(px);
                            for v in [y, lo, hi] {
                                self.y.to_plot(v).into_iter().for_each(|p| ys.add(p));
                            }
                        }
                    }
                }
                Series::Bars { bars, .. } => {
                    for &(x0, x1, h) in bars {
                        self.x.to_plot(x0).into_iter().for_each(|p| xs.add(p));
                        self.x.to_plot(x1).into_iter().for_each(|p| xs.add(p));
                        self.y.to_plot(h).into_iter().for_each(|p| ys.add(p));
                        if !self.y.log {
                            ys.add(0.0);
                        }
                    }
                }
                Series::Stack { bars, .. } => {
                    for &(x0, x1, lo, hi) in bars {
                        for x in [x0, x1] {
                            self.x.to_plot(x).into_iter().for_each(|p| xs.add(p));
                        }
                        for y in [lo, hi] {
                            self.y.to_plot(y).into_iter().for_each(|p| ys.add(p));
                        }
                    }
                }
                Series::Marker { .. } | Series::Label { .. } => {}
            }
        }
        (xs, ys)
    }
}

#[derive(Default)]
struct Span(Option<(f64, f64)>);

impl Span {
    fn add(&mut self, v: f64) {
        self.0 = Some(match self.0 {
            None => (v, v),
            Some((lo, hi)) => (lo.min(v), hi.max(v)),
        });
    }

    /// The data's span padded by `pad` of its width on each side — but not past zero
    /// when the data starts or ends there and `anchor` (bars and counts stand on their
    /// axis; markers keep room to be whole), nor past the quantity's limits (a share
    /// never above 1, an HHI never above 10,000).
    fn range(&self, pad: f64, axis: &super::figure::Axis, anchor: bool) -> std::ops::Range<f64> {
        let Some((lo, hi)) = self.0 else {
            return 0.0..1.0;
        };
        let (mut a, mut b) = if hi - lo <= f64::EPSILON * hi.abs().max(1e-300) {
            let w = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
            (lo - w, hi + w)
        } else {
            let w = (hi - lo) * pad;
            (lo - w, hi + w)
        };
        if anchor && !axis.log && lo == 0.0 && hi > 0.0 {
            a = 0.0;
        }
        if anchor && !axis.log && hi == 0.0 && lo < 0.0 {
            b = 0.0;
        }
        if let Some((min, max)) = axis.limits {
            if let Some(p) = axis.to_plot(min).filter(|&p| p <= lo) {
                a = a.max(p);
            }
            if let Some(p) = axis.to_plot(max).filter(|&p| p >= hi) {
                b = b.min(p);
            }
        }
        a..b
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::figure::{palette, Axis, Legend, Reading};

    #[test]
    fn bounds_and_readout_respect_log_axes() {
        let fig = Figure {
            title: "t".into(),
            x: Axis::log("n", ""),
            y: Axis::linear("v", "ETH"),
            series: vec![Series::Line {
                name: "a".into(),
                color: palette::BLUE,
                points: vec![(1.0, 2.0), (10.0, 4.0), (100.0, 3.0), (0.0, 100.0)],
                dashed: false,
            }],
            legend: Legend::default(),
        };
        let (x, y) = fig.bounds();
        assert_eq!(x, 0.0..2.0);
        assert!((y.start - 1.9).abs() < 1e-12 && (y.end - 4.1).abs() < 1e-12);
        let r = fig.readout(0.9);
        assert_eq!(
            r,
            vec![Reading {
                name: "a".into(),
                x: 10.0,
                y: 4.0
            }]
        );
    }
}
