"""Every function of et_engine: its happy path, bad input naming the field (one per
field family), docstrings (their examples run), the stub, threads and Ctrl-C."""
import ast
import doctest
import math
import os
import pathlib
import re
import signal
import threading
import time

import numpy as np
import pytest

import et_engine as et

ROOT = pathlib.Path(__file__).resolve().parents[2]
MAINNET = ROOT / "www" / "data" / "mainnet-2023-10-2024-04.bin"
EXP = {"kind": "exponential", "mean": 1}
FUNCTIONS = [
    "ticket_value", "per_slot_rate", "simulate_lottery", "streak_probability",
    "pool_streak_probability", "pool_risk", "simulate_holders", "parse_rewards",
    "load_mainnet", "mainnet_summary", "solve_contest", "tradeoff_curve",
    "secondary_market", "simulate_market", "sweep_market", "compare_mechanisms",
]


def raises(message, f, *args, **kwargs):
    """f(...) raises ValueError whose message starts with `message`."""
    with pytest.raises(ValueError) as e:
        f(*args, **kwargs)
    assert str(e.value).startswith(message), str(e.value)


# --- happy paths -------------------------------------------------------------------


def test_ticket_value_closed_forms():
    r = et.ticket_value(mu=0.05, var_r=0.0225, d=et.per_slot_rate(0.035), n=10_000, share=0.1)
    assert set(r) == {"ticket_value", "ticket_variance", "total_npv", "issued_value",
                      "unissued_value", "expected_wait_slots", "share_value"}
    assert r["issued_value"] == pytest.approx(10_000 * r["ticket_value"])
    assert r["issued_value"] + r["unissued_value"] == pytest.approx(r["total_npv"])
    assert "share_value" not in et.ticket_value(mu=1, var_r=1, d=0.01, n=100)


def test_ticket_value_takes_arrays_that_broadcast_with_each_points_bits():
    d = et.per_slot_rate(0.035)
    n = np.array([1, 10, 1_000, 10_000])
    c = et.ticket_value(mu=0.05, var_r=0.0225, d=d, n=n, share=[0.1])
    assert set(c) == {"ticket_value", "ticket_variance", "total_npv", "issued_value",
                      "unissued_value", "expected_wait_slots", "share_value"}
    for k, nk in enumerate(n):
        one = et.ticket_value(mu=0.05, var_r=0.0225, d=d, n=int(nk), share=0.1)
        assert {key: c[key][k] for key in c} == one  # bit for bit
    grid = et.ticket_value(mu=0.05, var_r=0.0225, d=np.array([1e-6, 1e-4, 1e-2])[:, None], n=[10, 100])
    assert grid["ticket_value"].shape == (3, 2) and "share_value" not in grid
    assert grid["ticket_value"][2, 1] == et.ticket_value(mu=0.05, var_r=0.0225, d=1e-2, n=100)["ticket_value"]
    raises("n[2]: must be at least 1, got 0.5", et.ticket_value, mu=0.05, var_r=0.0225, d=d, n=[10, 5, 0.5])
    raises("n[0, 1]: must be at least 1, got 0.5", et.ticket_value, mu=0.05, var_r=0.0225, d=[[d], [d]], n=[2, 0.5])
    raises("d, n: shapes (2,) and (3,) cannot be broadcast together", et.ticket_value, mu=0.05, var_r=0.0225, d=[d, d], n=[1, 2, 3])
    raises("mu: expected a number or an array", et.ticket_value, mu=["x"], var_r=0.0225, d=d, n=[1, 2])
    raises("var_r: is required", et.ticket_value, mu=0.05, d=d, n=[1, 2])
    raises("nn: unknown field", et.ticket_value, mu=0.05, var_r=0.0225, d=d, n=[1, 2], nn=1)


def test_per_slot_rate():
    assert (1 + et.per_slot_rate(0.035)) ** 2_629_800 == pytest.approx(1.035, rel=1e-9)


def test_simulate_lottery_matches_its_closed_form_and_gives_arrays():
    r = et.simulate_lottery(n=100, d=0.01, reward={"kind": "lognormal", "mean": 1, "cv": 2},
                            samples=500_000, seed=4, bins=30)
    assert abs(r["mean"] - r["closed_form_mean"]) < 5 * r["std_error"]
    assert isinstance(r["histogram"]["edges"], np.ndarray) and r["histogram"]["edges"].dtype == np.float64
    assert r["histogram"]["counts"].dtype == np.int64 and len(r["histogram"]["counts"]) == 30
    assert r["samples"] == 500_000 and [q["p"] for q in r["quantiles"]][4] == 0.5


