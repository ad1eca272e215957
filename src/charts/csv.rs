//! A figure as CSV: exactly the plotted series, one row a point, columns named with units.

use super::figure::{Axis, Figure, Series};

fn quote(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn num(v: f64) -> String {
    if v.is_finite() {
        format!("{v}")
    } else {
        String::new()
    }
}

fn col(name: &str, axis: &Axis) -> String {
    if axis.unit.is_empty() {
        format!("{name} {}", axis.label)
    } else {
        format!("{name} {} ({})", axis.label, axis.unit)
    }
}

impl Figure {
    /// The series as CSV: `series, kind, x, x_end, y, y_low, y_high` (empty where a kind
    /// has no such value), the header naming each column with its axis and unit.
    pub fn to_csv(&self) -> String {
        let mut out = vec![[
            "series".to_string(),
            "kind".into(),
            col("x:", &self.x),
            col("x end:", &self.x),
            col("y:", &self.y),
            col("y low:", &self.y),
            col("y high:", &self.y),
        ]
        .map(|c| quote(&c))
        .join(",")];
        let mut row = |name: &str, kind: &str, vals: [f64; 5]| {
            // On a categorical x axis, x and x end name their category.
            let cell = |k: usize, v: f64| match self.x.category(v.round()) {
                Some(c) if k < 2 && v.is_finite() => quote(c),
                _ => num(v),
            };
            let cells: Vec<String> = vals.iter().enumerate().map(|(k, v)| cell(k, *v)).collect();
            out.push(format!("{},{kind},{}", quote(name), cells.join(",")));
        };
        let nan = f64::NAN;
        for s in &self.series {
            match s {
                Series::Line { name, points, .. } => points
                    .iter()
                    .for_each(|&(x, y)| row(name, "line", [x, nan, y, nan, nan])),
                Series::Band { name, points, .. } => points
                    .iter()
                    .for_each(|&(x, lo, hi)| row(name, "band", [x, nan, nan, lo, hi])),
                Series::Points { name, points, .. } => points
                    .iter()
                    .for_each(|&(x, y, lo, hi)| row(name, "point", [x, nan, y, lo, hi])),
                Series::Bars { name, bars, .. } => bars
                    .iter()
                    .for_each(|&(x0, x1, h)| row(name, "bar", [x0, x1, h, nan, nan])),
                Series::Stack { name, bars, .. } => bars
                    .iter()
                    .for_each(|&(x0, x1, lo, hi)| row(name, "stack", [x0, x1, hi - lo, lo, hi])),
                Series::Marker { name, x, .. } => row(name, "marker", [*x, nan, nan, nan, nan]),
                Series::Label { .. } => {}
            }
        }
        out.join("\n") + "\n"
    }
}

#[cfg(test)]
mod tests {
    use super::super::figure::{palette, Legend};
    use super::*;

    #[test]
    fn csv_names_columns_with_units_and_quotes_names() {
        let fig = Figure {
            title: "t".into(),
            x: Axis::log("Tickets n", "tickets"),
            y: Axis::linear("Value", "ETH"),
            series: vec![
                Series::Line {
                    name: "E[V], closed form".into(),
                    color: palette::BLUE,
                    points: vec![(1.0, 0.5), (10.0, 0.25)],
                    dashed: false,
                },
                Series::Marker {
                    name: "n".into(),
                    color: palette::GREY,
                    x: 3.0,
                },
            ],
            legend: Legend::default(),
        };
        let csv = fig.to_csv();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "series,kind,x: Tickets n (tickets),x end: Tickets n (tickets),y: Value (ETH),y low: Value (ETH),y high: Value (ETH)");
        assert_eq!(lines[1], "\"E[V], closed form\",line,1,,0.5,,");
        assert_eq!(lines[3], "n,marker,3,,,,");
        assert_eq!(lines.len(), 4);
    }
}
