//! The worker's side of one request: parse it (JSON text), run its range, reply (bytes,
//! [`encode`]). Free of the browser, so the whole path is testable in-process.

use serde::Serialize;

use super::protocol::{encode, Request, Response, Work};

/// A sink of replies (each [`encode`]d).
pub type Post<'a> = &'a mut dyn FnMut(Vec<u8>);

/// `r` as bytes, for `post`.
fn send<P: Serialize>(post: Post, r: &Response<P>) {
    if let Some(bytes) = encode(r) {
        post(bytes);
    }
}

/// Replies that a request could not run.
pub fn failed(post: Post, run: u64, message: String) {
    send::<()>(post, &Response::Failed { run, message });
}

/// Replies that the worker is listening.
pub fn ready(post: Post) {
    send::<()>(post, &Response::Ready);
}

/// Runs one request of work `W`, replying with progress and then the parts.
pub fn handle<W: Work>(text: &str, post: Post) {
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
