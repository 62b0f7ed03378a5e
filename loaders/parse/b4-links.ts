// Revision links a patch posting carries in its own text: b4's "change-id: 20240101-topic-0123abcd"
// (the same for every revision of a series) and "- Link to v1: https://lore.kernel.org/r/<id>"
// (the previous revisions' cover letters), plus a plain "Supersedes: <message-id>" line. Only
// lines outside quoted text count. Linear: lines found with indexOf, only short lines meet a regex.
import { capLength } from "../model/clip.ts";
import { extractId } from "./message-id.ts";

export interface RevisionLinks { changeId: string | null; previous: string[] }

const LINE_MAX = 400;
const LINKS_MAX = 20;
const CHANGE_ID = /^change-id:\s*([A-Za-z0-9][\w.-]{5,99})\s*$/;
const LINK_TO = /^-?\s*Link to v\d+:\s*<?(https?:\/\/\S+?)>?\s*$/;
const SUPERSEDES = /^Supersedes:\s*<?([^\s<>]+@[^\s<>]+?)>?\s*$/i;

/** Cheap test on the raw body: can it hold a link at all? */
export function mayHoldRevisionLinks(b: Buffer | string): boolean {
  return b.indexOf("change-id:") >= 0 || b.indexOf("Link to v") >= 0 || b.indexOf("upersedes:") >= 0;
}

/** The Message-ID in a lore URL: the path segment holding '@' (…/r/<id>, …/<list>/<id>/). */
export function idFromUrl(url: string): string | null {
  let u: URL;
  try { u = new URL(url); } catch { return null; }
  for (const raw of u.pathname.split("/")) {
    let seg: string;
    try { seg = decodeURIComponent(raw); } catch { continue; }
    // lore also accepts the id with its angle brackets (%3C...%3E): the stored id has none
    if (seg.includes("@")) return seg.startsWith("<") ? extractId(seg) : capLength(seg);
  }
  return null;
}

export function revisionLinks(text: string): RevisionLinks {
  let changeId: string | null = null;
  const previous: string[] = [];
  for (let s = 0; s <= text.length;) {
    let e = text.indexOf("\n", s);
    if (e < 0) e = text.length;
    const line = e - s <= LINE_MAX ? text.slice(s, e).trim() : "";
    s = e + 1;
    if (!line || line.startsWith(">")) continue;
    let m: RegExpExecArray | null;
    if (changeId === null && (m = CHANGE_ID.exec(line))) changeId = m[1];
    else if (previous.length < LINKS_MAX && (m = LINK_TO.exec(line))) { const id = idFromUrl(m[1]); if (id && !previous.includes(id)) previous.push(id); }
    else if (previous.length < LINKS_MAX && (m = SUPERSEDES.exec(line))) { const id = capLength(m[1]); if (!previous.includes(id)) previous.push(id); }
  }
  return { changeId, previous };
}
