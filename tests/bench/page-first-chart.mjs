// Time from navigation to the first chart drawn, per page, in headless Chromium (a
// fresh context each load, so nothing is cached). Best of three a page.
// Usage: node tests/bench/page-first-chart.mjs [dist]   (after trunk build --release)
import { openSite } from './site.mjs';

const dist = process.argv[2] || 'dist';
const PAGES = ['ticket-value', 'allocation', 'secondary', 'primary', 'mechanisms', 'mainnet'];
const { origin, browser, close } = await openSite(dist);

/** Milliseconds from navigation start to the first non-blank chart canvas. */
async function firstChart(route) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/#/${route}`);
    await page.waitForFunction(() => [...document.querySelectorAll('figure.chart canvas')]
      .some((c) => c.width > 0 && c.toDataURL().length > 5000), null, { timeout: 60000, polling: 'raf' });
    return await page.evaluate(() => performance.now());
  } finally {
    await context.close();
  }
}

try {
  for (const route of PAGES) {
    const times = [];
    for (let i = 0; i < 3; i++) times.push(await firstChart(route));
    console.log(`page first-chart/${route}: ${Math.min(...times).toFixed(0)} ms ` +
      `(best of 3: ${times.map((t) => t.toFixed(0)).join(', ')})`);
  }
} finally {
  await close();
}
