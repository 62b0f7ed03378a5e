// One whole thread from lore: GET <inbox>/<message-id>/t.mbox.gz.
// Accepts a bare Message-ID (with or without <>) or any lore message URL
// (https://lore.kernel.org/netdev/<id>/, .../T/#u, .../raw, /all/<id>/t.mbox.gz).
import type { Source, SourceItem } from "../../model/records.ts";
import type { HttpClient } from "./http-client.ts";
import { mboxMessages } from "./mbox-response.ts";
import { normalizeInbox } from "./http-source.ts";

export interface ThreadRef {
  inbox: string;
  messageId: string;
}

/** What public-inbox serves under a message's URL, after the id: not part of the id. */
const URL_SUFFIX = /^(t|T|raw|t\.mbox\.gz|T\.mbox\.gz|t\.atom)$/;

/**
 * Split a lore URL into inbox and Message-ID; a bare id uses `defaultInbox`. Any id the store
 * can hold is accepted, '@' or not (real archives have ids without one): a bare id is the text
 * as given, one pair of enclosing angle brackets removed. In a URL the id is the first segment
 * with an '@', else the last one before what public-inbox serves under it (/T/, /raw...).
 */
export function parseThreadRef(arg: string, defaultInbox: string): ThreadRef {
  const s = arg.trim();
  if (/^https?:\/\//i.test(s)) {
    const u = new URL(s);
    // A segment that is not valid percent-encoding is the id as shown, a '%' in it (50%off@x)
    const parts = u.pathname.split("/").filter(Boolean).map((p) => { try { return decodeURIComponent(p); } catch { return p; } });
    // /<inbox>/<msgid>[/T|t|raw|t.mbox.gz|...]; public-inbox may be mounted under a prefix, so
    // take the first segment that looks like a Message-ID (has '@'), and the one before it.
    let i = parts.findIndex((p) => p.includes("@"));
    if (i < 1 && /@/.test(`${u.search}${u.hash}`)) {
      throw new Error(`${arg}: the Message-ID holds '?' or '#', which end a URL's path: write them as %3F and %23, ` +
        "or give the bare Message-ID in quotes with --inbox URL");
    }
    if (i < 1) {
      let end = parts.length;
      while (end > 0 && URL_SUFFIX.test(parts[end - 1])) end--;
      i = end - 1;
    }
    if (i < 1) throw new Error(`${arg}: not a lore message URL (expected .../<inbox>/<message-id>/...)`);
    // lore's /r/<id> (the links the site makes) only redirects; /all/ serves the same thread
    const inbox = parts.slice(0, i).map((p, k) => (k === i - 1 && p === "r" ? "all" : p));
    const base = `${u.protocol}//${u.host}/${inbox.map(encodeURIComponent).join("/")}/`;
    return { inbox: base, messageId: parts[i] };
  }
  const id = bareId(s);
  if (id === null) throw new Error(`${arg}: not a Message-ID or a lore URL`);
  if (!/^https?:\/\//i.test(defaultInbox.trim())) throw new Error(`--inbox ${defaultInbox}: the inbox must be an http(s) URL`);
  return { inbox: normalizeInbox(defaultInbox), messageId: id };
}

/**
 * A Message-ID as typed: "id:" and one pair of enclosing angle brackets removed ("<<x>y>" is the
 * stored id "<x>y", as parse/message-id.ts reads it); null when nothing is left or it holds a
 * control character (no stored id does).
 */
export function bareId(arg: string): string | null {
  let id = arg.trim().replace(/^id:/, "");
  if (id.startsWith("<") && id.endsWith(">")) id = id.slice(1, -1).trim();
  return id === "" || /[\x00-\x1f\x7f]/.test(id) ? null : id;
}

/** Which messages the references connect to `asked` (ids and referenced ids as nodes, ghosts too). */
function threadMembers(msgs: Buffer[], asked: string, idsOf: (b: Buffer) => string[], refsOf: (b: Buffer) => string[]): boolean[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    for (let y = x; y !== r;) { const next = parent.get(y)!; parent.set(y, r); y = next; } // path compression
    return r;
  };
  const union = (a: string, b: string) => { const ra = find(a), rb = find(b); if (ra !== rb) parent.set(ra, rb); };
  // A message's nodes: its own ids and the ids it refers to (a reply without a Message-ID is linked by its references).
  const nodes = msgs.map((m) => [...idsOf(m), ...refsOf(m)]);
  for (const ns of nodes) {
    for (const n of ns) if (!parent.has(n)) parent.set(n, n);
    for (let k = 1; k < ns.length; k++) union(ns[0], ns[k]);
  }
  if (!parent.has(asked)) return msgs.map(() => true);
  const root = find(asked);
  return nodes.map((ns) => ns.length > 0 && find(ns[0]) === root);
}

