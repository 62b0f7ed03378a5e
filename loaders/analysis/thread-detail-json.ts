// A thread's page data (ThreadDetail, in the thread shards) written straight to its compact JSON
// text (thread-detail-writer.ts): decoded by the page (src/components/thread-detail.js), it is
// artifactJson(boundThreadDetail(detail)) (build-people.ts builds that object, the reference
// test/analysis/thread-detail-json.test.ts compares with); no object per message is made. At ~200k messages the detail objects were most of the
// thread shards' time and a large share of the analysis' garbage collection.
// The writer (thread-detail-writer.ts) reads a DetailSource, not the Analysis: the same code runs on
// the thread-shards worker (thread-shards-job.ts) from a compact copy of what it reads.
import type { Analysis } from "./analyze.ts";
import type { ThreadRow } from "./artifacts.ts";
import type { ReviewRow } from "./reviews.ts";
import { artifactJson, DETAIL_ROWS } from "./bounded.ts";
import { personRef } from "./build-graph.ts";
import { isNak, isTrailerReview } from "./build-people.ts";
import { detailWriter, NO_REVIEWS, type DetailReviews, type DetailSource, type NakRow, type TrailerRow } from "./thread-detail-writer.ts";

export { detailWriter, type DetailReviews, type DetailSource };

/**
 * The trailers and NAKs part of a detail, as plain rows with person ids (the writer names people and
 * messages by index): threadReviews' rows, made straight from the review rows (no PersonRef object
 * per row: a thread shards job makes this for every reviewed thread on the main thread). A list
 * longer than DETAIL_ROWS cuts the detail.
 */
export function detailReviews(revs: readonly ReviewRow[]): DetailReviews {
  if (!revs.length) return NO_REVIEWS;
  const trailers: TrailerRow[] = [], naks: NakRow[] = [];
  let nTrailers = 0, nNaks = 0;
  for (const r of revs) {
    const to = r.author ? r.author : null;
    if (isNak(r)) {
      if (nNaks++ < DETAIL_ROWS) naks.push([r.reviewer, to, r.messageId, r.kind === "nak-line" ? "line" : "trailer", r.crossSubsystem]);
    } else if (isTrailerReview(r)) {
      if (nTrailers++ < DETAIL_ROWS) trailers.push([r.kind, r.reviewer, to, r.messageId, r.appliesTo === "series" ? `series ${r.seriesId}` : r.target ?? ""]);
    }
  }
  return { trailers, naks, nTrailers, nNaks };
}

/** The DetailSource of an analysis (in this thread). */
export function analysisDetailSource(a: Analysis): DetailSource {
  const refs = new Map<string, string>();
  return {
    msgs: a.corpus.messages, parent: a.tr.threading.parent, depth: a.tr.threading.depth, threads: a.tr.threads,
    ref: (p) => { let r = refs.get(p); if (r === undefined) refs.set(p, (r = artifactJson(personRef(a, p)))); return r; },
  };
}

/** The JSON text of each thread row, made once: threads.json, its parts, the top rows and the details all hold it. */
export function threadRowJson(rows: readonly ThreadRow[]): string[] {
  return rows.map((r) => artifactJson(r));
}
