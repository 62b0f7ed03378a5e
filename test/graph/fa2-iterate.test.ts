// loaders/graph/fa2-iterate.ts is graphology-layout-forceatlas2's iteration cut down to our
// settings with a reused Barnes-Hut tree: it must move every node exactly as the library does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { Fa2 } from "../../loaders/graph/fa2-iterate.ts";
import { rng } from "../../loaders/graph/metrics.ts";

type Iterate = (settings: Record<string, unknown>, nodes: Float32Array, edges: Float32Array) => void;
const libraryIterate = createRequire(import.meta.url)("graphology-layout-forceatlas2/iterate.js") as Iterate;

/** The library's matrices for n random nodes (some stacked on the same spot) and m weighted edges, self-loops included. */
function matrices(n: number, m: number, seed: number): { nodes: Float32Array; edges: Float32Array } {
  const r = rng(seed), nodes = new Float32Array(n * 10), edges = new Float32Array(m * 3);
  for (let i = 0; i < n; i++) {
    const same = i % 17 === 5; // several nodes at one position: the tree runs out of subdivisions
    nodes[i * 10] = same ? 3 : (r() - 0.5) * 400; nodes[i * 10 + 1] = same ? -2 : (r() - 0.5) * 400;
    nodes[i * 10 + 6] = 1; nodes[i * 10 + 7] = 1; nodes[i * 10 + 8] = 1;
  }
  for (let e = 0; e < m; e++) {
    const s = Math.floor(r() * n), t = e % 50 === 0 ? s : Math.floor(r() * r() * n), w = 1 + Math.floor(r() * 5);
    edges[e * 3] = s * 10; edges[e * 3 + 1] = t * 10; edges[e * 3 + 2] = w;
    nodes[s * 10 + 6] += w; nodes[t * 10 + 6] += w;
  }
  return { nodes, edges };
}

for (const [n, bh] of [[120, false], [900, true]] as const) {
  test(`FA2 iteration = the library's, position for position (${n} nodes, ${bh ? "Barnes-Hut" : "all pairs"})`, () => {
    const settings = { scalingRatio: 10, gravity: 0.05, slowDown: 1 + Math.log(n), barnesHutOptimize: bh, barnesHutTheta: 1 };
    const lib = matrices(n, n * 3, 4), ours = matrices(n, n * 3, 4);
    const fa2 = new Fa2(settings, ours.nodes, ours.edges);
    const full = { ...settings, linLogMode: false, outboundAttractionDistribution: true, adjustSizes: false, edgeWeightInfluence: 1, strongGravityMode: true };
    for (let k = 0; k < 40; k++) { libraryIterate(full, lib.nodes, lib.edges); fa2.iterate(); }
    assert.ok(lib.nodes.some((x, i) => i % 10 === 0 && Math.abs(x) > 1), "the nodes moved");
    assert.deepEqual(ours.nodes, lib.nodes);
  });
}
