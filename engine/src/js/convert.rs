//! Conversions between plain JS objects and the engine's types, and engine errors as JS `Error`s.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::error::EngineError;

/// Deserializes a plain JS object with only the `allowed` fields, naming the field of
/// any unknown, missing or mistyped one.
pub(crate) fn parse<T: DeserializeOwned>(input: JsValue, allowed: &[&str]) -> Result<T, JsValue> {
    if !input.is_object() || js_sys::Array::is_array(&input) {
        return Err(js_error("input: expected an object of named fields"));
    }
    for key in js_sys::Object::keys(input.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !allowed.contains(&key.as_str()) {
            return Err(js_error(&format!(
                "{key}: unknown field; expected one of {}",
                allowed.join(", ")
            )));
        }
    }
    deserialize_at(input, "")
}

/// Deserializes `input` (found at `prefix` in the caller's object), naming the field of
/// any missing or mistyped value by its path.
pub(crate) fn deserialize_at<T: DeserializeOwned>(input: JsValue, prefix: &str) -> Result<T, JsValue> {
    let de = serde_wasm_bindgen::Deserializer::from(input);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.inner().to_string();
        let inner = inner.strip_prefix("Error: ").unwrap_or(&inner);
        let path = match (prefix, path.as_str()) {
            (p, ".") => p.to_string(),
            ("", q) => q.to_string(),
            (p, q) if q.starts_with('[') => format!("{p}{q}"),
            (p, q) => format!("{p}.{q}"),
        };
        // serde names a missing field itself; prefix the path for every other error.
        if path.is_empty() {
            js_error(inner)
        } else {
            js_error(&format!("{path}: {inner}"))
        }
    })
}

pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error(&format!("output: {e}")))
}

pub(crate) fn js_error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

impl From<EngineError> for JsValue {
    fn from(e: EngineError) -> Self {
        js_error(&e.to_string())
    }
}
