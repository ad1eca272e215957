//! Long runs in Web Workers: the message protocol and the [`protocol::Work`] they share
//! ([`protocol`]), the one registry of job kinds ([`registry`]), the worker's loop
//! ([`serve`], run by the `mc-worker` binary; requests answered by [`handle`]) and the
//! page's pool ([`pool`]). Jobs: the lottery Monte Carlo ([`mc_job`]) the primary
//! market ([`market_job`]), a point of its sweeps ([`sweep_job`]) and the mechanism
//! comparison ([`mechanisms_job`]). A job on mainnet data has its worker fetch the data
//! once ([`mainnet_data`]).

mod early;
pub mod handle;
pub mod kind;
pub mod mainnet_data;
pub mod market_job;
pub mod mc_job;
pub mod mechanisms_job;
mod merge;
pub mod pool;
mod pool_inner;
pub mod protocol;
pub mod registry;
pub mod reward;
pub mod status;
pub mod sweep_job;

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// A poster of replies to the page: each reply's bytes in a buffer of their own,
/// transferred (not copied) to the page.
fn poster(scope: DedicatedWorkerGlobalScope) -> impl FnMut(Vec<u8>) {
    move |bytes: Vec<u8>| {
        let array = js_sys::Uint8Array::from(&bytes[..]);
        let transfer = js_sys::Array::of1(&array.buffer());
        // A failed post means the page is gone; nothing to report to.
        let _ = scope.post_message_with_transfer(&array, &transfer);
    }
}

/// A reply's bytes from a worker's message (`None`: not a reply).
pub fn reply_bytes(data: &JsValue) -> Option<Vec<u8>> {
    if data.is_instance_of::<js_sys::Uint8Array>() || data.is_instance_of::<js_sys::ArrayBuffer>() {
        Some(js_sys::Uint8Array::new(data).to_vec())
    } else {
        None
    }
}

thread_local! {
    /// Requests waiting for the mainnet data while this worker fetches it (`None`: not fetching).
    static WAITING: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
}

/// Whether a request's reward is a mainnet window (a [`reward::RewardSpec::Mainnet`] in
/// its JSON; jobs carry no free text, so the tag cannot appear otherwise).
fn needs_mainnet(text: &str) -> bool {
    text.contains("\"Mainnet\":{")
}

/// [`needs_mainnet`], for the reward's tests (native).
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn needs_mainnet_for_tests(text: &str) -> bool {
    needs_mainnet(text)
}

/// Answers a request; one that needs the mainnet data before this worker has it waits
/// while the data is fetched (once) and decoded, then runs — or fails with the reason.
fn receive(text: String, scope: DedicatedWorkerGlobalScope) {
    if !needs_mainnet(&text) || mainnet_data::loaded().is_some() {
        return registry::answer(&text, &mut poster(scope));
    }
    let first = WAITING.with(|w| {
        let mut w = w.borrow_mut();
        let first = w.is_none();
        w.get_or_insert_with(Vec::new).push(text);
        first
    });
    if !first {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = mainnet_data::load(&|_, _| ()).await;
        let waiting = WAITING.with(|w| w.borrow_mut().take()).unwrap_or_default();
        for text in waiting {
            match &loaded {
                Ok(_) => registry::answer(&text, &mut poster(scope.clone())),
                Err(e) => {
                    let run = serde_json::from_str::<protocol::RunOf>(&text).map_or(0, |r| r.run);
                    handle::failed(&mut poster(scope.clone()), run, format!("mainnet data: {e}"));
                }
            }
        }
    });
}

/// The worker's entry point: answer requests until terminated.
pub fn serve() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let listener = scope.clone();
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        if let Some(text) = e.data().as_string() {
            receive(text, listener.clone());
        }
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    handle::ready(&mut poster(scope.clone()));
    // The requests the worker's script kept while this wasm was loading.
    let key = JsValue::from_str("__requests");
    let early = js_sys::Reflect::get(&scope, &key)
        .ok()
        .and_then(|a| a.dyn_into::<js_sys::Array>().ok());
    let _ = js_sys::Reflect::delete_property(&scope, &key);
    for text in early.iter().flat_map(|a| a.iter()).filter_map(|m| m.as_string()) {
        // A task each, as a message's: a panic then reaches the page as the worker's error.
        let answer = {
            let scope = scope.clone();
            Closure::once_into_js(move || receive(text, scope))
        };
        let _ = scope.set_timeout_with_callback_and_timeout_and_arguments_0(answer.unchecked_ref(), 0);
    }
}
