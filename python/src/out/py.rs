//! The serde serializer of results straight into Python values: structs as dicts (made
//! from their templates, `super::dict`), maps as dicts, numbers, strings and None as
//! themselves. Sequences, whose Python type (a NumPy array or a list) depends on every
//! element, are gathered as an [`Out`] tree first, as before.

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict};
use serde::ser::{self, Serialize};

use super::compound::{PyMap, PySeq};
use super::dict::one_field_dict;
use super::ser::SeqBuilder;
use super::structs::PyStruct;
use super::{Out, OutError, Writer};

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

/// The serializer: `w` keeps the structs' fields being written and, for the `top` value,
/// the fields a face adds (the arrays it makes itself, a value it replaces).
pub struct PySer<'a, 'py> {
    pub py: Python<'py>,
    pub w: &'a mut Writer<'py>,
    pub top: bool,
}

impl<'a, 'py> PySer<'a, 'py> {
    #[inline]
    pub fn below(py: Python<'py>, w: &'a mut Writer<'py>) -> Self {
        PySer { py, w, top: false }
    }

    #[inline]
    fn plain(self, v: Bound<'py, PyAny>) -> Result<Bound<'py, PyAny>> {
        if self.top && !self.w.extra.is_empty() {
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

impl<'a, 'py> ser::Serializer for PySer<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = PySeq<'py>;
    type SerializeTuple = PySeq<'py>;
    type SerializeTupleStruct = PySeq<'py>;
    type SerializeTupleVariant = PySeq<'py>;
    type SerializeMap = PyMap<'a, 'py>;
    type SerializeStruct = PyStruct<'a, 'py>;
    type SerializeStructVariant = PyStruct<'a, 'py>;

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
        let x = super::strings::float(self.py, v).into_any();
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
        let PySer { py, w, top } = self;
        let inner = value.serialize(PySer::below(py, &mut *w))?;
        PySer { py, w, top }.plain(one_field_dict(py, variant, inner)?.into_any())
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
    fn serialize_map(self, _len: Option<usize>) -> Result<PyMap<'a, 'py>> {
        let PySer { py, w, top } = self;
        PySer { py, w: &mut *w, top }.plain(py.None().into_bound(py))?;
        Ok(PyMap::new(PyDict::new(py), w))
    }
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<PyStruct<'a, 'py>> {
        PyStruct::new(self.py, self.w, self.top, (name, None, len))
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        _i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<PyStruct<'a, 'py>> {
        PyStruct::new(self.py, self.w, self.top, (name, Some(variant), len))
    }
}
