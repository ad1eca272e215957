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
time('proportional (α = 1), 10^6 players', () => et.solveContest({ values: big, mechanism: 'proportional-all-pay' }));
time('tullock α = 0.7, 10^5 players', () => et.solveContest({ values: mid, mechanism: 'tullock', alpha: 0.7 }));
time('two-player mixed, α = 3, v = (1, 1)', () => et.solveContest({ values: [1, 1], mechanism: 'tullock', alpha: 3 }));
time('two-player mixed, α = 4, v = (4, 2)', () => et.solveContest({ values: [4, 2], mechanism: 'tullock', alpha: 4 }));
const alphas = Array.from({ length: 100 }, (_, i) => Math.pow(10, -1 + (2 * i) / 99));
time('trade-off curve, 100 values of α, v = (4, 2)', () => et.tradeoffCurve({ values: [4, 2], alphas }));
