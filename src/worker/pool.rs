//! The page's side: a pool of Monte Carlo workers (one a core) sharing blocks of work.
//!
//! A run is a list of experiments; each is cut into ranges of blocks handed to idle
//! workers. Because blocks draw from their own streams and merge in block order, the
//! result does not depend on how many workers there are or who ran what. Cancel (or a
//! new run) terminates the workers at once; fresh ones are started for the next run.
//! Where workers cannot start or fail to load, the run goes on this thread instead.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

use et_engine::ticket_mc::{McPartial, McResult, TicketMonteCarlo};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};
use yew::Callback;

use super::protocol::{McJob, Request, Response};

/// The worker script Trunk emits beside the page.
const WORKER_URL: &str = "./mc-worker_loader.js";

/// What the pool tells the page.
#[derive(Clone, Debug, PartialEq)]
pub enum PoolEvent {
    /// `done` of `total` samples.
    Progress { done: u64, total: u64 },
    /// One result per experiment, in order; `seconds` of wall time on `workers` workers.
    Finished {
        results: Vec<McResult>,
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

#[derive(Default)]
struct Inner {
    slots: Vec<Slot>,
    run: u64,
    jobs: Vec<McJob>,
    experiments: Vec<TicketMonteCarlo>,
    queue: VecDeque<(usize, (u64, u64))>,
    parts: Vec<Vec<McPartial>>,
    done: u64,
    total: u64,
    started: f64,
}

/// A pool of workers; cheap to clone (shared).
#[derive(Clone)]
pub struct McPool {
    inner: Rc<RefCell<Inner>>,
    on_event: Callback<PoolEvent>,
}

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

impl McPool {
    /// A pool that reports to `on_event`; workers start with the first run.
    pub fn new(on_event: Callback<PoolEvent>) -> Self {
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
        let mut i = self.inner.borrow_mut();
        // Dropping a slot terminates its worker.
        i.slots.clear();
        i.queue.clear();
        i.run += 1;
    }

    /// Starts a run of `jobs`, replacing any run under way.
    pub fn run(&self, jobs: Vec<McJob>) {
        let experiments: Result<Vec<_>, _> = jobs.iter().map(McJob::experiment).collect();
        let experiments = match experiments {
            Ok(e) => e,
            Err(e) => return self.on_event.emit(PoolEvent::Failed(e.to_string())),
        };
        if self.busy() {
            self.cancel();
        }
        if self.inner.borrow().slots.is_empty() && !self.spawn() {
            return self.run_here(jobs, experiments);
        }
        {
            let mut i = self.inner.borrow_mut();
            let workers = i.slots.len() as u64;
            i.run += 1;
            i.queue.clear();
            for (t, job) in jobs.iter().enumerate() {
                let blocks = job.blocks();
                let chunk = blocks.div_ceil(workers * 4).max(1);
                let mut b = 0;
                while b < blocks {
                    i.queue.push_back((t, (b, (b + chunk).min(blocks))));
                    b += chunk;
                }
            }
            i.parts = vec![Vec::new(); jobs.len()];
            i.total = jobs.iter().map(|j| j.samples).sum();
            i.done = 0;
            i.jobs = jobs;
            i.experiments = experiments;
            i.started = now();
        }
        self.on_event.emit(PoolEvent::Progress {
            done: 0,
            total: self.inner.borrow().total,
        });
        self.dispatch();
    }

    fn run_here(&self, jobs: Vec<McJob>, experiments: Vec<TicketMonteCarlo>) {
        let t0 = now();
        let results = jobs
            .iter()
            .zip(&experiments)
            .map(|(j, e)| e.run(j.seed, j.samples))
            .collect();
        self.on_event.emit(PoolEvent::Finished {
            results,
            seconds: (now() - t0) / 1000.0,
            workers: 0,
        });
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

/// A worker failed to load or crashed: stop them all and finish the run on this thread.
fn fall_back(weak: &Weak<RefCell<Inner>>, on_event: &Callback<PoolEvent>) {
    let Some(inner) = weak.upgrade() else { return };
    let (jobs, experiments, t0) = {
        let mut i = inner.borrow_mut();
        // This runs inside a worker's error handler: drop the workers (and that handler)
        // only after it has returned.
        let old = std::mem::take(&mut i.slots);
        wasm_bindgen_futures::spawn_local(async move { drop(old) });
        i.queue.clear();
        i.run += 1;
        (std::mem::take(&mut i.jobs), std::mem::take(&mut i.experiments), now())
    };
    if jobs.is_empty() {
        return;
    }
    let results = jobs
        .iter()
        .zip(&experiments)
        .map(|(j, e)| e.run(j.seed, j.samples))
        .collect();
    on_event.emit(PoolEvent::Finished {
        results,
        seconds: (now() - t0) / 1000.0,
        workers: 0,
    });
}

fn dispatch(inner: &Rc<RefCell<Inner>>) {
    let mut i = inner.borrow_mut();
    let run = i.run;
    for k in 0..i.slots.len() {
        if !i.slots[k].ready || i.slots[k].busy {
            continue;
        }
        let Some((task, blocks)) = i.queue.pop_front() else {
            break;
        };
        let req = Request::Blocks {
            run,
            task,
            job: i.jobs[task].clone(),
            blocks,
        };
        if let Ok(text) = serde_json::to_string(&req) {
            if i.slots[k].worker.post_message(&JsValue::from_str(&text)).is_ok() {
                i.slots[k].busy = true;
                continue;
            }
        }
        i.queue.push_front((task, blocks));
    }
}

fn on_message(weak: &Weak<RefCell<Inner>>, on_event: &Callback<PoolEvent>, k: usize, text: &str) {
    let Some(inner) = weak.upgrade() else { return };
    let Ok(resp) = serde_json::from_str::<Response>(text) else {
        return;
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
            Response::Progress { run, samples } if run == current => {
                i.done += samples;
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
                    let results = i.experiments.iter().zip(parts).map(|(e, p)| e.finish(p)).collect();
                    PoolEvent::Finished {
                        results,
                        seconds: (now() - i.started) / 1000.0,
                        workers: i.slots.len(),
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
