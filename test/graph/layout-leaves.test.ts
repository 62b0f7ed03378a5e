// The layout leaves people with one correspondent (leaves) out of ForceAtlas2 and places each
// next to its anchor afterwards (loaders/graph/leaves.ts): every leaf must end up at about one
// typical edge length from its anchor, on the side away from the centre, deterministically, and
// odd shapes (pairs, self-loops, a star with no core edges) must not break it.
import { test } from "node:test";
import assert from "node:assert/strict";
import graphology from "graphology";
import type { DirectedGraph as DirectedGraphT } from "graphology";
import { layoutGraph } from "../../loaders/graph/layout.ts";
import { findLeaves } from "../../loaders/graph/leaves.ts";
import { rng } from "../../loaders/graph/metrics.ts";
import type { ReplyGraph } from "../../loaders/graph/build.ts";

const { DirectedGraph } = graphology as unknown as { DirectedGraph: typeof DirectedGraphT };

function graph(edges: [string, string, number][]): ReplyGraph {
  const g = new DirectedGraph() as unknown as ReplyGraph;
  for (const [s, t, weight] of edges) {
    for (const k of [s, t]) if (!g.hasNode(k)) g.addNode(k, { label: k });
    g.addDirectedEdge(s, t, { weight, first: null, last: null, lists: [], months: {} });
  }
  return g;
}

/** A reply graph like a list's: a core of regulars replying to each other, and `leaves` people who only exchanged with one of them. */
function listLike(core: number, leaves: number, seed: number): ReplyGraph {
  const r = rng(seed), edges: [string, string, number][] = [], seen = new Set<string>();
  const add = (s: string, t: string) => { if (s !== t && !seen.has(`${s} ${t}`)) { seen.add(`${s} ${t}`); edges.push([s, t, 1 + Math.floor(r() * 4)]); } };
  for (let i = 0; i < core; i++) for (let j = 0; j < 4; j++) add(`c${i}`, `c${Math.floor(r() * r() * core)}`);
  for (let i = 0; i < leaves; i++) {
    const a = `c${Math.floor(r() * r() * core)}`;
    if (r() < 0.5) add(`l${i}`, a); else add(a, `l${i}`);
    if (r() < 0.3) add(`l${i}`, `l${i}`); // a self-reply does not make a second correspondent
  }
  return graph(edges);
}

/** Each leaf (one distinct correspondent besides itself, who has others) and its anchor, worked out here from the edges. */
function leavesOf(g: ReplyGraph): Map<string, string> {
  const nb = new Map<string, Set<string>>();
  g.forEachEdge((_k, _a, s, t) => {
    if (s === t) return;
    for (const [x, y] of [[s, t], [t, s]]) { const l = nb.get(x); if (l) l.add(y); else nb.set(x, new Set([y])); }
  });
  const out = new Map<string, string>();
  for (const [k, l] of nb) if (l.size === 1) { const a = [...l][0]; if (nb.get(a)!.size > 1) out.set(k, a); }
  return out;
}

for (const [core, leaves] of [[60, 40], [700, 300]]) {
  test(`layout (${core} core people, ${leaves} leaves${core > 500 ? ", Barnes-Hut" : ""}): each leaf lies next to its anchor, outward, deterministically`, () => {
    const g = listLike(core, leaves, core);
    const pos = layoutGraph(g, 7);
    assert.deepEqual([...layoutGraph(g.copy() as ReplyGraph, 7)], [...pos], "same graph and seed, same positions");
    const leaf = leavesOf(g);
    assert.ok(leaf.size > leaves * 0.8, `a graph with leaves (${leaf.size})`);
    const d = (a: string, b: string) => Math.hypot(pos.get(a)!.x - pos.get(b)!.x, pos.get(a)!.y - pos.get(b)!.y);
    const coreLengths: number[] = [];
    g.forEachEdge((_k, _a, s, t) => { if (s !== t && !leaf.has(s) && !leaf.has(t)) coreLengths.push(d(s, t)); });
    coreLengths.sort((a, b) => a - b);
    const typical = coreLengths[coreLengths.length >> 1];
    let cx = 0, cy = 0, n = 0;
    for (const [k, p] of pos) if (!leaf.has(k)) { cx += p.x; cy += p.y; n++; }
    cx /= n; cy /= n;
    let outward = 0, away = 0;
    for (const [l, a] of leaf) {
      // 0.7-1.3 typical lengths, with slack for the positions' rounding to 0.1.
      const ratio = d(l, a) / typical;
      assert.ok(ratio > 0.65 && ratio < 1.35, `${l} lies ${ratio.toFixed(2)} typical edge lengths from its anchor ${a}`);
      const ax = pos.get(a)!.x - cx, ay = pos.get(a)!.y - cy;
      if (Math.hypot(ax, ay) > typical) { away++; if ((pos.get(l)!.x - pos.get(a)!.x) * ax + (pos.get(l)!.y - pos.get(a)!.y) * ay > 0) outward++; }
    }
    assert.ok(away > 0 && outward / away > 0.9, `leaves face outward: ${outward} of ${away}`);
    assert.equal(new Set([...pos.values()].map((p) => `${p.x},${p.y}`)).size, pos.size, "no two people on the same spot");
  });
}

test("findLeaves: one correspondent (self-replies aside) whose correspondent has others; a pair, a loner and a hub are no leaves", () => {
  const keys = ["hub", "a", "b", "c", "x", "y", "z", "d"];
  const at = (k: string) => keys.indexOf(k);
  const edges: [string, string][] = [["a", "hub"], ["a", "hub"], ["hub", "b"], ["c", "c"], ["c", "hub"], ["x", "y"], ["y", "x"], ["z", "z"], ["d", "hub"], ["d", "a"]];
  const anchor = findLeaves(keys.length, Int32Array.from(edges.map((e) => at(e[0]))), Int32Array.from(edges.map((e) => at(e[1]))));
  const named = Object.fromEntries(keys.map((k, i) => [k, anchor[i] < 0 ? null : keys[anchor[i]]]));
  assert.deepEqual(named, { hub: null, a: null, b: "hub", c: "hub", x: null, y: null, z: null, d: null });
});

test("a star (no core edges) and a lone pair get distinct, finite positions all around", () => {
  const star = graph(Array.from({ length: 12 }, (_, i) => [`s${i}`, "hub", 1] as [string, string, number]));
  const pos = layoutGraph(star, 7);
  assert.equal(pos.size, 13);
  assert.ok([...pos.values()].every((p) => Number.isFinite(p.x) && Number.isFinite(p.y)));
  assert.equal(new Set([...pos.values()].map((p) => `${p.x},${p.y}`)).size, 13, "distinct positions");
  const hub = pos.get("hub")!;
  const quadrants = new Set([...pos].filter(([k]) => k !== "hub").map(([, p]) => `${p.x > hub.x},${p.y > hub.y}`));
  assert.equal(quadrants.size, 4, "leaves all around the hub");
  const pair = layoutGraph(graph([["p", "q", 2], ["q", "p", 1]]), 7);
  assert.equal(pair.size, 2);
  assert.notDeepEqual(pair.get("p"), pair.get("q"));
});