def test_simulate_lottery_is_the_same_on_any_number_of_threads():
    args = dict(n=50, d=0.02, reward={"kind": "pareto", "mean": 1, "tail_index": 2.5},
                samples=1_000_003, seed=9)
    one, two, five = (et.simulate_lottery(**args, threads=t) for t in (1, 2, 5))
    for k in ("mean", "sd", "std_error", "payback_probability", "min", "max"):
        assert one[k] == two[k] == five[k], k
    assert np.array_equal(one["histogram"]["counts"], five["histogram"]["counts"])


def test_streak_and_pool_streak():
    p = et.streak_probability(shares=np.array([0.0, 0.5, 1.0]), run_length=3, horizon=3)["probabilities"]
    assert p.tolist() == pytest.approx([0.0, 0.125, 1.0])
    assert et.pool_streak_probability(tickets=2, outstanding=4, run_length=2) == pytest.approx(2 / 4 * 1 / 4)


def test_pool_risk_falls_with_the_pool():
    rows = et.pool_risk(n=100, d=0.01, reward=EXP, sizes=[1, 100], pools=500, seed=1)
    assert [r["size"] for r in rows] == [1, 100]
    assert rows[1]["sd"] < rows[0]["sd"] and rows[1]["low"] <= rows[1]["sd_estimate"] <= rows[1]["high"] * 2


def test_simulate_holders():
    r = et.simulate_holders(holdings=[1, 5], others=94, d=1e-4, reward=EXP, horizon=500, runs=10,
                            seed=1, remint="others", points=50)
    assert [h["tickets"] for h in r["holders"]] == [1, 5]
    assert isinstance(r["slots"], np.ndarray) and len(r["cumulative_value"]) == 2


def test_pool_risk_is_the_same_on_any_number_of_threads():
    kw = dict(n=100, d=0.01, reward={"kind": "lognormal", "mean": 1, "cv": 2}, sizes=[1, 4, 16, 64], pools=300, seed=2)
    one = et.pool_risk(**kw, threads=1)
    assert all(et.pool_risk(**kw, threads=t) == one for t in (2, 5))  # bit for bit
    raises("sizes: must be between 1 and 10000000, got 0", et.pool_risk, **dict(kw, sizes=[4, 0]), threads=2)


def test_simulate_holders_is_the_same_on_any_number_of_threads():
    kw = dict(holdings=[1, 5], others=94, d=1e-4, reward={"kind": "lognormal", "mean": 1, "cv": 2},
              horizon=300, runs=37, seed=4, points=30)
    one = et.simulate_holders(**kw, threads=1)
    for threads in (2, 3, 8):
        other = et.simulate_holders(**kw, threads=threads)
        assert other["holders"] == one["holders"]  # bit for bit
        assert other["slots"].tolist() == one["slots"].tolist()
        assert [c.tolist() for c in other["cumulative_value"]] == [c.tolist() for c in one["cumulative_value"]]


def test_parse_rewards():
    r = et.parse_rewards("reward\n0.5\n1.5\n")
    assert r["values"].tolist() == [0.5, 1.5] and r["summary"]["mean"] == 1.0
    raises("line 3:", et.parse_rewards, "0.5\n1.5\nabc\n")


def test_mainnet_load_summary_and_reward():
    loaded = et.load_mainnet(MAINNET)
    assert loaded == et.load_mainnet(MAINNET.read_bytes())
    assert loaded["last_slot"] - loaded["first_slot"] + 1 == loaded["slots"]
    s = et.mainnet_summary(from_=loaded["first_slot"], to=loaded["first_slot"] + 7199)
    assert s["slots"] == 7200 and s["blocks"] + s["missed_slots"] == 7200
    assert set(s["longest_run"]) == {"builder", "slots", "first_slot"}
    assert et.mainnet_summary(**{"from": loaded["first_slot"], "to": loaded["first_slot"] + 7199}) == s
    r = et.simulate_lottery(n=100, d=0.01, reward={"kind": "mainnet", "mode": "resample"}, samples=70_000, seed=1)
    assert r["mean"] > 0
    raises("mainnet data: ", et.load_mainnet, b"not the asset")
    raises("reward.missing: ", et.simulate_lottery, n=100, d=0.01, reward={"kind": "mainnet", "missing": "x"},
           samples=10, seed=1)


