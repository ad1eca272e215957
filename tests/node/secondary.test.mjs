// The secondary market through the Node package.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const et = require(path.resolve(process.env.ET_ENGINE_PKG || 'engine/pkg-node'));
const base = {
  maturity: 24, mu: 1, sigma: 0.1, buyers: [{ cost: 0.2, arrival: 0 }, { cost: 0.1, arrival: 24 }],
  sellerCost: null, sellerDiscount: 0.01, buyerDiscount: 0.01, riskAversion: 0.3, holdingCost: 0, format: 'second-price',
};

test('secondaryMarket returns the outputs of SPEC §6', () => {
  const r = et.secondaryMarket(base);
  const total = r.saleProbabilityBySlot.reduce((a, b) => a + b, 0) + r.sellerExerciseProbability + r.lapseProbability;
  assert.ok(Math.abs(total - 1) < 1e-12, `${total}`);
  assert.equal(r.saleProbabilityBySlot.length, 25);
  assert.equal(r.forcedSaleRevenue.length, 25);
  assert.equal(r.policy.length, 25);
  assert.ok(/^[swel]$/.test(r.policy[0]) && r.policy[24].length === 25, r.policy[0]);
  assert.ok(r.revenue > 0);
});

test('bad input names the field', () => {
  assert.throws(() => et.secondaryMarket({ ...base, maturity: 0 }), /Error: maturity: /);
  assert.throws(() => et.secondaryMarket({ ...base, buyers: [] }), /Error: buyers: /);
  assert.throws(() => et.secondaryMarket({ ...base, buyers: [{ cost: 0.1, arrival: 99 }] }), /Error: buyers\[0\]\.arrival: /);
  assert.throws(() => et.secondaryMarket({ ...base, format: 'dutch' }), /Error: format: /);
  assert.throws(() => et.secondaryMarket({ ...base, sigma: -1 }), /Error: sigma: /);
});
