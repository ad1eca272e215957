//! Results to Python in one pass: a serde serializer writes them as Python values —
//! structs as dicts (snake_case keys, in field order), numbers and strings as
//! themselves; a sequence is first gathered as a small tree ([`Out`]), then becomes a
//! NumPy array built straight from its numbers (no Python float for each) or, when not
//! all numbers, a list. NaN and infinities pass through (JSON could not carry them).

use numpy::PyArray1;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use smallvec::SmallVec;

use std::borrow::Cow;

mod compound;
mod dict;
mod keys;
mod py;
mod ser;
mod strings;
mod structs;

/// Fields a face adds to a result's top struct: `append`ed after its own fields, and
/// one that `replace`s its field of that name, in its place (last where it has none) —
/// the dict that setting them on the struct's dict would give.
#[derive(Default)]
pub struct Extra<'py> {
    pub append: SmallVec<[(&'static str, Bound<'py, PyAny>); 6]>,
    pub replace: Option<(&'static str, Bound<'py, PyAny>)>,
}

impl Extra<'_> {
    fn is_empty(&self) -> bool {
        self.append.is_empty() && self.replace.is_none()
    }
}

/// What writing results keeps besides a value: the fields of the structs gathered before
/// their dict is made (`structs`: those without a guess of their template), as a stack
/// (a struct's own above those of the structs it is in), and the [`Extra`] fields of the
/// next top struct. One writer can write a call's results one after the other.
#[derive(Default)]
pub struct Writer<'py> {
    fields: Vec<(&'static str, Bound<'py, PyAny>)>,
    pub extra: Extra<'py>,
}

/// `value` as Python values.
pub fn to_py<'py, T: serde::Serialize + ?Sized>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    to_py_with(py, value, &mut Writer::default())
}

/// `value` as Python values, with the writer's extra fields (taken; `value` must then be
/// a struct).
pub fn to_py_with<'py, T: serde::Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
    w: &mut Writer<'py>,
) -> PyResult<Bound<'py, PyAny>> {
    value.serialize(py::PySer { py, w, top: true }).map_err(py_error)
}

/// A list of `items`, made at its length (no vector of them first).
pub fn list_of<'py>(
    py: Python<'py>,
    items: impl ExactSizeIterator<Item = PyResult<Bound<'py, PyAny>>>,
) -> PyResult<Bound<'py, PyList>> {
    let len = items.len();
    // SAFETY: PyList_New gives a new list of `len` empty slots, or null with an exception.
    let list = unsafe { Bound::from_owned_ptr_or_err(py, ffi::PyList_New(len as ffi::Py_ssize_t))? };
    let mut filled = 0;
    for item in items.take(len) {
        // SAFETY: `filled` < `len`; SetItem takes the item's reference (an empty slot
        // holds none to release).
        if unsafe { ffi::PyList_SetItem(list.as_ptr(), filled as ffi::Py_ssize_t, item?.into_ptr()) } < 0 {
            return Err(PyErr::fetch(py));
        }
        filled += 1;
    }
    if filled < len {
        return Err(crate::convert::error("output: fewer items than a list's length"));
    }
    // SAFETY: PyList_New made a list.
    Ok(unsafe { list.cast_into_unchecked() })
}

fn py_error(e: py::Error) -> PyErr {
    match e {
        py::Error::Py(e) => e,
        py::Error::Out(e) => crate::convert::error(format!("output: {e}")),
    }
}

/// A serialization error (a result the serializer cannot represent).
#[derive(Debug)]
pub struct OutError(String);

impl std::fmt::Display for OutError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for OutError {}

impl serde::ser::Error for OutError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        OutError(msg.to_string())
    }
}

/// A serialized value.
pub enum Out {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(String),
    Seq(Vec<Out>),
    /// A sequence whose every element is a float (kept as the numbers themselves).
    Floats(Vec<f64>),
    Map(Vec<(Cow<'static, str>, Out)>),
}

impl Out {
    fn number(&self) -> Option<f64> {
        match *self {
            Out::Int(i) => Some(i as f64),
            Out::UInt(u) => Some(u as f64),
            Out::Float(x) => Some(x),
            _ => None,
        }
    }

    fn integer(&self) -> Option<i64> {
        match *self {
            Out::Int(i) => Some(i),
            Out::UInt(u) => i64::try_from(u).ok(),
            _ => None,
        }
    }

    /// The value as Python objects.
    pub fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        Ok(match self {
            Out::Null => py.None().into_bound(py),
            Out::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
            Out::Int(i) => i.into_pyobject(py)?.into_any(),
            Out::UInt(u) => u.into_pyobject(py)?.into_any(),
            Out::Float(x) => strings::float(py, x).into_any(),
            Out::Str(s) => s.into_pyobject(py)?.into_any(),
            Out::Floats(v) => crate::arrays::array_from(py, v)?,
            Out::Seq(v) if !v.is_empty() && v.iter().all(|x| x.number().is_some()) => {
                match v.iter().map(Out::integer).collect::<Option<Vec<i64>>>() {
                    Some(ints) => PyArray1::from_vec(py, ints).into_any(),
                    None => PyArray1::from_vec(py, v.iter().filter_map(Out::number).collect()).into_any(),
                }
            }
            Out::Seq(v) => {
                let list = PyList::empty(py);
                for x in v {
                    list.append(x.into_py(py)?)?;
                }
                list.into_any()
            }
            // A struct's fields (static names): its template's dict.
            Out::Map(entries) if entries.iter().all(|(k, _)| matches!(k, Cow::Borrowed(_))) => {
                let mut fields = dict::Fields::with_capacity(entries.len());
                for (k, v) in entries {
                    if let Cow::Borrowed(k) = k {
                        fields.push((k, v.into_py(py)?));
                    }
                }
                let hash = dict::NamesHash::of(&fields);
                dict::struct_dict(py, &fields, hash)?.0.into_any()
            }
            Out::Map(entries) => {
                let d = PyDict::new(py);
                for (k, v) in entries {
                    d.set_item(keys::key(py, k), v.into_py(py)?)?;
                }
                d.into_any()
            }
        })
    }
}
