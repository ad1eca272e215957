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
use pyo3::types::{PyBytes, PyDict, PyList};

use et_engine::api;
use et_engine::api::market_options::{holders_list, holders_neither, holders_preset, HoldersSpec};
use et_engine::primary::{Market, MarketConfig, Options};

mod convert;
mod out;
mod pool;

use convert::{array, deserialize_at, error, parse, to_py, value_error};

/// Nanoseconds spent inside the engine (its checks and runs) since the last read.
static ENGINE_NS: AtomicU64 = AtomicU64::new(0);

/// Runs `f`, an engine call, counting its wall time in [`ENGINE_NS`].
fn engine<T>(f: impl FnOnce() -> T) -> T {
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

type Kwargs<'py> = Option<&'py Bound<'py, PyDict>>;

/// Closed forms of one ticket (SPEC §1).
///
/// ticket_value(*, mu, var_r, d, n, share=None, lookahead=None) -> dict
///
/// Keys: ticket_value, ticket_variance, total_npv, issued_value, unissued_value,
/// expected_wait_slots and, with `share`, share_value.
///
/// >>> import et_engine as et
/// >>> r = et.ticket_value(mu=0.05, var_r=0.0225, d=et.per_slot_rate(0.035), n=10000)
/// >>> round(r["ticket_value"], 4)
/// 0.05
#[pyfunction]
#[pyo3(signature = (**kwargs), text_signature = "(*, mu, var_r, d, n, share=None, lookahead=None)")]
fn ticket_value<'py>(py: Python<'py>, kwargs: Option<&Bound<'py, PyDict>>) -> PyResult<Bound<'py, PyAny>> {
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
fn per_slot_rate(annual_rate: f64) -> PyResult<f64> {
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
fn simulate_lottery<'py>(
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
    let work = pool::ranges(blocks, blocks.div_ceil(threads as u64 * 4).min(32));
    let parts = engine(|| pool::run(py, threads, work, |r| run.run_blocks(r.start, r.end)))?;
    let out = engine(|| py.detach(|| run.finish(parts)));
    to_py(py, &out)
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
fn streak_probability<'py>(py: Python<'py>, kwargs: Option<&Bound<'py, PyDict>>) -> PyResult<Bound<'py, PyAny>> {
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
fn pool_streak_probability<'py>(py: Python<'py>, kwargs: Option<&Bound<'py, PyDict>>) -> PyResult<f64> {
    api::lottery::pool_streak(parse(py, kwargs, &api::lottery::POOL_STREAK_FIELDS)?).map_err(value_error)
}

/// The risk per ticket of a pool of m tickets, for each size: a list of dicts
/// {size, sd, sd_estimate, pools, low, high} (a 95 % interval).
///
/// >>> import et_engine as et
/// >>> rows = et.pool_risk(n=100, d=0.01, reward={"kind": "exponential", "mean": 1},
/// ...                     sizes=[1, 10], pools=1000, seed=1)
/// >>> bool(rows[1]["sd"] < rows[0]["sd"])
/// True
#[pyfunction]
#[pyo3(signature = (**kwargs), text_signature = "(*, n, d, reward, sizes, pools, seed)")]
fn pool_risk<'py>(py: Python<'py>, kwargs: Option<&Bound<'py, PyDict>>) -> PyResult<Bound<'py, PyAny>> {
    let i = parse(py, kwargs, &api::lottery::POOL_RISK_FIELDS)?;
    let out = py.detach(|| api::lottery::pool_risk_of(i)).map_err(value_error)?;
    to_py(py, &out)
}

/// The holders' realised value, slot by slot: {holders: [{tickets, wins_mean,
/// reward_mean, value_mean, value_std_error, value_expected}], slots, cumulative_value}.
/// `remint` is "sameHolder" (default) or "others".
///
/// >>> import et_engine as et
/// >>> r = et.simulate_holders(holdings=[1, 5], others=94, d=1e-4,
/// ...                         reward={"kind": "constant", "mean": 1}, horizon=1000,
/// ...                         runs=20, seed=1)
/// >>> len(r["holders"])
/// 2
#[pyfunction]
#[pyo3(
    signature = (**kwargs),
    text_signature = "(*, holdings, d, reward, horizon, runs, seed, others=None, remint=None, points=None)"
)]
fn simulate_holders<'py>(py: Python<'py>, kwargs: Option<&Bound<'py, PyDict>>) -> PyResult<Bound<'py, PyAny>> {
    let i = parse(py, kwargs, &api::lottery::HOLDERS_FIELDS)?;
    let out = py.detach(|| api::lottery::simulate_holders(i)).map_err(value_error)?;
    to_py(py, &out)
}

/// Per-slot rewards from CSV or pasted text: {values, summary: {count, mean, sd, min,
/// max, quantiles}}; a ValueError names the bad line.
///
/// >>> import et_engine as et
/// >>> et.parse_rewards("0.1\n0.2\n0.3")["values"].tolist()
/// [0.1, 0.2, 0.3]
#[pyfunction]
#[pyo3(text_signature = "(text, /)")]
fn parse_rewards<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    to_py(py, &api::lottery::parse_rewards_text(text).map_err(value_error)?)
}

