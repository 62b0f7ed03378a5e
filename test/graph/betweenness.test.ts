// Our Brandes betweenness against graphology-metrics' reference, and the sampled approximation.
import { test } from "node:test";
import assert from "node:assert/strict";
import graphology from "graphology";
import betweennessRef from "graphology-metrics/centrality/betweenness.js";
import { BETWEENNESS_EXACT_NODES, BETWEENNESS_SAMPLES, betweenness, computeMetrics, rng } from "../../loaders/graph/metrics.ts";
import type { ReplyGraph } from "../../loaders/graph/build.ts";

function randomGraph(n: number, m: number, seed: number): ReplyGraph {
  const G = (graphology as any).DirectedGraph;
  const g = new G();
  const r = rng(seed);
  for (let i = 0; i < n; i++) g.addNode(`p${i}`, { label: `p${i}` });
  while (g.size < m) {
    // preferential-ish: low ids are popular, like list maintainers
    const a = Math.floor(r() * n), b = Math.floor(Math.pow(r(), 2) * n);
    if (a !== b && !g.hasDirectedEdge(`p${a}`, `p${b}`)) g.addDirectedEdge(`p${a}`, `p${b}`, { weight: 1 + Math.floor(r() * 3), first: 0, last: 0, lists: [], months: {} });
  }
  return g;
}

test("exact betweenness equals graphology-metrics' (directed, normalised)", () => {
  const g = randomGraph(120, 400, 1);
  const ref = (betweennessRef as any)(g, { normalized: true, getEdgeWeight: null }) as Record<string, number>;
  const m = computeMetrics(g);
  assert.equal(m.betweennessExact, true);
  for (const id of g.nodes()) assert.ok(Math.abs(m.nodes.get(id)!.betweenness - ref[id]) < 1e-9, `${id}: ${m.nodes.get(id)!.betweenness} vs ${ref[id]}`);
});

test("above exactNodes, betweenness is sampled and still finds the central nodes", () => {
  const g = randomGraph(600, 2400, 2);
  const exact = computeMetrics(g);
  const approx = computeMetrics(g, 42, { exactNodes: 500, samples: 150 });
  assert.equal(exact.betweennessExact, true);
  assert.equal(approx.betweennessExact, false);
  assert.equal(approx.betweennessSamples, 150);
  const top = (mm: typeof exact) => [...mm.nodes.entries()].sort((a, b) => b[1].betweenness - a[1].betweenness).slice(0, 10).map(([id]) => id);
  const overlap = top(exact).filter((id) => top(approx).includes(id)).length;
  assert.ok(overlap >= 7, `top-10 overlap ${overlap}`);
  // Deterministic: same seed, same numbers.
  assert.deepEqual([...computeMetrics(g, 42, { exactNodes: 500, samples: 150 }).nodes.values()].map((x) => x.betweenness), [...approx.nodes.values()].map((x) => x.betweenness));
});

/** Spearman rank correlation of two score maps over the same keys (ties broken by key). */
function spearman(a: Map<string, number>, b: Map<string, number>): number {
  const rank = (m: Map<string, number>) => new Map([...m.keys()].sort((x, y) => m.get(y)! - m.get(x)! || (x < y ? -1 : 1)).map((k, i) => [k, i]));
  const ra = rank(a), rb = rank(b);
  let d2 = 0;
  for (const [k, i] of ra) d2 += (i - rb.get(k)!) ** 2;
  const n = ra.size;
  return 1 - (6 * d2) / (n * (n * n - 1));
}

test("a graph above BETWEENNESS_EXACT_NODES gets sampled betweenness by default, close to the exact one", () => {
  const n = BETWEENNESS_EXACT_NODES + 500;
  const g = randomGraph(n, n * 6, 3);
  const approx = computeMetrics(g);
  assert.equal(approx.betweennessExact, false, "large graphs are sampled (cost linear in the graph, not n x (n + m))");
  assert.equal(approx.betweennessSamples, BETWEENNESS_SAMPLES);
  const exact = computeMetrics(g, 42, { exactNodes: Infinity });
  assert.equal(exact.betweennessExact, true);
  const score = (mm: typeof exact) => new Map([...mm.nodes].map(([id, x]) => [id, x.betweenness]));
  const top = (mm: typeof exact) => [...score(mm).entries()].sort((x, y) => y[1] - x[1]).slice(0, 20).map(([id]) => id);
  const overlap = top(exact).filter((id) => top(approx).includes(id)).length;
  assert.ok(overlap >= 18, `top-20 overlap ${overlap}`);
  const rho = spearman(score(exact), score(approx));
  assert.ok(rho >= 0.9, `Spearman ${rho}`);
});

