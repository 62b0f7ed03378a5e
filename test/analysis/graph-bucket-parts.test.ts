// graph-buckets.json as the pages read it: an index, and each bucket's columns in one of
// GRAPH_BUCKET_PARTS part files (graph-bucket-parts.ts), so a page with a window loads one bucket.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { GRAPH_BUCKET_PARTS, splitGraphBuckets } from "../../loaders/analysis/graph-bucket-parts.ts";
import type { GraphBucket } from "../../loaders/analysis/graph-buckets.ts";
import { FILES } from "../../loaders/analysis/artifacts.ts";

function bucket(id: string, k: number): GraphBucket {
  const col = (f: number) => [k * f, k * f + 1, k * f + 2];
  return { id, from: id === "all" ? null : `2020-0${1 + (k % 9)}-01`, to: null, nodes: 3, edges: k,
    person: col(1), pagerank: col(0.5), betweenness: col(0.25), community: col(2), core: col(3), in_w: col(4), out_w: col(5) };
}

test("every bucket's columns are in exactly one part, the index keeps the rest; 'all' has a part to itself", () => {
  const buckets = [bucket("all", 0), ...Array.from({ length: 40 }, (_, k) => bucket(`Q${k}`, k + 1))];
  const { index, parts } = splitGraphBuckets({ buckets });
  assert.equal(parts.length, GRAPH_BUCKET_PARTS);
  assert.deepEqual(Object.keys(parts[0].buckets), ["all"]);
  const rejoined = index.buckets.map((e) => {
    const holders = parts.filter((p) => e.id in p.buckets);
    assert.equal(holders.length, 1, `${e.id} in one part`);
    assert.ok(e.id in parts[e.part].buckets, `${e.id}: its part is named in the index`);
    assert.ok(!("pagerank" in e), "no columns in the index");
    const { part, ...rest } = e;
    return { ...rest, ...parts[part].buckets[e.id] };
  });
  assert.deepEqual(rejoined, buckets);
  // Spread over the parts, so one part stays small as the years add quarters.
  const sizes = parts.slice(1).map((p) => Object.keys(p.buckets).length);
  assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `quarters per part ${sizes}`);
});

test("the pages' literal list of part files is the analysis' (GRAPH_BUCKET_PARTS names)", () => {
  const src = readFileSync(new URL("../../src/components/graph-bucket-parts.js", import.meta.url), "utf8");
  const listed = [...src.matchAll(/FileAttachment\("\.\.\/data\/site\/([^"]+)"\)/g)].map((m) => m[1]);
  assert.deepEqual(listed, Array.from({ length: GRAPH_BUCKET_PARTS }, (_, k) => FILES.graphBucketPart(k)));
});
