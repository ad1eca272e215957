//! `ticketValue`: SPEC §1's closed forms of one ticket, for one set of parameters or for
//! columns of them (a face's arrays, broadcast by the face: a curve against `n` or `d` in
//! one call).

use serde::{Deserialize, Serialize};

use crate::error::{EngineError, Result};
use crate::lottery::closed_form::Lottery;

/// The fields of `ticketValue`'s input.
pub const TICKET_VALUE_FIELDS: [&str; 6] = ["mu", "varR", "d", "n", "share", "lookahead"];

/// `ticketValue`'s input.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TicketValueInput {
    mu: f64,
    var_r: f64,
    d: f64,
    n: f64,
    share: Option<f64>,
    lookahead: Option<f64>,
}

/// `ticketValue`'s output.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TicketValueOutput {
    ticket_value: f64,
    ticket_variance: f64,
    total_npv: f64,
    issued_value: f64,
    unissued_value: f64,
    expected_wait_slots: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    share_value: Option<f64>,
}

/// `ticketValue({mu, varR, d, n, share?, lookahead?})`: SPEC §1's closed forms.
pub fn ticket_value(i: TicketValueInput) -> Result<TicketValueOutput> {
    let s = Lottery::new(i.mu, i.var_r, i.d, i.n)?.summary(i.share, i.lookahead.unwrap_or(0.0))?;
    Ok(TicketValueOutput {
        ticket_value: s.ticket_value,
        ticket_variance: s.ticket_variance,
        total_npv: s.total_npv,
        issued_value: s.issued_value,
        unissued_value: s.unissued_value,
        expected_wait_slots: s.expected_wait_slots,
        share_value: s.share_value,
    })
}

/// The keys of [`TicketValueTable`]'s columns, in order (camelCase; `shareValue` last,
/// present only with a `share` column).
pub const TICKET_VALUE_KEYS: [&str; 7] = [
    "ticketValue",
    "ticketVariance",
    "totalNpv",
    "issuedValue",
    "unissuedValue",
    "expectedWaitSlots",
    "shareValue",
];

/// Columns of `ticketValue`'s parameters, in [`TICKET_VALUE_FIELDS`] order: each column
/// holds one value (the same for every row) or one a row; `share` and `lookahead` may be
/// absent.
pub struct TicketValueColumns<'a> {
    pub columns: [Option<&'a [f64]>; 6],
}

/// One column a key of [`TICKET_VALUE_KEYS`] (the last only with a `share` column).
#[derive(Debug)]
pub struct TicketValueTable {
    pub columns: Vec<Vec<f64>>,
}

impl TicketValueColumns<'_> {
    /// The number of rows: the longest column's length, every other column holding one
    /// value or as many (an error names the first that does not).
    pub fn rows(&self) -> Result<usize> {
        let rows = self.columns.iter().flatten().map(|c| c.len()).max().unwrap_or(1);
        for (name, c) in TICKET_VALUE_FIELDS.iter().zip(&self.columns) {
            match c {
                None if *name != "share" && *name != "lookahead" => {
                    return Err(EngineError::invalid(*name, "is required"))
                }
                Some(c) if c.len() != 1 && c.len() != rows => {
                    return Err(EngineError::invalid(
                        *name,
                        format!("has {} values where the longest column has {rows}", c.len()),
                    ))
                }
                _ => {}
            }
        }
        Ok(rows)
    }

    /// Row `k`'s value of column `j`.
    fn at(&self, j: usize, k: usize) -> Option<f64> {
        self.columns[j].map(|c| if c.len() == 1 { c[0] } else { c[k] })
    }

    /// An error of row `k` naming the field with its row where the column has one a row
    /// (`n[3]: must be at least 1, got 0.5`).
    fn indexed(&self, e: EngineError, k: usize) -> EngineError {
        let per_row = |name: &str| {
            let j = TICKET_VALUE_FIELDS.iter().position(|f| *f == name);
            j.and_then(|j| self.columns[j]).is_some_and(|c| c.len() > 1)
        };
        e.renamed(|f| if per_row(&f) { format!("{f}[{k}]") } else { f })
    }
}

