// The full graph downloads (graph-nodes.csv, graph-edges.csv, graph.gexf, graph.graphml: ~30 MB of
// text at ~200k messages, ~0.6 CPU-s) made on a worker thread from plain rows and typed columns
// (build-graph.ts GraphExportInput), which writes them into the site directory itself: the main
// thread goes on with the graph buckets and meta.json meanwhile (2 cores). Small graphs, and sinks
// that are no directory (a Map), make them here.
import { graphExportFiles, type GraphExportInput } from "./build-graph.ts";
import { SiteDirSink, type SiteSink } from "./site-sink.ts";
import { siteWorkerJob, type SiteWorkerRun } from "./site-worker.ts";
import type { JobWorker } from "./job-worker.ts";

/** Edges (bots' included) from which the downloads go to a worker (below, starting it costs more than it saves); tests lower it. */
export const graphExportWorker = { fromEdges: 10_000 };
/** Counters for tests and diagnostics: jobs done on a worker, worker jobs that fell back to this thread, the last worker job's CPU ms. */
export const graphExportStats: { worker: number; fallbacks: number; workerCpuMs: number | null } = { worker: 0, fallbacks: 0, workerCpuMs: null };

/** The downloads written into `files` here. */
export function graphExportsHere(input: GraphExportInput, files: SiteSink): void {
  for (const [name, text] of Object.entries(graphExportFiles(input))) files.set(name, text);
}

/**
 * Start the downloads on a worker thread (`host`, or one of its own) writing into `sink`'s directory, or
 * return null when they are better made here (no directory, fewer than `workerFrom` edges). A worker
 * that dies without an answer is replaced by making them here; a write error (a full disk) rejects.
 */
export function startGraphExports(input: GraphExportInput, sink: SiteSink, workerFrom = graphExportWorker.fromEdges, host?: JobWorker): SiteWorkerRun | null {
  if (!(sink instanceof SiteDirSink) || input.edges.s.length < workerFrom) return null;
  // Copied, not transferred (~1 MB of columns): a worker that dies leaves them to the fallback.
  return siteWorkerJob(host, "graph-exports", { dir: sink.dir, input }, [], sink,
    () => { graphExportStats.fallbacks++; graphExportsHere(input, sink); }, (cpuMs) => { graphExportStats.worker++; graphExportStats.workerCpuMs = cpuMs; });
}
