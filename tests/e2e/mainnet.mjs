// The Mainnet page (issue 20): the data arrives with progress and the charts follow; a
// link restores the window; a failed or cut-off download says so with Retry, changes
// nothing else, and Retry then works. Called by run.mjs (the per-page checks — axes,
// axe-core, phone widths, downloads — come from its list of pages).

const DATA = '**/data/mainnet-2023-10-2024-04.bin';
/** The charts of the page: payments, tail, builders, ticket, payback, streak, capture, concentration. */
export const MAINNET_CHARTS = 8;
// November 2023 (UTC): its first and last slots.
const NOV = { from: 7_664_399, to: 7_880_398 };

/** Waits until `count` charts are drawn (non-blank). */
async function drawn(page, count) {
  await page.waitForFunction((n) => {
    const cs = [...document.querySelectorAll('figure.chart canvas')];
    return cs.length >= n && cs.every((c) => c.width > 0 && c.toDataURL().length > 5000);
  }, count, { timeout: 60000 });
}

export async function mainnetChecks({ check, assert, browser, origin, shots }) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  try {
    await check('mainnet page: progress while the data comes (bytes of 6.1 MB), then every chart, the reading and the numbers', async () => {
      // Hold the file back a moment so that the progress shows.
      await page.route(DATA, async (route) => {
        await new Promise((r) => setTimeout(r, 800));
        // A worker's request may be gone by then (its worker replaced): nothing to continue.
        await route.continue().catch(() => {});
      }, { times: 1 });
      await page.goto(`${origin}/#/mainnet`);
      const progress = page.locator('.mainnet-load progress');
      await progress.waitFor({ timeout: 20000 });
      const text = await page.textContent('.mainnet-load');
      assert(/Loading the mainnet data: [0-9.]+ of 6\.1 MB/.test(text), text);
      await drawn(page, MAINNET_CHARTS);
      const names = await page.$$eval('figure.chart', (fs) => fs.map((f) => f.dataset.chart).join(','));
      assert(names === 'payments,tail,builders,ticket,payback,streak,capture,concentration', names);
      const verdict = await page.textContent('.verdict');
      assert(verdict.startsWith('From 2023-10-10 to 2024-04-09 (1,312,388 slots)') && verdict.includes('α̂ = ') && verdict.includes('protocol would have captured'), verdict);
      assert((await page.textContent('table.mainnet-summary')).includes('1,182,839'), 'blocks with a value');
      assert((await page.textContent('.mainnet-ready')).includes('CC0'), 'the credit');
      await page.screenshot({ path: `${shots}/mainnet.png`, fullPage: true });
    });

    await check('mainnet page: its link restores the window; a preset and a date change it and the link follows', async () => {
      await page.goto('about:blank');
      await page.goto(`${origin}/#/mainnet?from=${NOV.from}&to=${NOV.to}&n=1000&missing=zero&mode=resample`);
      await drawn(page, 6);
      assert(await page.inputValue('#ctl-from-date') === '2023-11-01' && await page.inputValue('#ctl-to-date') === '2023-11-30', 'the dates');
      assert((await page.textContent('.verdict')).startsWith('From 2023-11-01 to 2023-11-30 (216,000 slots)'), await page.textContent('.verdict'));
      // Options are indices: zero is the second missing-slot choice, resample the second mode.
      assert(await page.inputValue('#ctl-missing') === '1' && await page.inputValue('#ctl-mode') === '1', 'the choices');
      await page.click('button.preset:has-text("Dec 2023")');
      await page.waitForFunction(() => location.hash.includes('from=7880399'));
      await page.waitForFunction(() => document.querySelector('.verdict').textContent.startsWith('From 2023-12-01 to 2023-12-31'));
      await page.fill('#ctl-to-date', '2023-12-10');
      await page.dispatchEvent('#ctl-to-date', 'change');
      await page.waitForFunction(() => document.querySelector('.verdict').textContent.startsWith('From 2023-12-01 to 2023-12-10'));
      const hash = await page.evaluate(() => location.hash);
      await page.goto('about:blank');
      await page.goto(`${origin}/${hash}`);
      await drawn(page, 6);
      assert((await page.textContent('.verdict')).startsWith('From 2023-12-01 to 2023-12-10'), 'the link restores it');
    });

    await check('mainnet page: a failed download says so with Retry and leaves the controls; a cut-off one too; Retry then works', async () => {
      await page.goto('about:blank');
      await page.route(DATA, (route) => route.abort('failed'), { times: 1 });
      await page.goto(`${origin}/#/mainnet?n=500`);
      await page.waitForSelector('.mainnet-failed button.retry', { timeout: 20000 });
      assert((await page.textContent('.mainnet-failed')).includes('could not be loaded'), await page.textContent('.mainnet-failed'));
      assert(await page.locator('aside.controls').count() === 1 && await page.inputValue('#ctl-n-text') === '500', 'the controls stay');
      // Cut off: a response that ends early is refused by the decoder (length and CRC).
      await page.route(DATA, async (route) => {
        const full = await route.fetch();
        await route.fulfill({ status: 200, contentType: 'application/octet-stream', body: (await full.body()).subarray(0, 1_000_000) });
      }, { times: 1 });
      await page.click('.mainnet-failed button.retry');
      await page.waitForFunction(() => /truncated/.test(document.querySelector('.mainnet-failed')?.textContent || ''), null, { timeout: 20000 });
      await page.click('.mainnet-failed button.retry');
      await drawn(page, MAINNET_CHARTS);
      assert(await page.locator('.mainnet-failed').count() === 0, 'the failure notice goes');
      assert(new URL(page.url()).hash.includes('n=500'), 'the link kept its n');
    });

    await check('ticket value: choosing mainnet data shows its progress, then the Monte Carlo on the six months', async () => {
      await page.goto('about:blank');
      await page.goto(`${origin}/#/ticket-value`);
      await drawn(page, 4);
      await page.route(DATA, async (route) => {
        await new Promise((r) => setTimeout(r, 800));
        // A worker's request may be gone by then (its worker replaced): nothing to continue.
        await route.continue().catch(() => {});
      }, { times: 1 });
      await page.selectOption('#ctl-reward', { label: 'Mainnet, Oct 2023 – Apr 2024 (replayed)' });
      await page.locator('.mainnet-choice progress').waitFor({ timeout: 20000 });
      await page.locator('.mainnet-choice .mainnet-ready').waitFor({ timeout: 30000 });
      await page.waitForFunction(() => location.hash.includes('reward=mainnet'));
      await page.waitForFunction(() => !document.querySelector('.progress') && document.querySelector('figure[data-chart="mc"] canvas'), null, { timeout: 90000 })
        .catch(async (e) => { throw new Error(`${e.message}: ${await page.$$eval('.progress, .long-work, .lottery-engine [role=status], [role=alert]', (xs) => xs.map((x) => x.className + ': ' + x.textContent).join(' | '))}`); });
      const alerts = await page.$$eval('[role=alert]', (xs) => xs.map((x) => x.textContent).filter((t) => t.trim()));
      assert(alerts.length === 0, alerts.join('\n'));
      const controls = await page.textContent('aside.controls');
      assert(controls.includes('in force: mean 0.1225 ETH, sd 1.72 ETH'), 'the closed forms at the data\'s moments');
    });

    await check('primary market and mechanisms: the mainnet reward loads the data and runs', async () => {
      for (const key of ['mechanisms', 'primary']) {
        await page.goto('about:blank');
        await page.goto(`${origin}/#/${key}?reward=mainnet`);
        await page.locator('.mainnet-choice .mainnet-ready').waitFor({ timeout: 30000 });
        await page.waitForFunction(() => !document.querySelector('.progress') && document.querySelectorAll('figure.chart canvas').length >= 3, null, { timeout: 90000 });
        const alerts = await page.$$eval('[role=alert]', (xs) => xs.map((x) => x.textContent).filter((t) => t.trim()));
        assert(alerts.length === 0, `${key}: ${alerts.join('\n')}`);
      }
    });
  } finally {
    await ctx.close();
  }
}
