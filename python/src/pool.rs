//! Long runs on every core, the way the page's worker pool shares them: the work is cut
//! into ranges of the engine's own blocks (or runs, or sweep points), each range run by
//! the engine on its own streams, and the engine merges the parts in block order — so a
//! seed gives the same bits on any number of threads. The GIL is released while they run;
//! between parts the calling thread checks for signals, so Ctrl-C stops a run (the
//! threads finish their current range and stop).

use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use pyo3::prelude::*;
use serde::Serialize;

use crate::convert::{error, to_py, value_error};
use crate::engine;

/// The number of threads: `threads` if given (at least 1), else every core.
pub fn threads(threads: Option<usize>) -> PyResult<usize> {
    match threads {
        Some(0) => Err(error("threads: must be at least 1, got 0")),
        Some(t) => Ok(t),
        None => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
    }
}

/// A long run from Python: `0..n` cut into ranges of `chunk` (at least 1), each run by
/// `run` on `threads` threads ([`run`]: the GIL released, Ctrl-C stops it), the parts
/// merged in range order by `finish` with the GIL released, and the result as Python
/// values. Both steps count as the engine's time.
pub fn pooled<'py, T, R, F, G>(
    py: Python<'py>,
    threads: usize,
    n: u64,
    chunk: u64,
    run: F,
    finish: G,
) -> PyResult<Bound<'py, PyAny>>
where
    T: Send,
    R: Serialize + Send,
    F: Fn(Range<u64>) -> T + Sync,
    G: FnOnce(Vec<T>) -> et_engine::Result<R> + Send,
{
    let parts = engine(|| self::run(py, threads, ranges(n, chunk), run))?;
    let out = engine(|| py.detach(|| finish(parts))).map_err(value_error)?;
    to_py(py, &out)
}

/// Ranges of `0..n` in chunks of `chunk` (at least 1), in order.
fn ranges(n: u64, chunk: u64) -> Vec<Range<u64>> {
    let chunk = chunk.max(1);
    (0..n).step_by(chunk as usize).map(|b| b..(b + chunk).min(n)).collect()
}

/// Runs `f` on every range on `threads` threads (the GIL released), and returns the
/// results in range order; a signal's exception (Ctrl-C: `KeyboardInterrupt`) stops it.
fn run<T, F>(py: Python<'_>, threads: usize, work: Vec<Range<u64>>, f: F) -> PyResult<Vec<T>>
where
    T: Send,
    F: Fn(Range<u64>) -> T + Sync,
{
    let n = work.len();
    if threads <= 1 || n <= 1 {
        return on_this_thread(py, work, f);
    }
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let mut out: Vec<Option<T>> = (0..n).map(|_| None).collect();
    std::thread::scope(|s| -> PyResult<()> {
        let (tx, rx) = mpsc::channel::<(usize, T)>();
        for _ in 0..threads.min(n) {
            let tx = tx.clone();
            let (next, stop, work, f) = (&next, &stop, &work, &f);
            s.spawn(move || loop {
                let k = next.fetch_add(1, Ordering::Relaxed);
                if stop.load(Ordering::Relaxed) || k >= n || tx.send((k, f(work[k].clone()))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        collect(py, rx, &mut out, &stop)
    })?;
    out.into_iter()
        .map(|p| p.ok_or_else(|| error("threads: a worker thread stopped without its part")))
        .collect()
}

/// The ranges one after another on this thread, the GIL released for each, signals
/// checked between them.
fn on_this_thread<T: Send, F: Fn(Range<u64>) -> T + Sync>(
    py: Python<'_>,
    work: Vec<Range<u64>>,
    f: F,
) -> PyResult<Vec<T>> {
    let mut out = Vec::with_capacity(work.len());
    for r in work {
        out.push(py.detach(|| f(r)));
        py.check_signals()?;
    }
    Ok(out)
}

/// Receives the threads' parts into `out` (by range) until every one is in, checking
/// for signals every 50 ms with the GIL held; on a signal, tells the threads to `stop`
/// after their current range and returns its exception.
fn collect<T: Send>(
    py: Python<'_>,
    mut rx: mpsc::Receiver<(usize, T)>,
    out: &mut [Option<T>],
    stop: &AtomicBool,
) -> PyResult<()> {
    let mut done = 0;
    while done < out.len() {
        let (got, back) = py.detach(move || (rx.recv_timeout(Duration::from_millis(50)), rx));
        rx = back;
        match got {
            Ok((k, part)) => {
                out[k] = Some(part);
                done += 1;
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
        if let Err(e) = py.check_signals() {
            stop.store(true, Ordering::Relaxed);
            return Err(e);
        }
    }
    Ok(())
}
