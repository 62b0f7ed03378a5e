// Graph metrics that cannot be computed in the browser (PageRank, betweenness, communities,
// k-core) precomputed per window bucket: all time and each calendar quarter (UTC). The pages pick
// the smallest bucket holding the filter's window (src/components/graph-buckets.js) and say which
// one they show. Same graph rules as the main graph (bots excluded), on the replies dated in the
// bucket. People are the fact tables' person indices (facts.ts), so pages name them from
// facts-people.json. Metrics are rounded: they are ranked and shown, not recomputed.
import type { Analysis } from "./analyze.ts";
import { buildReplyGraph, byPerson, selectReplies } from "../graph/build.ts";
import { computeMetrics } from "../graph/metrics.ts";

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

export function buildGraphBuckets(a: Analysis, personIndex: Map<string, number>): GraphBucketsArtifact {
  const names = (id: string) => id;
  const bucket = (id: string, from: number | null, to: number | null): GraphBucket | null => {
    const edges = from === null ? a.replies.filter((e) => !e.bot) : selectReplies(a.replies, { start: from, end: to ?? undefined });
    if (!edges.length) return null;
    const g = from === null ? a.graph : buildReplyGraph(edges, {}, names);
    const m = from === null ? a.metrics : { nodes: byPerson(computeMetrics(g, 42).nodes) };
    const b: GraphBucket = { id, from: from === null ? null : day(from), to: to === null ? null : day(to), nodes: g.order, edges: g.size,
      person: [], pagerank: [], betweenness: [], community: [], core: [], in_w: [], out_w: [] };
    for (const [pid, v] of m.nodes) {
      const k = personIndex.get(pid);
      if (k === undefined) continue;
      b.person.push(k); b.pagerank.push(round(v.pagerank)); b.betweenness.push(round(v.betweenness));
      b.community.push(v.community); b.core.push(v.core); b.in_w.push(v.in_w); b.out_w.push(v.out_w);
    }
    return b;
  };
  const out: GraphBucket[] = [];
  const all = bucket("all", null, null);
  if (all) out.push(all);
  for (const [from, to] of quarters(a)) {
    const d = new Date(from);
    const b = bucket(`${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`, from, to);
    if (b) out.push(b);
  }
  return { buckets: out };
}
