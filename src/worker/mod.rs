//! Long runs in Web Workers: the message protocol and the [`protocol::Work`] they share
//! ([`protocol`]), the worker's loop ([`serve`], run by the `mc-worker` binary) and the
//! page's pool ([`pool`]). Jobs: the lottery Monte Carlo and the primary market
//! ([`market_job`]).

pub mod market_job;
pub mod pool;
pub mod protocol;
pub mod status;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use protocol::{Kind, McJob, Request, Response, Work};

fn post<P: Serialize>(scope: &DedicatedWorkerGlobalScope, r: &Response<P>) {
    if let Ok(text) = serde_json::to_string(r) {
        // A failed post means the page is gone; nothing to report to.
        let _ = scope.post_message(&JsValue::from_str(&text));
    }
}

fn failed(scope: &DedicatedWorkerGlobalScope, run: u64, message: String) {
    post::<()>(scope, &Response::Failed { run, message });
}

/// Runs one request of work `W`, posting progress and the parts.
fn handle<W: Work>(scope: &DedicatedWorkerGlobalScope, text: &str) {
    let req: Request<W> = match serde_json::from_str(text) {
        Ok(r) => r,
        Err(e) => return failed(scope, 0, format!("bad request: {e}")),
    };
    let run = req.run;
    let mut progress = |units| post::<()>(scope, &Response::Progress { run, units });
    match req.job.run(req.range, &mut progress) {
        Ok(parts) => post(
            scope,
            &Response::Done {
                run,
                task: req.task,
                parts,
            },
        ),
        Err(message) => failed(scope, run, message),
    }
}

fn dispatch(scope: &DedicatedWorkerGlobalScope, text: &str) {
    match serde_json::from_str::<Kind>(text) {
        Ok(k) if k.kind == McJob::KIND => handle::<McJob>(scope, text),
        Ok(k) if k.kind == market_job::MarketJob::KIND => handle::<market_job::MarketJob>(scope, text),
        Ok(k) => failed(scope, 0, format!("unknown kind of work \"{}\"", k.kind)),
        Err(e) => failed(scope, 0, format!("bad request: {e}")),
    }
}

/// The worker's entry point: answer requests until terminated.
pub fn serve() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        if let Some(text) = e.data().as_string() {
            dispatch(&reply, &text);
        }
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    post::<()>(&scope, &Response::Ready);
}
