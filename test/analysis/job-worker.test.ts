// The analysis' offloaded jobs share one worker thread (job-worker.ts): runAnalysis starts it before
// the store read on a big store, posts every job to it, and ends it when the run ends or fails; a
// thread that dies leaves each pending job to this thread, a cancelled one leaves nothing running.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { JobWorker, WorkerDied } from "../../loaders/analysis/job-worker.ts";
import { layoutStats, layoutWorker, startLayout } from "../../loaders/analysis/layout-job.ts";
import { quarterJob, quarterMetrics, quarterStats, quarterWorker, startQuarterMetrics } from "../../loaders/analysis/graph-buckets.ts";
import { layoutGraph } from "../../loaders/graph/layout.ts";
import { rng } from "../../loaders/graph/metrics.ts";
import { jobWorkerPrestart, runAnalysis } from "../../loaders/analysis/run.ts";
import { SiteDirSink } from "../../loaders/analysis/site-sink.ts";
import { shardWorker, threadShardStats } from "../../loaders/analysis/thread-shards-job.ts";
import { graphExportStats, graphExportWorker } from "../../loaders/analysis/graph-exports-job.ts";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { openSource } from "../../loaders/sources/index.ts";
import { LISTS, writeSyntheticCorpus } from "../site/synthetic-corpus.ts";
import { tempDir } from "../store/helpers.ts";
import { corpus, msg, D, H, T0 } from "./fixture.ts";

async function syntheticStore(dir: string): Promise<string> {
  const storeDir = join(dir, "store");
  const store = await openStore(storeDir);
  try {
    await ingest(store, writeSyntheticCorpus(join(dir, "mail")).map((s) => openSource(s)), { lists: LISTS.map((name) => ({ name, address: `${name}@vger.kernel.org` })) });
  } finally {
    await store.close();
  }
  return storeDir;
}

/** Every worker thread `f` creates, and whether it has ended. */
async function workersOf(f: () => Promise<unknown>): Promise<{ ended: () => boolean[]; count: number; error: unknown }> {
  const made: { w: Worker; ended: boolean }[] = [];
  const seen = (w: Worker) => { const e = { w, ended: false }; made.push(e); w.once("exit", () => { e.ended = true; }); };
  process.on("worker", seen);
  let error: unknown = null;
  try { await f(); } catch (e) { error = e; } finally { process.off("worker", seen); }
  await new Promise((r) => setTimeout(r, 200)); // an exit event in flight
  return { ended: () => made.map((m) => m.ended), count: made.length, error };
}

/** Replies among 40 people over ~9 months: a graph to lay out and three quarters. */
function analysis() {
  const r = rng(5), ms = [msg("m0", "p0", T0)];
  for (let i = 1; i < 500; i++) ms.push(msg(`m${i}`, `p${Math.floor(r() * 40)}`, T0 + Math.floor(i * 0.55) * D + H, { irt: `m${Math.floor(r() * i)}` }));
  return analyzeCorpus(corpus(ms));
}

test("runAnalysis runs the thread shards and the graph downloads on one worker thread, and ends it", { timeout: 120_000 }, async () => {
  const t = tempDir("tg-job-worker-");
  const from = shardWorker.fromMessages, edges = graphExportWorker.fromEdges;
  try {
    const storeDir = await syntheticStore(t.dir);
    const before = { shards: threadShardStats.worker, exports: graphExportStats.worker };
    shardWorker.fromMessages = 0;
    graphExportWorker.fromEdges = 0;
    const run = await workersOf(() => runAnalysis({ storeDir, lists: [...LISTS], window: {}, maintainers: null, sink: new SiteDirSink(join(t.dir, "site")) }));
    assert.equal(run.error, null);
    assert.deepEqual([threadShardStats.worker - before.shards, graphExportStats.worker - before.exports], [1, 1], "both jobs done on a worker");
    assert.equal(run.count, 1, "one worker thread for both");
    assert.deepEqual(run.ended(), [true], "ended with the run");
  } finally {
    shardWorker.fromMessages = from;
    graphExportWorker.fromEdges = edges;
    t.cleanup();
  }
});

