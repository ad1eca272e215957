//! Conversions between Python values and the engine's `api` structs, and engine errors
//! as `ValueError`s. Only names change case here: Python's snake_case fields become the
//! api's camelCase ones on the way in and back on the way out; lists of numbers come back
//! as NumPy arrays.

use numpy::PyArray1;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde::de::DeserializeOwned;
use serde::Serialize;

use et_engine::EngineError;

/// `var_r` → `varR`.
pub fn camel(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut up = false;
    for c in s.chars() {
        if c == '_' {
            up = true;
        } else if up {
            out.extend(c.to_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `varR` → `var_r`.
pub fn snake(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// A message of the engine (or of serde) in Python's names: the field path it starts
/// with, names in backticks and the JS function names, in snake_case.
pub fn python_message(msg: &str) -> String {
    let msg = msg
        .replace("loadMainnet(bytes)", "load_mainnet(data)")
        .replace("simulateMarket", "simulate_market");
    // serde's "missing field `x`" (at `path: ` or at the top) names the field first.
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let name = rest.trim_end_matches('`');
        return format!("{}: is required", snake(name));
    }
    if let Some((path, rest)) = msg.split_once(": missing field `") {
        let name = rest.trim_end_matches('`');
        return format!("{}.{}: is required", field_path(path), snake(name));
    }
    let (path, rest) = match msg.split_once(": ") {
        Some((p, r)) if !p.contains(' ') || p == "mainnet data" => (field_path(p), r.to_string()),
        _ => return backticks(&msg),
    };
    format!("{path}: {}", backticks(&rest))
}

/// A field path `holders[2].tailIndex` in snake_case.
fn field_path(p: &str) -> String {
    snake(p)
}

/// Names in backticks in snake_case (serde's "unknown field `x`, expected one of `a`, `b`").
fn backticks(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (k, part) in s.split('`').enumerate() {
        if k % 2 == 1 {
            out.push('`');
            out.push_str(&snake(part));
            out.push('`');
        } else {
            out.push_str(part);
        }
    }
    out
}

/// An engine error as a `ValueError` whose message starts with the field.
pub fn value_error(e: EngineError) -> PyErr {
    PyValueError::new_err(python_message(&e.to_string()))
}

/// A `ValueError` with a message already in Python's names.
pub fn error(msg: impl Into<String>) -> PyErr {
    PyValueError::new_err(msg.into())
}

/// A Python value with every dict key in camelCase (recursively), tuples and NumPy arrays
/// as lists, ready for the api's serde structs.
fn camel_value<'py>(v: &Bound<'py, PyAny>, path: &str) -> PyResult<Bound<'py, PyAny>> {
    let py = v.py();
    if let Ok(d) = v.cast::<PyDict>() {
        let out = PyDict::new(py);
        for (k, x) in d.iter() {
            let key = match k.cast::<PyString>() {
                Ok(s) if s.to_cow()?.contains(|c: char| c.is_ascii_uppercase()) => {
                    return Err(error(format!(
                        "{}: unknown field; Python's names are snake_case ({})",
                        child(path, &s.to_cow()?),
                        snake(&s.to_cow()?)
                    )))
                }
                Ok(s) => s.to_cow()?.into_owned(),
                Err(_) => {
                    return Err(error(format!(
                        "{}: keys must be strings",
                        child(path, &k.repr()?.to_cow()?)
                    )))
                }
            };
            let inner = camel_value(&x, &child(path, &key))?;
            out.set_item(camel(&key), inner)?;
        }
        return Ok(out.into_any());
    }
    if v.is_instance_of::<PyList>() || v.is_instance_of::<PyTuple>() {
        let out = PyList::empty(py);
        for (k, x) in v.try_iter()?.enumerate() {
            out.append(camel_value(&x?, &format!("{path}[{k}]"))?)?;
        }
        return Ok(out.into_any());
    }
    if v.is_instance_of::<PyString>() || v.is_instance_of::<PyBool>() || v.is_instance_of::<PyFloat>() {
        return Ok(v.clone());
    }
    if v.is_instance_of::<PyInt>() {
        // Integers are read as numbers (the api's numbers are f64, as in JS).
        return Ok(v.clone());
    }
    if v.hasattr("tolist")? {
        // A NumPy array or scalar.
        return camel_value(&v.call_method0("tolist")?, path);
    }
    if v.hasattr("__float__")? && !v.is_none() {
        return Ok(PyFloat::new(py, v.call_method0("__float__")?.extract::<f64>()?).into_any());
    }
    Ok(v.clone())
}

/// The path of `key` inside `path`.
fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Deserializes `v` (found at `prefix`, camelCase, `""` at the top) into an api struct,
/// naming the field of any missing or mistyped value by its path.
pub fn deserialize_at<T: DeserializeOwned>(v: &Bound<'_, PyAny>, prefix: &str) -> PyResult<T> {
    let v = camel_value(v, &snake(prefix))?;
    let mut de = pythonize::Depythonizer::from_object(&v);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.inner().to_string();
        // pythonize names the Python exception it met; the field is what matters.
        let inner = inner
            .strip_prefix("TypeError: ")
            .or_else(|| inner.strip_prefix("ValueError: "))
            .unwrap_or(&inner);
        let path = match (prefix, path.as_str()) {
            (p, ".") => p.to_string(),
            ("", q) => q.to_string(),
            (p, q) if q.starts_with('[') => format!("{p}{q}"),
            (p, q) => format!("{p}.{q}"),
        };
        if path.is_empty() {
            error(python_message(inner))
        } else {
            error(python_message(&format!("{path}: {inner}")))
        }
    })
}

/// The keyword arguments as an api struct: only the `allowed` fields (camelCase, named
/// in snake_case to the user), each checked by the struct.
pub fn parse<'py, T: DeserializeOwned>(
    py: Python<'py>,
    kwargs: Option<&Bound<'py, PyDict>>,
    allowed: &[&'static str],
) -> PyResult<T> {
    let d = kwargs.cloned().unwrap_or_else(|| PyDict::new(py));
    // Plain values among the allowed fields go the fast way; otherwise the fields are
    // checked and read the general way, whose messages name the field in Python's words.
    if let Some(input) = crate::numbers::numbers(&d, allowed)?.and_then(crate::numbers::deserialize) {
        return Ok(input);
    }
    check_fields(&d, allowed)?;
    deserialize_at(d.as_any(), "")
}

/// An error naming the first key of `d` not among `allowed` (camelCase).
pub fn check_fields(d: &Bound<'_, PyDict>, allowed: &[&str]) -> PyResult<()> {
    for k in d.keys() {
        let key = k
            .cast::<PyString>()
            .map(|s| s.to_cow())
            .map_or(Ok(Default::default()), |c| c)?;
        if !allowed.iter().any(|a| crate::numbers::same_name(&key, a)) {
            let names: Vec<String> = allowed.iter().map(|a| snake(a)).collect();
            return Err(error(format!(
                "{key}: unknown field; expected one of {}",
                names.join(", ")
            )));
        }
    }
    Ok(())
}

/// A result as Python values: structs as dicts with snake_case keys, lists of numbers as
/// NumPy arrays (float64, or int64 when every element is an integer; see `out`).
pub fn to_py<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    crate::out::to_py(py, value)
}

/// Makes sure the NumPy C API is reachable (a clear ImportError otherwise).
pub fn numpy_ready(py: Python<'_>) -> PyResult<()> {
    let a = PyArray1::<f64>::zeros(py, 0, false);
    let _ = a.len();
    Ok(())
}
