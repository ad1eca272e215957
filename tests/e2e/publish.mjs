// Publishing (issue 21): the site built for a public address and served under a sub-path
// links that address in Share and every snippet; served from 127.0.0.1 without one, the
// Embed panel warns; every page's PNG/SVG/CSV downloads cite their link, version and seed
// under distinct names; links carry the model version; `#/primary?seed=2` stays on the
// study's model.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PUBLIC = 'https://example.org/et/';
const SEEDED = new Set(['ticket-value', 'primary', 'mechanisms', 'mainnet']);

/** The PNG's text chunks (tEXt and iTXt) as {keyword: text}, every chunk's CRC checked. */
export function pngTexts(buf) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  if (buf.slice(1, 4).toString() !== 'PNG') throw new Error('not a PNG');
  const out = {};
  let at = 8;
  while (at + 12 <= buf.length) {
    const len = buf.readUInt32BE(at);
    const type = buf.slice(at + 4, at + 8).toString('latin1');
    const body = buf.slice(at + 4, at + 8 + len);
    if (crc(body) !== buf.readUInt32BE(at + 8 + len)) throw new Error(`bad CRC in ${type}`);
    const data = buf.slice(at + 8, at + 8 + len);
    const nul = data.indexOf(0);
    if (type === 'tEXt') out[data.slice(0, nul).toString('latin1')] = data.slice(nul + 1).toString('latin1');
    if (type === 'iTXt') {
      let rest = data.slice(nul + 3);
      rest = rest.slice(rest.indexOf(0) + 1);
      out[data.slice(0, nul).toString('utf8')] = rest.slice(rest.indexOf(0) + 1).toString('utf8');
    }
    if (type === 'IEND') break;
    at += 12 + len;
  }
  return out;
}

/** Waits until the page's first chart is drawn; returns its name. */
async function firstChart(page) {
  await page.waitForFunction(() => {
    const c = document.querySelector('figure.chart canvas');
    return c && c.width > 0 && c.toDataURL().length > 5000;
  }, null, { timeout: 60000 });
  return page.$eval('figure.chart', (f) => f.dataset.chart);
}

async function download(page, chart, kind) {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`figure[data-chart="${chart}"] button[data-export="${kind}"]`),
  ]);
  return { name: dl.suggestedFilename(), body: fs.readFileSync(await dl.path()) };
}

