// Accessibility and phone checks of every page (called by run.mjs).
import { createRequire } from 'node:module';
import { chartFaults } from './axes.mjs';

const require = createRequire(process.env.ET_TOOLS ? `${process.env.ET_TOOLS}/node/` : import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'];

/** Opens an embed `url` and waits until its frame is shown. */
async function openEmbed(page, url) {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForSelector('.embed-root figure.chart', { state: 'attached', timeout: 30000 });
}

/** Opens `url` and waits until its `count` charts are drawn and no run is under way. */
async function open(page, url, count) {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForFunction((n) => {
    const cs = [...document.querySelectorAll('figure.chart canvas')];
    return cs.length >= n && cs.every((c) => c.width > 0 && c.toDataURL().length > 5000);
  }, count, { timeout: 30000 });
  await page.waitForFunction(() => !document.querySelector('.progress'), null, { timeout: 60000 });
  // Charts drawn after the run (a page's final view, a sweep that follows its first run):
  // waited for here, a chart never drawn is then reported by the checks.
  await page.waitForFunction(() => !document.querySelector('.view-state[data-final="false"], .later')
    && [...document.querySelectorAll('figure.chart canvas')].every((c) => c.hasAttribute('data-axes')),
  null, { timeout: 30000 }).catch(() => {});
  await page.waitForFunction(() => !document.querySelector('.progress'), null, { timeout: 60000 });
  // A part drawn later (components/later.rs) that never showed, on any page.
  if (await page.$('.later')) throw new Error(`${url}: a part waiting for the charts never showed`);
}

/** Each range input moves with ArrowRight and comes back with ArrowLeft. */
async function slidersMove(page, assert) {
  const ids = await page.$$eval('input[type=range]', (xs) => xs.filter((x) => x.offsetParent !== null).map((x) => x.id));
  assert(ids.length > 0, 'the page has sliders');
  const text = (id) => page.$eval(`#${id}`, (r) => (document.getElementById(`${r.id}-text`) || r).value);
  for (const id of ids) {
    const start = await text(id);
    const atMax = await page.$eval(`#${id}`, (r) => Number(r.value) >= Number(r.max));
    const [there, back] = atMax ? ['ArrowLeft', 'ArrowRight'] : ['ArrowRight', 'ArrowLeft'];
    await page.focus(`#${id}`);
    await page.keyboard.press(there);
    await page.waitForFunction(([i, s]) => (document.getElementById(`${i}-text`) || document.getElementById(i)).value !== s,
      [id, start], { timeout: 5000 }).catch(() => {});
    const moved = await text(id);
    assert(moved !== start, `#${id} moved with ${there} from ${start}`);
    await page.keyboard.press(back);
    await page.waitForFunction(([i, s]) => (document.getElementById(`${i}-text`) || document.getElementById(i)).value === s,
      [id, start], { timeout: 5000 }).catch(() => {});
    // Back to the start, or (from a value between two shown steps) to the nearest step.
    const end = await text(id);
    const [a, b, c] = [start, moved, end].map(Number);
    assert(end === start || (c !== b && Math.abs(c - a) < Math.abs(b - a)),
      `#${id} came back with ${back}: ${start} → ${moved} → ${end}`);
  }
}

/** axe-core finds no violations of WCAG 2.1 A/AA nor best practice. */
async function axeClean(page, assert, name) {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, AXE_TAGS);
  assert(found.length === 0, `${name}: ${found.join('\n')}`);
}

export async function a11yChecks({ check, assert, browser, origin, shots, pages }) {
  for (const [width, height, tag] of [[1440, 1000, 'desktop'], [720, 900, 'embed-wide'], [390, 844, 'phone']]) {
    const ctx = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    const page = await ctx.newPage();
    for (const [key, count] of pages) {
      await check(`${tag}: every ${key} chart keeps its axes to its data, bounded, with short ticks in one style`, async () => {
        await open(page, `${origin}/#/${key}`, count);
        const faults = await chartFaults(page);
        assert(faults.length === 0, faults.join('\n'));
      });
      if (tag === 'embed-wide') continue;
      await check(`${tag}: ${key} has one h1, no sideways scroll and sliders that move with arrow keys`, async () => {
        await open(page, `${origin}/#/${key}`, count);
        assert(await page.locator('h1').count() === 1, 'one h1');
        const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
        assert(sw <= iw, `scrollWidth ${sw} > ${iw}`);
        if (tag === 'phone') {
          await page.screenshot({ path: `${shots}/${key}-phone.png`, fullPage: true });
          const pos = await page.$eval('aside.controls', (a) => getComputedStyle(a).position);
          assert(pos === 'static', `controls not pinned on a phone: ${pos}`);
        }
        await slidersMove(page, assert);
      });
      await check(`${tag}: ${key} has no axe-core violations`, async () => {
        await open(page, `${origin}/#/${key}`, count);
        await axeClean(page, assert, key);
      });
    }
    await ctx.close();
  }
  await narrowChecks({ check, assert, browser, origin, shots, pages });
}

