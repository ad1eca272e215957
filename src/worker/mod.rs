//! Monte Carlo in Web Workers: the message protocol ([`protocol`]), the worker's loop
//! ([`serve`], run by the `mc-worker` binary) and the page's pool ([`pool`]).

pub mod pool;
pub mod protocol;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use protocol::{Request, Response};

/// Samples between two progress messages (a few a second: the page thread shares the cores).
const PROGRESS_EVERY: u64 = 1 << 23;

fn post(scope: &DedicatedWorkerGlobalScope, r: &Response) {
    if let Ok(text) = serde_json::to_string(r) {
        // A failed post means the page is gone; nothing to report to.
        let _ = scope.post_message(&JsValue::from_str(&text));
    }
}

/// Handles one request, posting progress and the partial result.
fn handle(scope: &DedicatedWorkerGlobalScope, text: &str) {
    let req: Request = match serde_json::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            return post(
                scope,
                &Response::Failed {
                    run: 0,
                    message: format!("bad request: {e}"),
                },
            )
        }
    };
    let Request::Blocks { run, task, job, blocks } = req;
    let mc = match job.experiment() {
        Ok(mc) => mc,
        Err(e) => {
            return post(
                scope,
                &Response::Failed {
                    run,
                    message: e.to_string(),
                },
            )
        }
    };
    let per_chunk = (PROGRESS_EVERY / et_engine::ticket_mc::BLOCK).max(1);
    let mut parts = Vec::new();
    let mut b = blocks.0;
    while b < blocks.1 {
        let end = (b + per_chunk).min(blocks.1);
        let part = mc.run_blocks(job.seed, b..end, job.samples);
        let done: u64 = part.blocks.iter().map(|s| s.count).sum();
        parts.push(part);
        post(scope, &Response::Progress { run, samples: done });
        b = end;
    }
    post(scope, &Response::Done { run, task, parts });
}

/// The worker's entry point: answer requests until terminated.
pub fn serve() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        if let Some(text) = e.data().as_string() {
            handle(&reply, &text);
        }
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    post(&scope, &Response::Ready);
}
