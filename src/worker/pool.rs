//! The page's side: a pool of workers (one a core) sharing ranges of [`Work`].
//!
//! A run is a list of jobs; each is cut into ranges handed to idle workers. Because
//! ranges draw from their own streams and merge in order, the result does not depend
//! on how many workers there are or who ran what. Cancel (or a
//! new run) terminates the workers at once; fresh ones are started for the next run.
//! Where workers cannot start or fail to load, the run goes on this thread instead.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};
use yew::Callback;

use super::protocol::{McJob, Request, Response, Work};

/// The worker script Trunk emits beside the page.
const WORKER_URL: &str = "./mc-worker_loader.js";

/// What the pool tells the page.
#[derive(Clone, Debug, PartialEq)]
pub enum PoolEvent<O> {
    /// `done` of `total` progress units.
    Progress { done: u64, total: u64 },
    /// One result per job, in order; `seconds` of wall time on `workers` workers.
    Finished {
        results: Vec<O>,
        seconds: f64,
        workers: usize,
    },
    /// The run could not be done.
    Failed(String),
}

struct Slot {
    worker: Worker,
    ready: bool,
    busy: bool,
    _onmessage: Closure<dyn FnMut(MessageEvent)>,
    _onerror: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Slot {
    /// A worker outlives nothing of ours: stop it before its handlers go.
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

struct Inner<W: Work> {
    slots: Vec<Slot>,
    run: u64,
    jobs: Vec<W>,
    queue: VecDeque<(usize, (u64, u64))>,
    parts: Vec<Vec<W::Part>>,
    done: u64,
    total: u64,
    started: f64,
}

impl<W: Work> Inner<W> {
    /// Ends the run under way: no more ranges, replies of this run ignored. Returns the
    /// workers, which terminate when dropped.
    fn stop(&mut self) -> Vec<Slot> {
        self.queue.clear();
        self.run += 1;
        std::mem::take(&mut self.slots)
    }

    /// [`Inner::stop`] from inside a worker's handler: the workers (and that handler) are
    /// dropped only after it has returned.
    fn stop_deferred(&mut self) {
        let old = self.stop();
        wasm_bindgen_futures::spawn_local(async move { drop(old) });
    }
}

impl<W: Work> Default for Inner<W> {
    fn default() -> Self {
        Self {
            slots: Vec::new(),
            run: 0,
            jobs: Vec::new(),
            queue: VecDeque::new(),
            parts: Vec::new(),
            done: 0,
            total: 0,
            started: 0.0,
        }
    }
}

/// A pool of workers for jobs `W`; cheap to clone (shared).
pub struct Pool<W: Work> {
    inner: Rc<RefCell<Inner<W>>>,
    on_event: Callback<PoolEvent<W::Output>>,
}

impl<W: Work> Clone for Pool<W> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
            on_event: self.on_event.clone(),
        }
    }
}

/// The Monte Carlo pool of the lottery page.
pub type McPool = Pool<McJob>;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Workers to start: one a logical core, at most 8.
fn worker_count() -> usize {
    let cores = web_sys::window()
        .map(|w| w.navigator().hardware_concurrency())
        .unwrap_or(1.0);
    (cores as usize).clamp(1, 8)
}

