// The shared fingerprint table (tests/fingerprints.json): the same seeded calls give the
// same bits in wasm under Node as natively (engine/tests/fingerprints.rs) and in Python
// (python/tests/test_fingerprints.py).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const et = require(path.resolve(process.env.ET_ENGINE_PKG || 'engine/pkg-node'));
const table = JSON.parse(fs.readFileSync('tests/fingerprints.json', 'utf8'));

const bits = (x) => {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  return v.getBigUint64(0).toString(16).padStart(16, '0');
};
const at = (r, p) => p.split('.').reduce((v, k) => v[/^\d+$/.test(k) ? Number(k) : k], r);

for (const [k, c] of table.cases.entries()) {
  test(`fingerprint ${k}: ${c.function}`, () => {
    const r = et[c.function](structuredClone(c.input));
    for (const p of c.paths) {
      assert.equal(bits(at(r, p)), c.expect[p][0], `${c.function} ${p}: ${at(r, p)} ≠ ${c.expect[p][1]}`);
    }
  });
}
