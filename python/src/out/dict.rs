//! Dicts of structs, made from a template. A struct's fields are the engine's
//! `&'static str`s, so each sequence of fields (a struct, with or without its optional
//! fields) gets once a template: a dict of its snake_case keys and the keys themselves. A
//! result's dict is a copy of it (`PyDict_Copy`: one allocation of the right size, its
//! keys' hashes copied) whose values are then replaced — the same dict, keys in the same
//! order, as inserting the fields one by one into an empty dict, without its growing
//! twice (8 → 16 → 32 slots) or a cache look-up a key. A value the copy holds already
//! (the same object: see [`Template`]) is not written again.
//!
//! A struct's fields come with a hash of their names made as they come ([`NamesHash`]),
//! the template's key; templates live as long as the process (there are as many as the
//! engine's structs and their variants), and the one last used for each kind of struct
//! is remembered as the guess of the next (`super::structs`).

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::Mutex;

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt, PyString};
use smallvec::SmallVec;

use super::keys::{static_key, AddressHasher};

/// A struct's fields (name, value) in order, gathered by the tree's maps: up to 20 in
/// place, more on the heap.
pub type Fields<'py> = SmallVec<[(&'static str, Bound<'py, PyAny>); 20]>;

/// A hash of a sequence of field names (the address and length of each), made one name
/// at a time: a multiply and a rotation a name.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct NamesHash(u64);

impl NamesHash {
    #[inline]
    pub fn add(&mut self, name: &'static str) {
        let x = name.as_ptr() as u64 ^ ((name.len() as u64) << 48);
        self.0 = (self.0 ^ x).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(26);
    }

    #[inline]
    pub fn add_number(&mut self, n: usize) {
        self.0 = (self.0 ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(26);
    }

    pub fn of(fields: &[(&'static str, Bound<'_, PyAny>)]) -> Self {
        let mut h = NamesHash::default();
        for (k, _) in fields {
            h.add(k);
        }
        h
    }
}

/// The same static name (address and length; `==` would compare the bytes).
#[inline]
pub fn same(a: &'static str, b: &'static str) -> bool {
    a.as_ptr() == b.as_ptr() && a.len() == b.len()
}

/// A struct's keys: their dict, the keys in field order, the fields' Rust names, and the
/// template's values (their addresses): None, or the first struct's value where it is
/// one that recurs as the same object (None, a bool, a small int, a short string or 0.0 —
/// `super::strings` makes each once). A copy already holds such a value: writing it is
/// skipped.
pub struct Template {
    pub dict: Py<PyDict>,
    pub keys: Box<[Py<PyString>]>,
    pub names: Box<[&'static str]>,
    pub values: Box<[usize]>,
}

impl Template {
    fn new(py: Python<'_>, fields: &[(&'static str, Bound<'_, PyAny>)]) -> PyResult<Self> {
        let dict = PyDict::new(py);
        let mut keys = Vec::with_capacity(fields.len());
        let mut values = Vec::with_capacity(fields.len());
        for (name, v) in fields {
            let k = static_key(py, name);
            let v = if recurs(v) { v.clone() } else { py.None().into_bound(py) };
            dict.set_item(&k, &v)?;
            keys.push(k.unbind());
            values.push(v.as_ptr() as usize);
        }
        Ok(Template {
            dict: dict.unbind(),
            keys: keys.into_boxed_slice(),
            names: fields.iter().map(|&(n, _)| n).collect(),
            values: values.into_boxed_slice(),
        })
    }

    /// Whether the `i`th value of a copy is `v` already.
    #[inline(always)]
    pub fn holds(&self, i: usize, v: &Bound<'_, PyAny>) -> bool {
        self.values[i] == v.as_ptr() as usize
    }