/// `ticketValue` row by row: the closed forms of every row of `c`, the same numbers as
/// [`ticket_value`] of each row.
pub fn ticket_value_columns(c: &TicketValueColumns) -> Result<TicketValueTable> {
    let rows = c.rows()?;
    let keys = if c.columns[4].is_some() { 7 } else { 6 };
    let mut columns: Vec<Vec<f64>> = (0..keys).map(|_| Vec::with_capacity(rows)).collect();
    for k in 0..rows {
        let v = |j: usize| c.at(j, k).unwrap_or(0.0);
        let s = Lottery::new(v(0), v(1), v(2), v(3))
            .and_then(|l| l.summary(c.at(4, k), c.at(5, k).unwrap_or(0.0)))
            .map_err(|e| c.indexed(e, k))?;
        let row = [
            s.ticket_value,
            s.ticket_variance,
            s.total_npv,
            s.issued_value,
            s.unissued_value,
            s.expected_wait_slots,
            s.share_value.unwrap_or(f64::NAN),
        ];
        for (col, x) in columns.iter_mut().zip(row) {
            col.push(x);
        }
    }
    Ok(TicketValueTable { columns })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(mu: f64, n: f64, share: Option<f64>) -> TicketValueOutput {
        let i = TicketValueInput {
            mu,
            var_r: 0.0225,
            d: 1e-4,
            n,
            share,
            lookahead: None,
        };
        ticket_value(i).unwrap()
    }

    #[test]
    fn columns_give_each_rows_numbers_bit_for_bit() {
        let ns = [1.0, 10.0, 1e4];
        let c = TicketValueColumns {
            columns: [
                Some(&[0.05]),
                Some(&[0.0225]),
                Some(&[1e-4]),
                Some(&ns),
                Some(&[0.1]),
                None,
            ],
        };
        let t = ticket_value_columns(&c).unwrap();
        assert_eq!(t.columns.len(), 7);
        for (k, &n) in ns.iter().enumerate() {
            let o = one(0.05, n, Some(0.1));
            let row: Vec<f64> = t.columns.iter().map(|col| col[k]).collect();
            let want = [
                o.ticket_value,
                o.ticket_variance,
                o.total_npv,
                o.issued_value,
                o.unissued_value,
            ];
            assert_eq!(&row[..5], &want);
            assert_eq!(row[5], o.expected_wait_slots);
            assert_eq!(row[6], o.share_value.unwrap());
        }
    }

    #[test]
    fn errors_name_the_row_of_a_column_and_mismatched_lengths() {
        let c = TicketValueColumns {
            columns: [
                Some(&[0.05]),
                Some(&[0.0225]),
                Some(&[1e-4]),
                Some(&[10.0, 0.5]),
                None,
                None,
            ],
        };
        let e = ticket_value_columns(&c).unwrap_err();
        assert_eq!(e.field(), "n[1]");
        let c = TicketValueColumns {
            columns: [
                Some(&[0.05, 0.1]),
                Some(&[0.0225]),
                Some(&[1e-4]),
                Some(&[1.0, 2.0, 3.0]),
                None,
                None,
            ],
        };
        assert_eq!(ticket_value_columns(&c).unwrap_err().field(), "mu");
        let c = TicketValueColumns {
            columns: [Some(&[0.05]), None, Some(&[1e-4]), Some(&[1.0]), None, None],
        };
        assert_eq!(ticket_value_columns(&c).unwrap_err().field(), "varR");
        let c = TicketValueColumns {
            columns: [Some(&[0.05]), Some(&[0.0225]), Some(&[0.0]), Some(&[1.0]), None, None],
        };
        assert_eq!(ticket_value_columns(&c).unwrap_err().field(), "d");
    }
}
