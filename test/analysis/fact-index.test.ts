// The fact tables' indexes are made once per analysis (fact-index.ts, facts-subsystems.ts): the
// cached values must be what facts.ts computes, per analysis (never another analysis' index).
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { factPersonIndex, factReviewOrder, factRowOf, personIndexOf, factRowOrder, listMasker } from "../../loaders/analysis/fact-index.ts";
import { corpus, msg, trailer, T0, D } from "./fixture.ts";

const one = () => corpus([
  msg("p1", "ann", T0, { patch: { index: 1, total: 1 }, subject: "[PATCH] a" }),
  msg("r1", "bob", T0 + D, { irt: "p1" }),
  msg("r2", "cid", null, { irt: "p1" }),
  msg("p2", "bob", T0 - D, { patch: { index: 1, total: 1 }, subject: "[PATCH] b" }),
  msg("r3", "ann", T0 + 2 * D, { irt: "p2" }),
], [trailer("r1", "reviewed-by", "bob"), trailer("r3", "acked-by", "ann"), trailer("r2", "nacked-by", "cid")]);

test("factPersonIndex, factRowOf and factReviewOrder: facts.ts's values, made once per analysis", () => {
  const a = analyzeCorpus(one());
  assert.deepEqual([...factPersonIndex(a)], [...personIndexOf(a)]);
  assert.equal(factPersonIndex(a), factPersonIndex(a));
  assert.deepEqual([...factRowOf(a)], [...factRowOrder(a).rowOf]);
  const order = factReviewOrder(a);
  assert.equal(order.length, 3);
  const rowOf = factRowOrder(a).rowOf, at = new Map(a.corpus.messages.map((m, i) => [m.id, i]));
  const rows = order.map((i) => rowOf[at.get(a.reviews[i].messageId)!]);
  assert.deepEqual(rows, [...rows].sort((x, y) => x - y));
  assert.equal(factReviewOrder(a), order);
  // Another analysis (other people, other order) gets its own.
  const b = analyzeCorpus(corpus([msg("x1", "zed", T0), msg("x2", "yan", T0 + D, { irt: "x1" }), msg("x3", "yan", T0 + 2 * D, { irt: "x1" })], []));
  assert.deepEqual([...factPersonIndex(b)], [...personIndexOf(b)]);
  assert.notDeepEqual([...factPersonIndex(b)], [...factPersonIndex(a)]);
  assert.deepEqual(factReviewOrder(b), []);
});

test("the series facts (facts-series.ts) read the cached person index, not a new count over every message", async () => {
  const { buildFactsSeries, buildSeriesTable } = await import("../../loaders/analysis/facts-series.ts");
  const a = analyzeCorpus(one());
  const fresh = JSON.stringify([buildFactsSeries(a), buildSeriesTable(a)]);
  // The cache is read-only; emptied here only to see who reads it: the series authors lose their index.
  const idx = factPersonIndex(a), kept = [...idx];
  idx.clear();
  const fromCache = JSON.stringify([buildFactsSeries(a), buildSeriesTable(a)]);
  for (const [k, v] of kept) idx.set(k, v);
  assert.notEqual(fromCache, fresh);
  assert.equal(JSON.stringify([buildFactsSeries(a), buildSeriesTable(a)]), fresh);
});

test("facts.json and facts-people.json read the cached person index and message rows (not a new count and sort of every message)", async () => {
  const { buildFacts, buildFactsPeople } = await import("../../loaders/analysis/facts.ts");
  const a = analyzeCorpus(one());
  const fresh = JSON.stringify([buildFacts(a), buildFactsPeople(a)]);
  // Emptied only to see who reads the cache (it is read-only): the people lose their index, the rows their order.
  const idx = factPersonIndex(a), kept = [...idx];
  idx.clear();
  const fromCache = JSON.stringify([buildFacts(a), buildFactsPeople(a)]);
  for (const [k, v] of kept) idx.set(k, v);
  assert.notEqual(fromCache, fresh);
  assert.equal(JSON.stringify([buildFacts(a), buildFactsPeople(a)]), fresh);
  const rowOf = factRowOf(a), rows = [...rowOf];
  rowOf.reverse();
  assert.notEqual(JSON.stringify(buildFacts(a)), JSON.stringify(JSON.parse(fresh)[0]));
  rowOf.set(rows);
  assert.equal(JSON.stringify([buildFacts(a), buildFactsPeople(a)]), fresh);
});

test("a series group's revisions as pages show them are made once per group (series.json and each thread of the group share them)", async () => {
  const { revisionRefs, threadSeries } = await import("../../loaders/analysis/build-series.ts");
  const a = analyzeCorpus(one());
  const g = a.series.lifecycle.revisionOf[0] >= 0 ? a.series.lifecycle.grouping.groupOf[a.series.lifecycle.revisionOf[0]] : -1;
  assert.ok(g >= 0);
  const refs = revisionRefs(a, g);
  assert.equal(revisionRefs(a, g), refs);
  assert.equal(threadSeries(a, a.corpus.messages[0].id)?.revisions, refs);
  // The series computed again (MAINTAINERS known: run.ts) gets its own.
  const before = a.series;
  a.series = a.series.recompute();
  assert.notEqual(revisionRefs(a, g), refs);
  assert.deepEqual(revisionRefs(a, g), refs);
  a.series = before;
});

test("listMasker: each tracked list's bit once, untracked lists none, exact beyond 31 lists, added to a given mask", () => {
  const lists = Array.from({ length: 40 }, (_, i) => `l${i}`);
  const mask = listMasker(lists);
  assert.equal(mask([]), 0);
  assert.equal(mask(["l0", "l0", "l2"]), 5);
  assert.equal(mask(["other", "l1"]), 2);
  assert.equal(mask(["l39", "l32", "l39"]), 2 ** 39 + 2 ** 32);
  assert.equal(mask(["l1", "l3"], mask(["l3", "l0"])), 1 + 2 + 8, "a list already in the mask is not added twice");
  // The Set-and-sum definition facts.ts used, over random picks.
  let seed = 3;
  const pick = () => { seed = (seed * 69069 + 1) % 2 ** 32; return seed % 45; };
  for (let n = 0; n < 500; n++) {
    const ls = Array.from({ length: pick() % 7 }, () => `l${pick()}`);
    let want = 0;
    for (const l of new Set(ls)) { const i = lists.indexOf(l); if (i >= 0) want += 2 ** i; }
    assert.equal(mask(ls), want);
  }
});