/**
 * public-inbox escapes '/' in Message-IDs as %2F; encodeURIComponent does that and more, all accepted.
 * An id of "." or ".." has no URL: every URL parser resolves such a segment away, escaped or not
 * (<inbox>/../t.mbox.gz is the server's /t.mbox.gz), so it is refused rather than another page fetched.
 */
export function threadUrl(ref: ThreadRef): string {
  if (ref.messageId === "." || ref.messageId === "..") {
    throw new Error(`the Message-ID '${ref.messageId}' cannot be fetched by URL (every HTTP client resolves a '${ref.messageId}' path ` +
      `segment away, so ${normalizeInbox(ref.inbox)}${ref.messageId}/t.mbox.gz is another page): fetch the thread by another Message-ID of the thread, ` +
      `or find it with lore's search: ${normalizeInbox(ref.inbox)}?q=${encodeURIComponent(`mid:"${ref.messageId}"`)}`);
  }
  return `${normalizeInbox(ref.inbox)}${encodeURIComponent(ref.messageId)}/t.mbox.gz`;
}

/**
 * `idsOf` (given by the caller: parse/ sits above sources/) names the Message-IDs a raw message
 * carries; with it, an answer that does not hold the asked message (another thread: a stale cache,
 * a proxy) is refused instead of stored as that thread. `refsOf` names the ids it refers to
 * (In-Reply-To, References); with it, messages of the answer that no chain of references links to
 * the asked one (another thread mixed in) are errors rows, not stored as this thread. public-inbox
 * threads by references alone (checked on the ksummit archive: each of its 144 threads is one
 * connected set of references), so a real answer loses nothing.
 */
export function loreThreadSource(ref: ThreadRef, client: HttpClient, list?: string, idsOf?: (bytes: Buffer) => string[],
  refsOf?: (bytes: Buffer) => string[]): Source {
  const url = threadUrl(ref);
  const id = `lore-thread:${url}`;
  return {
    id, kind: "mbox", path: url, list,
    async *read(): AsyncGenerator<SourceItem> {
      const res = await client.request(url, "GET");
      if (res.status === 404) throw new Error(`${url}: no such message on ${ref.inbox} (HTTP 404)`);
      const msgs = await mboxMessages(res, client.opts.maxResponseBytes);
      if (idsOf && msgs.length && !msgs.some((m) => idsOf(m).includes(ref.messageId))) {
        throw new Error(`${url}: the server answered with ${msgs.length} messages, none of them ${ref.messageId}: ` +
          "another thread (a stale cache or proxy?); nothing was stored");
      }
      const inThread = idsOf && refsOf ? threadMembers(msgs, ref.messageId, idsOf, refsOf) : null;
      for (let i = 0; i < msgs.length; i++) {
        // A thread grows: no resume state, every fetch is whole (dedup keeps the store exact).
        const provenance = { source: id, position: String(i), list };
        if (inThread && !inThread[i]) {
          yield { kind: "error", provenance, reason: `${url}: message ${i + 1} (${idsOf!(msgs[i])[0] ?? "no Message-ID"}) is not linked to ` +
            `${ref.messageId} by any chain of references: another thread mixed into the answer; not stored`, cursor: {} };
        } else yield { kind: "message", bytes: msgs[i], provenance, cursor: {} };
      }
    },
  };
}
