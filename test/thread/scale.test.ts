// Threading and series linking stay cheap on hostile corpora: a sender with tens of thousands of
// unthreaded patches, a phantom with 150k children re-parented one by one. The nearest-head
// search gives what the plain scan over every candidate gave.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Nearest, linkSeries } from "../../loaders/thread/series.ts";
import { threadMessages } from "../../loaders/thread/jwz.ts";
import { msg, T0, H } from "../analysis/fixture.ts";

/** The scan the binary search replaced: smallest gap within 6 h, ties to the first candidate. */
function scan(candidates: number[], dates: number[], t: number): number {
  let best = -1, bestGap = Infinity;
  for (const j of candidates) {
    const gap = Math.abs(dates[j] - t);
    if (gap <= 6 * H && gap < bestGap) { best = j; bestGap = gap; }
  }
  return best;
}

test("nearest head by date: same answer as scanning every candidate, ties included", () => {
  let seed = 7;
  const r = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  for (let round = 0; round < 2000; round++) {
    const n = 1 + Math.floor(r() * 12);
    const dates = Array.from({ length: 40 }, () => T0 + Math.floor(r() * 8) * 2 * H); // coarse: many ties
    const cands = [...new Set(Array.from({ length: n }, () => Math.floor(r() * 40)))].sort((a, b) => a - b);
    const near = new Nearest(cands, (i) => dates[i]);
    for (let k = 0; k < 5; k++) {
      const t = T0 + Math.floor(r() * 17) * H;
      assert.equal(near.find(t), scan(cands, dates, t), JSON.stringify({ cands, dates: cands.map((c) => dates[c]), t }));
    }
  }
});

test("series: 20k unthreaded covers, 1/2 and 2/2 patches of one sender link in seconds, not hours", () => {
  const ms = [];
  for (let i = 0; i < 20_000; i++) {
    const t = T0 + i * 60_000;
    ms.push(msg(`c${i}`, "ann", t, { patch: { index: 0, total: 2, isCover: true } }));
    ms.push(msg(`a${i}`, "ann", t + 1000, { patch: { index: 1, total: 2 } }));
    ms.push(msg(`b${i}`, "ann", t + 2000, { patch: { index: 2, total: 2 } }));
  }
  const started = performance.now();
  const series = linkSeries(ms, threadMessages(ms));
  assert.ok(performance.now() - started < 10_000, "hang guard");
  // every patch joins the cover sent with it
  assert.equal(series[1], "c0");
  assert.equal(series[3 * 19_999 + 2], "c19999");
});

test("threading: 150k phantoms claimed by one parent, then each re-parented by its own message", () => {
  const N = 150_000;
  // ids numbered backwards, so each re-parented child sits far from the end of its old parent's list
  const id = (i: number) => String(N - 1 - i).padStart(6, "0");
  const ms = [msg("p", "ann", T0), msg("q", "bob", T0)];
  // first every x_i is claimed as a child of p (References: <p> <x_i>), then x_i says its parent is q
  for (let i = 0; i < N; i++) ms.push(msg(`r${id(i)}`, "cat", T0 + H, { refs: ["p", `x${id(i)}`] }));
  for (let i = 0; i < N; i++) ms.push(msg(`x${id(i)}`, "dan", T0 + 2 * H, { irt: "q" }));
  const started = performance.now();
  const th = threadMessages(ms);
  assert.ok(performance.now() - started < 10_000, "hang guard (was 14 s with children in arrays)");
  assert.equal(th.threadId[2 + N], "q"); // x moved under q
  assert.equal(th.threadId[2], "q"); // r sits under its x
  assert.equal(th.parent[2 + N], 1);
  assert.equal(th.parent[2], 2 + N);
});

test("threading and series: a 100k-deep reply chain of patches (each answering the previous)", () => {
  const N = 100_000;
  const ms = [msg("m0", "ann", T0, { patch: { index: 1, total: 9 } })];
  for (let i = 1; i < N; i++) ms.push(msg(`m${i}`, "ann", T0 + i * 1000, { irt: `m${i - 1}`, patch: { index: 1 + (i % 8), total: 9 } }));
  const started = performance.now();
  const th = threadMessages(ms);
  const series = linkSeries(ms, th);
  assert.ok(performance.now() - started < 10_000, "hang guard (was minutes: a walk up the chain per message)");
  assert.equal(th.depth[N - 1], N - 1);
  assert.equal(th.threadId[N - 1], "m0");
  assert.equal(th.stats.loopsRefused, 0);
  assert.equal(series[N - 1], "m0"); // one series, headed by its first patch
});
