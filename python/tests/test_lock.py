"""python/Cargo.lock resolves the engine's dependencies to the same versions as the root
Cargo.lock (the page's and Node's build): the same code behind the same bits."""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]


def versions(lock):
    text = (ROOT / lock).read_text()
    return {name: version for name, version in re.findall(r'name = "([^"]+)"\nversion = "([^"]+)"', text)}


def test_the_engine_dependencies_match_the_root_lock():
    root, py = versions("Cargo.lock"), versions("python/Cargo.lock")
    engine_deps = ["rand", "rand_core", "rand_xoshiro", "libm", "microlp", "thiserror", "serde"]
    for name in engine_deps:
        assert py[name] == root[name], f"{name}: python/Cargo.lock has {py[name]}, Cargo.lock {root[name]} (cargo update -p {name} --precise {root[name]} in python/)"
