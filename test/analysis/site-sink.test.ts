// A refresh writes each page artifact into its new site directory as the builders make it (a
// SiteDirSink) instead of holding every file's text until the end: the same bytes as the files kept
// in a Map (the thread shards and the graph downloads written by their worker threads), only meta.json kept in memory; and a refresh never removes another live refresh's copy.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { openSource } from "../../loaders/sources/index.ts";
import { runAnalysis } from "../../loaders/analysis/run.ts";
import { SiteDirSink } from "../../loaders/analysis/site-sink.ts";
import { shardWorker, threadShardStats } from "../../loaders/analysis/thread-shards-job.ts";
import { graphExportStats, graphExportWorker } from "../../loaders/analysis/graph-exports-job.ts";
import { refreshAnalysis } from "../../loaders/pipeline/refresh.ts";
import { tempDir } from "../store/helpers.ts";
import { readStoreSettings } from "../../loaders/store/settings.ts";
import { writeSyntheticMbox } from "../store/synthetic-mbox.ts";
import { LISTS, writeSyntheticCorpus } from "../site/synthetic-corpus.ts";

async function syntheticStore(dir: string): Promise<string> {
  const specs = writeSyntheticCorpus(join(dir, "mail"));
  const storeDir = join(dir, "store");
  const store = await openStore(storeDir);
  try {
    await ingest(store, specs.map((s) => openSource(s)), { lists: LISTS.map((name) => ({ name, address: `${name}@vger.kernel.org` })) });
  } finally {
    await store.close();
  }
  return storeDir;
}

function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath ?? (d as unknown as { path: string }).path, d.name))).sort();
}

/** meta.json without the two fields that differ between any two runs. */
const meta = (text: string) => { const { refreshed_at, elapsed_s, ...rest } = JSON.parse(text); return rest; };

test("runAnalysis into a SiteDirSink writes every file as the Map holds it, byte for byte, and keeps only meta.json's text", { timeout: 120_000 }, async () => {
  const t = tempDir("tg-site-sink-");
  try {
    const storeDir = await syntheticStore(t.dir);
    const opts = { storeDir, lists: [...LISTS], window: {}, maintainers: null };
    const inMemory = await runAnalysis(opts);
    const out = join(t.dir, "site");
    // The thread shards and the graph downloads on their worker threads, as at full scale (this corpus is below the thresholds).
    const before = threadShardStats.worker, from = shardWorker.fromMessages, graphBefore = graphExportStats.worker, edgesFrom = graphExportWorker.fromEdges;
    shardWorker.fromMessages = 0;
    graphExportWorker.fromEdges = 0;
    const streamed = await runAnalysis({ ...opts, sink: new SiteDirSink(out) }).finally(() => { shardWorker.fromMessages = from; graphExportWorker.fromEdges = edgesFrom; });
    assert.equal(threadShardStats.worker - before, 1, "the thread shards were built on the worker");
    assert.equal(graphExportStats.worker - graphBefore, 1, "the graph downloads were made on their worker");
    for (const f of ["graph-nodes.csv", "graph-edges.csv", "graph.gexf", "graph.graphml"]) assert.ok(inMemory.files.get(f)!.length > 200, f);
    assert.deepEqual(tree(out), [...inMemory.files.keys()].sort(), "the same file names");
    assert.ok(inMemory.files.size > 100, `${inMemory.files.size} files`);
    for (const [name, text] of inMemory.files) {
      if (name === "meta.json") continue;
      assert.equal(readFileSync(join(out, name), "utf8"), text, name);
    }
    assert.deepEqual(meta(readFileSync(join(out, "meta.json"), "utf8")), meta(inMemory.files.get("meta.json")!));
    assert.equal(streamed.files.size, inMemory.files.size);
    assert.equal(streamed.files.get("meta.json"), readFileSync(join(out, "meta.json"), "utf8"));
    assert.throws(() => streamed.files.get("people.json"), /only meta\.json is kept in memory/);
  } finally {
    t.cleanup();
  }
});

test("a refresh removes dead refreshes' site.new-<pid>/site.old-<pid> but not a live one's (no store lock outside the store)", { timeout: 120_000 }, async () => {
  const t = tempDir("tg-site-sink-live-");
  const live = spawn("sleep", ["60"], { stdio: "ignore" });
  try {
    const storeDir = await syntheticStore(t.dir);
    const dead = spawnSync("true").pid!;
    const out = join(t.dir, "out", "site");
    const copies = [`site.new-${live.pid}`, `site.new-${dead}`, `site.old-${dead}`];
    for (const n of copies) { mkdirSync(join(t.dir, "out", n), { recursive: true }); writeFileSync(join(t.dir, "out", n, "meta.json"), "{}"); }
    const r = await refreshAnalysis({ storeDir, lists: [...LISTS], outDir: out, writeDerived: false, maintainers: null, warn: () => {} });
    assert.equal(JSON.parse(r.files.get("meta.json")!).counts.messages > 0, true);
    assert.ok(existsSync(join(out, "people.json")));
    assert.deepEqual(readdirSync(join(t.dir, "out")).sort(), ["site", `site.new-${live.pid}`], "the live process's copy is kept, the dead ones' removed");
  } finally {
    live.kill();
    t.cleanup();
  }
});

test("a refresh killed while it writes its new site directory leaves the old site and saved window intact; the next refresh removes the half-written copy", { timeout: 180_000 }, async () => {
  const t = tempDir("tg-site-sink-kill-");
  const CLI = ["--import", "tsx", join(process.cwd(), "loaders/cli.ts")];
  try {
    const mbox = join(t.dir, "netdev.mbox");
    writeSyntheticMbox(mbox, { messages: 3000, lists: ["netdev@vger.kernel.org"] });
    const store = join(t.dir, "store"), site = join(store, "site");
    const first = spawnSync(process.execPath, [...CLI, "ingest", "--store", store, `netdev=${mbox}`], { encoding: "utf8" });
    assert.equal(first.status, 0, first.stderr);
    const snapshot = new Map(tree(site).map((f) => [f, readFileSync(join(site, f), "utf8")]));
    // Another window: every file changes. Killed once its new directory holds some files.
    const child = spawn(process.execPath, [...CLI, "analyze", "--store", store, "--since", "2024-07-02"], { stdio: "ignore" });
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on("exit", (_c, s) => r(s)));
    const half = join(store, `site.new-${child.pid}`);
    while (child.exitCode === null && !existsSync(join(half, "people.json"))) await new Promise((r) => setTimeout(r, 2));
    child.kill("SIGKILL");
    assert.equal(await exited, "SIGKILL", "killed while writing the new site (make the input bigger if not)");
    assert.ok(existsSync(half), "a half-written copy was left");
    assert.deepEqual(tree(site), [...snapshot.keys()]);
    for (const [f, text] of snapshot) assert.equal(readFileSync(join(site, f), "utf8"), text, f);
    // Nor is the killed run's window saved: a plain re-run analyses what the store had chosen (all data).
    assert.equal(readStoreSettings(store).reportWindow, undefined, "the killed run's --since is not saved");
    const again = spawnSync(process.execPath, [...CLI, "analyze", "--store", store], { encoding: "utf8" });
    assert.equal(again.status, 0, again.stderr);
    assert.deepEqual(readdirSync(store).filter((n) => n.startsWith("site")), ["site"]);
    assert.equal(JSON.parse(readFileSync(join(site, "meta.json"), "utf8")).counts.messages, 3000);
  } finally {
    t.cleanup();
  }
});
