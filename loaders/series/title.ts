// The title of a posting for revision grouping: the subject without reply prefixes and without
// its leading bracket groups ("[PATCH net-next v3 2/7]", "[RFC][PATCH]"), case and spacing folded.
import { stripReplyPrefix } from "../parse/subject-patch.ts";
import { collapseSpaces, isSpaceCode as isSpace } from "../parse/linear-text.ts";

/** Whitespace other than one plain space between words: only then is the spacing folded (most titles have none). */
const UNEVEN_SPACE = /[^\S ]| {2}/;

export function seriesTitle(subject: string): string {
  const s = stripReplyPrefix(subject).rest;
  // Leading bracket groups only, at most 64 (a scan, not a regex and a copy per group: it runs for every patch).
  let at = 0;
  for (let i = 0; i < 64; i++) {
    let j = at;
    while (j < s.length && isSpace(s.charCodeAt(j))) j++;
    if (s.charCodeAt(j) !== 91 /* [ */) break;
    const close = s.indexOf("]", j + 1);
    if (close < 0) break;
    at = close + 1;
  }
  const rest = at ? s.slice(at) : s;
  return (UNEVEN_SPACE.test(rest) ? collapseSpaces(rest) : rest).trim().toLowerCase();
}
