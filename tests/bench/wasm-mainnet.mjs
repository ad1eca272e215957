// The mainnet data in wasm under Node, single-threaded: decoding the asset, the summary of
// the whole six months, and the lottery Monte Carlo on mainnet replay against the same on
// a log-normal law (BENCHMARKS.md's estimator: n = 100, d = 0.01, cv = 2), in one run.
// Usage: node tests/bench/wasm-mainnet.mjs [pkg dir]   (build: see BENCHMARKS.md)
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const et = require(path.resolve(process.argv[2] || 'engine/pkg-node'));
const bytes = fs.readFileSync('www/data/mainnet-2023-10-2024-04.bin');

const best = (f, times = 5) => {
  let b = Infinity;
  for (let i = 0; i < times; i++) {
    const t0 = process.hrtime.bigint();
    f();
    b = Math.min(b, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return b;
};
console.log(`wasm mainnet/load: ${best(() => et.loadMainnet(bytes)).toFixed(0)} ms (decode and validate 6.1 MB, best of 5)`);
console.log(`wasm mainnet/summary (whole range): ${best(() => et.mainnetSummary({})).toFixed(0)} ms (best of 5)`);
const samples = 1 << 23;
const rate = (reward) => {
  const input = { n: 100, d: 0.01, reward, samples, seed: 7 };
  et.simulateLottery({ ...input, samples: 1 << 18 });
  return samples / (best(() => et.simulateLottery(input), 3) / 1e3) / 1e6;
};
const logn = rate({ kind: 'lognormal', mean: 1, cv: 2 });
const main = rate({ kind: 'mainnet' });
console.log(`wasm ticket_mc/lognormal_cv2: ${logn.toFixed(1)} M samples/s; mainnet replay: ${main.toFixed(1)} M samples/s ` +
  `(${(100 * main / logn).toFixed(0)} % of log-normal; best of 3, ${samples} samples)`);
