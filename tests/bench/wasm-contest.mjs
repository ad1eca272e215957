// Equilibrium-engine timings in wasm under Node (each includes the independent
// best-response check). Usage: node tests/bench/wasm-contest.mjs [pkg dir]
import { createRequire } from 'node:module';
import path from 'node:path';
import { time } from './timing.mjs';

const require = createRequire(import.meta.url);
const et = require(path.resolve(process.argv[2] || 'engine/pkg-node'));
// Pareto-like values from a fixed sequence (no seed needed).
const values = (k) => Array.from({ length: k }, (_, i) => 1 / Math.pow((i + 0.5) / k, 1 / 1.5));
const big = values(1e6);
const mid = values(1e5);
// Pareto draws (shape 1.5) in random order, from a fixed xorshift stream.
const pareto = (k, seed = 88172645463325252n) => {
  let x = seed;
  const out = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    x ^= (x << 13n) & 0xffffffffffffffffn; x ^= x >> 7n; x ^= (x << 17n) & 0xffffffffffffffffn;
    const u = (Number(x >> 11n) + 0.5) / 2 ** 53;
    out[i] = Math.pow(u, -1 / 1.5);
  }
  return Array.from(out);
};
const bigP = pareto(1e6);
const midP = bigP.slice(0, 1e5);
// Ties: 7 value classes, scrambled.
const classes = [9, 0.5, 3, 1, 7, 2, 0.25];
const tied = Array.from({ length: 1e6 }, (_, i) => classes[(i * 37 + Math.floor(i / 7)) % 7]);
time('proportional (α = 1), 10^6 players', () => et.solveContest({ values: big, mechanism: 'proportional-all-pay' }));
time('tullock α = 0.7, 10^5 players', () => et.solveContest({ values: mid, mechanism: 'tullock', alpha: 0.7 }));
time('proportional (α = 1), 10^6 unsorted Pareto draws', () => et.solveContest({ values: bigP, mechanism: 'proportional-all-pay' }));
time('tullock α = 0.7, 10^5 unsorted Pareto draws', () => et.solveContest({ values: midP, mechanism: 'tullock', alpha: 0.7 }));
for (const alpha of [0.3, 0.7, 1]) {
  time(`ties: 10^6 players, 7 values, α = ${alpha}`, () => et.solveContest({ values: tied, mechanism: 'tullock', alpha }));
}
time('two-player closed form, α = 1.5, v = (4, 2)', () => et.solveContest({ values: [4, 2], mechanism: 'tullock', alpha: 1.5 }));
time('three players, α = 3, v = (1, 1, 1)', () => et.solveContest({ values: [1, 1, 1], mechanism: 'tullock', alpha: 3 }));
time('two-player mixed, α = 3, v = (1, 1)', () => et.solveContest({ values: [1, 1], mechanism: 'tullock', alpha: 3 }));
time('two-player mixed, α = 4, v = (4, 2)', () => et.solveContest({ values: [4, 2], mechanism: 'tullock', alpha: 4 }));
const alphas = Array.from({ length: 100 }, (_, i) => Math.pow(10, -1 + (2 * i) / 99));
time('trade-off curve, 100 values of α, v = (4, 2)', () => et.tradeoffCurve({ values: [4, 2], alphas }));
