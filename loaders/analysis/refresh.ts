// After the store changes (ingest, sync, thread, analyze): recompute the derived tables and page
// artifacts, and drop the Framework loader cache. One function, so every command refreshes alike.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { runAnalysis, writeSiteDir, type RunResult } from "./run.ts";
import { invalidatePageCache } from "../store/cache.ts";
import { readStoreSettings } from "../store/settings.ts";
import { loadConfig } from "../config.ts";
import { parseWhen } from "../sync/window.ts";

/**
 * The report window of a refresh and where it came from. Precedence: analyze --since/--until
 * ("flags") > the window analyze saved in the store ("store") > config `window` ("config") >
 * all data ("all-time"). Bounds are ISO dates or "N days" (30d: relative to each refresh).
 */
export interface ReportWindow { since?: string; until?: string; origin: "flags" | "store" | "config" | "all-time" }

export function resolveReportWindow(storeDir: string, configWindow: { since?: string; until?: string } | undefined,
  flags?: { since?: string; until?: string }): ReportWindow {
  const set = (w?: { since?: string; until?: string }) => !!(w && (w.since || w.until));
  if (set(flags)) return { ...flags, origin: "flags" };
  const saved = existsSync(storeDir) ? readStoreSettings(storeDir).reportWindow : undefined;
  if (set(saved)) return { ...saved, origin: "store" };
  if (set(configWindow)) return { since: configWindow!.since, until: configWindow!.until, origin: "config" };
  return { origin: "all-time" };
}

const RELATIVE = /^\s*\d+\s*d(ays?)?\s*$/i;

/**
 * The window with relative bounds ("30d") resolved against `now` to a date (YYYY-MM-DD); absolute
 * ones are kept as written, after checking them with the same parser. Throws on a bad date.
 */
export function absoluteWindow(w: ReportWindow, now = Date.now()): { since?: string; until?: string } {
  const abs = (s: string | undefined, name: string) => {
    if (!s) return undefined;
    let t: number;
    try { t = parseWhen(s, now); } catch (e) { throw new Error(`report window ${name}: ${(e as Error).message}`); }
    return RELATIVE.test(s) ? new Date(t).toISOString().slice(0, 10) : s;
  };
  const out = { since: abs(w.since, "since"), until: abs(w.until, "until") };
  if (out.since && out.until && parseWhen(out.until, now) <= parseWhen(out.since, now)) {
    throw new Error(`report window: until (${w.until}) is not after since (${w.since})`);
  }
  return out;
}

const ORIGIN: Record<ReportWindow["origin"], string> = {
  flags: "from --since/--until", store: "saved in the store by analyze; 'analyze --all-time' clears it",
  config: "from threadgraph.config.ts window", "all-time": "",
};

/** "report window: 30d (2026-10-25) .. end (until exclusive; saved in the store ...)" or "report window: all data". */
export function describeWindow(w: ReportWindow, now = Date.now()): string {
  if (w.origin === "all-time") return "report window: all data";
  const abs = absoluteWindow(w, now);
  const show = (s: string | undefined, a: string | undefined, open: string) => (!s ? open : RELATIVE.test(s) ? `${s.trim()} (${a})` : s);
  return `report window: ${show(w.since, abs.since, "start")} .. ${show(w.until, abs.until, "end")} (until exclusive; ${ORIGIN[w.origin]})`;
}

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
  return `${describeWindow(r.window)}\nanalyzed ${c.messages} messages: ${c.threads} threads, ${c.series} series, ${c.people} people, ` +
    `graph ${c.graph_people} people / ${c.reply_edges} edges (${c.reply_messages} replies), ${c.reviews} reviews, ${c.naks} NAKs ` +
    `in ${(r.elapsedMs / 1000).toFixed(1)} s`;
}
