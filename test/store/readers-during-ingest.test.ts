// Readers (threadgraph query, stats, the site's loaders) while an ingest commits, seals and compacts
// parts in another process: every read succeeds and sees one committed snapshot, old or new.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { openStore } from "../../loaders/store/store.ts";
import { runAnalysis } from "../../loaders/analysis/run.ts";
import { tempDir } from "./helpers.ts";
import { writeSyntheticMbox } from "./synthetic-mbox.ts";

const CLI = ["--import", "tsx", join(process.cwd(), "loaders/cli.ts")];

test("queries and the analysis read consistent snapshots while an ingest seals and compacts", { timeout: 240_000 }, async () => {
  const t = tempDir("tg-readers-");
  try {
    const mbox = join(t.dir, "netdev.mbox");
    writeSyntheticMbox(mbox, { messages: 6000, lists: ["netdev@vger.kernel.org"] });
    const store = join(t.dir, "store");
    // Small batches: hundreds of commits, a seal every few batches, a compaction at the end.
    const child = spawn(process.execPath, [...CLI, "ingest", "--store", store, "--batch-size", "10", "--no-analyze", "--json", `netdev=${mbox}`],
      { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (d) => { stderr += d; });
    const exited = new Promise<number | null>((r) => child.on("exit", (c) => r(c)));
    const failures: string[] = [];
    let reads = 0, analyses = 0, last = 0;
    const persistent = await openStore(store);
    try {
      while (child.exitCode === null) {
        for (const s of [persistent, await openStore(store)]) {
          try {
            // raw_messages and raw_arrivals are committed together: a mix of two manifests differs.
            const [r] = await s.query<{ m: number; a: number; v: number }>(`SELECT (SELECT count(*) FROM raw_messages) AS m,
              (SELECT count(*) FROM raw_arrivals) AS a, (SELECT count(*) FROM messages) AS v`);
            assert.equal(r.m, r.a, "messages and arrivals from one snapshot");
            assert.equal(r.v, r.m);
            assert.ok(r.m >= last, `snapshots never go back (${r.m} after ${last})`);
            last = r.m;
            reads++;
          } catch (e) {
            failures.push((e as Error).message.split("\n")[0]);
          } finally {
            if (s !== persistent) await s.close();
          }
        }
        if (reads % 20 === 0) {
          try {
            await runAnalysis({ storeDir: store, lists: ["netdev"], window: {} });
            analyses++;
          } catch (e) {
            failures.push(`analysis: ${(e as Error).message.split("\n")[0]}`);
          }
        }
      }
    } finally {
      await persistent.close();
    }
    assert.equal(await exited, 0, stderr);
    assert.deepEqual(failures.slice(0, 5), [], `${failures.length} of ${reads} reads failed`);
    assert.ok(reads > 20 && analyses > 0, `the readers ran during the ingest (${reads} reads, ${analyses} analyses)`);
    const s = await openStore(store);
    try {
      assert.deepEqual(await s.query("SELECT count(*)::INTEGER AS n FROM messages"), [{ n: 6000 }]);
    } finally {
      await s.close();
    }
  } finally {
    t.cleanup();
  }
});
