#!/usr/bin/env -S npx tsx
// threadgraph CLI: a small dispatcher; each command lives in loaders/commands/<name>.ts
// and exports `run(argv: string[]): Promise<number>` (the exit code) and `help: string`.
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

const COMMANDS: Record<string, string> = {
  ingest: "ingest local archives (mbox, Maildir, public-inbox) into the store",
  stats: "print store statistics (--json)",
  query: "run DuckDB SQL over the store",
  sync: "refresh the store from lore (public-inbox git or HTTP search)",
  thread: "fetch one whole thread from lore into the store",
  analyze: "compute threads, reply graph and page artifacts from the store",
  series: "print the lifecycle of the patch series that holds a message",
  start: "sync from lore, analyse and serve the site (what `npm start` runs)",
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([n, d]) => `  ${n.padEnd(8)} ${d}`);
  return `usage: threadgraph <command> [options]\n\ncommands:\n${lines.join("\n")}\n\nRun 'threadgraph <command> --help' for a command's options.`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(usage());
    return name ? 0 : 2;
  }
  if (!(name in COMMANDS)) {
    console.error(`threadgraph: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  const mod = await import(`./commands/${name}.ts`);
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(mod.help);
    return 0;
  }
  return mod.run(rest);
}

/** The whole CLI for `argv` (without node and script): the exit code; an error thrown by a command
 * is printed as `threadgraph: MESSAGE` and is exit code 1. Never exits the process: bin/threadgraph.js
 * and `tsx loaders/cli.ts` set process.exitCode from it, tests may call it in-process. */
export function runCli(argv: string[]): Promise<number> {
  return main(argv).catch((err) => { console.error(`threadgraph: ${err?.message ?? err}`); return 1; });
}

// Run as a script (`tsx loaders/cli.ts`, `node --import tsx loaders/cli.ts`), not when imported.
const entry = process.argv[1];
const isEntry = (() => { try { return !!entry && realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url)); } catch { return false; } })();
if (isEntry) runCli(process.argv.slice(2)).then((code) => { process.exitCode = code; });
