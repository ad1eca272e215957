"""The ET-Simulation study's capture under each pricing rule (the Primary market page's
default view, #/primary: the study's scenario, 500 slots × 50 runs, seed 1).

Each of the study's four rules (second-price, first-price, EIP-1559-style, bonding
curve) meets the same rewards in run r. Prints, for each rule, the protocol's capture
(mean over runs, with its 10 %–90 % band) and the concentration of the slots won (HHI,
Nakamoto); writes study_capture.png if matplotlib is installed.

    python examples/study_capture.py [OUT_DIR]
"""
import sys

import et_engine as et

RULES = ["second-price", "first-price", "eip1559", "bonding-curve"]
study = dict(scenario="et-simulation", slots=500, runs=50, seed=1)

results = {rule: et.simulate_market(**study, pricing={"rule": rule}) for rule in RULES}
print("rule,capture,capture_p10,capture_p90,won_hhi,won_nakamoto")
for rule, r in results.items():
    t, lo, hi = r["totals"], r["totals_lo"], r["totals_hi"]
    print(f"{rule},{t['capture']:.4f},{lo['capture']:.4f},{hi['capture']:.4f},{t['won_hhi']:.0f},{t['won_nakamoto']:.3g}")

try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    plt = None
if plt is not None:
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    fig, ax = plt.subplots(figsize=(6, 4))
    for rule, r in results.items():
        t, lo, hi = r["totals"], r["totals_lo"], r["totals_hi"]
        ax.errorbar([t["won_hhi"]], [t["capture"]], yerr=[[t["capture"] - lo["capture"]], [hi["capture"] - t["capture"]]],
                    fmt="o", capsize=3, label=rule)
    ax.set(xlabel="HHI of the slots won", ylabel="Protocol capture", title="ET-Simulation study: capture by rule")
    ax.legend()
    fig.savefig(f"{out}/study_capture.png", dpi=150, bbox_inches="tight")
    print(f"wrote {out}/study_capture.png")
