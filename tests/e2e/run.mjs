// End-to-end test of the built site in headless Chromium (playwright-core).
// Usage: node tests/e2e/run.mjs [dist] [screenshot dir]
import fs from 'node:fs';
import http from 'node:http';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { serveStatic } from './serve.mjs';
import { a11yChecks, embedChecks, focusChecks } from './a11y.mjs';
import { longWorkChecks } from './long_work.mjs';
import { firstViewChecks } from './first_view.mjs';
import { publishChecks } from './publish.mjs';
import { mainnetChecks, MAINNET_CHARTS } from './mainnet.mjs';

// playwright-core lives with the project's other tools (scripts/setup), not in the repo.
const require = createRequire(process.env.ET_TOOLS ? `${process.env.ET_TOOLS}/node/` : import.meta.url);
const { chromium } = require('playwright-core');

const dist = process.argv[2] || 'dist';
const shots = process.argv[3] || 'target/screenshots';
fs.mkdirSync(shots, { recursive: true });

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const results = [];
async function check(name, fn) {
  try {
    await fn();
    results.push([name, true]);
    console.log(`ok   ${name}`);
  } catch (e) {
    results.push([name, false]);
    console.log(`FAIL ${name}\n     ${String(e && e.stack || e).split('\n').slice(0, 4).join('\n     ')}`);
  }
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

/** Per canvas: its name and the fraction of pixels that are not white. */
async function canvasInk(page) {
  return page.$$eval('figure.chart', (figs) => figs.map((f) => {
    const c = f.querySelector('canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 245 || d[i + 1] < 245 || d[i + 2] < 245) ink++;
    return { name: f.dataset.chart, ink: ink / (c.width * c.height), width: c.width };
  }));
}
const dataUrl = (page, name) =>
  page.$eval(`figure[data-chart="${name}"] canvas`, (c) => c.toDataURL());

/** Waits until `count` charts are drawn (non-blank). */
async function chartsDrawn(page, count) {
  await page.waitForFunction((n) => {
    const cs = [...document.querySelectorAll('figure.chart canvas')];
    return cs.length === n && cs.every((c) => c.width > 0 && c.dataset && c.toDataURL().length > 5000);
  }, count, { timeout: 20000 });
}

/** Waits until the numbers shown are a run's final ones, not a first view (issue 23). */
const finalView = (page) => page.waitForSelector('.view-state[data-final="true"]', { timeout: 60000 });

// Weight (issue 15): each page's own wasm (one bundle a page, index.html), gzip -9,
// at most 350 KB (BENCHMARKS.md, Weight).
const PAGE_WASM_GZIP_BUDGET = 350_000;
const PAGE_BUNDLES = ['ticket-value', 'allocation', 'secondary', 'primary', 'mechanisms', 'mainnet'];
await check(`every page's wasm is at most ${PAGE_WASM_GZIP_BUDGET} bytes gzipped`, async () => {
  for (const key of PAGE_BUNDLES) {
    const name = `page-${key}_bg.wasm`;
    assert(fs.existsSync(`${dist}/${name}`), `no ${name} in ${dist}`);
    const gz = zlib.gzipSync(fs.readFileSync(`${dist}/${name}`), { level: 9 }).length;
    console.log(`     ${name}: ${gz} bytes gzipped`);
    assert(gz <= PAGE_WASM_GZIP_BUDGET, `${name} is ${gz} bytes gzipped, over ${PAGE_WASM_GZIP_BUDGET}`);
  }
});

/** Confirms a run in `scope` that the page holds back as long, if it does (the estimate
 * depends on the number of cores), else waits for the run to show. */
async function confirmIfAsked(page, scope) {
  await page.waitForSelector(`${scope} .run-anyway, ${scope} .progress`, { timeout: 20000 });
  if (await page.locator(`${scope} .run-anyway`).count()) await page.click(`${scope} .run-anyway`);
}

const server = await serveStatic(dist);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 });
const page = await context.newPage();
const consoleErrors = [];
const foreign = [];
const allowedOrigins = [origin];
page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
page.on('pageerror', (e) => consoleErrors.push(String(e)));
context.on('request', (r) => {
  const u = r.url();
  if (!allowedOrigins.some((o) => u.startsWith(o + '/')) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
});

const TICKET = `${origin}/#/ticket-value`;
// Three closed-form charts, Monte Carlo vs n, the histogram, streaks, pools, holders.
const TICKET_CHARTS = 8;
try {
  await check('ticket value page loads with every chart drawn', async () => {
    await page.goto(TICKET);
    await chartsDrawn(page, TICKET_CHARTS);
    const inks = await canvasInk(page);
    for (const c of inks) assert(c.ink > 0.01 && c.ink < 0.6, `${c.name} looks blank: ${JSON.stringify(c)}`);
    assert(await page.locator('h2', { hasText: 'Inputs' }).count() === 1, 'controls shown');
    await page.screenshot({ path: `${shots}/ticket-value.png`, fullPage: true });
  });

  await check('moving the n slider with the keyboard redraws its chart and updates the URL', async () => {
    const before = await dataUrl(page, 'value');
    const n = page.locator('#ctl-n');
    await n.focus();
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction((b) => document.querySelector('figure[data-chart="value"] canvas').toDataURL() !== b, before);
    await page.waitForFunction(() => location.hash.includes(`&n=${document.querySelector('#ctl-n-text').value}&`));
    const text = await page.inputValue('#ctl-n-text');
    assert(Number(text) > 10000, `n moved up: ${text}`);
  });

  await check('typing a value applies it; a bad one is kept with a message naming the field', async () => {
    await page.fill('#ctl-mu-text', '0.2');
    await page.press('#ctl-mu-text', 'Enter');
    await page.waitForFunction(() => location.hash.includes('mu=0.2'));
    await page.fill('#ctl-mu-text', 'abc');
    await page.press('#ctl-mu-text', 'Enter');
    const msg = await page.textContent('.slider.invalid .field-error');
    assert(msg.includes('Mean reward μ'), msg);
    assert(await page.inputValue('#ctl-mu-text') === 'abc', 'typed text kept');
    assert(page.url().includes('mu=0.2'), 'last valid value in force');
  });

  await check('reloading the URL restores the state and the drawing exactly', async () => {
    await page.fill('#ctl-mu-text', '0.2');
    await page.press('#ctl-mu-text', 'Enter');
    await page.fill('#ctl-m-text', '32');
    await page.press('#ctl-m-text', 'Enter');
    await page.waitForFunction(() => location.hash.includes('m=32'));
    const url = page.url();
    const before = await dataUrl(page, 'value');
    const fields = await page.$$eval('input.number', (xs) => xs.map((x) => x.value));
    await page.goto('about:blank');
    await page.goto(url);
    await chartsDrawn(page, TICKET_CHARTS);
    assert(page.url() === url, `URL kept: ${page.url()} vs ${url}`);
    const after = await page.$$eval('input.number', (xs) => xs.map((x) => x.value));
    assert(JSON.stringify(after) === JSON.stringify(fields), `${after} vs ${fields}`);
    assert(await dataUrl(page, 'value') === before, 'same drawing after reload');
  });

  await check('hovering a chart reads out the nearest point', async () => {
    const box = await page.locator('figure[data-chart="value"] canvas').boundingBox();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    const text = await page.locator('figure[data-chart="value"] .readout').textContent({ timeout: 5000 });
    assert(text.includes('Tickets outstanding n =') && text.includes('E[V]:') && text.includes('ETH'), text);
    await page.mouse.move(0, 0);
  });

  await check('malformed URL parameters fall back to defaults with a notice naming them', async () => {
    await page.goto(`${TICKET}?n=abc&mu=-1&sd=0.3&bogus=%3Cb%3Ex`);
    await chartsDrawn(page, TICKET_CHARTS);
    // The page's notices (the app's own, first, name the link's missing model version).
    const notices = (await page.locator('.notices').allTextContents()).join(' ');
    assert(notices.includes('n=abc') && notices.includes('mu=-1') && notices.includes('bogus'), notices);
    assert(await page.locator('.notices b').count() === 0, 'URL text is never HTML');
    assert(await page.inputValue('#ctl-n-text') === '10000', 'n default');
    assert(await page.inputValue('#ctl-sd-text') === '0.3', 'valid sd kept');
    await page.screenshot({ path: `${shots}/ticket-value-notices.png` });
  });

  await check('an unknown page says so and shows the ticket page', async () => {
    await page.goto(`${origin}/#/nowhere`);
    await chartsDrawn(page, TICKET_CHARTS);
    assert((await page.textContent('.notices')).includes('nowhere'), 'notice');
  });

  await check('each page loads only its own bundle; the navigation and Back move between bundles', async () => {
    const wasm = [];
    const seen = (r) => {
      const u = new URL(r.url());
      if (u.pathname.endsWith('_bg.wasm')) wasm.push(`${u.pathname.split('/').pop()}${u.search}`);
    };
    await page.goto('about:blank');
    page.on('request', seen);
    await page.goto(TICKET);
    await chartsDrawn(page, TICKET_CHARTS);
    await page.click('nav[aria-label=Pages] a[href="#/primary"]');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Primary market', null, { timeout: 20000 });
    await page.waitForSelector('#ctl-runs', { timeout: 20000 });
    assert(new URL(page.url()).hash.startsWith('#/primary?'), page.url());
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Ticket value', null, { timeout: 20000 });
    await chartsDrawn(page, TICKET_CHARTS);
    page.off('request', seen);
    const pages = wasm.filter((n) => n.startsWith('page-'));
    // Each bundle's URL carries the build's stamp (scripts/stamp_bundles.py).
    const stamp = /\?v=[0-9a-f]{16}$/;
    assert(pages.every((n) => stamp.test(n)), `stamped: ${pages.join()}`);
    const names = pages.map((n) => n.replace(stamp, ''));
    assert(names.join() === 'page-ticket-value_bg.wasm,page-primary_bg.wasm,page-ticket-value_bg.wasm', names.join());
  });

  await check('HiDPI: canvases are sized with devicePixelRatio', async () => {
    const hi = await browser.newContext({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 2 });
    const p2 = await hi.newPage();
    await p2.goto(TICKET);
    await chartsDrawn(p2, TICKET_CHARTS);
    const sizes = await p2.$$eval('figure.chart canvas', (cs) => cs.map((c) => [c.width, c.clientWidth]));
    for (const [w, cw] of sizes) assert(Math.abs(w - 2 * cw) <= 1, `backing ${w} for ${cw} CSS px`);
    await p2.screenshot({ path: `${shots}/ticket-value-hidpi.png` });
    await hi.close();
  });

  await check('a narrow window stacks the layout and charts follow their width', async () => {
    await page.setViewportSize({ width: 700, height: 1000 });
    await page.goto(TICKET);
    await chartsDrawn(page, TICKET_CHARTS);
    await page.waitForTimeout(200);
    const widths = await page.$$eval('figure.chart canvas', (cs) => cs.map((c) => [c.width, c.clientWidth]));
    for (const [w, cw] of widths) assert(cw < 700 && Math.abs(w - cw) <= 1, JSON.stringify(widths));
    await page.screenshot({ path: `${shots}/ticket-value-narrow.png`, fullPage: true });
    await page.setViewportSize({ width: 1440, height: 1000 });
  });

  await check('the Monte Carlo runs in workers and its histogram is drawn', async () => {
    await page.goto(`${TICKET}?samples=200000&seed=5`);
    await chartsDrawn(page, TICKET_CHARTS);
    const t = await page.$eval('table.mc-result', (t) => ({ ...t.dataset, text: t.textContent }));
    assert(Number(t.workers) >= 1, `ran in workers: ${JSON.stringify(t)}`);
    assert(t.text.includes('Estimated E[V]') && t.text.includes('P(V > price)'), t.text);
    const inks = await canvasInk(page);
    const hist = inks.find((c) => c.name === 'histogram');
    assert(hist && hist.ink > 0.02, `histogram drawn: ${JSON.stringify(hist)}`);
  });

  await check('the same seed reproduces the same estimate; Cancel keeps the last result', async () => {
    await page.goto(`${TICKET}?samples=200000&seed=5`);
    await page.waitForSelector('table.mc-result');
    const first = await page.textContent('table.mc-result tr:first-child td');
    await page.goto('about:blank');
    await page.goto(`${TICKET}?samples=200000&seed=5`);
    await page.waitForSelector('table.mc-result');
    const second = await page.textContent('table.mc-result tr:first-child td');
    assert(second === first, `same seed, same estimate: ${first} vs ${second}`);
    await page.fill('#ctl-samples-text', '1000000000');
    await page.press('#ctl-samples-text', 'Enter');
    // Estimated above a few seconds: it waits for Run anyway.
    await page.click('.lottery-engine .run-anyway');
    await page.waitForSelector('.progress .cancel');
    await page.click('.progress .cancel');
    await page.waitForSelector('.progress', { state: 'detached' });
    assert(await page.textContent('table.mc-result tr:first-child td') === first, 'last result kept');
  });

  await check('reward data: a bad line is named and kept; good data is summarised and used', async () => {
    await page.goto(`${TICKET}?reward=data&samples=100000`);
    await page.waitForSelector('#reward-data-text');
    await page.fill('#reward-data-text', 'reward_eth\n0.02\n0.5\nabc\n');
    await page.click('#reward-data-use');
    const err = await page.textContent('.reward-data .field-error');
    assert(err.includes('line 4') && err.includes('abc'), err);
    assert((await page.inputValue('#reward-data-text')).includes('abc'), 'pasted text kept');
    await page.fill('#reward-data-text', 'reward_eth\n0.02\n0.5\n0.01\n0.07\n');
    await page.click('#reward-data-use');
    const summary = await page.textContent('.data-summary');
    assert(summary.includes('4 rewards') && summary.includes('mean 0.15'), summary);
    await page.waitForFunction(() => (document.querySelector('table.mc-result') || {}).textContent?.includes('0.15'));
    await chartsDrawn(page, TICKET_CHARTS);
    await page.screenshot({ path: `${shots}/ticket-value-data.png`, fullPage: true });
  });

  const ALLOCATION = `${origin}/#/allocation`;
  await check('allocation page: SPEC §7 outcome, every chart drawn, the trade-off traced', async () => {
    await page.goto(ALLOCATION);
    await chartsDrawn(page, 4);
    const verdict = await page.textContent('.verdict');
    assert(verdict.includes('pure'), verdict);
    const table = await page.textContent('table.outcome');
    assert(table.includes('1.3333') && table.includes('0.4714'), table);
    await page.waitForFunction(() => !document.querySelector('.results .hint[role=status]'), null, { timeout: 60000 });
    const inks = await canvasInk(page);
    for (const c of inks) assert(c.ink > 0.01, `${c.name} looks blank`);
    await page.screenshot({ path: `${shots}/allocation.png`, fullPage: true });
  });

  await check('allocation page: α above the pure range shows a mixed equilibrium and its strategies', async () => {
    await page.goto(`${ALLOCATION}?mechanism=tullock&alpha=3&v=1,1`);
    await chartsDrawn(page, 5);
    const verdict = await page.textContent('.verdict');
    assert(verdict.includes('No pure equilibrium'), verdict);
    assert(await page.locator('figure[data-chart="strategies"]').count() === 1, 'strategies chart');
    const exact = page.locator('.exactness');
    assert(await exact.getAttribute('data-method') === 'closed-form+double-oracle', 'method');
    const sentence = await exact.textContent();
    assert(sentence.includes('Alcalde & Dahm') && sentence.includes('exploitability'), sentence);
    await page.screenshot({ path: `${shots}/allocation-mixed.png`, fullPage: true });
    // Three equal players: all three mix alike (the symmetric cascade); never the pure formula's numbers.
    await page.goto(`${ALLOCATION}?mechanism=tullock&alpha=3&v=1,1,1`);
    await chartsDrawn(page, 5);
    assert(await page.locator('.no-equilibrium').count() === 0, 'an equilibrium');
    const table = await page.textContent('table.outcome');
    assert(table.includes('mixed') && !table.includes('0.6667'), `no pure formula: ${table}`);
    assert(await page.locator('.exactness').getAttribute('data-method') === 'symmetric-cascade', 'symmetric');
    const said = await page.textContent('.exactness');
    assert(said.includes('Symmetric mixed equilibrium of the tied players') && !said.includes('stays out'), said);
  });

  await check('allocation page: three players at α = 1.5 mix, the trace clears, the curve has no gaps', async () => {
    await page.goto(`${ALLOCATION}?mechanism=tullock&alpha=1.5&v=4,2,1`);
    await chartsDrawn(page, 5);
    assert(await page.locator('.no-equilibrium').count() === 0, 'no error');
    const exact = page.locator('.exactness');
    assert(await exact.getAttribute('data-method') === 'closed-form', 'method');
    const sentence = await exact.textContent();
    assert(sentence.includes('Closed form (Wang 2010): exact.'), sentence);
    await page.waitForFunction(() => !document.querySelector('.results .hint[role=status]'), null, { timeout: 60000 });
    const notes = page.locator('.trace-notes');
    assert(await notes.getAttribute('data-gaps') === '0', await notes.textContent());
    const inks = await canvasInk(page);
    for (const c of inks) assert(c.ink > 0.01, `${c.name} looks blank`);
    await page.screenshot({ path: `${shots}/allocation-three.png`, fullPage: true });
  });

  await check('allocation page: editing values and α updates the outcome and the URL', async () => {
    await page.goto(ALLOCATION);
    await chartsDrawn(page, 4);
    await page.fill('#value-1', '3');
    await page.press('#value-1', 'Enter');
    await page.waitForFunction(() => location.hash.includes('v=4,3'));
    await page.fill('#value-1', '-2');
    await page.press('#value-1', 'Enter');
    const err = await page.textContent('.value-row.invalid .field-error');
    assert(err.includes('Player 2'), err);
    assert(await page.inputValue('#value-1') === '-2', 'typed text kept');
    await page.fill('#ctl-alpha-text', '0.5');
    await page.press('#ctl-alpha-text', 'Enter');
    await page.waitForFunction(() => location.hash.includes('alpha=0.5'));
    const url = page.url();
    await page.goto('about:blank');
    await page.goto(url);
    await chartsDrawn(page, 4);
    assert(await page.inputValue('#ctl-alpha-text') === '0.5', 'α restored');
  });

  const SECONDARY = `${origin}/#/secondary`;
  await check('secondary market page: a reading, the summary and four drawn charts', async () => {
    await page.goto(SECONDARY);
    await chartsDrawn(page, 4);
    const verdict = await page.textContent('.verdict');
    assert(/probability/.test(verdict), verdict);
    assert(/mostly a spot auction, .*; it sells earlier with probability/.test(verdict), verdict);
    const inks = await canvasInk(page);
    for (const c of inks) assert(c.ink > 0.01, `${c.name} looks blank`);
    await page.screenshot({ path: `${shots}/secondary.png`, fullPage: true });
    // The default moves with its inputs: a second early buyer arriving later delays the early sales.
    const before = await dataUrl(page, 'sale-slot');
    await page.fill('#ctl-ba', '0, 32, 64');
    await page.press('#ctl-ba', 'Enter');
    await page.waitForFunction((b) => document.querySelector('figure[data-chart="sale-slot"] canvas').toDataURL() !== b, before);
  });

  await check('secondary market page: an impatient seller sells at once; bad buyers are named', async () => {
    await page.goto(`${SECONDARY}?ds=0.01&db=0.001`);
    await chartsDrawn(page, 4);
    assert((await page.textContent('.verdict')).includes('sells at once'), await page.textContent('.verdict'));
    await page.fill('#ctl-ba', '0, 0');
    await page.press('#ctl-ba', 'Enter');
    await page.waitForSelector('.no-equilibrium');
    assert((await page.textContent('.no-equilibrium')).includes('as many arrivals'), 'mismatch named');
    await page.fill('#ctl-ba', '0, 0, 99999');
    await page.press('#ctl-ba', 'Enter');
    assert((await page.textContent('.field-error')).includes('Buyer arrival'), 'range named');
    assert(await page.inputValue('#ctl-ba') === '0, 0, 99999', 'typed text kept');
    // Six buyers: as many as a link may hold (up to 32), not a smaller limit of the field.
    await page.fill('#ctl-bc', '0.01, 0.02, 0.03, 0.04, 0.05, 0.06');
    await page.press('#ctl-bc', 'Enter');
    await page.fill('#ctl-ba', '0, 0, 8, 16, 32, 64');
    await page.press('#ctl-ba', 'Enter');
    await page.waitForFunction(() => location.hash.includes('ba=0,0,8,16,32,64') && !document.querySelector('.field-error'));
  });

  const PRIMARY_BASE = `${origin}/#/primary`;
  // The former default (SPEC §4, tiered holders), named by its scenario.
  const PRIMARY = `${PRIMARY_BASE}?scenario=classic&rule=second-price`;
  const PRIMARY_CHARTS = 7;
  await check('primary market page: a reading, the summary and seven drawn charts, run in workers', async () => {
    await page.goto(PRIMARY);
    await chartsDrawn(page, PRIMARY_CHARTS);
    const verdict = await page.textContent('.verdict');
    assert(/second-price auction, holder 1 ends with 100 %/.test(verdict), verdict);
    const summary = await page.textContent('table.market-summary');
    assert(/workers/.test(summary) && summary.includes('Protocol capture'), summary);
    const rules = await page.$$eval('table.market-compare tbody th', (ths) => ths.map((t) => t.textContent));
    assert(rules.join() === 'Second-price,First-price,Fixed price,EIP-1559,AMM (bonding curve)', rules.join());
    const inks = await canvasInk(page);
    for (const c of inks) assert(c.ink > 0.005, `${c.name} looks blank`);
    await page.screenshot({ path: `${shots}/primary.png`, fullPage: true });
  });

  await check('primary market page: another rule reruns; the link restores it; a bad holder is named and kept', async () => {
    await page.goto(PRIMARY);
    await chartsDrawn(page, PRIMARY_CHARTS);
    await page.selectOption('#ctl-rule', '2');
    await page.waitForFunction(() => document.querySelector('.verdict').textContent.includes('fixed posted price'));
    await finalView(page);
    const verdict = await page.textContent('.verdict');
    assert(page.url().includes('rule=fixed'), page.url());
    await page.reload();
    await chartsDrawn(page, PRIMARY_CHARTS);
    assert(await page.textContent('.verdict') === verdict, 'same seed, same result after a reload');
    await page.click('details.holders-edit summary');
    const cell = '.holders-table input[aria-label="Holder 1 capture rate c"]';
    await page.fill(cell, '1.5');
    await page.press(cell, 'Enter');
    const err = await page.textContent('.holders-table .field-error');
    assert(err.includes('Holder 1') && err.includes('capture rate c'), err);
    assert(await page.inputValue(cell) === '1.5', 'typed text kept');
    // Holder 1 loses its edge: under second-price the next best takes every ticket.
    await page.fill(cell, '0.5');
    await page.press(cell, 'Enter');
    await page.waitForFunction(() => location.hash.includes('pop=custom') && location.hash.includes('hc=0.5,'));
    await page.selectOption('#ctl-rule', '0');
    await page.waitForFunction(() => document.querySelector('.verdict').textContent.includes('holder 2 ends with 100 %'));
  });

  await check('primary market page: pasted rewards, replayed in order, are the rewards simulated', async () => {
    await page.goto(`${PRIMARY_BASE}?scenario=classic&reward=data-replay&runs=2`);
    await page.waitForSelector('#reward-data-text');
    await page.fill('#reward-data-text', 'reward_eth\n0.02\n0.5\n0.01\n0.07\n');
    await page.click('#reward-data-use');
    await page.waitForFunction(() => document.querySelector('.data-panel .hint').textContent.includes('Using 4 rewards'));
    // 20,000 slots replaying 0.02, 0.5, 0.01, 0.07: 5,000 × 0.6 = 3,000 ETH in all.
    await page.waitForFunction(() => document.querySelector('table.market-summary').textContent.includes('· 3,000 ETH'));
  });

  await check('primary market page: a long run shows progress and Cancel keeps the last result', async () => {
    await page.goto('about:blank');
    await page.goto(PRIMARY);
    await chartsDrawn(page, PRIMARY_CHARTS);
    // The last result: once every rule's run is done.
    await page.waitForFunction(() => !document.querySelector('.progress'), null, { timeout: 60000 });
    const before = await page.textContent('.verdict');
    await page.fill('#ctl-slots-text', '1000000');
    await page.press('#ctl-slots-text', 'Enter');
    // Estimated above a few seconds: it waits for Run anyway.
    await page.click('.results .run-anyway');
    await page.waitForSelector('.progress .cancel');
    await page.click('.progress .cancel');
    await page.waitForSelector('.progress', { state: 'detached' });
    const after = await page.textContent('.verdict');
    assert(after === before, `last result kept: ${before} → ${after}`);
    assert((await page.textContent('.results')).includes('cancelled'), 'says it was cancelled');
  });

  // The ET-Simulation default: the seven charts and the sweep's two.
  const STUDY_CHARTS = 9;
  await check('primary market default: the ET-Simulation study draws, its reading gives the won-slot HHI', async () => {
    await page.goto(PRIMARY_BASE);
    await chartsDrawn(page, STUDY_CHARTS);
    const verdict = await page.textContent('.verdict');
    assert(/the study's second-price auction, 10 drawn holders: won-slot HHI [0-9,]+/.test(verdict), verdict);
    const rules = await page.$$eval('table.market-compare tbody th', (ths) => ths.map((t) => t.textContent));
    assert(rules.join() === 'Second-price,First-price,EIP-1559,AMM (bonding curve)', rules.join());
    assert(await page.inputValue('#ctl-scenario') === '0', 'the scenario picker says ET-Simulation');
    await page.screenshot({ path: `${shots}/primary-study.png`, fullPage: true });
  });

  await check('primary market: switching the measure to tickets held redraws the HHI chart', async () => {
    await page.goto(PRIMARY_BASE);
    await chartsDrawn(page, STUDY_CHARTS);
    const before = await dataUrl(page, 'hhi');
    await page.selectOption('#ctl-measure', '1');
    await page.waitForFunction(() => location.hash.includes('measure=held'));
    await page.waitForFunction(async (b) => {
      const c = document.querySelector('figure[data-chart="hhi"] canvas');
      return c && c.toDataURL() !== b;
    }, before);
    assert(/ends with .* of the tickets/.test(await page.textContent('.verdict')), 'the reading follows the measure');
  });

  const SWEEP = `${PRIMARY_BASE}?scenario=et-simulation&sweep=max-tickets&spts=8&sruns=20&sslots=20000`;
  let sweepShot = null;
  await check('primary market: a sweep runs in the workers with progress, then draws its charts', async () => {
    await page.goto('about:blank');
    await page.goto(SWEEP);
    await confirmIfAsked(page, 'section.sweep');
    await page.waitForSelector('section.sweep .progress', { timeout: 20000 });
    const sweepDone = () => page.waitForFunction(() => {
      const d = document.querySelector('.sweep-done');
      return d && d.textContent.startsWith('8 points') && !document.querySelector('section.sweep .progress');
    }, null, { timeout: 120000 });
    await sweepDone();
    await chartsDrawn(page, STUDY_CHARTS);
    const note = await page.textContent('.sweep-done');
    assert(/8 points × 4 rules × 20 runs × 20,000 slots .* workers/.test(note), note);
    const inks = await canvasInk(page);
    for (const c of inks) assert(c.ink > 0.005, `${c.name} looks blank`);
    sweepShot = await dataUrl(page, 'sweep-hhi');
    await page.screenshot({ path: `${shots}/primary-sweep.png`, fullPage: true });
  });

  await check('primary market: the link restores the sweep, point for point', async () => {
    const url = page.url();
    assert(url.includes('sweep=max-tickets') && url.includes('sslots=20000'), url);
    await page.goto('about:blank');
    await page.goto(url);
    await confirmIfAsked(page, 'section.sweep');
    await page.waitForFunction(() => {
      const d = document.querySelector('.sweep-done');
      return d && d.textContent.startsWith('8 points') && !document.querySelector('section.sweep .progress');
    }, null, { timeout: 120000 });
    await chartsDrawn(page, STUDY_CHARTS);
    assert(await page.inputValue('#ctl-sweep') === '1', 'the sweep menu says N');
    assert(sweepShot && await dataUrl(page, 'sweep-hhi') === sweepShot, 'the same sweep chart');
  });

  await check('primary market: the sweep range is a control kept in the link; a bad one is named; Cancel stops a sweep', async () => {
    await page.goto('about:blank');
    await page.goto(`${PRIMARY_BASE}?scenario=et-simulation&sweep=holders&srange=4,16&spts=3&sruns=2&sslots=500`);
    const done = (n) => page.waitForFunction((k) => {
      const d = document.querySelector('.sweep-done');
      return d && d.textContent.startsWith(`${k} points`) && !document.querySelector('section.sweep .progress');
    }, n, { timeout: 60000 });
    await done(3);
    assert(await page.inputValue('#ctl-srange') === '4, 16', await page.inputValue('#ctl-srange'));
    await page.$eval('figure[data-chart="sweep-capture"] details.chart-data', (d) => { d.open = true; });
    await page.waitForSelector('figure[data-chart="sweep-capture"] .data-table tbody');
    const xs = await page.$$eval('figure[data-chart="sweep-capture"] .data-table tbody tr td:first-child', (tds) => tds.map((t) => t.textContent));
    assert(['4', '8', '16'].every((x) => xs.includes(x)), `sweep points ${xs.slice(0, 6)}`);
    await page.fill('#ctl-srange', '16, 4');
    await page.press('#ctl-srange', 'Enter');
    await page.waitForFunction(() => document.querySelector('section.sweep').textContent.includes('sweep range'));
    assert(page.url().includes('srange=16,4'), page.url());
    assert(await page.inputValue('#ctl-srange') === '16, 4', 'the typed range is kept');
    // A long sweep, cancelled: the bar goes and the page says so.
    await page.fill('#ctl-srange', '2, 40');
    await page.press('#ctl-srange', 'Enter');
    await page.fill('#ctl-sslots-text', '1000000');
    await page.press('#ctl-sslots-text', 'Enter');
    await confirmIfAsked(page, 'section.sweep');
    await page.waitForSelector('section.sweep .progress .cancel', { timeout: 20000 });
    await page.click('section.sweep .progress .cancel');
    await page.waitForSelector('section.sweep .progress', { state: 'detached' });
    assert((await page.textContent('section.sweep')).includes('cancelled'), await page.textContent('section.sweep'));
  });

  const MECH = `${origin}/#/mechanisms`;
  const MECH_CHARTS = 4;
  const mechRows = () => page.$$eval('table.mechanisms-table tbody tr', (trs) => trs.map((t) => t.textContent));
  await check('mechanisms page: a reading, the numbers, the W⁴H table and four drawn charts, run in workers', async () => {
    await page.goto(MECH);
    await chartsDrawn(page, MECH_CHARTS);
    const verdict = await page.textContent('.verdict');
    assert(/The protocol captures the most under .+; proposers get the most under/.test(verdict), verdict);
    assert((await mechRows()).length === 6, 'six mechanisms');
    const w4h = await page.$$eval('table.w4h-table tbody tr', (trs) => trs.map((t) => t.querySelectorAll('td').length));
    assert(w4h.length === 6 && w4h.every((n) => n === 6), `W4H cells ${w4h}`);
    assert((await page.$$('table.w4h-table a[href^="#/"]')).length === 6, 'each row links its page');
    assert(/worker/.test(await page.textContent('.results')), 'run in workers');
    for (const c of await canvasInk(page)) assert(c.ink > 0.005, `${c.name} looks blank`);
    await page.screenshot({ path: `${shots}/mechanisms.png`, fullPage: true });
  });

  await check('mechanisms page: a control changes the split; the link restores it; a bad builder is named and kept', async () => {
    await page.goto(MECH);
    await chartsDrawn(page, MECH_CHARTS);
    const before = await dataUrl(page, 'split');
    const burn = async () => (await mechRows()).find((r) => r.startsWith('MEV-burn'));
    const burnBefore = await burn();
    await page.fill('#ctl-g-text', '0');
    await page.press('#ctl-g-text', 'Enter');
    await page.waitForFunction(() => location.hash.includes('g=0&'));
    await page.waitForFunction((b) => {
      const row = [...document.querySelectorAll('table.mechanisms-table tbody tr')].find((t) => t.textContent.startsWith('MEV-burn'));
      return row && row.textContent !== b;
    }, burnBefore);
    await page.waitForFunction((b) => document.querySelector('figure[data-chart="split"] canvas').toDataURL() !== b, before);
    await finalView(page);
    const rows = await mechRows();
    await page.reload();
    await chartsDrawn(page, MECH_CHARTS);
    assert(JSON.stringify(await mechRows()) === JSON.stringify(rows), 'same seed, same numbers after a reload');
    await page.uncheck('#show-partial-block');
    await page.waitForFunction(() => location.hash.includes('show=') && document.querySelectorAll('table.mechanisms-table tbody tr').length === 5);
    await page.fill('#ctl-c', '1, 0.8, 1.7');
    await page.press('#ctl-c', 'Enter');
    const err = await page.textContent('.field-error');
    assert(/Builder capture/.test(err), err);
    assert(await page.inputValue('#ctl-c') === '1, 0.8, 1.7', 'typed text kept');
  });

  await check('every chart downloads as PNG, SVG and CSV of exactly its series', async () => {
    await page.goto(TICKET);
    await chartsDrawn(page, TICKET_CHARTS);
    const grab = async (kind) => {
      const [dl] = await Promise.all([
        page.waitForEvent('download'),
        page.click(`figure[data-chart="value"] button[data-export="${kind}"]`),
      ]);
      assert(new RegExp(`^et-explorer-ticket-value-value-[0-9a-f]{8}\\.${kind}$`).test(dl.suggestedFilename()), dl.suggestedFilename());
      return fs.readFileSync(await dl.path());
    };
    const csv = (await grab('csv')).toString('utf8').split('\n').filter((l) => !l.startsWith('#'));
    assert(csv[0].includes('x: Tickets outstanding n (tickets)') && csv[0].includes('y: Ticket value (ETH)'), csv[0]);
    assert(csv.filter((l) => l.startsWith('E[V],line,')).length === 241, 'every plotted point of E[V]');
    const svg = (await grab('svg')).toString('utf8');
    assert(svg.includes('<svg') && svg.includes('Expected value of one ticket'), svg.slice(0, 200));
    const png = await grab('png');
    assert(png.slice(1, 4).toString() === 'PNG' && png.length > 5000, `png ${png.length} bytes`);
    await page.click('button.share');
    const share = await page.textContent('button.share');
    assert(share === 'Link copied' || share.includes('address bar'), share);
  });

  await check('the Embed button shows an iframe snippet of the current state', async () => {
    await page.goto(`${TICKET}?n=2000`);
    await chartsDrawn(page, TICKET_CHARTS);
    await page.click('figure[data-chart="value"] button[data-export="embed"]');
    const code = await page.inputValue('figure[data-chart="value"] .embed-snippet');
    assert(!code.includes('controls=1'), `controls are opt-in: ${code}`);
    assert(code.startsWith(`<iframe src="${origin}/#/ticket-value?`) && code.includes('n=2000') && code.includes('embed=value'), code);
  });

  await check('two widgets embedded in a page on another origin draw and respond', async () => {
    const post = `<!doctype html><meta charset="utf-8"><title>A research post</title><h1>A research post</h1>
      <iframe id="a" src="${origin}/#/ticket-value?n=1000&m=-5&embed=value" width="720" height="440"></iframe>
      <iframe id="b" src="${origin}/#/allocation?alpha=0.5&embed=tradeoff&controls=1" width="980" height="760"></iframe>`;
    const hostServer = http.createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(post));
    await new Promise((r) => hostServer.listen(0, '127.0.0.1', r));
    const host = `http://127.0.0.1:${hostServer.address().port}`;
    allowedOrigins.push(host);
    const p3 = await context.newPage();
    try {
      await p3.goto(host);
      const frameOf = (re) => p3.frames().find((f) => re.test(f.url()));
      await p3.waitForFunction(() => document.querySelectorAll('iframe').length === 2);
      await p3.waitForTimeout(300);
      const [fa, fb] = [frameOf(/ticket-value/), frameOf(/allocation/)];
      assert(fa && fb, 'both frames loaded');
      const visibleDrawn = (f, name) => f.waitForFunction((n) => {
        const figs = [...document.querySelectorAll('figure.chart')].filter((x) => x.offsetParent !== null);
        return figs.length === 1 && figs[0].dataset.chart === n && figs[0].querySelector('canvas').toDataURL().length > 5000;
      }, name, { timeout: 20000 });
      await visibleDrawn(fa, 'value');
      await visibleDrawn(fb, 'tradeoff');
      assert(await fa.locator('.site-header').count() === 0, 'chrome-less');
      assert(await fa.locator('aside.controls').isHidden(), 'no controls unless asked');
      const notice = await fa.textContent('.notices');
      assert(notice.includes('m=-5'), `an ignored link value is still reported in an embed: ${notice}`);
      const before = await fb.$eval('figure[data-chart="tradeoff"] canvas', (c) => c.toDataURL());
      await fb.fill('#ctl-alpha-text', '2');
      await fb.press('#ctl-alpha-text', 'Enter');
      await fb.waitForFunction((b) => document.querySelector('figure[data-chart="tradeoff"] canvas').toDataURL() !== b, before);
      await p3.screenshot({ path: `${shots}/embedded.png`, fullPage: true });
    } finally {
      await p3.close();
      hostServer.close();
    }
  });

  await embedChecks({ check, assert, page, origin });
  await focusChecks({ check, assert, page, origin });
  const PAGES = [['ticket-value', TICKET_CHARTS], ['allocation', 4], ['secondary', 4], ['primary', PRIMARY_CHARTS], ['mechanisms', MECH_CHARTS], ['mainnet', MAINNET_CHARTS]];
  await a11yChecks({ check, assert, browser, origin, shots, pages: PAGES });
  await longWorkChecks({ check, assert, page, browser, origin, pages: PAGES });
  await firstViewChecks({ check, assert, browser, origin });
  await publishChecks({ check, assert, browser, dist, shots });
  await mainnetChecks({ check, assert, browser, origin, shots });

  await check('no console errors', async () => {
    assert(consoleErrors.length === 0, consoleErrors.join('\n'));
  });
  await check('every request stays on the page origin', async () => {
    assert(foreign.length === 0, foreign.join('\n'));
  });
} finally {
  await browser.close();
  server.close();
}

const passed = results.filter((r) => r[1]).length;
const failed = results.length - passed;
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
