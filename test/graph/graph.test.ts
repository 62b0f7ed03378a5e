import { test } from "node:test";
import assert from "node:assert/strict";
import { buildThreads } from "../../loaders/thread/index.ts";
import { replyEdges } from "../../loaders/graph/replies.ts";
import { buildReplyGraph } from "../../loaders/graph/build.ts";
import { computeMetrics, coreNumbers, toCsr } from "../../loaders/graph/metrics.ts";
import graphology from "graphology";
import type { ReplyGraph } from "../../loaders/graph/build.ts";
import { layoutGraph } from "../../loaders/graph/layout.ts";
import { toCsv, toGexf, toGraphml } from "../../loaders/graph/export.ts";
import { msg, H, D, T0 } from "../analysis/fixture.ts";

// A series with structure, a self-reply, a bot reply, and replies on two lists in two months.
const ms = [
  msg("cover", "ann", T0, { patch: { index: 0, total: 2, isCover: true }, lists: ["alpha"] }),
  msg("p1", "ann", T0 + 1000, { irt: "cover", patch: { index: 1, total: 2 }, lists: ["alpha"] }),
  msg("p2", "ann", T0 + 2000, { irt: "cover", patch: { index: 2, total: 2 }, lists: ["alpha"] }),
  msg("r1", "bob", T0 + H, { irt: "p1", lists: ["alpha"] }),           // bob -> ann
  msg("r2", "ann", T0 + 2 * H, { irt: "r1", lists: ["alpha"] }),       // ann -> bob
  msg("r3", "ann", T0 + 3 * H, { irt: "r2", lists: ["alpha"] }),       // self-reply: excluded
  msg("r4", "ci-bot", T0 + 4 * H, { irt: "p2", bot: true, lists: ["alpha"] }), // bot: excluded by default
  msg("r5", "cat", T0 + 40 * D, { irt: "r1", lists: ["beta"] }),       // cat -> bob, August, beta
  msg("r6", "cat", T0 + 41 * D, { irt: "r2", lists: ["alpha", "beta"] }), // cat -> ann
  msg("r7", "bob", T0 + 42 * D, { irt: "r6", lists: ["beta"] }),       // bob -> cat
  msg("r8", "bob", T0 + 43 * D, { irt: "r6", lists: ["beta"] }),       // bob -> cat (weight 2)
];

test("reply edges skip series structure, self-replies, and flag bots", () => {
  const th = buildThreads(ms);
  const { edges, stats } = replyEdges(ms, th, new Set());
  assert.equal(stats.seriesStructure, 2);
  assert.equal(stats.self, 1);
  assert.equal(stats.bot, 1);
  assert.deepEqual(edges.filter((e) => !e.bot).map((e) => `${e.from}>${e.to}`),
    ["bob>ann", "ann>bob", "cat>bob", "cat>ann", "bob>cat", "bob>cat"]);
  assert.equal(edges.find((e) => ms[e.child].id === "r1")!.latency, H - 1000);
});

test("graph: weights, dates, lists and months; windows, list subsets and the bot switch", () => {
  const th = buildThreads(ms);
  const { edges } = replyEdges(ms, th, new Set());
  const g = buildReplyGraph(edges);
  assert.equal(g.order, 3);
  assert.equal(g.size, 5);
  const bc = g.getEdgeAttributes(g.edge("bob", "cat")!);
  assert.equal(bc.weight, 2);
  assert.deepEqual([bc.first, bc.last], [T0 + 42 * D, T0 + 43 * D]);
  assert.deepEqual(bc.months, { "2024-08": 2 });
  let total = 0; g.forEachEdge((_k, a) => { total += a.weight; });
  assert.equal(total, 6);
  assert.equal(buildReplyGraph(edges, { includeBots: true }).hasNode("ci-bot"), true);
  assert.equal(g.hasNode("ci-bot"), false);
  const july = buildReplyGraph(edges, { start: T0, end: Date.UTC(2024, 7, 1) });
  assert.deepEqual(july.edges().map((e) => `${july.source(e)}>${july.target(e)}`).sort(), ["ann>bob", "bob>ann"]);
  const beta = buildReplyGraph(edges, { lists: ["beta"] });
  assert.deepEqual(beta.edges().map((e) => `${beta.source(e)}>${beta.target(e)}`).sort(), ["bob>cat", "cat>ann", "cat>bob"]);
});

