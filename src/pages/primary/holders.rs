//! The Primary market's holders table: its columns and their URL lists.

use std::sync::OnceLock;

use et_engine::primary::{preset, Holder, Preset};
use et_engine::rates::per_slot_from_annual;

use crate::url_state::{Param, Route, Scale};

/// Most holders in the table.
pub const MAX_HOLDERS: usize = 500;

/// Preset holders' discount: 5 % a year.
pub const PRESET_ANNUAL: f64 = 0.05;

/// One row of the holders' table (discount as an annual rate, as typed).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HolderRow {
    pub budget: f64,
    pub capture: f64,
    /// Annual discount rate (0.05 = 5 %).
    pub annual: f64,
    pub margin: f64,
}

impl HolderRow {
    /// The engine's holder.
    pub fn holder(&self) -> Holder {
        Holder {
            budget: self.budget,
            capture: self.capture,
            discount: per_slot_from_annual(self.annual),
            margin: self.margin,
        }
    }
}

/// The rows of a preset population.
pub fn preset_rows(p: Preset, count: usize) -> Vec<HolderRow> {
    preset(p, count.max(1), 0.0)
        .unwrap_or_default()
        .into_iter()
        .map(|h| HolderRow {
            budget: h.budget,
            capture: h.capture,
            annual: PRESET_ANNUAL,
            margin: h.margin,
        })
        .collect()
}

/// The population run 1 draws (SPEC §4.1: drawn from stream 0 of the seed; every run
/// draws its own), shown read-only: discount 0, margin the drawn aggressiveness.
pub fn drawn_rows(count: usize, spread: f64, seed: u64) -> Vec<HolderRow> {
    use et_engine::numeric::random::{stream, Source};
    let (holders, _) = et_engine::primary::draw_population(count.max(1), spread, &mut Source::new(stream(seed, 0)));
    holders
        .into_iter()
        .map(|h| HolderRow {
            budget: h.budget,
            capture: h.capture,
            annual: 0.0,
            margin: h.margin,
        })
        .collect()
}

/// URL keys of the columns: budgets, capture rates, annual discounts (%), margins.
pub const KEYS: [&str; 4] = ["hb", "hc", "hd", "hm"];

/// The columns' domains, in [`KEYS`] order (the discount typed in % a year).
pub fn columns() -> &'static [Param] {
    static P: OnceLock<Vec<Param>> = OnceLock::new();
    P.get_or_init(|| {
        vec![
            Param::new("hb", "budget", "ETH", 0.0, 1e9, 500.0, Scale::Field, false),
            Param::new("hc", "capture rate c", "", 1e-4, 1.0, 0.85, Scale::Field, false),
            Param::new("hd", "discount", "% a year", 0.0, 1000.0, 5.0, Scale::Field, false),
            Param::new("hm", "margin m", "", 0.0, 0.99, 0.15, Scale::Field, false),
        ]
    })
}

/// A row's value in column `col` as shown (the discount in %).
pub fn cell(row: &HolderRow, col: usize) -> f64 {
    match col {
        0 => row.budget,
        1 => row.capture,
        2 => row.annual * 100.0,
        _ => row.margin,
    }
}

/// Sets column `col` of `row` to a shown value `v`.
pub fn set_cell(row: &mut HolderRow, col: usize, v: f64) {
    match col {
        0 => row.budget = v,
        1 => row.capture = v,
        2 => row.annual = v / 100.0,
        _ => row.margin = v,
    }
}

/// Reads the four columns (equal lengths, 1 to [`MAX_HOLDERS`] rows, each value in its
/// column's domain); the error names the column and row.
pub fn read_rows(route: &Route) -> Result<Vec<HolderRow>, String> {
    let mut cols: Vec<Vec<f64>> = Vec::new();
    for p in columns() {
        let text = route.get(p.key).ok_or_else(|| format!("{} is missing", p.key))?;
        let col = text
            .split(',')
            .enumerate()
            .map(|(i, t)| p.parse(t).map_err(|why| format!("{}[{}]: {why}", p.key, i + 1)))
            .collect::<Result<Vec<f64>, String>>()?;
        cols.push(col);
    }
    let n = cols[0].len();
    if n == 0 || n > MAX_HOLDERS || cols.iter().any(|c| c.len() != n) {
        return Err(format!(
            "give 1 to {MAX_HOLDERS} holders, the same number in hb, hc, hd and hm"
        ));
    }
    Ok((0..n)
        .map(|i| {
            let mut row = HolderRow {
                budget: 0.0,
                capture: 0.0,
                annual: 0.0,
                margin: 0.0,
            };
            for (c, col) in cols.iter().enumerate() {
                set_cell(&mut row, c, col[i]);
            }
            row
        })
        .collect())
}

/// The four columns as URL pairs.
pub fn write_rows(rows: &[HolderRow]) -> Vec<(String, String)> {
    KEYS.iter()
        .enumerate()
        .map(|(c, k)| {
            let list: Vec<String> = rows.iter().map(|r| crate::format::exact(cell(r, c))).collect();
            (k.to_string(), list.join(","))
        })
        .collect()
}