/// Loads the mainnet asset (`www/data/mainnet-2023-10-2024-04.bin`: its bytes, or a
/// path) for mainnet_summary and {"kind": "mainnet"} rewards: {first_slot, last_slot,
/// first_block, slots}. A corrupt buffer raises ValueError("mainnet data: …").
///
/// >>> import et_engine as et
/// >>> d = et.load_mainnet("www/data/mainnet-2023-10-2024-04.bin")  # from the checkout
/// >>> d["first_slot"], d["slots"]
/// (7509685, 1312388)
#[pyfunction]
#[pyo3(text_signature = "(data, /)")]
fn load_mainnet<'py>(py: Python<'py>, data: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let bytes: Vec<u8> = if let Ok(b) = data.cast::<PyBytes>() {
        b.as_bytes().to_vec()
    } else if let Ok(b) = data.extract::<Vec<u8>>() {
        b
    } else {
        let os = py.import("os")?;
        let path: std::path::PathBuf = os.call_method1("fspath", (data,))?.extract()?;
        std::fs::read(&path).map_err(|e| error(format!("mainnet data: cannot read {}: {e}", path.display())))?
    };
    let out = py.detach(|| api::mainnet::load_mainnet(&bytes)).map_err(value_error)?;
    to_py(py, &out)
}

/// A window of the loaded mainnet data (slots `from_`.. `to`, inclusive; default all):
/// counts, moments, quantiles, builders, builder_hhi and longest_run. `from` is a
/// Python keyword, so pass it as `from_` or `**{"from": …}`.
///
/// >>> import et_engine as et
/// >>> _ = et.load_mainnet("www/data/mainnet-2023-10-2024-04.bin")
/// >>> s = et.mainnet_summary(from_=7_509_685, to=7_516_884)  # its first day
/// >>> s["slots"], s["longest_run"]["builder"] is not None
/// (7200, True)
#[pyfunction]
#[pyo3(signature = (**kwargs), text_signature = "(*, from_=None, to=None)")]
fn mainnet_summary<'py>(py: Python<'py>, kwargs: Option<&Bound<'py, PyDict>>) -> PyResult<Bound<'py, PyAny>> {
    let kwargs = kwargs.map(rename_from).transpose()?;
    let i = parse(py, kwargs.as_ref(), &api::mainnet::WINDOW_FIELDS)?;
    let out = py.detach(|| api::mainnet::mainnet_summary(i)).map_err(value_error)?;
    to_py(py, &out)
}

