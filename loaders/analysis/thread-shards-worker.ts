// Worker thread: the thread and message shards written into the site directory (see thread-shards-job.ts).
import { parentPort, workerData } from "node:worker_threads";
import { runThreadShardsJob, type ThreadShardsJob } from "./thread-shards-run.ts";

try {
  parentPort!.postMessage({ names: runThreadShardsJob(workerData as ThreadShardsJob) });
} catch (e) {
  // A write error (a full disk) goes back as it is: the refresh fails with the file named.
  const err = e as NodeJS.ErrnoException;
  parentPort!.postMessage({ error: { message: err?.message ?? String(e), code: err?.code } });
}
