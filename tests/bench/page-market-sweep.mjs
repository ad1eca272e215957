// The Primary market page's sweep in headless Chromium: the ET-Simulation default swept
// over one parameter, every study rule, one job a point × rule on the page's workers.
// Usage: node tests/bench/page-market-sweep.mjs [dist] [parameter] [points] [runs] [slots]
//   (after trunk build --release; defaults: dist holders 20 50 5000)
import { openSite, runAnyway } from './site.mjs';

const [dist = 'dist', param = 'holders', points = '20', runs = '50', slots = '5000'] = process.argv.slice(2);
const { origin, browser, close } = await openSite(dist);
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
    await runAnyway(page);
    // The pool reports a run's time from its start to its last point.
    await page.waitForFunction(() => document.querySelector('section.sweep .progress'), null, { timeout: 60000 });
    const r = await done(page);
    console.log(`page primary sweep (${param}): ${r.seconds.toFixed(2)} s for ${r.jobs} jobs — ${r.text.trim()} (run ${seed - 1} of 3)`);
  }
} finally {
  await close();
}
