// The analysis refresh: redone whenever the derived tables are missing or older than the mail (a
// killed or skipped refresh), and run under the store lock, so it always analyses the newest mail.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { openStore } from "../../loaders/store/store.ts";
import { analysisStale } from "../../loaders/pipeline/refresh.ts";
import { cli as inProcess } from "../helpers/cli-in-process.ts";
import { tempDir } from "../store/helpers.ts";
import { writeSyntheticMbox } from "../store/synthetic-mbox.ts";

const CLI = ["--import", "tsx", join(process.cwd(), "loaders/cli.ts")];
// The follow-up runs in-process (test/helpers/cli-in-process.ts); the runs that are killed or race
// another writer are processes.
const cli = (...args: string[]) => inProcess(args);
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function counts(dir: string): Promise<{ messages: number; threaded: number }> {
  const s = await openStore(dir);
  try {
    const [r] = await s.query<{ messages: number; threaded: number }>(
      "SELECT (SELECT count(*) FROM messages) AS messages, (SELECT count(*) FROM message_threads) AS threaded");
    return r;
  } finally {
    await s.close();
  }
}

test("a refresh killed after the ingest committed is redone by the next run, though it brings nothing new", { timeout: 180_000 }, async () => {
  const t = tempDir("tg-refresh-kill-");
  try {
    const mbox = join(t.dir, "netdev.mbox");
    writeSyntheticMbox(mbox, { messages: 3000, lists: ["netdev@vger.kernel.org"] });
    const store = join(t.dir, "store");
    const args = [...CLI, "ingest", "--store", store, "--json", `netdev=${mbox}`];
    const child = spawn(process.execPath, args, { stdio: "ignore" });
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on("exit", (_c, sig) => r(sig)));
    // The ingest is committed (people written last) and the refresh is running.
    while (child.exitCode === null && !(existsSync(join(store, "manifest.json")) && manifest(store).people)) await wait(5);
    child.kill("SIGKILL");
    assert.equal(await exited, "SIGKILL", "killed during the refresh (make the input bigger if not)");
    assert.equal(existsSync(join(store, "derived", "refresh.json")), false, "the refresh had not finished");
    assert.equal(analysisStale(store), true);

    const again = await cli("ingest", "--store", store, "--json", `netdev=${mbox}`);
    assert.equal(again.status, 0, again.stderr);
    assert.deepEqual(JSON.parse(again.stdout).sources.map((s: { new: number }) => s.new), [0], "nothing new");
    assert.match(again.stderr, /analyzed 3000 messages/);
    assert.equal(analysisStale(store), false);
    assert.deepEqual(await counts(store), { messages: 3000, threaded: 3000 });
    assert.equal(JSON.parse(readFileSync(join(store, "site", "meta.json"), "utf8")).counts.messages, 3000);

    // Current now: a further run with nothing new does not redo it.
    const third = await cli("ingest", "--store", store, "--json", `netdev=${mbox}`);
    assert.equal(third.status, 0, third.stderr);
    assert.doesNotMatch(third.stderr, /analyzed/);
  } finally {
    t.cleanup();
  }
});

test("a refresh killed while it rewrites derived tables (a window change, nothing new) is stale, and redone by the next run", { timeout: 180_000 }, async () => {
  const t = tempDir("tg-refresh-kill2-");
  try {
    const mbox = join(t.dir, "netdev.mbox");
    writeSyntheticMbox(mbox, { messages: 3000, lists: ["netdev@vger.kernel.org"] });
    const store = join(t.dir, "store");
    const first = await cli("ingest", "--store", store, `netdev=${mbox}`);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(analysisStale(store), false);
    const sig = (f: string) => { try { const s = statSync(join(store, "derived", f)); return `${s.ino}:${s.mtimeMs}`; } catch { return "gone"; } };
    const tables = readdirSync(join(store, "derived")).filter((f) => f.endsWith(".parquet"));
    const before = Object.fromEntries(tables.map((f) => [f, sig(f)]));
    const child = spawn(process.execPath, [...CLI, "analyze", "--store", store, "--since", "2024-07-02"], { stdio: "ignore" });
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on("exit", (_c, s) => r(s)));
    // the first derived table replaced: kill it there
    while (child.exitCode === null && tables.every((f) => sig(f) === before[f])) await wait(2);
    child.kill("SIGKILL");
    assert.equal(await exited, "SIGKILL", "killed during the refresh (make the input bigger if not)");
    assert.ok(tables.some((f) => sig(f) !== before[f]), "a derived table was rewritten");
    assert.equal(analysisStale(store), true, "half-rewritten derived tables are stale");
    const again = await cli("ingest", "--store", store, `netdev=${mbox}`);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout + again.stderr, /analyzed \d+ messages/);
    assert.equal(analysisStale(store), false);
  } finally {
    t.cleanup();
  }
});

