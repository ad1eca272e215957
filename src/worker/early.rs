//! Workers started by index.html's loader before the page's bundle (on the pages with a
//! pool): they load and compile the worker's wasm while the page's own bundle does, and
//! the first pool of the page adopts them with the messages they sent meanwhile.

use wasm_bindgen::JsCast;
use web_sys::Worker;

/// The loader's list of started workers (`window.__etWorkers`).
const LIST: &str = "__etWorkers";

/// One worker the loader started for `script`, with the replies it has sent so far
/// (its `Ready`, as bytes), or `None` (none left, another script, or it failed to load: a fresh
/// worker then reports its own failure).
pub fn adopt(script: &str) -> Option<(Worker, Vec<Vec<u8>>)> {
    let window = web_sys::window()?;
    let list: js_sys::Array = js_sys::Reflect::get(&window, &LIST.into()).ok()?.dyn_into().ok()?;
    let worker: Worker = list.pop().dyn_into().ok()?;
    let get = |k: &str| js_sys::Reflect::get(&worker, &k.into()).ok();
    let same = get("__script").and_then(|s| s.as_string()).is_some_and(|s| s == script);
    let failed = get("__failed").is_some_and(|f| f.is_truthy());
    if !same || failed {
        worker.terminate();
        return None;
    }
    let early: Vec<Vec<u8>> = get("__early")
        .and_then(|a| a.dyn_into::<js_sys::Array>().ok())
        .map(|a| a.iter().filter_map(|m| super::reply_bytes(&m)).collect())
        .unwrap_or_default();
    worker.set_onmessage(None);
    worker.set_onerror(None);
    Some((worker, early))
}
