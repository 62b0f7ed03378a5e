// The thread-shards worker's side (see thread-shards-job.ts): the job's compact data as the detail
// writer and threadShardFiles read it, and the shard files written into the site directory. Few
// imports: the worker thread loads this module and what it imports, not the analysis.
import { detailWriter, NO_REVIEWS, type DetailReviews, type DetailSource } from "./thread-detail-writer.ts";
import { threadShardFiles, type MessageThreads, type SeriesPart } from "./shards.ts";
import { SiteDirSink } from "./site-sink.ts";
import type { JobResult } from "./job-worker-main.ts";

export interface ThreadShardsJob {
  dir: string;
  /** Per message: id, subject, sender and forwarded author (index into people; -1: none), date (NaN: none), lists (index into listSets). */
  ids: string[]; subjects: string[]; from: Int32Array; author: Int32Array; date: Float64Array; lists: Int32Array;
  /** Per message: patch tag (1: a patch), version, index and total (NaN: null); threading parent and depth; thread (index into threadIds). */
  isPatch: Uint8Array; version: Float64Array; index: Float64Array; total: Float64Array;
  parent: Int32Array; depth: Int32Array; thread: Int32Array;
  /** Thread ids of messages whose thread is not in threadIds (none in practice), as [message index, thread id]. */
  otherThreads: [number, string][];
  listSets: string[][];
  /** Person ids and their refs' JSON text. */
  people: string[]; refs: string[];
  /** Per thread (threads.rows order): id, row text, root, phantom root, members (memberAt[k]..memberAt[k+1] in members). */
  threadIds: string[]; rows: string[]; root: Int32Array; phantom: Uint8Array; memberAt: Int32Array; members: Int32Array;
  /** Threads with reviews: [thread index, texts]. */
  reviews: [number, DetailReviews][];
  /** Series parts, each once ([group id, text]), and per thread the index of its part (-1: none). */
  series: SeriesPart[]; seriesOf: Int32Array;
}

/** The worker's side: the job's data as the detail writer and threadShardFiles read it; the shard files written into job.dir. Returns their names. */
export function runThreadShardsJob(job: ThreadShardsJob): string[] {
  const people = job.people, date = (x: number) => (Number.isNaN(x) ? null : x);
  const msgs: DetailSource["msgs"][number][] = job.ids.map((id, i) => ({
    id, subject: job.subjects[i], from: people[job.from[i]], ...(job.author[i] >= 0 ? { author: people[job.author[i]] } : {}), date: date(job.date[i]),
    lists: job.listSets[job.lists[i]],
    patch: { isPatch: job.isPatch[i] === 1, version: job.version[i], index: date(job.index[i]), total: date(job.total[i]), isCover: false },
  }));
  const refOf = new Map(people.map((p, i) => [p, job.refs[i]]));
  const threads = Array.from(job.root, (root, k) => ({ root, rootIsPhantom: job.phantom[k] === 1, members: Array.from(job.members.subarray(job.memberAt[k], job.memberAt[k + 1])) }));
  const write = detailWriter({ msgs, parent: job.parent, depth: job.depth, threads, ref: (p) => refOf.get(p)! });
  const reviews = new Map(job.reviews);
  const other = new Map(job.otherThreads);
  const tids: MessageThreads = { count: msgs.length, id: (i) => job.ids[i], threadId: (i) => other.get(i) ?? job.threadIds[job.thread[i]] };
  const sink = new SiteDirSink(job.dir);
  const seriesOf = (k: number) => (job.seriesOf[k] < 0 ? null : job.series[job.seriesOf[k]]);
  for (const _ of threadShardFiles(job.threadIds, (k, series) => write(k, job.rows[k], reviews.get(k) ?? NO_REVIEWS, series), seriesOf, tids, sink)) { /* to the end */ }
  return sink.names();
}

/** The job worker's side (job-worker-main.ts). */
export function threadShardsOnWorker(job: ThreadShardsJob): JobResult { return { value: { names: runThreadShardsJob(job) } }; }
