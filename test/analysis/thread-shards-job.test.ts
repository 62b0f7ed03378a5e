// The thread and message shards built on a worker thread (thread-shards-job.ts) are the files built
// in this thread, byte for byte, on threads that take every branch of a detail; a write error there
// fails the analysis with the file named (no silent fallback); a run failing elsewhere stops the worker
// before its caller removes the directory.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { buildThreadsArtifacts } from "../../loaders/analysis/build-people.ts";
import { threadRowJson } from "../../loaders/analysis/thread-detail-json.ts";
import { threadSeries, threadSeriesIndex } from "../../loaders/analysis/build-series.ts";
import { shardWorker, startThreadShards, threadShardsHere, threadShardStats } from "../../loaders/analysis/thread-shards-job.ts";
import { runAnalysis } from "../../loaders/analysis/run.ts";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { openSource } from "../../loaders/sources/index.ts";
import { LISTS, writeSyntheticCorpus } from "../site/synthetic-corpus.ts";
import { SiteDirSink } from "../../loaders/analysis/site-sink.ts";
import { tempDir } from "../store/helpers.ts";
import { hostileCorpus } from "./hostile-threads.ts";

function inputs() {
  const a = analyzeCorpus(hostileCorpus());
  const { threads, reviewsOf } = buildThreadsArtifacts(a);
  const ids = threads.rows.map((r) => r.id), rows = threadRowJson(threads.rows);
  // The analysis' path: each series group's part made once, the same as threadSeries gives each thread.
  const seriesOf = threadSeriesIndex(a);
  ids.forEach((id, k) => assert.deepEqual(seriesOf(k), threadSeries(a, id), id.slice(0, 40)));
  return { a, ids, rows, extras: { reviewsOf, seriesOf } };
}

function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath ?? (d as unknown as { path: string }).path, d.name))).sort();
}

test("thread shards on a worker thread = the shards built here, file for file", { timeout: 60_000 }, async () => {
  const { a, ids, rows, extras } = inputs();
  const here = new Map<string, string>();
  for (const _ of threadShardsHere(a, ids, rows, extras, here)) { /* to the end */ }
  assert.ok(here.size > 100 && [...here.values()].some((t) => t.includes('"full_counts"')) && [...here.values()].some((t) => t.includes('"series"')),
    "a cut thread and a series part among the files");
  const t = tempDir("tg-thread-shards-");
  try {
    const sink = new SiteDirSink(join(t.dir, "site"));
    const before = { ...threadShardStats };
    const run = startThreadShards(a, ids, rows, extras, sink, 0);
    assert.ok(run, "a directory sink gets a worker");
    await run.done;
    assert.deepEqual([threadShardStats.worker - before.worker, threadShardStats.fallbacks - before.fallbacks], [1, 0], "built on the worker");
    assert.deepEqual(tree(sink.dir), [...here.keys()].sort(), "the same files");
    assert.equal(sink.size, here.size, "the worker's files count as written");
    for (const [name, text] of here) assert.equal(readFileSync(join(sink.dir, name), "utf8"), text, name);
    assert.equal(startThreadShards(a, ids, rows, extras, new Map(), 0), null, "a Map sink: built here");
    assert.equal(startThreadShards(a, ids, rows, extras, sink, a.corpus.messages.length + 1), null, "a small corpus: built here");
  } finally {
    t.cleanup();
  }
});

test("a write error on the worker fails the run with the path named, and is not retried here", { timeout: 60_000 }, async () => {
  const { a, ids, rows, extras } = inputs();
  const t = tempDir("tg-thread-shards-err-");
  try {
    const dir = join(t.dir, "site");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "thread"), "a file where the shard directory goes");
    const before = { ...threadShardStats };
    const run = startThreadShards(a, ids, rows, extras, new SiteDirSink(dir), 0)!;
    await assert.rejects(run.done, (e: Error) => e.message.includes(join(dir, "thread")));
    assert.equal(threadShardStats.fallbacks - before.fallbacks, 0, "no second try in this thread");
  } finally {
    t.cleanup();
  }
});

test("a worker that fails long before the run awaits it is no unhandled rejection: the error waits for the await", { timeout: 60_000 }, async () => {
  const { a, ids, rows, extras } = inputs();
  const t = tempDir("tg-thread-shards-late-");
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => { unhandled.push(e); };
  process.on("unhandledRejection", onUnhandled);
  try {
    const dir = join(t.dir, "site");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "thread"), "a file where the shard directory goes");
    const run = startThreadShards(a, ids, rows, extras, new SiteDirSink(dir), 0)!;
    // The analysis goes on with its other builders (event-loop turns) before it awaits the shards.
    for (let i = 0; i < 40 && !unhandled.length; i++) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(unhandled, []);
    await assert.rejects(run.done, (e: Error) => e.message.includes(join(dir, "thread")));
  } finally {
    process.off("unhandledRejection", onUnhandled);
    t.cleanup();
  }
});

test("a run that fails while the worker writes stops it: nothing reappears in the directory the caller removes", { timeout: 120_000 }, async () => {
  const t = tempDir("tg-thread-shards-cancel-");
  const from = shardWorker.fromMessages;
  try {
    const storeDir = join(t.dir, "store"), mail = join(t.dir, "mail");
    const store = await openStore(storeDir);
    try {
      await ingest(store, writeSyntheticCorpus(mail).map((s) => openSource(s)), { lists: LISTS.map((name) => ({ name, address: `${name}@vger.kernel.org` })) });
    } finally {
      await store.close();
    }
    // A sink that fails on people.json, the builder after the threads': the worker has just started then.
    class Failing extends SiteDirSink {
      override set(name: string, content: string): this {
        if (name === "people.json") throw new Error("disk gone");
        return super.set(name, content);
      }
    }
    const dir = join(t.dir, "site.new-1");
    shardWorker.fromMessages = 0;
    await assert.rejects(runAnalysis({ storeDir, lists: [...LISTS], window: {}, maintainers: null, sink: new Failing(dir) }), /disk gone/);
    rmSync(dir, { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(existsSync(dir), false, "no file written after the failure");
  } finally {
    shardWorker.fromMessages = from;
    t.cleanup();
  }
});