    fn fits(&self, fields: &[(&'static str, Bound<'_, PyAny>)]) -> bool {
        self.names.len() == fields.len() && self.names.iter().zip(fields).all(|(&n, &(k, _))| same(n, k))
    }
}

/// Whether `v` is a value that recurs as the same object: None, a bool, an int CPython
/// keeps one of (-5 to 256), a string short enough for `super::strings`, its 0.0.
fn recurs(v: &Bound<'_, PyAny>) -> bool {
    if v.is_none() || v.is_exact_instance_of::<PyBool>() || super::strings::is_zero(v) {
        return true;
    }
    if v.is_exact_instance_of::<PyInt>() {
        return v.extract::<i64>().is_ok_and(|i| (-5..=256).contains(&i));
    }
    v.cast_exact::<PyString>()
        .is_ok_and(|s| s.len().is_ok_and(|n| n <= super::strings::MAX_LEN))
}

/// Templates by the hash of their fields' names (those of one hash in a list).
type Templates = HashMap<u64, Vec<&'static Template>, BuildHasherDefault<AddressHasher>>;

static TEMPLATES: Mutex<Option<Templates>> = Mutex::new(None);

fn find(hash: NamesHash, fields: &[(&'static str, Bound<'_, PyAny>)]) -> Option<&'static Template> {
    let mut templates = TEMPLATES.lock().unwrap_or_else(|e| e.into_inner());
    let ts = templates.get_or_insert_with(Templates::default).get(&hash.0)?;
    ts.iter().copied().find(|t| t.fits(fields))
}

/// The template of `fields`' names, `hash` their [`NamesHash`] (made at the first use; no
/// lock is held while Python runs: making a dict may start the garbage collector, which
/// may run any code).
fn template_of(
    py: Python<'_>,
    hash: NamesHash,
    fields: &[(&'static str, Bound<'_, PyAny>)],
) -> PyResult<&'static Template> {
    if let Some(t) = find(hash, fields) {
        return Ok(t);
    }
    let t = Template::new(py, fields)?;
    let mut templates = TEMPLATES.lock().unwrap_or_else(|e| e.into_inner());
    let ts = templates
        .get_or_insert_with(Templates::default)
        .entry(hash.0)
        .or_default();
    // Another thread may have made it meanwhile: one template of each stays.
    if let Some(&old) = ts.iter().find(|t| t.fits(fields)) {
        return Ok(old);
    }
    let t: &'static Template = Box::leak(Box::new(t));
    ts.push(t);
    Ok(t)
}

/// The template last made or used for structs of key `key` (`super::structs`), as
/// `guess` reads it: a slot a key's last bits (a guess is checked field by field, so
/// two keys sharing a slot only cost a guess).
static GUESSES: [AtomicPtr<Template>; 256] = [const { AtomicPtr::new(std::ptr::null_mut()) }; 256];

pub fn guess(key: NamesHash) -> Option<&'static Template> {
    let t = GUESSES[key.0 as usize % GUESSES.len()].load(Ordering::Acquire);
    // SAFETY: a slot holds null or a template leaked by `template_of` (never freed).
    unsafe { t.as_ref() }
}

pub fn remember(key: NamesHash, t: &'static Template) {
    GUESSES[key.0 as usize % GUESSES.len()].store(std::ptr::from_ref(t).cast_mut(), Ordering::Release);
}

/// A dict of `fields` (a struct's, in order) with snake_case keys, and its template;
/// `hash` is the [`NamesHash`] of their names.
pub fn struct_dict<'py>(
    py: Python<'py>,
    fields: &[(&'static str, Bound<'py, PyAny>)],
    hash: NamesHash,
) -> PyResult<(Bound<'py, PyDict>, &'static Template)> {
    debug_assert!(hash == NamesHash::of(fields));
    let t = template_of(py, hash, fields)?;
    let dict = t.dict.bind(py).copy()?;
    for (i, (k, (_, v))) in t.keys.iter().zip(fields).enumerate() {
        // SAFETY: the dict, key and value are live objects (held here); the call does
        // not take their references.
        if !t.holds(i, v) && unsafe { ffi::PyDict_SetItem(dict.as_ptr(), k.as_ptr(), v.as_ptr()) } < 0 {
            return Err(PyErr::fetch(py));
        }
    }
    Ok((dict, t))
}

/// A dict of one field (a variant's `{name: value}`).
pub fn one_field_dict<'py>(
    py: Python<'py>,
    name: &'static str,
    value: Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyDict>> {
    let fields = [(name, value)];
    Ok(struct_dict(py, &fields, NamesHash::of(&fields))?.0)
}
