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
    /// Whether `last` is a run's first view (from its first range), not its final result.
    pub first_view: bool,
    /// The last finished outcome (what a first view replaces until its run ends, and what
    /// comes back if that run is cancelled or fails).
    pub finished: Option<Rc<T>>,
    pub error: Option<String>,
}

impl<T> Default for RunStatus<T> {
    fn default() -> Self {
        Self {
            running: false,
            done: 0,
            total: 0,
            last: None,
            first_view: false,
            finished: None,
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
            first_view: self.first_view,
            finished: self.finished.clone(),
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
                first_view,
            } => {
                s.running &= first_view;
                if let Some(t) = finish(results, seconds, workers) {
                    let t = Rc::new(t);
                    if !first_view {
                        s.finished = Some(t.clone());
                    }
                    (s.last, s.first_view) = (Some(t), first_view);
                }
            }
            PoolEvent::Failed(e) => {
                s.running = false;
                s.error = Some(e);
                // A first view of the run that stopped gives way to the last finished run.
                if s.first_view && s.finished.is_some() {
                    (s.last, s.first_view) = (s.finished.clone(), false);
                }
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
    /// One result per job, in order; `seconds` of wall time on `workers` workers. With
    /// `first_view`, the run goes on: this is its first job's first range merged alone
    /// (see `Pool::run`), and `results` holds that one result.
    Finished {
        results: Vec<O>,
        seconds: f64,
        workers: usize,
        first_view: bool,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn view(s: &RunStatus<u32>, e: PoolEvent<u32>) -> RunStatus<u32> {
        s.after(e, |r, _, _| r.first().copied())
    }

    #[test]
    fn a_first_view_shows_until_the_final_result_and_a_cancel_brings_back_the_last_one() {
        let (results, seconds, workers) = (vec![1], 0.1, 2);
        let s = view(
            &RunStatus::default(),
            PoolEvent::Finished {
                results,
                seconds,
                workers,
                first_view: false,
            },
        );
        let s = view(&s, PoolEvent::Progress { done: 0, total: 10 });
        let s = view(
            &s,
            PoolEvent::Finished {
                results: vec![2],
                seconds,
                workers,
                first_view: true,
            },
        );
        assert_eq!((s.last.as_deref(), s.first_view, s.running), (Some(&2), true, true));
        let done = view(
            &s,
            PoolEvent::Finished {
                results: vec![3],
                seconds,
                workers,
                first_view: false,
            },
        );
        assert_eq!(
            (done.last.as_deref(), done.first_view, done.finished.as_deref()),
            (Some(&3), false, Some(&3))
        );
        let cancelled = view(&s, PoolEvent::Failed("cancelled".into()));
        assert_eq!((cancelled.last.as_deref(), cancelled.first_view), (Some(&1), false));
        // Without a finished run before it, a first view stays (the page says the run stopped).
        let cold = view(
            &RunStatus::default(),
            PoolEvent::Finished {
                results: vec![2],
                seconds,
                workers,
                first_view: true,
            },
        );
        let cold = view(&cold, PoolEvent::Failed("cancelled".into()));
        assert_eq!((cold.last.as_deref(), cold.first_view), (Some(&2), true));
    }
}
