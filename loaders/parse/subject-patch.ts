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

/**
 * Tag words kept per subject. Real subjects carry a handful; a hostile "[PATCH v v v ...]" carries
 * millions, and keeping each one (a string retained per word, then a store list) made the parse
 * super-linear through garbage collection (0.4 s at 1 MiB, 5 s at 4 MiB). Words past the cap are
 * still read (a late "v2" or "1/3" counts), only not kept as tags.
 */
export const PATCH_TAGS_MAX = 32;

/** Counts what parsePatchSubject left out, for the caller's flag. */
export interface SubjectDrops {
  tags: number;
}

const BRACKET = /\s*\[([^\]]*)\]/y;
const WORD = /[^\s,]+/g;

export function parsePatchSubject(subject: string, drops?: SubjectDrops): PatchInfo {
  const info: PatchInfo = { isPatch: false, isRfc: false, version: 1, index: null, total: null, isCover: false, tags: [] };
  const s = stripReplyPrefix(subject).rest;
  let pull = false; // "[GIT PULL ...]", read even when past the tag cap
  // leading bracket groups only; sticky, so each group is matched where the last one ended
  BRACKET.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = BRACKET.exec(s)); ) {
    WORD.lastIndex = 0;
    for (let wm: RegExpExecArray | null; (wm = WORD.exec(m[1])); ) {
      const w = wm[0].toLowerCase();
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
        if (w === "pull") pull = true;
        if (info.tags.length < PATCH_TAGS_MAX) info.tags.push(w);
        else if (drops) drops.tags++;
      }
    }
  }
  // An n/m counter marks a patch posting even without the word PATCH ("[net-next v6 0/9] ...",
  // "[Linux-stm32] [net-next, v4, 1/1] ..."): git format-patch --subject-prefix=net-next writes
  // those, and their patchwork-bot notices answer them. Not a pull request's counter.
  if (!info.isPatch && info.index !== null && info.total !== null && info.total >= 1 && info.index <= info.total
    && !pull) info.isPatch = true;
  info.isCover = info.index === 0;
  return info;
}
