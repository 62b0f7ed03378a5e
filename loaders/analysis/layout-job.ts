// The graph layout on a worker thread, so that on a multi-core machine ForceAtlas2 runs beside
// the metrics, responsiveness, reviews and derived tables instead of after them. The worker gets
// the graph as the layout's plain arrays (LayoutInput: node keys, edges as node indexes and weights,
// in the graph's own order, which the layout depends on), so positions come out exactly as from
// layoutGraph here, and no graph is rebuilt there. Small graphs are laid out in this thread
// (starting a worker costs more than it saves); a worker that fails falls back to it.
// The same worker then computes the graph metrics' betweenness (the main thread's largest metric),
// from a BetweennessJob: plain arrays, the same numbers as in this thread.
import { jobRunner, WorkerDied, type JobWorker } from "./job-worker.ts";
import type { JobResult } from "./job-worker-main.ts";
import type { ReplyGraph } from "../graph/build.ts";
import { layoutArrays, layoutInput, type LayoutInput, type Positions } from "../graph/layout.ts";
import { betweenness, type BetweennessJob } from "../graph/metrics.ts";

/**
 * Counters for tests and diagnostics: layouts done on a worker, worker layouts that fell back to
 * this thread, and the last worker layout's CPU in ms (its thread's startup excluded) (null: none, or no /proc).
 */
export const layoutStats: { worker: number; fallbacks: number; workerCpuMs: number | null } = { worker: 0, fallbacks: 0, workerCpuMs: null };

/** Nodes from which the layout goes to a worker thread; tests lower it. */
export const layoutWorker = { fromNodes: 2000 };

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

/** The job worker's side: the positions as entries, betweenness moved, not copied. */
export function layoutOnWorker(job: LayoutJob): JobResult {
  const r = runLayoutJob(job);
  return { value: { pos: [...r.layout], bc: r.betweenness }, transfer: r.betweenness ? [r.betweenness.buffer as ArrayBuffer] : [] };
}

/**
 * Start the layout of `g` (and the betweenness `job`, if any): on a worker thread (`host`, or one of its
 * own) when `g` has `workerFrom` nodes or more, else right here. A worker that fails, or dies, falls back to here.
 */
export function startLayout(g: ReplyGraph, seed: number, workerFrom = layoutWorker.fromNodes, job: BetweennessJob | null = null, host?: JobWorker): Promise<LayoutResult> {
  const data: LayoutJob = { ...layoutInput(g), seed, betweenness: job };
  if (g.order < workerFrom) return Promise.resolve(runLayoutJob(data));
  const { worker, done } = jobRunner(host);
  const p = worker.run<{ pos: [string, { x: number; y: number }][]; bc: Float64Array | null }>("layout", data).then(
    ({ value, cpuMs }) => { layoutStats.worker++; layoutStats.workerCpuMs = cpuMs; return { layout: new Map(value.pos), betweenness: value.bc }; },
    (e) => { if (e instanceof WorkerDied && e.cancelled) throw e; layoutStats.fallbacks++; return runLayoutJob(data); });
  p.finally(done).catch(() => {}); // a cancelled run's layout is awaited by nobody
  return p;
}
