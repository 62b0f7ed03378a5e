// The quarters' graph metrics (graph-buckets.ts) go to a worker thread on big corpora: the worker
// must give exactly what this thread computes, and the buckets what the quarter graphs give.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { buildGraphBuckets, quarterJob, quarterMetrics, quarterStats, startQuarterMetrics } from "../../loaders/analysis/graph-buckets.ts";
import { personIndexOf } from "../../loaders/analysis/fact-index.ts";
import { buildReplyGraph, byPerson, selectReplies } from "../../loaders/graph/build.ts";
import { computeMetrics } from "../../loaders/graph/metrics.ts";
import { corpus, msg, D, H, T0 } from "./fixture.ts";

function bigCorpus() {
  const ms = [];
  // Replies among 30 people over ~9 months (three quarters), a bot among them, some undated.
  for (let i = 0; i < 400; i++) {
    const t = T0 + Math.floor(i * 0.7) * D;
    ms.push(msg(`r${i}`, `p${i % 30}`, t, { lists: [i % 4 ? "alpha" : "beta"] }));
    ms.push(msg(`a${i}`, i % 50 === 0 ? "robot" : `p${(i * 7 + 3) % 30}`, i % 37 === 0 ? null : t + H, { irt: `r${i}`, bot: i % 50 === 0 }));
    if (i % 3 === 0) ms.push(msg(`b${i}`, `p${(i * 11 + 5) % 30}`, t + 2 * H, { irt: `a${i}` }));
  }
  return corpus(ms);
}

test("quarter metrics: the worker thread gives what this thread computes, and each quarter is its own reply graph", async () => {
  const a = analyzeCorpus(bigCorpus());
  const here = quarterMetrics(quarterJob(a));
  assert.ok(here.length >= 3, "several quarters");
  const before = quarterStats.worker;
  const there = await startQuarterMetrics(a, 0);
  assert.equal(quarterStats.worker, before + 1, "computed on a worker thread");
  assert.deepEqual(there, here);
  // Each quarter == the metrics of the graph of that quarter's replies (bots and undated replies out).
  for (const q of here) {
    const g = buildReplyGraph(selectReplies(a.replies, { start: q.from, end: q.to }), {});
    assert.deepEqual([q.nodes, q.edges], [g.order, g.size]);
    assert.deepEqual(q.metrics, [...byPerson(computeMetrics(g, 42).nodes)]);
  }
  const idx = personIndexOf(a);
  assert.deepEqual(buildGraphBuckets(a, idx, there), buildGraphBuckets(a, idx));
});
