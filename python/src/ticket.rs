//! `ticket_value` over NumPy arrays: any parameter may be an array (or a list), the
//! arrays broadcast as NumPy does, and every key of the result is an array of the
//! broadcast shape — a curve against `n`, or a grid of `n` × `d`, in one call. The
//! engine computes the rows (`api::ticket::ticket_value_columns`, the same bits as one
//! call a row); this face only broadcasts and reshapes.

use numpy::{PyArray1, PyArrayMethods, PyReadonlyArray1, PyUntypedArray, PyUntypedArrayMethods};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};

use et_engine::api::ticket::{ticket_value_columns, TicketValueColumns, TICKET_VALUE_FIELDS, TICKET_VALUE_KEYS};
use et_engine::EngineError;

use crate::convert::{check_fields, error, snake, value_error};
use crate::engine;

/// Whether any keyword argument is a list, tuple or NumPy array of at least one dimension.
pub fn has_arrays(d: &Bound<'_, PyDict>) -> PyResult<bool> {
    for v in d.values() {
        if v.is_exact_instance_of::<PyFloat>() || v.is_exact_instance_of::<PyInt>() || v.is_none() {
            continue;
        }
        if v.is_instance_of::<PyList>() || v.is_instance_of::<PyTuple>() {
            return Ok(true);
        }
        if !v.is_instance_of::<PyString>() && v.hasattr("ndim")? && v.getattr("ndim")?.extract::<usize>()? > 0 {
            return Ok(true);
        }
    }
    Ok(false)
}

/// A parameter: one number, or a float64 array and its shape.
enum Param<'py> {
    /// The number and its shape (`[]` for a plain number; a one-element array's shape
    /// still takes part in the broadcast shape).
    One([f64; 1], Vec<usize>),
    Array(Bound<'py, PyUntypedArray>, Vec<usize>),
}

/// The parameters (None where absent), in `TICKET_VALUE_FIELDS` order: plain numbers and
/// one-element arrays as one number, the rest as float64 arrays.
fn params<'py>(d: &Bound<'py, PyDict>) -> PyResult<Vec<Option<Param<'py>>>> {
    let np = d.py().import("numpy")?;
    TICKET_VALUE_FIELDS
        .iter()
        .map(|f| {
            let name = snake(f);
            let bad = || error(format!("{name}: expected a number or an array of numbers"));
            let Some(v) = d.get_item(&name)?.filter(|v| !v.is_none()) else {
                return Ok(None);
            };
            if v.is_exact_instance_of::<PyFloat>() || v.is_exact_instance_of::<PyInt>() {
                return Ok(Some(Param::One([v.extract().map_err(|_| bad())?], Vec::new())));
            }
            let a = np.call_method1("asarray", (v, "float64")).map_err(|_| bad())?;
            let a = a.cast_into::<PyUntypedArray>()?;
            let shape = a.shape().to_vec();
            if a.len() == 1 {
                return Ok(Some(Param::One([a.call_method0("item")?.extract()?], shape)));
            }
            Ok(Some(Param::Array(a, shape)))
        })
        .collect()
}

