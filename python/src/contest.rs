//! Contests for block space (SPEC §2): one equilibrium, and the revenue-vs-fairness curve.

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyList};
use smallvec::SmallVec;

use et_engine::api;
use et_engine::api::contest::{OutcomeOutput, OUTCOME_ARRAYS};
use et_engine::contest::Strategy;

use crate::arrays::SharedArrays;
use crate::convert::{error, parse, value_error};
use crate::numbers::plain_floats;
use crate::out::{list_of, to_py_with, Writer};
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

/// How many vectors [`take_vectors`] moves out of `o`.
fn vector_count(o: &OutcomeOutput) -> usize {
    let strategies = o.strategies.iter().flatten();
    OUTCOME_ARRAYS.len() + strategies.map(|s| 2 + usize::from(s.cdf.is_some())).sum::<usize>()
}

/// Moves `o`'s vectors to the end of `vs`, in the order their arrays are made: the four
/// arrays, then each strategy's support, probs and cdf? (the strategies keep which
/// vectors they had).
fn take_vectors(o: &mut OutcomeOutput, vs: &mut Vec<Vec<f64>>) {
    vs.extend(o.arrays.iter_mut().map(std::mem::take));
    for s in o.strategies.iter_mut().flatten() {
        vs.push(std::mem::take(&mut s.support));
        vs.push(std::mem::take(&mut s.probs));
        vs.extend(s.cdf.as_mut().map(std::mem::take));
    }
}

/// The outcomes' vectors (`count` of them), all handed over without a copy with one base
/// ([`SharedArrays`]): one capsule a call, whatever the number of outcomes and arrays.
fn shared_vectors<'py, 'o>(
    py: Python<'py>,
    count: usize,
    outcomes: impl Iterator<Item = &'o mut OutcomeOutput>,
) -> PyResult<SharedArrays<'py>> {
    let mut vs = Vec::with_capacity(count);
    for o in outcomes {
        take_vectors(o, &mut vs);
    }
    SharedArrays::new(py, vs)
}

/// The outcome as a dict with its per-player arrays, made from `shared` where
/// [`take_vectors`] put its vectors (not through the serializer, number by number), and
/// written with its fields into one dict (with the writer's extra fields, taken).
fn outcome<'py>(
    py: Python<'py>,
    o: &mut OutcomeOutput,
    shared: &mut SharedArrays<'py>,
    w: &mut Writer<'py>,
) -> PyResult<Bound<'py, PyAny>> {
    for &name in OUTCOME_ARRAYS.iter() {
        w.extra.append.push((name, shared.next_array()?));
    }
    if let Some(strategies) = o.strategies.take() {
        let list = list_of(py, strategies.iter().map(|s| strategy(py, s, shared)))?;
        w.extra.append.push(("strategies", list.into_any()));
    }
    to_py_with(py, o, w)
}

/// A strategy as `{support, probs, cdf?}`, its arrays the next of `shared`.
fn strategy<'py>(py: Python<'py>, s: &Strategy, shared: &mut SharedArrays<'py>) -> PyResult<Bound<'py, PyAny>> {
    let one = PyDict::new(py);
    one.set_item(intern!(py, "support"), shared.next_array()?)?;
    one.set_item(intern!(py, "probs"), shared.next_array()?)?;
    if s.cdf.is_some() {
        one.set_item(intern!(py, "cdf"), shared.next_array()?)?;
    }
    Ok(one.into_any())
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
    let mut o = engine(|| py.detach(|| api::contest::solve_contest(&values, i))).map_err(value_error)?;
    let mut shared = shared_vectors(py, vector_count(&o), std::iter::once(&mut o))?;
    outcome(py, &mut o, &mut shared, &mut Writer::default())
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
    // The α asked for (those of a short curve kept in place).
    let alphas: SmallVec<[f64; 8]> = SmallVec::from_slice(i.alphas());
    let mut points = engine(|| py.detach(|| api::contest::tradeoff_curve(&values, i))).map_err(value_error)?;
    let count = points.iter().flatten().map(vector_count).sum();
    let mut shared = shared_vectors(py, count, points.iter_mut().flatten())?;
    // Each point's alpha is the α asked for, in the place of the outcome's own.
    let mut w = Writer::default();
    list_of(
        py,
        points.iter_mut().zip(alphas).map(|(p, alpha)| {
            w.extra.replace = Some(("alpha", PyFloat::new(py, alpha).into_any()));
            match p {
                Ok(o) => outcome(py, o, &mut shared, &mut w),
                Err(missing) => to_py_with(py, missing, &mut w),
            }
        }),
    )
}
