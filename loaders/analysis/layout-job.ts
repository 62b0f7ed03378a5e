// The graph layout on a worker thread, so that on a multi-core machine ForceAtlas2 runs beside
// the metrics, responsiveness, reviews and derived tables instead of after them. The worker gets
// the graph as the layout's plain arrays (LayoutInput: node keys, edges as node indexes and weights,
// in the graph's own order, which the layout depends on), so positions come out exactly as from
// layoutGraph here, and no graph is rebuilt there. Small graphs are laid out in this thread
// (starting a worker costs more than it saves); a worker that fails falls back to it.
// The same worker then computes the graph metrics' betweenness (the main thread's largest metric),
// from a BetweennessJob: plain arrays, the same numbers as in this thread.
import { Worker } from "node:worker_threads";
import type { ReplyGraph } from "../graph/build.ts";
import { layoutArrays, layoutInput, type LayoutInput, type Positions } from "../graph/layout.ts";
import { betweenness, type BetweennessJob } from "../graph/metrics.ts";

/**
 * Counters for tests and diagnostics: layouts done on a worker, worker layouts that fell back to
 * this thread, and the last worker thread's CPU in ms (null: none, or no /proc).
 */
export const layoutStats: { worker: number; fallbacks: number; workerCpuMs: number | null } = { worker: 0, fallbacks: 0, workerCpuMs: null };

/** Nodes from which the layout goes to a worker thread. */
export const WORKER_LAYOUT_NODES = 2000;

export type Layout = Positions;
/** The worker's input: the layout's graph and seed, and betweenness to compute after it (or null). */
export type LayoutJob = LayoutInput & { seed: number; betweenness: BetweennessJob | null };
/** Positions by graph node key, and betweenness by node index of the job's graph (null: none asked). */
export interface LayoutResult { layout: Layout; betweenness: Float64Array | null }

/** What the worker does, here or there. */
export function runLayoutJob(job: LayoutJob): LayoutResult {
  const layout = layoutArrays(job, job.seed);
  const bc = job.betweenness;
  return { layout, betweenness: bc ? betweenness(bc, bc.sources) : null };
}

/**
 * Start the layout of `g` (and the betweenness `job`, if any): on a worker thread when `g` has
 * `workerFrom` nodes or more, else right here.
 */
export function startLayout(g: ReplyGraph, seed: number, workerFrom = WORKER_LAYOUT_NODES, job: BetweennessJob | null = null): Promise<LayoutResult> {
  const data: LayoutJob = { ...layoutInput(g), seed, betweenness: job };
  if (g.order < workerFrom) return Promise.resolve(runLayoutJob(data));
  const here = () => { layoutStats.fallbacks++; return runLayoutJob(data); };
  return new Promise<LayoutResult>((resolve) => {
    let w: Worker;
    try {
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
