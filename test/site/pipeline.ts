// Runs the real CLI (ingest, then analyze) into a temp store, as a user would.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO } from "./site-build.ts";
import { cliSync } from "../helpers/cli-sync.ts";

export function cli(args: string[]): string {
  // From the repository root (as always under npm test), the CLI in a worker thread (cliSync):
  // queries in loops cost a query each, not a `node --import tsx` process each.
  const r = process.cwd() === REPO ? cliSync(args)
    : spawnSync(process.execPath, ["--import", "tsx", join(REPO, "loaders/cli.ts"), ...args], { cwd: REPO, encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`threadgraph ${args.join(" ")} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** `analyzeFlags`: extra `threadgraph analyze` flags (e.g. --maintainers FILE). */
export function ingestAndAnalyze(store: string, sources: string[], analyzeFlags: string[] = []): void {
  if (sources.length) cli(["ingest", "--store", store, ...sources]);
  cli(["analyze", "--store", store, ...analyzeFlags]);
}

/** An empty mbox in dir (analyze refuses a directory that is not a store, so a store with no messages is an ingest of it). */
export function writeEmptyCorpus(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "empty.mbox"), "");
  return [`linux-cxl=${join(dir, "empty.mbox")}`];
}

/** Rows of a `threadgraph query --json` over the store (what a user would query). */
export function sqlRows(store: string, sql: string): Record<string, any>[] {
  return cli(["query", "--store", store, "--json", sql]).split("\n").filter(Boolean).map((l) => JSON.parse(l));
}
