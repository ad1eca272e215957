"""Ticket value against n (the Ticket value page's first chart, its default view).

The page's default (#/ticket-value): μ = 0.05 ETH, reward sd 0.15 ETH, 3.5 % a year
(d per slot), n = 10,000 tickets, a holding share P = 0.1, no lookahead. Prints the
page's closed-form table (4 significant digits, as the page rounds) and E[V] ± 1 sd at
each decade of n (the chart: 241 log-spaced n from 1 to 10⁹); writes
ticket_value.png if matplotlib is installed.

    python examples/ticket_value.py [OUT_DIR]
"""
import math
import sys

import numpy as np

import et_engine as et

MU, SD, ANNUAL, N, SHARE = 0.05, 0.15, 0.035, 10_000, 0.1
d = et.per_slot_rate(ANNUAL)

s = et.ticket_value(mu=MU, var_r=SD**2, d=d, n=N, share=SHARE)
print(f"Ticket value E[V]       {s['ticket_value']:.4g} ETH")
print(f"Its standard deviation  {math.sqrt(s['ticket_variance']):.4g} ETH")
print(f"All future rewards μ/d  {s['total_npv']:.4g} ETH")
print(f"Issued tickets n·E[V]   {s['issued_value']:.4g} ETH")
print(f"Unissued rest           {s['unissued_value']:.4g} ETH")
print(f"Expected wait E[T]      {s['expected_wait_slots']:,.0f} slots")
print(f"Value of the P holding  {s['share_value']:.4g} ETH")

# The chart's grid: 241 points, n from 1 to 10⁹ on a log scale.
grid = 10.0 ** (9 * np.arange(241) / 240)
curve = [et.ticket_value(mu=MU, var_r=SD**2, d=d, n=float(n)) for n in grid]
value = np.array([c["ticket_value"] for c in curve])
sd = np.sqrt([c["ticket_variance"] for c in curve])
print("n,ticket_value_eth,sd_eth")
for k in range(10):  # at each decade of n
    c = et.ticket_value(mu=MU, var_r=SD**2, d=d, n=10**k)
    print(f"{10**k},{c['ticket_value']:.4g},{math.sqrt(c['ticket_variance']):.4g}")

try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    plt = None
if plt is not None:
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.fill_between(grid, np.maximum(value - sd, 0), value + sd, alpha=0.18, label="E[V] ± 1 sd")
    ax.plot(grid, value, label="E[V]")
    ax.axvline(N, color="#d55e00", label=f"current n = {N}")
    ax.set(xscale="log", xlabel="Tickets outstanding n", ylabel="Ticket value (ETH)",
           title="Expected value of one ticket")
    ax.legend(loc="lower left")
    fig.savefig(f"{out}/ticket_value.png", dpi=150, bbox_inches="tight")
    print(f"wrote {out}/ticket_value.png")
