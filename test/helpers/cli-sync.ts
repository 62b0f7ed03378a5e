// The threadgraph CLI called synchronously without spawning a process: one worker thread runs runCli
// (test/helpers/cli-in-process.ts, so output is captured the same way) and this thread waits for
// its answer. For helpers whose callers are synchronous (test/site/pipeline.ts: queries in loops),
// where a spawned `node --import tsx` per query cost ~0.5 CPU-s each.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { CliResult } from "./cli-in-process.ts";

let worker: { w: Worker; port: MessagePort } | undefined;

function start(): { w: Worker; port: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  const w = new Worker(new URL("./cli-sync-worker.mjs", import.meta.url), { workerData: { port: port2 }, transferList: [port2] });
  w.unref(); // never keeps the test process alive
  port1.unref();
  return { w, port: port1 };
}

/** `threadgraph ...args`, run from the current directory: its exit code and what it printed. */
export function cliSync(args: string[]): CliResult {
  worker ??= start();
  const done = new Int32Array(new SharedArrayBuffer(4));
  worker.w.postMessage({ args, done });
  // The worker stores 1 and notifies when its answer is on the port (a generous hang guard).
  if (Atomics.wait(done, 0, 0, 600_000) === "timed-out") throw new Error(`threadgraph ${args.join(" ")}: no answer from the CLI worker in 10 min`);
  const msg = receiveMessageOnPort(worker.port)?.message as ({ error?: string } & CliResult) | undefined;
  if (!msg) throw new Error(`threadgraph ${args.join(" ")}: the CLI worker gave no answer`);
  if (msg.error) throw new Error(`threadgraph ${args.join(" ")}: ${msg.error}`);
  return { status: msg.status, stdout: msg.stdout, stderr: msg.stderr };
}
