// The layout on a worker thread gives exactly the positions of layoutGraph in this thread.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { layoutStats, startLayout } from "../../loaders/analysis/layout-job.ts";
import { layoutGraph } from "../../loaders/graph/layout.ts";
import { corpus, msg, H, T0 } from "./fixture.ts";
import { betweennessJob, computeMetrics, rng, setBetweenness } from "../../loaders/graph/metrics.ts";

function replyGraph() {
  const r = rng(3);
  const ms = [msg("m0", "p0", T0)];
  for (let i = 1; i < 600; i++) ms.push(msg(`m${i}`, `p${Math.floor(r() * 120)}`, T0 + i * H, { irt: `m${Math.floor(r() * i)}` }));
  return analyzeCorpus(corpus(ms)).graphAll;
}

test("layout on a worker thread = layout here, position for position", async () => {
  const g = replyGraph();
  assert.ok(g.order > 50 && g.size > 200, "a graph worth laying out");
  const here = layoutGraph(g, 7);
  const before = { ...layoutStats };
  const onWorker = await startLayout(g, 7, 0);
  assert.deepEqual([layoutStats.worker - before.worker, layoutStats.fallbacks - before.fallbacks], [1, 0], "laid out on the worker");
  assert.deepEqual([...onWorker.layout], [...here], "the worker's positions");
  assert.equal(onWorker.betweenness, null, "no betweenness asked, none computed");
  assert.notDeepEqual([...layoutGraph(g, 8)], [...here], "the seed matters (the comparison can fail)");
});

test("betweenness on the layout's worker = computeMetrics here, exact and sampled, and runAnalysis's path fills it in", async () => {
  const g = replyGraph();
  for (const bo of [{}, { exactNodes: 10, samples: 40 }]) {
    const here = computeMetrics(g, 42, bo);
    const deferred = computeMetrics(g, 42, { ...bo, deferBetweenness: true });
    assert.ok([...deferred.nodes.values()].every((m) => m.betweenness === 0), "deferred: 0 until filled in");
    assert.ok([...here.nodes.values()].some((m) => m.betweenness > 0), "a graph with betweenness (the comparison can fail)");
    const job = betweennessJob(g, 42, bo);
    assert.equal(job.exact, here.betweennessExact);
    const r = await startLayout(g, 7, 0, job);
    setBetweenness(deferred, g, r.betweenness!);
    assert.deepEqual(deferred, here, "the worker's betweenness, filled in, gives the same metrics");
  }
});
