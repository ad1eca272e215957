//! What drawing a figure takes and gives: the device scale, the plot area's geometry
//! (to map the pointer back to data) and a drawing error.

use std::ops::Range;

use plotters::prelude::DrawingAreaErrorKind;

use super::figure::Figure;

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
    /// What each axis shows, x then y.
    pub axes: [AxisReport; 2],
}

/// What an axis shows, in data units: for checks that every chart keeps the rules (a
/// chart's canvas carries it as `data-axes`).
#[derive(Clone, Debug, PartialEq)]
pub struct AxisReport {
    /// A log axis.
    pub log: bool,
    /// The axis's range.
    pub from: f64,
    pub to: f64,
    /// The data's span (none for a categorical axis or no data).
    pub data: Option<(f64, f64)>,
    /// The quantity's bounds (a share's 0–1), if any.
    pub limits: Option<(f64, f64)>,
    /// The tick labels written.
    pub labels: Vec<String>,
}

impl AxisReport {
    /// As JSON: `{"log":…,"from":…,"to":…,"data":[lo,hi]|null,"limits":[lo,hi]|null,"labels":[…]}`
    /// (written by hand: the pages' bundles carry no JSON serializer for this).
    pub fn json(&self) -> String {
        let pair = |p: Option<(f64, f64)>| p.map_or("null".to_string(), |(a, b)| format!("[{},{}]", num(a), num(b)));
        let labels: Vec<String> = self
            .labels
            .iter()
            .map(|l| format!("\"{}\"", l.replace('\\', "\\\\").replace('"', "\\\"")))
            .collect();
        format!(
            "{{\"log\":{},\"from\":{},\"to\":{},\"data\":{},\"limits\":{},\"labels\":[{}]}}",
            self.log,
            num(self.from),
            num(self.to),
            pair(self.data),
            pair(self.limits),
            labels.join(",")
        )
    }
}

/// A number for JSON (`null` when not finite).
fn num(v: f64) -> String {
    if v.is_finite() {
        format!("{v:e}")
    } else {
        "null".into()
    }
}

impl PlotGeometry {
    /// Both axes' reports as a JSON array, x then y.
    pub fn axes_json(&self) -> String {
        format!("[{},{}]", self.axes[0].json(), self.axes[1].json())
    }

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

/// The band's outline: upper edge left to right, then lower edge right to left.
pub fn band_polygon(fig: &Figure, points: &[(f64, f64, f64)]) -> Vec<(f64, f64)> {
    let pts: Vec<(f64, f64, f64)> = points
        .iter()
        .filter_map(|&(x, lo, hi)| Some((fig.x.to_plot(x)?, fig.y.to_plot(lo)?, fig.y.to_plot(hi)?)))
        .collect();
    let upper = pts.iter().map(|&(x, _, hi)| (x, hi));
    let lower = pts.iter().rev().map(|&(x, lo, _)| (x, lo));
    upper.chain(lower).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_axis_report_is_json() {
        let r = AxisReport {
            log: false,
            from: 0.0,
            to: 1.0,
            data: Some((0.0, 0.95)),
            limits: Some((0.0, 1.0)),
            labels: vec!["0.0".into(), "say \"1\"".into()],
        };
        assert_eq!(
            r.json(),
            r#"{"log":false,"from":0e0,"to":1e0,"data":[0e0,9.5e-1],"limits":[0e0,1e0],"labels":["0.0","say \"1\""]}"#
        );
        let none = AxisReport {
            data: None,
            limits: None,
            from: f64::NAN,
            ..r
        };
        assert!(none.json().contains(r#""from":null"#) && none.json().contains(r#""data":null,"limits":null"#));
    }
}
