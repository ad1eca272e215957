"""The Python package's speed (issue 22), measured back to back on this machine:

1. the call overhead of the README's Python examples (one thread): each call's wall time
   from Python and the part of it spent inside the engine (`et_engine._engine_seconds()`:
   its checks and runs, timed by the package around each engine call), the overhead being
   the rest's share of the call — this package's conversions; beside them, the same call
   of the engine's interface natively (engine/examples/api_timing.rs, built as the
   package is), alternating with the Python calls;
2. simulate_lottery of 10⁸ samples on 2 threads against 1 (the speed-up);
3. the ET-Simulation study's 500 slots × 100 runs under each rule (every core).

    source scripts/env.sh && source "$ET_PY/bin/activate"
    (cd python && maturin develop --release)
    python tests/bench/python-overhead.py [REPEATS]
"""
import json
import math
import os
import pathlib
import subprocess
import sys
import tempfile
import time

import numpy as np

import et_engine as et

ROOT = pathlib.Path(__file__).resolve().parents[2]
REPEATS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
RULES = ["second-price", "first-price", "eip1559", "bonding-curve"]
D = et.per_slot_rate(0.035)
N_ARRAY = np.arange(1, 100_001)
LOTTERY = dict(n=100, d=0.01, reward={"kind": "lognormal", "mean": 0.05, "cv": 2})

# The README's calls, in the JS names (null: Infinity) and as Python calls.
N_CURVE = list(range(1, 100_001))
CALLS = [
    ("ticketValue", {"mu": 0.05, "varR": 0.0225, "d": et.per_slot_rate(0.035), "n": N_CURVE, "share": 0.1},
     lambda: et.ticket_value(mu=0.05, var_r=0.0225, d=D, n=N_ARRAY, share=0.1)),
    ("ticketValue", {"mu": 0.05, "varR": 0.0225, "d": et.per_slot_rate(0.035), "n": 10000, "share": 0.1},
     lambda: et.ticket_value(mu=0.05, var_r=0.0225, d=D, n=10_000, share=0.1)),
    ("simulateLottery", {"n": 100, "d": 0.01, "reward": {"kind": "lognormal", "mean": 0.05, "cv": 2},
                         "samples": 10_000_000, "seed": 1},
     lambda: et.simulate_lottery(**LOTTERY, samples=10_000_000, seed=1, threads=1)),
    ("tradeoffCurve", {"values": [4, 2], "alphas": [0.5, 1, 2, None]},
     lambda: et.tradeoff_curve(values=[4, 2], alphas=[0.5, 1, 2, math.inf])),
] + [
    ("simulateMarket", {"scenario": "et-simulation", "slots": 500, "runs": 50, "seed": 1, "pricing": {"rule": r}},
     (lambda r=r: et.simulate_market(scenario="et-simulation", slots=500, runs=50, seed=1,
                                     pricing={"rule": r}, threads=1)))
    for r in RULES
]


def best(f, repeats=REPEATS):
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def fmt(seconds):
    return f"{seconds * 1e3:.2f} ms" if seconds >= 1e-3 else f"{seconds * 1e6:.1f} µs"


def timed(f):
    """The call's wall time and its time inside the engine (a short call repeated for
    50 ms, warm, and averaged). The results are kept until the loop ends: freeing them
    (megabytes of NumPy arrays for 100,000 values of n) is the caller's cost whoever made
    them, and dropping each inside the loop moved the overhead by up to 0.5 ms here."""
    t = time.perf_counter()
    f()
    loops = max(1, int(0.05 / (time.perf_counter() - t)))
    kept = []
    et._engine_seconds()
    t = time.perf_counter()
    for _ in range(loops):
        kept.append(f())
    total = time.perf_counter() - t
    engine = et._engine_seconds()
    del kept
    return total / loops, engine / loops


# The native reference is built as the Python package is (python/Cargo.toml's release
# profile: opt-level 3, thin LTO, one codegen unit), in its own target folder.
NATIVE_ENV = dict(os.environ, CARGO_TARGET_DIR=str(ROOT / "python" / "target" / "native-bench"),
                  CARGO_PROFILE_RELEASE_OPT_LEVEL="3", CARGO_PROFILE_RELEASE_LTO="thin",
                  CARGO_PROFILE_RELEASE_CODEGEN_UNITS="1")
NATIVE = ["cargo", "run", "--quiet", "--release", "-p", "et-engine", "--features", "api", "--example", "api_timing", "--"]


def native(path):
    out = subprocess.run(NATIVE + [path, "1"], cwd=ROOT, env=NATIVE_ENV, check=True, capture_output=True,
                         text=True).stdout.split("\n")
    return [float(line.split()[1]) for line in out if line]


def main():
    print(f"load average {os.getloadavg()[0]:.1f}; best of {REPEATS} rounds, native and Python alternating")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump([{"function": c, "input": i} for c, i, _ in CALLS], f)
    subprocess.run(NATIVE[:-1] + ["--help"], cwd=ROOT, env=NATIVE_ENV, capture_output=True)  # build it
    nat = [math.inf] * len(CALLS)
    py = [(math.inf, 0.0)] * len(CALLS)
    for _ in range(REPEATS):
        nat = [min(a, b) for a, b in zip(nat, native(f.name))]
        py = [min(a, timed(c[2])) for a, c in zip(py, CALLS)]
    os.unlink(f.name)
    print("| call | Python call | inside the engine | overhead (the rest) | native api |")
    print("| --- | --- | --- | --- | --- |")
    for (name, inp, _), n, (p, e) in zip(CALLS, nat, py):
        what = name + (f" {inp['pricing']['rule']}" if name == "simulateMarket" else "")
        what += f" ({len(inp['n']):,} values of n)" if isinstance(inp.get("n"), list) else ""
        print(f"| {what} | {fmt(p)} | {fmt(e)} | {fmt(p - e)} = {(p - e) / p:.1%} | {fmt(n)} |")

    one = best(lambda: et.simulate_lottery(**LOTTERY, samples=100_000_000, seed=1, threads=1), 3)
    two = best(lambda: et.simulate_lottery(**LOTTERY, samples=100_000_000, seed=1, threads=2), 3)
    print(f"simulate_lottery 1e8 samples: 1 thread {one:.2f} s ({1e2 / one:.0f} M/s), "
          f"2 threads {two:.2f} s ({1e2 / two:.0f} M/s): {one / two:.2f}x")

    for r in RULES:
        t = best(lambda: et.simulate_market(scenario="et-simulation", slots=500, runs=100, seed=1,
                                            pricing={"rule": r}), 3)
        print(f"study 500 slots x 100 runs, {r}: {t * 1e3:.1f} ms (every core)")


if __name__ == "__main__":
    main()
