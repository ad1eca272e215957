//! The compound values of [`super::py::PySer`]: sequences (gathered as an [`Out`] tree,
//! their type known at the end) and maps (written as dicts); structs are in `super::structs`.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use serde::ser::{self, Serialize};

use super::keys::key;
use super::py::{Error, PySer};
use super::ser::{key_string, SeqBuilder, Ser};
use super::Writer;

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
pub struct PyMap<'a, 'py> {
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyString>>,
    w: &'a mut Writer<'py>,
}

impl<'a, 'py> PyMap<'a, 'py> {
    pub fn new(dict: Bound<'py, PyDict>, w: &'a mut Writer<'py>) -> Self {
        PyMap { dict, key: None, w }
    }
}

impl<'py> ser::SerializeMap for PyMap<'_, 'py> {
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
        let v = value.serialize(PySer::below(self.dict.py(), &mut *self.w))?;
        Ok(self.dict.set_item(k, v)?)
    }
    fn end(self) -> Result<Bound<'py, PyAny>> {
        Ok(self.dict.into_any())
    }
}
