#!/usr/bin/env python3
"""Computes engine/tests/fixtures/mainnet_summary.json from the source CSV alone.

    python3 scripts/mainnet_fixture.py /work/shared/data/mainnet-mevboost/blocks.csv.gz \
        engine/tests/fixtures/mainnet_summary.json

An independent check of the binary asset and of the engine's `mainnet::summary`: it reads
the CSV (never the .bin), keeps every value as its exact decimal (wei), and has its own
copy of the builder-entity table. Python 3.11 standard library only; deterministic.

Definitions (the same as engine/src/rewards/mainnet/summary.rs):
- a window is the slots `from..=to`; counts are of slots, blocks (rows), missed slots,
  blocks with a value, without MEV-Boost (no relay value) and unknown (relay out of scope);
- moments over the blocks with a value, in ETH: `total`, `mean`, `sd` (sample, n − 1),
  `median` (the middle value, or the mean of the two middle values when n is even),
  `max`; quantile `p` is the lower empirical quantile `x_(k)`, `k = max(1, ⌈p n⌉)`;
- builders over the blocks with a builder label, merged into entities; sorted by blocks
  descending then name; `builderHhi = 10,000 Σ share²`;
- `longestRun`: the most consecutive slots built by one entity (a missed slot or a block
  without a builder ends a run; ties: the earliest).
`exact` holds the integer gwei figures (each value rounded half-up from its wei, as the
asset stores it): `totalGwei`, `maxGwei`, `quantilesGwei`, `medianGweiTimes2`.
"""

import csv
import gzip
import json
import sys
from collections import Counter
from decimal import Decimal, getcontext
from fractions import Fraction

getcontext().prec = 60
LEVELS_PER_MILLE = [10, 50, 100, 250, 500, 750, 900, 950, 990, 999]
GENESIS = 1606824023  # beacon chain genesis (Unix seconds); a slot is 12 s
DAY = 7200

# Raw builder label -> entity (its own copy: engine/src/rewards/mainnet/entities.rs).
RETH = [
    "\x9areth/v0.1.0-alpha.10/linux", "\x9areth/v0.1.0-alpha.13/linux",
    "\x9areth/v0.1.0-alpha.14/linux", "\x9areth/v0.1.0-alpha.15/linux",
    "\x9areth/v0.1.0-alpha.16/linux", "\x9areth/v0.1.0-alpha.21/linux",
    "\x9areth/v0.1.0-alpha.22/linux", "\x98reth/v0.2.0-beta.2/linux",
    "\x98reth/v0.2.0-beta.3/linux",
]
ENTITIES = {
    "beaverbuild.org": "beaverbuild",
    "rsync-builder.xyz": "rsync", "@rsyncbuilder": "rsync",
    "Titan Builder": "Titan", "Titan (titanbuilder.xyz)": "Titan",
    "Flashbots": "Flashbots",
    "builder0x69": "builder0x69", "by builder0x69": "builder0x69",
    "by @builder0x69": "builder0x69", "@builder0x69": "builder0x69",
    "penguinbuild.org": "penguinbuild", "@penguinbuild.org": "penguinbuild",
    "Gambit Labs (https://gmbit.co)": "Gambit Labs",
    "BuildAI (https://buildai.net)": "BuildAI",
    "Powered by bloXroute": "bloXroute",
    "Builder+ www.btcs.com/builder": "BTCS", "BTCS Inc. (Nasdaq: BTCS)": "BTCS",
    "bobTheBuilder.xyz": "bobTheBuilder", "bobthebuilder.xyz": "bobTheBuilder",
    "Blocksmith (smithbuilder.io)": "Blocksmith", "blocksmith.org": "Blocksmith",
    "https://blockbeelder.com \u00f0\u009f\u0090\u009d": "beelder",
    "0x4245454679204275696c646572": "Beefy Builder",
    "0x4265656679204275696c646572": "Beefy Builder",
    **{r: "reth" for r in RETH},
}


def entity(label):
    name = ENTITIES.get(label, label.strip())
    return name or None


def wei(text):
    whole, _, frac = text.partition(".")
    return int(whole) * 10**18 + int(frac.ljust(18, "0") or "0")


def gwei(w):
    return (w + 5 * 10**8) // 10**9


def eth(w):
    """The nearest double to an exact wei amount (a Fraction or int)."""
    return float(Fraction(w) / 10**18)


