//! Reading per-slot rewards from CSV or pasted text, and summarising them.

use crate::error::{EngineError, Result};

/// Summary of a reward list: count, mean, standard deviation and quantiles.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct DataSummary {
    pub count: usize,
    pub mean: f64,
    pub sd: f64,
    pub min: f64,
    pub max: f64,
    /// `(p, value)` for p in 1 %, 5 %, 25 %, 50 %, 75 %, 95 %, 99 %.
    pub quantiles: Vec<(f64, f64)>,
}

/// The levels reported by [`summarize`].
pub const SUMMARY_LEVELS: [f64; 7] = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

/// Parses per-slot rewards (ETH): one value a line, or a CSV whose first line may be a
/// header. With several columns, the one named like `reward`, `value` or `eth` is used,
/// else the last. Blank lines and lines starting with `#` are skipped. Errors name the
/// line (1-based) and what is wrong there.
pub fn parse_rewards(text: &str) -> Result<Vec<f64>> {
    let mut column: Option<usize> = None;
    let mut values = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split([',', ';', '\t']).map(str::trim).collect();
        let col = *column.get_or_insert_with(|| pick_column(&fields));
        let cell = fields.get(col).copied().unwrap_or("");
        match cell.trim_matches('"').parse::<f64>() {
            Ok(v) if v.is_finite() && v >= 0.0 => values.push(v),
            Ok(v) if v.is_finite() => return Err(line_error(i, format!("{v} is negative; rewards are ≥ 0"))),
            Ok(_) => return Err(line_error(i, format!("“{cell}” is not a finite number"))),
            Err(_) if values.is_empty() && i == first_data_line(text) => {
                // A header: choose the column by name.
                column = Some(named_column(&fields).unwrap_or(fields.len() - 1));
            }
            Err(_) => return Err(line_error(i, format!("“{}” is not a number", shorten(cell)))),
        }
    }
    if values.is_empty() {
        return Err(EngineError::invalid("data", "holds no rewards"));
    }
    Ok(values)
}

fn first_data_line(text: &str) -> usize {
    text.lines()
        .position(|l| !l.trim().is_empty() && !l.trim().starts_with('#'))
        .unwrap_or(0)
}

fn pick_column(fields: &[&str]) -> usize {
    if fields.iter().all(|f| f.trim_matches('"').parse::<f64>().is_ok()) {
        fields.len() - 1
    } else {
        named_column(fields).unwrap_or(fields.len() - 1)
    }
}

fn named_column(fields: &[&str]) -> Option<usize> {
    fields.iter().position(|f| {
        let f = f.to_ascii_lowercase();
        ["reward", "value", "eth"].iter().any(|k| f.contains(k))
    })
}

fn line_error(i: usize, why: String) -> EngineError {
    EngineError::invalid(format!("line {}", i + 1), why)
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 24 {
        format!("{}…", s.chars().take(24).collect::<String>())
    } else {
        s.to_string()
    }
}

/// Count, mean, standard deviation, extremes and quantiles (linear interpolation).
pub fn summarize(values: &[f64]) -> Option<DataSummary> {
    if values.is_empty() {
        return None;
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let var = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (n - 1.0).max(1.0);
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let q = |p: f64| {
        let h = p * (n - 1.0);
        let (lo, hi) = (h.floor() as usize, h.ceil() as usize);
        sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
    };
    Some(DataSummary {
        count: values.len(),
        mean,
        sd: var.sqrt(),
        min: sorted[0],
        max: sorted[sorted.len() - 1],
        quantiles: SUMMARY_LEVELS.iter().map(|&p| (p, q(p))).collect(),
    })
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn reads_plain_lists_and_csv_with_headers() {
        assert_eq!(parse_rewards("0.1\n\n0.2\n# note\n0.3\n").unwrap(), vec![0.1, 0.2, 0.3]);
        let csv = "slot,block,reward_eth\n1,100,0.05\n2,101,0.5\n";
        assert_eq!(parse_rewards(csv).unwrap(), vec![0.05, 0.5]);
        assert_eq!(parse_rewards("slot;x\n1;0.25\n").unwrap(), vec![0.25]);
    }

    #[test]
    fn bad_lines_are_named() {
        let e = parse_rewards("0.1\n0.2\nabc\n").unwrap_err();
        assert_eq!(e.to_string(), "line 3: “abc” is not a number");
        assert_eq!(parse_rewards("0.1\n-2\n").unwrap_err().field(), "line 2");
        assert_eq!(parse_rewards("0.1\nNaN\n").unwrap_err().field(), "line 2");
        assert_eq!(parse_rewards("reward\n").unwrap_err().field(), "data");
        assert_eq!(parse_rewards("").unwrap_err().field(), "data");
    }

    #[test]
    fn summary_quantiles() {
        let s = summarize(&[1.0, 2.0, 3.0, 4.0, 5.0]).unwrap();
        assert_eq!((s.count, s.mean, s.min, s.max), (5, 3.0, 1.0, 5.0));
        assert_eq!(s.quantiles[3], (0.5, 3.0));
        assert!((s.sd - 2.5f64.sqrt()).abs() < 1e-15);
    }
}
