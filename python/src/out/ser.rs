//! The serde serializer of sequences into an [`Out`] tree: structs' field names stay the
//! engine's `&'static str`s (their Python strings are made once, see `super::keys`),
//! sequences of floats stay numbers.

use serde::ser::{self, Serialize};

use super::{Out, OutError};
use std::borrow::Cow;

pub(super) struct Ser;

/// A sequence being built: floats as long as every element is one.
pub(super) enum SeqBuilder {
    Floats(Vec<f64>),
    Any(Vec<Out>),
}

/// A map or struct being built.
pub struct MapBuilder {
    entries: Vec<(Cow<'static, str>, Out)>,
    key: Option<String>,
    /// The variant of a struct variant (`{variant: {fields}}`).
    variant: Option<&'static str>,
}

impl ser::Serializer for Ser {
    type Ok = Out;
    type Error = OutError;
    type SerializeSeq = SeqBuilder;
    type SerializeTuple = SeqBuilder;
    type SerializeTupleStruct = SeqBuilder;
    type SerializeTupleVariant = SeqBuilder;
    type SerializeMap = MapBuilder;
    type SerializeStruct = MapBuilder;
    type SerializeStructVariant = MapBuilder;

    fn serialize_bool(self, v: bool) -> Result<Out, OutError> {
        Ok(Out::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<Out, OutError> {
        Ok(Out::Int(v.into()))
    }
    fn serialize_i16(self, v: i16) -> Result<Out, OutError> {
        Ok(Out::Int(v.into()))
    }
    fn serialize_i32(self, v: i32) -> Result<Out, OutError> {
        Ok(Out::Int(v.into()))
    }
    fn serialize_i64(self, v: i64) -> Result<Out, OutError> {
        Ok(Out::Int(v))
    }
    fn serialize_u8(self, v: u8) -> Result<Out, OutError> {
        Ok(Out::UInt(v.into()))
    }
    fn serialize_u16(self, v: u16) -> Result<Out, OutError> {
        Ok(Out::UInt(v.into()))
    }
    fn serialize_u32(self, v: u32) -> Result<Out, OutError> {
        Ok(Out::UInt(v.into()))
    }
    fn serialize_u64(self, v: u64) -> Result<Out, OutError> {
        Ok(Out::UInt(v))
    }
    fn serialize_f32(self, v: f32) -> Result<Out, OutError> {
        Ok(Out::Float(v.into()))
    }
    fn serialize_f64(self, v: f64) -> Result<Out, OutError> {
        Ok(Out::Float(v))
    }
    fn serialize_char(self, v: char) -> Result<Out, OutError> {
        Ok(Out::Str(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Out, OutError> {
        Ok(Out::Str(v.to_string()))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Out, OutError> {
        Ok(Out::Seq(v.iter().map(|&b| Out::UInt(b.into())).collect()))
    }
    fn serialize_none(self) -> Result<Out, OutError> {
        Ok(Out::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Out, OutError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Out, OutError> {
        Ok(Out::Null)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Out, OutError> {
        Ok(Out::Null)
    }
    fn serialize_unit_variant(self, _name: &'static str, _i: u32, variant: &'static str) -> Result<Out, OutError> {
        Ok(Out::Str(variant.to_string()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<Out, OutError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Out, OutError> {
        Ok(Out::Map(vec![(Cow::Borrowed(variant), value.serialize(Ser)?)]))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<SeqBuilder, OutError> {
        Ok(SeqBuilder::new(len.unwrap_or(0)))
    }
    fn serialize_tuple(self, len: usize) -> Result<SeqBuilder, OutError> {
        Ok(SeqBuilder::new(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<SeqBuilder, OutError> {
        Ok(SeqBuilder::new(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        len: usize,
    ) -> Result<SeqBuilder, OutError> {
        Ok(SeqBuilder::new(len))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<MapBuilder, OutError> {
        Ok(MapBuilder {
            entries: Vec::with_capacity(len.unwrap_or(0)),
            key: None,
            variant: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<MapBuilder, OutError> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<MapBuilder, OutError> {
        let mut m = self.serialize_map(Some(len))?;
        m.variant = Some(variant);
        Ok(m)
    }
}

impl SeqBuilder {
    pub(super) fn new(len: usize) -> Self {
        SeqBuilder::Floats(Vec::with_capacity(len))
    }

    #[inline]
    pub(super) fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), OutError> {
        match (value.serialize(Ser)?, &mut *self) {
            (Out::Float(x), SeqBuilder::Floats(xs)) => xs.push(x),
            (v, _) => self.push_other(v),
        }
        Ok(())
    }

    /// An element that is not a float, or any element once one was not.
    fn push_other(&mut self, v: Out) {
        match self {
            SeqBuilder::Floats(xs) => {
                let mut all: Vec<Out> = xs.drain(..).map(Out::Float).collect();
                all.push(v);
                *self = SeqBuilder::Any(all);
            }
            SeqBuilder::Any(all) => all.push(v),
        }
    }

    pub(super) fn done(self) -> Out {
        match self {
            SeqBuilder::Floats(xs) if !xs.is_empty() => Out::Floats(xs),
            SeqBuilder::Floats(_) => Out::Seq(Vec::new()),
            SeqBuilder::Any(all) => Out::Seq(all),
        }
    }
}

impl ser::SerializeSeq for SeqBuilder {
    type Ok = Out;
    type Error = OutError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), OutError> {
        self.push(value)
    }
    fn end(self) -> Result<Out, OutError> {
        Ok(self.done())
    }
}

impl ser::SerializeTuple for SeqBuilder {
    type Ok = Out;
    type Error = OutError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), OutError> {
        self.push(value)
    }
    fn end(self) -> Result<Out, OutError> {
        Ok(self.done())
    }
}

impl ser::SerializeTupleStruct for SeqBuilder {
    type Ok = Out;
    type Error = OutError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), OutError> {
        self.push(value)
    }
    fn end(self) -> Result<Out, OutError> {
        Ok(self.done())
    }
}

impl ser::SerializeTupleVariant for SeqBuilder {
    type Ok = Out;
    type Error = OutError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), OutError> {
        self.push(value)
    }
    fn end(self) -> Result<Out, OutError> {
        Ok(self.done())
    }
}

/// A map key as a string.
pub(super) fn key_string(k: Out) -> Result<String, OutError> {
    Ok(match k {
        Out::Str(s) => s,
        Out::Int(i) => i.to_string(),
        Out::UInt(u) => u.to_string(),
        Out::Float(x) => x.to_string(),
        Out::Bool(b) => b.to_string(),
        _ => return Err(OutError("output: a map key that is not a string or a number".into())),
    })
}

impl MapBuilder {
    fn done(self) -> Out {
        let map = Out::Map(self.entries);
        match self.variant {
            Some(v) => Out::Map(vec![(Cow::Borrowed(v), map)]),
            None => map,
        }
    }
}

impl ser::SerializeMap for MapBuilder {
    type Ok = Out;
    type Error = OutError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), OutError> {
        self.key = Some(key_string(key.serialize(Ser)?)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), OutError> {
        let k = self
            .key
            .take()
            .ok_or_else(|| OutError("output: a map value without its key".into()))?;
        self.entries.push((Cow::Owned(k), value.serialize(Ser)?));
        Ok(())
    }
    fn end(self) -> Result<Out, OutError> {
        Ok(self.done())
    }
}

impl ser::SerializeStruct for MapBuilder {
    type Ok = Out;
    type Error = OutError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), OutError> {
        self.entries.push((Cow::Borrowed(key), value.serialize(Ser)?));
        Ok(())
    }
    fn end(self) -> Result<Out, OutError> {
        Ok(self.done())
    }
}

impl ser::SerializeStructVariant for MapBuilder {
    type Ok = Out;
    type Error = OutError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), OutError> {
        self.entries.push((Cow::Borrowed(key), value.serialize(Ser)?));
        Ok(())
    }
    fn end(self) -> Result<Out, OutError> {
        Ok(self.done())
    }
}