/// `from_` (Python's spelling of the keyword `from`) as `from`.
fn rename_from<'py>(d: &Bound<'py, PyDict>) -> PyResult<Bound<'py, PyDict>> {
    let out = PyDict::new(d.py());
    for (k, v) in d.iter() {
        let key: String = k.extract()?;
        out.set_item(if key == "from_" { "from".to_string() } else { key }, v)?;
    }
    Ok(out)
}

/// The `values` argument as numbers (a list, tuple or NumPy array).
fn values_of(kwargs: Kwargs<'_>) -> PyResult<Vec<f64>> {
    kwargs
        .and_then(|d| d.get_item("values").ok().flatten())
        .and_then(|v| {
            let v = if v.hasattr("tolist").unwrap_or(false) {
                v.call_method0("tolist").ok()?
            } else {
                v
            };
            if v.is_instance_of::<pyo3::types::PyString>() {
                return None;
            }
            v.extract::<Vec<f64>>().ok()
        })
        .ok_or_else(|| error("values: expected an array of numbers"))
}

/// The outcome as a dict with its per-player arrays.
fn outcome<'py>(py: Python<'py>, o: &api::contest::OutcomeOutput) -> PyResult<Bound<'py, PyAny>> {
    let d = to_py(py, o)?;
    for (name, xs) in api::contest::OUTCOME_ARRAYS.iter().zip(&o.arrays) {
        d.set_item(*name, array(py, xs))?;
    }
    Ok(d)
}

/// The equilibrium of a contest for block space (SPEC §2) and its metrics.
///
/// solve_contest(*, values, mechanism, alpha=None, grid=None) -> dict
///
/// `mechanism`: "proportional-all-pay", "tullock" (with `alpha`), "winner-take-all" or
/// "all-pay-auction". Keys: equilibrium ("pure" | "mixed"), alpha, bids, allocations,
/// payments, utilities (NumPy arrays), revenue, revenue_share, fairness, entropy, hhi,
/// top_share, nakamoto, efficiency, exploitability, method, refinement?,
/// revenue_error, strategies? [{support, probs, cdf?}].
///
/// >>> import et_engine as et
/// >>> o = et.solve_contest(values=[4, 2], mechanism="proportional-all-pay")
/// >>> o["equilibrium"], round(o["revenue"], 4)
/// ('pure', 1.3333)
#[pyfunction]
#[pyo3(signature = (**kwargs), text_signature = "(*, values, mechanism, alpha=None, grid=None)")]
fn solve_contest<'py>(py: Python<'py>, kwargs: Option<&Bound<'py, PyDict>>) -> PyResult<Bound<'py, PyAny>> {
    let values = values_of(kwargs)?;
    let i = parse(py, kwargs, &api::contest::CONTEST_FIELDS)?;
    let o = engine(|| py.detach(|| api::contest::solve_contest(&values, i))).map_err(value_error)?;
    outcome(py, &o)
}

/// The revenue-vs-fairness curve: one solve_contest outcome per α (`math.inf` = the
/// all-pay auction), or {alpha, error} where no equilibrium exists.
///
/// >>> import et_engine as et
/// >>> curve = et.tradeoff_curve(values=[4, 2], alphas=[0.5, 1, float("inf")])
/// >>> [round(o["revenue"], 3) for o in curve]
/// [0.728, 1.333, 1.5]
#[pyfunction]
#[pyo3(signature = (**kwargs), text_signature = "(*, values, alphas)")]
fn tradeoff_curve<'py>(py: Python<'py>, kwargs: Option<&Bound<'py, PyDict>>) -> PyResult<Bound<'py, PyList>> {
    let values = values_of(kwargs)?;
    let i = parse(py, kwargs, &api::contest::CURVE_FIELDS)?;
    let points = engine(|| py.detach(|| api::contest::tradeoff_curve(&values, i))).map_err(value_error)?;
    let out = PyList::empty(py);
    for p in &points {
        out.append(match p {
            Ok(o) => outcome(py, o)?,
            Err(missing) => to_py(py, missing)?,
        })?;
    }
    Ok(out)
}