test("Louvain separates two cliques joined by one edge; communities are numbered by size", () => {
  const G = (graphology as any).DirectedGraph;
  const g: ReplyGraph = new G();
  const clique = (ids: string[]) => { for (const a of ids) for (const b of ids) if (a !== b) { g.mergeNode(a); g.mergeNode(b); g.addDirectedEdge(a, b, { weight: 3, first: 0, last: 0, lists: [], months: {} }); } };
  clique(["a1", "a2", "a3", "a4", "a5"]);
  clique(["b1", "b2", "b3", "b4"]);
  g.addDirectedEdge("a1", "b1", { weight: 1, first: 0, last: 0, lists: [], months: {} });
  const m = computeMetrics(g);
  const c = (id: string) => m.nodes.get(id)!.community;
  assert.equal(m.communities, 2);
  for (const id of ["a2", "a3", "a4", "a5"]) assert.equal(c(id), c("a1"));
  for (const id of ["b2", "b3", "b4"]) assert.equal(c(id), c("b1"));
  assert.deepEqual([c("a1"), c("b1")], [0, 1]);
});

/** Textbook Brandes (predecessor lists, fresh arrays per source), the reference for betweenness()'s shortcuts. */
function brandesRef(n: number, adj: number[][], sources: number[]): number[] {
  const bc = new Array(n).fill(0);
  for (const s of sources) {
    const sigma = new Array(n).fill(0), dist = new Array(n).fill(-1), delta = new Array(n).fill(0);
    const pred: number[][] = Array.from({ length: n }, () => []), order: number[] = [], queue = [s];
    sigma[s] = 1; dist[s] = 0;
    while (queue.length) {
      const v = queue.shift()!;
      order.push(v);
      for (const w of adj[v]) {
        if (dist[w] < 0) { dist[w] = dist[v] + 1; queue.push(w); }
        if (dist[w] === dist[v] + 1) { sigma[w] += sigma[v]; pred[w].push(v); }
      }
    }
    for (let i = order.length - 1; i >= 0; i--) {
      const w = order[i];
      for (const v of pred[w]) delta[v] += (sigma[v] / sigma[w]) * (1 + delta[w]);
      if (w !== s) bc[w] += delta[w];
    }
  }
  const scale = n / sources.length / ((n - 1) * (n - 2));
  return bc.map((x) => x * scale);
}

test("betweenness with skipped sinks and partial resets = textbook Brandes (self-loops, sinks, unreachable parts, repeated sources)", () => {
  const r = rng(9), n = 80;
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < 60; i++) {
    // Nodes 60-69 only receive (sinks), 70-79 are a separate island; some self-loops.
    for (let j = 0; j < 3; j++) { const t = Math.floor(r() * 70); if (!adj[i].includes(t)) adj[i].push(t); }
  }
  for (let i = 70; i < 79; i++) adj[i].push(i + 1);
  adj[5].push(5); adj[62].push(62); // a self-loop, and a sink whose only out-edge is one
  const outStart = new Int32Array(n + 1);
  adj.forEach((l, i) => { outStart[i + 1] = outStart[i] + l.length; });
  const c = { n, out: Int32Array.from(adj.flat()), outStart };
  assert.ok(adj.some((l, i) => l.includes(i)), "the graph has self-loops");
  for (const sources of [[...Array(n).keys()], [65, 3, 72, 65, 10, 79, 0, 61]]) {
    const got = betweenness(c, sources), want = brandesRef(n, adj, sources);
    assert.ok(want.some((x) => x > 0));
    for (let i = 0; i < n; i++) assert.ok(Math.abs(got[i] - want[i]) < 1e-12, `node ${i}: ${got[i]} vs ${want[i]}`);
  }
});
