//! The pool's shared state and its workers' message handlers.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};
use yew::Callback;

use super::merge::{later, Merge, Next};
use super::protocol::{decode, Request, Response, Work};
use super::status::PoolEvent;

/// One worker and its handlers.
pub struct Slot {
    pub worker: Worker,
    /// Whether it has said `Ready` (its wasm has loaded). A worker not yet ready takes
    /// requests too (its script keeps them); a ready one is given work first.
    pub ready: bool,
    pub busy: bool,
    /// Whether the range it runs is the one a first view shows.
    pub first: bool,
    pub _onmessage: Closure<dyn FnMut(MessageEvent)>,
    pub _onerror: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Slot {
    /// A worker outlives nothing of ours: stop it before its handlers go.
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

pub struct Inner<W: Work> {
    pub slots: Vec<Slot>,
    pub run: u64,
    pub jobs: Vec<W>,
    pub queue: VecDeque<(usize, (u64, u64))>,
    pub parts: Vec<Vec<W::Part>>,
    pub done: u64,
    pub total: u64,
    pub started: f64,
    /// When the page was last told of progress (ms): at most every [`PROGRESS_EVERY_MS`].
    pub told: f64,
    /// Whether the run still owes the page a first view (its first job's first range).
    pub first_view: bool,
}

/// The page re-renders at each progress event; workers report after every run or block
/// (hundreds a second), so their reports are passed on at most this often.
pub const PROGRESS_EVERY_MS: f64 = 100.0;

/// A run's first progress report comes this long after its start (its start is told at
/// once): a short run renders no progress at all, and a page's first view does not wait
/// behind renders of a progress bar.
pub const FIRST_PROGRESS_MS: f64 = 300.0;

impl<W: Work> Inner<W> {
    /// Ends the run under way: no more ranges, replies of this run ignored. Returns the
    /// workers, which terminate when dropped.
    pub fn stop(&mut self) -> Vec<Slot> {
        self.queue.clear();
        self.run += 1;
        std::mem::take(&mut self.slots)
    }

    /// [`Inner::stop`] from inside a worker's handler: the workers (and that handler) are
    /// dropped only after it has returned.
    pub fn stop_deferred(&mut self) {
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
            told: 0.0,
            first_view: false,
        }
    }
}

pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Workers to start: one a logical core, at most 8.
pub fn worker_count() -> usize {
    let cores = web_sys::window()
        .map(|w| w.navigator().hardware_concurrency())
        .unwrap_or(1.0);
    (cores as usize).clamp(1, 8)
}

/// Every job on this thread (feature `local-runs`).
#[cfg(feature = "local-runs")]
pub fn finish_here<W: Work>(jobs: &[W], t0: f64) -> PoolEvent<W::Output> {
    match jobs.iter().map(W::run_all).collect::<Result<Vec<_>, _>>() {
        Ok(results) => PoolEvent::Finished {
            results,
            seconds: (now() - t0) / 1000.0,
            workers: 0,
            first_view: false,
        },
        Err(e) => PoolEvent::Failed(e),
    }
}

/// Without feature `local-runs` (the page's own wasm) the simulations live only in the
/// worker's wasm: a run whose workers cannot start or crash fails with a notice.
#[cfg(not(feature = "local-runs"))]
pub fn finish_here<W: Work>(_jobs: &[W], _t0: f64) -> PoolEvent<W::Output> {
    PoolEvent::Failed("the Web Workers could not start or stopped: reload the page to try again".to_string())
}

/// A worker failed to load or crashed: stop them all and finish the run on this thread.
pub fn fall_back<W: Work>(weak: &Weak<RefCell<Inner<W>>>, on_event: &Callback<PoolEvent<W::Output>>) {
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

pub fn dispatch<W: Work>(inner: &Rc<RefCell<Inner<W>>>) {
    let mut i = inner.borrow_mut();
    // The ready workers first: the first range (a first view's) goes to one that can start it.
    for ready in [true, false] {
        for k in 0..i.slots.len() {
            if i.slots[k].busy || i.slots[k].ready != ready {
                continue;
            }
            let Some((task, range)) = i.queue.pop_front() else {
                return;
            };
            post(&mut i, k, task, range);
        }
    }
}

/// Posts range `range` of job `task` to worker `k`; back to the queue's front if it fails.
fn post<W: Work>(i: &mut Inner<W>, k: usize, task: usize, range: (u64, u64)) {
    let req = Request::new(i.run, task, i.jobs[task].clone(), range);
    if let Ok(text) = serde_json::to_string(&req) {
        if i.slots[k].worker.post_message(&JsValue::from_str(&text)).is_ok() {
            let first = i.first_view && task == 0 && range.0 == 0;
            (i.slots[k].busy, i.slots[k].first) = (true, first);
            return;
        }
    }
    i.queue.push_front((task, range));
}

pub fn on_message<W: Work>(
    weak: &Weak<RefCell<Inner<W>>>,
    on_event: &Callback<PoolEvent<W::Output>>,
    k: usize,
    bytes: &[u8],
) {
    let Some(inner) = weak.upgrade() else { return };
    let resp = match decode::<W::Part>(bytes) {
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
                let t = now();
                (t - i.told >= PROGRESS_EVERY_MS).then(|| {
                    i.told = t;
                    Next::Event(PoolEvent::Progress {
                        done: i.done,
                        total: i.total,
                    })
                })
            }
            Response::Done { run, task, parts } if run == current => done(&mut i, k, task, parts).map(Next::Merge),
            Response::Failed { message, .. } => Some(Next::Event(PoolEvent::Failed(message))),
            _ => None,
        }
    };
    dispatch(&inner);
    match event {
        Some(Next::Event(e)) => later(on_event, e),
        Some(Next::Merge(m)) => m.run(weak.clone(), on_event.clone()),
        None => {}
    }
}

/// Worker `k` finished its range of job `task`: the run's parts to merge once every range
/// is back; else, if it was the first job's first range and a first view is owed, that
/// view's (a copy of those parts merged alone; they also wait for the final merge).
fn done<W: Work>(i: &mut Inner<W>, k: usize, task: usize, parts: Vec<W::Part>) -> Option<Merge<W>> {
    let first = i.slots.get_mut(k).is_some_and(|s| {
        s.busy = false;
        std::mem::take(&mut s.first)
    });
    let (seconds, workers) = ((now() - i.started) / 1000.0, i.slots.len());
    let run = i.run;
    let all_back = i.queue.is_empty() && i.slots.iter().all(|s| !s.busy);
    if first && std::mem::take(&mut i.first_view) && !all_back {
        let job = i.jobs.first()?.clone();
        let view = parts.clone();
        i.parts[task].extend(parts);
        return Some(Merge {
            jobs: vec![(job, view)],
            run,
            seconds,
            workers,
            first_view: true,
        });
    }
    i.parts[task].extend(parts);
    if !all_back {
        return None;
    }
    let parts = std::mem::take(&mut i.parts);
    Some(Merge {
        jobs: std::mem::take(&mut i.jobs).into_iter().zip(parts).collect(),
        run,
        seconds,
        workers,
        first_view: false,
    })
}
