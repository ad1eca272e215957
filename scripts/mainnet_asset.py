#!/usr/bin/env python3
"""Converts the mainnet MEV-Boost CSV into ET Explorer's binary asset (docs/mainnet-data.md).

    python3 scripts/mainnet_asset.py SRC_CSV_GZ OUT_FILE
    python3 scripts/mainnet_asset.py /work/shared/data/mainnet-mevboost/blocks.csv.gz \
        www/data/mainnet-2023-10-2024-04.bin

SRC_CSV_GZ has the columns `slot,block_number,value_eth,builder,relay`, one row a block,
sorted by slot (missed slots are absent rows). Python 3.11 standard library only; the
output depends on the input alone (rerunning gives the same bytes). Values are stored as
integer gwei, rounded half-up from the exact decimal wei; no float is ever used.
"""

import csv
import gzip
import struct
import sys
import zlib
from collections import Counter

MAGIC = b"ETMAINNT"
VERSION = 1
HEADER_LEN = 68
# Per-block status (the low two bits of a record's tag); 3 is reserved.
VALUE, NO_MEV_BOOST, UNKNOWN = 0, 1, 2
WEI_PER_GWEI = 10**9


def gwei_half_up(text):
    """Integer gwei of a decimal ETH string, rounded half-up from the exact wei."""
    whole, _, frac = text.strip().partition(".")
    if not whole.isdigit() or (frac and not frac.isdigit()) or len(frac) > 18:
        raise ValueError(f"not a non-negative decimal with at most 18 places: {text!r}")
    wei = int(whole) * 10**18 + int(frac.ljust(18, "0") or "0")
    return (wei + WEI_PER_GWEI // 2) // WEI_PER_GWEI


def varint(n, out):
    """Appends `n >= 0` as unsigned LEB128."""
    if n < 0:
        raise ValueError(f"negative varint {n}")
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return


def read_rows(path):
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        if header != ["slot", "block_number", "value_eth", "builder", "relay"]:
            raise SystemExit(f"unexpected header {header}")
        rows = []
        for slot, block, value, builder, relay in reader:
            if value:
                status, gwei = VALUE, gwei_half_up(value)
            elif relay == "out-of-scope":
                status, gwei = UNKNOWN, None
            else:
                status, gwei = NO_MEV_BOOST, None
            rows.append((int(slot), int(block), status, gwei, builder))
    return rows


def check(rows):
    for (s0, b0, *_), (s1, b1, *_) in zip(rows, rows[1:]):
        if s1 <= s0:
            raise SystemExit(f"slots not increasing at slot {s1}")
        if b1 != b0 + 1:
            raise SystemExit(f"block numbers not contiguous at block {b1}")


def label_table(rows):
    """Distinct non-empty labels, most frequent first (ties by their UTF-8 bytes)."""
    counts = Counter(r[4] for r in rows if r[4])
    order = sorted(counts, key=lambda label: (-counts[label], label.encode("utf-8")))
    return order, {label: i + 1 for i, label in enumerate(order)}


def build(rows):
    labels, index = label_table(rows)
    first, last = rows[0][0], rows[-1][0]
    body = bytearray()
    for label in labels:
        raw = label.encode("utf-8")
        varint(len(raw), body)
        body += raw
    missed, previous = 0, first
    for (s0, *_), (s1, *_) in zip(rows, rows[1:]):
        for slot in range(s0 + 1, s1):
            varint(slot - previous, body)
            previous, missed = slot, missed + 1
    counts = Counter(r[2] for r in rows)
    for _, _, status, gwei, builder in rows:
        varint(index.get(builder, 0) << 2 | status, body)
        if status == VALUE:
            varint(gwei, body)
    head = struct.pack(
        "<8sHHIQQQIIIIII",
        MAGIC,
        VERSION,
        HEADER_LEN,
        len(body),
        first,
        last,
        rows[0][1],
        len(rows),
        missed,
        counts[VALUE],
        counts[NO_MEV_BOOST],
        counts[UNKNOWN],
        len(labels),
    )
    assert len(head) == HEADER_LEN - 4 and last - first + 1 == len(rows) + missed
    crc = zlib.crc32(body, zlib.crc32(head))
    return head + struct.pack("<I", crc) + bytes(body)


def main():
    if len(sys.argv) != 3:
        raise SystemExit("usage: mainnet_asset.py SRC_CSV_GZ OUT_FILE")
    rows = read_rows(sys.argv[1])
    check(rows)
    data = build(rows)
    with open(sys.argv[2], "wb") as f:
        f.write(data)
    print(f"{sys.argv[2]}: {len(data):,} bytes, {len(rows):,} blocks, slots {rows[0][0]}–{rows[-1][0]}")


if __name__ == "__main__":
    main()
