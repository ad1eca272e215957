//! The worker's side of one request: parse it, run its range, reply (JSON text). Free
//! of the browser, so the whole path is testable in-process.

use serde::Serialize;

use super::protocol::{Request, Response, Work};

/// `r` as JSON text, for `post`.
fn send<P: Serialize>(post: &mut dyn FnMut(String), r: &Response<P>) {
    if let Ok(text) = serde_json::to_string(r) {
        post(text);
    }
}

/// Replies that a request could not run.
pub fn failed(post: &mut dyn FnMut(String), run: u64, message: String) {
    send::<()>(post, &Response::Failed { run, message });
}

/// Replies that the worker is listening.
pub fn ready(post: &mut dyn FnMut(String)) {
    send::<()>(post, &Response::Ready);
}

/// Runs one request of work `W`, replying with progress and then the parts.
pub fn handle<W: Work>(text: &str, post: &mut dyn FnMut(String)) {
    let req: Request<W> = match serde_json::from_str(text) {
        Ok(r) => r,
        Err(e) => return failed(post, 0, format!("bad request: {e}")),
    };
    let run = req.run;
    let result = {
        let mut progress = |units| send::<()>(post, &Response::Progress { run, units });
        req.job.run(req.range, &mut progress)
    };
    match result {
        Ok(parts) => send(
            post,
            &Response::Done {
                run,
                task: req.task,
                parts,
            },
        ),
        Err(message) => failed(post, run, message),
    }
}
