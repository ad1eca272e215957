//! The lottery's functions (SPEC §1): closed forms, the Monte Carlo, streaks, pools and
//! holders, rewards from text.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use et_engine::api;

use crate::convert::{parse, to_py, value_error};
use crate::{engine, pool};

/// Closed forms of one ticket (SPEC §1).
///
/// ticket_value(*, mu, var_r, d, n, share=None, lookahead=None) -> dict
///
/// Keys: ticket_value, ticket_variance, total_npv, issued_value, unissued_value,
/// expected_wait_slots and, with `share`, share_value. Any parameter may be a NumPy
/// array or a list: the arrays broadcast as in NumPy and every key is then an array of
/// the broadcast shape (a curve against `n` in one call, the same bits as a call a
/// point); an error names the element (`n[3]: …`).
///
/// >>> import et_engine as et
/// >>> r = et.ticket_value(mu=0.05, var_r=0.0225, d=et.per_slot_rate(0.035), n=10000)
/// >>> round(r["ticket_value"], 4)
/// 0.05
/// >>> curve = et.ticket_value(mu=0.05, var_r=0.0225, d=1e-4, n=[10, 100, 1000])
/// >>> curve["ticket_value"].round(4).tolist()
/// [0.05, 0.0495, 0.0455]
#[pyfunction]
#[pyo3(signature = (**kwargs), text_signature = "(*, mu, var_r, d, n, share=None, lookahead=None)")]
pub(crate) fn ticket_value<'py>(py: Python<'py>, kwargs: Option<&Bound<'py, PyDict>>) -> PyResult<Bound<'py, PyAny>> {
    if let Some(d) = kwargs.filter(|d| crate::ticket::has_arrays(d).unwrap_or(false)) {
        return crate::ticket::ticket_value_arrays(py, d);
    }
    let i = parse(py, kwargs, &api::TICKET_VALUE_FIELDS)?;
    to_py(py, &engine(|| api::ticket_value(i)).map_err(value_error)?)
}

/// The per-slot discount rate `d = (1 + r)^(1/2,629,800) − 1` of an annual rate `r`.
///
/// >>> import et_engine as et
/// >>> et.per_slot_rate(0.035)  # doctest: +ELLIPSIS
/// 1.308...e-08
#[pyfunction]
#[pyo3(text_signature = "(annual_rate, /)")]
pub(crate) fn per_slot_rate(annual_rate: f64) -> PyResult<f64> {
    api::per_slot_rate(annual_rate).map_err(value_error)
}

/// A seeded Monte Carlo of a ticket's present value, on every core (`threads`).
///
/// simulate_lottery(*, n, d, reward, samples, seed, lookahead=None, bins=None,
/// threads=None) -> dict
///
/// `reward` is a dict: {"kind": "constant" | "exponential", "mean"}, {"kind":
/// "lognormal", "mean", "cv"}, {"kind": "pareto", "mean", "tail_index"}, {"kind":
/// "empirical", "values", "mode"?} or, after load_mainnet, {"kind": "mainnet", ...}.
/// Keys: samples, mean, std_error, sd, quantiles [{p, value}], histogram {edges,
/// counts, below, above}, payback_probability, price, closed_form_mean, closed_form_sd,
/// min, max. The samples are cut in blocks of 65,536, each on its own stream: the same
/// seed gives the same bits on any number of threads, and in the browser.
///
/// >>> import et_engine as et
/// >>> r = et.simulate_lottery(n=100, d=0.01, reward={"kind": "exponential", "mean": 1},
/// ...                         samples=100_000, seed=1)
/// >>> abs(r["mean"] - r["closed_form_mean"]) < 4 * r["std_error"]
/// True
#[pyfunction]
#[pyo3(
    signature = (*, threads = None, **kwargs),
    text_signature = "(*, n, d, reward, samples, seed, lookahead=None, bins=None, threads=None)"
)]
pub(crate) fn simulate_lottery<'py>(
    py: Python<'py>,
    threads: Option<usize>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let threads = pool::threads(threads)?;
    let i = parse(py, kwargs, &api::lottery::LOTTERY_FIELDS)?;
    let run = engine(|| api::lottery::LotteryRun::new(i)).map_err(value_error)?;
    // As the page's pool: about four ranges of blocks a worker, at most 32 blocks
    // (2 M samples, tens of ms) a range so that Ctrl-C is felt at once.
    let blocks = run.blocks();
    let chunk = blocks.div_ceil(threads as u64 * 4).min(32);
    pool::pooled(
        py,
        threads,
        blocks,
        chunk,
        |r| run.run_blocks(r.start, r.end),
        |parts| Ok(run.finish(parts)),
    )
}

