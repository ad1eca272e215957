// The primary market's ET-Simulation scenario (SPEC §4.1) through the Node package.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const et = require(path.resolve(process.env.ET_ENGINE_PKG || 'engine/pkg-node'));
const study = (rule, patch = {}) => et.simulateMarket({ scenario: 'et-simulation', pricing: { rule }, slots: 500, runs: 10, seed: 3, ...patch });

test('the scenario fills in the study\'s defaults and reports won-slot concentration', () => {
  const r = study('second-price');
  assert.equal(r.holders.length, 10, 'ten drawn holders');
  assert.equal(r.slots.length, 500);
  assert.equal(r.totals.idleSlots, 0, '99 initial tickets and epoch assignment fill every slot');
  for (const key of ['wonHhi', 'wonNakamoto', 'wonTopShare']) {
    assert.equal(r[key].mean.length, 500, key);
    assert.equal(typeof r.totals[key], 'number', key);
  }
  assert.ok(r.totals.wonHhi > 1000 && r.totals.wonHhi < 10000, `${r.totals.wonHhi}`);
  assert.ok(r.totals.capture > 0.4 && r.totals.capture < 0.9, `${r.totals.capture}`);
  // The initial allocation is paid from budgets but is not revenue.
  const spent = r.holders.reduce((a, h) => a + h.spent, 0);
  assert.ok(spent > r.totals.revenue + 1000, `${spent} vs ${r.totals.revenue}`);
  // Every rule runs; the same seed gives the same result.
  for (const rule of ['first-price', 'eip1559', 'bonding-curve', 'fixed']) {
    assert.ok(study(rule).totals.sold > 0, rule);
  }
  assert.deepEqual(study('eip1559'), study('eip1559'));
});

test('fields given override the scenario\'s', () => {
  const base = study('first-price');
  const few = study('first-price', { holders: { preset: 'drawn', count: 4 } });
  assert.equal(few.holders.length, 4);
  const listed = study('second-price', { holders: [{ budget: 1e6, capture: 0.9, discount: 0, margin: 0.1 }], initial: { count: 0 } });
  assert.equal(listed.holders.length, 1);
  assert.equal(listed.totals.wonHhi, 10000);
  const perSlot = study('first-price', { assignment: 'per-slot', maxTickets: 50, initial: { count: 10, price: 5 } });
  const bought = perSlot.holders.reduce((a, h) => a + h.bought, 0);
  assert.ok(Math.abs(bought - (perSlot.totals.sold + 10)) < 1e-9, `${bought}`);
  const expiry = study('first-price', { expiry: 64, resale: true, strategy: 'conservative', reward: { kind: 'constant', mean: 30 } });
  assert.ok(expiry.totals.expired >= 0 && expiry.totals.revenue !== base.totals.revenue);
  const amm = study('bonding-curve', { sellBack: 0.1, marketVolatility: 0.5 });
  assert.ok(amm.totals.sold > 0);
  const classic = study('eip1559', { rules: 'classic', pricing: { rule: 'eip1559', initial: 10, maxSales: 2 } });
  assert.ok(classic.totals.sold > 0);
});

test('bad input names the field', () => {
  const bad = (input, re) => assert.throws(() => et.simulateMarket(input), re);
  const base = { scenario: 'et-simulation', pricing: { rule: 'second-price' }, slots: 100, runs: 1, seed: 1 };
  bad({ ...base, scenario: 'galaxy' }, /Error: scenario: must be one of et-simulation; got "galaxy"/);
  bad({ ...base, strategy: 'greedy' }, /Error: strategy: must be one of value, naive, random, shaded, conservative/);
  bad({ ...base, assignment: 'slot' }, /Error: assignment: /);
  bad({ ...base, rules: 'mine' }, /Error: rules: /);
  bad({ ...base, initial: { price: -1 } }, /Error: initial\.price: /);
  bad({ ...base, initial: { count: 101 } }, /Error: initial\.count: /);
  bad({ ...base, sellBack: 2 }, /Error: sellBack: /);
  bad({ ...base, holders: { preset: 'drawn', count: 0 } }, /Error: holders\.count: /);
  bad({ ...base, holders: { preset: 'whales', count: 3 } }, /Error: holders\.preset: /);
  bad({ ...base, pricing: { rule: 'dutch' } }, /Error: pricing\.rule: /);
  bad({ ...base, jitResale: true }, /Error: jitResale: /);
  const { scenario, ...noScenario } = base;
  bad({ ...noScenario, holders: { preset: 'tiered', count: 3 } }, /Error: maxTickets: /);
  bad({ ...noScenario, maxTickets: 10, holders: { preset: 'tiered', count: 3 } }, /Error: reward: /);
});

test('sweepMarket: capture and concentration against one parameter, deterministic per point', () => {
  const market = { scenario: 'et-simulation', pricing: { rule: 'second-price' }, slots: 300, runs: 8, seed: 2 };
  const s = et.sweepMarket({ market, parameter: 'holders', values: [2, 5, 10], measure: 'won-hhi' });
  assert.equal(s.points.length, 3);
  assert.deepEqual(s.measure.mean, s.points.map((p) => p.mean.wonHhi));
  assert.ok(s.measure.lo.every((lo, j) => lo <= s.measure.hi[j]));
  const one = et.sweepMarket({ market, parameter: 'holders', values: [5] });
  assert.deepEqual(one.points[0], s.points[1], 'a point does not depend on the others');
  const bad = (input, re) => assert.throws(() => et.sweepMarket(input), re);
  bad({ market, parameter: 'n', values: [1] }, /Error: parameter: /);
  bad({ market, parameter: 'expiry', values: [1], measure: 'gini' }, /Error: measure: /);
  bad({ market: { ...market, scenario: 'x' }, parameter: 'expiry', values: [1] }, /Error: market\.scenario: /);
});
