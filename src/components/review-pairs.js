// Reviewer -> author pairs of the Reviews page: the kept reviews (keptReviews, NAKs and reviews of
// unknown authors left out) grouped by (reviewer, author) with their counts per kind and the lists
// they reached. A plain loop (arquero, 75 KB gzipped in every page's vendor bundle, did only this).
// Plain JS, so Node tests run the very code the page runs.
import { reviewKindOf } from "./facts.js";

/** [{ reviewer, author (fact-table person indices), reviewed, acked, tested, mask }] in first-seen order. */
export function reviewPairs(f, reviews) {
  const at = new Map(), out = [];
  for (const i of reviews) {
    const key = `${f.reviewer[i]} ${f.reviewAuthor[i]}`;
    let p = at.get(key);
    if (!p) at.set(key, (p = out[out.push({ reviewer: f.reviewer[i], author: f.reviewAuthor[i], reviewed: 0, acked: 0, tested: 0, mask: 0 }) - 1]));
    const kind = reviewKindOf(f, i);
    if (kind === "reviewed-by") p.reviewed++; else if (kind === "acked-by") p.acked++; else if (kind === "tested-by") p.tested++;
    p.mask |= f.reviewLists[i];
  }
  return out;
}
