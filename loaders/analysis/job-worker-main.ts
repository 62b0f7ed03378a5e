// The job worker's thread (see job-worker.ts): runs each job posted, in order, with the module of its
// kind (loaded on first use: a run that posts no thread shards never loads their code), and answers
// with the result and the job's CPU. A job's error (a full disk) goes back as it is.
import { parentPort } from "node:worker_threads";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { threadCpuMs } from "./thread-cpu.ts";

/** A job's result and the buffers to move (not copy) back. */
export interface JobResult { value: unknown; transfer?: ArrayBuffer[] }

const runners = {
  layout: async () => (await import("./layout-job.ts")).layoutOnWorker,
  quarters: async () => (await import("./graph-buckets.ts")).quartersOnWorker,
  "thread-shards": async () => (await import("./thread-shards-run.ts")).threadShardsOnWorker,
  "graph-exports": async () => (await import("./graph-exports-run.ts")).graphExportsOnWorker,
} satisfies Record<string, () => Promise<(data: never) => JobResult>>;
export type JobKind = keyof typeof runners;

// The thread lives for the whole run: a full collection after each job gives its garbage back (at 212k
// ~280 MB after the thread shards, ~10 ms) instead of holding it until the run ends (peak RSS +300-500 MB).
// A worker cannot be started with --expose-gc: the flag is set just long enough to get the function.
const collect = ((): (() => void) | null => {
  // Started with --expose-gc (a user, a profiler): gc is there, and the flag must stay on.
  if (typeof (globalThis as { gc?: unknown }).gc === "function") return (globalThis as unknown as { gc: () => void }).gc;
  if (process.execArgv.some((a) => /^--expose[-_]gc$/.test(a))) return null;
  try {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as unknown;
    return typeof gc === "function" ? (gc as () => void) : null;
  } catch {
    return null;
  } finally {
    setFlagsFromString("--no-expose-gc");
  }
})();

async function runJob({ id, kind, data }: { id: number; kind: JobKind; data: never }): Promise<void> {
  let run;
  try {
    run = await runners[kind]();
  } catch (e) {
    // A module that cannot load here: the main thread makes this job's result, as for a dead thread.
    parentPort!.postMessage({ id, died: true, error: { message: (e as Error)?.message ?? String(e) }, cpuMs: null, threadCpuMs: threadCpuMs() });
    return;
  }
  try {
    const cpu0 = threadCpuMs();
    const { value, transfer } = run(data);
    const cpu1 = threadCpuMs();
    parentPort!.postMessage({ id, value, cpuMs: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0, threadCpuMs: cpu1 }, transfer ?? []);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    parentPort!.postMessage({ id, error: { message: err?.message ?? String(e), code: err?.code }, cpuMs: null, threadCpuMs: threadCpuMs() });
  }
}

// One job at a time, in the order posted (a module still loading must not let a later job pass);
// the collection once the job and its data are out of reach.
let queue: Promise<void> = Promise.resolve();
parentPort?.on("message", (job: Parameters<typeof runJob>[0] | "preload") => {
  // Started early (runAnalysis, a big store): every job's modules loaded now, while the main thread
  // waits for the store read, not when the jobs come and both cores are busy. Jobs load the same modules.
  if (job === "preload") for (const load of Object.values(runners)) load().catch(() => {}); // a load error fails its job
  else queue = queue.then(() => runJob(job)).then(() => collect?.());
});
