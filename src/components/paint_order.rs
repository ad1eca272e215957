//! The order in which a page is drawn: its charts' drawings first, one a task, then —
//! once the browser has painted them — the parts of the page that can wait ([`Later`]).
//! A page's first charts then come before its long tables and below-the-fold sections.
//!
//! [`Later`]: super::later::Later

use std::cell::RefCell;
use std::collections::VecDeque;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type Job = Box<dyn FnOnce()>;

/// How long a waiting part waits for a paint that does not come (a hidden tab paints none).
const PAINT_WAIT_MS: i32 = 100;

#[derive(Default)]
struct Queue {
    /// Charts' drawings, in the order asked.
    charts: VecDeque<Job>,
    /// What waits for the charts and a paint.
    later: VecDeque<Job>,
    /// A task (or a paint) is awaited: nothing more to schedule.
    scheduled: bool,
}

thread_local! {
    static QUEUE: RefCell<Queue> = RefCell::new(Queue::default());
}

/// Runs `job` (a chart's drawing) in a task of its own, after the drawings asked before it.
pub fn chart(job: impl FnOnce() + 'static) {
    QUEUE.with(|q| q.borrow_mut().charts.push_back(Box::new(job)));
    schedule(false);
}

/// Runs `job` once no chart waits to be drawn and the browser has painted since.
pub fn later(job: impl FnOnce() + 'static) {
    QUEUE.with(|q| q.borrow_mut().later.push_back(Box::new(job)));
    schedule(false);
}

/// Schedules the next step, unless one is: a task for a chart, a paint then a task for
/// a part that waits (`after_paint` when the paint has been seen).
fn schedule(after_paint: bool) {
    let Some(w) = web_sys::window() else { return };
    let (charts, later) = QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        let busy = q.scheduled;
        q.scheduled = true;
        (!busy && !q.charts.is_empty(), !busy && !q.later.is_empty())
    });
    if charts || (later && after_paint) {
        let step = Closure::once_into_js(step);
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(step.unchecked_ref(), 0);
    } else if later {
        // The first of a paint or a timeout (a hidden tab paints none) runs the step.
        let fired = std::rc::Rc::new(std::cell::Cell::new(false));
        for paint in [true, false] {
            let fired = fired.clone();
            let go = Closure::once_into_js(move || {
                if !fired.replace(true) {
                    QUEUE.with(|q| q.borrow_mut().scheduled = false);
                    schedule(true);
                }
            });
            let _ = if paint {
                w.request_animation_frame(go.unchecked_ref()).map(drop)
            } else {
                w.set_timeout_with_callback_and_timeout_and_arguments_0(go.unchecked_ref(), PAINT_WAIT_MS)
                    .map(drop)
            };
        }
    } else {
        QUEUE.with(|q| q.borrow_mut().scheduled = false);
    }
}

/// One step: a chart's drawing if one waits, else a waiting part (after a paint).
fn step() {
    let job = QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        q.scheduled = false;
        q.charts.pop_front().or_else(|| q.later.pop_front())
    });
    if let Some(job) = job {
        job();
    }
    schedule(false);
}
