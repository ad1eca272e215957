// Mechanism comparison timing in wasm under Node, one thread: 10⁶ slots × 6 mechanisms ×
// 10 builders (goal on the page's workers: < 1 s; BENCHMARKS.md), JS conversion included.
// Usage: node tests/bench/wasm-mechanisms.mjs [pkg dir]
import { createRequire } from 'node:module';
import path from 'node:path';
import { time } from './timing.mjs';

const require = createRequire(import.meta.url);
const et = require(path.resolve(process.argv[2] || 'engine/pkg-node'));
const captures = [1, 0.97, 0.94, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.4];
const input = {
  reward: { kind: 'lognormal', mean: 0.05, cv: 2 },
  builders: captures.map((capture) => ({ capture })),
  spread: 0.5, localCapture: 0.3, slots: 1e6, seed: 1,
};
time('compareMechanisms 10^6 slots × 10 builders', () => et.compareMechanisms(input));
