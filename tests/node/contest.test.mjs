// The equilibrium engine through the Node package: SPEC §7 and errors naming fields.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const et = require(path.resolve(process.env.ET_ENGINE_PKG || 'engine/pkg-node'));
const close = (a, b, tol = 1e-12) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

test('SPEC §7: values (4, 2)', () => {
  const p = et.solveContest({ values: [4, 2], mechanism: 'proportional-all-pay' });
  assert.equal(p.equilibrium, 'pure');
  assert.ok(close(p.bids[0], 8 / 9) && close(p.bids[1], 4 / 9), `${p.bids}`);
  assert.ok(close(p.allocations[0], 2 / 3) && close(p.allocations[1], 1 / 3));
  assert.ok(close(p.revenue, 4 / 3));
  assert.ok(Math.abs(p.fairness - 0.4714) < 5e-5);
  const w = et.solveContest({ values: [4, 2], mechanism: 'winner-take-all' });
  assert.deepEqual(w.allocations, [1, 0]);
  assert.equal(w.revenue, 2);
  assert.equal(w.fairness, 0);
});

test('a mixed equilibrium returns strategies; the curve covers α', () => {
  const m = et.solveContest({ values: [1, 1], mechanism: 'tullock', alpha: 3 });
  assert.equal(m.equilibrium, 'mixed');
  assert.equal(m.strategies.length, 2);
  assert.ok(m.exploitability <= 0.005, `${m.exploitability}`);
  const curve = et.tradeoffCurve({ values: [4, 2], alphas: [0.5, 1, 2, Infinity] });
  assert.equal(curve.length, 4);
  assert.ok(close(curve[1].revenue, 4 / 3));
  const three = et.tradeoffCurve({ values: [1, 1, 1], alphas: [3] });
  assert.equal(three[0].equilibrium, 'mixed');
  assert.ok(three[0].exploitability <= 1e-3, `${three[0].exploitability}`);
});

test('issue 14: each result says how exact it is', () => {
  const w = et.solveContest({ values: [4, 2], mechanism: 'tullock', alpha: 1.5 });
  assert.equal(w.method, 'closed-form');
  assert.equal(w.revenueError, 0);
  assert.ok(w.exploitability < 1e-12);
  const g = 0.5 ** (-1 / 1.5);
  assert.ok(close(w.revenue, (2 / 3) * g + 0.5 * g * (2 / 3), 1e-12), `${w.revenue}`);
  const a = et.solveContest({ values: [4, 2], mechanism: 'tullock', alpha: 3 });
  assert.equal(a.method, 'closed-form+double-oracle');
  assert.ok(close(a.revenue, 1.5));
  assert.match(a.refinement, /double oracle/);
  assert.ok(a.exploitability <= 4e-4 && a.revenueError < 0.02, `${a.exploitability} ${a.revenueError}`);
  const ap = et.solveContest({ values: [2, 2, 2], mechanism: 'all-pay-auction' });
  assert.ok(close(ap.revenue, 2));
  const s = ap.strategies[0];
  assert.equal(s.cdf.length, s.support.length);
  assert.ok(Math.abs(s.probs.reduce((x, y) => x + y, 0) - 1) < 1e-12);
  const p = et.solveContest({ values: [3, 1, 3, 1], mechanism: 'tullock', alpha: 0.7 });
  assert.equal(p.method, 'share-equations');
  assert.equal(p.bids[0], p.bids[2]);
  assert.equal(p.refinement, undefined);
});

test('bad input throws an Error naming the field', () => {
  const bad = (input, re) => assert.throws(() => et.solveContest(input), re);
  bad({ values: [4], mechanism: 'winner-take-all' }, /Error: values: /);
  bad({ values: [4, -1], mechanism: 'winner-take-all' }, /Error: values\[1\]: /);
  bad({ values: [4, 2], mechanism: 'tullock', alpha: 0 }, /Error: alpha: /);
  bad({ values: [4, 2], mechanism: 'lottery' }, /Error: mechanism: /);
  bad({ values: [4, 2], mechanism: 'tullock' }, /Error: alpha: /);
  bad({ values: [1, 1], mechanism: 'tullock', alpha: 3, grid: 5 }, /Error: grid: /);
});
