// After the store changes (ingest, sync, thread, analyze): recompute the derived tables and page
// artifacts, and drop the Framework loader cache. One function, so every command refreshes alike.
//
// A refresh that writes into the store runs under the store's writer lock, so it reads the newest
// committed mail and no other writer commits or refreshes meanwhile: an older, slower refresh can
// never overwrite a newer one. derived/refresh.json, written last, records the manifest generation
// the derived tables and artifacts were computed from; until it matches the manifest (a refresh
// was killed, skipped with --no-analyze, or never ran) the analysis is stale and the next command
// recomputes it even when it brings no new mail.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { runAnalysis, type RunResult } from "../analysis/run.ts";
import { SiteDirSink } from "../analysis/site-sink.ts";
import { affiliationSetup } from "../analysis/affiliation-setup.ts";
import { invalidatePageCache } from "./page-cache.ts";
import { loadConfig } from "../config.ts";
import { acquireLockWaiting, processAlive } from "../store/lock.ts";
import { MANIFEST, readManifest } from "../store/manifest.ts";
import { absoluteWindow, describeWindow, resolveReportWindow, type ReportWindow } from "../store/report-window.ts";
import { saveMaintainersChoice, saveReportWindow, settingsRestorer } from "../store/settings.ts";
import { renameNamed, writeFileNamed } from "../store/write-file.ts";

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
  /** Save this report window in the store (null clears it), kept only if the refresh succeeds. */
  saveWindow?: { since?: string; until?: string } | null;
  /** --maintainers (absolute path or URL) / --no-maintainers (null): used, and saved once the refresh succeeded. */
  maintainers?: string | null;
  /** Where notes go (the subsystem summary, a stale cached MAINTAINERS); default stderr. */
  warn?: (m: string) => void;
}

export interface RefreshResult extends RunResult<SiteDirSink> { outDir: string; droppedCache: string[]; elapsedMs: number; window: ReportWindow }

/** How long a refresh waits for another writer (an ingest, another refresh) to finish. */
export const REFRESH_LOCK_WAIT_MS = 120_000;

const STATE = join("derived", "refresh.json");
const TABLES = ["message_threads", "threads", "replies", "reviews"];

interface RefreshState { generation: number; tables: string[] }

/** Whether the derived tables are missing or older than the mail (see the top of this file). */
export function analysisStale(storeDir: string): boolean {
  const dir = resolve(storeDir);
  if (!existsSync(join(dir, MANIFEST))) return false; // no store: nothing to analyse
  let state: Partial<RefreshState> | null;
  try {
    state = JSON.parse(readFileSync(join(dir, STATE), "utf8"));
  } catch {
    return true;
  }
  // Damaged or hand-edited (null, a list, tables that are no list of names): recompute, never crash.
  if (!state || typeof state !== "object") return true;
  const tables: unknown = state.tables ?? [];
  if (!Array.isArray(tables) || !tables.every((t) => typeof t === "string")) return true;
  return state.generation !== readManifest(dir).generation ||
    !tables.every((t) => existsSync(join(dir, "derived", `${t}.parquet`)));
}

