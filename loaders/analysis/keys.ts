// File-name-safe keys for the per-person and per-thread detail files (ids are e-mail addresses
// and Message-IDs, which contain characters that do not belong in URLs or paths).
import { createHash } from "node:crypto";

export function fileKey(id: string): string {
  return createHash("sha1").update(id).digest("hex").slice(0, 12);
}
