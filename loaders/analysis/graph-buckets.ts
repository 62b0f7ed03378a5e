// Graph metrics that cannot be computed in the browser (PageRank, betweenness, communities,
// k-core) precomputed per window bucket: all time and each calendar quarter (UTC). The pages pick
// the smallest bucket holding the filter's window (src/components/graph-buckets.js) and say which
// one they show. Same graph rules as the main graph (bots excluded), on the replies dated in the
// bucket. People are the fact tables' person indices (facts.ts), so pages name them from
// facts-people.json. Metrics are rounded: they are ranked and shown, not recomputed.
import type { Analysis } from "./analyze.ts";
import { jobRunner, WorkerDied, type JobWorker } from "./job-worker.ts";
import type { JobResult } from "./job-worker-main.ts";
import graphology from "graphology";
import type { DirectedGraph as DirectedGraphT } from "graphology";
import { byPerson, graphKey, type EdgeAttrs, type NodeAttrs, type ReplyGraph } from "../graph/build.ts";
import { computeMetrics, type NodeMetrics } from "../graph/metrics.ts";

const { DirectedGraph } = graphology as unknown as { DirectedGraph: typeof DirectedGraphT };

export interface GraphBucket {
  /** "all" or "YYYY-Qn". */
  id: string;
  /** Days covered, YYYY-MM-DD, to exclusive (null: open, for "all"). */
  from: string | null; to: string | null;
  nodes: number; edges: number;
  /** Parallel columns, one entry per node. */
  person: number[]; pagerank: number[]; betweenness: number[]; community: number[]; core: number[];
  in_w: number[]; out_w: number[];
}

export interface GraphBucketsArtifact { buckets: GraphBucket[] }

const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const round = (x: number) => Number(x.toPrecision(4));

/** Quarter starts [from, to) covering the dated replies, oldest first. */
function quarters(a: Analysis): [number, number][] {
  let lo = Infinity, hi = -Infinity;
  for (const e of a.replies) if (e.date !== null) { lo = Math.min(lo, e.date); hi = Math.max(hi, e.date); }
  if (lo > hi) return [];
  const out: [number, number][] = [];
  const d = new Date(lo);
  let y = d.getUTCFullYear(), q = Math.floor(d.getUTCMonth() / 3);
  for (;;) {
    const from = Date.UTC(y, 3 * q, 1), to = Date.UTC(q === 3 ? y + 1 : y, (3 * q + 3) % 12, 1);
    if (from > hi) break;
    out.push([from, to]);
    if (q === 3) { y++; q = 0; } else q++;
  }
  return out;
}

/**
 * The quarters' replies as plain data a worker thread can take: human replies with a date, as
 * indices into `ids` (person ids), in the analysis' reply order (graphs and metrics depend on it).
 */
export interface QuarterJob { ids: string[]; from: Int32Array; to: Int32Array; date: Float64Array; quarters: [number, number][] }

/** One quarter's graph metrics, by person id (computeMetrics of the quarter's reply graph). */
export interface QuarterMetrics { from: number; to: number; nodes: number; edges: number; metrics: [string, NodeMetrics][] }

export function quarterJob(a: Analysis): QuarterJob {
  const at = new Map<string, number>(), ids: string[] = [];
  const ix = (id: string) => { let i = at.get(id); if (i === undefined) { at.set(id, (i = ids.length)); ids.push(id); } return i; };
  const kept = a.replies.filter((e) => !e.bot && e.date !== null);
  const from = new Int32Array(kept.length), to = new Int32Array(kept.length), date = new Float64Array(kept.length);
  kept.forEach((e, k) => { from[k] = ix(e.from); to[k] = ix(e.to); date[k] = e.date!; });
  return { ids, from, to, date, quarters: quarters(a) };
}

/**
 * One quarter's reply graph, as buildReplyGraph makes it (same node and edge order, nodes keyed by
 * graphKey) but with edge weights only: the metrics read nothing else, and months, lists and
 * labels made up most of the graph's cost.
 */
