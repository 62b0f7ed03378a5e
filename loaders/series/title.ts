// The title of a posting for revision grouping: the subject without reply prefixes and without
// its leading bracket groups ("[PATCH net-next v3 2/7]", "[RFC][PATCH]"), case and spacing folded.
import { stripReplyPrefix } from "../parse/subject-patch.ts";

export function seriesTitle(subject: string): string {
  let s = stripReplyPrefix(subject).rest;
  // Leading bracket groups only, one at a time (no backtracking over a hostile subject).
  for (let i = 0; i < 64; i++) {
    const m = /^\s*\[[^\]]*\]/.exec(s);
    if (!m) break;
    s = s.slice(m[0].length);
  }
  return s.replace(/\s+/g, " ").trim().toLowerCase();
}
