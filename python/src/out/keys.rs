//! Dict keys as Python strings. A struct's field names are the engine's `&'static str`s
//! (camelCase): each one's snake_case Python string is made once and kept, so a result
//! with thousands of dicts (the market's holders, a curve's points) allocates no key.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Mutex;

use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert::snake;

/// Python strings by the address and length of their Rust string.
type Cache = HashMap<(usize, usize), Py<PyString>, BuildHasherDefault<AddressHasher>>;

/// The Python strings of static keys.
static KEYS: Mutex<Option<Cache>> = Mutex::new(None);

/// A hash of addresses: a multiply and a rotation a word (the default SipHash, made for
/// keys an attacker chooses, took a tenth of a small result's conversion).
#[derive(Default)]
pub struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes a word (a string's: `out::strings`).
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            self.write_u64(u64::from_le_bytes(w.try_into().expect("eight bytes")));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut last = [0; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(last));
        }
    }

    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0 ^ x).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(26);
    }

    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }
}

/// The Python (snake_case) string of a key.
pub fn key<'py>(py: Python<'py>, k: Cow<'static, str>) -> Bound<'py, PyString> {
    match k {
        Cow::Borrowed(k) => static_key(py, k),
        Cow::Owned(k) => PyString::new(py, &snake(&k)),
    }
}

/// The Python (snake_case) string of a static key, made once.
pub fn static_key<'py>(py: Python<'py>, k: &'static str) -> Bound<'py, PyString> {
    let id = (k.as_ptr() as usize, k.len());
    let mut keys = KEYS.lock().unwrap_or_else(|e| e.into_inner());
    let keys = keys.get_or_insert_with(Cache::default);
    keys.entry(id)
        .or_insert_with(|| PyString::intern(py, &snake(k)).unbind())
        .bind(py)
        .clone()
}