def read(path):
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        r = csv.reader(f)
        next(r)
        rows = {}
        for slot, block, value, builder, relay in r:
            status = "value" if value else ("unknown" if relay == "out-of-scope" else "local")
            rows[int(slot)] = (int(block), status, wei(value) if value else None, entity(builder))
    return rows


def median2(sorted_values):
    """Twice the median (an exact integer for integer inputs)."""
    n = len(sorted_values)
    return sorted_values[(n - 1) // 2] + sorted_values[n // 2]


def moments(values):
    n = len(values)
    s = sorted(values)
    total = sum(s)
    mean = Fraction(total, n)
    # The sample variance, exactly: (n Σx² − (Σx)²) / (n (n − 1)), in wei², then ETH².
    var = Fraction(n * sum(v * v for v in s) - total * total, n * max(n - 1, 1)) / 10**36
    sd = float((Decimal(var.numerator) / Decimal(var.denominator)).sqrt())
    ks = [max(1, -(-m * n // 1000)) for m in LEVELS_PER_MILLE]
    g = sorted(gwei(v) for v in s)
    return {
        "total": eth(total), "mean": eth(mean), "median": eth(Fraction(median2(s), 2)),
        "sd": sd, "max": eth(s[-1]),
        "quantiles": [{"p": m / 1000, "value": eth(s[k - 1])} for m, k in zip(LEVELS_PER_MILLE, ks)],
    }, {
        "totalGwei": sum(g), "maxGwei": g[-1], "quantilesGwei": [g[k - 1] for k in ks],
        "medianGweiTimes2": median2(g),
    }


def builders(rows, lo, hi):
    counts = Counter(rows[s][3] for s in range(lo, hi + 1) if s in rows and rows[s][3])
    total = sum(counts.values())
    order = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    hhi = float(Fraction(10_000 * sum(c * c for _, c in order), total * total)) if total else 0.0
    return [{"name": k, "blocks": c, "share": float(Fraction(c, total))} for k, c in order], hhi


def longest_run(rows, lo, hi):
    best, cur, start, who = None, 0, lo, None
    for s in range(lo, hi + 1):
        b = rows[s][3] if s in rows else None
        if b is not None and b == who:
            cur += 1
        else:
            who, cur, start = b, (1 if b is not None else 0), s
        if b is not None and (best is None or cur > best["slots"]):
            best = {"builder": b, "slots": cur, "firstSlot": start}
    return best


def summary(rows, lo, hi):
    inside = [rows[s] for s in range(lo, hi + 1) if s in rows]
    st = Counter(r[1] for r in inside)
    m, exact = moments([r[2] for r in inside if r[1] == "value"])
    bl, hhi = builders(rows, lo, hi)
    out = {
        "firstSlot": lo, "lastSlot": hi, "slots": hi - lo + 1, "blocks": len(inside),
        "missedSlots": hi - lo + 1 - len(inside), "withValue": st["value"],
        "withoutMevBoost": st["local"], "unknown": st["unknown"], **m,
        "builders": bl, "builderHhi": hhi, "longestRun": longest_run(rows, lo, hi),
    }
    return out, exact


def windows(rows):
    first, last = min(rows), max(rows)
    slot_of = {b: s for s, (b, *_) in rows.items()}
    dec = ((1701388800 - GENESIS + 11) // 12, (1704067200 - GENESIS) // 12)  # Dec 2023 UTC
    peak = max((s for s in rows if rows[s][2] is not None), key=lambda s: rows[s][2])
    day0 = ((GENESIS + 12 * peak) // 86400 * 86400 - GENESIS + 11) // 12
    return [
        ("whole range", None, None, first, last),
        ("December 2023 (UTC)", dec[0], dec[1], *dec),
        ("from block 19,530,000 (every relay covered)", slot_of[19_530_000], last, slot_of[19_530_000], last),
        ("the UTC day of the largest value", day0, day0 + DAY - 1, day0, day0 + DAY - 1),
    ]


def main():
    src, out = sys.argv[1], sys.argv[2]
    rows = read(src)
    result = {
        "command": "python3 scripts/mainnet_fixture.py " + " ".join(sys.argv[1:]),
        "source": "MEV-Boost winning-bid data, dataalways/mevboost-data, CC0",
        "windows": [],
    }
    for name, f, t, lo, hi in windows(rows):
        s, exact = summary(rows, lo, hi)
        result["windows"].append({"name": name, "from": f, "to": t, "summary": s, "exact": exact})
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(result, fh, indent=1, ensure_ascii=True)
        fh.write("\n")


if __name__ == "__main__":
    main()
