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
