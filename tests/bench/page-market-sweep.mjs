// The Primary market page's sweep in headless Chromium: the ET-Simulation default swept
// over one parameter, every study rule, one job a point × rule on the page's workers.
// Usage: node tests/bench/page-market-sweep.mjs [dist] [parameter] [points] [runs] [slots]
//   (after trunk build --release; defaults: dist holders 20 50 5000)
import { createRequire } from 'node:module';
import { serveStatic } from '../e2e/serve.mjs';

const require = createRequire(process.env.ET_TOOLS ? `${process.env.ET_TOOLS}/node/` : import.meta.url);
const { chromium } = require('playwright-core');
const [dist = 'dist', param = 'holders', points = '20', runs = '50', slots = '5000'] = process.argv.slice(2);
const server = await serveStatic(dist);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const sweep = (seed, p, r, s) =>
  `#/primary?scenario=et-simulation&sweep=${param}&spts=${p}&sruns=${r}&sslots=${s}&seed=${seed}`;
/** Waits for the sweep under way to finish; its wall time (s), jobs and note. */
async function done(page) {
  await page.waitForFunction(() => document.querySelector('.sweep-done')
    && !document.querySelector('section.sweep .progress'), null, { timeout: 600000 });
  return page.$eval('.sweep-done', (d) => ({ seconds: Number(d.dataset.seconds), jobs: d.dataset.jobs, text: d.textContent }));
}
try {
  const page = await browser.newPage();
  // Warm up: the workers start and compile the wasm on the first sweep.
  await page.goto(`${origin}/${sweep(1, 4, 2, 100)}`);
  await done(page);
  for (let seed = 2; seed <= 4; seed++) {
    await page.evaluate((h) => { location.hash = h; }, sweep(seed, points, runs, slots));
    // The pool reports a run's time from its start to its last point.
    await page.waitForFunction(() => document.querySelector('section.sweep .progress'), null, { timeout: 60000 });
    const r = await done(page);
    console.log(`page primary sweep (${param}): ${r.seconds.toFixed(2)} s for ${r.jobs} jobs — ${r.text.trim()} (run ${seed - 1} of 3)`);
  }
} finally {
  await browser.close();
  server.close();
}
