// Forwarded patches (sent by a maintainer, written by someone else, in-body From:): which person
// each figure counts. Synthetic corpus only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { buildPeopleArtifacts, buildThreadsArtifacts } from "../../loaders/analysis/build-people.ts";
import type { AnalysisMessage } from "../../loaders/model/corpus.ts";
import { corpus, msg, person, trailer, fromShard, H, T0, type MsgOpts } from "./fixture.ts";
import { siteFiles } from "../../loaders/analysis/site.ts";
import { FILES, type PersonDetail } from "../../loaders/analysis/artifacts.ts";
import { graphKey } from "../../loaders/graph/build.ts";

const by = (id: string, from: string, author: string | undefined, date: number, o: MsgOpts): AnalysisMessage =>
  ({ ...msg(id, from, date, o), ...(author ? { author } : {}) });

// mae (maintainer) sends: a lone patch written by ann; a series (cover by mae, 1/2 by ann, 2/2 by bob).
// ann herself never sends a patch; she answers once.
const ms = [
  by("solo", "mae", "ann", T0, { patch: {}, subject: "[PATCH net] fix frob" }),
  msg("mae-re", "mae", T0 + 1 * H, { irt: "solo" }),                 // the forwarder comments on it
  msg("rev", "rex", T0 + 2 * H, { irt: "solo" }),                    // Reviewed-by on ann's patch
  msg("ann-re", "ann", T0 + 3 * H, { irt: "rev" }),                  // ann answers the reviewer
  msg("nak", "ned", T0 + 4 * H, { irt: "solo", nak: true }),         // free-text NAK of ann's patch
  msg("cover", "mae", T0 + 10 * H, { patch: { index: 0, total: 2, isCover: true }, subject: "[PATCH net-next 0/2] pull" }),
  by("s1", "mae", "ann", T0 + 10 * H + 1, { irt: "cover", patch: { index: 1, total: 2 }, subject: "[PATCH net-next 1/2] a" }),
  by("s2", "mae", "bob", T0 + 10 * H + 2, { irt: "cover", patch: { index: 2, total: 2 }, subject: "[PATCH net-next 2/2] b" }),
  msg("s2-re", "rex", T0 + 12 * H, { irt: "s2" }),                   // Acked-by on bob's patch
  msg("own", "mae", T0 + 20 * H, { patch: {}, subject: "[PATCH] mae's own" }),
  msg("own-re", "rex", T0 + 21 * H, { irt: "own" }),
];
const c = corpus(ms, [trailer("rev", "reviewed-by", "rex"), trailer("s2-re", "acked-by", "rex")], [person("bob")]);

test("a reply to a forwarded patch is an edge to its author, not to the maintainer who sent it", () => {
  const a = analyzeCorpus(c);
  const edge = (child: string) => a.replies.find((e) => c.messages[e.child].id === child);
  assert.deepEqual([edge("rev")?.from, edge("rev")?.to], ["rex", "ann"]);
  assert.deepEqual([edge("mae-re")?.from, edge("mae-re")?.to], ["mae", "ann"], "the forwarder replying is not a self-reply");
  assert.deepEqual([edge("ann-re")?.from, edge("ann-re")?.to], ["ann", "rex"], "replies are still counted for their sender");
  assert.deepEqual([edge("s2-re")?.from, edge("s2-re")?.to], ["rex", "bob"]);
  assert.deepEqual([edge("own-re")?.from, edge("own-re")?.to], ["rex", "mae"]);
  assert.equal(edge("s1"), undefined, "series structure stays excluded (series linked by sender)");
  assert.equal(a.tr.series[ms.findIndex((m) => m.id === "s2")], "cover");
  assert.equal(a.graph.hasEdge(graphKey("rex"), graphKey("mae")) && a.graph.getEdgeAttribute(graphKey("rex"), graphKey("mae"), "weight"), 1);
});

test("reviews and NAKs are received by the author; time to first reply is the author's, forwarder excluded", () => {
  const a = analyzeCorpus(c);
  const rev = a.reviews.find((r) => r.messageId === "rev")!;
  assert.deepEqual([rev.reviewer, rev.author, rev.target], ["rex", "ann", "solo"]);
  assert.equal(a.reviews.find((r) => r.messageId === "s2-re")!.author, "bob");
  assert.equal(a.reviews.find((r) => r.kind === "nak-line")!.author, "ann");
  const o = a.observations.find((x) => x.kind === "thread" && x.key === "solo")!;
  assert.deepEqual([o.author, o.responder, o.time], ["ann", "rex", 2 * H], "mae's own comment is not a first reply");
});

test("people: patches authored vs sent for others, series authored, threads started by the sender", () => {
  const a = analyzeCorpus(c);
  const { people } = buildPeopleArtifacts(a);
  const row = (id: string) => people.rows.find((r) => r.id === id)!;
  assert.deepEqual([row("ann").patches_authored, row("ann").patches_for_others, row("ann").series_authored], [2, 0, 1]);
  assert.deepEqual([row("bob").patches_authored, row("bob").messages, row("bob").series_authored], [1, 0, 1], "an author who sent nothing");
  assert.deepEqual([row("mae").patches_authored, row("mae").patches_for_others, row("mae").series_authored], [1, 3, 0]);
  assert.equal(row("mae").threads_started, 3, "solo, cover and own threads were started by the sender");
  assert.equal(row("ann").threads_started, 0);
  assert.deepEqual([row("ann").reviews_received, row("mae").reviews_received, row("ann").naks_received], [1, 0, 1]);
  assert.deepEqual([row("ann").replies_received, row("mae").replies_received], [3, 1]);
  const { threads } = buildThreadsArtifacts(a);
  assert.equal(threads.rows.find((t) => t.id === "solo")!.author?.id, "ann", "threads table shows the patch's author");
  assert.equal(a.tr.threads.find((t) => t.id === "solo")!.sender, "mae");
});

test("person pages: patches sent for an author count as their activity, and every author has page data", () => {
  const files = siteFiles(analyzeCorpus(c), "v1", Date.now());
  const page = (id: string) => fromShard<PersonDetail>(files, FILES.personShard, id)!.person;
  assert.deepEqual([page("ann").messages, page("ann").patches_authored], [1, 2], "1 message sent + 2 patches forwarded");
  assert.deepEqual([page("bob").messages, page("bob").patches_authored], [0, 1], "1 patch forwarded only, a page all the same");
  assert.equal(page("mae").patches_for_others, 3);
});