export function quarterGraph(job: QuarterJob, from: number, to: number): ReplyGraph {
  const g = new DirectedGraph() as unknown as ReplyGraph;
  const keyOf = new Map<number, string>(), edgeOf = new Map<number, { weight: number }>();
  const node = (p: number) => {
    let k = keyOf.get(p);
    if (k === undefined) { keyOf.set(p, (k = graphKey(job.ids[p]))); g.addNode(k, {} as NodeAttrs); }
    return k;
  };
  const n = job.ids.length;
  for (let i = 0; i < job.date.length; i++) {
    const d = job.date[i];
    if (!(d >= from && d < to)) continue;
    const s = node(job.from[i]), t = node(job.to[i]), key = job.from[i] * n + job.to[i];
    const a = edgeOf.get(key);
    if (a) a.weight++;
    else { const b = { weight: 1 }; edgeOf.set(key, b); g.addDirectedEdge(s, t, b as EdgeAttrs); }
  }
  return g;
}

/** What the worker does (here for small corpora or when it fails): each quarter's graph and metrics. */
export function quarterMetrics(job: QuarterJob): QuarterMetrics[] {
  const out: QuarterMetrics[] = [];
  for (const [from, to] of job.quarters) {
    const g = quarterGraph(job, from, to);
    if (!g.order) continue;
    out.push({ from, to, nodes: g.order, edges: g.size, metrics: [...byPerson(computeMetrics(g, 42).nodes)] });
  }
  return out;
}

/** Quarters whose metrics are computed on a worker thread from this many dated human replies (below, here); tests lower it. */
export const quarterWorker = { fromReplies: 20_000 };

/** Quarter jobs done on a worker thread, worker jobs that fell back to this thread, the last worker job's CPU in ms (tests, diagnostics). */
export const quarterStats: { worker: number; fallbacks: number; workerCpuMs: number | null } = { worker: 0, fallbacks: 0, workerCpuMs: null };

/** The job worker's side. */
export function quartersOnWorker(job: QuarterJob): JobResult { return { value: quarterMetrics(job) }; }

/** Start the quarters' metrics: on a worker thread (`host`, or one of its own) for big corpora (beside the page artifacts), else here. */
export function startQuarterMetrics(a: Analysis, workerFrom = quarterWorker.fromReplies, host?: JobWorker): Promise<QuarterMetrics[]> {
  const job = quarterJob(a);
  if (job.date.length < workerFrom) return Promise.resolve(quarterMetrics(job));
  const { worker, done } = jobRunner(host);
  const p = worker.run<QuarterMetrics[]>("quarters", job).then(
    ({ value, cpuMs }) => { quarterStats.worker++; quarterStats.workerCpuMs = cpuMs; return value; },
    (e) => { if (e instanceof WorkerDied && e.cancelled) throw e; quarterStats.fallbacks++; return quarterMetrics(job); });
  p.finally(done).catch(() => {}); // a cancelled run's quarters are awaited by nobody
  return p;
}

/** The buckets: all time (the analysis' own graph and metrics) and each quarter (`quarters`: quarterMetrics' result). */
export function buildGraphBuckets(a: Analysis, personIndex: Map<string, number>, quarterResults: QuarterMetrics[] = quarterMetrics(quarterJob(a))): GraphBucketsArtifact {
  const bucket = (id: string, from: number | null, to: number | null, nodes: number, edges: number, metrics: Iterable<[string, NodeMetrics]>): GraphBucket => {
    const b: GraphBucket = { id, from: from === null ? null : day(from), to: to === null ? null : day(to), nodes, edges,
      person: [], pagerank: [], betweenness: [], community: [], core: [], in_w: [], out_w: [] };
    for (const [pid, v] of metrics) {
      const k = personIndex.get(pid);
      if (k === undefined) continue;
      b.person.push(k); b.pagerank.push(round(v.pagerank)); b.betweenness.push(round(v.betweenness));
      b.community.push(v.community); b.core.push(v.core); b.in_w.push(v.in_w); b.out_w.push(v.out_w);
    }
    return b;
  };
  const out: GraphBucket[] = [];
  if (a.replies.some((e) => !e.bot)) out.push(bucket("all", null, null, a.graph.order, a.graph.size, a.metrics.nodes));
  for (const q of quarterResults) {
    const d = new Date(q.from);
    out.push(bucket(`${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`, q.from, q.to, q.nodes, q.edges, q.metrics));
  }
  return { buckets: out };
}
