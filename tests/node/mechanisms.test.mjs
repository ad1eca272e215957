// The mechanism comparison (SPEC §5) through the Node package.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const et = require(path.resolve(process.env.ET_ENGINE_PKG || 'engine/pkg-node'));
const base = {
  reward: { kind: 'lognormal', mean: 0.05, cv: 2 },
  builders: [{ capture: 1 }, { capture: 0.95 }, { capture: 0.8 }, { capture: 0.5 }],
  spread: 0.4, localCapture: 0.3, deadlineShare: 0.25, lookahead: 32, discount: 1.9e-8,
  partialShare: 0.5, tickets: { source: 'steady-state', count: 100 },
  slots: 50000, seed: 7,
};
const names = ['block-auction', 'mev-burn', 'slot-auction', 'execution-auction', 'execution-tickets', 'partial-block'];

test('compareMechanisms returns one row a mechanism whose split sums to the value', () => {
  const rows = et.compareMechanisms(base);
  assert.deepEqual(rows.map((r) => r.mechanism), names);
  for (const r of rows) {
    const sum = r.protocol + r.proposer + r.builder + r.unextracted;
    assert.ok(Math.abs(sum - r.value) <= 1e-9 * r.value, `${r.mechanism}: ${sum} vs ${r.value}`);
    for (const k of ['value', 'protocol', 'proposer', 'builder', 'unextracted', 'hhi', 'topShare', 'oracleAccuracy']) {
      assert.ok(Number.isFinite(r.stdErrors[k]) && r.stdErrors[k] >= 0, `${r.mechanism} stdErrors.${k}`);
    }
    assert.ok(r.hhi >= 0 && r.hhi <= 10000);
    assert.equal(r.validatorIncomeRange.length, 2);
    assert.ok(r.validatorIncomeRange[0] <= r.validatorIncomeRange[1]);
  }
  assert.deepEqual(et.compareMechanisms(base), rows, 'the same seed gives the same rows');
});

test('identical builders: the block auction pays the proposer everything, the execution auction nothing', () => {
  const rows = et.compareMechanisms({
    ...base, builders: [{ capture: 1 }, { capture: 1 }, { capture: 1 }], spread: 0, localCapture: 0,
  });
  const block = rows.find((r) => r.mechanism === 'block-auction');
  assert.ok(Math.abs(block.proposer - block.value) < 1e-12 * block.value);
  assert.equal(block.builder, 0);
  const exec = rows.find((r) => r.mechanism === 'execution-auction');
  assert.equal(exec.proposer, 0);
  assert.equal(exec.validatorIncomeCv, 0);
});

test('bad input names its field', () => {
  const bad = [
    [{ ...base, builders: [{ capture: 1.5 }] }, /^builders\[0\]\.capture: /],
    [{ ...base, deadlineShare: -1 }, /^deadlineShare: /],
    [{ ...base, tickets: { source: 'raffle' } }, /^tickets\.source: must be one of steady-state, contest/],
    [{ ...base, slots: 0 }, /^slots: /],
    [{ ...base, reward: { kind: 'pareto', mean: 1, tailIndex: 0.5 } }, /^reward\.tailIndex: /],
    [{ ...base, colour: 1 }, /^colour: unknown field/],
  ];
  for (const [input, message] of bad) {
    assert.throws(() => et.compareMechanisms(input), { message });
  }
});
