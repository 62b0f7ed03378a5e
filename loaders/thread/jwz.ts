// JWZ threading (https://www.jwz.org/doc/threading.html, steps 1-2) over References and
// In-Reply-To. Missing messages become phantom containers, so replies to the same missing
// message still share a thread. A message's own headers decide its parent (overriding what
// other messages' References claimed); links that would create a loop are refused and counted.
// The thread id is the id of the topmost container (a phantom's id when the root is missing),
// which stays put when a late-arriving root fills in the phantom.
import type { AnalysisMessage } from "../model/corpus.ts";

interface Container {
  id: string;
  msg: number;               // index into messages, -1 for a phantom
  parent: Container | null;
  // null until the first child (most containers are leaves). An array in no particular order: a
  // child knows its slot, so re-parenting one of 100k children moves the last one into its slot
  // instead of scanning them all (the walk below does not depend on the order of children).
  children: Container[] | null;
  /** Index in parent.children. */
  slot: number;
}

export interface ThreadingStats {
  messages: number;
  phantoms: number;
  duplicates: number;        // a second message with an id already seen (ignored)
  loopsRefused: number;      // parent links refused because they would close a loop
  badReferences: number;     // messages whose References had empty/self/duplicate/overlong entries
}

export interface Threading {
  /** Per message index: the thread id (topmost container id). */
  threadId: string[];
  /** Per message index: parent message index, or -1 (root, or parent missing from the input). */
  parent: Int32Array;
  /** Per message index: the direct parent container id (may be a phantom), or null. */
  parentId: (string | null)[];
  /** Per message index: depth below the topmost container (0 = top). */
  depth: Int32Array;
  stats: ThreadingStats;
}

/** At most this many References are used (the last ones: they are the nearest ancestors). */
const MAX_REFS = 256;
const MAX_WALK = 100_000;

/** References then In-Reply-To, cleaned: no empties, no self-reference, no repeats. */
export function cleanRefs(m: AnalysisMessage): { refs: string[]; bad: boolean } {
  // A copy only when In-Reply-To has to move (most messages name it last in References already).
  let raw: readonly string[] = m.references;
  if (m.inReplyTo && raw[raw.length - 1] !== m.inReplyTo) {
    const copy = [...raw];
    const at = copy.indexOf(m.inReplyTo);
    if (at >= 0) copy.splice(at, 1); // In-Reply-To is the direct parent: it goes last
    copy.push(m.inReplyTo);
    raw = copy;
  }
  // Repeats are found by scanning the few refs kept so far; a Set only for long lists.
  let seen: Set<string> | null = null;
  const refs: string[] = [];
  let bad = false;
  for (const r of raw) {
    const id = r.trim();
    // An id may hold blanks ("<a b@c>" is the id "a b@c"): the parser keeps the exact text
    // between the brackets for Message-ID and References alike, so such ids still link.
    if (!id || id === m.id || (seen ? seen.has(id) : refs.includes(id))) { bad = true; continue; }
    refs.push(id);
    if (seen) seen.add(id);
    else if (refs.length === 16) seen = new Set(refs);
  }
  if (refs.length > MAX_REFS) { bad = true; refs.splice(0, refs.length - MAX_REFS); }
  return { refs, bad };
}

/** True when `a` is `b` or one of b's ancestors. */
function isAncestorOrSelf(a: Container, b: Container): boolean {
  // a container without children is nobody's ancestor: the common case (a new message), and it
  // spares a walk up a long reply chain per message (quadratic on a 100k-deep chain)
  if (!a.children?.length) return a === b;
  let n = 0;
  for (let c: Container | null = b; c; c = c.parent) {
    if (c === a) return true;
    if (++n > MAX_WALK) return true; // treat absurd depth as a loop: refuse the link
  }
  return false;
}

function unlink(c: Container): void {
  const p = c.parent;
  if (!p) return;
  const ch = p.children!, last = ch.pop()!;
  if (last !== c) { ch[c.slot] = last; last.slot = c.slot; }
  c.parent = null;
}

function link(parent: Container, child: Container): void {
  child.parent = parent;
  const ch = (parent.children ??= []);
  child.slot = ch.length;
  ch.push(child);
}

/** Deterministic processing order: by date (unknown last), then id. */
function processingOrder(messages: AnalysisMessage[]): number[] {
  const idx = messages.map((_, i) => i);
  const date = new Float64Array(messages.length);
  for (let i = 0; i < messages.length; i++) date[i] = messages[i].date ?? Infinity;
  idx.sort((a, b) => {
    const da = date[a], db = date[b];
    if (da !== db) return da < db ? -1 : 1;
    return messages[a].id < messages[b].id ? -1 : messages[a].id > messages[b].id ? 1 : 0;
  });
  return idx;
}

export function threadMessages(messages: AnalysisMessage[]): Threading {
  const byId = new Map<string, Container>();
  const get = (id: string): Container => {
    let c = byId.get(id);
    if (!c) { c = { id, msg: -1, parent: null, children: null, slot: -1 }; byId.set(id, c); }
    return c;
  };
  const stats: ThreadingStats = { messages: messages.length, phantoms: 0, duplicates: 0, loopsRefused: 0, badReferences: 0 };
  const own: (Container | null)[] = new Array(messages.length).fill(null);

  for (const i of processingOrder(messages)) {
    const m = messages[i];
    const c = get(m.id);
    if (c.msg >= 0) { stats.duplicates++; continue; }
    c.msg = i;
    own[i] = c;
    const { refs, bad } = cleanRefs(m);
    if (bad) stats.badReferences++;
    // Chain the References: each one is the parent of the next, unless already parented.
    let prev: Container | null = null;
    for (const r of refs) {
      const rc = get(r);
      if (prev && !rc.parent && rc !== prev) {
        if (isAncestorOrSelf(rc, prev)) stats.loopsRefused++;
        else link(prev, rc);
      }
      prev = rc;
    }
    // The message's own last reference is its parent.
    if (prev && c.parent !== prev) {
      if (isAncestorOrSelf(c, prev)) stats.loopsRefused++;
      else { unlink(c); link(prev, c); }
    }
  }

  // Walk down from every top container: thread id and depth for each real message.
  const n = messages.length;
  const threadId: string[] = new Array(n).fill("");
  const parent = new Int32Array(n).fill(-1);
  const parentId: (string | null)[] = new Array(n).fill(null);
  const depth = new Int32Array(n);
  for (const top of byId.values()) {
    if (top.msg < 0) stats.phantoms++;
    if (top.parent) continue;
    const stack: Container[] = [top], depths: number[] = [0];
    while (stack.length) {
      const c = stack.pop()!, d = depths.pop()!;
      if (c.msg >= 0) {
        threadId[c.msg] = top.id;
        depth[c.msg] = d;
        if (c.parent) {
          parentId[c.msg] = c.parent.id;
          parent[c.msg] = c.parent.msg;
        }
      }
      if (c.children) for (let k = 0; k < c.children.length; k++) { stack.push(c.children[k]); depths.push(d + 1); }
    }
  }
  // Duplicates share their first copy's placement.
  for (let i = 0; i < n; i++) {
    if (own[i]) continue;
    const first = byId.get(messages[i].id)!;
    const j = first.msg;
    threadId[i] = threadId[j]; parent[i] = parent[j]; parentId[i] = parentId[j]; depth[i] = depth[j];
  }
  return { threadId, parent, parentId, depth, stats };
}