/// The exact probability of at least one run of `run_length` consecutive slots within
/// `horizon` slots, for each share (a Markov chain).
///
/// >>> import et_engine as et
/// >>> p = et.streak_probability(shares=[0.1, 0.5], run_length=2, horizon=10)["probabilities"]
/// >>> bool(p[0] < p[1])
/// True
#[pyfunction]
#[pyo3(signature = (**kwargs), text_signature = "(*, shares, run_length, horizon)")]
pub(crate) fn streak_probability<'py>(
    py: Python<'py>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let i = parse(py, kwargs, &api::lottery::STREAK_FIELDS)?;
    let out = py.detach(|| api::lottery::streak_probability(i)).map_err(value_error)?;
    to_py(py, &out)
}

/// The probability that a holder of `tickets` of `outstanding` wins the next
/// `run_length` slots when fresh tickets go to others: ∏_{i<L} (k − i)/n.
///
/// >>> import et_engine as et
/// >>> et.pool_streak_probability(tickets=2, outstanding=4, run_length=2)
/// 0.125
#[pyfunction]
#[pyo3(signature = (**kwargs), text_signature = "(*, tickets, outstanding, run_length)")]
pub(crate) fn pool_streak_probability<'py>(py: Python<'py>, kwargs: Option<&Bound<'py, PyDict>>) -> PyResult<f64> {
    api::lottery::pool_streak(parse(py, kwargs, &api::lottery::POOL_STREAK_FIELDS)?).map_err(value_error)
}

/// The risk per ticket of a pool of m tickets, for each size: a list of dicts
/// {size, sd, sd_estimate, pools, low, high} (a 95 % interval). Each size draws from
/// its own stream, so the sizes run on `threads` (default every core) with the same bits.
///
/// >>> import et_engine as et
/// >>> rows = et.pool_risk(n=100, d=0.01, reward={"kind": "exponential", "mean": 1},
/// ...                     sizes=[1, 10], pools=1000, seed=1)
/// >>> bool(rows[1]["sd"] < rows[0]["sd"])
/// True
#[pyfunction]
#[pyo3(
    signature = (*, threads = None, **kwargs),
    text_signature = "(*, n, d, reward, sizes, pools, seed, threads=None)"
)]
pub(crate) fn pool_risk<'py>(
    py: Python<'py>,
    threads: Option<usize>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let threads = pool::threads(threads)?;
    let i = parse(py, kwargs, &api::lottery::POOL_RISK_FIELDS)?;
    let run = engine(|| api::lottery::PoolRiskRun::new(i)).map_err(value_error)?;
    pool::pooled(
        py,
        threads,
        run.sizes() as u64,
        1,
        |r| run.point(r.start as usize),
        |points| points.into_iter().collect::<et_engine::Result<Vec<_>>>(),
    )
}

/// The holders' realised value, slot by slot: {holders: [{tickets, wins_mean,
/// reward_mean, value_mean, value_std_error, value_expected}], slots, cumulative_value}.
/// `remint` is "sameHolder" (default) or "others". The runs (run `r` on stream `r`) are
/// shared among `threads` (default every core) and summed in run order: the same bits
/// on any number of threads, and as on the page.
///
/// >>> import et_engine as et
/// >>> r = et.simulate_holders(holdings=[1, 5], others=94, d=1e-4,
/// ...                         reward={"kind": "constant", "mean": 1}, horizon=1000,
/// ...                         runs=20, seed=1)
/// >>> len(r["holders"])
/// 2
#[pyfunction]
#[pyo3(
    signature = (*, threads = None, **kwargs),
    text_signature = "(*, holdings, d, reward, horizon, runs, seed, others=None, remint=None, points=None, threads=None)"
)]
pub(crate) fn simulate_holders<'py>(
    py: Python<'py>,
    threads: Option<usize>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let threads = pool::threads(threads)?;
    let i = parse(py, kwargs, &api::holders::HOLDERS_FIELDS)?;
    let run = engine(|| api::holders::HoldersRun::new(i)).map_err(value_error)?;
    let runs = run.runs();
    let chunk = runs.div_ceil(threads as u64 * 4);
    pool::pooled(
        py,
        threads,
        runs,
        chunk,
        |r| run.run_runs(r),
        |parts| Ok(run.finish(parts)),
    )
}

/// Per-slot rewards from CSV or pasted text: {values, summary: {count, mean, sd, min,
/// max, quantiles}}; a ValueError names the bad line.
///
/// >>> import et_engine as et
/// >>> et.parse_rewards("0.1\n0.2\n0.3")["values"].tolist()
/// [0.1, 0.2, 0.3]
#[pyfunction]
#[pyo3(text_signature = "(text, /)")]
pub(crate) fn parse_rewards<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    to_py(py, &api::lottery::parse_rewards_text(text).map_err(value_error)?)
}
