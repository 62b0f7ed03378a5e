// The test files `npm test` runs (run-tests.mjs), slowest first: files start in this order, a few at
// a time, and a long file that started last would run alone at the end while the other core idles.
// SLOW comes from the per-file report at the end of `npm test` (file-times-reporter.mjs); a file
// missing from it runs after them, in path order. `full`: the *.full.test.ts suites instead.
import { readdirSync } from "node:fs";
import { join } from "node:path";

// One site build serves every Chromium suite (the synthetic corpus; the others swap their data in,
// test/site/store-data-site.ts): site.test.ts builds it while incremental builds the ksummit and
// linux-cxl inboxes and the slowest files without a browser run beside them, so no site suite takes
// a slot only to wait for that build. Then by time, slowest first (a cold, quiet `npm test`'s per-file
// report; the site suites cost a third of what they did before settle() and Chromium's cache).
export const SLOW = [
  "test/site/site.test.ts",
  "test/sync/incremental.test.ts",
  "test/store/readers-during-ingest.test.ts",
  "test/sync/hostile-rss.test.ts",
  "test/store/failed-command.test.ts",
  "test/site/site-hostile.test.ts",
  "test/site/series-page.test.ts",
  "test/analysis/refresh-lock.test.ts",
  "test/commands/start.test.ts",
  "test/site/page-width.test.ts",
  "test/site/charts.test.ts",
  "test/site/people-window.test.ts",
  "test/store/kill.test.ts",
  "test/commands/identity-settings.test.ts",
  "test/site/subsystems-page.test.ts",
  "test/site/filter.test.ts",
  "test/sync/sync-real.test.ts",
  "test/store/manifest-damage.test.ts",
  "test/sync/faults.test.ts",
  "test/site/site-empty.test.ts",
  "test/site/person-window.test.ts",
  "test/store/read-only.test.ts",
  "test/analysis/framework-archive.test.ts",
  "test/sync/http-limits.test.ts",
  "test/analysis/site-sink.test.ts",
  "test/sync/window-change.test.ts",
  "test/commands/cli-usage.test.ts",
  "test/store/disk-full.test.ts",
  "test/analysis/loader-cache.test.ts",
  "test/thread/public-inbox-agreement.test.ts",
];

const walk = (dir) => readdirSync(dir, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

/** The fast suite's files (or with `full`, the *.full.test.ts ones), relative to the repository root. */
export function testFiles(full = false) {
  const files = walk("test").filter((f) => f.endsWith(".test.ts") && f.endsWith(".full.test.ts") === full).sort();
  // A renamed or deleted slow file would silently lose its place: say so instead.
  const gone = full ? [] : SLOW.filter((f) => !files.includes(f));
  if (gone.length) throw new Error(`test/helpers/test-order.mjs: SLOW names files that do not exist: ${gone.join(", ")}`);
  const rank = (f) => { const i = SLOW.indexOf(f); return i < 0 ? SLOW.length : i; };
  return files.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
}
