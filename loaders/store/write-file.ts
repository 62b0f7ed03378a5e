// File writes of the store that name their file when they fail. Node's write errors on an open
// descriptor (ENOSPC, EDQUOT, EROFS...) say "no space left on device, write" without a path.
import { renameSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";

/**
 * The error, with the file it concerns in front of its message (once) and, for a full disk or a
 * read-only store, what to do. An open() error names its path already ("EROFS: ..., open '/s/x'"):
 * it gets the same hint (it once came back raw, so a read-only store's writers printed only EACCES).
 */
export function namedError(file: string, e: unknown, action = "cannot write", where: "store" | "output" = "store"): Error {
  const err = e as NodeJS.ErrnoException;
  const msg = err?.message ?? String(e);
  const full = err?.code === "ENOSPC" || err?.code === "EDQUOT", denied = err?.code === "EROFS" || err?.code === "EACCES" || err?.code === "EPERM";
  // A file outside the store (the site's output directory) gets advice about that directory, not the store.
  const hint = where === "output"
    ? full ? " (the disk is full: free space and re-run)" : denied ? " (this directory is not writable for this user: make it writable or write elsewhere)" : ""
    : full ? " (the disk is full: free space and re-run; the committed store is intact)"
    : denied
      ? " (the store is read-only for this user: readers such as query, stats and the site still work; to write, make it writable " +
        "or work on a copy with --store DIR; the committed store is intact)"
      : "";
  if (msg.includes(file)) {
    if (!hint) return err instanceof Error ? err : new Error(msg);
    return Object.assign(new Error(`${msg}${hint}`), { code: err?.code, cause: e });
  }
  return Object.assign(new Error(`${file}: ${action} (${msg})${hint}`), { code: err?.code, cause: e });
}

export function writeFileNamed(file: string, data: string | Uint8Array, where: "store" | "output" = "store"): void {
  try { writeFileSync(file, data); } catch (e) { throw namedError(file, e, undefined, where); }
}

export async function writeFileNamedAsync(file: string, data: string | Uint8Array): Promise<void> {
  try { await writeFile(file, data); } catch (e) { throw namedError(file, e); }
}

export function renameNamed(from: string, to: string): void {
  try { renameSync(from, to); } catch (e) { throw namedError(to, e, `cannot replace (rename from ${from})`); }
}