test("an ingest with --no-analyze leaves the analysis stale; the next run with nothing new refreshes it", { timeout: 120_000 }, async () => {
  const t = tempDir("tg-refresh-skip-");
  try {
    const mbox = join(t.dir, "netdev.mbox");
    writeSyntheticMbox(mbox, { messages: 200, lists: ["netdev@vger.kernel.org"] });
    const store = join(t.dir, "store");
    assert.equal((await cli("ingest", "--store", store, `netdev=${mbox}`)).status, 0);
    writeSyntheticMbox(join(t.dir, "more.mbox"), { messages: 100, offset: 200, lists: ["netdev@vger.kernel.org"] });
    const skipped = await cli("ingest", "--store", store, "--no-analyze", `netdev=${join(t.dir, "more.mbox")}`);
    assert.equal(skipped.status, 0, skipped.stderr);
    assert.equal(analysisStale(store), true);
    assert.deepEqual(await counts(store), { messages: 300, threaded: 200 });
    const r = await cli("ingest", "--store", store, `netdev=${mbox}`);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /analyzed 300 messages/);
    assert.deepEqual(await counts(store), { messages: 300, threaded: 300 });
  } finally {
    t.cleanup();
  }
});

test("analyze during an ingest waits for the writer and analyses the newest mail, never an older snapshot", { timeout: 180_000 }, async () => {
  const t = tempDir("tg-refresh-lock-");
  try {
    const mbox = join(t.dir, "netdev.mbox");
    writeSyntheticMbox(mbox, { messages: 3000, lists: ["netdev@vger.kernel.org"] });
    const store = join(t.dir, "store");
    const ingest = spawn(process.execPath, [...CLI, "ingest", "--store", store, "--batch-size", "20", "--no-analyze", `netdev=${mbox}`], { stdio: "ignore" });
    const ingested = new Promise<number | null>((r) => ingest.on("exit", (c) => r(c)));
    while (ingest.exitCode === null && !(existsSync(join(store, "manifest.json")) && manifest(store).generation >= 2)) await wait(5);
    assert.equal(ingest.exitCode, null, "the ingest was still running (make the input bigger if not)");
    const analyze = spawnSync(process.execPath, [...CLI, "analyze", "--store", store], { encoding: "utf8" });
    assert.equal(analyze.status, 0, analyze.stderr);
    assert.equal(await ingested, 0);
    assert.equal(JSON.parse(readFileSync(join(store, "derived", "refresh.json"), "utf8")).generation, manifest(store).generation);
    assert.equal(analysisStale(store), false);
    assert.deepEqual(await counts(store), { messages: 3000, threaded: 3000 });
    assert.match(analyze.stdout, /analyzed 3000 messages/);
  } finally {
    t.cleanup();
  }
});

test("half-written site copies a killed or failed refresh left (site.new-<pid>, site.old-<pid>) are removed by the next refresh", { timeout: 120_000 }, async () => {
  const { mkdirSync, writeFileSync } = await import("node:fs");
  const t = tempDir("tg-refresh-leftovers-");
  try {
    const mbox = join(t.dir, "netdev.mbox");
    writeSyntheticMbox(mbox, { messages: 50, lists: ["netdev@vger.kernel.org"] });
    const store = join(t.dir, "store");
    assert.equal((await cli("ingest", "--store", store, "--no-analyze", `netdev=${mbox}`)).status, 0);
    for (const n of ["site.new-999999", "site.old-999998"]) { mkdirSync(join(store, n)); writeFileSync(join(store, n, "meta.json"), "{}"); }
    mkdirSync(join(store, "site.newer")); // not a leftover's name: kept
    const r = await cli("analyze", "--store", store);
    assert.equal(r.status, 0, r.stderr);
    const left = readdirSync(store).filter((n) => n.startsWith("site")).sort();
    assert.deepEqual(left, ["site", "site.newer"]);
  } finally { t.cleanup(); }
});
