//! A page's runs on the worker pool: the pool, where its run stands, and Cancel.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::worker::pool::Pool;
use crate::worker::protocol::Work;
use crate::worker::status::{PoolEvent, RunStatus, StatusUpdate};

/// Makes a finished run's outcome from the run's labels, its results (one a job),
/// its wall time in seconds and its number of workers; `None` keeps the last one.
pub type Finish<W, L, T> = fn(&L, Vec<<W as Work>::Output>, f64, usize) -> Option<T>;

/// A page's pool, the status of its runs, and the labels of the run under way.
pub struct PoolRun<W: Work, L: 'static, T: 'static> {
    /// Where the runs stand; the last finished outcome stays while a new run goes on.
    pub status: UseReducerHandle<RunStatus<T>>,
    pool: Rc<Pool<W>>,
    labels: Rc<RefCell<Rc<L>>>,
}

impl<W: Work, L, T> Clone for PoolRun<W, L, T> {
    fn clone(&self) -> Self {
        Self {
            status: self.status.clone(),
            pool: self.pool.clone(),
            labels: self.labels.clone(),
        }
    }
}

impl<W: Work, L, T> PoolRun<W, L, T> {
    /// Starts a run of `jobs` (replacing any under way); `labels` go to its outcome.
    pub fn run(&self, labels: L, jobs: Vec<W>) {
        *self.labels.borrow_mut() = Rc::new(labels);
        self.pool.run(jobs);
    }

    /// Cancels the run under way; the last finished outcome stays, with a note.
    pub fn cancel(&self) -> Callback<()> {
        let (pool, d) = (self.pool.clone(), self.status.dispatcher());
        Callback::from(move |_| {
            pool.cancel();
            let failed = PoolEvent::<W::Output>::Failed("cancelled: showing the last finished run".into());
            d.dispatch(StatusUpdate(Box::new(move |s| s.after(failed, |_, _, _| None))));
        })
    }
}

/// A pool for jobs `W` whose finished runs become `T` by `finish`.
#[hook]
pub fn use_pool_run<W, L, T>(finish: Finish<W, L, T>, labels: L) -> PoolRun<W, L, T>
where
    W: Work,
    L: 'static,
    T: PartialEq + 'static,
{
    let status = use_reducer_eq(RunStatus::<T>::default);
    let labels = use_mut_ref(|| Rc::new(labels));
    let pool = {
        let (d, labels) = (status.dispatcher(), labels.clone());
        use_memo((), move |_| {
            Pool::<W>::new(Callback::from(move |e: PoolEvent<W::Output>| {
                let labels = labels.borrow().clone();
                let update = move |s: &RunStatus<T>| s.after(e, |r, secs, w| finish(&labels, r, secs, w));
                d.dispatch(StatusUpdate(Box::new(update)));
            }))
        })
    };
    PoolRun { status, pool, labels }
}
