// NumPy's rate on the Monte Carlo of BENCHMARKS.md (tests/bench/numpy_mc.py, one core):
// the anchor the wasm and the page are measured against, in the same run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const venv = path.join(process.env.ET_TOOLS || '', 'python/bin/python');
const python = process.env.PYTHON || (existsSync(venv) ? venv : 'python3');

/** M samples/s of tests/bench/numpy_mc.py on one core (PYTHON=… picks the interpreter). */
export function numpyRate() {
  // One core for NumPy as for the wasm (its sums would not use more, but be sure).
  const env = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const out = execFileSync(python, ['tests/bench/numpy_mc.py'], { env, encoding: 'utf8' });
  const m = out.match(/([0-9.]+) M samples\/s/);
  if (!m) throw new Error(`unexpected output of numpy_mc.py: ${out}`);
  return Number(m[1]);
}
