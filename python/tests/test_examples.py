"""The examples (examples/*.py) executed, each printing the numbers the page shows, and
the README's Python snippet executed against the output the README states."""
import pathlib
import re
import subprocess
import sys

import et_engine as et

ROOT = pathlib.Path(__file__).resolve().parents[2]


def run(script, *args, cwd):
    p = subprocess.run([sys.executable, str(ROOT / "examples" / script), *args], cwd=cwd,
                       capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr
    return p.stdout.splitlines()


def csv_block(lines, header):
    rows = lines[lines.index(header) + 1:]
    return [r.split(",") for r in rows if r.count(",") == header.count(",")]


def test_ticket_value_example(tmp_path):
    out = run("ticket_value.py", str(tmp_path), cwd=tmp_path)
    assert out[0] == "Ticket value E[V]       0.04999 ETH"
    assert "Expected wait E[T]      10,000 slots" in out
    rows = csv_block(out, "n,ticket_value_eth,sd_eth")
    assert [r[0] for r in rows] == [str(10**k) for k in range(10)]
    d = et.per_slot_rate(0.035)
    for n, v, sd in rows:
        c = et.ticket_value(mu=0.05, var_r=0.0225, d=d, n=float(n))
        assert v == f"{c['ticket_value']:.4g}" and sd == f"{c['ticket_variance'] ** 0.5:.4g}"


def test_tradeoff_curve_example(tmp_path):
    out = run("tradeoff_curve.py", str(tmp_path), cwd=tmp_path)
    rows = csv_block(out, "alpha,equilibrium,revenue_eth,fairness,exploitability_eth")
    assert len(rows) == 42  # 40 values of α, the all-pay auction, winner-take-all
    assert rows[0][:3] == ["0.1", "pure", "0.1498"]
    assert rows[-2] == ["inf", "mixed", "1.5", "0.433", "0"]
    assert rows[-1][:3] == ["winner-take-all", "pure", "2"]
    revenue = [float(r[2]) for r in rows[:40]]
    assert max(revenue) == revenue[22] and 1.6 < revenue[22] < 1.65  # the peak, just below α = 1.5


def test_study_capture_example(tmp_path):
    out = run("study_capture.py", str(tmp_path), cwd=tmp_path)
    rows = csv_block(out, "rule,capture,capture_p10,capture_p90,won_hhi,won_nakamoto")
    assert [r[0] for r in rows] == ["second-price", "first-price", "eip1559", "bonding-curve"]
    for rule, capture, lo, hi, *_ in rows:
        t = et.simulate_market(scenario="et-simulation", slots=500, runs=50, seed=1, pricing={"rule": rule})["totals"]
        assert capture == f"{t['capture']:.4f}" and float(lo) <= float(capture) <= float(hi)


def test_dask_sweep_example_on_a_local_cluster_of_two_workers(tmp_path):
    out = run("dask_sweep.py", cwd=tmp_path)
    rows = csv_block(out, "holders,capture,capture_p10,capture_p90")
    assert [int(r[0]) for r in rows] == list(range(2, 42))
    sys.path.insert(0, str(ROOT / "examples"))
    import dask_sweep

    direct = et.sweep_market(market=dask_sweep.MARKET, parameter="holders", values=[2, 17, 41], measure="capture")
    by_value = {int(r[0]): r[1] for r in rows}
    for v, c in zip([2, 17, 41], direct["measure"]["mean"]):
        assert by_value[v] == f"{c:.4f}"


def readme_python():
    """The README's Python snippet and the output it states."""
    text = (ROOT / "README.md").read_text()
    section = text[text.index("## The Python package"):]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    printed = re.search(r"prints:?\n\n```text\n(.*?)```", section, re.S).group(1)
    return code, printed


def test_readme_python_snippet(tmp_path):
    code, printed = readme_python()
    script = tmp_path / "snippet.py"
    script.write_text(code)
    p = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr
    assert p.stdout == printed
