// graph-buckets.json split for the pages: the index (each bucket's id, dates, size and part) in
// graph-buckets.json, the metric columns in GRAPH_BUCKET_PARTS part files, so a page with a window
// loads the one bucket it shows (a quarter: about 6 KB gzipped at 212k messages) rather than all of
// them (185 KB). "all" has part 0 to itself; the quarters take parts 1.. in turn, oldest first.
// Fixed part names, because Framework finds only FileAttachment calls with a literal name
// (src/components/graph-bucket-parts.js lists them).
import type { GraphBucket, GraphBucketsArtifact } from "./graph-buckets.ts";

export const GRAPH_BUCKET_PARTS = 16;

/** A bucket in graph-buckets.json: everything but the columns, and the part file holding them. */
export type GraphBucketEntry = Pick<GraphBucket, "id" | "from" | "to" | "nodes" | "edges"> & { part: number };
export interface GraphBucketIndex { buckets: GraphBucketEntry[] }
/** A part file: bucket id -> its columns. */
export type GraphBucketColumns = Omit<GraphBucket, "id" | "from" | "to" | "nodes" | "edges">;
export interface GraphBucketPart { buckets: Record<string, GraphBucketColumns> }

export function splitGraphBuckets(art: GraphBucketsArtifact): { index: GraphBucketIndex; parts: GraphBucketPart[] } {
  const parts: GraphBucketPart[] = Array.from({ length: GRAPH_BUCKET_PARTS }, () => ({ buckets: {} }));
  let q = 0;
  const buckets = art.buckets.map(({ id, from, to, nodes, edges, ...cols }) => {
    const part = id === "all" ? 0 : 1 + (q++ % (GRAPH_BUCKET_PARTS - 1));
    parts[part].buckets[id] = cols;
    return { id, from, to, nodes, edges, part };
  });
  return { index: { buckets }, parts };
}
