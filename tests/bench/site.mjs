// The built site served on localhost and a headless Chromium, for the page benchmarks.
import { createRequire } from 'node:module';
import { serveStatic } from '../e2e/serve.mjs';

const require = createRequire(process.env.ET_TOOLS ? `${process.env.ET_TOOLS}/node/` : import.meta.url);
const { chromium } = require('playwright-core');

/** Serves `dist` and starts Chromium: `{ origin, browser, close }`. */
export async function openSite(dist) {
  const server = await serveStatic(dist);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const close = async () => {
    await browser.close();
    server.close();
  };
  return { origin, browser, close };
}

/** Starts the run a page holds back as long (its "Run anyway"), if it does within a
 * few seconds; the timed figures are the pool's own, from the run's start. */
export async function runAnyway(page) {
  const button = await page.waitForSelector('.run-anyway', { timeout: 3000 }).catch(() => null);
  if (button) await button.click();
}

/** An init script: `window.__axes` lists [ms from navigation, chart label] as each chart
 * is drawn (its canvas gets `data-axes`), for the diagnostics' timelines. */
export function watchAxes() {
  window.__axes = [];
  new MutationObserver((ms) => {
    for (const m of ms) window.__axes.push([Math.round(performance.now()), m.target.getAttribute('aria-label')?.slice(0, 30)]);
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-axes'] });
}