export async function publishChecks({ check, assert, browser, dist, shots }) {
  // The site published for https://example.org/et/, served under /et/.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'et-publish-'));
  const server = await serveStatic(tmp);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const local = await serveStatic(dist);
  const localOrigin = `http://127.0.0.1:${local.address().port}`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  let version = '';
  try {
    await check('scripts/publish checks its URL and records the address in the built site', async () => {
      let failed = '';
      try {
        execFileSync(`${ROOT}/scripts/publish`, ['example.org/et', path.join(tmp, 'bad')], { stdio: 'pipe' });
      } catch (e) {
        failed = String(e.stderr);
      }
      assert(/URL \(first argument\) must start with http/.test(failed), `a bad URL is named: ${failed}`);
      execFileSync(`${ROOT}/scripts/publish`, ['https://example.org/et', path.join(tmp, 'et')], {
        stdio: 'pipe', env: { ...process.env, ET_PUBLISH_PREBUILT: dist },
      });
      const html = fs.readFileSync(path.join(tmp, 'et', 'index.html'), 'utf8');
      assert(html.includes(`<meta name="et-public-url" content="${PUBLIC}" />`), 'the slash is added');
    });

    await check('published under a sub-path: the site runs and Share and every snippet name the public address', async () => {
      await page.goto(`${origin}/et/#/ticket-value?n=3000`);
      const chart = await firstChart(page);
      version = (await page.textContent('.site-footer .version')).match(/ET Explorer (\S+)/)[1];
      assert(/^\d+\.\d+\.\d+\+[0-9a-z]+$/.test(version), `the footer's version: ${version}`);
      await page.waitForFunction(() => /[?&]mv=\d+/.test(location.hash));
      await page.click('button.share');
      const shared = await page.evaluate(() => navigator.clipboard.readText());
      assert(shared.startsWith(`${PUBLIC}#/ticket-value?`) && shared.includes('n=3000') && /&mv=\d+$/.test(shared), shared);
      await page.click(`figure[data-chart="${chart}"] button[data-export="embed"]`);
      const iframe = await page.inputValue(`#embed-${chart}-iframe`);
      const md = await page.inputValue(`#embed-${chart}-markdown`);
      assert(iframe.startsWith(`<iframe src="${PUBLIC}#/ticket-value?`) && iframe.includes('mv='), iframe);
      const links = md.match(/\]\(([^)]+)\)/g).slice(1);
      assert(links.length === 2 && links.every((l) => l.startsWith(`](${PUBLIC}#/ticket-value?`)), md);
      assert(await page.locator('.embed-local').count() === 0, 'no warning: the snippets are public');
      // The same page on another page bundle (the primary market's workers) runs under /et/ too.
      await page.goto(`${origin}/et/#/primary`);
      await firstChart(page);
      await page.screenshot({ path: `${shots}/published-primary.png` });
    });

    await check('served from 127.0.0.1 without a public address, the Embed panel says the snippet only works here', async () => {
      await page.goto(`${localOrigin}/#/ticket-value`);
      const chart = await firstChart(page);
      await page.click(`figure[data-chart="${chart}"] button[data-export="embed"]`);
      const warning = await page.textContent(`figure[data-chart="${chart}"] .embed-local`);
      assert(warning.includes('Only works on this machine') && warning.includes(`${localOrigin}/`) && warning.includes('scripts/publish'), warning);
      assert((await page.inputValue(`#embed-${chart}-iframe`)).startsWith(`<iframe src="${localOrigin}/#/ticket-value?`), 'the local snippet');
    });

    for (const key of ['ticket-value', 'allocation', 'secondary', 'primary', 'mechanisms', 'mainnet']) {
      await check(`${key}: PNG, SVG and CSV cite link, version${SEEDED.has(key) ? ' and seed' : ''}, named by page, chart and state`, async () => {
        await page.goto('about:blank');
        await page.goto(`${origin}/et/#/${key}`);
        const chart = await firstChart(page);
        await page.waitForFunction(() => /[?&]mv=\d+/.test(location.hash));
        // The link once the page has settled (no run under way, the hash unchanged for 0.5 s).
        await page.waitForFunction(() => !document.querySelector('.progress'), null, { timeout: 60000 });
        let hash = await page.evaluate(() => location.hash);
        for (;;) {
          await page.waitForTimeout(500);
          const now = await page.evaluate(() => location.hash);
          if (now === hash) break;
          hash = now;
        }
        const seed = new URLSearchParams(hash.split('?')[1]).get('seed');
        assert(!SEEDED.has(key) || seed, `${key} has a seed in its link: ${hash}`);
        const link = `${PUBLIC}${hash}`;
        const names = [];
        for (const kind of ['png', 'svg', 'csv']) {
          const { name, body } = await download(page, chart, kind);
          names.push(name);
          assert(new RegExp(`^et-explorer-${key}-${chart}-[0-9a-f]{8}\\.${kind}$`).test(name), name);
          if (kind === 'png') {
            const t = pngTexts(body);
            assert(t.URL === link && t.Software.includes(version) && t.Title.length > 0, JSON.stringify(t));
            assert(!seed || t.Comment.startsWith(`seed=${seed};`), t.Comment);
          } else if (kind === 'svg') {
            const svg = body.toString('utf8');
            const esc = link.replaceAll('&', '&amp;');
            assert(svg.includes(`<dc:source>${esc}</dc:source>`) && svg.includes('<title>') && svg.includes('<desc>'), svg.slice(0, 600));
            assert(svg.includes('class="et-provenance"') && svg.includes(version), 'the footer under the drawing');
            assert(!seed || svg.includes(`Seed ${seed}.`), 'the seed');
          } else {
            const lines = body.toString('utf8').split('\n');
            assert(lines[0].startsWith('# ET Explorer chart: ') && lines[1] === `# link: ${link}`, lines.slice(0, 3).join('\n'));
            assert(lines[2].startsWith(`# version: ET Explorer ${version}, model version `), lines[2]);
            assert(!seed || lines[3] === `# seed: ${seed}`, lines[3]);
            const params = lines.filter((l) => l.startsWith('# parameter: '));
            assert(params.length >= 2, `every parameter: ${params.length}`);
            assert(lines.find((l) => !l.startsWith('#')).startsWith('series,kind,'), 'the data after the comments');
          }
        }
        // The Markdown snippet names the PNG just downloaded.
        await page.click(`figure[data-chart="${chart}"] button[data-export="embed"]`);
        const md = await page.inputValue(`#embed-${chart}-markdown`);
        assert(md.includes(`](${names[0]})`), `${md} names ${names[0]}`);
        // Another state: another file name.
        await page.goto('about:blank');
        const [route, query] = hash.split('?');
        const q = new URLSearchParams(query);
        if (seed) q.set('seed', '987');
        else if (key === 'allocation') q.set('alpha', '2');
        else q.set('T', '32');
        await page.goto(`${origin}/et/${route}?${q}`);
        await firstChart(page);
        const again = await download(page, chart, 'png');
        assert(again.name !== names[0] && again.name.startsWith(`et-explorer-${key}-${chart}-`), `${again.name} vs ${names[0]}`);
      });
    }

    await check('#/primary?seed=2 opens the study\'s model; a former link opens the former one with a notice', async () => {
      await page.goto('about:blank');
      await page.goto(`${origin}/et/#/primary?seed=2`);
      await firstChart(page);
      assert(await page.inputValue('#ctl-scenario') === '0', 'the scenario picker says ET-Simulation');
      await page.waitForFunction(() => location.hash.includes('scenario=et-simulation') && location.hash.includes('seed=2'));
      const former = await page.locator('.notices', { hasText: 'former SPEC §4 model' }).count();
      assert(former === 0, 'no legacy notice');
      await page.goto('about:blank');
      await page.goto(`${origin}/et/#/primary?rule=second-price&rho=0.95&vol=0&jit=off&pop=tiered`);
      await firstChart(page);
      const notice = await page.textContent('.page .notices');
      assert(notice.includes('former SPEC §4 model') && notice.includes('rho, vol, jit'), notice);
      assert(await page.inputValue('#ctl-scenario') !== '0', 'not the study');
    });

    await check('a link made with an older model version names what changed since', async () => {
      await page.goto('about:blank');
      await page.goto(`${origin}/et/#/primary?scenario=et-simulation&mv=2`);
      await firstChart(page);
      const notice = await page.textContent('main > .notices');
      assert(notice.includes('model version 2') && notice.includes('22 % → 46 %'), notice);
      await page.waitForFunction(() => /&mv=[3-9]|&mv=\d\d/.test(location.hash));
      await page.screenshot({ path: `${shots}/published-version-notice.png` });
      // An embed made with the older version says so by its Open link.
      await page.goto('about:blank');
      await page.goto(`${origin}/et/#/primary?scenario=et-simulation&mv=2&embed=hhi`);
      await page.waitForSelector('.embed-open .embed-changed');
      assert(/embed=hhi/.test(page.url()) && /mv=\d/.test(page.url()), page.url());
      await page.goto('about:blank');
      await page.goto(`${origin}/et/#/primary`);
      await firstChart(page);
      assert(await page.locator('main > .notices').count() === 0, 'a bare link says nothing');
    });

    await check('no console errors on the published site', async () => {
      assert(errors.length === 0, errors.join('\n'));
    });
  } finally {
    await context.close();
    server.close();
    local.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
