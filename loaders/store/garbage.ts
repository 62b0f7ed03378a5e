// What a writer may delete: only files the manifest accounts for. Files it names stay; files a
// commit replaced ("retired") go after a grace period, when no reader can still hold the manifest
// that named them; unnamed files go only when their name shows a write that was never committed.
// Anything else (e.g. parts of a store whose manifest was replaced by hand) is left alone.
import { unlinkSync } from "node:fs";
import { join } from "node:path";
import type { Manifest } from "./manifest.ts";

/** How long a file replaced by a commit stays on disk for readers of the older manifest. */
export const RETIRED_GRACE_MS = 10 * 60_000;

const DATA_NAME = /^([a-z_]+)\/(part|people|emails|suspects)-(\d+)\.(parquet|jsonl)(\.[a-z.]+)?$/;

/** Whether `rel`, which the manifest does not name, was written by a writer that died before its commit. */
export function uncommitted(rel: string, m: Manifest): boolean {
  const x = DATA_NAME.exec(rel);
  if (!x) return false;
  if (Number(x[3]) > m.generation) return true; // written for a commit that never happened
  // A seal (sealer.ts) is named after its last staged part: that part still being named means the
  // seal was never swapped in.
  const staged = m.parts[x[1] as keyof Manifest["parts"]];
  return x[2] === "part" && x[4] === "parquet" && !!staged?.includes(`${x[1]}/part-${x[3]}.jsonl`);
}

/** Delete retired files older than graceMs; returns the manifest without them, or null if none expired. */
export function expireRetired(dir: string, m: Manifest, now: number, graceMs: number): Manifest | null {
  const retired = m.retired ?? [];
  const expired = retired.filter((r) => now - r.at >= graceMs);
  if (expired.length === 0) return null;
  // Delete first, then drop them from the manifest: a kill in between only repeats the deletion.
  for (const r of expired) {
    try { unlinkSync(join(dir, r.file)); } catch (e) { if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e; }
  }
  return { ...m, retired: retired.filter((r) => !expired.includes(r)) };
}
