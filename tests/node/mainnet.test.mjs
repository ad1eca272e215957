// Mainnet data through the Node package: loading the asset, summaries against the fixture
// computed from the source CSV, and the `mainnet` reward kind.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const et = require(path.resolve(process.env.ET_ENGINE_PKG || 'engine/pkg-node'));
const bytes = fs.readFileSync('www/data/mainnet-2023-10-2024-04.bin');
const fixture = JSON.parse(fs.readFileSync('engine/tests/fixtures/mainnet_summary.json', 'utf8'));
const lottery = (reward) => ({ n: 10000, d: 1e-8, reward, samples: 200000, seed: 11 });

const close = (got, want, tol, what) =>
  assert.ok(Math.abs(got - want) <= tol, `${what}: ${got} vs ${want} (tolerance ${tol})`);

test('before loadMainnet, a mainnet reward names reward.kind', () => {
  assert.throws(() => et.simulateLottery(lottery({ kind: 'mainnet' })), /^Error: reward\.kind: mainnet data is not loaded/);
  assert.throws(() => et.mainnetSummary(), /^Error: mainnet data: /);
});

test('loadMainnet rejects a corrupt or truncated buffer', () => {
  assert.throws(() => et.loadMainnet(bytes.subarray(0, 5000)), /^Error: mainnet data: truncated at byte 5000/);
  const corrupt = Uint8Array.from(bytes);
  corrupt[100000] ^= 1;
  assert.throws(() => et.loadMainnet(corrupt), /^Error: mainnet data: checksum mismatch/);
});

test('mainnetSummary equals the fixture computed from the source CSV', () => {
  const info = et.loadMainnet(bytes);
  assert.deepEqual(info, { firstSlot: 7509685, lastSlot: 8822072, firstBlock: 18320000, slots: 1312388 });
  for (const w of fixture.windows) {
    const t0 = performance.now();
    const s = et.mainnetSummary(w.from === null ? {} : { from: w.from, to: w.to });
    const ms = performance.now() - t0;
    if (w.from === null) console.log(`# whole-range mainnetSummary: ${ms.toFixed(1)} ms`);
    const f = w.summary;
    for (const k of ['firstSlot', 'lastSlot', 'slots', 'blocks', 'missedSlots', 'withValue', 'withoutMevBoost', 'unknown']) {
      assert.equal(s[k], f[k], `${w.name}: ${k}`);
    }
    // Each value is stored to the gwei: within half a gwei of the exact wei.
    close(s.total, f.total, f.withValue * 0.5e-9 + 1e-12 * f.total, `${w.name}: total`);
    for (const k of ['mean', 'median', 'max']) close(s[k], f[k], 0.5e-9 + 1e-12 * f[k], `${w.name}: ${k}`);
    close(s.sd, f.sd, 1e-9 * f.sd, `${w.name}: sd`);
    assert.deepEqual(s.quantiles.map((q) => q.p), f.quantiles.map((q) => q.p));
    s.quantiles.forEach((q, i) => assert.equal(q.value, w.exact.quantilesGwei[i] / 1e9, `${w.name}: quantile ${q.p}`));
    assert.deepEqual(s.builders.map((b) => [b.name, b.blocks]), f.builders.map((b) => [b.name, b.blocks]));
    s.builders.forEach((b, i) => close(b.share, f.builders[i].share, 1e-14, `${w.name}: share of ${b.name}`));
    close(s.builderHhi, f.builderHhi, 1e-9, `${w.name}: HHI`);
    assert.deepEqual(s.longestRun, f.longestRun, `${w.name}: longest run`);
  }
  assert.throws(() => et.mainnetSummary({ from: 1 }), /^Error: from: /);
  assert.throws(() => et.mainnetSummary({ from: 8000000, to: 7999999 }), /^Error: to: /);
  assert.throws(() => et.mainnetSummary({ start: 1 }), /^Error: start: unknown field/);
});

test('a mainnet reward runs wherever a reward does and is deterministic', () => {
  const replay = et.simulateLottery(lottery({ kind: 'mainnet' }));
  assert.equal(replay.samples, 200000);
  assert.deepEqual(et.simulateLottery(lottery({ kind: 'mainnet' })), replay, 'same seed, same result');
  // The law's mean is the data's mean (0.1225 ETH over the blocks with a value).
  close(replay.closedFormMean * (10000 * 1e-8 + 1), fixture.windows[0].summary.mean, 1e-12, 'mean reward');
  const boot = { kind: 'mainnet', from: 7880399, to: 8103598, mode: 'resample', block: 32, missing: 'resample' };
  const a = et.simulateLottery(lottery(boot));
  assert.deepEqual(et.simulateLottery(lottery(boot)), a);
  assert.notDeepEqual(a, replay);
  const h = et.simulateHolders({ holdings: [100], others: 9900, d: 1e-8, reward: { kind: 'mainnet', missing: 'zero' }, horizon: 7200, runs: 4, seed: 1 });
  assert.equal(h.holders.length, 1);
  const m = et.compareMechanisms({ reward: { kind: 'mainnet', mode: 'resample' }, builders: [{ capture: 1 }, { capture: 0.9 }], slots: 5000, seed: 2 });
  assert.equal(m.length, 6);
  const bad = (reward, re) => assert.throws(() => et.simulateLottery(lottery(reward)), re);
  bad({ kind: 'mainnet', missing: 'drop' }, /^Error: reward\.missing: /);
  bad({ kind: 'mainnet', mode: 'shuffle' }, /^Error: reward\.mode: /);
  bad({ kind: 'mainnet', from: 1 }, /^Error: reward\.from: /);
  bad({ kind: 'mainnet', to: 9e6 }, /^Error: reward\.to: /);
  bad({ kind: 'mainnet', from: 8000000, to: 7999999 }, /^Error: reward\.to: /);
  bad({ kind: 'mainnet', mode: 'resample', block: 0 }, /^Error: reward\.block: /);
});
