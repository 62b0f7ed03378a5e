// settings.json: small per-store choices that outlive one command, such as the report window
// `threadgraph analyze --since/--until` chose (every later refresh reuses it). Not part of the
// manifest: changing a setting is not a data commit and must not bump the store generation.
import { existsSync, readFileSync } from "node:fs";
import { renameNamed, writeFileNamed } from "./write-file.ts";
import { join } from "node:path";

export interface StoreSettings {
  /** ISO dates or "N days" (e.g. 30d, relative to each refresh); until is exclusive. */
  reportWindow?: { since?: string; until?: string };
}

export const SETTINGS = "settings.json";

export function readStoreSettings(dir: string): StoreSettings {
  const file = join(dir, SETTINGS);
  if (!existsSync(file)) return {};
  try {
    const s = JSON.parse(readFileSync(file, "utf8"));
    return s && typeof s === "object" ? s : {};
  } catch (e) {
    throw new Error(`${file}: unreadable store settings (${(e as Error).message}); fix or delete it`);
  }
}

/** Atomic replace (temp file + rename): a reader sees the old or the new settings, never half. */
export function writeStoreSettings(dir: string, s: StoreSettings): void {
  const file = join(dir, SETTINGS);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileNamed(tmp, JSON.stringify(s, null, 1) + "\n");
  renameNamed(tmp, file);
}

/** Set or clear (undefined) the saved report window, keeping other settings. */
export function saveReportWindow(dir: string, w: { since?: string; until?: string } | undefined): void {
  const s = readStoreSettings(dir);
  if (w && (w.since || w.until)) s.reportWindow = { ...(w.since ? { since: w.since } : {}), ...(w.until ? { until: w.until } : {}) };
  else delete s.reportWindow;
  writeStoreSettings(dir, s);
}
