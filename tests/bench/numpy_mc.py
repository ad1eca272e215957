"""The NumPy baseline of BENCHMARKS.md: a vectorized estimator of a ticket's value
(n = 100, d = 0.01, log-normal reward with mean 1 and cv = 2), single process."""
import time

import numpy as np

n, d, mean, cv = 100, 0.01, 1.0, 2.0
s2 = np.log1p(cv * cv)
mu_ln, sigma = np.log(mean) - s2 / 2, np.sqrt(s2)
rng = np.random.default_rng(7)
batch, batches = 1 << 22, 8


def run():
    total = 0.0
    for _ in range(batches):
        t = rng.geometric(1.0 / n, batch)
        r = rng.lognormal(mu_ln, sigma, batch)
        v = r * np.power(1.0 + d, -t)
        total += v.sum()
    return total / (batch * batches)


run()
times = []
for _ in range(3):
    t0 = time.perf_counter()
    est = run()
    times.append(time.perf_counter() - t0)
rate = batch * batches / min(times)
print(f"numpy ticket_mc/lognormal_cv2: {rate / 1e6:.1f} M samples/s (best of 3; estimate {est:.4f}, exact {mean / (n * d + 1):.4f})")
