// One worker thread for the analysis' offloaded jobs (the layout, the quarters' metrics, the thread
// shards, the graph downloads). Starting a worker (tsx's hooks, loading and compiling the modules)
// costs ~0.2 CPU-s and ~140 ms: one thread for all four pays it once, and runAnalysis starts it
// before the store read (the main thread idles there), then posts each job when its data is ready.
// The jobs run one after another in the order posted: each fits in the time the main thread takes
// before it needs the answer. A job's error rejects its promise; a thread that dies (or cannot start)
// rejects every pending job with WorkerDied, so each caller makes its result here instead.
import { Worker } from "node:worker_threads";
import type { JobKind } from "./job-worker-main.ts";

export type { JobKind };

/** The worker thread ended (or never started) before it answered; after terminate(), `cancelled` is set. */
export class WorkerDied extends Error {
  constructor(readonly cancelled: boolean) { super(cancelled ? "worker cancelled" : "worker thread died"); }
}

/** Jobs answered by a JobWorker and its thread's CPU in ms at the last answer, startup included (diagnostics, the bench). */
export const jobWorkerStats: { jobs: number; threadCpuMs: number | null } = { jobs: 0, threadCpuMs: null };

interface Answer { id: number; value?: unknown; died?: boolean; error?: { message: string; code?: string }; cpuMs: number | null; threadCpuMs: number | null }
interface Pending { resolve(a: { value: unknown; cpuMs: number | null }): void; reject(e: Error): void }

export class JobWorker {
  private w: Worker | null = null;
  private dead: WorkerDied | null = null;
  private readonly pending = new Map<number, Pending>();
  private next = 0;

  /**
   * Start the thread now (its startup overlaps what the caller does next); run() starts it otherwise.
   * `preload`: load every job's modules there now too (the caller expects most kinds of job).
   */
  start(preload = false): this {
    if (this.w || this.dead) return this;
    try {
      // A larger young generation: the thread shards make ~110 MB of short-lived strings (less scavenging).
      this.w = new Worker(new URL("./job-worker-boot.mjs", import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 96 } });
    } catch {
      this.dead = new WorkerDied(false);
      return this;
    }
    this.w.unref(); // an idle thread never keeps the process alive
    this.w.on("message", (a: Answer) => this.answer(a));
    const died = () => this.die(new WorkerDied(false));
    this.w.once("error", died);
    this.w.once("exit", died);
    if (preload) this.w.postMessage("preload");
    return this;
  }

  /** Run `kind` on `data` there; `transfer`: buffers moved, not copied (the caller must not read them after). */
  run<T>(kind: JobKind, data: unknown, transfer: ArrayBuffer[] = []): Promise<{ value: T; cpuMs: number | null }> {
    this.start();
    const p = new Promise<{ value: T; cpuMs: number | null }>((resolve, reject) => {
      if (this.dead) { reject(this.dead); return; }
      const id = this.next++;
      this.pending.set(id, { resolve: resolve as Pending["resolve"], reject });
      this.w!.ref();
      try {
        this.w!.postMessage({ id, kind, data }, transfer);
      } catch (e) {
        this.pending.delete(id);
        this.idle();
        reject(e);
      }
    });
    p.catch(() => {}); // callers await it after other work: a failure meanwhile is not unhandled
    return p;
  }

  /** Stop the thread: pending jobs reject with WorkerDied(cancelled), later ones too. */
  async terminate(): Promise<void> {
    this.die(new WorkerDied(true));
    await this.w?.terminate();
  }

  private answer(a: Answer): void {
    const p = this.pending.get(a.id);
    if (!p) return;
    this.pending.delete(a.id);
    this.idle();
    jobWorkerStats.jobs++;
    jobWorkerStats.threadCpuMs = a.threadCpuMs;
    if (a.died) p.reject(new WorkerDied(false));
    else if (a.error) p.reject(Object.assign(new Error(a.error.message), { code: a.error.code }));
    else p.resolve({ value: a.value, cpuMs: a.cpuMs });
  }

  private idle(): void { if (!this.pending.size) this.w?.unref(); }

  private die(why: WorkerDied): void {
    if (this.dead) return;
    this.dead = why;
    const ps = [...this.pending.values()];
    this.pending.clear();
    for (const p of ps) p.reject(why);
  }
}

/** `host`, or a thread of its own for this one job (ended when it answers). */
export function jobRunner(host: JobWorker | undefined): { worker: JobWorker; done(): void } {
  if (host) return { worker: host, done: () => {} };
  const worker = new JobWorker();
  return { worker, done: () => { void worker.terminate(); } };
}