/// The broadcast shape of the arrays (NumPy's rule: dimensions aligned from the right,
/// equal or 1), or an error naming them with their shapes (`d, n: shapes (2,) and (3,)
/// cannot be broadcast together`).
fn broadcast_shape(params: &[Option<Param<'_>>]) -> PyResult<Vec<usize>> {
    let arrays: Vec<(String, &Vec<usize>)> = TICKET_VALUE_FIELDS
        .iter()
        .zip(params)
        .filter_map(|(f, p)| match p {
            Some(Param::Array(_, shape)) => Some((snake(f), shape)),
            _ => None,
        })
        .collect();
    let shapes = params.iter().flatten().map(|p| match p {
        Param::One(_, shape) | Param::Array(_, shape) => shape,
    });
    let ndim = shapes.clone().map(Vec::len).max().unwrap_or(0);
    let mut out = vec![1; ndim];
    for shape in shapes {
        for (o, &n) in out.iter_mut().rev().zip(shape.iter().rev()) {
            match (*o, n) {
                (a, b) if a == b || b == 1 => {}
                (1, b) => *o = b,
                _ => {
                    let names: Vec<&str> = arrays.iter().map(|(n, _)| n.as_str()).collect();
                    let shapes: Vec<String> = arrays.iter().map(|(_, s)| tuple(s)).collect();
                    return Err(error(format!(
                        "{}: shapes {} cannot be broadcast together",
                        names.join(", "),
                        shapes.join(" and ")
                    )));
                }
            }
        }
    }
    Ok(out)
}

/// A shape as Python writes it: `(3,)`, `(3, 2)`.
fn tuple(shape: &[usize]) -> String {
    match shape {
        [n] => format!("({n},)"),
        _ => format!(
            "({})",
            shape.iter().map(usize::to_string).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// An array's values, one a row of the broadcast `shape` (flattened in C order, float64,
/// contiguous).
fn column<'py>(a: &Bound<'py, PyUntypedArray>, own: &[usize], shape: &[usize]) -> PyResult<PyReadonlyArray1<'py, f64>> {
    let full = if own == shape {
        a.clone().into_any()
    } else {
        a.py()
            .import("numpy")?
            .call_method1("broadcast_to", (a, shape.to_vec()))?
    };
    Ok(full.call_method0("ravel")?.cast_into::<PyArray1<f64>>()?.readonly())
}

/// The engine's error with its flat row written as the index of the broadcast shape.
fn unravel(e: EngineError, shape: &[usize]) -> EngineError {
    e.renamed(|f| match f.strip_suffix(']').and_then(|g| g.split_once('[')) {
        Some((name, k)) if shape.len() > 1 => {
            let mut k: usize = k.parse().unwrap_or(0);
            let mut index = vec![0; shape.len()];
            for (i, n) in index.iter_mut().zip(shape).rev() {
                *i = k % n.max(&1);
                k /= n.max(&1);
            }
            let index: Vec<String> = index.iter().map(usize::to_string).collect();
            format!("{name}[{}]", index.join(", "))
        }
        _ => f,
    })
}

/// `ticket_value` with array arguments: a dict of arrays of the broadcast shape.
pub fn ticket_value_arrays<'py>(py: Python<'py>, d: &Bound<'py, PyDict>) -> PyResult<Bound<'py, PyAny>> {
    check_fields(d, &TICKET_VALUE_FIELDS)?;
    let params = params(d)?;
    let shape = broadcast_shape(&params)?;
    let arrays: Vec<Option<PyReadonlyArray1<'py, f64>>> = params
        .iter()
        .map(|p| match p {
            Some(Param::Array(a, own)) => column(a, own, &shape).map(Some),
            _ => Ok(None),
        })
        .collect::<PyResult<_>>()?;
    let mut slices: Vec<Option<&[f64]>> = Vec::with_capacity(6);
    for (p, a) in params.iter().zip(&arrays) {
        slices.push(match (p, a) {
            (Some(Param::One(x, _)), _) => Some(&x[..]),
            (_, Some(a)) => Some(a.as_slice()?),
            _ => None,
        });
    }
    let c = TicketValueColumns {
        columns: std::array::from_fn(|j| slices[j]),
    };
    let table = engine(|| py.detach(|| ticket_value_columns(&c))).map_err(|e| value_error(unravel(e, &shape)))?;
    let out = PyDict::new(py);
    for (key, col) in TICKET_VALUE_KEYS.iter().zip(table.columns) {
        let a = PyArray1::from_vec(py, col).into_any();
        let a = match shape.len() {
            1 => a,
            _ => a.call_method1("reshape", (shape.clone(),))?,
        };
        out.set_item(snake(key), a)?;
    }
    Ok(out.into_any())
}
