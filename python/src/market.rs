//! Markets (SPEC §3–§5): the secondary market of one slot, the primary market's
//! simulation and sweeps, and the mechanisms compared.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use et_engine::api;
use et_engine::api::market_options::{holders_list, holders_neither, holders_preset, HoldersSpec};
use et_engine::primary::{Market, MarketConfig, Options};

use crate::convert::{deserialize_at, error, parse, to_py, value_error};
use crate::{engine, pool, Kwargs};

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
pub(crate) fn secondary_market<'py>(
    py: Python<'py>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
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
pub(crate) fn simulate_market<'py>(
    py: Python<'py>,
    threads: Option<usize>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let threads = pool::threads(threads)?;
    let (cfg, opts) = market_input(py, kwargs)?;
    let runs = cfg.runs;
    let m = engine(|| Market::with_options(cfg, opts)).map_err(value_error)?;
    // One run a range (the page's pool sends ranges of runs; a run cannot be split), the
    // runs merged by the engine in run order.
    let run = |r: std::ops::Range<u64>| r.map(|k| m.run(k)).collect::<Vec<_>>();
    pool::pooled(py, threads, runs, 1, run, |parts| {
        Ok(m.aggregate(parts.into_iter().flatten().collect()))
    })
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
pub(crate) fn sweep_market<'py>(
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
    let point = |r: std::ops::Range<u64>| sweep.point(&cfg, &opts, i.values[r.start as usize]);
    pool::pooled(py, threads, i.values.len() as u64, 1, point, |points| {
        Ok(sweep.finish(points.into_iter().collect::<et_engine::Result<Vec<_>>>()?))
    })
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
pub(crate) fn compare_mechanisms<'py>(
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
    let chunk = blocks.div_ceil(threads as u64 * 2).min(8);
    let blocks_run = |r: std::ops::Range<u64>| run.run_blocks(&prices, r.start, r.end);
    pool::pooled(py, threads, blocks, chunk, blocks_run, |parts| {
        let sums: Vec<_> = parts.into_iter().flatten().collect();
        Ok(run.finish(prices.clone(), &sums))
    })
}
