// Page artifacts stay bounded whatever the mail holds: every JSON artifact is serialised through
// artifactJson (display text clipped, any other string capped), a thread detail lists at most
// DETAIL_ROWS messages (its row keeps the real counts; pages say "N of M shown" and link lore),
// and sources are named by list and kind, never by a path on the machine that ran the analysis.
// The store keeps every full value.
import { capLength, clipText, STRING_MAX } from "../model/clip.ts";
import type { MetaArtifact, PersonDetail, ThreadDetail } from "./artifacts.ts";

/** Rows of one list in a detail artifact at most (messages, participants, trailers, NAKs, e-mails). */
export const DETAIL_ROWS = 500;

/** Keys whose string values are display text from mail (names, subjects, addresses). */
const TEXT = new Set(["subject", "name", "target_subject", "email", "label"]);
/** Keys whose values are lists of display text. */
const TEXT_LISTS = new Set(["emails", "top"]);

function replacer(key: string, v: unknown): unknown {
  if (typeof v === "string") return TEXT.has(key) ? clipText(v) : capLength(v);
  if (Array.isArray(v) && TEXT_LISTS.has(key)) return v.slice(0, DETAIL_ROWS).map((x) => (typeof x === "string" ? clipText(x) : x));
  return v;
}

/**
 * JSON of an artifact with every string bounded. Almost every artifact has nothing to bound, and a
 * replacer function takes JSON.stringify off its fast path (a JS call per value, ~3x the time on
 * the shard files): a walk that only reads decides, and the replacer runs only when it would change something.
 */
export function artifactJson(v: unknown): string {
  return replacerChanges("", v) ? JSON.stringify(v, replacer) : JSON.stringify(v);
}

/** Would `replacer` change any value under v (reached by `key`)? Anything unusual (toJSON, a Date) says yes. */
function replacerChanges(key: string, v: unknown): boolean {
  if (typeof v === "string") return TEXT.has(key) ? clipText(v) !== v : v.length > STRING_MAX;
  if (typeof v !== "object" || v === null) return false;
  if (typeof (v as { toJSON?: unknown }).toJSON === "function") return true;
  if (Array.isArray(v)) {
    if (TEXT_LISTS.has(key) && v.length > DETAIL_ROWS) return true;
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (typeof x === "string" ? x.length > STRING_MAX || (TEXT_LISTS.has(key) && clipText(x) !== x) : typeof x === "object" && x !== null && replacerChanges("", x)) return true;
    }
    return false;
  }
  for (const k in v) if (replacerChanges(k, (v as Record<string, unknown>)[k])) return true;
  return false;
}

/** The first DETAIL_ROWS messages in date order, the most active participants, the first trailers and NAKs. */
export function boundThreadDetail(d: ThreadDetail, max = DETAIL_ROWS): ThreadDetail {
  if (d.messages.length <= max && d.participants.length <= max && d.trailers.length <= max && d.naks.length <= max) return d;
  const messages = d.messages.slice().sort((a, b) => (a.date ?? 0) - (b.date ?? 0)).slice(0, max);
  const participants = d.participants.slice().sort((a, b) => b.messages - a.messages).slice(0, max);
  return { ...d, messages, participants, trailers: d.trailers.slice(0, max), naks: d.naks.slice(0, max),
    full_counts: { messages: d.messages.length, participants: d.participants.length, trailers: d.trailers.length, naks: d.naks.length } };
}

/** Person detail lists, each cut to DETAIL_ROWS (the person row keeps the real counts). */
export function boundPersonDetail(d: PersonDetail, max = DETAIL_ROWS): PersonDetail {
  const cut = <T>(xs: T[]) => (xs.length > max ? xs.slice(0, max) : xs);
  return { ...d, emails: cut(d.emails), reviews_given: cut(d.reviews_given), reviews_received: cut(d.reviews_received),
    naks_given: cut(d.naks_given), naks_received: cut(d.naks_received), threads: cut(d.threads) };
}

const KINDS: Record<string, string> = { mbox: "mbox", maildir: "Maildir", pi: "public-inbox", "lore-http": "lore HTTP", "lore-thread": "lore thread" };

/** "netdev (mbox)" for "mbox:/home/me/netdev.mbox.gz": what a shared report may say about a source. */
export function publicSources(sources: { source: string; list: string | null; messages: number }[]): MetaArtifact["sources"] {
  return sources.map((s) => {
    const prefix = s.source.includes(":") ? s.source.slice(0, s.source.indexOf(":")) : "";
    const kind = KINDS[prefix] ?? "other";
    return { source: `${s.list ?? "no list"} (${kind})`, kind, list: s.list, messages: s.messages };
  });
}
