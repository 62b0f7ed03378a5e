// File-name-safe keys for the per-person and per-thread detail files (ids are e-mail addresses
// and Message-IDs, which contain characters that do not belong in URLs or paths).
import { hash } from "node:crypto";
import type { Analysis } from "./analyze.ts";

export function fileKey(id: string): string {
  // The one-shot hash: no Hash object per key (a key per thread, review and listed thread of a person).
  return hash("sha1", id, "hex").slice(0, 12);
}

const threadKeys = new WeakMap<Analysis, string[]>();

/**
 * fileKey of thread `ti` (a.tr.threads[ti].id), hashed once per analysis: threads.json's rows, the
 * person details' reviews and threads and the graph name the same threads (~4 hashes per thread at 200k messages).
 */
export function threadKey(a: Analysis, ti: number): string {
  let keys = threadKeys.get(a);
  if (!keys) threadKeys.set(a, (keys = []));
  return (keys[ti] ??= fileKey(a.tr.threads[ti].id));
}
