// Child process of hostile-rss.test.ts: runs one sync (argv[2]: JSON options) in its own process,
// so its peak RSS is measured alone, then prints one JSON line: { ok, lists, maxRssMiB, ms }.
// A watchdog stops it far above the limit the test asserts (old code grew to several GiB).
import { sync } from "../../loaders/sync/index.ts";
import { resolveWindow } from "../../loaders/model/window.ts";
import { ProgressReporter } from "../../loaders/sync/progress.ts";
import type { ListConfig } from "../../loaders/config.ts";

const o = JSON.parse(process.argv[2]) as {
  store: string; archives: string; lists: ListConfig[]; since: string; until: string; http: Record<string, number>; abortMiB: number;
};
const peak = () => Math.round(Math.max(process.resourceUsage().maxRSS / 1024, process.memoryUsage().rss / (1 << 20)));
const watchdog = setInterval(() => {
  if (process.memoryUsage().rss > o.abortMiB * (1 << 20)) {
    console.log(JSON.stringify({ aborted: true, maxRssMiB: peak() }));
    process.exit(3);
  }
}, 20);
const t0 = Date.now();
const res = await sync({
  store: o.store, archives: o.archives, lists: o.lists, window: resolveWindow(o.since, o.until), defaultMode: "http",
  progress: new ProgressReporter({ write: () => true, isTTY: false }), http: o.http,
});
clearInterval(watchdog);
console.log(JSON.stringify({ ok: res.ok, lists: res.lists, maxRssMiB: peak(), ms: Date.now() - t0 }));
