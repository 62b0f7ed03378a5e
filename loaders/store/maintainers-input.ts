// Which MAINTAINERS a refresh uses and where that choice came from. Like the identity inputs it
// outlives one command: --maintainers/--no-maintainers is saved in the store (settings.json) once
// a refresh succeeded with it, so later runs without the flag keep it.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { configFile } from "../config.ts";
import { readStoreSettings } from "./settings.ts";
import { isUrl } from "../sources/maintainers-file.ts";

export type MaintainersOrigin = "flags" | "store" | "config" | "none";

export interface ResolvedMaintainers {
  /** An absolute path or a URL; null: none. */
  spec: string | null;
  origin: MaintainersOrigin;
}

/** A flag's or config's value as saved: URLs as given, paths absolute (from `base`). */
export function normalizeMaintainersSpec(value: string, base = process.cwd()): string {
  const v = value.trim();
  if (!v) throw new Error("--maintainers: empty file name");
  return isUrl(v) ? v : resolve(base, v);
}

/**
 * Precedence: flags (a path/URL, or null for --no-maintainers) > the store's saved choice >
 * threadgraph.config.ts `maintainers` (relative to the config's directory) > none.
 */
export function resolveMaintainers(storeDir: string, config: { maintainers?: string }, flag?: string | null,
  root = dirname(configFile())): ResolvedMaintainers {
  if (flag !== undefined) return { spec: flag === null ? null : normalizeMaintainersSpec(flag), origin: "flags" };
  const saved = existsSync(storeDir) ? readStoreSettings(storeDir).maintainers : undefined;
  if (saved !== undefined) return { spec: saved, origin: "store" };
  if (config.maintainers) return { spec: normalizeMaintainersSpec(config.maintainers, root), origin: "config" };
  return { spec: null, origin: "none" };
}

/** Where fetched MAINTAINERS copies are cached: data/maintainers beside the config. */
export function maintainersCacheDir(root = dirname(configFile())): string {
  return join(root, "data", "maintainers");
}

/** "maintainers: /x/MAINTAINERS (saved in the store; --no-maintainers clears it)" */
export function describeMaintainers(r: ResolvedMaintainers): string {
  const why = { flags: "from --maintainers, saved in the store", store: "saved in the store; --no-maintainers clears it",
    config: "from threadgraph.config.ts", none: "" }[r.origin];
  if (!r.spec) return r.origin === "none" ? "maintainers: none (subsystems need one: --maintainers FILE|URL)" : `maintainers: none (${r.origin === "flags" ? "--no-maintainers, saved in the store" : "cleared in the store by --no-maintainers"})`;
  return `maintainers: ${r.spec} (${why})`;
}