test("a big store starts the worker before the read (a small one none); the run ends it, also when it fails", { timeout: 120_000 }, async () => {
  const t = tempDir("tg-job-worker-pre-");
  const bytes = jobWorkerPrestart.fromMessageBytes;
  try {
    const storeDir = await syntheticStore(t.dir);
    const opts = { storeDir, lists: [...LISTS], window: {}, maintainers: null };
    assert.equal((await workersOf(() => runAnalysis(opts))).count, 0, "a small store: no worker (no job goes to one)");
    jobWorkerPrestart.fromMessageBytes = 0;
    const ok = await workersOf(() => runAnalysis(opts));
    assert.deepEqual([ok.error, ok.count, ok.ended()], [null, 1, [true]], "started early, ended with the run though no job came");
    class Failing extends SiteDirSink {
      override set(name: string, content: string): this {
        if (name === "threads.json") throw new Error("disk gone");
        return super.set(name, content);
      }
    }
    const failed = await workersOf(() => runAnalysis({ ...opts, sink: new Failing(join(t.dir, "site")) }));
    assert.match(String(failed.error), /disk gone/);
    assert.deepEqual([failed.count, failed.ended()], [1, [true]], "the failed run ended its worker");
  } finally {
    jobWorkerPrestart.fromMessageBytes = bytes;
    t.cleanup();
  }
});

test("a run that fails with every job on the worker ends it, and leaves no unhandled rejection behind", { timeout: 120_000 }, async () => {
  const t = tempDir("tg-job-worker-fail-");
  const saved = [shardWorker.fromMessages, graphExportWorker.fromEdges, layoutWorker.fromNodes, quarterWorker.fromReplies] as const;
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => { unhandled.push(e); };
  process.on("unhandledRejection", onUnhandled);
  try {
    const storeDir = await syntheticStore(t.dir);
    shardWorker.fromMessages = graphExportWorker.fromEdges = layoutWorker.fromNodes = quarterWorker.fromReplies = 0;
    // Fails after the threads' builder: the layout, quarters and thread shards are on the worker then.
    class Failing extends SiteDirSink {
      override set(name: string, content: string): this {
        if (name === "people.json") throw new Error("disk gone");
        return super.set(name, content);
      }
    }
    const failed = await workersOf(() => runAnalysis({ storeDir, lists: [...LISTS], window: {}, maintainers: null, sink: new Failing(join(t.dir, "site")) }));
    assert.match(String(failed.error), /disk gone/);
    assert.deepEqual([failed.count, failed.ended()], [1, [true]], "one worker, ended with the failed run");
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(unhandled, [], "the cancelled jobs' promises are no unhandled rejections");
  } finally {
    process.off("unhandledRejection", onUnhandled);
    [shardWorker.fromMessages, graphExportWorker.fromEdges, layoutWorker.fromNodes, quarterWorker.fromReplies] = saved;
    t.cleanup();
  }
});

test("a worker thread that dies leaves every pending job to this thread, with the same results", { timeout: 60_000 }, async () => {
  const a = analysis();
  const host = new JobWorker();
  let threads = 0;
  // Ended as soon as it exists (not through the host: dead, not cancelled), long before it could answer.
  const seen = (w: Worker) => { threads++; void w.terminate(); };
  process.on("worker", seen);
  const before = { layout: layoutStats.fallbacks, quarters: quarterStats.fallbacks };
  try {
    const layout = startLayout(a.graphAll, 7, 0, null, host);
    const quarters = startQuarterMetrics(a, 0, host);
    const [l, q] = await Promise.all([layout, quarters]);
    assert.equal(threads, 1, "one worker thread for both");
    assert.deepEqual([layoutStats.fallbacks - before.layout, quarterStats.fallbacks - before.quarters], [1, 1], "both made here");
    assert.deepEqual([...l.layout], [...layoutGraph(a.graphAll, 7)]);
    assert.deepEqual(q, quarterMetrics(quarterJob(a)));
    assert.ok(q.length >= 2, "several quarters (the comparison can fail)");
  } finally {
    process.off("worker", seen);
    await host.terminate();
  }
});

test("a cancelled worker makes nothing here: pending and later jobs reject as cancelled", { timeout: 60_000 }, async () => {
  const a = analysis();
  const host = new JobWorker().start();
  const before = { ...layoutStats };
  const layout = startLayout(a.graphAll, 7, 0, null, host);
  await host.terminate();
  await assert.rejects(layout, (e) => e instanceof WorkerDied && e.cancelled);
  await assert.rejects(host.run("quarters", quarterJob(a)), (e) => e instanceof WorkerDied && e.cancelled);
  assert.deepEqual([layoutStats.fallbacks, layoutStats.worker], [before.fallbacks, before.worker], "no layout made, here or there");
});
