// The graph layout on a worker thread, so that on a multi-core machine ForceAtlas2 runs beside
// the metrics, responsiveness, reviews and derived tables instead of after them. The worker gets
// the graph as plain arrays in the graph's own node and edge order (the layout depends on that
// order, so positions come out exactly as from layoutGraph here). Small graphs are laid out in
// this thread (starting a worker costs more than it saves); a worker that fails falls back to it.
// The same worker then computes the graph metrics' betweenness (the main thread's largest metric),
// from a BetweennessJob: plain arrays, the same numbers as in this thread.
import { Worker } from "node:worker_threads";
import graphology from "graphology";
import type { DirectedGraph as DirectedGraphT } from "graphology";
import type { ReplyGraph } from "../graph/build.ts";
import { layoutGraph } from "../graph/layout.ts";
import { betweenness, type BetweennessJob } from "../graph/metrics.ts";

const { DirectedGraph } = graphology as unknown as { DirectedGraph: typeof DirectedGraphT };

/**
 * Counters for tests and diagnostics: layouts done on a worker, worker layouts that fell back to
 * this thread, and the last worker thread's CPU in ms (null: none, or no /proc).
 */
export const layoutStats: { worker: number; fallbacks: number; workerCpuMs: number | null } = { worker: 0, fallbacks: 0, workerCpuMs: null };

/** Nodes from which the layout goes to a worker thread. */
export const WORKER_LAYOUT_NODES = 2000;

export interface LayoutRequest { nodes: [key: string, label: string][]; edges: [source: string, target: string, weight: number][]; seed: number }
export type Layout = Map<string, { x: number; y: number }>;
/** The worker's input: the layout's graph, and betweenness to compute after it (or null). */
export type LayoutJob = LayoutRequest & { betweenness: BetweennessJob | null };
/** Positions by graph node key, and betweenness by node index of the job's graph (null: none asked). */
export interface LayoutResult { layout: Layout; betweenness: Float64Array | null }

/** What the worker does, here or there. */
export function runLayoutJob(g: ReplyGraph, seed: number, job: BetweennessJob | null): LayoutResult {
  const layout = layoutGraph(g, seed);
  return { layout, betweenness: job ? betweenness(job, job.sources) : null };
}

export function graphToWire(g: ReplyGraph, seed: number): LayoutRequest {
  const nodes: LayoutRequest["nodes"] = [], edges: LayoutRequest["edges"] = [];
  g.forEachNode((k, a) => { nodes.push([k, a.label]); });
  g.forEachEdge((_k, a, s, t) => { edges.push([s, t, a.weight]); });
  return { nodes, edges, seed };
}

/** The graph as the layout sees it: same nodes and edges in the same order, weights only. */
export function graphFromWire(r: LayoutRequest): ReplyGraph {
  const g = new DirectedGraph() as unknown as ReplyGraph;
  for (const [k, label] of r.nodes) g.addNode(k, { label });
  for (const [s, t, weight] of r.edges) g.addDirectedEdge(s, t, { weight, first: null, last: null, lists: [], months: {} });
  return g;
}

/**
 * Start the layout of `g` (and the betweenness `job`, if any): on a worker thread when `g` has
 * `workerFrom` nodes or more, else right here.
 */
export function startLayout(g: ReplyGraph, seed: number, workerFrom = WORKER_LAYOUT_NODES, job: BetweennessJob | null = null): Promise<LayoutResult> {
  if (g.order < workerFrom) return Promise.resolve(runLayoutJob(g, seed, job));
  const here = () => { layoutStats.fallbacks++; return runLayoutJob(g, seed, job); };
  return new Promise<LayoutResult>((resolve) => {
    let w: Worker;
    try {
      const data: LayoutJob = { ...graphToWire(g, seed), betweenness: job };
      w = new Worker(new URL("./layout-boot.mjs", import.meta.url), { workerData: data });
    } catch {
      resolve(here());
      return;
    }
    let done = false;
    w.once("message", (r: { pos: [string, { x: number; y: number }][]; bc: Float64Array | null; cpuMs: number | null }) => {
      done = true; layoutStats.worker++; layoutStats.workerCpuMs = r.cpuMs; resolve({ layout: new Map(r.pos), betweenness: r.bc }); void w.terminate();
    });
    w.once("error", () => { if (!done) { done = true; resolve(here()); } });
    w.once("exit", () => { if (!done) { done = true; resolve(here()); } });
  });
}
