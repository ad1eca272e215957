//! The serde serializer of results straight into Python values: structs as dicts (made
//! from their templates, `super::dict`), maps as dicts, numbers, strings and None as
//! themselves. Sequences, whose Python type (a NumPy array or a list) depends on every
//! element, are gathered as an [`Out`] tree first, as before.

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat};
use serde::ser::{self, Serialize};

use super::compound::{PyMap, PySeq, PyStruct};
use super::dict::struct_dict;
use super::ser::SeqBuilder;
use super::{Out, OutError};

/// An error while writing: Python's, or the serializer's (a message).
#[derive(Debug)]
pub enum Error {
    Py(PyErr),
    Out(OutError),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Py(e) => e.fmt(f),
            Error::Out(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error::Out(OutError(msg.to_string()))
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error::Py(e)
    }
}

impl From<OutError> for Error {
    fn from(e: OutError) -> Self {
        Error::Out(e)
    }
}

type Result<T> = std::result::Result<T, Error>;

/// The serializer; `extra` are fields added after the top struct's own (the arrays a
/// face adds itself), empty below the top.
pub struct PySer<'py> {
    pub py: Python<'py>,
    pub extra: Vec<(&'static str, Bound<'py, PyAny>)>,
}

impl<'py> PySer<'py> {
    #[inline]
    pub fn below(py: Python<'py>) -> Self {
        PySer { py, extra: Vec::new() }
    }

    #[inline]
    fn plain(self, v: Bound<'py, PyAny>) -> Result<Bound<'py, PyAny>> {
        if !self.extra.is_empty() {
            return Err(OutError("output: fields added to a value that is not a struct".into()).into());
        }
        Ok(v)
    }

    fn seq(self, len: usize) -> Result<PySeq<'py>> {
        let py = self.py;
        self.plain(py.None().into_bound(py))?;
        Ok(PySeq::new(py, SeqBuilder::new(len)))
    }
}

impl<'py> ser::Serializer for PySer<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = PySeq<'py>;
    type SerializeTuple = PySeq<'py>;
    type SerializeTupleStruct = PySeq<'py>;
    type SerializeTupleVariant = PySeq<'py>;
    type SerializeMap = PyMap<'py>;
    type SerializeStruct = PyStruct<'py>;
    type SerializeStructVariant = PyStruct<'py>;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok> {
        let b = PyBool::new(self.py, v).to_owned().into_any();
        self.plain(b)
    }
    fn serialize_i8(self, v: i8) -> Result<Self::Ok> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<Self::Ok> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<Self::Ok> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok> {
        let Ok(i) = v.into_pyobject(self.py);
        let i = i.into_any();
        self.plain(i)
    }
    fn serialize_u8(self, v: u8) -> Result<Self::Ok> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<Self::Ok> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<Self::Ok> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok> {
        let Ok(u) = v.into_pyobject(self.py);
        let u = u.into_any();
        self.plain(u)
    }
    fn serialize_f32(self, v: f32) -> Result<Self::Ok> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<Self::Ok> {
        let x = PyFloat::new(self.py, v).into_any();
        self.plain(x)
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<Self::Ok> {
        let s = super::strings::string(self.py, v).into_any();
        self.plain(s)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok> {
        let out = Out::Seq(v.iter().map(|&b| Out::UInt(b.into())).collect());
        let py = self.py;
        self.plain(out.into_py(py)?)
    }
    fn serialize_none(self) -> Result<Self::Ok> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Self::Ok> {
        let none = self.py.None().into_bound(self.py);
        self.plain(none)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, _i: u32, variant: &'static str) -> Result<Self::Ok> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<Self::Ok> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        let inner = value.serialize(PySer::below(self.py))?;
        let py = self.py;
        self.plain(struct_dict(py, vec![(variant, inner)])?.into_any())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<PySeq<'py>> {
        self.seq(len.unwrap_or(0))
    }
    fn serialize_tuple(self, len: usize) -> Result<PySeq<'py>> {
        self.seq(len)
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<PySeq<'py>> {
        self.seq(len)
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, len: usize) -> Result<PySeq<'py>> {
        self.seq(len)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<PyMap<'py>> {
        let py = self.py;
        self.plain(py.None().into_bound(py))?;
        let dict = PyDict::new(py);
        Ok(PyMap::new(dict))
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<PyStruct<'py>> {
        Ok(PyStruct::new(self.py, len, self.extra))
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        _i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<PyStruct<'py>> {
        Ok(self.serialize_struct(name, len)?.in_variant(variant))
    }
}
