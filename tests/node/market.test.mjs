// The primary market through the Node package.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const et = require(path.resolve(process.env.ET_ENGINE_PKG || 'engine/pkg-node'));
const base = {
  maxTickets: 32, slots: 2000, runs: 3, seed: 5,
  reward: { kind: 'lognormal', mean: 0.05, cv: 1.5 },
  pricing: { rule: 'second-price' },
  holders: { preset: 'tiered', count: 10 },
  points: 100,
};

test('simulateMarket returns series with bands and per-holder summaries', () => {
  const r = et.simulateMarket(base);
  assert.equal(r.slots.length, 100);
  assert.equal(r.slots[99], 2000);
  for (const key of ['price', 'topShare', 'hhi', 'nakamoto', 'protocolRevenue', 'capture', 'outstanding']) {
    assert.equal(r[key].mean.length, 100, key);
    assert.ok(r[key].lo.every((lo, j) => lo <= r[key].mean[j] + 1e-12 && r[key].mean[j] <= r[key].hi[j] + 1e-12), key);
  }
  assert.equal(r.shares.length, 10);
  const last = r.shares.reduce((a, s) => a + s[99], 0);
  assert.ok(Math.abs(last - 1) < 1e-12, `${last}`);
  assert.equal(r.holders.length, 10);
  // Under second-price the top holder (capture 0.925) ends with every ticket.
  assert.equal(r.holders[0].tickets, 32);
  assert.equal(r.totals.hhi, 10000);
  const h = r.holders[0];
  assert.ok(Math.abs(h.profit - (h.built + h.resale + h.refunds - h.spent)) < 1e-9);
  assert.ok(r.totals.capture > 0 && r.totals.capture < 1, `${r.totals.capture}`);
});

test('the same seed gives the same result; every rule runs', () => {
  assert.deepEqual(et.simulateMarket(base), et.simulateMarket(base));
  const rules = [
    { rule: 'fixed', price: 0.03 }, { rule: 'first-price' }, { rule: 'eip1559', initial: 0.01 },
    { rule: 'bonding-curve', base: 0.01, slope: 2 },
  ];
  for (const pricing of rules) {
    const r = et.simulateMarket({ ...base, pricing, expiry: 64, refund: 0.5, jitResale: true, volatility: { persistence: 0.9, volatility: 0.3 } });
    assert.ok(r.totals.sold > 0, pricing.rule);
  }
  const list = et.simulateMarket({ ...base, holders: [{ budget: 10, capture: 0.9, discount: 0, margin: 0.1 }] });
  assert.equal(list.holders[0].share, 1);
});

test('bad input names the field', () => {
  const bad = (patch, re) => assert.throws(() => et.simulateMarket({ ...base, ...patch }), re);
  bad({ holders: [] }, /Error: holders: /);
  bad({ maxTickets: 0 }, /Error: maxTickets: /);
  bad({ holders: [{ budget: 1, capture: 0, discount: 0, margin: 0 }] }, /Error: holders\[0\]\.capture: /);
  bad({ holders: [{ budget: -1, capture: 0.5, discount: 0, margin: 0 }] }, /Error: holders\[0\]\.budget: /);
  bad({ holders: [{ budget: 1, capture: 0.5, discount: 0 }] }, /Error: holders\[0\]: missing field `margin`/);
  bad({ holders: { preset: 'whales', count: 3 } }, /Error: holders\.preset: /);
  bad({ pricing: { rule: 'dutch' } }, /Error: pricing\.rule: /);
  bad({ pricing: { rule: 'fixed' } }, /Error: pricing\.price: /);
  bad({ pricing: { rule: 'eip1559', initial: 1, quotient: 1 } }, /Error: pricing\.quotient: /);
  bad({ refund: 2 }, /Error: refund: /);
  bad({ colour: 'red' }, /Error: colour: unknown field/);
});
