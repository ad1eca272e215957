// Chart craft, checked on every chart of a page as drawn (each canvas carries what its
// axes show as `data-axes`): ranges sized by the data, bounded quantities clamped, log
// ticks short, one label style an axis, no label written twice.

/** The significant digits of a tick label ("10,000" → 1, "3.16" → 3, "2.5×10⁻⁴" → 2). */
function sigDigits(label) {
  const mantissa = label.split('×')[0].replace(/[^0-9]/g, '');
  return mantissa.replace(/^0+/, '').replace(/0+$/, '').length;
}

/** Decimals of a plain label ("0.25" → 2, "1,000" → 0); null for powers of ten. */
function decimals(label) {
  if (/[×⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(label)) return null;
  const dot = label.indexOf('.');
  return dot < 0 ? 0 : label.length - dot - 1;
}

/** What is wrong with one axis (`name` for messages), as a list of sentences. */
export function axisFaults(name, a) {
  const faults = [];
  const t = (v) => (a.log ? Math.log10(v) : v);
  if (a.data) {
    const [lo, hi] = a.data.map(t);
    const [from, to] = [t(a.from), t(a.to)];
    const span = hi - lo;
    const slack = span > 0 ? 0.12 * span : Math.max(1, 0.11 * Math.abs(hi));
    const eps = 1e-9 * Math.max(1, Math.abs(hi), Math.abs(lo));
    if (to - hi > slack + eps) faults.push(`${name} runs to ${a.to} for data up to ${a.data[1]}`);
    if (lo - from > slack + eps) faults.push(`${name} starts at ${a.from} for data from ${a.data[0]}`);
    if (a.limits) {
      const [min, max] = a.limits;
      if (a.to > Math.max(max, a.data[1]) * (1 + 1e-9) + 1e-12) faults.push(`${name} runs to ${a.to}, past its bound ${max}`);
      if (!a.log && a.from < Math.min(min, a.data[0]) - 1e-12) faults.push(`${name} starts at ${a.from}, below its bound ${min}`);
    }
  }
  if (a.log) {
    for (const l of a.labels) if (sigDigits(l) > 3) faults.push(`${name}: log tick "${l}" has more than 3 digits`);
  } else {
    const ds = new Set(a.labels.map(decimals).filter((d) => d !== null));
    if (ds.size > 1) faults.push(`${name}: labels in ${ds.size} styles: ${a.labels.join(' ')}`);
  }
  const twice = a.labels.filter((l, i) => a.labels.indexOf(l) !== i);
  if (twice.length) faults.push(`${name}: "${twice[0]}" written twice: ${a.labels.join(' ')}`);
  return faults;
}

/** The faults of every chart drawn on `page`. */
export async function chartFaults(page) {
  const charts = await page.$$eval('figure.chart', (fs) => fs.map((f) => ({
    name: f.dataset.chart || f.querySelector('figcaption, h3, .chart-title')?.textContent || '?',
    axes: f.querySelector('canvas')?.dataset.axes,
  })));
  const faults = [];
  for (const c of charts) {
    if (!c.axes) { faults.push(`${c.name}: not drawn (no data-axes)`); continue; }
    const [x, y] = JSON.parse(c.axes);
    faults.push(...axisFaults(`${c.name} x`, x), ...axisFaults(`${c.name} y`, y));
  }
  return faults;
}
