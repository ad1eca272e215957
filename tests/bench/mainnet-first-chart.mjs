// The Mainnet page: milliseconds from the data file's last byte (the response's end, in
// the page's Resource Timing) to the first chart drawn, and to every data chart drawn,
// in headless Chromium; a fresh context each load. Best of three. A chart counts as drawn
// when its canvas carries `data-axes` (set by the Chart component right after drawing:
// polling it costs nothing, where reading canvases back every frame would slow the page).
// Usage: node tests/bench/mainnet-first-chart.mjs [dist]   (after trunk build --release)
import { openSite } from './site.mjs';

const dist = process.argv[2] || 'dist';
const { origin, browser, close } = await openSite(dist);

async function once() {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/#/mainnet`);
    const drawn = (n) => page.waitForFunction((k) => [...document.querySelectorAll('figure.chart canvas')]
      .filter((c) => c.hasAttribute('data-axes')).length >= k, n, { timeout: 60000, polling: 'raf' });
    await drawn(1);
    const first = await page.evaluate(() => performance.now());
    await drawn(6);
    const six = await page.evaluate(() => performance.now());
    const arrived = await page.evaluate(() => performance.getEntriesByType('resource')
      .find((e) => e.name.includes('data/mainnet-'))?.responseEnd);
    return [first - arrived, six - arrived];
  } finally {
    await context.close();
  }
}

try {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await once());
  const best = (k) => Math.min(...runs.map((r) => r[k])).toFixed(0);
  console.log(`mainnet first chart after the data: ${best(0)} ms; the six data and ticket charts: ${best(1)} ms ` +
    `(best of 3: ${runs.map((r) => r.map((t) => t.toFixed(0)).join('/')).join(', ')})`);
} finally {
  await close();
}