/// The secondary market of one slot's right to build (SPEC §3): the seller's optimal
/// stopping on a binomial lattice.
///
/// secondary_market(*, maturity, mu, sigma, buyers, seller_cost, seller_discount,
/// buyer_discount, risk_aversion, holding_cost, format) -> dict
///
/// `buyers` is a list of {cost, arrival}; `seller_cost` None means the seller cannot
/// build; `format` "second-price" or "posted-price". Keys: revenue,
/// sale_probability_by_slot, spot_sale_probability, seller_exercise_probability,
/// lapse_probability, expected_sale_slot, builder_cost_mean, lowest_cost,
/// buyer_surplus, forced_sale_revenue, policy (one string a slot: s/w/e/l a node).
///
/// >>> import et_engine as et
/// >>> r = et.secondary_market(maturity=8, mu=1, sigma=0.2,
/// ...     buyers=[{"cost": 0.1, "arrival": 0}, {"cost": 0.3, "arrival": 2}],
/// ...     seller_cost=None, seller_discount=0,
/// ...     buyer_discount=0, risk_aversion=0, holding_cost=0, format="second-price")
/// >>> r["revenue"] > 0
/// True
#[pyfunction]
#[pyo3(
    signature = (**kwargs),
    text_signature = "(*, maturity, mu, sigma, buyers, seller_cost, seller_discount, buyer_discount, risk_aversion, holding_cost, format)"
)]
fn secondary_market<'py>(py: Python<'py>, kwargs: Option<&Bound<'py, PyDict>>) -> PyResult<Bound<'py, PyAny>> {
    let i = parse(py, kwargs, &api::secondary::FIELDS)?;
    let out = py.detach(|| api::secondary::secondary_market(i)).map_err(value_error)?;
    to_py(py, &out)
}

/// The market and options a simulate_market input describes (`holders` read on its own:
/// a list of dicts or a preset dict).
fn market_input(py: Python<'_>, kwargs: Kwargs<'_>) -> PyResult<(MarketConfig, Options)> {
    let spec = match kwargs.and_then(|d| d.get_item("holders").ok().flatten()) {
        None => HoldersSpec::Missing,
        Some(h) if h.is_instance_of::<PyList>() || h.is_instance_of::<pyo3::types::PyTuple>() => {
            holders_list(deserialize_at(&h, "holders")?)
        }
        Some(h) if h.is_instance_of::<PyDict>() => {
            holders_preset(deserialize_at(&h, "holders")?).map_err(value_error)?
        }
        Some(_) => return Err(value_error(holders_neither())),
    };
    let i = parse(py, kwargs, &api::market::FIELDS)?;
    engine(|| api::market::market_input(i, spec)).map_err(value_error)
}

/// The market's runs on `threads` threads (ranges of runs, as the page's pool), merged
/// by the engine in run order.
fn simulate(
    py: Python<'_>,
    cfg: MarketConfig,
    opts: Options,
    threads: usize,
) -> PyResult<et_engine::primary::MarketResult> {
    let runs = cfg.runs;
    let m = Market::with_options(cfg, opts).map_err(value_error)?;
    // One run a range (the page's pool sends ranges of runs; a run cannot be split).
    let work = pool::ranges(runs, 1);
    let parts = pool::run(py, threads, work, |r| r.map(|k| m.run(k)).collect::<Vec<_>>())?;
    Ok(py.detach(|| m.aggregate(parts.into_iter().flatten().collect())))
}

