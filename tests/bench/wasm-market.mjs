// Primary-market timing in wasm under Node: 100 holders (tiered preset) × 100,000 slots ×
// 1 run, N = 1000, under each pricing rule (goal: < 1 s; BENCHMARKS.md).
// Usage: node tests/bench/wasm-market.mjs [pkg dir]
import { createRequire } from 'node:module';
import path from 'node:path';
import { time } from './timing.mjs';

const require = createRequire(import.meta.url);
const et = require(path.resolve(process.argv[2] || 'engine/pkg-node'));
const base = {
  maxTickets: 1000, slots: 100000, runs: 1, seed: 1, points: 500,
  reward: { kind: 'lognormal', mean: 0.05, cv: 2 },
  holders: { preset: 'tiered', count: 100 },
};
for (const pricing of [
  { rule: 'fixed', price: 0.03 }, { rule: 'second-price' }, { rule: 'first-price' },
  { rule: 'eip1559', initial: 0.01, maxSales: 4 }, { rule: 'bonding-curve', base: 0.01, slope: 2 },
]) {
  time(`market 100 holders × 100,000 slots, ${pricing.rule}`, () => et.simulateMarket({ ...base, pricing }));
}
