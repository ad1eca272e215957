//! A run's parts merged into results on the page's thread, a job a task, so that
//! reading a worker's reply, merging and rendering each stay short.

use std::cell::RefCell;
use std::rc::Weak;

use yew::Callback;

use super::pool_inner::Inner;
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
    pub fn run(self, weak: Weak<RefCell<Inner<W>>>, on_event: Callback<PoolEvent<W::Output>>) {
        wasm_bindgen_futures::spawn_local(async move {
            let current = || weak.upgrade().map(|i| i.borrow().run) == Some(self.run);
            let mut results = Vec::with_capacity(self.jobs.len());
            for (job, parts) in self.jobs {
                gloo_timers::future::TimeoutFuture::new(0).await;
                if !current() {
                    return;
                }
                match job.finish(parts) {
                    Ok(r) => results.push(r),
                    Err(e) => return later(&on_event, PoolEvent::Failed(e)),
                }
            }
            if current() {
                later(
                    &on_event,
                    PoolEvent::Finished {
                        results,
                        seconds: self.seconds,
                        workers: self.workers,
                        first_view: self.first_view,
                    },
                );
            }
        });
    }
}