/// The primary market (SPEC §4, §4.1): a seeded slot-by-slot simulation of who buys the
/// tickets, who wins the slots and what the protocol captures, its runs on every core.
///
/// simulate_market(*, slots, runs, seed, pricing, scenario=None, max_tickets=None,
/// reward=None, holders=None, volatility=None, expiry=None, refund=None,
/// jit_resale=None, points=None, assignment=None, initial=None,
/// market_volatility=None, strategy=None, rules=None, sell_back=None, resale=None,
/// threads=None) -> dict
///
/// With scenario="et-simulation" only slots, runs, seed and pricing["rule"] are needed.
/// `pricing`: {"rule": "fixed", "price"}, {"rule": "second-price" | "first-price",
/// "reserve"?}, {"rule": "eip1559", "initial", "target"?, "quotient"?, "max_sales"?} or
/// {"rule": "bonding-curve", "base", "slope"?}. `holders`: a list of {budget, capture,
/// discount, margin} or {"preset": "tiered" | "equal" | "dominant" | "drawn", "count",
/// ...}. Keys: slots, price, quote, outstanding, top_share, hhi, nakamoto,
/// protocol_revenue, capture (each {mean, lo, hi} NumPy arrays over the points), shares,
/// holders, totals, totals_lo, totals_hi, runs, run_captures, won_* series.
///
/// >>> import et_engine as et
/// >>> r = et.simulate_market(scenario="et-simulation", slots=500, runs=4, seed=1,
/// ...                        pricing={"rule": "second-price"})
/// >>> 0 < r["totals"]["capture"] <= 1
/// True
#[pyfunction]
#[pyo3(
    signature = (*, threads = None, **kwargs),
    text_signature = "(*, slots, runs, seed, pricing, scenario=None, max_tickets=None, reward=None, holders=None, volatility=None, expiry=None, refund=None, jit_resale=None, points=None, assignment=None, initial=None, market_volatility=None, strategy=None, rules=None, sell_back=None, resale=None, threads=None)"
)]
fn simulate_market<'py>(
    py: Python<'py>,
    threads: Option<usize>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let threads = pool::threads(threads)?;
    let (cfg, opts) = market_input(py, kwargs)?;
    let r = engine(|| simulate(py, cfg, opts, threads))?;
    to_py(py, &r)
}

/// A sweep of the primary market: `market` (a dict of simulate_market's arguments) at
/// each of `values` of `parameter` ("max-tickets", "holders", "expiry",
/// "initial-price", "reward-volatility", "capture-spread"), one point a thread job as
/// on the page, every point with the market's seed. Keys: parameter, points [{value,
/// mean, lo, hi}] (each a totals dict), and with `measure` ("capture", "hhi",
/// "won-hhi", "nakamoto", "won-nakamoto") measure {mean, lo, hi}.
///
/// >>> import et_engine as et
/// >>> market = dict(scenario="et-simulation", slots=200, runs=2, seed=3,
/// ...               pricing={"rule": "second-price"})
/// >>> s = et.sweep_market(market=market, parameter="holders", values=[5, 10],
/// ...                     measure="capture")
/// >>> len(s["measure"]["mean"])
/// 2
#[pyfunction]
#[pyo3(
    signature = (*, threads = None, **kwargs),
    text_signature = "(*, market, parameter, values, measure=None, threads=None)"
)]
fn sweep_market<'py>(
    py: Python<'py>,
    threads: Option<usize>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let threads = pool::threads(threads)?;
    let i: api::sweep::SweepInput = parse(py, kwargs, &api::sweep::SWEEP_FIELDS)?;
    let sweep = api::sweep::SweepRun::new(&i).map_err(value_error)?;
    let market = kwargs.and_then(|d| d.get_item("market").ok().flatten());
    let market = match market {
        Some(m) => m
            .cast_into::<PyDict>()
            .map_err(|_| error("market: expected a dict of simulate_market's arguments"))?,
        None => return Err(error("market: is required")),
    };
    let (cfg, opts) = market_input(py, Some(&market)).map_err(|e| {
        let msg = e.value(py).to_string();
        error(format!("market.{msg}"))
    })?;
    let work = pool::ranges(i.values.len() as u64, 1);
    let points = engine(|| {
        pool::run(py, threads, work, |r| {
            sweep.point(&cfg, &opts, i.values[r.start as usize])
        })
    })?;
    let points = points
        .into_iter()
        .collect::<et_engine::Result<Vec<_>>>()
        .map_err(value_error)?;
    to_py(py, &sweep.finish(points))
}

