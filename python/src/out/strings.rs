//! Short string values of results (an equilibrium's kind, a method's name, a rule) as
//! Python strings made once: the same few values recur in every result, and a look-up
//! costs less than decoding a new string. Strings are immutable, so sharing one is
//! invisible but to `is`.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::Mutex;

use pyo3::prelude::*;
use pyo3::types::PyString;

use super::keys::AddressHasher;

/// The longest string kept, and how many are kept at most.
const MAX_LEN: usize = 24;
const MAX_COUNT: usize = 256;

type Strings = HashMap<Box<str>, Py<PyString>, BuildHasherDefault<AddressHasher>>;

static STRINGS: Mutex<Option<Strings>> = Mutex::new(None);

/// `s` as a Python string.
pub fn string<'py>(py: Python<'py>, s: &str) -> Bound<'py, PyString> {
    if s.len() > MAX_LEN {
        return PyString::new(py, s);
    }
    let lock = || STRINGS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(p) = lock().get_or_insert_with(Strings::default).get(s) {
        return p.bind(py).clone();
    }
    let p = PyString::new(py, s);
    let mut strings = lock();
    let strings = strings.get_or_insert_with(Strings::default);
    if strings.len() < MAX_COUNT {
        strings.insert(s.into(), p.clone().unbind());
    }
    p
}
