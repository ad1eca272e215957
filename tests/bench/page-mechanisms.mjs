// The Mechanisms page's run time in headless Chromium on the page's workers: 10⁶ slots ×
// 6 mechanisms × 10 builders, plus the page's default sweep (16 points × 50,000 slots).
// Usage: node tests/bench/page-mechanisms.mjs [dist]   (after trunk build --release)
import { openSite, runAnyway } from './site.mjs';

const dist = process.argv[2] || 'dist';
const { origin, browser, close } = await openSite(dist);
const captures = '1,0.97,0.94,0.9,0.85,0.8,0.7,0.6,0.5,0.4';
try {
  const page = await browser.newPage();
  for (let seed = 1; seed <= 4; seed++) {
    await page.goto('about:blank');
    await page.goto(`${origin}/#/mechanisms?slots=1000000&c=${captures}&spread=0.5&seed=${seed}`);
    await runAnyway(page);
    await page.waitForFunction(() => {
      const p = document.querySelector('.run-time');
      return p && p.dataset.slots === '1000000';
    }, null, { timeout: 120000 });
    const t = await page.$eval('.run-time', (p) => ({ ...p.dataset }));
    if (seed > 1) {
      console.log(`page mechanisms 10^6 slots × 10 builders + sweep (${t.sweepSlots} slots): ` +
        `${(Number(t.seconds) * 1000).toFixed(0)} ms on ${t.workers} workers (run ${seed - 1} of 3)`);
    }
  }
} finally {
  await close();
}
