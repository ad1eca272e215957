// Long work announced before it starts, frames kept short while it runs, focus after a
// holder is removed (issue #15; called by run.mjs; 360 px is checked in a11y.mjs).

/** Opens `url` fresh (a hash change alone would keep the page's state). */
async function fresh(page, url) {
  await page.goto('about:blank');
  await page.goto(url);
}

/** Starts collecting long tasks (> 50 ms on the main thread) in `window.__longTasks`:
 * each its duration and its start in ms from now. */
async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__longTasks = [];
    const t0 = performance.now();
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__longTasks.push([Math.round(e.duration), Math.round(e.startTime - t0)]);
    }).observe({ type: 'longtask' });
  });
}

export async function longWorkChecks({ check, assert, page, browser, origin, pages }) {
  const BIG = `${origin}/#/primary?scenario=classic&runs=500&slots=1000000&N=100000&count=200`;
  await check('a long primary run from a link waits with its estimate; Run anyway starts it, Cancel stops it', async () => {
    await fresh(page, BIG);
    const notice = page.locator('.results > .long-work .long-work-notice');
    await notice.waitFor({ timeout: 30000 });
    const text = await notice.textContent();
    assert(/Simulation: estimated at about [0-9.,]+ (minutes|hours)/.test(text) && text.includes('500 runs × 1,000,000 slots × 200 holders'), text);
    assert(await page.$eval('.results > .long-work', (d) => d.getAttribute('aria-live')) === 'polite', 'announced');
    await page.waitForTimeout(1500);
    assert(await page.locator('section.results > .progress').count() === 0, 'it did not start by itself');
    await page.focus('.results > .long-work .run-anyway');
    await page.keyboard.press('Enter');
    await page.waitForSelector('section.results > .progress .cancel', { timeout: 10000 });
    assert(await notice.count() === 0, 'the notice goes once it runs');
    await page.click('section.results > .progress .cancel');
    await page.waitForSelector('section.results > .progress', { state: 'detached' });
    assert((await page.textContent('.results')).includes('cancelled'), 'says it was cancelled');
  });

  await check('a big Monte Carlo waits; once confirmed, no frame is blocked for more than 50 ms', async () => {
    await fresh(page, `${origin}/#/ticket-value?samples=1e9`);
    await page.waitForSelector('.lottery-engine .long-work-notice', { timeout: 30000 });
    await page.waitForTimeout(500);
    await watchLongTasks(page);
    await page.click('.lottery-engine .run-anyway');
    await page.waitForSelector('.lottery-engine .progress .cancel');
    await page.waitForTimeout(5000);
    const long = await page.evaluate(() => window.__longTasks);
    await page.click('.lottery-engine .progress .cancel');
    const shown = long.map(([d, t]) => `${d} ms at ${t} ms`).join(', ');
    console.log(`     long tasks while the Monte Carlo ran: [${shown}]`);
    assert(long.every(([d]) => d <= 50), `long tasks: ${shown} (from the click)`);
  });

  await check('removing a holder moves the focus to the neighbouring Remove button', async () => {
    await fresh(page, `${origin}/#/primary?scenario=classic&rule=second-price`);
    await page.click('.holders-edit summary');
    const last = (await page.$$('.holders-table button.remove')).length - 1;
    await page.click(`#holder-remove-${last}`);
    await page.waitForFunction((n) => document.querySelectorAll('.holders-table button.remove').length === n, last);
    assert(await page.evaluate(() => document.activeElement.id) === `holder-remove-${last - 1}`, 'the new last row');
    await page.click('#holder-remove-2');
    await page.waitForFunction((n) => document.querySelectorAll('.holders-table button.remove').length === n, last - 1);
    const id = await page.evaluate(() => document.activeElement.id);
    assert(id === 'holder-remove-2', `focus on ${id}`);
  });
}
