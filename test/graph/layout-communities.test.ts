// The layout's Barnes-Hut setting (theta 1.0, graphs over BARNES_HUT_NODES nodes) is an
// approximation: it must still draw planted communities apart, on a graph big enough to use it.
import { test } from "node:test";
import assert from "node:assert/strict";
import graphology from "graphology";
import type { DirectedGraph as DirectedGraphT } from "graphology";
import { BARNES_HUT_NODES, layoutGraph } from "../../loaders/graph/layout.ts";
import { rng } from "../../loaders/graph/metrics.ts";
import type { ReplyGraph } from "../../loaders/graph/build.ts";

const { DirectedGraph } = graphology as unknown as { DirectedGraph: typeof DirectedGraphT };

/** k communities of `size` people, each replying within it (8 random partners each), and a few replies across. */
function planted(k: number, size: number): { g: ReplyGraph; group: (id: string) => number } {
  const g = new DirectedGraph() as unknown as ReplyGraph;
  const r = rng(11);
  const id = (c: number, i: number) => `p${c}.${i}@example.org`;
  for (let c = 0; c < k; c++) for (let i = 0; i < size; i++) g.addNode(id(c, i), { label: id(c, i) });
  const edge = (s: string, t: string, weight: number) => {
    if (s !== t && !g.hasEdge(s, t)) g.addDirectedEdge(s, t, { weight, first: null, last: null, lists: [], months: {} });
  };
  for (let c = 0; c < k; c++) for (let i = 0; i < size; i++) for (let j = 0; j < 8; j++) edge(id(c, i), id(c, Math.floor(r() * size)), 1 + Math.floor(r() * 5));
  for (let x = 0; x < size / 10; x++) edge(id(x % k, Math.floor(r() * size)), id((x + 1) % k, Math.floor(r() * size)), 1);
  return { g, group: (s) => Number(s.slice(1, s.indexOf("."))) };
}

test("layout: Barnes-Hut keeps planted communities apart, each still spread out, and stays deterministic", () => {
  const { g, group } = planted(3, 250);
  assert.ok(g.order > BARNES_HUT_NODES, "the graph must be big enough for Barnes-Hut");
  const pos = layoutGraph(g, 7);
  assert.deepEqual([...layoutGraph(g.copy() as ReplyGraph, 7)], [...pos], "same graph and seed, same positions");
  const ids = [...pos.keys()];
  const r = rng(5);
  let within = 0, nw = 0, across = 0, na = 0;
  for (let n = 0; n < 20000; n++) {
    const a = ids[Math.floor(r() * ids.length)], b = ids[Math.floor(r() * ids.length)];
    if (a === b) continue;
    const d = Math.hypot(pos.get(a)!.x - pos.get(b)!.x, pos.get(a)!.y - pos.get(b)!.y);
    if (group(a) === group(b)) { within += d; nw++; } else { across += d; na++; }
  }
  const ratio = within / nw / (across / na);
  assert.ok(ratio < 0.5, `members of a community lie together: mean distance ${ratio.toFixed(2)} of that across communities`);
  // ...without collapsing into a point (positions are normalised into [-1000, 1000]).
  const spread = within / nw / 2000;
  assert.ok(spread > 0.02, `members of a community stay apart from each other: mean distance ${spread.toFixed(3)} of the layout's width`);
});
