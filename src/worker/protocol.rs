//! Messages between the page and its workers — requests as JSON text, replies as bytes
//! ([`encode`], [`decode`]: the parts' floats exact and read without parsing text) — and
//! the [`Work`] they share.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::kind::JobKind;

/// Work a pool of workers can share: cut into ranges, run anywhere, merged in order.
pub trait Work: Clone + Serialize + DeserializeOwned + 'static {
    /// Which kind of work a request holds (its tag in the request, see [`JobKind`]).
    const KIND: JobKind;
    /// What one range of work gives back (sent from a worker as bytes, [`encode`]).
    type Part: Serialize + DeserializeOwned + Clone + 'static;
    /// The merged result.
    type Output: 'static;

    /// Progress units in all (samples, slots, …).
    fn total(&self) -> u64;
    /// The ranges of work to share among `workers` workers, in order. The first range is
    /// what a first view shows (`Pool::run`): a work that offers one keeps it small.
    fn ranges(&self, workers: u64) -> Vec<(u64, u64)>;
    /// Runs one range, reporting progress units as they are done.
    fn run(&self, range: (u64, u64), progress: &mut dyn FnMut(u64)) -> Result<Vec<Self::Part>, String>;
    /// Merges the parts of every range (in any order).
    fn finish(&self, parts: Vec<Self::Part>) -> Result<Self::Output, String>;

    /// The whole job on this thread.
    fn run_all(&self) -> Result<Self::Output, String> {
        let mut parts = Vec::new();
        for r in self.ranges(1) {
            parts.extend(self.run(r, &mut |_| ())?);
        }
        self.finish(parts)
    }
}

/// `0..total` in ranges of `chunk` (at least 1), after a first range `0..first` when
/// `first` is above 0 (the range a first view shows).
pub fn ranges_after(first: u64, total: u64, chunk: u64) -> Vec<(u64, u64)> {
    let first = first.min(total);
    let head = (first > 0).then_some((0, first));
    let rest = (first..total)
        .step_by(chunk.max(1) as usize)
        .map(move |r| (r, (r + chunk.max(1)).min(total)));
    head.into_iter().chain(rest).collect()
}

/// Page → worker: range `range` of job `task` of the pool's run `run`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Request<W> {
    pub kind: String,
    pub run: u64,
    pub task: usize,
    pub job: W,
    pub range: (u64, u64),
}

impl<W: Work> Request<W> {
    /// Range `range` of job `task` of run `run`, tagged with the job's kind.
    pub fn new(run: u64, task: usize, job: W, range: (u64, u64)) -> Self {
        use et_engine::choice::Choice;
        Self {
            kind: W::KIND.key().to_string(),
            run,
            task,
            job,
            range,
        }
    }
}

/// The kind of a request, read before the rest.
#[derive(Deserialize)]
pub struct Kind {
    pub kind: String,
}

/// The run of a request, read when it cannot run.
#[derive(Deserialize)]
pub struct RunOf {
    pub run: u64,
}

/// Worker → page.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Response<P> {
    /// Loaded and listening.
    Ready,
    /// `units` more progress units done.
    Progress { run: u64, units: u64 },
    /// The parts of a request.
    Done { run: u64, task: usize, parts: Vec<P> },
    /// The request could not run.
    Failed { run: u64, message: String },
}

/// A reply as bytes (bincode: each float its 8 bytes, lengths and tags as integers).
pub fn encode<P: Serialize>(r: &Response<P>) -> Option<Vec<u8>> {
    bincode::serialize(r).ok()
}

/// A reply read back from [`encode`]'s bytes.
pub fn decode<P: DeserializeOwned>(bytes: &[u8]) -> Result<Response<P>, String> {
    bincode::deserialize(bytes).map_err(|e| e.to_string())
}
