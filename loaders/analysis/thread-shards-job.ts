// The thread and message shards (shards.ts threadShardFiles: ~110 MB of JSON text at ~200k messages)
// built on a worker thread, so the main thread goes on with the other artifacts meanwhile (2 cores:
// the second one is mostly idle then). The worker gets a compact copy of what the details read
// (ThreadShardsJob: typed arrays and string lists, no object per message), the texts only this
// thread can make (each row's, each thread's reviews and series part) and the site directory; it
// runs the same code (thread-detail-writer.ts, thread-shards-run.ts) and writes the shard files there itself.
// Small corpora, and sinks that are no directory (a Map), build them here.
import type { Analysis } from "./analyze.ts";
import { artifactJson } from "./bounded.ts";
import { personRef } from "./build-graph.ts";
import { analysisDetailSource, detailReviews, detailWriter, type DetailReviews } from "./thread-detail-json.ts";
import { messageThreads, threadShardFiles, type SeriesPart } from "./shards.ts";
import type { ThreadShardsJob } from "./thread-shards-run.ts";
import type { ReviewRow } from "./reviews.ts";
import { SiteDirSink, type SiteSink } from "./site-sink.ts";
import { siteWorkerJob, type SiteWorkerRun } from "./site-worker.ts";
import type { JobWorker } from "./job-worker.ts";

/** Messages from which the thread shards go to a worker (below, starting it costs more than it saves); tests lower it. */
export const shardWorker = { fromMessages: 50_000 };

/** Counters for tests and diagnostics: shard jobs done on a worker, worker jobs that fell back to this thread, the last worker's CPU ms (its startup excluded). */
export const threadShardStats: { worker: number; fallbacks: number; workerCpuMs: number | null } = { worker: 0, fallbacks: 0, workerCpuMs: null };

/** Per thread k: its reviews and its series part (build-series.ts threadSeriesIndex: one object per group); made in this thread, they read the analysis. */
export interface ThreadExtras { reviewsOf(k: number): readonly ReviewRow[]; seriesOf(k: number): { group: string } | null }

/** A thread's series part as the shards take it: its group and its text, made once per object (threads of one group share their part). */
function seriesParts(extras: ThreadExtras): (k: number) => SeriesPart | null {
  const made = new Map<object, SeriesPart>();
  return (k) => {
    const v = extras.seriesOf(k);
    if (v === null) return null;
    let t = made.get(v);
    if (t === undefined) made.set(v, (t = [v.group, artifactJson(v)]));
    return t;
  };
}

