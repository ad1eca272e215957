// The page's Monte Carlo throughput in headless Chromium: every core, one worker each,
// against NumPy on one core measured in the same run (before and after the page's runs):
// prints the page's rate per core over NumPy's (issue 23: ≥ 2×).
// Usage: node tests/bench/page-mc.mjs [dist] [samples]   (after trunk build --release)
import os from 'node:os';
import { numpyRate } from './numpy-rate.mjs';
import { openSite, runAnyway } from './site.mjs';

const dist = process.argv[2] || 'dist';
const samples = Number(process.argv[3] || 2e8);
let numpy = numpyRate();
let best = 0;
let workers = 1;
const { origin, browser, close } = await openSite(dist);
try {
  const page = await browser.newPage();
  const base = `${origin}/#/ticket-value?n=100&d=0.01&mu=1&sd=2&reward=lognormal`;
  await page.goto(`${base}&samples=1000000&seed=1`);
  await page.waitForSelector('table.mc-result[data-rate]');
  for (let seed = 2; seed <= 4; seed++) {
    await page.goto('about:blank');
    await page.goto(`${base}&samples=${samples}&seed=${seed}`);
    await runAnyway(page);
    await page.waitForFunction((s) => {
      const t = document.querySelector('table.mc-result[data-rate]');
      return t && Number(t.dataset.samples) > s;
    }, samples, { timeout: 300000 });
    const t = await page.$eval('table.mc-result', (t) => ({ ...t.dataset }));
    console.log(`page ticket_mc/lognormal_cv2: ${(Number(t.rate) / 1e6).toFixed(1)} M samples/s ` +
      `(${t.samples} samples incl. the curve, ${t.workers} workers, run ${seed - 1} of 3)`);
    best = Math.max(best, Number(t.rate) / 1e6);
    workers = Number(t.workers);
  }
} finally {
  await close();
}
numpy = Math.max(numpy, numpyRate());
const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`numpy (1 core): ${numpy.toFixed(1)} M samples/s (best of 2, before and after)`);
console.log(`page per core: ${(best / workers).toFixed(1)} M samples/s (best ${best.toFixed(1)} on ${workers} workers)`);
console.log(`ratio page per core / numpy: ${(best / workers / numpy).toFixed(2)}× (goal ≥ 2×; load average ${load} on ${os.cpus().length} cores)`);
