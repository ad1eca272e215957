// Diagnostic: the page thread's timeline over a cold load, 10 ms buckets, each with the
// project function deepest in most of its samples.
import { openSite, watchAxes } from './site.mjs';
const dist = process.argv[2] || 'dist';
const route = process.argv[3] || 'ticket-value';
const wait = Number(process.argv[4] || 2000);
const { origin, browser, close } = await openSite(dist);
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  await page.addInitScript(watchAxes);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  await page.goto(`${origin}/#/${route}`);
  await page.waitForTimeout(wait);
  const { profile } = await cdp.send('Profiler.stop');
  const nav = await page.evaluate(() => performance.timeOrigin);
  const axes = await page.evaluate(() => window.__axes);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const name = (id) => {
    let best = null;
    for (let x = id; x !== undefined; x = parent.get(x)) {
      const f = byId.get(x).callFrame.functionName;
      if (/et_explorer|et_engine/.test(f)) { best = f.replace(/::h[0-9a-f]{16}$/, '').replace(/<|>/g, '').slice(-70); break; }
    }
    return best || byId.get(id).callFrame.functionName || '(anon)';
  };
  // profile.startTime is in µs on the monotonic clock; performance.timeOrigin in ms epoch.
  let t = profile.startTime;
  const buckets = new Map();
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    const n = name(id);
    if (n === '(idle)') return;
    const b = Math.floor(t / 1000 / 10);
    const m = buckets.get(b) || new Map();
    m.set(n, (m.get(n) || 0) + 1);
    buckets.set(b, m);
  });
  const first = Math.min(...buckets.keys());
  for (const [b, m] of [...buckets].sort((a, c) => a[0] - c[0])) {
    const top = [...m].sort((a, c) => c[1] - a[1]).slice(0, 2).map(([k, v]) => `${k}×${v}`).join(' | ');
    console.log(`${String((b - first) * 10).padStart(5)} ${top}`);
  }
  console.log('charts (ms from navigation):', JSON.stringify(axes));
  await context.close();
} finally { await close(); }
