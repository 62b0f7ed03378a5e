// The headline figures of one analysis, defined once (docs/analysis.md "Headline figures"): the
// site's meta.counts, the `headline` derived table that `threadgraph stats` reads as its window
// figures, and the line ingest/sync/analyze print all come from this function.
import type { Analysis } from "./analyze.ts";
import { isCarriedReview, isNak, isPwVerdict, isReplyReview } from "./build-people.ts";

export interface HeadlineCounts {
  messages: number; threads: number; series: number;
  /** Active in the window: sent 1+ message in it, not a bot. */
  people: number;
  graph_people: number; reply_edges: number; reply_messages: number;
  /** Reviewed/Acked/Tested-by given in replies. */
  reviews: number;
  /** The same trailers carried inside later patch versions. */
  reviews_carried: number;
  naks: number; bots: number;
  /** netdev pw-bot verdicts in replies, counted apart from NAKs (docs/analysis.md). */
  pw_bot_changes_requested: number; pw_bot_rejected: number;
}

export function headlineCounts(a: Analysis): HeadlineCounts {
  const senders = new Set(a.corpus.messages.map((m) => m.from));
  return {
    messages: a.corpus.messages.length, threads: a.tr.threads.length, series: new Set(a.tr.series.filter((s) => s !== null)).size,
    people: [...senders].filter((id) => !a.bots.has(id)).length,
    graph_people: a.graph.order, reply_edges: a.graph.size, reply_messages: a.replies.filter((e) => !e.bot).length,
    reviews: a.reviews.filter(isReplyReview).length, reviews_carried: a.reviews.filter(isCarriedReview).length,
    naks: a.reviews.filter(isNak).length, bots: a.bots.size,
    pw_bot_changes_requested: a.reviews.filter((r) => isPwVerdict(r) && r.kind === "pw-bot-changes-requested").length,
    pw_bot_rejected: a.reviews.filter((r) => isPwVerdict(r) && r.kind === "pw-bot-rejected").length,
  };
}