/** The narrowest phones (360 × 740): no page scrolls sideways, controls included. */
async function narrowChecks({ check, assert, browser, origin, shots, pages }) {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  for (const [key, count] of pages) {
    await check(`360 px: ${key} has no sideways scroll`, async () => {
      await open(page, `${origin}/#/${key}`, count);
      const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
      const wide = await page.evaluate(() => [...document.querySelectorAll('main *, header *')]
        .filter((e) => !e.closest('.table-scroll, .data-table, pre, textarea') && e.getBoundingClientRect().right > innerWidth + 0.5)
        .slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${e.className}`));
      await page.screenshot({ path: `${shots}/${key}-360.png`, fullPage: true });
      assert(sw <= iw, `scrollWidth ${sw} > ${iw}: ${wide.join(', ')}`);
    });
  }
  await ctx.close();
}

export async function embedChecks({ check, assert, page, origin }) {
  const TICKET = `${origin}/#/ticket-value`;
  await check('an embed keeps embed= in its URL and reloads as the embed', async () => {
    await openEmbed(page, `${TICKET}?embed=value&controls=1`);
    await page.fill('#ctl-n-text', '2500');
    await page.press('#ctl-n-text', 'Enter');
    await page.waitForFunction(() => location.hash.includes('n=2500'));
    assert(/embed=value/.test(page.url()) && /controls=1/.test(page.url()), page.url());
    await page.reload();
    await page.waitForSelector('.embed-root[data-embed="value"]');
    assert(await page.locator('.site-header').count() === 0, 'still an embed');
  });
  await check('an embed of an unknown chart names it and lists the page\'s charts', async () => {
    await openEmbed(page, `${TICKET}?embed=nosuch`);
    const text = await page.textContent('.embed-missing', { timeout: 5000 });
    assert(text.includes('nosuch') && text.includes('value') && text.includes('share'), text);
  });
  await check('the embed panel: controls opt-in, a Markdown snippet, copy buttons, named buttons', async () => {
    await open(page, `${TICKET}?n=2000`, 8);
    const embed = page.locator('figure[data-chart="value"] button[data-export="embed"]');
    const label = await embed.getAttribute('aria-label');
    assert(label === 'Embed chart: Expected value of one ticket' || label.startsWith('Embed chart: '), label);
    await embed.click();
    const iframe = () => page.inputValue('#embed-value-iframe');
    assert(!(await iframe()).includes('controls=1') && (await iframe()).includes('embed=value'), await iframe());
    await page.check('#embed-value-controls');
    assert((await iframe()).includes('embed=value&amp;controls=1'), await iframe());
    const md = await page.inputValue('#embed-value-markdown');
    assert(/\]\(et-explorer-ticket-value-value-[0-9a-f]{8}\.png\)/.test(md) && md.includes(`${origin}/#/ticket-value?`) && !md.includes('embed='), md);
    assert(await page.locator('figure[data-chart="value"] .embed-panel button.copy').count() === 2, 'copy buttons');
  });
  await check('each chart has a data table with its numbers, linked by aria-describedby', async () => {
    await open(page, TICKET, 8);
    // A table is built when its <details> opens: closed, none has a cell.
    assert(await page.locator('details.chart-data td').count() === 0, 'tables built while closed');
    await page.$$eval('details.chart-data', (ds) => ds.forEach((d) => { d.open = true; }));
    await page.waitForFunction(() => [...document.querySelectorAll('details.chart-data')].every((d) => d.querySelector('tbody')));
    const tables = await page.$$eval('figure.chart', (figs) => figs.map((f) => {
      const c = f.querySelector('canvas');
      const d = document.getElementById(c.getAttribute('aria-describedby'));
      const cap = document.getElementById(f.getAttribute('aria-labelledby'));
      const cells = [...f.querySelectorAll('details.chart-data td')].map((td) => td.textContent);
      return { name: f.dataset.chart, described: !!d && f.contains(d), caption: cap && cap.tagName, cells,
        rows: [...f.querySelectorAll('details.chart-data tbody')].map((b) => b.rows.length) };
    }));
    for (const t of tables) {
      assert(t.described && t.caption === 'FIGCAPTION', `${t.name} linked: ${JSON.stringify(t).slice(0, 200)}`);
      assert(t.cells.length > 0 && t.rows.every((r) => r <= 60), `${t.name} rows ${t.rows}`);
    }
    const value = tables.find((t) => t.name === 'value');
    assert(value.cells.some((c) => /^0\.0\d/.test(c)), `numbers of E[V]: ${value.cells.slice(0, 6)}`);
    const cap = await page.textContent('figure[data-chart="value"] .data-table caption');
    assert(/of 241 points/.test(cap), cap);
  });
}

export async function focusChecks({ check, assert, page, origin }) {
  await check('removing a player keeps the focus inside the editor', async () => {
    await open(page, `${origin}/#/allocation?v=1,1,1`, 1);
    await page.click('#remove-2');
    await page.waitForFunction(() => document.querySelectorAll('.value-row').length === 2);
    const inside = await page.evaluate(() => !!document.activeElement.closest('.value-editor'));
    assert(inside, `focus on ${await page.evaluate(() => document.activeElement.outerHTML.slice(0, 80))}`);
  });
  await check('removing a holder keeps the focus in the holders table', async () => {
    await open(page, `${origin}/#/primary?scenario=classic&rule=second-price`, 1);
    await page.click('details.holders-edit summary');
    const rows = () => page.$$eval('.holders-table tbody tr', (r) => r.length);
    const n = await rows();
    assert(n >= 2, `${n} holders`);
    await page.click(`#holder-remove-${n - 1}`);
    await page.waitForFunction((k) => document.querySelectorAll('.holders-table tbody tr').length === k, n - 1);
    const id = await page.evaluate(() => document.activeElement.id);
    // The last row went: focus goes to the remove button of the row now last (or, when
    // one holder is left and its button is disabled, to its first field).
    const want = n - 1 >= 2 ? `holder-remove-${n - 2}` : 'holder-budget-0';
    assert(id === want, `focus on "${id}", wanted ${want}`);
  });
}
