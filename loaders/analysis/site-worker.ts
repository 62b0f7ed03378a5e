// One way to await a worker thread that writes site files into a SiteDirSink's directory and
// answers with their names (thread shards, graph downloads): a write error rejects; a worker that
// dies without an answer is replaced by making the files here, unless the run was cancelled.
import type { Worker } from "node:worker_threads";
import type { SiteDirSink } from "./site-sink.ts";

/** A site writer running elsewhere: await `done` after the other builders; `cancel` stops it. */
export interface SiteWorkerRun { done: Promise<void>; cancel(): Promise<void> }
/** What such a worker posts once: the files it wrote (and its CPU), or the error that stopped it. */
export interface SiteWorkerAnswer { names?: string[]; cpuMs?: number | null; error?: { message: string; code?: string } }

export function watchSiteWorker(w: Worker, sink: SiteDirSink, here: () => void, answered: (r: SiteWorkerAnswer) => void): SiteWorkerRun {
  let cancelled = false;
  const done = new Promise<void>((resolve, reject) => {
    let settled = false;
    w.once("message", (r: SiteWorkerAnswer) => {
      settled = true;
      void w.terminate();
      if (r.error) { reject(Object.assign(new Error(r.error.message), { code: r.error.code })); return; }
      for (const name of r.names!) sink.note(name);
      answered(r);
      resolve();
    });
    const died = () => {
      if (settled) return;
      settled = true;
      if (cancelled) { resolve(); return; }
      try { here(); resolve(); } catch (e) { reject(e); }
    };
    w.once("error", died);
    w.once("exit", died);
  });
  // The caller awaits `done` only after its other builders: a failure meanwhile is not unhandled.
  done.catch(() => {});
  return { done, cancel: async () => { cancelled = true; await w.terminate(); } };
}
