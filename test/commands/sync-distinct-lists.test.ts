// sync with two lists on one inbox (they would share one store source, each run re-tagging the
// other's copies) or one list name twice is a usage error before anything is fetched or stored.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { cli } from "../helpers/cli-in-process.ts";
import { tempDir } from "../store/helpers.ts";

test("sync: one inbox for two lists, or one list twice, is a usage error; nothing is created", { timeout: 30_000 }, async (t) => {
  const tmp = tempDir("tg-sync-lists-");
  t.after(tmp.cleanup);
  const store = join(tmp.dir, "store");
  const url = "http://127.0.0.1:9/zoo/"; // never contacted
  const cases: [string[], RegExp][] = [
    [["--list", `netdev=${url}`, "--list", "linux-cxl=http://127.0.0.1:9/zoo"], /the lists netdev and linux-cxl have the same inbox http:\/\/127\.0\.0\.1:9\/zoo\//],
    [["--list", `netdev=${url}`, "--list", "netdev=http://127.0.0.1:9/other/"], /the list netdev is given twice/],
  ];
  for (const [flags, why] of cases) {
    const r = await cli(["sync", "--store", store, "--mode", "http", "--since", "2024-07-01", "--until", "2024-07-02", "--no-analyze", ...flags]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, why);
    assert.equal(existsSync(store), false);
  }
});
