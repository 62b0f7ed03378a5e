// ForceAtlas2 layout with a deterministic seed: initial positions come from a seeded PRNG,
// and FA2 itself is deterministic, so the same graph always gets the same picture.
// Leaves (people with a single correspondent, about a quarter of a reply graph) are left out of
// the force simulation, their weight added to their anchor's mass, and placed next to their
// anchor afterwards (leaves.ts): with 3/4 of the iterations the layout costs about half, and
// the picture is as good (docs/analysis.md). The layout works on plain arrays (LayoutInput), so
// a worker thread can take it without building a graph.
import { createRequire } from "node:module";
import fa2Import from "graphology-layout-forceatlas2";
import type { ReplyGraph } from "./build.ts";
import { rng } from "./metrics.ts";
import { findLeaves, placeLeaves } from "./leaves.ts";

interface Fa2 { inferSettings(g: number): Record<string, unknown> }
const forceAtlas2 = fa2Import as unknown as Fa2;
/** One FA2 step over the library's node (10 floats a node) and edge (source, target, weight) matrices. */
type Iterate = (settings: Record<string, unknown>, nodes: Float32Array, edges: Float32Array) => void;
const iterate = createRequire(import.meta.url)("graphology-layout-forceatlas2/iterate.js") as Iterate;
const PPN = 10, MASS = 6, CONVERGENCE = 7, SIZE = 8;

/** Graphs with more nodes than this get the Barnes-Hut approximation of the repulsion. */
export const BARNES_HUT_NODES = 500;
/**
 * Barnes-Hut theta (a cell this far away, relative to its size, counts as one body). 1.0 instead
 * of the library's 0.5 (Gephi uses 1.2): on the 212k-message bench graph (5,383 people) the layout
 * costs 2.4x less CPU, pairwise distances correlate 0.99 with theta 0.5's, and communities stay
 * as tight (docs/analysis.md).
 */
export const BARNES_HUT_THETA = 1;

/** A graph as the layout sees it: node keys, and edges as node indexes with their weights (in the graph's edge order). */
export interface LayoutInput { keys: string[]; source: Int32Array; target: Int32Array; weight: Float64Array }
export type Positions = Map<string, { x: number; y: number }>;

/** The layout's input from a reply graph: its nodes and edges in the graph's own order (the layout depends on it). */
export function layoutInput(g: ReplyGraph): LayoutInput {
  const keys = g.nodes(), at = new Map(keys.map((k, i) => [k, i]));
  const source = new Int32Array(g.size), target = new Int32Array(g.size), weight = new Float64Array(g.size);
  let j = 0;
  g.forEachEdge((_k, a, s, t) => { source[j] = at.get(s)!; target[j] = at.get(t)!; weight[j] = a.weight; j++; });
  return { keys, source, target, weight };
}

export function layoutGraph(g: ReplyGraph, seed = 7, iterations?: number): Positions {
  return layoutArrays(layoutInput(g), seed, iterations);
}

/**
 * FA2 iterations for a graph of n nodes (all of them, leaves included): three quarters of the 120,
 * 200 and 400 used when leaves were simulated too. Without its leaves the rest needs no more: on
 * the 18k- and 212k-message bench graphs, communities lie as tight and edges as short as before,
 * within the spread between seeds (docs/analysis.md); halving them instead loosens communities.
 */
export function layoutIterations(n: number): number {
  return n > 3000 ? 90 : n > 500 ? 150 : 300;
}

export function layoutArrays(input: LayoutInput, seed = 7, iterations?: number): Positions {
  const { keys, source, target, weight } = input;
  const n = keys.length;
  const out: Positions = new Map();
  if (n === 0) return out;
  const r = rng(seed);
  const spread = Math.sqrt(n) * 10;
  // Sorted ids so the seed->position mapping does not depend on insertion order.
  const ids = keys.slice().sort();
  const init = new Map(ids.map((id) => [id, { x: (r() - 0.5) * spread, y: (r() - 0.5) * spread }]));
  const anchor = findLeaves(n, source, target);
  // The core: every node but the leaves, in the graph's order; node i is at row[i] of the matrix.
  const row = new Int32Array(n).fill(-1);
  let core = 0;
  for (let i = 0; i < n; i++) if (anchor[i] < 0) row[i] = core++;
  const nodes = new Float32Array(core * PPN);
  for (let i = 0; i < n; i++) {
    if (row[i] < 0) continue;
    const p = init.get(keys[i])!, b = row[i] * PPN;
    nodes[b] = p.x; nodes[b + 1] = p.y; nodes[b + MASS] = 1; nodes[b + CONVERGENCE] = 1; nodes[b + SIZE] = 1;
  }
  // Mass = 1 + weighted degree (as the library counts it); a leaf's edge weight and its own body go to its anchor.
  let coreEdges = 0;
  for (let e = 0; e < source.length; e++) {
    const s = source[e], t = target[e];
    if (row[s] >= 0 && row[t] >= 0) { coreEdges++; nodes[row[s] * PPN + MASS] += weight[e]; nodes[row[t] * PPN + MASS] += weight[e]; }
    else nodes[row[row[s] >= 0 ? s : row[t] >= 0 ? t : anchor[s]] * PPN + MASS] += weight[e]; // a leaf's edge (or self-reply): to its anchor
  }
  for (let i = 0; i < n; i++) if (anchor[i] >= 0) nodes[row[anchor[i]] * PPN + MASS] += 1;
  const edges = new Float32Array(coreEdges * 3);
  for (let e = 0, j = 0; e < source.length; e++) {
    const s = row[source[e]], t = row[target[e]];
    if (s < 0 || t < 0) continue;
    edges[j++] = s * PPN; edges[j++] = t * PPN; edges[j++] = weight[e];
  }
  const settings = {
    linLogMode: false, outboundAttractionDistribution: true, adjustSizes: false, edgeWeightInfluence: 1,
    ...forceAtlas2.inferSettings(n), barnesHutOptimize: n > BARNES_HUT_NODES, barnesHutTheta: BARNES_HUT_THETA,
  };
  const steps = iterations ?? layoutIterations(n);
  for (let k = 0; k < steps; k++) iterate(settings, nodes, edges);
  const xs = new Float64Array(n), ys = new Float64Array(n);
  for (let i = 0; i < n; i++) if (row[i] >= 0) { xs[i] = nodes[row[i] * PPN]; ys[i] = nodes[row[i] * PPN + 1]; }
  placeLeaves({ keys, source, target, anchor, xs, ys });
  // Normalise into [-1000, 1000] and round: smaller JSON, same picture.
  let max = 1e-9;
  for (let i = 0; i < n; i++) max = Math.max(max, Math.abs(xs[i]), Math.abs(ys[i]));
  const at = new Map(keys.map((k, i) => [k, i]));
  for (const id of ids) {
    const i = at.get(id)!;
    out.set(id, { x: Math.round((xs[i] / max) * 10000) / 10, y: Math.round((ys[i] / max) * 10000) / 10 });
  }
  return out;
}
