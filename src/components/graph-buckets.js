// Which precomputed graph-metrics bucket (graph-buckets.json: "all" and each quarter; loaders/
// analysis/graph-buckets.ts) a filter gets: the quarter holding its whole window, else all time.
// Pages that show graph metrics say which bucket they show (bucketLabel).
import { dayOf } from "./facts.js";

export function pickBucket(buckets, filter) {
  const all = buckets.find((b) => b.id === "all") ?? null;
  const from = dayOf(filter.from), to = dayOf(filter.to);
  if (from === null || to === null) return all;
  return buckets.find((b) => b.id !== "all" && dayOf(b.from) <= from && to <= dayOf(b.to)) ?? all;
}

export function bucketLabel(b) {
  return !b ? "no graph metrics" : b.id === "all" ? "graph metrics: all shipped data" : `graph metrics: ${b.id} (${b.from} to ${b.to}, exclusive)`;
}

/**
 * The bucket's metrics laid over graph.json's nodes, one object per node (metrics null for people
 * with no reply in the bucket), so graph-person.js rankOf ranks them among the bucket's people.
 * `personOf`: person id -> fact-table index (the bucket's `person` column).
 */
export function nodeMetrics(bucket, nodes, personOf) {
  const at = new Map((bucket?.person ?? []).map((p, k) => [p, k]));
  return nodes.map((n) => {
    const k = at.get(personOf.get(n.id));
    const col = (c) => (k === undefined ? null : bucket[c][k]);
    return { bot: n.bot, pagerank: col("pagerank"), betweenness: col("betweenness"), community: col("community"), core: col("core"), in_w: col("in_w"), out_w: col("out_w") };
  });
}
