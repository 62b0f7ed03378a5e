// The Reviews page's reviewer -> author pairs (src/components/review-pairs.js), a plain loop that
// replaced arquero: the same groups, counts, lists and order as arquero's groupby/rollup, on
// random reviews (kinds, bots, several lists).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as aq from "arquero";
// @ts-expect-error plain browser JS module without types
import { reviewPairs } from "../../src/components/review-pairs.js";
// @ts-expect-error plain browser JS module without types
import { reviewKindOf } from "../../src/components/facts.js";

test("reviewPairs groups as arquero did: per (reviewer, author), counts per kind, the lists reached, first-seen order", () => {
  let seed = 7;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return Math.floor(seed / 65536) % n; };
  const n = 2000;
  const f = {
    reviewer: Int32Array.from({ length: n }, () => rnd(30)), reviewAuthor: Int32Array.from({ length: n }, () => rnd(40)),
    // kinds 0..2 (reviewed/acked/tested), some with the bot bit (8)
    reviewKind: Uint8Array.from({ length: n }, () => rnd(3) + (rnd(5) === 0 ? 8 : 0)), reviewLists: Int32Array.from({ length: n }, () => 1 + rnd(7)),
  };
  const given = Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 !== 1);
  const want = aq.table({
    reviewer: given.map((i) => f.reviewer[i]), author: given.map((i) => f.reviewAuthor[i]),
    kind: given.map((i) => reviewKindOf(f, i)), mask: given.map((i) => f.reviewLists[i]),
  }).groupby("reviewer", "author").rollup({
    reviewed: (d: any) => aq.op.sum(d.kind === "reviewed-by" ? 1 : 0), acked: (d: any) => aq.op.sum(d.kind === "acked-by" ? 1 : 0),
    tested: (d: any) => aq.op.sum(d.kind === "tested-by" ? 1 : 0), masks: (d: any) => aq.op.array_agg_distinct(d.mask),
  }).objects().map((p: any) => ({ reviewer: p.reviewer, author: p.author, reviewed: p.reviewed, acked: p.acked, tested: p.tested, mask: p.masks.reduce((m: number, x: number) => m | x, 0) }));
  const got = reviewPairs(f, given);
  assert.ok(want.length > 300, `${want.length} pairs`);
  assert.deepEqual(got, want);
});
