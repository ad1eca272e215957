//! The order in which a page is drawn: its charts' drawings first, one a task, then —
//! once the browser has painted them — the parts of the page that can wait ([`Later`]).
//! A page's first charts then come before its long tables and below-the-fold sections;
//! while a run's first view is being computed ([`hold`]), those parts wait for its charts
//! too (they would take the page's thread, and a core, from the workers computing it).
//!
//! [`Later`]: crate::components::Later

use std::cell::RefCell;
use std::collections::VecDeque;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type Job = Box<dyn FnOnce()>;

/// How long a waiting part waits for a paint that does not come (a hidden tab paints none).
const PAINT_WAIT_MS: i32 = 100;

/// The longest a [`hold`] holds the waiting parts back (a first view normally comes well
/// within it).
const HOLD_MS: i32 = 1500;

#[derive(Default)]
struct Queue {
    /// Charts' drawings, in the order asked.
    charts: VecDeque<Job>,
    /// What waits for the charts and a paint; `true`: also for the first views held.
    later: VecDeque<(Job, bool)>,
    /// First views being computed ([`hold`]), and until when they may hold (ms).
    holds: u32,
    held_until: f64,
    /// A step's task is scheduled.
    step: bool,
    /// A paint (or its timeout) is awaited.
    waiting: bool,
    /// The browser has painted since the last waiting part ran.
    painted: bool,
}

thread_local! {
    static QUEUE: RefCell<Queue> = RefCell::new(Queue::default());
}

/// Runs `job` (a chart's drawing) in a task of its own, after the drawings asked before it.
pub fn chart(job: impl FnOnce() + 'static) {
    QUEUE.with(|q| q.borrow_mut().charts.push_back(Box::new(job)));
    schedule();
}

/// Runs `job` once no chart waits to be drawn and the browser has painted since.
pub fn later(job: impl FnOnce() + 'static) {
    QUEUE.with(|q| q.borrow_mut().later.push_back((Box::new(job), false)));
    schedule();
}

/// [`later`] for a part of the page: it also waits while a first view is held ([`hold`]).
pub fn later_part(job: impl FnOnce() + 'static) {
    QUEUE.with(|q| q.borrow_mut().later.push_back((Box::new(job), true)));
    schedule();
}

/// A first view being computed: the parts of the page ([`later_part`]) wait until it is
/// dropped (its charts then come first), or at most [`HOLD_MS`].
pub struct Hold(());

/// Holds the parts of the page back while a first view is computed (see [`Hold`]).
pub fn hold() -> Hold {
    QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        q.holds += 1;
        q.held_until = js_sys::Date::now() + f64::from(HOLD_MS);
    });
    if let Some(w) = web_sys::window() {
        let go = Closure::once_into_js(schedule);
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(go.unchecked_ref(), HOLD_MS + 1);
    }
    Hold(())
}

impl Drop for Hold {
    fn drop(&mut self) {
        QUEUE.with(|q| q.borrow_mut().holds -= 1);
        schedule();
    }
}

/// The first waiting part that may run now (a held one only when nothing holds it).
fn runnable(q: &Queue) -> Option<usize> {
    let holding = q.holds > 0 && js_sys::Date::now() < q.held_until;
    q.later.iter().position(|&(_, held)| !held || !holding)
}

/// What to schedule next: a step's task for a chart (or for a waiting part after a
/// paint), or a wait for the next paint.
fn schedule() {
    let Some(w) = web_sys::window() else { return };
    let hidden = hidden();
    let (step, wait) = QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        // A hidden page paints nothing: what waits for a paint goes on without one.
        let later = runnable(&q).is_some();
        let ready = !q.charts.is_empty() || (later && (q.painted || hidden));
        let step = ready && !q.step;
        q.step |= step;
        let wait = q.charts.is_empty() && later && !q.painted && !hidden && !std::mem::replace(&mut q.waiting, true);
        (step, wait)
    });
    if step {
        let go = Closure::once_into_js(run_step);
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(go.unchecked_ref(), 0);
    }
    if wait {
        // The first of a paint or a timeout (a hidden tab paints none) ends the wait;
        // the step then runs in a task after the paint.
        let fired = std::rc::Rc::new(std::cell::Cell::new(false));
        for paint in [true, false] {
            let fired = fired.clone();
            let go = Closure::once_into_js(move || {
                if !fired.replace(true) {
                    QUEUE.with(|q| {
                        let mut q = q.borrow_mut();
                        (q.waiting, q.painted) = (false, true);
                    });
                    schedule();
                }
            });
            let f = go.unchecked_ref();
            let _ = if paint {
                w.request_animation_frame(f).map(drop)
            } else {
                w.set_timeout_with_callback_and_timeout_and_arguments_0(f, PAINT_WAIT_MS)
                    .map(drop)
            };
        }
    }
}

/// Whether the page is hidden (a background tab): it paints nothing, and its timers wait
/// a second or more each.
fn hidden() -> bool {
    web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden())
}

/// One step: a chart's drawing if one waits, else a waiting part (the paint was seen).
/// In a hidden page, everything that waits, in one task (one drawing a task would take a
/// second a chart there).
fn run_step() {
    if hidden() {
        let jobs = QUEUE.with(|q| {
            let mut q = q.borrow_mut();
            q.step = false;
            let mut jobs: Vec<Job> = q.charts.drain(..).collect();
            while let Some(k) = runnable(&q) {
                jobs.extend(q.later.remove(k).map(|(job, _)| job));
            }
            jobs
        });
        jobs.into_iter().for_each(|job| job());
        return schedule();
    }
    let job = QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        q.step = false;
        if let Some(job) = q.charts.pop_front() {
            // What waits needs a paint after this drawing.
            q.painted = false;
            return Some(job);
        }
        // A waiting part runs only after a paint; the next one waits for another.
        let job = match (q.painted, runnable(&q)) {
            (true, Some(k)) => q.later.remove(k).map(|(job, _)| job),
            _ => None,
        };
        q.painted &= job.is_none();
        job
    });
    if let Some(job) = job {
        job();
    }
    schedule();
}
