// The graph page's status line and counts (src/components/graph-filter.js) against graph.json
// from a synthetic analysis: with every filter open the page shows exactly the graph's people and
// edges for the same bot setting, never more, and says "pruned" only when edges were dropped.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { siteFiles } from "../../loaders/analysis/site.ts";
import type { GraphArtifact } from "../../loaders/analysis/artifacts.ts";
// @ts-expect-error plain browser JS module without types
import { visibleGraph, countVisible, graphStatus } from "../../src/components/graph-filter.js";
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
});
