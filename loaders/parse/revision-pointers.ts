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
const HOSTS = ["lore.kernel.org", "lkml.kernel.org", "msgid.link"];
const URL_AT = /https?:\/\/(?:lore\.kernel\.org|lkml\.kernel\.org|(?:patch\.)?msgid\.link)\/[^\s<>()"']+/i;
const B4_LINK = /^-?\s*Link to v\d{1,3}\s*:\s*<?$/i;
const SUPERSEDED = /\bsuperseded\s+by\s*:?\s*<?$/i;
const VERSION_WORD = /(?:^|[^\w-])(?:v\d{1,3}|version|revision|respin|respun|re-spin|resen[dt]|resubmit(?:ted)?|repost(?:ed)?|reroll(?:ed)?)(?![\w-])/i;
/** Words that introduce a link to other work: never a pointer, whatever version word is near. */
const UNRELATED = /\b(?:see\s+also|related|similar|depend(?:s|ing)?\s+on|based\s+on|on\s+top\s+of|prerequisite|requires?|reported|discussion|bisected|regress(?:ion|ed)|earlier\s+thread|other\s+series)\b/i;
/** A version still to come ("I can send the next version"): the link it introduces is something else. */
const FUTURE = /\b(?:will|can|could|shall|would|going\s+to|plan\s+to|about\s+to)\s+(?:re)?(?:send|post|submit|spin|roll)\b/i;
/** A trailer-like opening ("Link:", "Closes:", "Reviewed-by:"), other than a version ("v2:"). */
const TRAILER = /^(?!v\d{1,3}\s*:)[A-Za-z][\w-]{0,40}:/;

/** Cheap test on the raw body: can it hold such a link at all? */
export function mayHoldRevisionPointers(b: Buffer | string): boolean {
  return HOSTS.some((h) => b.indexOf(h) >= 0);
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
