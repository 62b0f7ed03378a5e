// buildReplyGraph sums each (from, to) pair before adding it to the graph: the graph must be what
// adding reply by reply gives (the reference below): the same nodes, edges and attribute key
// orders, in the same order, since the site files and exports are written in graph order.
import { test } from "node:test";
import assert from "node:assert/strict";
import graphology from "graphology";
import type { DirectedGraph as DirectedGraphT } from "graphology";
import { buildReplyGraph, graphKey, monthOf, type EdgeAttrs, type GraphOptions, type NodeAttrs } from "../../loaders/graph/build.ts";
import type { ReplyEdge } from "../../loaders/graph/replies.ts";

const { DirectedGraph } = graphology as unknown as { DirectedGraph: typeof DirectedGraphT };

function reference(edges: ReplyEdge[], o: GraphOptions, label: (id: string) => string) {
  const g = new DirectedGraph<NodeAttrs, EdgeAttrs>();
  for (const e of edges) {
    if (e.bot && !o.includeBots) continue;
    const from = graphKey(e.from), to = graphKey(e.to);
    if (!g.hasNode(from)) g.addNode(from, { label: label(e.from) });
    if (!g.hasNode(to)) g.addNode(to, { label: label(e.to) });
    const key = g.edge(from, to);
    const a: EdgeAttrs = key !== undefined ? g.getEdgeAttributes(key) : { weight: 0, first: null, last: null, lists: [], months: {} };
    a.weight++;
    if (e.date !== null) {
      if (a.first === null || e.date < a.first) a.first = e.date;
      if (a.last === null || e.date > a.last) a.last = e.date;
      a.months[monthOf(e.date)] = (a.months[monthOf(e.date)] ?? 0) + 1;
    }
    for (const l of e.lists) if (!a.lists.includes(l)) a.lists.push(l);
    if (key === undefined) g.addDirectedEdge(from, to, a);
  }
  g.forEachEdge((_k, a) => a.lists.sort());
  return g;
}

/** Nodes and edges in graph order, as JSON (key order included). */
const dump = (g: DirectedGraphT<NodeAttrs, EdgeAttrs>) => JSON.stringify({
  nodes: g.mapNodes((k, a) => [k, a]),
  edges: g.mapEdges((_k, a, s, t) => [s, t, a]),
});

test("buildReplyGraph gives the graph that adding reply by reply gives, in the same order", () => {
  // Seeded pseudo-random replies among a few people, hostile ids included, dates over two years, some undated.
  let seed = 12345;
  const rnd = (n: number) => { // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296 * n) | 0;
  };
  const people = ["ann@x", "bob@y", "cat@z", "constructor", "__proto__", "~tilde", "dan@w", "bot@ci"];
  const lists = ["gamma", "alpha", "beta"];
  const edges: ReplyEdge[] = [];
  for (let i = 0; i < 3000; i++) {
    const from = people[rnd(people.length)], to = people[rnd(people.length)];
    const date = rnd(10) === 0 ? null : Date.UTC(2023, 0, 1) + rnd(730) * 86_400_000 + rnd(86_400_000);
    edges.push({ child: i, parent: i - 1, from, to, date, latency: null, lists: [...new Set([lists[rnd(3)], lists[rnd(3)]])], bot: from === "bot@ci" });
  }
  const label = (id: string) => `name of ${id}`;
  for (const includeBots of [false, true]) {
    const got = buildReplyGraph(edges, { includeBots }, label), want = reference(edges, { includeBots }, label);
    assert.equal(dump(got), dump(want));
    assert.ok(got.size > 20 && got.order >= people.length - 1);
  }
});
