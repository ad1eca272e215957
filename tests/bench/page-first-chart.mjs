// Time from navigation to the first chart drawn, and to the last chart drawn of the
// final view, per page, in headless Chromium (a fresh context each load, so nothing is
// cached). Best of three a page. A chart is drawn when its canvas gets `data-axes` (set
// right after drawing, src/components/chart.rs); a page that shows a first view before
// its final numbers (issue 23) says which in `.view-state[data-final]`, and its final
// time is that of the last chart drawn once final. A sweep's own charts (the Primary
// market's section.sweep) are left out: they are a separate run.
// Usage: node tests/bench/page-first-chart.mjs [dist] [page…]   (after trunk build --release)
// LOADS=n (default 3) cold loads a page; the best and the median are printed.
import { openSite } from './site.mjs';
import { watchCharts } from './watch-charts.mjs';

const dist = process.argv[2] || 'dist';
const ALL = ['ticket-value', 'allocation', 'secondary', 'primary', 'mechanisms', 'mainnet'];
const LOADS = Number(process.env.LOADS || 3);
const PAGES = process.argv.length > 3 ? process.argv.slice(3) : ALL;
const { origin, browser, close } = await openSite(dist);

/** First and final chart times of one cold load of `route`. */
async function load(route) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(watchCharts);
    await page.goto(`${origin}/#/${route}`);
    await page.waitForFunction(() => window.__charts.final !== null, null, { timeout: 60000 });
    // Settled: no main run under way (a sweep may go on), then a moment for late charts.
    await page.waitForFunction(() => !document.querySelector('section.results > .progress, .lottery-engine .progress'),
      null, { timeout: 60000 });
    await page.waitForTimeout(300);
    return await page.evaluate(() => window.__charts);
  } finally {
    await context.close();
  }
}

try {
  for (const route of PAGES) {
    const runs = [];
    for (let i = 0; i < LOADS; i++) runs.push(await load(route));
    const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2; };
    const fmt = (k) => `${Math.min(...runs.map((r) => r[k])).toFixed(0)} ms, median ${median(runs.map((r) => r[k])).toFixed(0)} (${runs.map((r) => r[k].toFixed(0)).join(', ')})`;
    console.log(`page first-chart/${route}: first ${fmt('first')}, final ${fmt('final')}`);
  }
} finally {
  await close();
}
