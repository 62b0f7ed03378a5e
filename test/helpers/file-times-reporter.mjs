// A node:test reporter that prints, after the run, each test file's wall time (its process start to its
// last result) and when it started, slowest first: where `npm test`'s minutes go, and whether the slow
// files start early enough (test-order.mjs) to keep the tail short. Plain JS: reporters load before tsx.
export default async function* fileTimes(source) {
  const t0 = Date.now();
  const files = new Map(); // file -> { start, end }
  for await (const event of source) {
    const file = event.data?.file;
    if (!file) continue;
    const now = Date.now();
    const f = files.get(file) ?? { start: now, end: now, began: false };
    // The file's own dequeue is when its process starts (enqueue is when it joins the queue).
    if (!f.began && event.type === "test:dequeue" && event.data.nesting === 0 && event.data.name === file) Object.assign(f, { start: now, began: true });
    f.end = now;
    files.set(file, f);
  }
  const rows = [...files].map(([file, f]) => ({ file: file.replace(`${process.cwd()}/`, ""), secs: (f.end - f.start) / 1000, at: (f.start - t0) / 1000 }))
    .sort((a, b) => b.secs - a.secs);
  yield `\n# file wall times (slowest first; 'at' = seconds after the run started), total ${((Date.now() - t0) / 1000).toFixed(0)} s\n`;
  for (const r of rows.slice(0, 30)) yield `#   ${r.secs.toFixed(1).padStart(6)} s  at ${r.at.toFixed(0).padStart(4)} s  ${r.file}\n`;
}
