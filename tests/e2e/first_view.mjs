// First views (issue 23): the Primary market and Mechanisms pages draw their charts from
// a first part of the run at once, say so, then draw the final numbers — and no task on
// the page's thread blocks it for more than 50 ms while they refine (called by run.mjs).
import { watchCharts } from '../bench/watch-charts.mjs';

/** One cold load of `route`: what `watchCharts` recorded and the status lines seen. */
async function coldLoad(browser, origin, route) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(watchCharts);
    // The first view's sentence, recorded in the page the moment it shows (a round trip
    // from here could find the final one already there).
    await page.addInitScript(() => {
      new MutationObserver(() => {
        const v = document.querySelector('.view-state[data-final="false"]');
        if (v && window.__firstText === undefined) window.__firstText = v.textContent;
      }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await page.goto(`${origin}/#/${route}`);
    const first = await (await page.waitForFunction(() => window.__firstText, null, { timeout: 30000 })).jsonValue();
    await page.waitForSelector('.view-state[data-final="true"]', { timeout: 60000 });
    await page.waitForFunction(() => !document.querySelector('section.results > .progress'), null, { timeout: 60000 });
    await page.waitForTimeout(500);
    const last = await page.textContent('.view-state');
    return { ...(await page.evaluate(() => window.__charts)), first_text: first, final_text: last };
  } finally {
    await context.close();
  }
}

export async function firstViewChecks({ check, assert, browser, origin }) {
  for (const [route, noun] of [['primary', 'runs'], ['mechanisms', 'slots']]) {
    await check(`${route}: a first view's charts, then the final ones, with no long task over 50 ms between`, async () => {
      const c = await coldLoad(browser, origin, route);
      const during = c.long.filter(([start]) => start >= c.firstView && start <= c.final);
      console.log(`     first chart ${Math.round(c.first)} ms (first view), final chart ${Math.round(c.final)} ms; ` +
        `long tasks while refining [${during.map(([s, d]) => `${d}@${s}`).join(', ')}] ms`);
      assert(c.firstView !== null && c.firstView === c.first, `the first chart is a first view's: ${JSON.stringify(c)}`);
      assert(c.final > c.firstView, `the final charts come after: ${JSON.stringify(c)}`);
      assert(new RegExp(`^First view from [0-9,]+ of [0-9,]+ ${noun} — refining`).test(c.first_text), c.first_text);
      assert(new RegExp(`^Final: all [0-9,]+ ${noun}\\.$`).test(c.final_text), c.final_text);
      assert(during.every(([, d]) => d <= 50), `long tasks while refining: ${JSON.stringify(during)}`);
    });
  }
}
