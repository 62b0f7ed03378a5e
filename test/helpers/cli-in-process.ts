// The threadgraph CLI run inside the test process (loaders/cli.ts runCli, the code bin/threadgraph.js
// runs), for tests about what a command does rather than about the process boundary: a spawned
// `node --import tsx` costs ~0.5 CPU-s, this costs the command. Tests of exit codes and stderr of the
// real process, signals, locks between processes or concurrent writers keep spawning.
// Output is captured per call: writes to process.stdout/stderr (console.* included) made from this
// call's async context go to its buffers, every other write (the test runner's own reports) passes.
import { AsyncLocalStorage } from "node:async_hooks";
import { runCli } from "../../loaders/cli.ts";

export interface CliResult { status: number; stdout: string; stderr: string }
export interface CliOptions {
  /** Variables set (or, when undefined, removed) for the call only. */
  env?: Record<string, string | undefined>;
  /** Working directory for the call only. */
  cwd?: string;
}

interface Capture { stdout: string[]; stderr: string[] }
const capture = new AsyncLocalStorage<Capture>();
let patched = false;

function patch(): void {
  if (patched) return;
  patched = true;
  for (const name of ["stdout", "stderr"] as const) {
    const stream = process[name];
    const write = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      const c = capture.getStore();
      if (!c) return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
      c[name].push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
      const cb = rest.find((r) => typeof r === "function") as (() => void) | undefined;
      if (cb) queueMicrotask(cb);
      return true;
    }) as typeof stream.write;
  }
}

// One call at a time: env and cwd are the process's.
let queue: Promise<unknown> = Promise.resolve();

/** `threadgraph ...args` in this process: its exit code and what it printed. */
export function cli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  const call = queue.then(() => runOnce(args, opts));
  queue = call.catch(() => undefined);
  return call;
}

async function runOnce(args: string[], opts: CliOptions): Promise<CliResult> {
  patch();
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
  const cwd = process.cwd();
  if (opts.cwd) process.chdir(opts.cwd);
  const out: Capture = { stdout: [], stderr: [] };
  const exitCode = process.exitCode;
  try {
    const status = await capture.run(out, () => runCli(args));
    return { status, stdout: out.stdout.join(""), stderr: out.stderr.join("") };
  } finally {
    process.exitCode = exitCode;
    if (opts.cwd) process.chdir(cwd);
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]; else process.env[k] = v;
    }
  }
}
