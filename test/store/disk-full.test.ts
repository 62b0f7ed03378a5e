// Disk full: the ingest fails with an error naming the file it could not write, the committed store
// stays readable, and a re-run with space ends with the store one uninterrupted run gives.
// Needs root (a small tmpfs is mounted); skips otherwise.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli as inProcess } from "../helpers/cli-in-process.ts";
import { dumpStore, tempDir } from "./helpers.ts";
import { openStore } from "../../loaders/store/store.ts";
import { emptyManifest, writeManifest } from "../../loaders/store/manifest.ts";
import { saveReportWindow } from "../../loaders/store/settings.ts";
import { writeSyntheticMbox } from "./synthetic-mbox.ts";

const CLI = ["--import", "tsx", join(process.cwd(), "loaders/cli.ts")];
const cli = (...args: string[]) => spawnSync(process.execPath, [...CLI, ...args], { encoding: "utf8" });
// The runs with space need not be processes (test/helpers/cli-in-process.ts); the one that meets the
// full disk is, so a crash there is the real process's exit.
const cliInProcess = (...args: string[]) => inProcess(args);

function mountTmpfs(dir: string, size: string): boolean {
  mkdirSync(dir, { recursive: true });
  return spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir]).status === 0;
}

test("disk full mid-ingest: a clear error naming the file, the committed store intact, an equal store after a re-run", { timeout: 240_000 }, async (t) => {
  const tmp = tempDir("tg-full-");
  const small = join(tmp.dir, "small");
  if (process.getuid?.() !== 0 || !mountTmpfs(small, "600k")) {
    tmp.cleanup();
    t.skip("needs root to mount a small tmpfs");
    return;
  }
  try {
    const mbox = join(tmp.dir, "netdev.mbox");
    writeSyntheticMbox(mbox, { messages: 4000, lists: ["netdev@vger.kernel.org"] });
    const args = (store: string) => ["ingest", "--store", store, "--batch-size", "200", `netdev=${mbox}`];
    const full = join(tmp.dir, "full");
    assert.equal((await cliInProcess(...args(full))).status, 0);

    const store = join(small, "store");
    const r = cli(...args(store), "--json");
    assert.equal(r.status, 1, `the ingest failed: ${r.stdout}`);
    assert.match(r.stderr, /no space left on device/i);
    for (const line of r.stderr.split("\n").filter((l) => /no space/i.test(l))) {
      assert.match(line, new RegExp(`${store}/\\S+: `), `the error names the file: ${line}`);
    }
    assert.doesNotMatch(r.stderr, /^\s+at /m, "no stack trace");
    // What was committed reads back (a reader needs no space).
    const m = JSON.parse(readFileSync(join(store, "manifest.json"), "utf8"));
    const partial = await dumpStore(store);
    assert.ok(partial.messages.length < 4000, `partial store: ${partial.messages.length} messages, generation ${m.generation}`);
    // The summary counts what was committed, not what was read; with nothing committed, no refresh claims otherwise.
    const summary = JSON.parse(r.stdout.trim().split("\n").pop()!);
    assert.equal(summary.sources[0].new, partial.messages.length, "summary 'new' = messages committed");
    if (partial.messages.length === 0) assert.doesNotMatch(r.stderr, /the ingested mail is stored/);

    assert.equal(spawnSync("mount", ["-o", "remount,size=256m", small]).status, 0);
    const again = await cliInProcess(...args(store));
    assert.equal(again.status, 0, again.stderr);
    assert.deepEqual(await dumpStore(store), await dumpStore(full));
  } finally {
    spawnSync("umount", [small]);
    tmp.cleanup();
  }
});

test("on a full disk every store write fails naming its file", { timeout: 60_000 }, async (t) => {
  const tmp = tempDir("tg-full-");
  const small = join(tmp.dir, "small");
  if (process.getuid?.() !== 0 || !mountTmpfs(small, "256k")) {
    tmp.cleanup();
    t.skip("needs root to mount a small tmpfs");
    return;
  }
  const dir = join(small, "store");
  const store = await openStore(dir);
  try {
    store.initialize();
    mkdirSync(join(dir, "messages"));
    mkdirSync(join(dir, "derived"));
    // Fill the disk.
    try { writeFileSync(join(small, "filler"), Buffer.alloc(1024 * 1024)); } catch { /* full */ }
    const names = (file: string) => (e: Error) => e.message.includes(file) && /no space left on device/i.test(e.message);
    const rows = [{ message_id: "x".repeat(9000) }];
    await assert.rejects(store.writePart("messages", 1, rows), names(join(dir, "messages/part-000001.jsonl")));
    assert.throws(() => writeManifest(dir, emptyManifest()), names(join(dir, "manifest.json.tmp")));
    assert.throws(() => saveReportWindow(dir, { since: "2024-07-01".repeat(500) }), names(join(dir, "settings.json")));
    await assert.rejects(store.writeDerived("threads", { thread_id: "VARCHAR" }, [{ thread_id: "t".repeat(9000) }]), names(join(dir, "derived/threads.parquet")));
    await assert.rejects(store.writeTable("people/people-000001.parquet", { person_id: "VARCHAR" }, [{ person_id: "p".repeat(9000) }]), names(join(dir, "people/people-000001.parquet")));
    assert.deepEqual(readdirSync(join(dir, "messages")).filter((f) => statSync(join(dir, "messages", f)).size > 0), [], "nothing half-written is named");
    assert.deepEqual(JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")), emptyManifest(), "the committed manifest is intact");
  } finally {
    await store.close();
    spawnSync("umount", [small]);
    tmp.cleanup();
  }
});
