// The lottery engine through the Node package: Monte Carlo, streaks, pools, holders.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const et = require(path.resolve(process.env.ET_ENGINE_PKG || 'engine/pkg-node'));

test('simulateLottery agrees with the closed form and is reproducible', () => {
  const input = { n: 100, d: 0.01, reward: { kind: 'lognormal', mean: 1, cv: 2 }, samples: 200000, seed: 7 };
  const r = et.simulateLottery(input);
  assert.equal(r.samples, 200000);
  assert.ok(Math.abs(r.mean - 0.5) < 4.5 * r.stdError, `${r.mean} ± ${r.stdError}`);
  assert.equal(r.price, r.closedFormMean);
  assert.ok(r.paybackProbability > 0 && r.paybackProbability < 1);
  assert.equal(r.quantiles.length, 9);
  assert.equal(r.histogram.edges.length, 49);
  assert.deepEqual(et.simulateLottery(input), r, 'same seed, same result');
});

test('simulateLottery takes empirical data and names bad reward fields', () => {
  const r = et.simulateLottery({ n: 10, d: 0.01, reward: { kind: 'empirical', values: [0, 1, 2], mode: 'replay' }, samples: 1000, seed: 1 });
  assert.equal(r.samples, 1000);
  const bad = (reward, re) =>
    assert.throws(() => et.simulateLottery({ n: 10, d: 0.01, reward, samples: 10, seed: 1 }), re);
  bad({ kind: 'pareto', mean: 1, tailIndex: 0.5 }, /Error: reward\.tailIndex: /);
  bad({ kind: 'lognormal', mean: 1 }, /Error: reward\.cv: /);
  bad({ kind: 'gamma', mean: 1 }, /Error: reward\.kind: /);
  bad({ kind: 'empirical', values: [1, -1] }, /Error: reward\.values\[1\]: /);
  assert.throws(() => et.simulateLottery({ n: 10, d: 0.01, reward: { kind: 'constant', mean: 1 }, samples: 0, seed: 1 }), /Error: samples: /);
  assert.throws(() => et.simulateLottery({ n: 10, d: 0.01, reward: { kind: 'constant', mean: 1 }, samples: 5, seed: 1.5 }), /Error: seed: /);
});

test('streaks, pools and holders', () => {
  const s = et.streakProbability({ shares: [0, 0.5, 1], runLength: 2, horizon: 3 });
  // Two wins in a row within 3 fair slots: 3/8.
  assert.deepEqual(s.probabilities, [0, 0.375, 1]);
  assert.equal(et.poolStreakProbability({ tickets: 3, outstanding: 10, runLength: 2 }), 0.3 * 0.2);
  assert.throws(() => et.streakProbability({ shares: [2], runLength: 2, horizon: 3 }), /Error: shares\[0\]: /);
  const pool = et.poolRisk({ n: 50, d: 0.01, reward: { kind: 'exponential', mean: 1 }, sizes: [1, 16], pools: 2000, seed: 3 });
  assert.ok(Math.abs(pool[0].sd / pool[1].sd - 4) < 1e-12);
  const h = et.simulateHolders({ holdings: [5, 15], others: 30, d: 0.002, reward: { kind: 'constant', mean: 1 }, horizon: 500, runs: 50, seed: 2 });
  assert.equal(h.holders.length, 2);
  assert.ok(h.holders[1].valueExpected > h.holders[0].valueExpected);
  assert.throws(() => et.simulateHolders({ holdings: [], d: 0.1, reward: { kind: 'constant', mean: 1 }, horizon: 5, runs: 1, seed: 1 }), /Error: holders: /);
});

test('parseRewards names the bad line', () => {
  const p = et.parseRewards('reward\n0.1\n0.3\n');
  assert.deepEqual(p.values, [0.1, 0.3]);
  assert.equal(p.summary.count, 2);
  assert.throws(() => et.parseRewards('0.1\nx\n'), /Error: line 2: /);
});
