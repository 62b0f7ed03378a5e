// After the store changes (ingest, sync, thread, analyze): recompute the derived tables and page
// artifacts, and drop the Framework loader cache. One function, so every command refreshes alike.
import { join, resolve } from "node:path";
import { runAnalysis, writeSiteDir, type RunResult } from "../analysis/run.ts";
import { invalidatePageCache } from "./page-cache.ts";
import { loadConfig } from "../config.ts";
import { absoluteWindow, describeWindow, resolveReportWindow, type ReportWindow } from "../store/report-window.ts";

export interface RefreshOptions {
  storeDir: string;
  lists: string[];
  /** Artifacts directory (default <store>/site). */
  outDir?: string;
  /** Write derived tables into the store (default true). */
  writeDerived?: boolean;
  includeBots?: boolean;
  /** Report window flags (analyze --since/--until); default: the store's saved window, else config `window`. */
  window?: { since?: string; until?: string };
}

export interface RefreshResult extends RunResult { outDir: string; droppedCache: string[]; elapsedMs: number; window: ReportWindow }

export async function refreshAnalysis(o: RefreshOptions): Promise<RefreshResult> {
  const t0 = Date.now();
  const storeDir = resolve(o.storeDir);
  const outDir = resolve(o.outDir ?? join(storeDir, "site"));
  const window = resolveReportWindow(storeDir, (await loadConfig()).window, o.window);
  // Absolute bounds ({} = all data, so run.ts does not fall back to the config window itself).
  const r = await runAnalysis({ storeDir, writeDerived: o.writeDerived ?? true, includeBots: o.includeBots, lists: o.lists, window: absoluteWindow(window) });
  writeSiteDir(outDir, r.files);
  return { ...r, outDir, droppedCache: invalidatePageCache(), elapsedMs: Date.now() - t0, window };
}

/** Two lines for the CLI: the report window and what the analysis found. */
export function describeRefresh(r: RefreshResult): string {
  const c = JSON.parse(r.files.get("meta.json")!).counts;
  return `${describeWindow(r.window)}\nanalyzed ${c.messages} messages: ${c.threads} threads, ${c.series} series, ${c.people} people active, ` +
    `graph ${c.graph_people} people / ${c.reply_edges} edges (${c.reply_messages} replies), ${c.reviews} reviews given in replies, ${c.naks} NAKs ` +
    `in ${(r.elapsedMs / 1000).toFixed(1)} s`;
}
