"""The revenue-vs-fairness curve of seed 003's values (4, 2) (the Allocation page's
first chart, its default view #/allocation).

The page traces Tullock contests at 40 values of α log-spaced from 0.1 to 10 and adds
the two auctions as points (winner-take-all, and the all-pay auction at α = ∞). Prints
one line a point (α, equilibrium, revenue, fairness, exploitability; "none" where no
equilibrium exists); writes tradeoff_curve.png if matplotlib is installed.

    python examples/tradeoff_curve.py [OUT_DIR]
"""
import math
import sys

import et_engine as et

VALUES = [4, 2]
alphas = [10 ** (-1 + 2 * i / 39) for i in range(40)]

curve = et.tradeoff_curve(values=VALUES, alphas=alphas + [math.inf])
print("alpha,equilibrium,revenue_eth,fairness,exploitability_eth")
for o in curve:
    if "error" in o:
        print(f"{o['alpha']:.4g},none,,,")
    else:
        alpha = o.get("alpha")
        a = "inf" if alpha is None else f"{alpha:.4g}"
        print(f"{a},{o['equilibrium']},{o['revenue']:.4g},{o['fairness']:.4g},{o['exploitability']:.2g}")
wta = et.solve_contest(values=VALUES, mechanism="winner-take-all")
print(f"winner-take-all,{wta['equilibrium']},{wta['revenue']:.4g},{wta['fairness']:.4g},{wta['exploitability']:.2g}")

try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    plt = None
if plt is not None:
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    pts = [o for o in curve[:-1] if "error" not in o]
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot([o["fairness"] for o in pts], [o["revenue"] for o in pts], marker=".", label="Tullock, α from 0.1 to 10")
    ax.scatter([curve[-1]["fairness"]], [curve[-1]["revenue"]], color="#d55e00", label="all-pay auction", zorder=3)
    ax.scatter([wta["fairness"]], [wta["revenue"]], color="#009e73", label="winner-take-all", zorder=3)
    ax.set(xlabel="Fairness (geometric mean of allocations)", ylabel="Revenue (ETH)",
           title="Revenue vs fairness, values (4, 2)")
    ax.legend()
    fig.savefig(f"{out}/tradeoff_curve.png", dpi=150, bbox_inches="tight")
    print(f"wrote {out}/tradeoff_curve.png")
