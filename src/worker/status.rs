//! Where a pool run stands, for a page: progress, the last finished result (kept while a
//! new run goes on, and after a Cancel), and the last error.

use std::rc::Rc;

/// A page's view of its runs; `T` is what a finished run becomes.
#[derive(Debug, PartialEq)]
pub struct RunStatus<T> {
    pub running: bool,
    pub done: u64,
    pub total: u64,
    pub last: Option<Rc<T>>,
    pub error: Option<String>,
}

impl<T> Default for RunStatus<T> {
    fn default() -> Self {
        Self {
            running: false,
            done: 0,
            total: 0,
            last: None,
            error: None,
        }
    }
}

impl<T> Clone for RunStatus<T> {
    fn clone(&self) -> Self {
        Self {
            running: self.running,
            done: self.done,
            total: self.total,
            last: self.last.clone(),
            error: self.error.clone(),
        }
    }
}

impl<T> RunStatus<T> {
    /// The status after `event`; `finish(results, seconds, workers)` makes a finished
    /// run's outcome (none keeps the last one).
    pub fn after<O>(&self, event: PoolEvent<O>, finish: impl FnOnce(Vec<O>, f64, usize) -> Option<T>) -> Self {
        let mut s = self.clone();
        match event {
            PoolEvent::Progress { done, total } => {
                s.running = done < total;
                (s.done, s.total, s.error) = (done, total, None);
            }
            PoolEvent::Finished {
                results,
                seconds,
                workers,
            } => {
                s.running = false;
                if let Some(t) = finish(results, seconds, workers) {
                    s.last = Some(Rc::new(t));
                }
            }
            PoolEvent::Failed(e) => {
                s.running = false;
                s.error = Some(e);
            }
        }
        s
    }
}

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

/// The next status, computed from the one in force.
type NextStatus<T> = dyn FnOnce(&RunStatus<T>) -> RunStatus<T>;

/// A change of a page's [`RunStatus`], computed from the one in force.
pub struct StatusUpdate<T>(pub Box<NextStatus<T>>);

impl<T: 'static> yew::Reducible for RunStatus<T> {
    type Action = StatusUpdate<T>;

    fn reduce(self: Rc<Self>, action: StatusUpdate<T>) -> Rc<Self> {
        Rc::new((action.0)(&self))
    }
}
