//! The data of a chart: axes with units, and series (lines, bands, markers).

/// A colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The palette: colour-blind-safe (Okabe–Ito).
pub mod palette {
    use super::Rgb;
    pub const BLUE: Rgb = Rgb(0, 114, 178);
    pub const ORANGE: Rgb = Rgb(230, 159, 0);
    pub const GREEN: Rgb = Rgb(0, 158, 115);
    pub const VERMILION: Rgb = Rgb(213, 94, 0);
    pub const PURPLE: Rgb = Rgb(204, 121, 167);
    pub const SKY: Rgb = Rgb(86, 180, 233);
    pub const GREY: Rgb = Rgb(90, 90, 90);
}

/// An axis: label, unit and scale.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    /// What is measured, e.g. "Tickets outstanding n".
    pub label: String,
    /// Its unit, e.g. "ETH"; empty for none.
    pub unit: String,
    /// Logarithmic (base 10) scale.
    pub log: bool,
    /// Names of categories at 0, 1, 2, … (empty for a numeric axis).
    pub categories: Vec<String>,
    /// A count: ticks only at whole numbers.
    pub integer: bool,
    /// The values the quantity can take (a share within 0 and 1, an HHI within 0 and
    /// 10,000): the padded range never reaches beyond them.
    pub limits: Option<(f64, f64)>,
}

impl Axis {
    /// A linear axis.
    pub fn linear(label: &str, unit: &str) -> Self {
        Self {
            label: label.into(),
            unit: unit.into(),
            log: false,
            categories: Vec::new(),
            integer: false,
            limits: None,
        }
    }

    /// This axis as a count (ticks only at whole numbers).
    pub fn integer(self) -> Self {
        Self { integer: true, ..self }
    }

    /// This axis for a quantity within `lo` and `hi`.
    pub fn within(self, lo: f64, hi: f64) -> Self {
        Self {
            limits: Some((lo, hi)),
            ..self
        }
    }

    /// This axis for a share or a probability (within 0 and 1).
    pub fn fraction(self) -> Self {
        self.within(0.0, 1.0)
    }

    /// This axis for a Herfindahl–Hirschman index on the 0–10,000 scale.
    pub fn hhi(self) -> Self {
        self.within(0.0, 10_000.0)
    }

    /// A categorical axis: `names[i]` at `i`.
    pub fn categories(label: &str, names: &[&str]) -> Self {
        Self {
            categories: names.iter().map(|n| n.to_string()).collect(),
            ..Self::linear(label, "")
        }
    }

    /// The category at plot coordinate `v` (an integer), if this axis has categories.
    pub fn category(&self, v: f64) -> Option<&str> {
        let i = v.round();
        ((v - i).abs() < 1e-6 && i >= 0.0).then(|| self.categories.get(i as usize).map(|s| s.as_str()))?
    }

    /// A logarithmic axis.
    pub fn log(label: &str, unit: &str) -> Self {
        Self {
            label: label.into(),
            unit: unit.into(),
            log: true,
            categories: Vec::new(),
            integer: false,
            limits: None,
        }
    }

    /// "label (unit)".
    pub fn title(&self) -> String {
        if self.unit.is_empty() {
            self.label.clone()
        } else {
            format!("{} ({})", self.label, self.unit)
        }
    }

    /// Data value → plot coordinate (`log10` on a log axis); `None` if not drawable.
    pub fn to_plot(&self, v: f64) -> Option<f64> {
        match (self.log, v.is_finite()) {
            (_, false) => None,
            (true, _) if v <= 0.0 => None,
            (true, _) => Some(v.log10()),
            (false, _) => Some(v),
        }
    }

    /// Plot coordinate → data value.
    pub fn from_plot(&self, p: f64) -> f64 {
        if self.log {
            10f64.powf(p)
        } else {
            p
        }
    }
}

/// Where the legend goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Legend {
    #[default]
    UpperRight,
    UpperLeft,
    LowerLeft,
    LowerRight,
    /// The corner with the fewest data points (for scatter plots).
    Auto,
}

