// Diagnostic: the page thread's trace over a cold load — each top-level event over 5 ms
// (script, style, layout, paint, compile) with its start from navigation, and when charts drew.
// Usage: node tests/bench/diag-trace.mjs DIST [route] [ms]
import { openSite, watchAxes } from './site.mjs';
const dist = process.argv[2] || 'dist';
const route = process.argv[3] || 'ticket-value';
const wait = Number(process.argv[4] || 2000);
const { origin, browser, close } = await openSite(dist);
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  await page.addInitScript(watchAxes);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing', 'loading'] });
  await page.goto(`${origin}/#/${route}`);
  await page.waitForTimeout(wait);
  const buf = await browser.stopTracing();
  const axes = await page.evaluate(() => window.__axes);
  const nav = await page.evaluate(() => performance.timeOrigin * 1000);
  const { traceEvents } = JSON.parse(buf.toString());
  // The renderer main thread: the thread of the first 'Layout' event.
  const lay = traceEvents.find((e) => e.name === 'Layout');
  const main = traceEvents.filter((e) => e.pid === lay.pid && e.tid === lay.tid && e.ph === 'X' && e.dur > 5000);
  const navStart = traceEvents.find((e) => e.name === 'navigationStart' || e.name === 'NavigationStartToBegin')?.ts;
  const t0 = Math.min(...traceEvents.filter((e) => e.pid === lay.pid && e.tid === lay.tid && e.ts > 0).map((e) => e.ts));
  const base = navStart || t0;
  const top = [];
  let end = 0;
  for (const e of main.sort((a, b) => a.ts - b.ts)) {
    const detail = e.args?.data?.url?.split('/').pop() || e.args?.data?.functionName || '';
    const nested = e.ts < end;
    if (!nested) end = e.ts + e.dur;
    top.push(`${nested ? '   ' : ''}${((e.ts - base) / 1000).toFixed(0).padStart(5)} +${(e.dur / 1000).toFixed(1).padStart(6)} ${e.name} ${detail}`);
  }
  console.log(top.join('\n'));
  // The workers' threads: their top-level events over 5 ms.
  const names = new Map(traceEvents.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  console.log([...names.values()].join(", "));
  for (const [key, name] of names) {
    if (!/Worker/i.test(name) || key.startsWith(`${lay.pid}:${lay.tid}`)) continue;
    const evs = traceEvents.filter((e) => `${e.pid}:${e.tid}` === key && e.ph === 'X' && e.dur > 5000).sort((a, b) => a.ts - b.ts);
    let wend = 0;
    const lines = evs.filter((e) => { const keep = e.ts >= wend; if (keep) wend = e.ts + e.dur; return keep; })
      .map((e) => `${((e.ts - base) / 1000).toFixed(0).padStart(5)} +${(e.dur / 1000).toFixed(1).padStart(6)} ${e.name}`);
    if (lines.length) console.log(`-- ${name} ${key}\n${lines.join('\n')}`);
  }
  console.log('charts (ms from navigation):', JSON.stringify(axes));
  await context.close();
} finally { await close(); }
