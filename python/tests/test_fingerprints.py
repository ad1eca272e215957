"""The shared fingerprint table (tests/fingerprints.json): the same seeded calls give
the same bits in Python, on every core, as natively and in wasm under Node."""
import pytest

from fingerprints import at, bits, call, table

CASES = table()["cases"]


@pytest.mark.parametrize("case", CASES, ids=[f"{k}-{c['function']}" for k, c in enumerate(CASES)])
def test_fingerprint(case):
    r = call(case)
    for p in case["paths"]:
        assert bits(at(r, p)) == case["expect"][p][0], (p, at(r, p), case["expect"][p][1])