/// One thing drawn on a chart.
#[derive(Clone, Debug, PartialEq)]
pub enum Series {
    /// A polyline through `(x, y)` points.
    Line {
        name: String,
        color: Rgb,
        points: Vec<(f64, f64)>,
        dashed: bool,
    },
    /// A shaded band between `lo` and `hi` at each `x`: `(x, lo, hi)`. A light one
    /// (`opacity` < 0.5) is an uncertainty band; an opaque one is a layer of a stack,
    /// whose hover readout is its thickness `hi − lo`.
    Band {
        name: String,
        color: Rgb,
        points: Vec<(f64, f64, f64)>,
        opacity: f64,
    },
    /// A vertical marker at `x` (e.g. the current value of a control).
    Marker { name: String, color: Rgb, x: f64 },
    /// Points `(x, y, lo, hi)` with error bars from `lo` to `hi`.
    Points {
        name: String,
        color: Rgb,
        points: Vec<(f64, f64, f64, f64)>,
    },
    /// Stacked bars `(x0, x1, lo, hi)`: one layer of a stack (e.g. one part of a split).
    Stack {
        name: String,
        color: Rgb,
        bars: Vec<(f64, f64, f64, f64)>,
    },
    /// A direct label: `text` written right-aligned at `at`, in `color`, naming what lies
    /// under it so that colour is not its only key (no legend entry, no data row).
    Label { text: String, color: Rgb, at: (f64, f64) },
    /// Bars `(x0, x1, height)` from 0.
    Bars {
        name: String,
        color: Rgb,
        bars: Vec<(f64, f64, f64)>,
    },
}

impl Series {
    /// The name shown in the legend and the readout.
    pub fn name(&self) -> &str {
        match self {
            Series::Line { name, .. }
            | Series::Band { name, .. }
            | Series::Marker { name, .. }
            | Series::Points { name, .. }
            | Series::Bars { name, .. }
            | Series::Stack { name, .. } => name,
            Series::Label { .. } => "",
        }
    }
}

/// A whole chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// Caption drawn above the plot.
    pub title: String,
    /// Horizontal axis.
    pub x: Axis,
    /// Vertical axis.
    pub y: Axis,
    /// What is drawn, in order (later on top).
    pub series: Vec<Series>,
    /// Legend position.
    pub legend: Legend,
}

/// One line of a hover readout: a series' name and its nearest point.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub name: String,
    pub x: f64,
    pub y: f64,
}

impl Figure {
    /// For each line, the point nearest to plot coordinate `x_plot` (in x).
    pub fn readout(&self, x_plot: f64) -> Vec<Reading> {
        self.series
            .iter()
            .filter_map(|s| match s {
                Series::Line { name, points, .. } => self.nearest(name, points.iter().copied(), x_plot),
                Series::Points { name, points, .. } => self.nearest(name, points.iter().map(|p| (p.0, p.1)), x_plot),
                Series::Bars { name, bars, .. } => {
                    self.nearest(name, bars.iter().map(|b| ((b.0 * b.1).sqrt(), b.2)), x_plot)
                }
                Series::Stack { name, bars, .. } => {
                    self.nearest(name, bars.iter().map(|b| ((b.0 + b.1) / 2.0, b.3 - b.2)), x_plot)
                }
                Series::Band {
                    name, points, opacity, ..
                } if *opacity >= 0.5 => self.nearest(name, points.iter().map(|p| (p.0, p.2 - p.1)), x_plot),
                _ => None,
            })
            .collect()
    }
}

impl Figure {
    fn nearest(&self, name: &str, pts: impl Iterator<Item = (f64, f64)>, x_plot: f64) -> Option<Reading> {
        pts.filter_map(|(x, y)| Some(((self.x.to_plot(x)? - x_plot).abs(), x, y)))
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, x, y)| Reading {
                name: name.to_string(),
                x,
                y,
            })
    }
}
