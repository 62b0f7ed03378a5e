// The Reviews page's reviewer -> author pairs (src/components/review-pairs.js, arquero's
// groupby/rollup): the same groups, counts, lists and order as an independent loop, on random
// reviews (kinds, bots, several lists).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as aq from "arquero";
// @ts-expect-error plain browser JS module without types
import { reviewPairs } from "../../src/components/review-pairs.js";
// @ts-expect-error plain browser JS module without types
import { reviewKindOf } from "../../src/components/facts.js";

test("reviewPairs groups like an independent count: per (reviewer, author), counts per kind, the lists reached, first-seen order", () => {
  let seed = 7;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return Math.floor(seed / 65536) % n; };
  const n = 2000;
  const f = {
    reviewer: Int32Array.from({ length: n }, () => rnd(30)), reviewAuthor: Int32Array.from({ length: n }, () => rnd(40)),
    // kinds 0..2 (reviewed/acked/tested), some with the bot bit (8)
    reviewKind: Uint8Array.from({ length: n }, () => rnd(3) + (rnd(5) === 0 ? 8 : 0)), reviewLists: Int32Array.from({ length: n }, () => 1 + rnd(7)),
  };
  const given = Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 !== 1);
  // An independent count: a plain loop over the same reviews, pairs in first-seen order.
  const at = new Map<string, any>(), want: any[] = [];
  for (const i of given) {
    const key = `${f.reviewer[i]} ${f.reviewAuthor[i]}`;
    let p = at.get(key);
    if (!p) { p = { reviewer: f.reviewer[i], author: f.reviewAuthor[i], reviewed: 0, acked: 0, tested: 0, mask: 0 }; at.set(key, p); want.push(p); }
    const kind = reviewKindOf(f, i);
    if (kind === "reviewed-by") p.reviewed++; else if (kind === "acked-by") p.acked++; else if (kind === "tested-by") p.tested++;
    p.mask |= f.reviewLists[i];
  }
  const got = reviewPairs(aq, f, given);
  assert.ok(want.length > 300, `${want.length} pairs`);
  assert.deepEqual(got, want);
});

test("reviewPairs of no reviews is empty", () => {
  assert.deepEqual(reviewPairs(aq, { reviewer: [], reviewAuthor: [], reviewKind: [], reviewLists: [] }, []), []);
});
