"""Checks (or with --update, rewrites) the expected bits of tests/fingerprints.json from
the Python build. The same table is checked natively and under Node; update it only on
purpose, with the change logged in CHANGELOG.md.

    python python/tools/fingerprints.py [--update]
"""
import json
import pathlib
import re
import struct
import sys

import et_engine

TABLE = pathlib.Path(__file__).resolve().parents[2] / "tests" / "fingerprints.json"


def snake(name):
    return re.sub(r"[A-Z]", lambda m: "_" + m.group(0).lower(), name)


def pythonic(v):
    if isinstance(v, dict):
        return {snake(k): pythonic(x) for k, x in v.items()}
    if isinstance(v, list):
        return [pythonic(x) for x in v]
    return v


def call(case):
    return getattr(et_engine, snake(case["function"]))(**pythonic(case["input"]))


def at(result, path):
    v = result
    for part in path.split("."):
        v = v[int(part)] if part.isdigit() else v[snake(part)]
    return float(v)


def bits(x):
    return struct.pack(">d", x).hex()


def table():
    return json.loads(TABLE.read_text())


def dump(t):
    """The table with one line an input, a path list and an expected value."""
    d = json.dumps
    cases = []
    for c in t["cases"]:
        expect = ",\n".join(f"        {d(p)}: {d(v)}" for p, v in c["expect"].items())
        cases.append(
            "    {\n"
            f'      "function": {d(c["function"])},\n'
            f'      "input": {d(c["input"])},\n'
            f'      "paths": {d(c["paths"])},\n'
            f'      "expect": {{\n{expect}\n      }}\n'
            "    }"
        )
    return "{\n" f'  "about": {d(t["about"], ensure_ascii=False)},\n' '  "cases": [\n' + ",\n".join(cases) + "\n  ]\n}\n"


def main():
    t = table()
    bad = 0
    for case in t["cases"]:
        r = call(case)
        got = {p: [bits(at(r, p)), at(r, p)] for p in case["paths"]}
        if "--update" in sys.argv:
            case["expect"] = got
        elif got != case.get("expect"):
            bad += 1
            print(case["function"], json.dumps(got))
    if "--update" in sys.argv:
        TABLE.write_text(dump(t))
    print(f"{len(t['cases'])} cases, {bad} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
