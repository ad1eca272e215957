//! `et_engine`: ET Explorer's engine as a Python extension (PyO3).
//!
//! A thin face over the engine's `api` module, function for function the JavaScript
//! interface (`engine/src/js/`): keyword arguments and result keys in snake_case, long
//! series as NumPy arrays, bad input as `ValueError("field: …")`. No model logic lives
//! here: every check, default and number comes from the engine, so a seed gives the same
//! bits as on the page and in Node. Long runs release the GIL and share their blocks
//! among threads (`pool`), merged by the engine in block order.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use pyo3::prelude::*;
use pyo3::types::PyDict;

mod arrays;
mod contest;
mod convert;
mod faces;
mod lottery;
mod mainnet;
mod market;
mod numbers;
mod out;
mod pool;
mod ticket;

/// Nanoseconds spent inside the engine (its checks and runs) since the last read.
static ENGINE_NS: AtomicU64 = AtomicU64::new(0);

/// Runs `f`, an engine call, counting its wall time in [`ENGINE_NS`].
pub(crate) fn engine<T>(f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let r = f();
    ENGINE_NS.fetch_add(start.elapsed().as_nanos() as u64, Ordering::Relaxed);
    r
}

/// Seconds spent inside the engine (its checks and runs, the thread pool included) since
/// the last call: the rest of a call's wall time is this package's conversions
/// (tests/bench/python-overhead.py).
#[pyfunction]
fn _engine_seconds() -> f64 {
    ENGINE_NS.swap(0, Ordering::Relaxed) as f64 * 1e-9
}

pub(crate) type Kwargs<'py> = Option<&'py Bound<'py, PyDict>>;

/// ET Explorer's engine: the economics of Ethereum execution tickets, built from the
/// same Rust crate as the site and its Node package, so a seed gives the same numbers as
/// the page's link. Every function takes keyword arguments (snake_case) and returns dicts
/// whose lists of numbers are NumPy arrays; bad input raises ValueError("field: …").
/// See help(et_engine.simulate_lottery).
#[pymodule]
#[pyo3(name = "et_engine")]
fn et_engine_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    convert::numpy_ready(m.py())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    faces::add_kwargs_function!(m, lottery::ticket_value, "ticket_value")?;
    m.add_function(wrap_pyfunction!(lottery::per_slot_rate, m)?)?;
    m.add_function(wrap_pyfunction!(lottery::simulate_lottery, m)?)?;
    faces::add_kwargs_function!(m, lottery::streak_probability, "streak_probability")?;
    faces::add_kwargs_function!(m, lottery::pool_streak_probability, "pool_streak_probability")?;
    m.add_function(wrap_pyfunction!(lottery::pool_risk, m)?)?;
    m.add_function(wrap_pyfunction!(lottery::simulate_holders, m)?)?;
    m.add_function(wrap_pyfunction!(lottery::parse_rewards, m)?)?;
    m.add_function(wrap_pyfunction!(mainnet::load_mainnet, m)?)?;
    faces::add_kwargs_function!(m, mainnet::mainnet_summary, "mainnet_summary")?;
    faces::add_kwargs_function!(m, contest::solve_contest, "solve_contest")?;
    faces::add_kwargs_function!(m, contest::tradeoff_curve, "tradeoff_curve")?;
    faces::add_kwargs_function!(m, market::secondary_market, "secondary_market")?;
    m.add_function(wrap_pyfunction!(market::simulate_market, m)?)?;
    m.add_function(wrap_pyfunction!(market::sweep_market, m)?)?;
    m.add_function(wrap_pyfunction!(market::compare_mechanisms, m)?)?;
    m.add_function(wrap_pyfunction!(_engine_seconds, m)?)?;
    Ok(())
}
