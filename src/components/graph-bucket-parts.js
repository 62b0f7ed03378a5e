// The graph-bucket part files (loaders/analysis/graph-bucket-parts.ts), listed literally, because
// Framework finds only FileAttachment calls with a literal name. A page loads the part of the
// bucket it shows.
import { FileAttachment } from "observablehq:stdlib";

const PARTS = [
  FileAttachment("../data/site/graph-buckets-part-0.json"),
  FileAttachment("../data/site/graph-buckets-part-1.json"),
  FileAttachment("../data/site/graph-buckets-part-2.json"),
  FileAttachment("../data/site/graph-buckets-part-3.json"),
  FileAttachment("../data/site/graph-buckets-part-4.json"),
  FileAttachment("../data/site/graph-buckets-part-5.json"),
  FileAttachment("../data/site/graph-buckets-part-6.json"),
  FileAttachment("../data/site/graph-buckets-part-7.json"),
  FileAttachment("../data/site/graph-buckets-part-8.json"),
  FileAttachment("../data/site/graph-buckets-part-9.json"),
  FileAttachment("../data/site/graph-buckets-part-10.json"),
  FileAttachment("../data/site/graph-buckets-part-11.json"),
  FileAttachment("../data/site/graph-buckets-part-12.json"),
  FileAttachment("../data/site/graph-buckets-part-13.json"),
  FileAttachment("../data/site/graph-buckets-part-14.json"),
  FileAttachment("../data/site/graph-buckets-part-15.json"),
];

/** An entry of graph-buckets.json (pickBucket) with its metric columns, from its part file (null stays null). */
export async function withColumns(entry) {
  if (!entry) return null;
  const part = await PARTS[entry.part].json();
  const cols = part.buckets[entry.id];
  if (!cols) throw new Error(`graph-buckets-part-${entry.part}.json lacks bucket ${entry.id}: the site's files come from different analyses`);
  return { ...entry, ...cols };
}
