//! Dicts of structs, made from a template. A struct's fields are the engine's
//! `&'static str`s, so each sequence of fields (a struct, with or without its optional
//! fields) gets once a template: a dict of its snake_case keys (values None) and the keys
//! themselves. A result's dict is a copy of it (`PyDict_Copy`: one allocation of the
//! right size, its keys' hashes copied) whose values are then replaced — the same dict,
//! keys in the same order, as inserting the fields one by one into an empty dict, without
//! its growing twice (8 → 16 → 32 slots) or a cache look-up a key.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, Mutex};

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use super::keys::{static_key, AddressHasher};

/// A struct's keys: their dict (values None), the keys in field order, and the
/// addresses and lengths of the fields' Rust names.
struct Template {
    dict: Py<PyDict>,
    keys: Box<[Py<PyString>]>,
    names: Box<[(usize, usize)]>,
}

/// Templates by the hash of their fields' names (those of one hash in a list).
type Templates = HashMap<u64, Vec<Arc<Template>>, BuildHasherDefault<AddressHasher>>;

static TEMPLATES: Mutex<Option<Templates>> = Mutex::new(None);

/// The address and length of a field's name: the same for the same static name.
fn id(name: &'static str) -> (usize, usize) {
    (name.as_ptr() as usize, name.len())
}

/// A new template for the fields `names`.
fn template(py: Python<'_>, names: &[&'static str]) -> PyResult<Template> {
    let dict = PyDict::new(py);
    let mut keys = Vec::with_capacity(names.len());
    for &name in names {
        let k = static_key(py, name);
        dict.set_item(&k, py.None())?;
        keys.push(k.unbind());
    }
    Ok(Template {
        dict: dict.unbind(),
        keys: keys.into_boxed_slice(),
        names: names.iter().map(|&n| id(n)).collect(),
    })
}

/// The template of `fields`' names (made at the first use; no lock is held while
/// Python runs: a copy may start the garbage collector, which may run any code).
fn template_of(py: Python<'_>, fields: &[(&'static str, Bound<'_, PyAny>)]) -> PyResult<Arc<Template>> {
    let mut h = AddressHasher::default();
    for (k, _) in fields {
        let (address, len) = id(k);
        h.write_usize(address);
        h.write_usize(len);
    }
    let hash = h.finish();
    let same = |t: &&Arc<Template>| t.names.iter().copied().eq(fields.iter().map(|(k, _)| id(k)));
    let found = lock()
        .get_or_insert_with(Templates::default)
        .get(&hash)
        .and_then(|ts| ts.iter().find(same).cloned());
    if let Some(t) = found {
        return Ok(t);
    }
    let names: Vec<&'static str> = fields.iter().map(|(k, _)| *k).collect();
    let t = Arc::new(template(py, &names)?);
    lock()
        .get_or_insert_with(Templates::default)
        .entry(hash)
        .or_default()
        .push(t.clone());
    Ok(t)
}

fn lock() -> std::sync::MutexGuard<'static, Option<Templates>> {
    TEMPLATES.lock().unwrap_or_else(|e| e.into_inner())
}

/// A dict of `fields` (a struct's, in order) with snake_case keys.
pub fn struct_dict<'py>(
    py: Python<'py>,
    fields: Vec<(&'static str, Bound<'py, PyAny>)>,
) -> PyResult<Bound<'py, PyDict>> {
    let t = template_of(py, &fields)?;
    let dict = t.dict.bind(py).copy()?;
    for (k, (_, v)) in t.keys.iter().zip(fields) {
        // SAFETY: the dict, key and value are live objects (held here); the call does
        // not take their references.
        if unsafe { ffi::PyDict_SetItem(dict.as_ptr(), k.as_ptr(), v.as_ptr()) } < 0 {
            return Err(PyErr::fetch(py));
        }
    }
    Ok(dict)
}
