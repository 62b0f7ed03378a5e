// Worker thread: the thread and message shards written into the site directory (see thread-shards-job.ts).
import { parentPort, workerData } from "node:worker_threads";
import { runThreadShardsJob, type ThreadShardsJob } from "./thread-shards-run.ts";
import { threadCpuMs } from "./thread-cpu.ts";

try {
  const cpu0 = threadCpuMs();
  const names = runThreadShardsJob(workerData as ThreadShardsJob), cpu1 = threadCpuMs();
  parentPort!.postMessage({ names, cpuMs: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 });
} catch (e) {
  // A write error (a full disk) goes back as it is: the refresh fails with the file named.
  const err = e as NodeJS.ErrnoException;
  parentPort!.postMessage({ error: { message: err?.message ?? String(e), code: err?.code } });
}
