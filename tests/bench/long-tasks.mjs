// Long tasks (> 50 ms on the page's thread) while each page's long work runs:
// `node tests/bench/long-tasks.mjs dist` prints them for a few seconds of each run.
import { openSite, runAnyway } from './site.mjs';

const dist = process.argv[2] || 'dist';
const RUNS = {
  'ticket-value Monte Carlo': ['ticket-value?samples=2e8', '.lottery-engine .progress'],
  'primary default': ['primary', 'section.results > .progress'],
  'primary run': ['primary?scenario=classic&runs=300&slots=20000', 'section.results > .progress'],
  'primary sweep': ['primary?sweep=holders&sruns=50&sslots=5000', 'section.results > .progress'],
  'mechanisms default': ['mechanisms', '.progress'],
  'mechanisms run': ['mechanisms?slots=1e7', '.progress'],
};

const { origin, browser, close } = await openSite(dist);
try {
  for (const [name, [route, busy]] of Object.entries(RUNS)) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([Math.round(e.startTime), Math.round(e.duration)]); })
        .observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${origin}/#/${route}`);
    await runAnyway(page);
    await page.waitForSelector(busy, { timeout: 20000 }).catch(() => null);
    const t0 = Date.now();
    await page.waitForSelector(busy, { state: 'detached', timeout: 8000 }).catch(() => null);
    await page.waitForTimeout(500);
    const long = (await page.evaluate(() => window.__longTasks)).map(([t, d]) => `${d}@${t}`);
    console.log(`${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s watched, long tasks [${long.join(', ')}] ms`);
    await page.close();
  }
} finally {
  await close();
}
