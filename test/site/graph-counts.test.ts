// The graph page's status line and counts (src/components/graph-filter.js) against graph.json
// from a synthetic analysis: with every filter open the page shows exactly the graph's people and
// edges for the same bot setting, never more, and says "pruned" only when edges were dropped.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { siteFiles } from "../../loaders/analysis/site.ts";
import type { GraphArtifact } from "../../loaders/analysis/artifacts.ts";
// @ts-expect-error plain browser JS module without types
import { visibleGraph, countVisible, graphStatus, monthRange, activeNodes } from "../../src/components/graph-filter.js";
import { corpus, msg, person, H, T0 } from "../analysis/fixture.ts";

const ms = [
  msg("a", "ann", T0), msg("b", "bob", T0 + H, { irt: "a" }), msg("c", "ann", T0 + 2 * H, { irt: "b", lists: ["beta"] }),
  // cat's only reply partner is a bot: with bots hidden cat must not show.
  msg("k", "robot", T0 + 3 * H, { bot: true }), msg("l", "cat", T0 + 4 * H, { irt: "k" }), msg("m", "robot", T0 + 5 * H, { irt: "a", bot: true }),
];
const g = JSON.parse(siteFiles(analyzeCorpus(corpus(ms, [], [person("robot", { bot: true })])), "v1", Date.now()).get("graph.json")!) as GraphArtifact;
const open = (bots: boolean) => ({ lists: new Set(g.lists), monthFrom: 0, monthTo: g.months.length - 1, minWeight: 1, bots });

test("graph page: with every filter open, shown = the graph's totals for the same bot setting", () => {
  for (const bots of [false, true]) {
    const shown = countVisible(g, visibleGraph(g, open(bots)), 1);
    const total = bots ? { nodes: g.stats.nodes_with_bots, edges: g.stats.edges_with_bots } : { nodes: g.stats.nodes, edges: g.stats.edges };
    assert.deepEqual(shown, total, `bots ${bots}`);
  }
  assert.deepEqual([g.stats.nodes, g.stats.edges, g.stats.nodes_with_bots, g.stats.edges_with_bots], [2, 2, 4, 4]);
  const cat = g.nodes.findIndex((n) => n.id === "cat");
  assert.equal(visibleGraph(g, open(false)).nodeVisible[cat], 0);
  assert.deepEqual([g.nodes[cat].out_w, g.nodes[cat].in_w], [0, 0], "replies to a bot are not counted on the panel");
  // The side panel's replies exclude bot replies, like the people page.
  const ann = g.nodes.find((n) => n.id === "ann")!;
  assert.deepEqual([ann.out_w, ann.in_w], [1, 1]);
});

test("graph page: the status line gives totals for the bot setting and no 'pruned' when nothing was", () => {
  const s = graphStatus(g, false, { nodes: 2, edges: 2 });
  assert.match(s, /Showing 2 people and 2 reply edges, of 2 people and 2 edges/);
  assert.match(s, /no pruning/);
  assert.doesNotMatch(s, /pruned/);
  assert.match(graphStatus(g, true, { nodes: 4, edges: 4 }), /of 4 people and 4 edges .*bots included/);
  const pruned = graphStatus({ ...g, pruning: { ...g.pruning, kept_edges: 1 } }, false, { nodes: 2, edges: 1 });
  assert.match(pruned, /holds 1 of 4 edges/);
  assert.doesNotMatch(s, /graph is empty/);
  assert.match(graphStatus(g, false, { nodes: 0, edges: 0 }), /^No one sent mail in this filter, so the graph is empty/, "an empty canvas says why");
});

test("graph page: the global filter's window picks the months that overlap it", () => {
  const months = ["2024-06", "2024-07", "2024-09", "2024-10"];
  assert.deepEqual(monthRange(months, null, null), { monthFrom: 0, monthTo: 3 });
  assert.deepEqual(monthRange(months, "2024-07-15", "2024-09-01"), { monthFrom: 1, monthTo: 1 }, "to is exclusive");
  assert.deepEqual(monthRange(months, "2024-07-15", "2024-09-02"), { monthFrom: 1, monthTo: 2 });
  assert.deepEqual(monthRange(months, "2024-08-01", "2024-09-01"), { monthFrom: 2, monthTo: 1 }, "a month with no replies: nothing");
  assert.deepEqual(monthRange(months, "2024-10-31", null), { monthFrom: 3, monthTo: 3 });
  assert.deepEqual(monthRange(months, "2025-01-01", null).monthFrom > monthRange(months, "2025-01-01", null).monthTo, true);
});

test("graph page: only people active in the filter show, and only edges between two of them", () => {
  // Two months of replies; in the second only ann and bob write.
  const T1 = Date.UTC(2024, 7, 5);
  const ms2 = [msg("a", "ann", T0), msg("b", "bob", T0 + H, { irt: "a" }), msg("c", "cat", T0 + 2 * H, { irt: "b" }),
    msg("d", "ann", T1), msg("e", "bob", T1 + H, { irt: "d" })];
  const g2 = JSON.parse(siteFiles(analyzeCorpus(corpus(ms2)), "v1", Date.now()).get("graph.json")!) as GraphArtifact;
  const at = (id: string) => g2.nodes.findIndex((n) => n.id === id);
  const personOf = new Map(g2.nodes.map((n, i) => [n.id, i]));
  // Sent in the window (as facts.js messagesPerPerson gives it): ann and bob only.
  const sent = g2.nodes.map((n) => (n.id === "cat" ? 0 : 1));
  const active = activeNodes(g2.nodes, sent, personOf);
  assert.deepEqual([...active], g2.nodes.map((n) => (n.id === "cat" ? 0 : 1)));
  // A window cutting July keeps July's edges (months are whole), but cat sent nothing in it.
  const f = { lists: new Set(g2.lists), ...monthRange(g2.months, "2024-07-20", "2024-08-10"), minWeight: 1, bots: true };
  const vis = visibleGraph(g2, { ...f, active });
  assert.equal(vis.nodeVisible[at("cat")], 0, "idle in the window: hidden");
  assert.equal(vis.nodeVisible[at("ann")] && vis.nodeVisible[at("bob")], 1);
  assert.deepEqual(countVisible(g2, vis, 1), { nodes: 2, edges: 1 }, "bob -> ann; cat -> bob is hidden with cat");
  const bobAnn = g2.edges.findIndex((e) => e.s === at("bob") && e.t === at("ann"));
  assert.equal(vis.edgeWeight[bobAnn], 2, "July and August replies");
  // Without the activity, the July edge to cat would show her.
  assert.equal(visibleGraph(g2, f).nodeVisible[at("cat")], 1);
  // August alone: one reply, bob -> ann; with 2 replies needed per edge, nobody.
  const aug = visibleGraph(g2, { ...f, ...monthRange(g2.months, "2024-08-01", "2024-09-01"), active });
  assert.equal(aug.edgeWeight[bobAnn], 1);
  assert.deepEqual(countVisible(g2, visibleGraph(g2, { ...f, ...monthRange(g2.months, "2024-08-01", "2024-09-01"), active, minWeight: 2 }), 2), { nodes: 0, edges: 0 });
});
