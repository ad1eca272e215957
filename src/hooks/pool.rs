//! A page's runs on the worker pool: the pool, where its run stands, Cancel, and the
//! wait for a confirmation before a run estimated to be long ([`super::work_cost`]).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use super::work_cost::{estimate, WorkCost, LONG_WORK_SECONDS};
use crate::paint_order::Hold;
use crate::worker::pool::worker_count;
use crate::worker::pool::Pool;
use crate::worker::protocol::Work;
use crate::worker::status::{PoolEvent, RunStatus, StatusUpdate};

/// Makes a finished run's outcome from the run's labels, its results (one a job),
/// its wall time in seconds and its number of workers; `None` keeps the last one.
pub type Finish<W, L, T> = fn(&L, Vec<<W as Work>::Output>, f64, usize) -> Option<T>;

/// A long run waiting for a confirmation: its labels and jobs.
type Pending<W, L> = Rc<RefCell<Option<(L, Vec<W>)>>>;

/// A page's pool, the status of its runs, and the labels of the run under way.
pub struct PoolRun<W: Work, L: 'static, T: 'static> {
    /// Where the runs stand; the last finished outcome stays while a new run goes on.
    pub status: UseReducerHandle<RunStatus<T>>,
    /// A long run waiting for "Run anyway": its estimated seconds and size.
    pub waiting: UseStateHandle<Option<(f64, String)>>,
    pool: Rc<Pool<W>>,
    labels: Rc<RefCell<Rc<L>>>,
    pending: Pending<W, L>,
    /// "Run anyway" was pressed for the pending run (cleared by a newer run).
    confirmed: Rc<Cell<bool>>,
    /// Whether each run shows a first view before its final result.
    first_view: bool,
    /// The parts of the page held back while a run's first view is computed.
    hold: Rc<RefCell<Option<Hold>>>,
}

impl<W: Work, L, T> Clone for PoolRun<W, L, T> {
    fn clone(&self) -> Self {
        Self {
            status: self.status.clone(),
            waiting: self.waiting.clone(),
            pool: self.pool.clone(),
            labels: self.labels.clone(),
            pending: self.pending.clone(),
            confirmed: self.confirmed.clone(),
            first_view: self.first_view,
            hold: self.hold.clone(),
        }
    }
}

impl<W: Work + WorkCost, L, T> PoolRun<W, L, T> {
    /// Starts a run of `jobs` (replacing any under way); `labels` go to its outcome. A run
    /// estimated above [`LONG_WORK_SECONDS`] does not start: it waits for [`Self::confirm`]
    /// (the run under way, made for other inputs, is stopped).
    pub fn run(&self, labels: L, jobs: Vec<W>) {
        self.confirmed.set(false);
        let (seconds, size) = estimate(&jobs, worker_count());
        if seconds > LONG_WORK_SECONDS {
            self.stop_quietly();
            *self.pending.borrow_mut() = Some((labels, jobs));
            self.waiting.set(Some((seconds, size)));
            return;
        }
        self.start(labels, jobs);
    }

    /// Starts the long run waiting for a confirmation. The notice goes at once and the run
    /// starts once the page has painted that: its workers then take every core, and a
    /// frame drawn meanwhile would wait for them.
    pub fn confirm(&self) -> Callback<()> {
        let this = self.clone();
        Callback::from(move |_| {
            if this.pending.borrow().is_none() || this.confirmed.replace(true) {
                return;
            }
            this.waiting.set(None);
            let this = this.clone();
            crate::paint_order::later(move || {
                if !this.confirmed.replace(false) {
                    return; // a newer run came first
                }
                let pending = this.pending.borrow_mut().take();
                if let Some((labels, jobs)) = pending {
                    this.start(labels, jobs);
                }
            });
        })
    }

    fn start(&self, labels: L, jobs: Vec<W>) {
        self.pending.borrow_mut().take();
        if self.waiting.is_some() {
            self.waiting.set(None);
        }
        *self.labels.borrow_mut() = Rc::new(labels);
        *self.hold.borrow_mut() = self.first_view.then(crate::paint_order::hold);
        self.pool.run(jobs, self.first_view);
        // While the workers run, the page's first chart is made quicker to draw.
        if crate::export::warm_up_needed() {
            crate::paint_order::later(crate::export::warm_up);
        }
    }

    /// Stops the run under way without a note (its inputs are gone).
    fn stop_quietly(&self) {
        self.hold.take();
        if self.pool.busy() {
            self.pool.cancel();
            let d = self.status.dispatcher();
            d.dispatch(StatusUpdate(Box::new(|s| RunStatus {
                running: false,
                ..s.clone()
            })));
        }
    }

    /// Cancels the run under way; the last finished outcome stays, with a note.
    pub fn cancel(&self) -> Callback<()> {
        let (pool, d, hold) = (self.pool.clone(), self.status.dispatcher(), self.hold.clone());
        Callback::from(move |_| {
            hold.take();
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
    W: Work + WorkCost,
    L: 'static,
    T: PartialEq + 'static,
{
    use_pool_run_with(finish, labels, false)
}

/// [`use_pool_run`] whose runs show a first view: the first job's first range (a small one,
/// see [`Work::ranges`]), merged by `finish` as soon as a worker sends it back
/// ([`RunStatus::first_view`] is then set), and then the final result.
#[hook]
pub fn use_refined_pool_run<W, L, T>(finish: Finish<W, L, T>, labels: L) -> PoolRun<W, L, T>
where
    W: Work + WorkCost,
    L: 'static,
    T: PartialEq + 'static,
{
    use_pool_run_with(finish, labels, true)
}

#[hook]
fn use_pool_run_with<W, L, T>(finish: Finish<W, L, T>, labels: L, first_view: bool) -> PoolRun<W, L, T>
where
    W: Work + WorkCost,
    L: 'static,
    T: PartialEq + 'static,
{
    let status = use_reducer_eq(RunStatus::<T>::default);
    let labels = use_mut_ref(|| Rc::new(labels));
    let hold = use_mut_ref(|| None);
    let pool = {
        let (d, labels, hold) = (status.dispatcher(), labels.clone(), hold.clone());
        use_memo((), move |_| {
            Pool::<W>::new(Callback::from(move |e: PoolEvent<W::Output>| {
                // A view (first or final) or a failure: its charts come before what waits.
                if !matches!(e, PoolEvent::Progress { .. }) {
                    hold.take();
                }
                let labels = labels.borrow().clone();
                let update = move |s: &RunStatus<T>| s.after(e, |r, secs, w| finish(&labels, r, secs, w));
                d.dispatch(StatusUpdate(Box::new(update)));
            }))
        })
    };
    PoolRun {
        status,
        waiting: use_state(|| None),
        pool,
        labels,
        pending: use_mut_ref(|| None),
        confirmed: use_memo((), |_| Cell::new(false)),
        first_view,
        hold,
    }
}
