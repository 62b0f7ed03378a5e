// A node:test reporter that prints, after the run, each test file's time (the durations of its
// top-level tests and suites, hooks included), slowest first: where `npm test`'s minutes go, and the
// order test-order.mjs should start the files in. Arrival times cannot give per-file wall times: the
// runner holds a file's events back until the files before it have reported. Plain JS: reporters
// load before tsx.
export default async function* fileTimes(source) {
  const t0 = Date.now();
  const files = new Map(); // file -> seconds
  for await (const event of source) {
    const { file, nesting, details } = event.data ?? {};
    if (!file || nesting !== 0 || (event.type !== "test:pass" && event.type !== "test:fail")) continue;
    files.set(file, (files.get(file) ?? 0) + (details?.duration_ms ?? 0) / 1000);
  }
  const rows = [...files].map(([file, secs]) => ({ file: file.replace(`${process.cwd()}/`, ""), secs })).sort((a, b) => b.secs - a.secs);
  const sum = rows.reduce((n, r) => n + r.secs, 0);
  yield `\n# test files by time (their top-level tests' durations), slowest first: sum ${sum.toFixed(0)} s over ${((Date.now() - t0) / 1000).toFixed(0)} s wall\n`;
  for (const r of rows.slice(0, 30)) yield `#   ${r.secs.toFixed(1).padStart(6)} s  ${r.file}\n`;
}
