// A byte cap on what one `git clone`/`git fetch` of an epoch may bring. git itself has no such
// limit: an epoch (or a server pretending to serve one) could fill the disk. The object files git
// writes are watched while they grow (objects/pack with its tmp_pack_* file, and loose objects,
// which git's dumb HTTP protocol fetches) next to git's own
// "Receiving objects ... N MiB" figure; past the cap git is killed. A fetch that ended over the cap
// is rolled back (refs restored, its new object files removed), so the mirror stays as it was before.
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

/** Default cap per epoch transfer: public-inbox rolls an epoch over near 1 GB, so 4 GiB is no real epoch. */
export const DEFAULT_MAX_EPOCH_BYTES = 4 * 1024 ** 3;

export class EpochCapError extends Error {
  constructor(readonly epoch: number, readonly url: string, readonly cap: number, readonly seen: number, action: string) {
    super(`${url}: epoch ${epoch}: git ${action} brought more than the ${formatBytes(cap)} cap per epoch (at least ${formatBytes(seen)}): ` +
      `stopped; the mirror and the store keep what they held before. Raise sync.maxEpochBytes in threadgraph.config.ts ` +
      `if this epoch really is that big, or use --mode http`);
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

/**
 * Object files under <gitDir>/objects with their sizes: packs (and git's temp files) in pack/ and
 * loose objects in the two-hex-digit folders (git's dumb HTTP protocol fetches objects loose).
 */
export function objectFiles(gitDir: string): Map<string, number> {
  const root = join(gitDir, "objects");
  const out = new Map<string, number>();
  if (!existsSync(root)) return out;
  for (const sub of readdirSync(root)) {
    if (sub !== "pack" && !/^[0-9a-f]{2}$/.test(sub)) continue;
    let names: string[];
    try { names = readdirSync(join(root, sub)); } catch { continue; }
    for (const f of names) {
      try {
        out.set(`${sub}/${f}`, statSync(join(root, sub, f)).size);
      } catch { /* renamed or removed while listed */ }
    }
  }
  return out;
}

/** Bytes in object files that were not there before (`before`), i.e. what this transfer wrote. */
export function newObjectBytes(gitDir: string, before: Map<string, number>): number {
  let n = 0;
  for (const [f, size] of objectFiles(gitDir)) if (!before.has(f)) n += size;
  return n;
}

/** The refs of a mirror (`<sha> <ref>` per ref), to put back after a rolled-back fetch. */
export function refSnapshot(gitDir: string): Map<string, string> {
  const r = spawnSync("git", ["--git-dir", gitDir, "for-each-ref", "--format=%(objectname) %(refname)"], { encoding: "utf8" });
  const out = new Map<string, string>();
  for (const line of (r.stdout ?? "").split("\n")) {
    const sp = line.indexOf(" ");
    if (sp > 0) out.set(line.slice(sp + 1), line.slice(0, sp));
  }
  return out;
}

/** Undo a fetch: refs as they were, and the object files it added removed (nothing old refers to them). */
export function rollBackFetch(gitDir: string, refs: Map<string, string>, objects: Map<string, number>): void {
  const now = refSnapshot(gitDir);
  const lines: string[] = [];
  for (const [ref, sha] of refs) if (now.get(ref) !== sha) lines.push(`update ${ref} ${sha}`);
  for (const ref of now.keys()) if (!refs.has(ref)) lines.push(`delete ${ref}`);
  if (lines.length) {
    const r = spawnSync("git", ["--git-dir", gitDir, "update-ref", "--stdin"], { input: lines.join("\n") + "\n", encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${gitDir}: could not restore the refs after an oversized fetch: ${r.stderr.trim()}`);
  }
  for (const f of objectFiles(gitDir).keys()) if (!objects.has(f)) rmSync(join(gitDir, "objects", f), { force: true });
}
