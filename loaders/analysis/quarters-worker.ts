// Worker thread: each quarter's reply graph and its metrics, from a QuarterJob (graph-buckets.ts).
import { parentPort, workerData } from "node:worker_threads";
import { quarterMetrics, type QuarterJob } from "./graph-buckets.ts";
import { threadCpuMs } from "./thread-cpu.ts";

const quarters = quarterMetrics(workerData as QuarterJob);
// The thread's whole CPU, module loading included: the bench reports it.
parentPort!.postMessage({ quarters, cpuMs: threadCpuMs() });