def test_solve_contest_and_tradeoff_curve():
    o = et.solve_contest(values=[4, 2], mechanism="tullock", alpha=1)
    assert o["equilibrium"] == "pure" and o["method"] == "closed-form"
    assert o["bids"].tolist() == pytest.approx([8 / 9, 4 / 9]) and o["allocations"].sum() == pytest.approx(1)
    m = et.solve_contest(values=np.array([4.0, 2.0]), mechanism="all-pay-auction")
    assert m["equilibrium"] == "mixed" and "alpha" in m and m["alpha"] is None
    assert isinstance(m["strategies"][0]["support"], np.ndarray)
    curve = et.tradeoff_curve(values=[4, 2], alphas=[0.5, 1.0, math.inf])
    assert [p["revenue"] for p in curve] == pytest.approx([0.7584 - 0.0303, 4 / 3, 1.5], abs=1e-3)
    assert [p["alpha"] for p in curve] == [0.5, 1.0, math.inf]  # the α asked for, ∞ included


def test_an_outcomes_arrays_share_their_base_and_outlive_its_dict():
    # The engine's vectors are handed over without a copy, one capsule the base of all
    # of an outcome's arrays: each is its own writable memory, alive without the rest.
    m = et.solve_contest(values=[4, 2], mechanism="all-pay-auction")
    arrays = [m[k] for k in ("bids", "allocations", "payments", "utilities")]
    arrays += [a for s in m["strategies"] for a in s.values()]
    assert len({id(a.base) for a in arrays}) == 1
    assert all(a.dtype == np.float64 and a.flags.writeable and a.flags.c_contiguous for a in arrays)
    cdf, want = m["strategies"][0]["cdf"], m["strategies"][0]["cdf"].copy()
    payments = m["payments"].copy()
    m["bids"][:] = -1
    assert np.array_equal(m["payments"], payments)
    del m, arrays
    reuse = [np.ones(401) for _ in range(100)]  # memory freed too early would be reused
    assert reuse[-1][0] == 1
    assert np.array_equal(cdf, want)


def test_secondary_market():
    r = et.secondary_market(maturity=16, mu=0.1, sigma=0.3, buyers=[{"cost": 0.01, "arrival": 0},
                            {"cost": 0.02, "arrival": 4}], seller_cost=0.03, seller_discount=0.001,
                            buyer_discount=0.0, risk_aversion=1.0, holding_cost=0.0, format="posted-price")
    assert len(r["policy"]) == 17 and set("".join(r["policy"])) <= set("swel")
    assert len(r["sale_probability_by_slot"]) == 17 and isinstance(r["forced_sale_revenue"], np.ndarray)


TIERED = dict(max_tickets=100, slots=2000, runs=4, seed=1, points=50,
              reward={"kind": "lognormal", "mean": 0.05, "cv": 2}, holders={"preset": "tiered", "count": 20})


def test_simulate_market_every_rule_and_series_as_arrays():
    for pricing in [{"rule": "fixed", "price": 0.035}, {"rule": "second-price"}, {"rule": "first-price"},
                    {"rule": "eip1559", "initial": 0.01, "max_sales": 2}, {"rule": "bonding-curve", "base": 0.01}]:
        r = et.simulate_market(**TIERED, pricing=pricing)
        assert 0 <= r["totals"]["capture"] <= 1
        assert isinstance(r["capture"]["mean"], np.ndarray) and len(r["capture"]["mean"]) == 50
        assert len(r["run_captures"]) == 4 and len(r["holders"]) == 20
    listed = dict(TIERED, holders=[{"budget": 10, "capture": 1, "discount": 1e-8, "margin": 0}] * 3)
    assert len(et.simulate_market(**listed, pricing={"rule": "second-price"})["holders"]) == 3


def test_simulate_market_is_the_same_on_any_number_of_threads():
    study = dict(scenario="et-simulation", slots=300, runs=7, seed=2, pricing={"rule": "eip1559"})
    a, b = et.simulate_market(**study, threads=1), et.simulate_market(**study, threads=3)
    assert a["totals"] == b["totals"] and np.array_equal(a["run_captures"], b["run_captures"])


