// Worker thread: each quarter's reply graph and its metrics, from a QuarterJob (graph-buckets.ts).
import { parentPort, workerData } from "node:worker_threads";
import { quarterMetrics, type QuarterJob } from "./graph-buckets.ts";

parentPort!.postMessage(quarterMetrics(workerData as QuarterJob));
