// The identity inputs (mailmap, overrides file) of a refresh and where each came from. Like the
// report window they outlive one command: a flag's choice is saved in the store (settings.json)
// when people are recomputed with it, so a later ingest/sync/thread without the flag keeps it.
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { configFile } from "../config.ts";
import { IDENTITY_KEYS, readStoreSettings, type IdentityChoice } from "./settings.ts";

export type IdentityKey = (typeof IDENTITY_KEYS)[number];
export type IdentityOrigin = "flags" | "store" | "config" | "none";

export interface ResolvedIdentity {
  mailmap?: string;
  overrides?: string;
  origin: Record<IdentityKey, IdentityOrigin>;
  /** What to save in the store once people are recomputed: the flags' choices only. */
  remember: IdentityChoice;
}

const FLAG: Record<IdentityKey, string> = { mailmap: "--mailmap", overrides: "--overrides" };

/**
 * Precedence per input: flags (a file, or null for --no-mailmap/--no-overrides) > the choice saved
 * in the store > threadgraph.config.ts (relative to `root`, the config file's directory) > none. A chosen file that does not
 * exist is an error naming where the choice came from and how to change it: silently dropping a
 * vanished mailmap would undo its merges.
 */
export function resolveIdentityInputs(storeDir: string, config: { mailmap?: string; overrides?: string },
  flags: IdentityChoice = {}, root = dirname(configFile())): ResolvedIdentity {
  const saved = existsSync(storeDir) ? readStoreSettings(storeDir).identity ?? {} : {};
  const out: ResolvedIdentity = { origin: { mailmap: "none", overrides: "none" }, remember: {} };
  for (const k of IDENTITY_KEYS) {
    let file: string | null | undefined;
    let origin: IdentityOrigin;
    if (flags[k] !== undefined) { file = flags[k] === null ? null : resolve(flags[k]!); origin = "flags"; out.remember[k] = file; }
    else if (saved[k] !== undefined) { file = saved[k]; origin = "store"; }
    else if (config[k]) { file = resolve(root, config[k]!); origin = "config"; }
    else { file = null; origin = "none"; }
    out.origin[k] = origin;
    if (file === null || file === undefined) continue;
    if (!existsSync(file)) throw new Error(missingMessage(k, file, origin));
    if (!statSync(file).isFile()) throw new Error(missingMessage(k, file, origin, "is a directory (or another non-file), not a file"));
    out[k] = file;
  }
  return out;
}

function missingMessage(k: IdentityKey, file: string, origin: IdentityOrigin, what = "does not exist"): string {
  const where = origin === "store" ? `saved in the store by an earlier ${FLAG[k]}` : origin === "config" ? "set in threadgraph.config.ts" : FLAG[k];
  return `${k} file ${file} (${where}) ${what}. Nothing was changed: the people keep their ${k}-based merges. ` +
    `Restore the file, pass ${FLAG[k]} FILE to use another one, or --no-${k} to stop using one`;
}

const WHY: Record<IdentityOrigin, (k: IdentityKey) => string> = {
  flags: (k) => `from ${FLAG[k]}, saved in the store`,
  store: (k) => `saved in the store; --no-${k} clears it`,
  config: () => "from threadgraph.config.ts",
  none: () => "",
};

/** "identity: mailmap /x/linux.mailmap (saved in the store; --no-mailmap clears it), overrides none" */
export function describeIdentity(r: ResolvedIdentity): string {
  const part = (k: IdentityKey) => {
    const file = r[k];
    if (!file) return r.origin[k] === "none" ? `${k} none` : `${k} none (${r.origin[k] === "flags" ? `--no-${k}, saved in the store` : `cleared in the store by --no-${k}`})`;
    return `${k} ${file} (${WHY[r.origin[k]](k)})`;
  };
  return `identity: ${IDENTITY_KEYS.map(part).join(", ")}`;
}
