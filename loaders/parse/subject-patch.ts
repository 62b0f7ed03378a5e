// Patch metadata from a subject: "[PATCH v3 net-next 2/7]", "[RFC PATCH]", "[PATCHv2 0/5]",
// "[RFC][PATCH 1/2]", "[net-next v2 0/3]" (an n/m counter without the word PATCH). Reply prefixes ("Re:", "Fwd:", "AW:") are skipped first.
import type { PatchInfo } from "../model/records.ts";

// One prefix at a time (sticky), so "Re: " x 100k is a loop, not one regex with a nested
// quantifier whose backtracking state grows with the subject.
const REPLY_PREFIX = /\s*(re|fwd?|aw|sv|antw|vs)(\[\d+\])?\s*:\s*/iy;

export function stripReplyPrefix(subject: string): { rest: string; isRe: boolean } {
  let end = 0;
  let isRe = false;
  for (;;) {
    REPLY_PREFIX.lastIndex = end;
    const m = REPLY_PREFIX.exec(subject);
    if (!m) break;
    if (end === 0) isRe = m[1].toLowerCase() === "re";
    end = REPLY_PREFIX.lastIndex;
  }
  return { rest: end ? subject.slice(end) : subject, isRe };
}

/**
 * A version or counter of at most 6 digits. Real ones are small; a longer one ("v99999999999999999999")
 * is hostile, and as a number it overflows the store's INTEGER columns and failed the whole analysis.
 */
const COUNT = /^\d{1,6}$/;

export function parsePatchSubject(subject: string): PatchInfo {
  const info: PatchInfo = { isPatch: false, isRfc: false, version: 1, index: null, total: null, isCover: false, tags: [] };
  let s = stripReplyPrefix(subject).rest;
  // leading bracket groups only
  for (;;) {
    const m = /^\s*\[([^\]]*)\]/.exec(s);
    if (!m) break;
    s = s.slice(m[0].length);
    for (const raw of m[1].split(/[\s,]+/)) {
      if (!raw) continue;
      const w = raw.toLowerCase();
      let pm: RegExpExecArray | null;
      if ((pm = /^patch(?:-?v(\d+))?$/.exec(w))) {
        info.isPatch = true;
        if (pm[1] && COUNT.test(pm[1])) info.version = Number(pm[1]);
      } else if ((pm = /^v(\d+)$/.exec(w)) && COUNT.test(pm[1])) info.version = Number(pm[1]);
      else if ((pm = /^(\d+)\/(\d+)$/.exec(w)) && COUNT.test(pm[1]) && COUNT.test(pm[2])) {
        info.index = Number(pm[1]);
        info.total = Number(pm[2]);
      } else {
        if (w === "rfc" || w.startsWith("rfc-") || w === "rfcv" || /^rfcv\d+$/.test(w)) {
          info.isRfc = true;
          const v = /^rfcv(\d+)$/.exec(w);
          if (v && COUNT.test(v[1])) info.version = Number(v[1]);
        }
        info.tags.push(w);
      }
    }
  }
  // An n/m counter marks a patch posting even without the word PATCH ("[net-next v6 0/9] ...",
  // "[Linux-stm32] [net-next, v4, 1/1] ..."): git format-patch --subject-prefix=net-next writes
  // those, and their patchwork-bot notices answer them. Not a pull request's counter.
  if (!info.isPatch && info.index !== null && info.total !== null && info.total >= 1 && info.index <= info.total
    && !info.tags.includes("pull")) info.isPatch = true;
  info.isCover = info.index === 0;
  return info;
}
