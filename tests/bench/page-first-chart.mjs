// Time from navigation to the first chart drawn, per page, in headless Chromium (a
// fresh context each load, so nothing is cached). Best of three a page.
// Usage: node tests/bench/page-first-chart.mjs [dist]   (after trunk build --release)
import { createRequire } from 'node:module';
import { serveStatic } from '../e2e/serve.mjs';

const require = createRequire(process.env.ET_TOOLS ? `${process.env.ET_TOOLS}/node/` : import.meta.url);
const { chromium } = require('playwright-core');
const dist = process.argv[2] || 'dist';
const PAGES = ['ticket-value', 'allocation', 'secondary', 'primary', 'mechanisms'];
const server = await serveStatic(dist);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

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
  await browser.close();
  server.close();
}
