// A command that fails before committing anything into a directory without a store leaves no
// store behind (the next command still says "no store here", not "empty store"); a store that
// existed before, even an empty one, and a directory holding other files stay as they were.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { tempDir } from "./helpers.ts";
import { openStore } from "../../loaders/store/store.ts";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openSource } from "../../loaders/sources/index.ts";

const CLI = ["--import", "tsx", join(process.cwd(), "loaders/cli.ts")];

function mbox(n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) {
    s += `From x@y Thu Jan  1 00:00:00 1970\nFrom: A <a@example.org>\nTo: netdev@vger.kernel.org\nSubject: s${i}\n` +
      `Date: Mon, 1 Jul 2024 12:00:00 +0000\nMessage-ID: <m${i}@example.org>\n\n${"body line\n".repeat(50)}\n`;
  }
  return s;
}

test("sync with every list failing, into a new directory: exit 1, no store created, stats still says 'no store here'", { timeout: 60_000 }, () => {
  const t = tempDir("tg-newstore-");
  try {
    const config = join(t.dir, "tg.config.ts");
    writeFileSync(config, `export default { sync: { retries: 0, connectTimeoutMs: 2000 } };\n`);
    const env = { ...process.env, THREADGRAPH_CONFIG: config, THREADGRAPH_STORE: "" };
    const store = join(t.dir, "store");
    for (const mode of ["http", "git"]) {
      const r = spawnSync(process.execPath, [...CLI, "sync", "--store", store, "--archives", join(t.dir, "arch"), "--mode", mode,
        "--list", "netdev=http://127.0.0.1:9/netdev/", "--since", "2024-07-01", "--until", "2024-07-08"], { encoding: "utf8", env });
      assert.equal(r.status, 1, `${mode}: ${r.stdout}${r.stderr}`);
      assert.ok(!existsSync(store), `${mode}: the failed sync created ${store}: ${existsSync(store) ? readdirSync(store).join(", ") : ""}`);
    }
    const s = spawnSync(process.execPath, [...CLI, "stats", "--store", store], { encoding: "utf8", env });
    assert.equal(s.status, 1);
    assert.match(s.stderr, /no store here/);
  } finally {
    t.cleanup();
  }
});

test("ingest whose only source fails before its first message: no store left; an existing empty dir stays, empty", async () => {
  const t = tempDir("tg-newstore-");
  try {
    const corrupt = join(t.dir, "cut.mbox.gz");
    writeFileSync(corrupt, gzipSync(mbox(50)).subarray(0, 40)); // cut inside the first message
    for (const [dir, existed] of [[join(t.dir, "new"), false], [join(t.dir, "made"), true]] as const) {
      if (existed) mkdirSync(dir);
      const store = await openStore(dir);
      await assert.rejects(ingest(store, [openSource(`netdev=${corrupt}`)]), /cut\.mbox\.gz/);
      await store.close();
      if (existed) assert.deepEqual(readdirSync(dir), [], "the directory the user made stays, as it was");
      else assert.ok(!existsSync(dir), "no store directory left");
    }
  } finally {
    t.cleanup();
  }
});

test("a failure after a commit keeps the new store; a failure into an existing store changes nothing", async () => {
  const t = tempDir("tg-newstore-");
  try {
    const good = join(t.dir, "good.mbox"), cut = join(t.dir, "cut.mbox.gz");
    writeFileSync(good, mbox(3));
    writeFileSync(cut, gzipSync(mbox(50)).subarray(0, 40));
    const dir = join(t.dir, "store");
    let store = await openStore(dir);
    await assert.rejects(ingest(store, [openSource(`netdev=${good}`), openSource(`netdev=${cut}`)]), /cut\.mbox\.gz/);
    await store.close();
    assert.equal(JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")).generation > 0, true, "the good archive is committed and kept");
    // an empty store made by an earlier, successful command stays after a failed one
    const empty = join(t.dir, "empty");
    store = await openStore(empty);
    await ingest(store, []);
    await assert.rejects(ingest(store, [openSource(`netdev=${cut}`)]), /cut\.mbox\.gz/);
    await store.close();
    assert.ok(existsSync(join(empty, "manifest.json")));
  } finally {
    t.cleanup();
  }
});
