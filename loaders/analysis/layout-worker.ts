// Worker thread: ForceAtlas2 layout of a reply graph sent as plain arrays, then betweenness if asked (see layout-job.ts).
import { parentPort, workerData } from "node:worker_threads";
import { runLayoutJob, type LayoutJob } from "./layout-job.ts";
import { threadCpuMs } from "./thread-cpu.ts";

const r = runLayoutJob(workerData as LayoutJob);
// The thread's whole CPU, module loading included: the bench reports it.
parentPort!.postMessage({ pos: [...r.layout], bc: r.betweenness, cpuMs: threadCpuMs() });
