// The page's Monte Carlo throughput in headless Chromium: every core, one worker each.
// Usage: node tests/bench/page-mc.mjs [dist] [samples]   (after trunk build --release)
import { createRequire } from 'node:module';
import { serveStatic } from '../e2e/serve.mjs';

const require = createRequire(process.env.ET_TOOLS ? `${process.env.ET_TOOLS}/node/` : import.meta.url);
const { chromium } = require('playwright-core');
const dist = process.argv[2] || 'dist';
const samples = Number(process.argv[3] || 2e8);
const server = await serveStatic(dist);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  const base = `${origin}/#/ticket-value?n=100&d=0.01&mu=1&sd=2&reward=lognormal`;
  await page.goto(`${base}&samples=1000000&seed=1`);
  await page.waitForSelector('table.mc-result[data-rate]');
  for (let seed = 2; seed <= 4; seed++) {
    await page.goto('about:blank');
    await page.goto(`${base}&samples=${samples}&seed=${seed}`);
    await page.waitForFunction((s) => {
      const t = document.querySelector('table.mc-result[data-rate]');
      return t && Number(t.dataset.samples) > s;
    }, samples, { timeout: 300000 });
    const t = await page.$eval('table.mc-result', (t) => ({ ...t.dataset }));
    console.log(`page ticket_mc/lognormal_cv2: ${(Number(t.rate) / 1e6).toFixed(1)} M samples/s ` +
      `(${t.samples} samples incl. the curve, ${t.workers} workers, run ${seed - 1} of 3)`);
  }
} finally {
  await browser.close();
  server.close();
}
