// Secondary-market timing in wasm under Node: T = 512 with 32 buyers, and a 50-point sweep.
// Usage: node tests/bench/wasm-secondary.mjs [pkg dir]
import { createRequire } from 'node:module';
import path from 'node:path';
import { time } from './timing.mjs';

const require = createRequire(import.meta.url);
const et = require(path.resolve(process.argv[2] || 'engine/pkg-node'));
const buyers = Array.from({ length: 32 }, (_, i) => ({ cost: 0.001 * i, arrival: (i * 16) % 513 }));
const input = {
  maturity: 512, mu: 0.05, sigma: 0.02, buyers, sellerCost: 0.005, sellerDiscount: 0.0002,
  buyerDiscount: 0.0001, riskAversion: 2, holdingCost: 0.00001, format: 'second-price',
};
time('secondary market, T = 512, 32 buyers', () => et.secondaryMarket(input));
const small = { ...input, maturity: 64, buyers: buyers.slice(0, 3).map((b, i) => ({ ...b, arrival: [0, 0, 64][i] })) };
time('50-point sweep, T = 64, 3 buyers', () => {
  for (let k = 0; k < 50; k++) et.secondaryMarket({ ...small, riskAversion: k * 0.4 });
});
