// The engine's Node package (wasm-pack build engine --target nodejs -- --features js),
// imported as a user would. Run: node --test tests/node/
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const pkg = path.resolve(process.env.ET_ENGINE_PKG || 'engine/pkg-node');
const et = require(pkg);

const rel = (a, b) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));

test('ticketValue gives SPEC §1 closed forms', () => {
  const r = et.ticketValue({ mu: 1, varR: 0, d: 0.01, n: 100 });
  assert.ok(rel(r.ticketValue, 0.5) < 1e-15);
  assert.ok(rel(r.totalNpv, 100) < 1e-15);
  assert.ok(rel(r.issuedValue, 50) < 1e-15);
  assert.ok(rel(r.unissuedValue, 50) < 1e-13);
  assert.equal(r.expectedWaitSlots, 100);
  // Var = mu² n (n−1) d² / ((1 + n d (d + 2)) (n d + 1)²) with varR = 0.
  const a = 1 + 100 * 0.01 * 2.01;
  assert.ok(rel(r.ticketVariance, (100 * 99 * 1e-4) / (a * 4)) < 1e-13);
  assert.equal(r.shareValue, undefined);
});

test('ticketValue takes a share and a lookahead', () => {
  const r = et.ticketValue({ mu: 1, varR: 1, d: 0.01, n: 100, share: 0.25, lookahead: 2 });
  assert.ok(rel(r.ticketValue, 0.5 / 1.01 ** 2) < 1e-14);
  assert.ok(rel(r.shareValue, 0.25 * 100 * r.ticketValue) < 1e-14);
});

test('bad input throws an Error naming the field', () => {
  const cases = [
    [{ mu: 1, varR: 0, d: 0, n: 10 }, /^d: /],
    [{ mu: -1, varR: 0, d: 0.1, n: 10 }, /^mu: /],
    [{ mu: 1, varR: 0, d: 0.1, n: 0.5 }, /^n: /],
    [{ mu: 1, varR: 0, d: 0.1, n: 10, share: 2 }, /^share: /],
    [{ mu: 1, varR: 0, d: 0.1, n: 10, lookahead: -3 }, /^lookahead: /],
    [{ mu: 1, varR: 'x', d: 0.1, n: 10 }, /^varR: /],
    [{ mu: 1, d: 0.1, n: 10 }, /varR/],
    [{ mu: 1, varR: 0, d: 0.1, n: 10, extra: 1 }, /extra/],
  ];
  for (const [input, re] of cases) {
    assert.throws(() => et.ticketValue(input), (e) => e instanceof Error && re.test(e.message), JSON.stringify(input));
  }
  assert.throws(() => et.ticketValue(42), /input/);
});

test('perSlotRate converts an annual rate', () => {
  assert.ok(rel(et.perSlotRate(0.04), Math.expm1(Math.log1p(0.04) / 2629800)) < 1e-12);
  assert.throws(() => et.perSlotRate(-1), /annualRate/);
});
