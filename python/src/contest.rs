//! Contests for block space (SPEC §2): one equilibrium, and the revenue-vs-fairness curve.

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use et_engine::api;

use crate::arrays::SharedArrays;
use crate::convert::{error, parse, to_py, value_error};
use crate::numbers::plain_floats;
use crate::out::to_py_with;
use crate::{engine, Kwargs};

/// The `values` argument as numbers (a list, tuple or NumPy array).
fn values_of(kwargs: Kwargs<'_>) -> PyResult<Vec<f64>> {
    kwargs
        .and_then(|d| d.get_item(intern!(d.py(), "values")).ok().flatten())
        .and_then(|v| {
            if let Ok(list) = v.cast_exact::<PyList>() {
                return list.iter().map(|x| x.extract::<f64>().ok()).collect();
            }
            let v = if v.hasattr("tolist").unwrap_or(false) {
                v.call_method0("tolist").ok()?
            } else {
                v
            };
            if v.is_instance_of::<pyo3::types::PyString>() {
                return None;
            }
            v.extract::<Vec<f64>>().ok()
        })
        .ok_or_else(|| error("values: expected an array of numbers"))
}

/// `tradeoff_curve`'s arguments straight from the call when they are `values` and
/// `alphas`, both lists of plain numbers (the numbers `values_of` and `parse` read from
/// them), else None.
fn plain_curve(py: Python<'_>, kwargs: Kwargs<'_>) -> PyResult<Option<(Vec<f64>, api::contest::CurveInput)>> {
    let Some(d) = kwargs.filter(|d| d.len() == 2) else {
        return Ok(None);
    };
    let (Some(values), Some(alphas)) = (d.get_item(intern!(py, "values"))?, d.get_item(intern!(py, "alphas"))?) else {
        return Ok(None);
    };
    Ok(match (plain_floats(&values)?, plain_floats(&alphas)?) {
        (Some(values), Some(alphas)) => Some((values, api::contest::CurveInput::new(alphas))),
        _ => None,
    })
}

/// The outcome as a dict with its per-player arrays; the arrays go straight to NumPy
/// (not through the serializer, number by number), every vector of the outcome handed
/// over without a copy, with one base ([`SharedArrays`]). The arrays are made first and
/// written with the outcome's fields, into one dict.
fn outcome<'py>(py: Python<'py>, mut o: api::contest::OutcomeOutput) -> PyResult<Bound<'py, PyAny>> {
    let strategies = o.strategies.take();
    let mixed = strategies.is_some();
    let strategies = strategies.unwrap_or_default();
    // The vectors in order: the four arrays, then each strategy's support, probs, cdf?.
    let mut has_cdf = Vec::with_capacity(strategies.len());
    let mut vs = Vec::with_capacity(4 + 3 * strategies.len());
    vs.extend(std::mem::take(&mut o.arrays));
    for s in strategies {
        has_cdf.push(s.cdf.is_some());
        vs.push(s.support);
        vs.push(s.probs);
        vs.extend(s.cdf);
    }
    let mut shared = SharedArrays::new(py, vs)?;
    let mut extra = Vec::with_capacity(5);
    for &name in api::contest::OUTCOME_ARRAYS.iter() {
        extra.push((name, shared.next_array()?));
    }
    if mixed {
        let mut list = Vec::with_capacity(has_cdf.len());
        for cdf in has_cdf {
            let one = PyDict::new(py);
            one.set_item(intern!(py, "support"), shared.next_array()?)?;
            one.set_item(intern!(py, "probs"), shared.next_array()?)?;
            if cdf {
                one.set_item(intern!(py, "cdf"), shared.next_array()?)?;
            }
            list.push(one);
        }
        extra.push(("strategies", PyList::new(py, list)?.into_any()));
    }
    to_py_with(py, &o, extra)
}

/// The equilibrium of a contest for block space (SPEC §2) and its metrics.
///
/// solve_contest(*, values, mechanism, alpha=None, grid=None) -> dict
///
/// `mechanism`: "proportional-all-pay", "tullock" (with `alpha`), "winner-take-all" or
/// "all-pay-auction". Keys: equilibrium ("pure" | "mixed"), alpha, bids, allocations,
/// payments, utilities (NumPy arrays), revenue, revenue_share, fairness, entropy, hhi,
/// top_share, nakamoto, efficiency, exploitability, method, refinement?,
/// revenue_error, strategies? [{support, probs, cdf?}].
///
/// >>> import et_engine as et
/// >>> o = et.solve_contest(values=[4, 2], mechanism="proportional-all-pay")
/// >>> o["equilibrium"], round(o["revenue"], 4)
/// ('pure', 1.3333)
#[pyfunction]
#[pyo3(signature = (**kwargs), text_signature = "(*, values, mechanism, alpha=None, grid=None)")]
pub(crate) fn solve_contest<'py>(py: Python<'py>, kwargs: Option<&Bound<'py, PyDict>>) -> PyResult<Bound<'py, PyAny>> {
    let values = values_of(kwargs)?;
    let i = parse(py, kwargs, &api::contest::CONTEST_FIELDS)?;
    let o = engine(|| py.detach(|| api::contest::solve_contest(&values, i))).map_err(value_error)?;
    outcome(py, o)
}

/// The revenue-vs-fairness curve: one solve_contest outcome per α (`math.inf` = the
/// all-pay auction), or {alpha, error} where no equilibrium exists. Each point's
/// `alpha` is the α asked for (`math.inf` for the all-pay auction; JSON's `null`).
///
/// >>> import et_engine as et
/// >>> curve = et.tradeoff_curve(values=[4, 2], alphas=[0.5, 1, float("inf")])
/// >>> [round(o["revenue"], 3) for o in curve]
/// [0.728, 1.333, 1.5]
#[pyfunction]
#[pyo3(signature = (**kwargs), text_signature = "(*, values, alphas)")]
pub(crate) fn tradeoff_curve<'py>(
    py: Python<'py>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyList>> {
    let (values, i) = match plain_curve(py, kwargs)? {
        Some(args) => args,
        None => (values_of(kwargs)?, parse(py, kwargs, &api::contest::CURVE_FIELDS)?),
    };
    let alphas = i.alphas().to_vec();
    let points = engine(|| py.detach(|| api::contest::tradeoff_curve(&values, i))).map_err(value_error)?;
    let mut out = Vec::with_capacity(points.len());
    for (p, alpha) in points.into_iter().zip(alphas) {
        let point = match p {
            Ok(o) => outcome(py, o)?,
            Err(missing) => to_py(py, &missing)?,
        };
        point.set_item(intern!(py, "alpha"), alpha)?;
        out.push(point);
    }
    PyList::new(py, out)
}
