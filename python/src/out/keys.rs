//! Dict keys as Python strings. A struct's field names are the engine's `&'static str`s
//! (camelCase): each one's snake_case Python string is made once and kept, so a result
//! with thousands of dicts (the market's holders, a curve's points) allocates no key.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Mutex;

use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert::snake;

/// Python strings by the address and length of their Rust string.
type Cache = HashMap<(usize, usize), Py<PyString>>;

/// The Python strings of static keys.
static KEYS: Mutex<Option<Cache>> = Mutex::new(None);

/// The Python (snake_case) string of a key.
pub fn key<'py>(py: Python<'py>, k: Cow<'static, str>) -> Bound<'py, PyString> {
    let k: &'static str = match k {
        Cow::Borrowed(k) => k,
        Cow::Owned(k) => return PyString::new(py, &snake(&k)),
    };
    let id = (k.as_ptr() as usize, k.len());
    let mut keys = KEYS.lock().unwrap_or_else(|e| e.into_inner());
    let keys = keys.get_or_insert_with(HashMap::new);
    keys.entry(id)
        .or_insert_with(|| PyString::intern(py, &snake(k)).unbind())
        .bind(py)
        .clone()
}
