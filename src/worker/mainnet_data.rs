//! The mainnet data asset (`www/data/`, 6.1 MB), fetched once a thread and kept decoded:
//! on the page when a user first chooses mainnet data (the Mainnet page on opening), and
//! in each worker on its first job that uses it.
//!
//! **Why the workers fetch it themselves** rather than receive the values: a request
//! is JSON text, and the six months are 1.18 million values — about 20 MB of JSON
//! a request, copied to every worker for every range of every run. A
//! [`RewardSpec::Mainnet`](super::reward::RewardSpec) names only the window and the
//! choices (under 100 bytes); the worker fetches the same URL as the page, which the
//! browser's HTTP cache then serves (a plain `fetch`, default cache mode: no second
//! download on this visit or a later one while the cache keeps it), decodes it once and
//! keeps it in a thread-local for every later job.

use std::cell::RefCell;
use std::rc::Rc;

use et_engine::rewards::mainnet::MainnetData;
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The asset's address, relative to the page (and to the worker's script, beside it), so
/// the site works under any path.
pub const DATA_URL: &str = "data/mainnet-2023-10-2024-04.bin";
/// The asset's size in bytes (`docs/mainnet-data.md`), for progress when the server
/// sends no length.
pub const DATA_BYTES: u64 = 6_119_497;

thread_local! {
    static DATA: RefCell<Option<Rc<MainnetData>>> = const { RefCell::new(None) };
}

/// The data, if this thread has loaded it.
pub fn loaded() -> Option<Rc<MainnetData>> {
    DATA.with(|d| d.borrow().clone())
}

/// Keeps `data` for this thread (the page's tests load the small asset this way).
pub fn keep(data: MainnetData) -> Rc<MainnetData> {
    let rc = Rc::new(data);
    DATA.with(|d| *d.borrow_mut() = Some(rc.clone()));
    rc
}

fn js_error(what: &str, e: JsValue) -> String {
    let text = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "no reason given".into());
    format!("{what}: {text}")
}

fn get(v: &JsValue, key: &str) -> Result<JsValue, String> {
    Reflect::get(v, &JsValue::from_str(key)).map_err(|e| js_error(key, e))
}

/// Calls `v.name()` and awaits the promise it returns.
async fn call_await(v: &JsValue, name: &str, arg: Option<&JsValue>) -> Result<JsValue, String> {
    let f: js_sys::Function = get(v, name)?
        .dyn_into()
        .map_err(|_| format!("{name} is not a function"))?;
    let p = match arg {
        Some(a) => f.call1(v, a),
        None => f.call0(v),
    }
    .map_err(|e| js_error(name, e))?;
    JsFuture::from(js_sys::Promise::from(p))
        .await
        .map_err(|e| js_error("the download failed", e))
}

/// The download of `url` index.html's loader started on opening the page
/// (`__etData = { url, response }`: the Mainnet page's data, fetched while the page's
/// bundle loads), taken once.
fn early_download(url: &str) -> Option<js_sys::Promise> {
    let global = js_sys::global();
    let key = JsValue::from_str("__etData");
    let early = Reflect::get(&global, &key).ok().filter(|e| e.is_object())?;
    if get(&early, "url").ok()?.as_string()? != url {
        return None;
    }
    let _ = Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &key);
    get(&early, "response").ok()?.dyn_into().ok()
}

/// Fetches `url` (default HTTP cache; or the loader's download of it, [`early_download`]),
/// reporting `(bytes so far, bytes expected)` as chunks arrive. A response shorter than
/// its announced length is an error.
pub async fn fetch_bytes(url: &str, progress: &dyn Fn(u64, u64)) -> Result<Vec<u8>, String> {
    let global = js_sys::global();
    let resp = match early_download(url) {
        Some(p) => JsFuture::from(p)
            .await
            .map_err(|e| js_error("the download failed", e))?,
        None => call_await(&global, "fetch", Some(&JsValue::from_str(url))).await?,
    };
    if !get(&resp, "ok")?.is_truthy() {
        let status = get(&resp, "status")?.as_f64().unwrap_or(0.0);
        return Err(format!("the server answered {status} for {url}"));
    }
    let headers = get(&resp, "headers")?;
    let length = header(&headers, "content-length")
        .and_then(|v| v.as_string())
        .and_then(|s| s.parse::<u64>().ok());
    let expected = length.unwrap_or(DATA_BYTES);
    let reader = call_sync(&get(&resp, "body")?, "getReader")?;
    let mut bytes = Vec::with_capacity(expected as usize);
    progress(0, expected);
    loop {
        let chunk = call_await(&reader, "read", None).await?;
        if get(&chunk, "done")?.is_truthy() {
            break;
        }
        let value: Uint8Array = get(&chunk, "value")?
            .dyn_into()
            .map_err(|_| "a chunk is not bytes".to_string())?;
        let start = bytes.len();
        bytes.resize(start + value.length() as usize, 0);
        value.copy_to(&mut bytes[start..]);
        progress(bytes.len() as u64, expected.max(bytes.len() as u64));
    }
    match length {
        Some(n) if (bytes.len() as u64) < n => Err(format!("the download was cut off at {} of {n} bytes", bytes.len())),
        _ => Ok(bytes),
    }
}

fn call_sync(v: &JsValue, name: &str) -> Result<JsValue, String> {
    let f: js_sys::Function = get(v, name)?
        .dyn_into()
        .map_err(|_| format!("{name} is not a function"))?;
    f.call0(v).map_err(|e| js_error(name, e))
}

/// A response header's value (`None` when absent).
fn header(headers: &JsValue, name: &str) -> Option<JsValue> {
    let f: js_sys::Function = get(headers, "get").ok()?.dyn_into().ok()?;
    f.call1(headers, &JsValue::from_str(name)).ok().filter(|x| !x.is_null())
}

/// This thread's data: the kept copy, else fetched (with progress) and decoded, then kept.
/// Errors say what failed (the download, a cut-off, a corrupt file).
pub async fn load(progress: &dyn Fn(u64, u64)) -> Result<Rc<MainnetData>, String> {
    if let Some(d) = loaded() {
        return Ok(d);
    }
    let bytes = fetch_bytes(DATA_URL, progress).await?;
    let data = MainnetData::from_bytes(&bytes).map_err(|e| e.to_string())?;
    Ok(keep(data))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #[test]
    fn the_loaders_early_download_is_this_data() {
        let html = include_str!("../../index.html");
        let line = format!("const url = \"{}\";", super::DATA_URL);
        assert!(
            html.contains(&line),
            "index.html starts the Mainnet page's download: {line}"
        );
    }
}
