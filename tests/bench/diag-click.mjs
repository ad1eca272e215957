// Diagnostic: what the page thread does in its tasks over 20 ms after a click
// (`node tests/bench/diag-click.mjs DIST 'route' 'selector' [waitSelector]`): each long task with
// its script, style, layout and paint times from a devtools trace.
import { openSite } from './site.mjs';
const [dist = 'dist', route = 'ticket-value?samples=1e9', sel = '.lottery-engine .run-anyway', ready = sel] = process.argv.slice(2);
const { origin, browser, close } = await openSite(dist);
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${origin}/#/${route}`);
  await page.waitForSelector(ready, { timeout: 30000 });
  await page.waitForTimeout(1500);
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await page.click(sel);
  await page.waitForTimeout(3000);
  await cdp.send('Tracing.end');
  await done;
  const main = events.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const tasks = mine.filter((e) => e.name === 'RunTask' && e.dur > Number(process.env.MIN_US || 8000));
  for (const t of tasks) {
    const inside = mine.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur || 0) <= t.ts + t.dur);
    const sum = new Map();
    for (const e of inside) if (/^(FunctionCall|EventDispatch|TimerFire|Layout|UpdateLayoutTree|Paint|PrePaint|Layerize|RunMicrotasks|FireAnimationFrame|ParseHTML|HitTest|v8.compile|EvaluateScript)$/.test(e.name)) sum.set(e.name, (sum.get(e.name) || 0) + e.dur / 1000);
    console.log(`task ${(t.dur / 1000).toFixed(1)} ms:`, [...sum].map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '));
  }
  await context.close();
} finally { await close(); }
