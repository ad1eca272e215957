//! Long runs in Web Workers: the message protocol and the [`protocol::Work`] they share
//! ([`protocol`]), the one registry of job kinds ([`registry`]), the worker's loop
//! ([`serve`], run by the `mc-worker` binary; requests answered by [`handle`]) and the
//! page's pool ([`pool`]). Jobs: the lottery Monte Carlo ([`mc_job`]) the primary
//! market ([`market_job`]), a point of its sweeps ([`sweep_job`]) and the mechanism
//! comparison ([`mechanisms_job`]).

pub mod handle;
pub mod kind;
pub mod market_job;
pub mod mc_job;
pub mod mechanisms_job;
pub mod pool;
mod pool_inner;
pub mod protocol;
pub mod registry;
pub mod reward;
pub mod status;
pub mod sweep_job;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// The worker's entry point: answer requests until terminated.
pub fn serve() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let poster = |scope: DedicatedWorkerGlobalScope| {
        move |text: String| {
            // A failed post means the page is gone; nothing to report to.
            let _ = scope.post_message(&JsValue::from_str(&text));
        }
    };
    let mut post = poster(scope.clone());
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        if let Some(text) = e.data().as_string() {
            registry::answer(&text, &mut post);
        }
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    handle::ready(&mut poster(scope));
}
