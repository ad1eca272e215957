"""A large sweep of the primary market on Dask (dask.distributed).

sweep_market's points are independent (each with the market's seed), so a sweep of
many points splits into one task a chunk of points; each worker process runs its chunk
with et_engine on its own cores. The same script runs on a real cluster: pass its
scheduler's address. Each point's numbers are the ones sweep_market gives on one
machine (the test checks it).

    python examples/dask_sweep.py                  # a LocalCluster of 2 workers
    python examples/dask_sweep.py tcp://host:8786  # a running cluster
"""
import sys

import numpy as np
from dask.distributed import Client, LocalCluster

import et_engine as et

MARKET = dict(scenario="et-simulation", slots=500, runs=10, seed=1, pricing={"rule": "second-price"})
PARAMETER = "holders"
VALUES = np.arange(2, 42).astype(float)  # 40 points
CHUNK = 5


def chunk(values):
    """One task: a sweep of some of the points (one thread each in its worker)."""
    return et.sweep_market(market=MARKET, parameter=PARAMETER, values=list(values), measure="capture", threads=1)


def sweep(client):
    chunks = [VALUES[i : i + CHUNK] for i in range(0, len(VALUES), CHUNK)]
    parts = client.gather(client.map(chunk, chunks))
    points = [p for part in parts for p in part["points"]]
    capture = np.concatenate([part["measure"]["mean"] for part in parts])
    return points, capture


def main():
    if len(sys.argv) > 1:
        client = Client(sys.argv[1])
    else:
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    with client:
        points, capture = sweep(client)
    print(f"{PARAMETER},capture,capture_p10,capture_p90")
    for p, c in zip(points, capture):
        print(f"{p['value']:.0f},{c:.4f},{p['lo']['capture']:.4f},{p['hi']['capture']:.4f}")


if __name__ == "__main__":
    main()
