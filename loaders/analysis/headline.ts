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

const made = new WeakMap<Analysis, HeadlineCounts>();

/** The figures, counted once per analysis (the headline table and meta.json both ask; an analysis never changes). */
export function headlineCounts(a: Analysis): HeadlineCounts {
  let c = made.get(a);
  if (!c) made.set(a, (c = count(a)));
  return { ...c };
}

/** One pass over each collection, no arrays made to count them. */
function count(a: Analysis): HeadlineCounts {
  // messagesBy: every sender of the corpus (analyze.ts), each once.
  let people = 0;
  for (const id of a.messagesBy.keys()) if (!a.bots.has(id)) people++;
  const series = new Set<string>();
  for (const s of a.tr.series) if (s !== null) series.add(s);
  let replyMessages = 0;
  for (const e of a.replies) if (!e.bot) replyMessages++;
  let reviews = 0, carried = 0, naks = 0, changes = 0, rejected = 0;
  for (const r of a.reviews) {
    if (isReplyReview(r)) reviews++;
    if (isCarriedReview(r)) carried++;
    if (isNak(r)) naks++;
    if (isPwVerdict(r) && r.kind === "pw-bot-changes-requested") changes++;
    if (isPwVerdict(r) && r.kind === "pw-bot-rejected") rejected++;
  }
  return {
    messages: a.corpus.messages.length, threads: a.tr.threads.length, series: series.size, people,
    graph_people: a.graph.order, reply_edges: a.graph.size, reply_messages: replyMessages,
    reviews, reviews_carried: carried, naks, bots: a.bots.size,
    pw_bot_changes_requested: changes, pw_bot_rejected: rejected,
  };
}
