// The headline figures (headline.ts) by their definitions (docs/analysis.md "Headline figures"),
// counted once per analysis: a caller that changes its copy changes nobody else's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { headlineCounts } from "../../loaders/analysis/headline.ts";
import { isCarriedReview, isNak, isPwVerdict, isReplyReview } from "../../loaders/analysis/build-people.ts";
import { corpus, msg, trailer, T0, D } from "./fixture.ts";

test("headlineCounts: each figure by its definition, and each caller gets its own copy", () => {
  const a = analyzeCorpus(corpus([
    msg("p1", "ann", T0, { patch: { index: 1, total: 1 }, subject: "[PATCH] a" }),
    msg("r1", "bob", T0 + D, { irt: "p1" }),
    msg("r2", "cid", T0 + 2 * D, { irt: "p1" }),
    msg("r3", "bob", T0 + 3 * D, { irt: "r2" }),
    msg("p2", "bob", T0 - D, { patch: { index: 1, total: 1 }, subject: "[PATCH] b" }),
    msg("r4", "ann", null, { irt: "p2" }),
  ], [trailer("r1", "reviewed-by", "bob"), trailer("r4", "acked-by", "ann"), trailer("r2", "nacked-by", "cid")]));
  const c = headlineCounts(a);
  const senders = new Set(a.corpus.messages.map((m) => m.from));
  assert.deepEqual(c, {
    messages: 6, threads: a.tr.threads.length, series: new Set(a.tr.series.filter((s) => s !== null)).size,
    people: [...senders].filter((id) => !a.bots.has(id)).length, graph_people: a.graph.order, reply_edges: a.graph.size,
    reply_messages: a.replies.filter((e) => !e.bot).length, reviews: a.reviews.filter(isReplyReview).length,
    reviews_carried: a.reviews.filter(isCarriedReview).length, naks: a.reviews.filter(isNak).length, bots: a.bots.size,
    pw_bot_changes_requested: a.reviews.filter((r) => isPwVerdict(r) && r.kind === "pw-bot-changes-requested").length,
    pw_bot_rejected: a.reviews.filter((r) => isPwVerdict(r) && r.kind === "pw-bot-rejected").length,
  });
  assert.equal(c.people, 3);
  assert.equal(c.reviews, 2);
  assert.equal(c.naks, 1);
  c.messages = -1;
  assert.equal(headlineCounts(a).messages, 6, "a copy per caller");
});
