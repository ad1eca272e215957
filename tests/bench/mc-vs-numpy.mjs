// Issue 23's "Monte Carlo ≥ 2× NumPy per core": the ticket-value estimator of
// BENCHMARKS.md (n = 100, d = 0.01, log-normal, mean 1, cv = 2) single-threaded in wasm
// under Node against tests/bench/numpy_mc.py (NumPy, one core), measured in one run:
// three rounds alternate the two (each best of 3 inside), and the best of each is kept.
// Usage: node tests/bench/mc-vs-numpy.mjs [pkg dir]   (PYTHON=… picks the interpreter;
// build: wasm-pack build engine --mode no-install --target nodejs --out-dir pkg-node -- --features js)
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { numpyRate } from './numpy-rate.mjs';

const require = createRequire(import.meta.url);
const et = require(path.resolve(process.argv[2] || 'engine/pkg-node'));
const samples = 1 << 23;
const input = { n: 100, d: 0.01, reward: { kind: 'lognormal', mean: 1, cv: 2 }, samples, seed: 7 };

function wasmRate() {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    et.simulateLottery(input);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return samples / best / 1e6;
}


et.simulateLottery({ ...input, samples: 1 << 18 }); // warm up
let [wasm, numpy] = [0, 0];
for (let round = 0; round < 3; round++) {
  const n = numpyRate();
  const w = wasmRate();
  console.log(`round ${round + 1}: numpy ${n.toFixed(1)}, wasm ${w.toFixed(1)} M samples/s`);
  numpy = Math.max(numpy, n);
  wasm = Math.max(wasm, w);
}
const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`numpy (1 core): ${numpy.toFixed(1)} M samples/s (best)`);
console.log(`wasm under Node (1 thread): ${wasm.toFixed(1)} M samples/s (best)`);
console.log(`ratio wasm / numpy: ${(wasm / numpy).toFixed(2)}× (goal ≥ 2×; load average ${load} on ${os.cpus().length} cores)`);
