// Monte Carlo throughput of the engine compiled to wasm, single-threaded, under Node.
// Usage: node tests/bench/wasm-mc.mjs [pkg dir]   (build: see BENCHMARKS.md)
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const et = require(path.resolve(process.argv[2] || 'engine/pkg-node'));
const samples = 1 << 23;
const cases = [
  ['lognormal_cv2', { kind: 'lognormal', mean: 1, cv: 2 }],
  ['exponential', { kind: 'exponential', mean: 1 }],
  ['constant', { kind: 'constant', mean: 1 }],
];
for (const [name, reward] of cases) {
  const input = { n: 100, d: 0.01, reward, samples, seed: 7 };
  et.simulateLottery({ ...input, samples: 1 << 18 }); // warm up
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    et.simulateLottery(input);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  console.log(`wasm ticket_mc/${name}: ${(samples / best / 1e6).toFixed(1)} M samples/s (best of 3, ${samples} samples)`);
}
