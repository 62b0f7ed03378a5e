// One way to await a job on the job worker (job-worker.ts) that writes site files into a
// SiteDirSink's directory and answers with their names (thread shards, graph downloads): a write
// error rejects; a worker that dies without an answer is replaced by making the files here, unless
// the run was cancelled.
import { jobRunner, WorkerDied, type JobKind, type JobWorker } from "./job-worker.ts";
import type { SiteDirSink } from "./site-sink.ts";

/** A site writer running elsewhere: await `done` after the other builders; `cancel` stops it. */
export interface SiteWorkerRun { done: Promise<void>; cancel(): Promise<void> }
/** What such a job answers: the files it wrote. */
export interface SiteWorkerAnswer { names: string[] }

/**
 * Post `kind` (`data`, `transfer`: see JobWorker.run) to `host` (or a worker of its own); `here` makes
 * the files in this thread when the worker dies; `answered` gets the job's CPU ms. Cancelling stops
 * the worker, so every job left on it.
 */
export function siteWorkerJob(host: JobWorker | undefined, kind: JobKind, data: unknown, transfer: ArrayBuffer[], sink: SiteDirSink,
  here: () => void, answered: (cpuMs: number | null) => void): SiteWorkerRun {
  const { worker, done: finished } = jobRunner(host);
  const done = worker.run<SiteWorkerAnswer>(kind, data, transfer).then(({ value, cpuMs }) => {
    for (const name of value.names) sink.note(name);
    answered(cpuMs);
  }, (e) => {
    if (!(e instanceof WorkerDied)) throw e;
    if (!e.cancelled) here();
  });
  done.finally(finished).catch(() => {});
  // The caller awaits `done` only after its other builders: a failure meanwhile is not unhandled.
  done.catch(() => {});
  return { done, cancel: () => worker.terminate() };
}
