//! The fast path of keyword arguments that are all plain Python values — numbers,
//! strings, None, lists of numbers (the closed forms' and contests' calls:
//! `ticket_value(mu=…, var_r=…, d=…, n=…)`): read straight into the api struct by serde,
//! without the general path's camelCase copy of the dict, with the same checks and the
//! same messages.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyInt, PyList, PyString};
use serde::de::value::{SeqDeserializer, StringDeserializer};
use serde::de::DeserializeOwned;

/// The keyword arguments as `(camelCase field, value)` pairs when every one is an
/// `allowed` field and plain — a Python float, int, str, None or a list of floats and
/// ints (the closed forms' and the contests' calls) — else None (the general path).
pub fn numbers(d: &Bound<'_, PyDict>, allowed: &[&'static str]) -> PyResult<Option<Vec<(&'static str, Plain)>>> {
    let mut fields = Vec::with_capacity(d.len());
    for (k, v) in d.iter() {
        let Ok(key) = k.cast::<PyString>() else {
            return Ok(None);
        };
        let key = key.to_cow()?;
        let Some(field) = allowed.iter().find(|a| same_name(&key, a)) else {
            return Ok(None);
        };
        let Some(value) = plain(&v)? else {
            return Ok(None);
        };
        fields.push((*field, value));
    }
    Ok(Some(fields))
}

/// `v` as a plain value, if it is one.
fn plain(v: &Bound<'_, PyAny>) -> PyResult<Option<Plain>> {
    Ok(Some(if v.is_exact_instance_of::<PyList>() {
        let mut xs = Vec::with_capacity(v.len()?);
        for x in v.cast::<PyList>()?.iter() {
            match number(&x)? {
                Some(n) => xs.push(n),
                None => return Ok(None),
            }
        }
        Plain::Numbers(xs)
    } else if v.is_exact_instance_of::<PyString>() {
        Plain::Str(v.cast::<PyString>()?.to_cow()?.into_owned())
    } else if v.is_none() {
        Plain::None
    } else {
        match number(v)? {
            Some(n) => Plain::Number(n),
            None => return Ok(None),
        }
    }))
}

/// The numbers of `v` if it is a list of plain numbers (as [`numbers`] reads them; an
/// int as serde makes it a float), else None.
pub fn plain_floats(v: &Bound<'_, PyAny>) -> PyResult<Option<Vec<f64>>> {
    let Ok(list) = v.cast_exact::<PyList>() else {
        return Ok(None);
    };
    let mut xs = Vec::with_capacity(list.len());
    for x in list.iter() {
        xs.push(match number(&x)? {
            Some(Number::Float(f)) => f,
            Some(Number::Int(i)) => i as f64,
            None => return Ok(None),
        });
    }
    Ok(Some(xs))
}

/// `v` as a number, if it is a plain Python float or an int that fits in 64 bits.
fn number(v: &Bound<'_, PyAny>) -> PyResult<Option<Number>> {
    Ok(if v.is_exact_instance_of::<PyFloat>() {
        Some(Number::Float(v.extract()?))
    } else if v.is_exact_instance_of::<PyInt>() {
        v.extract::<i64>().ok().map(Number::Int)
    } else {
        None
    })
}

/// A plain keyword argument, read by serde as the general path reads it.
pub enum Plain {
    None,
    Number(Number),
    Str(String),
    Numbers(Vec<Number>),
}

impl<'de> serde::Deserializer<'de> for Plain {
    type Error = serde::de::value::Error;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, v: V) -> Result<V::Value, Self::Error> {
        match self {
            Plain::None => v.visit_unit(),
            Plain::Number(n) => n.deserialize_any(v),
            Plain::Str(s) => v.visit_string(s),
            Plain::Numbers(xs) => SeqDeserializer::new(xs.into_iter()).deserialize_any(v),
        }
    }

    fn deserialize_option<V: serde::de::Visitor<'de>>(self, v: V) -> Result<V::Value, Self::Error> {
        match self {
            Plain::None => v.visit_none(),
            other => v.visit_some(other),
        }
    }

    fn deserialize_enum<V: serde::de::Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Self::Error> {
        match self {
            Plain::Str(s) => StringDeserializer::<Self::Error>::new(s).deserialize_enum(name, variants, v),
            other => other.deserialize_any(v),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct newtype_struct seq tuple tuple_struct map struct identifier
        ignored_any
    }
}

impl<'de> serde::de::IntoDeserializer<'de> for Plain {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

/// A Python int or float, read by serde as the general path reads it (an int as an
/// integer, so integer and float fields both take it; `Option` fields as `Some`).
#[derive(Clone, Copy)]
pub enum Number {
    Int(i64),
    Float(f64),
}

impl<'de> serde::Deserializer<'de> for Number {
    type Error = serde::de::value::Error;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, v: V) -> Result<V::Value, Self::Error> {
        match self {
            Number::Int(i) => v.visit_i64(i),
            Number::Float(x) => v.visit_f64(x),
        }
    }

    fn deserialize_option<V: serde::de::Visitor<'de>>(self, v: V) -> Result<V::Value, Self::Error> {
        v.visit_some(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}

impl<'de> serde::de::IntoDeserializer<'de> for Number {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

/// Whether the snake_case `snake` names the camelCase `camel` (`var_r`, `varR`), without
/// building either.
pub fn same_name(snake: &str, camel: &str) -> bool {
    let mut s = snake.bytes();
    for c in camel.bytes() {
        let want = if c.is_ascii_uppercase() {
            if s.next() != Some(b'_') {
                return false;
            }
            c.to_ascii_lowercase()
        } else {
            c
        };
        if s.next() != Some(want) {
            return false;
        }
    }
    s.next().is_none()
}

/// An api struct from plain values, or None where one cannot be read (the general path
/// then reads them again and names the field).
pub fn deserialize<T: DeserializeOwned>(fields: Vec<(&'static str, Plain)>) -> Option<T> {
    T::deserialize(serde::de::value::MapDeserializer::<_, serde::de::value::Error>::new(
        fields.into_iter(),
    ))
    .ok()
}