/// Execution tickets beside block-auction PBS, MEV-burn, slot-auction PBS, execution
/// auctions and partial-block auctions on one slot model (SPEC §5), its blocks of slots
/// on every core.
///
/// compare_mechanisms(*, reward, builders, slots, seed, spread=None,
/// local_capture=None, deadline_share=None, lookahead=None, discount=None,
/// partial_share=None, tickets=None, validators=None, threads=None) -> list[dict]
///
/// `builders` is a list of {capture}; `tickets` {source: "steady-state" | "contest",
/// count?, alpha?}. One dict a mechanism: mechanism, value, protocol, proposer, builder,
/// unextracted, validator_income_cv, validator_income_mean, validator_income_range,
/// proposals_per_year, hhi, top_share, local_share, oracle_accuracy, std_errors.
///
/// >>> import et_engine as et
/// >>> rows = et.compare_mechanisms(reward={"kind": "exponential", "mean": 0.05},
/// ...     builders=[{"capture": 1}, {"capture": 0.9}], slots=10_000, seed=1)
/// >>> [r["mechanism"] for r in rows][:2]
/// ['block-auction', 'mev-burn']
#[pyfunction]
#[pyo3(
    signature = (*, threads = None, **kwargs),
    text_signature = "(*, reward, builders, slots, seed, spread=None, local_capture=None, deadline_share=None, lookahead=None, discount=None, partial_share=None, tickets=None, validators=None, threads=None)"
)]
fn compare_mechanisms<'py>(
    py: Python<'py>,
    threads: Option<usize>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let threads = pool::threads(threads)?;
    let i = parse(py, kwargs, &api::mechanisms::FIELDS)?;
    let run = engine(|| api::mechanisms::CompareRun::new(i)).map_err(value_error)?;
    let prices = engine(|| py.detach(|| run.prices())).map_err(value_error)?;
    // As the page's pool: about two ranges of blocks a worker, at most 8 blocks a range.
    let blocks = run.blocks();
    let work = pool::ranges(blocks, blocks.div_ceil(threads as u64 * 2).min(8));
    let parts = engine(|| pool::run(py, threads, work, |r| run.run_blocks(&prices, r.start, r.end)))?;
    let sums: Vec<_> = parts.into_iter().flatten().collect();
    let rows = engine(|| py.detach(|| run.finish(prices, &sums)));
    to_py(py, &rows)
}

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
    m.add_function(wrap_pyfunction!(ticket_value, m)?)?;
    m.add_function(wrap_pyfunction!(per_slot_rate, m)?)?;
    m.add_function(wrap_pyfunction!(simulate_lottery, m)?)?;
    m.add_function(wrap_pyfunction!(streak_probability, m)?)?;
    m.add_function(wrap_pyfunction!(pool_streak_probability, m)?)?;
    m.add_function(wrap_pyfunction!(pool_risk, m)?)?;
    m.add_function(wrap_pyfunction!(simulate_holders, m)?)?;
    m.add_function(wrap_pyfunction!(parse_rewards, m)?)?;
    m.add_function(wrap_pyfunction!(load_mainnet, m)?)?;
    m.add_function(wrap_pyfunction!(mainnet_summary, m)?)?;
    m.add_function(wrap_pyfunction!(solve_contest, m)?)?;
    m.add_function(wrap_pyfunction!(tradeoff_curve, m)?)?;
    m.add_function(wrap_pyfunction!(secondary_market, m)?)?;
    m.add_function(wrap_pyfunction!(simulate_market, m)?)?;
    m.add_function(wrap_pyfunction!(sweep_market, m)?)?;
    m.add_function(wrap_pyfunction!(compare_mechanisms, m)?)?;
    m.add_function(wrap_pyfunction!(_engine_seconds, m)?)?;
    Ok(())
}
