//! The page's side: a pool of workers (one a core) sharing ranges of [`Work`].
//!
//! A run is a list of jobs; each is cut into ranges handed to idle workers. Because
//! ranges draw from their own streams and merge in order, the result does not depend
//! on how many workers there are or who ran what. Cancel (or a
//! new run) terminates the workers at once; fresh ones are started for the next run.
//! Where workers cannot start or fail to load, the run goes on this thread instead.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};
use yew::Callback;

pub use super::pool_inner::worker_count;
use super::pool_inner::{
    dispatch, fall_back, finish_here, now, on_message, Inner, Slot, FIRST_PROGRESS_MS, PROGRESS_EVERY_MS,
};
use super::protocol::Work;
pub use super::status::PoolEvent;

/// The worker's script (www/mc-worker-boot.js: Trunk's worker bindings, and the requests
/// that arrive before its wasm has started kept for [`crate::worker::serve`]).
const WORKER_URL: &str = "./mc-worker-boot.js";

/// A pool of workers for jobs `W`; cheap to clone (shared).
pub struct Pool<W: Work> {
    inner: Rc<RefCell<Inner<W>>>,
    on_event: Callback<PoolEvent<W::Output>>,
    script: Rc<str>,
}

impl<W: Work> Clone for Pool<W> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
            on_event: self.on_event.clone(),
            script: self.script.clone(),
        }
    }
}

impl<W: Work> Pool<W> {
    /// A pool that reports to `on_event`; workers start with the first run.
    pub fn new(on_event: Callback<PoolEvent<W::Output>>) -> Self {
        Self::with_script(WORKER_URL, on_event)
    }

    /// A pool whose workers run `script`: a worker that calls [`crate::worker::serve`]
    /// and, until then, keeps the messages it gets in `self.__requests` (the pool hands
    /// a worker its first range without waiting for its `Ready`).
    pub fn with_script(script: &str, on_event: Callback<PoolEvent<W::Output>>) -> Self {
        Self {
            inner: Rc::new(RefCell::new(Inner::default())),
            on_event,
            script: Rc::from(script),
        }
    }

    /// Whether a run is under way.
    pub fn busy(&self) -> bool {
        let i = self.inner.borrow();
        !i.queue.is_empty() || i.slots.iter().any(|s| s.busy)
    }

    /// Stops the run under way (the workers are terminated).
    pub fn cancel(&self) {
        // Dropping a slot terminates its worker.
        drop(self.inner.borrow_mut().stop());
    }

    /// Starts a run of `jobs`, replacing any run under way. With `first_view`, the first
    /// job's first range (dispatched first) is merged alone as soon as it is back and sent
    /// as a [`PoolEvent::Finished`] marked `first_view` — a genuine subset of the final result, which follows
    /// unchanged (if that job has more than one range, and the others are not all back
    /// before it: the final result then comes alone).
    pub fn run(&self, jobs: Vec<W>, first_view: bool) {
        if self.busy() {
            self.cancel();
        }
        if self.inner.borrow().slots.is_empty() && !self.spawn() {
            return self.run_here(jobs);
        }
        {
            let mut i = self.inner.borrow_mut();
            let workers = i.slots.len() as u64;
            i.run += 1;
            i.queue = jobs
                .iter()
                .enumerate()
                .flat_map(|(t, job)| job.ranges(workers).into_iter().map(move |r| (t, r)))
                .collect();
            i.parts = jobs.iter().map(|_| Vec::new()).collect();
            i.total = jobs.iter().map(W::total).sum();
            i.done = 0;
            i.jobs = jobs;
            i.started = now();
            i.told = i.started + FIRST_PROGRESS_MS - PROGRESS_EVERY_MS;
            i.first_view = first_view && i.jobs.first().is_some_and(|j| j.ranges(workers).len() > 1);
        }
        self.on_event.emit(PoolEvent::Progress {
            done: 0,
            total: self.inner.borrow().total,
        });
        self.dispatch();
    }

    fn run_here(&self, jobs: Vec<W>) {
        let t0 = now();
        self.on_event.emit(finish_here(&jobs, t0));
    }

    /// Starts the workers (adopting those index.html's loader started); false if the
    /// browser refuses.
    fn spawn(&self) -> bool {
        let mut slots = Vec::new();
        let mut early = Vec::new();
        for k in 0..worker_count() {
            let worker = match super::early::adopt(&self.script) {
                Some((worker, messages)) => {
                    early.push((k, messages));
                    worker
                }
                None => match Worker::new(&self.script) {
                    Ok(worker) => worker,
                    Err(_) => return false,
                },
            };
            let (weak, on_event) = (Rc::downgrade(&self.inner), self.on_event.clone());
            let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                if let Some(bytes) = super::reply_bytes(&e.data()) {
                    on_message(&weak, &on_event, k, &bytes);
                }
            });
            worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
            let (weak, on_event) = (Rc::downgrade(&self.inner), self.on_event.clone());
            let onerror = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| fall_back(&weak, &on_event));
            worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
            slots.push(Slot {
                worker,
                ready: false,
                busy: false,
                first: false,
                _onmessage: onmessage,
                _onerror: onerror,
            });
        }
        self.inner.borrow_mut().slots = slots;
        // What adopted workers said before they were ours (their `Ready`).
        let weak = Rc::downgrade(&self.inner);
        for (k, messages) in early {
            for bytes in messages {
                on_message(&weak, &self.on_event, k, &bytes);
            }
        }
        true
    }

    fn dispatch(&self) {
        dispatch(&self.inner);
    }
}
