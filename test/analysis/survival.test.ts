import { test } from "node:test";
import assert from "node:assert/strict";
import { kaplanMeier, observeFirstReplies } from "../../loaders/analysis/survival.ts";
import { buildThreads } from "../../loaders/thread/index.ts";
import { msg, H, D, T0 } from "./fixture.ts";

test("Kaplan–Meier with censoring matches the hand computation", () => {
  // times (h): 1 event, 2 event, 3 censored, 4 event, 5 censored
  const km = kaplanMeier([
    { time: 1, answered: true }, { time: 2, answered: true }, { time: 3, answered: false },
    { time: 4, answered: true }, { time: 5, answered: false },
  ]);
  // S(1)=4/5, S(2)=4/5*3/4=3/5, S(4)=3/5*(1-1/2)=3/10
  assert.deepEqual(km.points.map(([t]) => t), [0, 1, 2, 4]);
  assert.ok(Math.abs(km.at(1) - 0.8) < 1e-12);
  assert.ok(Math.abs(km.at(3) - 0.6) < 1e-12);
  assert.ok(Math.abs(km.at(10) - 0.3) < 1e-12);
  assert.equal(km.median, 4);
  assert.deepEqual([km.events, km.censored], [3, 2]);
  // ties: an event and a censoring at the same time: the event counts first
  const tie = kaplanMeier([{ time: 1, answered: false }, { time: 1, answered: true }]);
  assert.equal(tie.at(1), 0.5);
});

test("first reply ignores the author and bots; unanswered threads are censored at the window end", () => {
  const end = T0 + 10 * D;
  const ms = [
    msg("a", "ann", T0),
    msg("a1", "ann", T0 + H, { irt: "a" }),               // author: not a reply
    msg("a2", "bot", T0 + 2 * H, { irt: "a", bot: true }), // bot: not a reply
    msg("a3", "bob", T0 + 5 * H, { irt: "a2" }),          // first real reply at 5h
    msg("b", "cat", T0 + 4 * D),                          // unanswered: censored at 6 days
    msg("c", "dan", T0 + D, { irt: "missing" }),           // phantom root: left out
    msg("s0", "eve", T0, { patch: { index: 0, total: 1, isCover: true } }),
    msg("s1", "eve", T0 + 1, { irt: "s0", patch: { index: 1, total: 1 } }),
    msg("s2", "fay", T0 + 3 * D, { irt: "s1" }),
  ];
  const obs = observeFirstReplies(ms, buildThreads(ms), (id) => id === "bot", end);
  const by = (kind: string, key: string) => obs.find((o) => o.kind === kind && o.key === key)!;
  assert.deepEqual([by("thread", "a").time, by("thread", "a").answered, by("thread", "a").responder], [5 * H, true, "bob"]);
  assert.deepEqual([by("thread", "b").time, by("thread", "b").answered], [6 * D, false]);
  assert.equal(obs.some((o) => o.key === "missing"), false);
  assert.deepEqual([by("series", "s0").time, by("series", "s0").responder], [3 * D, "fay"]);
  assert.equal(by("thread", "s0").time, 3 * D);
});

test("first replies: a lone patch is observed as a thread, not as a series; meta counts real series", async () => {
  const { observeFirstReplies } = await import("../../loaders/analysis/survival.ts");
  const { buildThreads } = await import("../../loaders/thread/index.ts");
  const { analyzeCorpus } = await import("../../loaders/analysis/analyze.ts");
  const { siteFiles } = await import("../../loaders/analysis/site.ts");
  const { msg: m, corpus: c, T0: t0, H: h } = await import("./fixture.ts");
  const ms = [
    m("lone", "ann", t0, { patch: {} }),
    m("re-lone", "bob", t0 + h, { irt: "lone" }),
    m("cov", "cat", t0, { patch: { index: 0, total: 2, isCover: true } }),
    m("p1", "cat", t0 + 1, { irt: "cov", patch: { index: 1, total: 2 } }),
    m("p2", "cat", t0 + 2, { irt: "cov", patch: { index: 2, total: 2 } }),
    m("re-p1", "dan", t0 + 2 * h, { irt: "p1" }),
  ];
  const obs = observeFirstReplies(ms, buildThreads(ms), () => false, t0 + 100 * h);
  assert.deepEqual(obs.filter((o) => o.kind === "series").map((o) => [o.key, o.time]), [["cov", 2 * h]]);
  assert.deepEqual(obs.filter((o) => o.kind === "thread").map((o) => o.key).sort(), ["cov", "lone"]);
  const meta = JSON.parse(siteFiles(analyzeCorpus(c(ms)), "v", Date.now()).get("meta.json")!);
  assert.equal(meta.counts.series, 1);
});

test("Kaplan–Meier gives Greenwood 95% bands (log-log) and the number at risk", () => {
  // Same data as above: events at 1, 2, 4; censored at 3, 5. Greenwood sums d/(n(n-d)):
  // t=1: 1/(5·4) = 0.05; t=2: + 1/(4·3); t=4: + 1/(2·1). Bands by hand: S^exp(±1.96·sqrt(G)/|ln S|).
  const km = kaplanMeier([
    { time: 1, answered: true }, { time: 2, answered: true }, { time: 3, answered: false },
    { time: 4, answered: true }, { time: 5, answered: false },
  ]);
  const expect = [[0, 1, 1], [1, 0.20381, 0.96918], [2, 0.12573, 0.88176], [4, 0.01230, 0.71922]];
  assert.equal(km.band.length, km.points.length);
  km.band.forEach(([t, lo, hi], i) => {
    assert.equal(t, expect[i][0]);
    assert.ok(Math.abs(lo - expect[i][1]) < 1e-4 && Math.abs(hi - expect[i][2]) < 1e-4, `band at ${t}: ${lo}..${hi}`);
    assert.ok(lo <= km.points[i][1] && km.points[i][1] <= hi);
  });
  // At risk just before each step: 5 at t=0 and t=1, 4 at t=2, 2 at t=4 (one censored at 3).
  assert.deepEqual(km.atRisk, [5, 5, 4, 2]);
  assert.deepEqual([0, 1, 2.5, 3, 4, 5].map((t) => km.riskAt(t)), [5, 4, 3, 2, 1, 0]);
  // Everyone answered at once: S drops to 0 and the band with it (no division by zero).
  const all = kaplanMeier([{ time: 1, answered: true }, { time: 1, answered: true }]);
  assert.deepEqual(all.band[1], [1, 0, 0]);
});
