// Readers (stats, query, the site's data loader) work on a read-only store and write nothing: not
// even the lock. As root, permission bits do not stop writes, so the readers run as an
// unprivileged user on a chmod a-w copy, and every file is compared before and after.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { chmodSync, cpSync, rmSync } from "node:fs";
import { join } from "node:path";
import { acquireLock } from "../../loaders/store/lock.ts";
import { chmodTree, tempDir } from "./helpers.ts";
import { snapshotFiles } from "./snapshot.ts";
import { writeSyntheticMbox } from "./synthetic-mbox.ts";

const ROOT = process.cwd();
const NOBODY = 65534;

function run(args: string[], store: string) {
  const asNobody = process.getuid?.() === 0;
  const opts: SpawnSyncOptions = {
    encoding: "utf8", cwd: ROOT, maxBuffer: 64 << 20,
    // /tmp is writable by anyone: the unprivileged reader keeps its tsx cache there, whatever $TMPDIR the run has
    env: { ...process.env, THREADGRAPH_STORE: store, HOME: "/tmp", TMPDIR: "/tmp" },
    ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
  };
  return spawnSync(process.execPath, ["--import", "tsx", ...args], opts);
}

test("stats, query and the site loader work on a read-only store and change no file", { timeout: 180_000 }, async () => {
  const t = tempDir("tg-ro-");
  chmodSync(t.dir, 0o755);
  try {
    const mbox = join(t.dir, "netdev.mbox");
    writeSyntheticMbox(mbox, { messages: 300, lists: ["netdev@vger.kernel.org"] });
    const analysed = join(t.dir, "analysed"), raw = join(t.dir, "raw");
    for (const [store, extra] of [[analysed, []], [raw, ["--no-analyze"]]] as const) {
      const r = spawnSync(process.execPath, ["--import", "tsx", "loaders/cli.ts", "ingest", "--store", store, ...extra, `netdev=${mbox}`], { encoding: "utf8" });
      assert.equal(r.status, 0, r.stderr);
    }
    // A copy of the analysed store without its artifacts: the site loader computes them in memory.
    const noSite = join(t.dir, "no-site");
    cpSync(analysed, noSite, { recursive: true });
    rmSync(join(noSite, "site"), { recursive: true, force: true });
    // Never analysed, or copied by a tool that drops empty directories: no derived/ at all.
    rmSync(join(raw, "derived"), { recursive: true, force: true });

    for (const store of [analysed, raw, noSite]) {
      chmodTree(store, (dir) => (dir ? 0o555 : 0o444));
      const before = snapshotFiles(store);
      // Another writer holds the lock meanwhile: readers do not need it.
      chmodSync(store, 0o755);
      const lock = acquireLock(store);
      chmodSync(store, 0o555);
      try {
        const stats = run(["loaders/cli.ts", "stats", "--json"], store);
        assert.equal(stats.status, 0, `${store}: ${stats.stderr}`);
        assert.equal(JSON.parse(stats.stdout as string).all_time.messages, 300);
        const q = run(["loaders/cli.ts", "query", "--json", "SELECT count(*)::INTEGER AS n FROM messages JOIN people USING (person_id)"], store);
        assert.equal(q.status, 0, `${store}: ${q.stderr}`);
        assert.deepEqual(JSON.parse(q.stdout as string), { n: 300 });
        const site = run(["src/data/site.zip.ts"], store);
        assert.equal(site.status, 0, `${store}: ${site.stderr}`);
        assert.ok((site.stdout as string).startsWith("PK"), "a zip archive");
      } finally {
        chmodSync(store, 0o755);
        lock.release();
        chmodSync(store, 0o555);
      }
      assert.deepEqual(snapshotFiles(store), before, `${store}: no file changed, none created`);
    }
  } finally {
    chmodTree(t.dir, (dir) => (dir ? 0o755 : 0o644));
    t.cleanup();
  }
});