def test_sweep_market():
    market = dict(scenario="et-simulation", slots=200, runs=3, seed=3, pricing={"rule": "second-price"})
    s = et.sweep_market(market=market, parameter="max-tickets", values=[20, 50, 100], measure="won-hhi")
    assert s["parameter"] == "max-tickets" and [p["value"] for p in s["points"]] == [20, 50, 100]
    assert s["measure"]["mean"].tolist() == [p["mean"]["won_hhi"] for p in s["points"]]
    one = et.sweep_market(market=market, parameter="max-tickets", values=[50])
    assert one["points"][0] == s["points"][1] and "measure" not in one


def test_compare_mechanisms_and_threads():
    args = dict(reward={"kind": "exponential", "mean": 0.05}, builders=[{"capture": 1}, {"capture": 0.8}],
                spread=0.2, tickets={"source": "contest", "count": 10, "alpha": 1}, slots=150_000, seed=2)
    rows = et.compare_mechanisms(**args, threads=1)
    assert [r["mechanism"] for r in rows] == ["block-auction", "mev-burn", "slot-auction",
                                              "execution-auction", "execution-tickets", "partial-block"]
    for r in rows:
        parts = r["protocol"] + r["proposer"] + r["builder"] + r["unextracted"]
        assert parts == pytest.approx(r["value"], rel=1e-9)
        assert isinstance(r["validator_income_range"], np.ndarray) and set(r["std_errors"]) >= {"value", "hhi"}
    for a, b in zip(rows, et.compare_mechanisms(**args, threads=2)):
        assert (a["value"], a["protocol"], a["std_errors"]) == (b["value"], b["protocol"], b["std_errors"])
        assert a["validator_income_cv"] == b["validator_income_cv"]


# --- bad input names the field -----------------------------------------------------


def test_bad_input_names_the_field():
    lot = dict(n=100, d=0.01, reward=EXP, samples=10, seed=1)
    # numbers out of their domain
    raises("d: must be positive, got 0", et.ticket_value, mu=1, var_r=0, d=0, n=10)
    raises("annual_rate: must be at least 0, got -1", et.per_slot_rate, -1)
    # whole numbers
    raises("samples: must be a whole number", et.simulate_lottery, **dict(lot, samples=1.5))
    raises("seed: ", et.simulate_lottery, **dict(lot, seed=-1))
    raises("threads: must be at least 1", et.simulate_lottery, **lot, threads=0)
    # missing, unknown, mistyped fields (in Python's names)
    raises("var_r: is required", et.ticket_value, mu=1, d=0.1, n=10)
    raises("varR: unknown field; expected one of mu, var_r, d, n, share, lookahead",
           et.ticket_value, mu=1, varR=1, d=0.1, n=10)
    raises("mu: must be real number, not str", et.ticket_value, mu="x", var_r=0, d=0.1, n=10)
    # nested: the reward
    raises("reward.tail_index: is required", et.simulate_lottery, **dict(lot, reward={"kind": "pareto", "mean": 1}))
    raises("reward.kind: must be one of", et.simulate_lottery, **dict(lot, reward={"kind": "gamma", "mean": 1}))
    raises("reward.mean: is required", et.simulate_lottery, **dict(lot, reward={"kind": "exponential"}))
    # lists and their items
    raises("shares[1]: ", et.streak_probability, shares=[0.5, 2], run_length=2, horizon=10)
    raises("run_length: ", et.pool_streak_probability, tickets=1, outstanding=4, run_length=0)
    raises("sizes: ", et.pool_risk, n=100, d=0.01, reward=EXP, sizes=[0], pools=10, seed=1)
    raises("remint: ", et.simulate_holders, holdings=[1], d=0.01, reward=EXP, horizon=10, runs=1, seed=1, remint="x")
    raises("buyers[0].arrival: must be a whole number", et.secondary_market, maturity=8, mu=1, sigma=0.2,
           buyers=[{"cost": 0.1, "arrival": 0.5}], seller_cost=None, seller_discount=0, buyer_discount=0,
           risk_aversion=0, holding_cost=0, format="second-price")
    raises("format: ", et.secondary_market, maturity=8, mu=1, sigma=0.2, buyers=[], seller_cost=None,
           seller_discount=0, buyer_discount=0, risk_aversion=0, holding_cost=0, format="dutch")
    # choices and arrays of the contests
    raises("values: expected an array of numbers", et.solve_contest, mechanism="tullock")
    raises("mechanism: ", et.solve_contest, values=[4, 2], mechanism="lottery")
    raises("grid: ", et.solve_contest, values=[4, 2], mechanism="tullock", alpha=3, grid=1)
    raises("alphas: must list at least one", et.tradeoff_curve, values=[4, 2], alphas=[])
    # the primary market: holders, pricing, options; the sweep's market
    raises("holders.preset: ", et.simulate_market, **dict(TIERED, holders={"preset": "x", "count": 2}),
           pricing={"rule": "second-price"})
    raises("holders[0].capture: is required", et.simulate_market, **dict(TIERED, holders=[{"budget": 1}]),
           pricing={"rule": "second-price"})
    raises("holders: must be a list", et.simulate_market, **dict(TIERED, holders=3), pricing={"rule": "second-price"})
    raises("pricing.price: is required", et.simulate_market, **TIERED, pricing={"rule": "fixed"})
    raises("pricing.max_sales: ", et.simulate_market, **TIERED, pricing={"rule": "eip1559", "initial": 1, "max_sales": 0})
    raises("pricing.maxSales: unknown field", et.simulate_market, **TIERED,
           pricing={"rule": "eip1559", "initial": 1, "maxSales": 2})
    raises("strategy: ", et.simulate_market, **TIERED, pricing={"rule": "second-price"}, strategy="greedy")
    raises("maxTickets: unknown field", et.simulate_market, maxTickets=3, slots=1, runs=1, seed=1, pricing={})
    raises("market.slots: ", et.sweep_market, market=dict(scenario="et-simulation", slots=0, runs=1, seed=1,
           pricing={"rule": "fixed"}), parameter="holders", values=[2])
    raises("parameter: ", et.sweep_market, market={}, parameter="colour", values=[2])
    raises("measure: ", et.sweep_market, market={}, parameter="holders", values=[2], measure="x")
    raises("tickets.source: ", et.compare_mechanisms, reward=EXP, builders=[{"capture": 1}],
           tickets={"source": "x"}, slots=10, seed=1)
    raises("slots: ", et.compare_mechanisms, reward=EXP, builders=[{"capture": 1}], slots=0, seed=1)
    raises("to: ", et.mainnet_summary, to=-5)
    raises("end: unknown field; expected one of from, to", et.mainnet_summary, to=2, end=3)


