//! The compound values of [`super::py::PySer`]: sequences (gathered as an [`Out`] tree,
//! their type known at the end), maps and structs (written as dicts).

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use serde::ser::{self, Serialize};

use super::dict::struct_dict;
use super::keys::key;
use super::py::{Error, PySer};
use super::ser::{key_string, SeqBuilder, Ser};

type Result<T> = std::result::Result<T, Error>;

/// A sequence being gathered.
pub struct PySeq<'py>(Python<'py>, SeqBuilder);

impl<'py> PySeq<'py> {
    pub fn new(py: Python<'py>, seq: SeqBuilder) -> Self {
        PySeq(py, seq)
    }

    #[inline]
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        Ok(self.1.push(value)?)
    }

    fn done(self) -> Result<Bound<'py, PyAny>> {
        Ok(self.1.done().into_py(self.0)?)
    }
}

macro_rules! seq_impl {
    ($trait:ident, $method:ident) => {
        impl<'py> ser::$trait for PySeq<'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
                self.push(value)
            }
            fn end(self) -> Result<Bound<'py, PyAny>> {
                self.done()
            }
        }
    };
}

seq_impl!(SerializeSeq, serialize_element);
seq_impl!(SerializeTuple, serialize_element);
seq_impl!(SerializeTupleStruct, serialize_field);
seq_impl!(SerializeTupleVariant, serialize_field);

/// A map's dict being filled, and its pending key (snake_case, as the tree's maps).
pub struct PyMap<'py> {
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyString>>,
}

impl<'py> PyMap<'py> {
    pub fn new(dict: Bound<'py, PyDict>) -> Self {
        PyMap { dict, key: None }
    }
}

impl<'py> ser::SerializeMap for PyMap<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<()> {
        let k = key_string(k.serialize(Ser)?)?;
        self.key = Some(key(self.dict.py(), k.into()));
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let k = self
            .key
            .take()
            .ok_or_else(|| <Error as ser::Error>::custom("output: a map value without its key"))?;
        let v = value.serialize(PySer::below(self.dict.py()))?;
        Ok(self.dict.set_item(k, v)?)
    }
    fn end(self) -> Result<Bound<'py, PyAny>> {
        Ok(self.dict.into_any())
    }
}

/// A struct's fields being written (then `extra`); `variant` wraps them as
/// `{variant: {fields}}`.
pub struct PyStruct<'py> {
    py: Python<'py>,
    fields: Vec<(&'static str, Bound<'py, PyAny>)>,
    extra: Vec<(&'static str, Bound<'py, PyAny>)>,
    variant: Option<&'static str>,
}

impl<'py> PyStruct<'py> {
    pub fn new(py: Python<'py>, len: usize, extra: Vec<(&'static str, Bound<'py, PyAny>)>) -> Self {
        let fields = Vec::with_capacity(len + extra.len());
        PyStruct {
            py,
            fields,
            extra,
            variant: None,
        }
    }

    pub fn in_variant(mut self, variant: &'static str) -> Self {
        self.variant = Some(variant);
        self
    }

    #[inline]
    fn field<T: Serialize + ?Sized>(&mut self, k: &'static str, value: &T) -> Result<()> {
        self.fields.push((k, value.serialize(PySer::below(self.py))?));
        Ok(())
    }

    fn done(mut self) -> Result<Bound<'py, PyAny>> {
        self.fields.append(&mut self.extra);
        let dict = struct_dict(self.py, self.fields)?.into_any();
        Ok(match self.variant {
            Some(v) => struct_dict(self.py, vec![(v, dict)])?.into_any(),
            None => dict,
        })
    }
}

impl<'py> ser::SerializeStruct for PyStruct<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, k: &'static str, value: &T) -> Result<()> {
        self.field(k, value)
    }
    fn end(self) -> Result<Bound<'py, PyAny>> {
        self.done()
    }
}

impl<'py> ser::SerializeStructVariant for PyStruct<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, k: &'static str, value: &T) -> Result<()> {
        self.field(k, value)
    }
    fn end(self) -> Result<Bound<'py, PyAny>> {
        self.done()
    }
}
