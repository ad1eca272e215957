// When a page's charts are drawn, from inside the page (an init script): shared by the
// first-chart benchmark and the e2e check of first views (issue 23).

/** Records in `window.__charts` (milliseconds from navigation start): `first`, when the
 * first chart is drawn; `firstView`, when the first chart of a first view is (a page
 * whose `.view-state` says `data-final="false"`); `final`, when the last chart of the
 * final view is; and `long`, every long task on the page's thread ([start, duration]).
 * A sweep's own charts (section.sweep, a separate run) are left out. */
export function watchCharts() {
  const c = { first: null, firstView: null, final: null, long: [] };
  window.__charts = c;
  new MutationObserver((ms) => {
    const t = performance.now();
    for (const m of ms) {
      if (m.target.closest('section.sweep')) continue;
      if (c.first === null) c.first = t;
      const v = document.querySelector('.view-state');
      if (v && v.dataset.final === 'false' && c.firstView === null) c.firstView = t;
      if (!v || v.dataset.final === 'true') c.final = t;
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-axes'] });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) c.long.push([Math.round(e.startTime), Math.round(e.duration)]);
  }).observe({ type: 'longtask', buffered: true });
}
