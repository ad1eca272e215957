//! The functions that take keyword arguments only (`f(**kwargs)`) as CPython calls them:
//! with the call's own dict of keywords. PyO3's wrapper copies that dict into a new one,
//! key by key (on the stable ABI before Python 3.10, each key also copied to bytes): a
//! tenth of a short call's conversions. Here each such function is registered with the
//! name, signature and docstring of PyO3's wrapper (made at import, then dropped) and a
//! wrapper of its own that hands the dict over as it is; panics become PyO3's
//! `PanicException`, and positional arguments PyO3's `TypeError`, as before.

use std::ffi::CString;
use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::PyTypeError;
use pyo3::ffi;
use pyo3::panic::PanicException;
use pyo3::prelude::*;
use pyo3::types::{PyCFunction, PyDict};

/// A function of keyword arguments only, as written for `#[pyfunction]`.
pub type KwargsFn = for<'py> fn(Python<'py>, Option<&Bound<'py, PyDict>>) -> PyResult<Bound<'py, PyAny>>;

/// Calls `f` with the keywords CPython gives (`kwargs`: a dict or null), as PyO3 would:
/// attached the way PyO3 counts it (`Python::attach`: the thread holds the GIL already, so
/// it only counts), a panic raised as `PanicException`.
///
/// # Safety
/// `args` is a tuple and `kwargs` a dict or null, both borrowed for the call (CPython's
/// `METH_VARARGS | METH_KEYWORDS` convention).
pub unsafe fn call(
    name: &str,
    args: *mut ffi::PyObject,
    kwargs: *mut ffi::PyObject,
    f: KwargsFn,
) -> *mut ffi::PyObject {
    Python::attach(|py| {
        let result = catch_unwind(AssertUnwindSafe(|| {
            // SAFETY: `args` is a tuple (the convention).
            let given = unsafe { ffi::PyTuple_Size(args) };
            if given != 0 {
                let was = if given == 1 { "was" } else { "were" };
                let msg = format!("{name}() takes 0 positional arguments but {given} {was} given");
                return Err(PyTypeError::new_err(msg));
            }
            // SAFETY: `kwargs` is a dict or null, borrowed for the call.
            let kwargs = unsafe { Bound::from_borrowed_ptr_or_opt(py, kwargs) };
            // SAFETY: the convention gives a dict.
            let kwargs = kwargs.map(|d| unsafe { d.cast_into_unchecked::<PyDict>() });
            f(py, kwargs.as_ref()).map(Bound::into_ptr)
        }));
        let err = match result {
            Ok(Ok(out)) => return out,
            Ok(Err(e)) => e,
            Err(payload) => {
                let msg = match (payload.downcast_ref::<&str>(), payload.downcast_ref::<String>()) {
                    (Some(s), _) => s.to_string(),
                    (_, Some(s)) => s.clone(),
                    _ => "panic from Rust code".to_string(),
                };
                PanicException::new_err(msg)
            }
        };
        err.restore(py);
        std::ptr::null_mut()
    })
}

/// Adds to `m` the function `raw` (a wrapper calling [`call`]) under the name,
/// signature and docstring of `pyo3_fn`, PyO3's wrapper of the same function.
pub fn add(
    m: &Bound<'_, PyModule>,
    pyo3_fn: Bound<'_, PyCFunction>,
    raw: ffi::PyCFunctionWithKeywords,
) -> PyResult<()> {
    let name: String = pyo3_fn.getattr("__name__")?.extract()?;
    let signature: String = pyo3_fn.getattr("__text_signature__")?.extract()?;
    let doc: String = pyo3_fn.getattr("__doc__")?.extract()?;
    // CPython reads the signature from the docstring's first line ("name(…)\n--\n\n").
    let doc = format!("{name}{signature}\n--\n\n{doc}");
    let cstring = |s: String| CString::new(s).map_err(|e| PyTypeError::new_err(e.to_string()));
    // Once per function at import: the method's strings live as long as the module.
    let name: &'static std::ffi::CStr = Box::leak(cstring(name)?.into_boxed_c_str());
    let doc: &'static std::ffi::CStr = Box::leak(cstring(doc)?.into_boxed_c_str());
    m.add_function(PyCFunction::new_with_keywords(m.py(), raw, name, doc, Some(m))?)
}

/// Adds `$f` (a `#[pyfunction]` of `**kwargs` only) to the module `$m` through [`add`].
macro_rules! add_kwargs_function {
    ($m:expr, $f:path, $name:literal) => {{
        unsafe extern "C" fn raw(
            _module: *mut pyo3::ffi::PyObject,
            args: *mut pyo3::ffi::PyObject,
            kwargs: *mut pyo3::ffi::PyObject,
        ) -> *mut pyo3::ffi::PyObject {
            fn f<'py>(
                py: pyo3::Python<'py>,
                kwargs: Option<&pyo3::Bound<'py, pyo3::types::PyDict>>,
            ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                pyo3::IntoPyObjectExt::into_bound_py_any($f(py, kwargs)?, py)
            }
            // SAFETY: CPython calls it with the convention `call` needs.
            unsafe { $crate::faces::call($name, args, kwargs, f) }
        }
        $crate::faces::add($m, pyo3::wrap_pyfunction!($f, $m)?, raw)
    }};
}

pub(crate) use add_kwargs_function;
