// File-name-safe keys for the per-person and per-thread detail files (ids are e-mail addresses
// and Message-IDs, which contain characters that do not belong in URLs or paths).
import { hash } from "node:crypto";

export function fileKey(id: string): string {
  // The one-shot hash: no Hash object per key (a key per thread, review and listed thread of a person).
  return hash("sha1", id, "hex").slice(0, 12);
}
