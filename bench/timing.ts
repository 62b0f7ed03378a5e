// The one timing helper the micro-benchmarks share: the best of a few runs, which is the least
// disturbed by other work on a shared machine.

/** Best wall time in ms of `runs` calls of `run`, after `warmup` untimed calls. */
export function bestOf(run: () => unknown, runs = 3, warmup = 0): number {
  for (let k = 0; k < warmup; k++) run();
  let b = Infinity;
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    run();
    b = Math.min(b, performance.now() - t);
  }
  return b;
}
