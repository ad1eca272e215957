// The ET-Simulation scenario in wasm under Node: the study's default (10 drawn holders,
// N = 100, epoch assignment, 99 initial tickets) × 500 slots × 100 runs under each rule
// (goal: < 100 ms a rule; BENCHMARKS.md). The study's Python model takes ~25 s a run.
// Usage: node tests/bench/wasm-market-scenario.mjs [pkg dir]
import { createRequire } from 'node:module';
import path from 'node:path';
import { time } from './timing.mjs';

const require = createRequire(import.meta.url);
const et = require(path.resolve(process.argv[2] || 'engine/pkg-node'));
for (const rule of ['first-price', 'second-price', 'eip1559', 'bonding-curve']) {
  const input = { scenario: 'et-simulation', pricing: { rule }, slots: 500, runs: 100, seed: 1 };
  time(`et-simulation 100 runs × 500 slots, ${rule}`, () => et.simulateMarket(input));
}
const input = { scenario: 'et-simulation', pricing: { rule: 'second-price' }, slots: 500, runs: 100, seed: 1, resale: true };
time('et-simulation 100 runs × 500 slots, second-price with resale', () => et.simulateMarket(input));
// One job of the page's sweep (one point × one rule × 50 runs × 5,000 slots; the page's
// goal: 80 such jobs in < 5 s on 2 workers, i.e. < 125 ms a job on average).
for (const rule of ['first-price', 'second-price', 'eip1559', 'bonding-curve']) {
  const market = { scenario: 'et-simulation', pricing: { rule }, slots: 5000, runs: 50, seed: 1 };
  time(`sweep job 50 runs × 5000 slots (N = 100), ${rule}`, () => et.sweepMarket({ market, parameter: 'max-tickets', values: [100] }));
}