/** Everything the worker needs, compact (typed arrays and flat string lists). */
export function threadShardsJob(a: Analysis, threadIds: string[], rows: string[], extras: ThreadExtras, dir: string): ThreadShardsJob {
  const msgs = a.corpus.messages, n = msgs.length, { threading, threads } = a.tr;
  const personAt = new Map<string, number>(), people: string[] = [];
  const person = (p: string) => { let i = personAt.get(p); if (i === undefined) { personAt.set(p, (i = people.length)); people.push(p); } return i; };
  const listAt = new Map<readonly string[], number>(), listSets: string[][] = [];
  const ids = new Array<string>(n), subjects = new Array<string>(n);
  const from = new Int32Array(n), author = new Int32Array(n), lists = new Int32Array(n), thread = new Int32Array(n);
  const date = new Float64Array(n), version = new Float64Array(n), index = new Float64Array(n), total = new Float64Array(n);
  const isPatch = new Uint8Array(n), otherThreads: [number, string][] = [];
  const orNaN = (x: number | null) => (x === null ? NaN : x);
  for (let i = 0; i < n; i++) {
    const m = msgs[i];
    ids[i] = m.id; subjects[i] = m.subject; from[i] = person(m.from); author[i] = m.author === undefined ? -1 : person(m.author);
    date[i] = orNaN(m.date);
    let l = listAt.get(m.lists);
    if (l === undefined) { listAt.set(m.lists, (l = listSets.length)); listSets.push([...m.lists]); }
    lists[i] = l;
    isPatch[i] = m.patch.isPatch ? 1 : 0; version[i] = m.patch.version; index[i] = orNaN(m.patch.index); total[i] = orNaN(m.patch.total);
  }
  // Each message's thread from the members lists (integers, no id lookups); any other by its id.
  thread.fill(-1);
  threads.forEach((t, k) => { for (const i of t.members) thread[i] = k; });
  for (let i = 0; i < n; i++) if (thread[i] < 0 || threads[thread[i]].id !== threading.threadId[i]) otherThreads.push([i, threading.threadId[i]]);
  const root = new Int32Array(threads.length), phantom = new Uint8Array(threads.length), memberAt = new Int32Array(threads.length + 1);
  for (let k = 0; k < threads.length; k++) memberAt[k + 1] = memberAt[k] + threads[k].members.length;
  const members = new Int32Array(memberAt[threads.length]);
  // Each series part once, and per thread the index of its part (-1: none).
  const reviews: [number, DetailReviews][] = [], series: SeriesPart[] = [], seriesOf = new Int32Array(threads.length).fill(-1);
  const partOf = seriesParts(extras), partAt = new Map<SeriesPart, number>();
  for (let k = 0; k < threads.length; k++) {
    const t = threads[k];
    root[k] = t.root; phantom[k] = t.rootIsPhantom ? 1 : 0; members.set(t.members, memberAt[k]);
    const revs = extras.reviewsOf(k);
    if (revs.length) {
      const r = detailReviews(revs);
      // Reviewers and authors who sent nothing still need their refs on the worker.
      for (const tr of r.trailers) { person(tr[1]); if (tr[2] !== null) person(tr[2]); }
      for (const n of r.naks) { person(n[0]); if (n[1] !== null) person(n[1]); }
      reviews.push([k, r]);
    }
    const s = partOf(k);
    if (s === null) continue;
    let at = partAt.get(s);
    if (at === undefined) { partAt.set(s, (at = series.length)); series.push(s); }
    seriesOf[k] = at;
  }
  return { dir, ids, subjects, from, author, date, lists, isPatch, version, index, total, parent: threading.parent.slice(), depth: threading.depth.slice(),
    thread, otherThreads, listSets, people, refs: people.map((p) => artifactJson(personRef(a, p))), threadIds, rows, root, phantom, memberAt, members, reviews, series, seriesOf };
}

/** The shards built here, as a generator that yields between threads (site.ts turns the event loop there). */
export function threadShardsHere(a: Analysis, threadIds: readonly string[], rows: readonly string[], extras: ThreadExtras, files: SiteSink): Generator<void, void, void> {
  const write = detailWriter(analysisDetailSource(a));
  return threadShardFiles(threadIds, (k, series) => write(k, rows[k], detailReviews(extras.reviewsOf(k)), series), seriesParts(extras), messageThreads(a), files);
}

/**
 * Start the thread shards on a worker thread (`host`, or one of its own) writing into `sink`'s directory,
 * or return null when they are better built here (no directory, fewer than `workerFrom` messages).
 * A worker that dies without an answer is replaced by building them here; a write error (a full disk) rejects.
 */
export function startThreadShards(a: Analysis, threadIds: string[], rows: string[], extras: ThreadExtras, sink: unknown,
  workerFrom = shardWorker.fromMessages, host?: JobWorker): SiteWorkerRun | null {
  if (!(sink instanceof SiteDirSink) || a.corpus.messages.length < workerFrom) return null;
  const job = threadShardsJob(a, threadIds, rows, extras, sink.dir);
  const transfer = [job.from, job.author, job.date, job.lists, job.isPatch, job.version, job.index, job.total, job.parent,
    job.depth, job.thread, job.root, job.phantom, job.memberAt, job.members, job.seriesOf].map((x) => x.buffer as ArrayBuffer);
  return siteWorkerJob(host, "thread-shards", job, transfer, sink, () => {
    threadShardStats.fallbacks++;
    for (const _ of threadShardsHere(a, threadIds, rows, extras, sink)) { /* to the end */ }
  }, (cpuMs) => { threadShardStats.worker++; threadShardStats.workerCpuMs = cpuMs; });
}