impl<W: Work> Pool<W> {
    /// A pool that reports to `on_event`; workers start with the first run.
    pub fn new(on_event: Callback<PoolEvent<W::Output>>) -> Self {
        Self {
            inner: Rc::new(RefCell::new(Inner::default())),
            on_event,
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

    /// Starts a run of `jobs`, replacing any run under way.
    pub fn run(&self, jobs: Vec<W>) {
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

    /// Starts the workers; false if the browser refuses.
    fn spawn(&self) -> bool {
        let mut slots = Vec::new();
        for k in 0..worker_count() {
            let Ok(worker) = Worker::new(WORKER_URL) else {
                return false;
            };
            let (weak, on_event) = (Rc::downgrade(&self.inner), self.on_event.clone());
            let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                if let Some(text) = e.data().as_string() {
                    on_message(&weak, &on_event, k, &text);
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
                _onmessage: onmessage,
                _onerror: onerror,
            });
        }
        self.inner.borrow_mut().slots = slots;
        true
    }

    fn dispatch(&self) {
        dispatch(&self.inner);
    }
}

/// Every job on this thread.
fn finish_here<W: Work>(jobs: &[W], t0: f64) -> PoolEvent<W::Output> {
    match jobs.iter().map(W::run_all).collect::<Result<Vec<_>, _>>() {
        Ok(results) => PoolEvent::Finished {
            results,
            seconds: (now() - t0) / 1000.0,
            workers: 0,
        },
        Err(e) => PoolEvent::Failed(e),
    }
}

/// A worker failed to load or crashed: stop them all and finish the run on this thread.
fn fall_back<W: Work>(weak: &Weak<RefCell<Inner<W>>>, on_event: &Callback<PoolEvent<W::Output>>) {
    let Some(inner) = weak.upgrade() else { return };
    let (jobs, t0) = {
        let mut i = inner.borrow_mut();
        i.stop_deferred();
        (std::mem::take(&mut i.jobs), now())
    };
    if jobs.is_empty() {
        return;
    }
    on_event.emit(finish_here(&jobs, t0));
}

fn dispatch<W: Work>(inner: &Rc<RefCell<Inner<W>>>) {
    let mut i = inner.borrow_mut();
    let run = i.run;
    for k in 0..i.slots.len() {
        if !i.slots[k].ready || i.slots[k].busy {
            continue;
        }
        let Some((task, range)) = i.queue.pop_front() else {
            break;
        };
        let req = Request {
            kind: W::KIND.to_string(),
            run,
            task,
            job: i.jobs[task].clone(),
            range,
        };
        if let Ok(text) = serde_json::to_string(&req) {
            if i.slots[k].worker.post_message(&JsValue::from_str(&text)).is_ok() {
                i.slots[k].busy = true;
                continue;
            }
        }
        i.queue.push_front((task, range));
    }
}

fn on_message<W: Work>(
    weak: &Weak<RefCell<Inner<W>>>,
    on_event: &Callback<PoolEvent<W::Output>>,
    k: usize,
    text: &str,
) {
    let Some(inner) = weak.upgrade() else { return };
    let resp = match serde_json::from_str::<Response<W::Part>>(text) {
        Ok(r) => r,
        Err(e) => {
            // A reply that cannot be read would leave the run waiting for ever: stop it.
            inner.borrow_mut().stop_deferred();
            return on_event.emit(PoolEvent::Failed(format!("a worker's reply could not be read: {e}")));
        }
    };
    let event = {
        let mut i = inner.borrow_mut();
        let current = i.run;
        match resp {
            Response::Ready => {
                if let Some(s) = i.slots.get_mut(k) {
                    s.ready = true;
                }
                None
            }
            Response::Progress { run, units } if run == current => {
                i.done += units;
                Some(PoolEvent::Progress {
                    done: i.done,
                    total: i.total,
                })
            }
            Response::Done { run, task, parts } if run == current => {
                if let Some(s) = i.slots.get_mut(k) {
                    s.busy = false;
                }
                i.parts[task].extend(parts);
                let finished = i.queue.is_empty() && i.slots.iter().all(|s| !s.busy);
                finished.then(|| {
                    let parts = std::mem::take(&mut i.parts);
                    let results = i.jobs.iter().zip(parts).map(|(j, p)| j.finish(p)).collect();
                    match results {
                        Ok(results) => PoolEvent::Finished {
                            results,
                            seconds: (now() - i.started) / 1000.0,
                            workers: i.slots.len(),
                        },
                        Err(e) => PoolEvent::Failed(e),
                    }
                })
            }
            Response::Failed { message, .. } => Some(PoolEvent::Failed(message)),
            _ => None,
        }
    };
    dispatch(&inner);
    if let Some(e) = event {
        on_event.emit(e);
    }
}
