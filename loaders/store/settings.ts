// settings.json: small per-store choices that outlive one command, such as the report window
// `threadgraph analyze --since/--until` chose and the identity files `--mailmap`/`--overrides`
// chose (every later refresh reuses them). Not part of the
// manifest: changing a setting is not a data commit and must not bump the store generation.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { renameNamed, writeFileNamed } from "./write-file.ts";
import { join } from "node:path";

export interface StoreSettings {
  /** ISO dates or "N days" (e.g. 30d, relative to each refresh); until is exclusive. */
  reportWindow?: { since?: string; until?: string };
  /**
   * Identity inputs chosen by flags (--mailmap/--overrides: an absolute path; --no-mailmap/
   * --no-overrides: null = explicitly none). A key that is absent falls back to the config.
   */
  identity?: IdentityChoice;
  /** MAINTAINERS chosen by --maintainers (absolute path or URL) or cleared by --no-maintainers (null). */
  maintainers?: string | null;
}

/** Per identity input: a file, null (explicitly none), or absent (not chosen). */
export interface IdentityChoice { mailmap?: string | null; overrides?: string | null }
export const IDENTITY_KEYS = ["mailmap", "overrides"] as const;

export const SETTINGS = "settings.json";

export function readStoreSettings(dir: string): StoreSettings {
  const file = join(dir, SETTINGS);
  if (!existsSync(file)) return {};
  let s: unknown;
  try {
    s = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, "")); // an editor's byte-order mark is no damage
  } catch (e) {
    throw new Error(`${file}: unreadable store settings (${(e as Error).message}); fix or delete it`);
  }
  const problem = settingsProblem(s);
  if (problem) {
    throw new Error(`${file}: ${problem}, which this threadgraph does not understand (written by another version, or edited?). ` +
      "Fix or delete that entry (or the file: the choices it saved then come from threadgraph.config.ts again)");
  }
  return s as StoreSettings;
}

/** What in parsed settings has a shape this version cannot use, or null. Unknown keys are kept, unread. */
function settingsProblem(s: unknown): string | null {
  const show = (v: unknown) => JSON.stringify(v)?.slice(0, 80);
  if (!s || typeof s !== "object" || Array.isArray(s)) return `the settings are ${show(s)}, not an object`;
  const o = s as Record<string, unknown>;
  const w = o.reportWindow;
  if (w !== undefined) {
    if (!w || typeof w !== "object" || Array.isArray(w)) return `reportWindow is ${show(w)}`;
    for (const k of ["since", "until"] as const) {
      const v = (w as Record<string, unknown>)[k];
      if (v !== undefined && typeof v !== "string") return `reportWindow.${k} is ${show(v)}`;
    }
  }
  const id = o.identity;
  if (id !== undefined) {
    if (!id || typeof id !== "object" || Array.isArray(id)) return `identity is ${show(id)}`;
    for (const k of IDENTITY_KEYS) {
      const v = (id as Record<string, unknown>)[k];
      if (v !== undefined && v !== null && typeof v !== "string") return `identity.${k} is ${show(v)}`;
    }
  }
  if (o.maintainers !== undefined && o.maintainers !== null && typeof o.maintainers !== "string") return `maintainers is ${show(o.maintainers)}`;
  return null;
}

/** Atomic replace (temp file + rename): a reader sees the old or the new settings, never half. */
export function writeStoreSettings(dir: string, s: StoreSettings): void {
  const file = join(dir, SETTINGS);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileNamed(tmp, JSON.stringify(s, null, 1) + "\n");
  renameNamed(tmp, file);
}

/**
 * The settings file as it is now, and how to put it back exactly (absent stays absent): a command
 * that saves a choice and then fails must leave the store as it found it.
 */
export function settingsRestorer(dir: string): () => void {
  const file = join(dir, SETTINGS);
  const bytes = existsSync(file) ? readFileSync(file) : null;
  return () => {
    if (bytes === null) rmSync(file, { force: true });
    else if (!existsSync(file) || !readFileSync(file).equals(bytes)) {
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileNamed(tmp, bytes);
      renameNamed(tmp, file);
    }
  };
}

/** Set or clear (undefined) the saved report window, keeping other settings. */
export function saveReportWindow(dir: string, w: { since?: string; until?: string } | undefined): void {
  const s = readStoreSettings(dir);
  if (w && (w.since || w.until)) s.reportWindow = { ...(w.since ? { since: w.since } : {}), ...(w.until ? { until: w.until } : {}) };
  else delete s.reportWindow;
  writeStoreSettings(dir, s);
}

/** Record the identity inputs flags chose (keys left undefined keep their saved value). */
export function saveIdentityChoice(dir: string, choice: IdentityChoice): void {
  const keys = IDENTITY_KEYS.filter((k) => choice[k] !== undefined);
  if (!keys.length) return;
  const s = readStoreSettings(dir);
  const identity: IdentityChoice = { ...(s.identity ?? {}) };
  for (const k of keys) identity[k] = choice[k];
  writeStoreSettings(dir, { ...s, identity });
}

/** Record the MAINTAINERS choice of --maintainers (a path or URL) / --no-maintainers (null). */
export function saveMaintainersChoice(dir: string, choice: string | null): void {
  writeStoreSettings(dir, { ...readStoreSettings(dir), maintainers: choice });
}
