// A store written by a newer threadgraph (a higher store format) is refused by readers and writers
// with an error that says so and what to do, and nothing in it changes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./helpers.ts";
import { snapshotFiles } from "./snapshot.ts";
import { cli as inProcess } from "../helpers/cli-in-process.ts";

// In-process (test/helpers/cli-in-process.ts): what the commands do, not the process boundary (test/cli.test.ts).
const cli = (...args: string[]) => inProcess(args);

test("a newer store format: stats and ingest refuse it, saying a newer version wrote it; the store is unchanged", { timeout: 60_000 }, async () => {
  const t = tempDir("tg-newer-");
  try {
    const mbox = join(t.dir, "a.mbox");
    writeFileSync(mbox, "From x@y Thu Jan  1 00:00:00 1970\nFrom: A <a@b.org>\nTo: netdev@vger.kernel.org\nSubject: s\nMessage-ID: <m1@x>\n\nb\n");
    const store = join(t.dir, "store");
    assert.equal((await cli("ingest", "--store", store, "--no-analyze", `netdev=${mbox}`)).status, 0);
    const mf = join(store, "manifest.json");
    writeFileSync(mf, JSON.stringify({ ...JSON.parse(readFileSync(mf, "utf8")), format: 2 }));
    const before = snapshotFiles(store);
    for (const args of [["stats", "--store", store], ["ingest", "--store", store, "--no-analyze", `netdev=${mbox}`]]) {
      const r = await cli(...args);
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr, /written by a newer threadgraph \(store format 2; this version reads format 1\)/);
      assert.deepEqual(snapshotFiles(store), before);
    }
  } finally {
    t.cleanup();
  }
});
