//! A run's parts merged into results on the page's thread, a job a task, so that
//! reading a worker's reply, merging and rendering each stay short.

use std::cell::RefCell;
use std::rc::Weak;

use yew::Callback;

use super::pool_inner::{now, Inner};
use super::protocol::Work;
use super::status::PoolEvent;

/// The page's view of an event in a task of its own (the render of a result stays apart
/// from the message's reading and the merge).
pub fn later<T: 'static>(on_event: &Callback<PoolEvent<T>>, e: PoolEvent<T>) {
    let on_event = on_event.clone();
    gloo_timers::callback::Timeout::new(0, move || on_event.emit(e)).forget();
}

/// What a worker's message leads to.
pub enum Next<W: Work> {
    /// An event for the page.
    Event(PoolEvent<W::Output>),
    /// Parts to merge into a (first or final) result.
    Merge(Merge<W>),
}

/// Jobs' parts to merge, each job in a task of its own after the message's (reading a
/// worker's reply, merging a job and rendering the result each stay short on the page's
/// thread), then the result for the page.
pub struct Merge<W: Work> {
    pub jobs: Vec<(W, Vec<W::Part>)>,
    /// The pool's run they belong to: a newer run drops them.
    pub run: u64,
    pub seconds: f64,
    pub workers: usize,
    pub first_view: bool,
}

impl<W: Work> Merge<W> {
    /// Merges the jobs a task each (from the next task on), then hands the result to the
    /// page in a task of its own; dropped if the pool has started another run meanwhile.
    pub fn run(self, weak: Weak<RefCell<Inner<W>>>, on_event: Callback<PoolEvent<W::Output>>) {
        let results = Vec::with_capacity(self.jobs.len());
        let jobs = self.jobs.into_iter().peekable();
        let head = (self.run, self.seconds, self.workers, self.first_view);
        step(jobs, results, head, weak, on_event);
    }
}

/// The run, its wall time, workers and whether it is a first view.
type Head = (u64, f64, usize, bool);

/// Milliseconds of merging a task (then the next task goes on): short tasks, and no
/// task a job when a run has many small ones (a sweep's 80: timers nested this deep
/// wait at least 4 ms each).
const SLICE_MS: f64 = 8.0;

/// Merges the next jobs in a task of its own (as many as fit in [`SLICE_MS`]), then the
/// next ones in another, …, then hands over the result in a task of its own.
fn step<W: Work>(
    mut jobs: std::iter::Peekable<std::vec::IntoIter<(W, Vec<W::Part>)>>,
    mut results: Vec<W::Output>,
    head: Head,
    weak: Weak<RefCell<Inner<W>>>,
    on_event: Callback<PoolEvent<W::Output>>,
) {
    gloo_timers::callback::Timeout::new(0, move || {
        if weak.upgrade().map(|i| i.borrow().run) != Some(head.0) {
            return;
        }
        if jobs.peek().is_none() {
            let (_, seconds, workers, first_view) = head;
            return on_event.emit(PoolEvent::Finished {
                results,
                seconds,
                workers,
                first_view,
            });
        }
        let t0 = now();
        while let Some((job, parts)) = jobs.next_if(|_| now() - t0 < SLICE_MS) {
            match job.finish(parts) {
                Ok(r) => results.push(r),
                Err(e) => return on_event.emit(PoolEvent::Failed(e)),
            }
        }
        step(jobs, results, head, weak, on_event)
    })
    .forget();
}
