// The page's Monte Carlo throughput in headless Chromium: every core, one worker each.
// Usage: node tests/bench/page-mc.mjs [dist] [samples]   (after trunk build --release)
import { openSite, runAnyway } from './site.mjs';

const dist = process.argv[2] || 'dist';
const samples = Number(process.argv[3] || 2e8);
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
  }
} finally {
  await close();
}