# --- docs, stub, GIL and Ctrl-C ----------------------------------------------------


@pytest.mark.parametrize("name", FUNCTIONS)
def test_every_function_has_a_docstring_whose_example_runs(name, monkeypatch):
    monkeypatch.chdir(ROOT)
    f = getattr(et, name)
    assert f.__doc__ and ">>> " in f.__doc__, name
    test = doctest.DocTestParser().get_doctest(f.__doc__, {}, name, None, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.failures == 0, name


def test_the_stub_lists_every_function_with_its_docstring():
    from stubgen import stub

    text = (ROOT / "python" / "et_engine.pyi").read_text()
    assert text == stub(), "python/et_engine.pyi is stale: run python python/tools/stubgen.py"
    names = [n.name for n in ast.parse(text).body if isinstance(n, ast.FunctionDef)]
    assert names == FUNCTIONS
    public = sorted(n for n in dir(et) if not n.startswith("_") and callable(getattr(et, n)))
    assert public == sorted(FUNCTIONS)


def test_a_long_run_releases_the_gil():
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(1)
            time.sleep(0.001)

    t = threading.Thread(target=tick)
    t.start()
    start = time.perf_counter()
    et.simulate_lottery(n=100, d=0.01, reward=EXP, samples=20_000_000, seed=1, threads=1)
    elapsed = time.perf_counter() - start
    stop.set()
    t.join()
    assert len(ticks) > 0.2 * elapsed / 0.0012, (len(ticks), elapsed)


@pytest.mark.skipif(os.name != "posix", reason="SIGINT by os.kill")
@pytest.mark.parametrize("threads", [1, None])
def test_ctrl_c_interrupts_a_long_run(threads):
    timer = threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    start = time.perf_counter()
    with pytest.raises(KeyboardInterrupt):
        # 10¹⁰ samples: minutes on every core, unless interrupted.
        et.simulate_lottery(n=100, d=0.01, reward=EXP, samples=10_000_000_000, seed=1, threads=threads)
    assert time.perf_counter() - start < 10
    timer.cancel()