test("metrics: degrees, reciprocity, core, betweenness on a graph known by hand", () => {
  const th = buildThreads(ms);
  const g = buildReplyGraph(replyEdges(ms, th, new Set()).edges);
  const m = computeMetrics(g);
  const bob = m.nodes.get("bob")!;
  assert.deepEqual([bob.out_w, bob.in_w, bob.degree], [3, 2, 2]);
  // ann<->bob and bob<->cat are reciprocated (4 of 5 edges); cat->ann is not.
  assert.equal(m.reciprocity, 4 / 5);
  assert.deepEqual([...m.nodes.values()].map((x) => x.core), [2, 2, 2]);
  // Directed paths of length 2: ann->bob->cat (only path), cat->bob->ann ties with cat->ann direct.
  // bob lies on ann->cat (1 of 1 shortest paths): normalised by (n-1)(n-2) = 2.
  assert.equal(bob.betweenness, 0.5);
  assert.equal(m.nodes.get("ann")!.betweenness, 0);
  assert.ok(Math.abs([...m.nodes.values()].reduce((s, x) => s + x.pagerank, 0) - 1) < 1e-6);
  assert.equal(m.betweennessExact, true);
});

test("k-core on a triangle with a pendant", async () => {
  const graphology = (await import("graphology")).default as any;
  const g = new graphology.DirectedGraph();
  for (const [a, b] of [["a", "b"], ["b", "c"], ["c", "a"], ["c", "d"]]) { g.mergeNode(a); g.mergeNode(b); g.addDirectedEdge(a, b, { weight: 1 }); }
  const m = computeMetrics(g);
  assert.deepEqual(["a", "b", "c", "d"].map((k) => m.nodes.get(k)!.core), [2, 2, 2, 1]);
  assert.equal(typeof coreNumbers, "function");
});

test("layout is deterministic and exports are well-formed", () => {
  const th = buildThreads(ms);
  const g = buildReplyGraph(replyEdges(ms, th, new Set()).edges);
  const a = layoutGraph(g), b = layoutGraph(g.copy() as typeof g);
  assert.deepEqual([...a.entries()], [...b.entries()]);
  assert.ok([...a.values()].some((p) => p.x !== 0 || p.y !== 0));
  const nodes = [{ id: "a<1>", label: 'Q "x", y', pagerank: 0.5 }, { id: "b", label: "B", pagerank: 0.25 }];
  const edges = [{ source: "a<1>", target: "b", weight: 2, lists: ["alpha", "beta"] }];
  assert.equal(toCsv(["id", "label"], nodes), 'id,label\na<1>,"Q ""x"", y"\nb,B\n');
  const gml = toGraphml(nodes, edges);
  assert.match(gml, /<node id="a&lt;1&gt;"><data key="n_label">Q &quot;x&quot;, y<\/data>/);
  assert.match(gml, /attr.name="pagerank" attr.type="double"/);
  assert.match(gml, /<data key="e_lists">alpha;beta<\/data>/);
  const gexf = toGexf(nodes, edges);
  assert.match(gexf, /<gexf/);
  assert.match(gexf, /<node id="a&lt;1>" label="Q &quot;x&quot;, y">/);
});

test("toCsr: out-neighbours in edge order, each node's distinct undirected neighbours (reciprocal pairs once, self-loops kept)", () => {
  const G = (graphology as unknown as { DirectedGraph: new () => ReplyGraph }).DirectedGraph;
  const g = new G();
  for (const k of ["a", "b", "c", "d"]) g.addNode(k, { label: k });
  const e = (s: string, t: string) => g.addDirectedEdge(s, t, { weight: 1, first: null, last: null, lists: [], months: {} });
  e("b", "a"); e("a", "b"); e("a", "c"); e("c", "c"); e("d", "a"); e("a", "d");
  const c = toCsr(g);
  const list = (arr: Int32Array, start: Int32Array, i: number) => [...arr.subarray(start[i], start[i + 1])].map((x) => c.ids[x]);
  assert.deepEqual(c.ids.map((_, i) => list(c.out, c.outStart, i)), [["b", "c", "d"], ["a"], ["c"], ["a"]]);
  assert.deepEqual(c.ids.map((_, i) => list(c.und, c.undStart, i).sort()), [["b", "c", "d"], ["a"], ["a", "c"], ["a"]]);
  assert.deepEqual([...coreNumbers(c)], [1, 1, 1, 1], "a tree with a self-loop: core 1 everywhere, as before");
});
