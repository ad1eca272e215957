//! Structs written as dicts. Each struct's dict is a copy of its template (`super::dict`),
//! and the template a struct will need is guessed from what it is — its name, variant,
//! number of fields and, at the top, the face's extra fields — as the one the last such
//! struct had. With a guess, each value goes straight into the copy, its name checked
//! against the template's; without one, or as soon as a name differs, the fields are
//! gathered on the writer's stack and the dict made from them (the guess then
//! remembered). Either way the dict is the same.

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde::ser::{self, Serialize};

use super::dict::{guess, one_field_dict, remember, same, struct_dict, NamesHash, Template};
use super::py::{Error, PySer};
use super::Writer;

type Result<T> = std::result::Result<T, Error>;

/// Where a struct's fields go: into a copy of the guessed template (`next`: the next
/// field's place), or onto the writer's stack (from `start`).
enum Target<'py> {
    Dict {
        t: &'static Template,
        dict: Bound<'py, PyDict>,
        next: usize,
    },
    Stack {
        start: usize,
        hash: NamesHash,
    },
}

type Fields<'py> = Vec<(&'static str, Bound<'py, PyAny>)>;

impl<'py> Target<'py> {
    /// Adds a field: into the dict while it fits the guess, else onto the stack.
    #[inline(always)]
    fn push(&mut self, py: Python<'py>, stack: &mut Fields<'py>, k: &'static str, v: Bound<'py, PyAny>) -> Result<()> {
        if let Target::Dict { t, dict, next } = self {
            if t.names.get(*next).is_some_and(|&name| same(name, k)) {
                // SAFETY: the dict, key and value are live (held here); the call does not
                // take their references.
                if t.holds(*next, &v)
                    || unsafe { ffi::PyDict_SetItem(dict.as_ptr(), t.keys[*next].as_ptr(), v.as_ptr()) } == 0
                {
                    *next += 1;
                    return Ok(());
                }
                return Err(PyErr::fetch(py).into());
            }
        }
        self.push_on_stack(stack, k, v)
    }

    #[cold]
    #[inline(never)]
    fn push_on_stack(&mut self, stack: &mut Fields<'py>, k: &'static str, v: Bound<'py, PyAny>) -> Result<()> {
        if matches!(self, Target::Dict { .. }) {
            self.spill(stack)?;
        }
        if let Target::Stack { hash, .. } = self {
            hash.add(k);
        }
        stack.push((k, v));
        Ok(())
    }

    /// Moves the fields written into the dict so far onto the stack (a guess proved wrong).
    #[cold]
    fn spill(&mut self, stack: &mut Fields<'py>) -> PyResult<()> {
        let (start, mut hash) = (stack.len(), NamesHash::default());
        if let Target::Dict { t, dict, next } = std::mem::replace(self, Target::Stack { start, hash }) {
            for (name, k) in t.names.iter().zip(t.keys.iter()).take(next) {
                let v = dict.get_item(k)?.expect("a field written into the dict");
                hash.add(name);
                stack.push((name, v));
            }
        }
        *self = Target::Stack { start, hash };
        Ok(())
    }
}

/// A struct being written; at the `top`, the writer's extra fields follow its own;
/// `variant` wraps them as `{variant: {fields}}`.
pub struct PyStruct<'a, 'py> {
    py: Python<'py>,
    w: &'a mut Writer<'py>,
    /// What the struct is (the key of its guess).
    key: NamesHash,
    into: Target<'py>,
    top: bool,
    variant: Option<&'static str>,
}

impl<'a, 'py> PyStruct<'a, 'py> {
    pub fn new(
        py: Python<'py>,
        w: &'a mut Writer<'py>,
        top: bool,
        (name, variant, len): (&'static str, Option<&'static str>, usize),
    ) -> Result<Self> {
        let mut key = NamesHash::default();
        key.add(name);
        key.add(variant.unwrap_or(""));
        key.add_number(len);
        if top {
            let extra = &w.extra;
            extra.append.iter().chain(&extra.replace).for_each(|(k, _)| key.add(k));
        }
        let into = match guess(key) {
            Some(t) => Target::Dict {
                t,
                dict: t.dict.bind(py).copy()?,
                next: 0,
            },
            None => Target::Stack {
                start: w.fields.len(),
                hash: NamesHash::default(),
            },
        };
        Ok(PyStruct {
            py,
            w,
            key,
            into,
            top,
            variant,
        })
    }

    #[inline(always)]
    fn field<T: Serialize + ?Sized>(&mut self, k: &'static str, value: &T) -> Result<()> {
        // The value the face gives for this field, if any, in its place.
        if self.top && self.w.extra.replace.as_ref().is_some_and(|(name, _)| *name == k) {
            let (_, v) = self.w.extra.replace.take().expect("checked");
            return self.push(k, v);
        }
        let v = value.serialize(PySer::below(self.py, &mut *self.w))?;
        self.push(k, v)
    }

    #[inline(always)]
    fn push(&mut self, k: &'static str, v: Bound<'py, PyAny>) -> Result<()> {
        self.into.push(self.py, &mut self.w.fields, k, v)
    }

    fn done(mut self) -> Result<Bound<'py, PyAny>> {
        if self.top {
            let w = &mut *self.w;
            for (k, v) in w.extra.append.drain(..) {
                self.into.push(self.py, &mut w.fields, k, v)?;
            }
            if let Some((k, v)) = w.extra.replace.take() {
                self.into.push(self.py, &mut w.fields, k, v)?;
            }
        }
        if matches!(&self.into, Target::Dict { t, next, .. } if *next < t.names.len()) {
            self.into.spill(&mut self.w.fields)?;
        }
        let dict = match self.into {
            Target::Dict { dict, .. } => dict,
            Target::Stack { start, hash } => {
                let made = struct_dict(self.py, &self.w.fields[start..], hash);
                self.w.fields.truncate(start);
                let (dict, t) = made?;
                remember(self.key, t);
                dict
            }
        };
        Ok(match self.variant {
            Some(v) => one_field_dict(self.py, v, dict.into_any())?.into_any(),
            None => dict.into_any(),
        })
    }
}

impl<'py> ser::SerializeStruct for PyStruct<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    #[inline(always)]
    fn serialize_field<T: Serialize + ?Sized>(&mut self, k: &'static str, value: &T) -> Result<()> {
        self.field(k, value)
    }
    fn end(self) -> Result<Bound<'py, PyAny>> {
        self.done()
    }
}

impl<'py> ser::SerializeStructVariant for PyStruct<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    #[inline(always)]
    fn serialize_field<T: Serialize + ?Sized>(&mut self, k: &'static str, value: &T) -> Result<()> {
        self.field(k, value)
    }
    fn end(self) -> Result<Bound<'py, PyAny>> {
        self.done()
    }
}
