// The report window: which dates the analysis and the pages cover, and where that choice came from.
import { existsSync } from "node:fs";
import { readStoreSettings } from "./settings.ts";
import { parseWhen } from "../model/window.ts";

/**
 * The report window of a refresh and where it came from. Precedence: analyze --since/--until
 * ("flags") > the window analyze saved in the store ("store") > config `window` ("config") >
 * all data ("all-time"). Bounds are ISO dates or "N days" (30d: relative to each refresh).
 */
export interface ReportWindow { since?: string; until?: string; origin: "flags" | "store" | "config" | "all-time" }

export function resolveReportWindow(storeDir: string, configWindow: { since?: string; until?: string } | undefined,
  flags?: { since?: string; until?: string }, toSave?: { since?: string; until?: string } | null): ReportWindow {
  const set = (w?: { since?: string; until?: string }) => !!(w && (w.since || w.until));
  if (set(flags)) return { ...flags, origin: "flags" };
  // `toSave`: the window this run will save once it succeeds (null: cleared), read as if saved already.
  const saved = toSave !== undefined ? toSave ?? undefined : existsSync(storeDir) ? readStoreSettings(storeDir).reportWindow : undefined;
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
