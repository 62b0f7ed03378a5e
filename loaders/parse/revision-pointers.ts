// Pointers to another revision of a series, in a message's own text (replies and postings):
// "v2: <lore link>", "v3 is at <link>", "New version: <link>", "Superseded by <link>", "sent v2
// <link>", b4's "- Link to v1: <link>", or a short line with such a word ending in ':' and the
// link alone on the next line. The link must be a lore-style URL naming a Message-ID, with a
// version word just before it on the line; a link introduced as related work ("see also", "based
// on", "Fixes:", a "Link:" trailer) is none. Which way it points (next or earlier revision) is
// decided by the analysis from the dates (loaders/series/index.ts). Only unquoted lines before
// the signature, a forwarded original or the diff count. Linear: lines are found with indexOf,
// only short lines meet a regex, every regex is anchored or bounded.
import { idFromUrl } from "./b4-links.ts";
import { ORIGINAL } from "./verdicts.ts";

export interface RevisionPointer {
  /** Message-ID the link names. */
  id: string;
  /** 'b4-link-to' | 'superseded-by' | 'version-link' | 'version-link-next-line' */
  rule: string;
}

const LINE_MAX = 400;
const POINTERS_MAX = 10;
/** A version word only counts this close before the link (characters). */
const NEAR = 80;
const URL_AT = /https?:\/\/(?:lore\.kernel\.org|lkml\.kernel\.org|(?:patch\.)?msgid\.link)\/[^\s<>()"']+/i;
const B4_HEAD = /^-?\s*Link to v\d/i;
const B4_LINK = /^-?\s*Link to v\d{1,3}\s*:\s*<?$/i;
const SUPERSEDED = /\bsuperseded\s+by\s*:?\s*<?$/i;
const VERSION_WORD = /(?:^|[^\w-])(?:v\d{1,3}|version|revision|respin|respun|re-spin|resen[dt]|resubmit(?:ted)?|repost(?:ed)?|reroll(?:ed)?)(?![\w-])/i;
/** Words that introduce a link to other work: never a pointer, whatever version word is near. */
const UNRELATED = /\b(?:see\s+also|related|similar|depend(?:s|ing)?\s+on|based\s+on|on\s+top\s+of|prerequisite|requires?|reported|discussion|bisected|regress(?:ion|ed)|earlier\s+thread|other\s+series)\b/i;
/** A version still to come ("I can send the next version"): the link it introduces is something else. */
const FUTURE = /\b(?:will|can|could|shall|would|going\s+to|plan\s+to|about\s+to)\s+(?:re)?(?:send|post|submit|spin|roll)\b/i;
/** A trailer-like opening ("Link:", "Closes:", "Reviewed-by:"), other than a version ("v2:"). */
const TRAILER = /^(?!v\d{1,3}\s*:|https?:)[A-Za-z][\w-]{0,40}:/;

const codeAt = (b: Buffer | string, i: number) => (typeof b === "string" ? b.charCodeAt(i) : b[i]);
/** b holds the ASCII string k at i. */
const startsAt = (b: Buffer | string, i: number, k: string) => {
  if (i < 0) return false;
  for (let j = 0; j < k.length; j++) if (codeAt(b, i + j) !== k.charCodeAt(j)) return false;
  return true;
};
const headAt = (b: Buffer | string, i: number, n: number) => (i < 0 ? "" : typeof b === "string" ? b.slice(i, i + n) : b.toString("latin1", i, Math.min(b.length, i + n)));

/** Needles of the cheap test: "kernel.org/" preceded by "lore." or "lkml.", and "msgid.link/". */
const NEEDLES = ["kernel.org/", "msgid.link/"];
const KERNEL_HOSTS = ["lore.", "lkml."];

/**
 * Cheap test on the raw body, before any decoding: is there a link, before the diff, on a short
 * line that is not quoted and not a trailer ("Link:", "Closes:")? Most lore links are one of those
 * (or in a patch's diff), and their bodies are never decoded. Native indexOf finds the links; each
 * is looked at over its line only.
 */
export function mayHoldRevisionPointers(b: Buffer | string): boolean {
  const diff = b.indexOf("\ndiff --git ");
  const end = diff < 0 ? b.length : diff;
  for (const h of NEEDLES) {
    for (let at = b.indexOf(h); at >= 0 && at < end; at = b.indexOf(h, at + h.length)) {
      if (h === NEEDLES[0] && !KERNEL_HOSTS.some((k) => startsAt(b, at - k.length, k))) continue;
      let i = at - 1;
      while (i >= 0 && at - i <= LINE_MAX && codeAt(b, i) !== 0x0a) i--;
      if (i >= 0 && codeAt(b, i) !== 0x0a) continue; // too far into its line
      i++;
      while (i < at && (codeAt(b, i) === 0x20 || codeAt(b, i) === 0x09)) i++;
      if (codeAt(b, i) === 0x3e) continue; // quoted
      if (TRAILER.test(headAt(b, i, 48)) && !B4_HEAD.test(headAt(b, i, 24))) continue;
      return true;
    }
  }
  return false;
}

function versionPrefix(prefix: string): boolean {
  const near = prefix.slice(-NEAR);
  return VERSION_WORD.test(near) && !UNRELATED.test(prefix) && !FUTURE.test(prefix) && !TRAILER.test(prefix);
}

export function revisionPointers(text: string): RevisionPointer[] {
  const out: RevisionPointer[] = [];
  const add = (url: string, rule: string) => {
    const id = idFromUrl(url);
    if (id && !out.some((p) => p.id === id)) out.push({ id, rule });
  };
  // The previous unquoted line, when it was a short "…v3 is here:" lead-in for a link on its own.
  let leadIn = false;
  for (let s = 0; s <= text.length && out.length < POINTERS_MAX;) {
    let e = text.indexOf("\n", s);
    if (e < 0) e = text.length;
    const raw = e - s <= LINE_MAX ? text.slice(s, e) : null;
    s = e + 1;
    if (raw === null) { leadIn = false; continue; }
    const line = raw.trim();
    if (raw === "-- " || line.startsWith("diff --git ") || ORIGINAL.test(line)) break; // signature, diff, forwarded original
    if (line.startsWith(">")) { leadIn = false; continue; }
    if (line === "") continue; // a blank line between the lead-in and its link is common
    const m = URL_AT.exec(line);
    if (!m) { leadIn = line.endsWith(":") && versionPrefix(line.slice(0, -1)); continue; }
    const prefix = line.slice(0, m.index).trimEnd();
    if (B4_LINK.test(prefix)) add(m[0], "b4-link-to");
    else if (SUPERSEDED.test(prefix) && !UNRELATED.test(prefix)) add(m[0], "superseded-by");
    else if (prefix !== "" && versionPrefix(prefix)) add(m[0], "version-link");
    else if (prefix === "" && leadIn) add(m[0], "version-link-next-line");
    leadIn = false;
  }
  return out;
}
