// The fact tables' indexes of an analysis (person index, message rows, review order), each made
// once: the graph, graph buckets, person facts, series, subsystem, organisation and affiliation
// builders need them, and at 200k messages each computation was 0.1-0.2 s (a count or sort of
// every message). Read-only.
import type { Analysis } from "./analyze.ts";
import { factRowOrder, personIndexOf } from "./facts.ts";
import { isNak, isReplyReview } from "./build-people.ts";

const made = new WeakMap<Analysis, Map<string, number>>();

/** personIndexOf(a), computed once per analysis (an analysis' messages, replies and reviews never change). */
export function factPersonIndex(a: Analysis): Map<string, number> {
  let m = made.get(a);
  if (!m) made.set(a, (m = personIndexOf(a)));
  return m;
}

const rowsMade = new WeakMap<Analysis, Int32Array>(), reviewsMade = new WeakMap<Analysis, number[]>();

/** facts.json's message row of each corpus message (facts.ts factRowOrder). */
export function factRowOf(a: Analysis): Int32Array {
  let r = rowsMade.get(a);
  if (!r) rowsMade.set(a, (r = factRowOrder(a).rowOf));
  return r;
}

/** Indices into a.reviews of facts.json's reviews (given in replies, and NAKs), in its order (by message row). */
export function factReviewOrder(a: Analysis): number[] {
  let order = reviewsMade.get(a);
  if (order) return order;
  const rowOf = factRowOf(a);
  const at = new Map(a.corpus.messages.map((m, i) => [m.id, i]));
  const out: { i: number; row: number }[] = [];
  a.reviews.forEach((r, i) => { if (isReplyReview(r) || isNak(r)) out.push({ i, row: rowOf[at.get(r.messageId)!] }); });
  reviewsMade.set(a, (order = out.sort((x, y) => x.row - y.row).map((x) => x.i)));
  return order;
}
