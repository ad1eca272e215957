//! JS function of the mechanism comparison: `compareMechanisms`.

use wasm_bindgen::prelude::*;

use super::convert::{parse, to_js};
use crate::api::mechanisms::{CompareRun, FIELDS};

/// `compareMechanisms({reward, builders: [{capture}], spread?, localCapture?,
/// deadlineShare?, lookahead?, discount?, partialShare?, tickets?: {source, count, alpha},
/// validators?, slots, seed})` → one row a mechanism (SPEC §5).
#[wasm_bindgen(js_name = compareMechanisms)]
pub fn compare_mechanisms(input: JsValue) -> Result<JsValue, JsValue> {
    to_js(&CompareRun::new(parse(input, &FIELDS)?)?.run()?)
}
