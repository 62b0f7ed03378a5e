// --maintainers FILE|URL / --no-maintainers, the same in every command that refreshes the analysis
// (ingest, sync, thread, analyze). The choice is saved in the store; see store/maintainers-input.ts.
import { existsSync, statSync } from "node:fs";
import { maintainersCacheDir, normalizeMaintainersSpec } from "../store/maintainers-input.ts";
import { saveMaintainersChoice } from "../store/settings.ts";
import { isUrl, loadMaintainersText } from "../sources/maintainers-file.ts";

export const MAINTAINERS_OPTIONS = { maintainers: { type: "string" }, "no-maintainers": { type: "boolean" } } as const;

export function maintainersHelp(width: number): string {
  const rows: [string, string][] = [
    ["--maintainers F|URL", "the kernel's MAINTAINERS (file, or URL fetched and cached under data/maintainers/):"],
    ["", "subsystems, roles and cross-subsystem reviews (docs/maintainers.md); saved in the store"],
    ["--no-maintainers", "stop using one (also the one in threadgraph.config.ts)"],
  ];
  // An option wider than the column gets its own line, so it never runs into its description.
  return rows.map(([o, d]) => (o.length >= width ? `  ${o}\n  ${"".padEnd(width)}${d}` : `  ${o.padEnd(width)}${d}`)).join("\n");
}

/** undefined: no flag; null: --no-maintainers; else an absolute path or URL. A missing file is a usage error. */
export function maintainersChoice(v: { maintainers?: string; "no-maintainers"?: boolean }): string | null | undefined {
  if (v.maintainers !== undefined && v["no-maintainers"]) throw new Error("--maintainers and --no-maintainers exclude each other");
  if (v["no-maintainers"]) return null;
  if (v.maintainers === undefined) return undefined;
  const spec = normalizeMaintainersSpec(v.maintainers);
  if (!isUrl(spec) && !existsSync(spec)) throw new Error(`--maintainers: ${spec} does not exist`);
  // saved in the store, a directory would fail every later analysis
  if (!isUrl(spec) && !statSync(spec).isFile()) throw new Error(`--maintainers: ${spec} is a directory (or another non-file), not a MAINTAINERS file`);
  return spec;
}

/**
 * A --maintainers URL is fetched (and cached), and a local file read and checked, before a command
 * stores anything: unreachable or not a MAINTAINERS file, the command fails with the store untouched,
 * instead of storing the mail and failing in the refresh afterwards. The refresh then reads the cached copy.
 */
export async function preloadMaintainers(choice: string | null | undefined): Promise<void> {
  if (!choice) return; // a local file is read (and checked) here too: a wrong one fails before anything is stored
  await loadMaintainersText(choice, { cacheDir: maintainersCacheDir(), fetch: true, warn: (m) => console.error(m) });
}

/**
 * With --no-analyze no refresh saves the choice, so the command does once it succeeded: the next
 * analyze then uses it, as it would the choice of a command that refreshed.
 */
export function keepUnanalysedChoice(storeDir: string, choice: string | null | undefined, noAnalyze: boolean | undefined, ok: boolean): void {
  if (noAnalyze && ok && choice !== undefined) saveMaintainersChoice(storeDir, choice);
}
