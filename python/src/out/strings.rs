//! Short string values of results (an equilibrium's kind, a method's name, a rule) as
//! Python strings made once: the same few values recur in every result, and a look-up
//! costs less than decoding a new string. So is the float 0.0 (an error estimate of a
//! closed form, an exploitability): one object for every +0.0 (not -0.0). Strings and
//! floats are immutable, so sharing one is invisible but to `is`.
//!
//! The engine's values are mostly its own `&'static str`s, at the same address each
//! time: a slot chosen by a string's address and length remembers the last entry found
//! for it (checked by comparing the text), before the table of all of them.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::Mutex;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyFloat, PyString};

use super::keys::AddressHasher;

/// The longest string kept, and how many are kept at most.
pub const MAX_LEN: usize = 24;
const MAX_COUNT: usize = 256;

/// A string kept: its text and its Python string (leaked: kept for the process).
struct Entry {
    text: Box<str>,
    py: Py<PyString>,
}

type Strings = HashMap<Box<str>, &'static Entry, BuildHasherDefault<AddressHasher>>;

static STRINGS: Mutex<Option<Strings>> = Mutex::new(None);

/// The entry last found for a string at an address (null or a leaked entry).
static RECENT: [AtomicPtr<Entry>; 64] = [const { AtomicPtr::new(std::ptr::null_mut()) }; 64];

/// `s` as a Python string.
pub fn string<'py>(py: Python<'py>, s: &str) -> Bound<'py, PyString> {
    if s.len() > MAX_LEN {
        return PyString::new(py, s);
    }
    let at = (s.as_ptr() as usize ^ s.len().rotate_left(40)).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58;
    let slot = &RECENT[at % RECENT.len()];
    // SAFETY: a slot holds null or a leaked entry (never freed).
    if let Some(e) = unsafe { slot.load(Ordering::Acquire).as_ref() } {
        if *e.text == *s {
            return e.py.bind(py).clone();
        }
    }
    match entry(py, s) {
        Some(e) => {
            slot.store(std::ptr::from_ref(e).cast_mut(), Ordering::Release);
            e.py.bind(py).clone()
        }
        None => PyString::new(py, s),
    }
}

/// The entry of `s`, made if there is room.
fn entry(py: Python<'_>, s: &str) -> Option<&'static Entry> {
    let lock = || STRINGS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&e) = lock().get_or_insert_with(Strings::default).get(s) {
        return Some(e);
    }
    // No lock is held while Python runs (making a string may start the garbage collector).
    let p = PyString::new(py, s).unbind();
    let mut strings = lock();
    let strings = strings.get_or_insert_with(Strings::default);
    if let Some(&e) = strings.get(s) {
        return Some(e);
    }
    if strings.len() >= MAX_COUNT {
        return None;
    }
    let e: &'static Entry = Box::leak(Box::new(Entry { text: s.into(), py: p }));
    strings.insert(s.into(), e);
    Some(e)
}

static ZERO: PyOnceLock<Py<PyFloat>> = PyOnceLock::new();

/// `x` as a Python float: the one object of +0.0, or a new float.
#[inline]
pub fn float(py: Python<'_>, x: f64) -> Bound<'_, PyFloat> {
    if x.to_bits() == 0 {
        return ZERO.get_or_init(py, || PyFloat::new(py, 0.0).unbind()).bind(py).clone();
    }
    PyFloat::new(py, x)
}

/// Whether `v` is the one object of +0.0.
pub fn is_zero(v: &Bound<'_, PyAny>) -> bool {
    ZERO.get(v.py()).is_some_and(|z| z.as_ptr() == v.as_ptr())
}
