// One entry point for `threadgraph analyze`, the Framework loader and the benchmark:
// store -> corpus -> analysis -> (derived tables) -> page artifacts.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { openStore } from "../store/store.ts";
import { loadConfig } from "../config.ts";
import type { Corpus } from "./model.ts";
import { analyzeCorpus, type Analysis, type AnalyzeOptions } from "./analyze.ts";
import { readCorpus, writeDerivedTables } from "./store-io.ts";
import { siteFiles } from "./site.ts";
import { zipFiles } from "./zip.ts";

export interface RunOptions extends AnalyzeOptions {
  storeDir: string;
  /** Write derived tables into the store (the CLI does; the page loader only reads). */
  writeDerived?: boolean;
  lists?: string[];
}

export interface RunResult { files: Map<string, string>; analysis: Analysis; storeVersion: string; timings: Record<string, number> }

const emptyCorpus = (lists: string[]): Corpus => ({ messages: [], trailers: [], people: [], lists, sources: [] });

export async function runAnalysis(o: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const lists = o.lists ?? (await loadConfig()).lists.map((l) => l.name);
  const timings: Record<string, number> = {};
  let corpus = emptyCorpus(lists);
  let storeVersion = "none";
  // A missing store is not an error: the site says how to get data.
  const store = existsSync(resolve(o.storeDir)) ? await openStore(o.storeDir) : null;
  try {
    let t = Date.now();
    if (store) corpus = await readCorpus(store, lists);
    timings.read = Date.now() - t;
    const analysis = analyzeCorpus(corpus, o);
    Object.assign(timings, analysis.timings);
    t = Date.now();
    if (store && o.writeDerived) await writeDerivedTables(store, analysis);
    timings.derived = Date.now() - t;
    if (store) storeVersion = await store.version();
    t = Date.now();
    const files = siteFiles(analysis, storeVersion, started);
    timings.artifacts = Date.now() - t;
    return { files, analysis, storeVersion, timings };
  } finally {
    await store?.close();
  }
}

/** Replace the artifacts directory with these files. */
export function writeSiteDir(outDir: string, files: Map<string, string>): void {
  rmSync(outDir, { recursive: true, force: true });
  for (const [name, content] of files) {
    const p = join(outDir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
}

/** The store version the artifacts in outDir were made from, or null. */
export function siteDirVersion(outDir: string): string | null {
  try { return JSON.parse(readFileSync(join(outDir, "meta.json"), "utf8")).store_version ?? null; } catch { return null; }
}

export { zipFiles };
