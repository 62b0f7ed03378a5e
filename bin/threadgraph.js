#!/usr/bin/env node
// Thin launcher: the CLI is TypeScript, run through tsx's loader so no build step is needed.
// The CLI runs under NODE_FLAGS (loaders/commands/node-flags.ts): started without them, this
// starts node again with them (a shebang cannot pass them portably: BusyBox's env has no -S)
// and ends as that process ends, passing it the signals this one gets.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";
register();
const { NODE_FLAGS, hasNodeFlags } = await import("../loaders/commands/node-flags.ts");
if (hasNodeFlags()) {
  const { runCli } = await import("../loaders/cli.ts");
  process.exitCode = await runCli(process.argv.slice(2));
} else {
  const child = spawn(process.execPath, [...NODE_FLAGS, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const s of signals) process.on(s, () => child.kill(s));
  child.on("error", (e) => { console.error(`threadgraph: cannot start node again with ${NODE_FLAGS.join(" ")}: ${e.message}`); process.exitCode = 1; });
  child.on("exit", (code, signal) => {
    if (signal) {
      for (const s of signals) process.removeAllListeners(s);
      process.kill(process.pid, signal);
    } else process.exitCode = code ?? 1;
  });
}
