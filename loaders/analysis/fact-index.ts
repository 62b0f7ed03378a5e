// The fact tables' indexes of an analysis (person index, message rows, review order), each made
// once: facts.json itself, the graph, graph buckets, person facts, series, subsystem, organisation
// and affiliation builders need them, and at 200k messages each computation was 0.1-0.2 s (a
// count or sort of every message). Read-only.
import type { Analysis } from "./analyze.ts";
import { isNak, isReplyReview } from "./build-people.ts";
import { messageIndex } from "../model/message-index.ts";

const made = new WeakMap<Analysis, Map<string, number>>();

/** personIndexOf(a), computed once per analysis (an analysis' messages, replies and reviews never change). */
export function factPersonIndex(a: Analysis): Map<string, number> {
  let m = made.get(a);
  if (!m) made.set(a, (m = personIndexOf(a)));
  return m;
}

/** Person id -> the fact tables' person index. */
export function personIndexOf(a: Analysis): Map<string, number> {
  return new Map(personOrder(a).map((id, k) => [id, k]));
}

/** Person index order of buildFacts: senders by messages sent (most first, ties by id), then people only replied to, named in reviews or authors of forwarded patches. */
function personOrder(a: Analysis): string[] {
  const sent = new Map<string, number>();
  for (const m of a.corpus.messages) sent.set(m.from, (sent.get(m.from) ?? 0) + 1);
  const ids = [...sent.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([id]) => id);
  const seen = new Set(ids);
  const add = (id: string | null) => { if (id !== null && !seen.has(id)) { seen.add(id); ids.push(id); } };
  for (const e of a.replies) add(e.to);
  for (const r of a.reviews) { add(r.reviewer); add(r.author); }
  // In-body authors of forwarded patches (their patches count for them: person-facts.ts buildPeopleColsFacts).
  for (const m of a.corpus.messages) if (m.author !== undefined && m.patch.isPatch && !m.patch.isCover) add(m.author);
  return ids;
}

/**
 * The fact tables' message rows: dated messages by date (then their corpus order), undated last.
 * `order[r]` is the corpus index of row r, `rowOf[i]` the row of corpus message i.
 */
export function factRowOrder(a: Analysis): { order: number[]; rowOf: Int32Array } {
  const msgs = a.corpus.messages;
  const order = Array.from(msgs.keys());
  order.sort((x, y) => {
    const dx = msgs[x].date, dy = msgs[y].date;
    if (dx === null || dy === null) return dx === dy ? x - y : dx === null ? 1 : -1;
    return dx - dy || x - y;
  });
  const rowOf = new Int32Array(msgs.length);
  order.forEach((i, r) => { rowOf[i] = r; });
  return { order, rowOf };
}

const rowsMade = new WeakMap<Analysis, { order: number[]; rowOf: Int32Array }>(), reviewsMade = new WeakMap<Analysis, number[]>();

/** factRowOrder(a), made once per analysis. */
export function factRows(a: Analysis): { order: readonly number[]; rowOf: Int32Array } {
  let r = rowsMade.get(a);
  if (!r) rowsMade.set(a, (r = factRowOrder(a)));
  return r;
}

/** facts.json's message row of each corpus message (factRowOrder). */
export function factRowOf(a: Analysis): Int32Array {
  return factRows(a).rowOf;
}

/** Indices into a.reviews of facts.json's reviews (given in replies, and NAKs), in its order (by message row). */
export function factReviewOrder(a: Analysis): number[] {
  let order = reviewsMade.get(a);
  if (order) return order;
  const rowOf = factRowOf(a);
  const at = messageIndex(a.corpus.messages);
  const out: { i: number; row: number }[] = [];
  a.reviews.forEach((r, i) => { if (isReplyReview(r) || isNak(r)) out.push({ i, row: rowOf[at.get(r.messageId)!] }); });
  reviewsMade.set(a, (order = out.sort((x, y) => x.row - y.row).map((x) => x.i)));
  return order;
}

/**
 * The fact tables' list mask maker over `lists` (bit i: lists[i]): `mask(ls, m)` adds to mask `m`
 * the bits of the lists in `ls` it lacks (a list named twice counts once; an untracked one not at
 * all). Arithmetic, not `|`: more than 31 lists stay exact. No Set per call (it ran per message).
 */
export function listMasker(lists: readonly string[]): (ls: readonly string[], m?: number) => number {
  const bit = new Map<string, number>();
  lists.forEach((l, i) => { if (!bit.has(l)) bit.set(l, 2 ** i); });
  return (ls, m = 0) => {
    for (let i = 0; i < ls.length; i++) { const b = bit.get(ls[i]); if (b !== undefined && Math.floor(m / b) % 2 === 0) m += b; }
    return m;
  };
}