export async function refreshAnalysis(o: RefreshOptions): Promise<RefreshResult> {
  const t0 = Date.now();
  const storeDir = resolve(o.storeDir);
  const outDir = resolve(o.outDir ?? join(storeDir, "site"));
  const writeDerived = o.writeDerived ?? true;
  const intoStore = existsSync(join(storeDir, MANIFEST)) && (writeDerived || inside(storeDir, outDir));
  const lock = intoStore ? await acquireLockWaiting(storeDir, REFRESH_LOCK_WAIT_MS) : null;
  const restoreSettings = o.saveWindow !== undefined || o.maintainers !== undefined ? settingsRestorer(storeDir) : null;
  try {
    const generation = intoStore ? readManifest(storeDir).generation : null;
    // The window is saved only once the analysis succeeded (below): a killed run leaves the old one.
    const window = resolveReportWindow(storeDir, (await loadConfig()).window, o.window, o.saveWindow);
    const warn = o.warn ?? ((m: string) => console.error(m));
    // MAINTAINERS is read (or fetched) before anything is written: a missing file or an
    // unreachable URL fails the refresh while the derived tables are still the old ones.
    const affiliationInputs = intoStore ? await affiliationSetup(storeDir, { maintainers: o.maintainers, fetch: true, writeDerived, warn }) : undefined;
    // The derived tables are about to change: until this refresh ends they are stale, so a kill
    // in between (some tables rewritten, others not, e.g. for another window) is redone by the next run.
    if (generation !== null && writeDerived) rmSync(join(storeDir, STATE), { force: true });
    // Absolute bounds ({} = all data, so run.ts does not fall back to the config window itself).
    // Each artifact is written into a new directory as it is made, then swapped in (replaceDir).
    const r = await intoNewDir(outDir, (sink) => runAnalysis({ storeDir, writeDerived, includeBots: o.includeBots, lists: o.lists,
      window: absoluteWindow(window), maintainers: o.maintainers, fetchMaintainers: true, affiliationInputs, warn, sink }));
    if (o.saveWindow !== undefined) saveReportWindow(storeDir, o.saveWindow ?? undefined);
    if (o.maintainers !== undefined && intoStore) saveMaintainersChoice(storeDir, o.maintainers);
    replaceDir(outDir, r.files.dir);
    if (generation !== null && writeDerived) {
      const state: RefreshState = { generation, tables: TABLES.filter((t) => existsSync(join(storeDir, "derived", `${t}.parquet`))) };
      const file = join(storeDir, STATE);
      writeFileNamed(`${file}.tmp`, JSON.stringify(state));
      renameNamed(`${file}.tmp`, file);
    }
    return { ...r, outDir, droppedCache: invalidatePageCache(), elapsedMs: Date.now() - t0, window };
  } catch (e) {
    restoreSettings?.(); // a failed refresh keeps the saved window and MAINTAINERS choice, byte for byte
    throw e;
  } finally {
    lock?.release();
  }
}

function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/**
 * Runs `write` with a sink into `<outDir>.new-<pid>` (leftovers of killed or failed refreshes removed
 * first); if it fails (a full disk, a bad input), the half-written directory is removed.
 */
async function intoNewDir<T>(outDir: string, write: (sink: SiteDirSink) => Promise<T>): Promise<T> {
  const tmp = `${outDir}.new-${process.pid}`;
  removeLeftovers(outDir);
  try {
    return await write(new SiteDirSink(tmp));
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true }); // give the space back
    throw e;
  }
}

/**
 * Replace a directory with the complete new one by renames, so a kill leaves the old artifacts or
 * the new ones (or, between the two renames, none: the site loader then computes them itself), never a mix.
 */
function replaceDir(outDir: string, tmp: string): void {
  const old = `${outDir}.old-${process.pid}`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(tmp, outDir);
  rmSync(old, { recursive: true, force: true });
}

/**
 * Half-written or old copies a killed or failed refresh left beside the site directory
 * (`site.new-<pid>`, `site.old-<pid>`). A live process's copy is kept: a refresh into a directory
 * outside the store holds no store lock, and it writes its site.new-<pid> during the whole analysis.
 */
function removeLeftovers(outDir: string): void {
  const dir = dirname(outDir), base = basename(outDir);
  let names: string[];
  try { names = readdirSync(dir); } catch { return; }
  for (const n of names) {
    const m = /^\.(new|old)-(\d+)$/.exec(n.slice(base.length));
    if (m && n.startsWith(base) && !(Number(m[2]) !== process.pid && processAlive(Number(m[2])))) rmSync(join(dir, n), { recursive: true, force: true });
  }
}

/** Two lines for the CLI: the report window and what the analysis found. */
export function describeRefresh(r: RefreshResult): string {
  const c = JSON.parse(r.files.get("meta.json")!).counts;
  return `${describeWindow(r.window)}\nanalyzed ${c.messages} messages: ${c.threads} threads, ${c.series} series, ${c.people} people active, ` +
    `graph ${c.graph_people} people / ${c.reply_edges} edges (${c.reply_messages} replies), ${c.reviews} reviews given in replies, ${c.naks} NAKs ` +
    `in ${(r.elapsedMs / 1000).toFixed(1)} s`;
}
