// Best-of-three wall time of `f` after one warm-up run, printed as `wasm <name>: … ms`.
export function time(name, f) {
  f();
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  console.log(`wasm ${name}: ${best.toFixed(1)} ms (best of 3)`);
}
