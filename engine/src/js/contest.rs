//! JS functions of the equilibrium engine: `solveContest`, `tradeoffCurve`.

use wasm_bindgen::prelude::*;

use super::convert::{parse, to_js};
use crate::api::contest::{self as api, ContestInput, CurveInput, OutcomeOutput, CONTEST_FIELDS, CURVE_FIELDS};
use crate::error::EngineError;

/// The `values` array of `input`, read in one copy (a plain array or a Float64Array).
fn read_values(input: &JsValue) -> Result<Vec<f64>, JsValue> {
    let v = js_sys::Reflect::get(input, &JsValue::from_str("values")).unwrap_or(JsValue::UNDEFINED);
    if js_sys::Array::is_array(&v) || v.is_instance_of::<js_sys::Float64Array>() {
        Ok(js_sys::Float64Array::new(&v).to_vec())
    } else {
        Err(EngineError::invalid("values", "expected an array of numbers").into())
    }
}

#[wasm_bindgen(
    inline_js = "export function plain_array(t) { const a = new Array(t.length).fill(0.5); for (let i = 0; i < t.length; i++) a[i] = t[i]; return a; }"
)]
extern "C" {
    /// A plain JS array of a typed array's numbers (a JS loop: faster than `Array.from`;
    /// filled first, the array is born packed with doubles, which halves the loop's time).
    fn plain_array(t: &js_sys::Float64Array) -> js_sys::Array;
}

/// The outcome as a plain object; its per-player arrays are copied in one go each.
fn outcome_js(o: OutcomeOutput) -> Result<JsValue, JsValue> {
    let obj = to_js(&o)?;
    for (name, xs) in api::OUTCOME_ARRAYS.iter().zip(&o.arrays) {
        let arr = plain_array(&js_sys::Float64Array::from(xs.as_slice()));
        js_sys::Reflect::set(&obj, &JsValue::from_str(name), &arr)?;
    }
    Ok(obj)
}

/// `solveContest({values, mechanism, alpha?, grid?})`: the equilibrium and its metrics.
#[wasm_bindgen(js_name = solveContest)]
pub fn solve_contest(input: JsValue) -> Result<JsValue, JsValue> {
    let values = read_values(&input)?;
    let i: ContestInput = parse(input, &CONTEST_FIELDS)?;
    outcome_js(api::solve_contest(&values, i)?)
}

/// `tradeoffCurve({values, alphas})`: one outcome per α (`Infinity` gives the all-pay
/// auction); where none exists, `{alpha, error}`.
#[wasm_bindgen(js_name = tradeoffCurve)]
pub fn tradeoff_curve(input: JsValue) -> Result<JsValue, JsValue> {
    let values = read_values(&input)?;
    let i: CurveInput = parse(input, &CURVE_FIELDS)?;
    let out = js_sys::Array::new();
    for p in api::tradeoff_curve(&values, i)? {
        out.push(&match p {
            Ok(o) => outcome_js(o)?,
            Err(missing) => to_js(&missing)?,
        });
    }
    Ok(out.into())
}
