// --mailmap/--overrides/--no-mailmap/--no-overrides, the same in every command that recomputes
// people (ingest, sync, thread). The choice is saved in the store; see store/identity-inputs.ts.
import type { IdentityChoice } from "../store/settings.ts";

export const IDENTITY_OPTIONS = {
  mailmap: { type: "string" }, overrides: { type: "string" },
  "no-mailmap": { type: "boolean" }, "no-overrides": { type: "boolean" },
} as const;

/** The four options' help, with option names padded to `width` columns (each command aligns its own). */
export function identityHelp(width: number): string {
  const rows: [string, string][] = [
    ["--mailmap FILE", "git-mailmap file for merging addresses (e.g. ../shared/identity/linux.mailmap)"],
    ["--overrides FILE", "identity overrides (join/split/name/bot lines; see docs/identity.md)"],
    ["--no-mailmap", "stop using a mailmap (also the one in threadgraph.config.ts)"],
    ["--no-overrides", "stop using an overrides file"],
    ["", "These are saved in the store: later ingest, sync and thread runs keep them."],
    ["", "Precedence: flags > saved in the store > threadgraph.config.ts > none"],
  ];
  return rows.map(([o, d]) => `  ${o.padEnd(width)}${d}`).join("\n");
}

type IdentityValues = { mailmap?: string; overrides?: string; "no-mailmap"?: boolean; "no-overrides"?: boolean };

/** The flags' choice; throws a usage message when a flag and its --no- form are both given. */
export function identityChoice(v: IdentityValues): IdentityChoice {
  const c: IdentityChoice = {};
  for (const k of ["mailmap", "overrides"] as const) {
    if (v[k] !== undefined && v[`no-${k}`]) throw new Error(`--${k} and --no-${k} exclude each other`);
    if (v[k] !== undefined) {
      if (!v[k]!.trim()) throw new Error(`--${k}: empty file name`);
      c[k] = v[k];
    } else if (v[`no-${k}`]) c[k] = null;
  }
  return c;
}

