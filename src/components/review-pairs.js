// Reviewer -> author pairs of the Reviews page: the kept reviews (keptReviews, NAKs and reviews of
// unknown authors left out) grouped by (reviewer, author) with arquero, with their counts per kind
// and the lists they reached. `aq` is passed in (the page's vendored bundle, node's arquero in tests),
// so Node tests run the very code the page runs.
import { reviewKindOf } from "./facts.js";

/** [{ reviewer, author (fact-table person indices), reviewed, acked, tested, mask }] in first-seen order. */
export function reviewPairs(aq, f, reviews) {
  if (!reviews.length) return [];
  const { op } = aq;
  return aq.table({
    reviewer: reviews.map((i) => f.reviewer[i]), author: reviews.map((i) => f.reviewAuthor[i]),
    kind: reviews.map((i) => reviewKindOf(f, i)), mask: reviews.map((i) => f.reviewLists[i]),
  }).groupby("reviewer", "author").rollup({
    reviewed: (d) => op.sum(d.kind === "reviewed-by" ? 1 : 0), acked: (d) => op.sum(d.kind === "acked-by" ? 1 : 0),
    tested: (d) => op.sum(d.kind === "tested-by" ? 1 : 0), masks: (d) => op.array_agg_distinct(d.mask),
  }).objects().map((p) => ({ reviewer: p.reviewer, author: p.author, reviewed: p.reviewed, acked: p.acked, tested: p.tested,
    mask: p.masks.reduce((m, x) => m | x, 0) }));
}
