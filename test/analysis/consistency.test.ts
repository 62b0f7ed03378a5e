// Headline figures that must agree between pages (synthetic corpus, every figure known by hand):
// people active in the window, reviews given in replies vs carried in patches, home-list ties,
// graph node counts without bots, unanswered threads vs responsiveness, bridges' unique
// messages, NAK dedupe, new vs returning against the store's history, forwarded patch authors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus, homeLists } from "../../loaders/analysis/analyze.ts";
import { siteFiles } from "../../loaders/analysis/site.ts";
import { withReferenceViews } from "../../loaders/analysis/reference-views.ts";
import { buildActivity } from "../../loaders/analysis/build-graph.ts";
import { windowCorpus } from "../../loaders/analysis/run.ts";
import { CROSS_LIST_HOME, FILES } from "../../loaders/analysis/artifacts.ts";
import type { ActivityArtifact, BridgesArtifact, GraphArtifact, MetaArtifact, PeopleArtifact, PersonDetail, ResponsivenessArtifact,
  ReviewsArtifact, ThreadDetail, ThreadsArtifact } from "../../loaders/analysis/artifacts.ts";
import { corpus, msg, person, trailer, fromShard, H, D, T0 } from "./fixture.ts";

const ALL = ["alpha", "beta", "gamma"];
const ms = [
  // A series by ann (cover + 2 patches); bob reviews patch 1 and acks the cover in replies.
  msg("cov", "ann", T0, { subject: "[PATCH 0/2] widget", patch: { isCover: true, index: 0, total: 2 } }),
  msg("p1", "ann", T0 + 1, { irt: "cov", subject: "[PATCH 1/2] widget: one", patch: { index: 1, total: 2 } }),
  msg("p2", "ann", T0 + 2, { irt: "cov", subject: "[PATCH 2/2] widget: two", patch: { index: 2, total: 2 } }),
  msg("r1", "bob", T0 + H, { irt: "p1" }),
  msg("r2", "bob", T0 + 2 * H, { irt: "cov" }),
  // v2 carries bob's Reviewed-by inside the patch (carried, not a new review) and dan's Nacked-by (carried NAK).
  msg("v2", "ann", T0 + 2 * D, { subject: "[PATCH v2] widget: one", patch: { version: 2 } }),
  // dan NAKs p2 twice (a reply with a trailer, then a NAK line): one NAK.
  msg("n1", "dan", T0 + 3 * H, { irt: "p2" }),
  msg("n2", "dan", T0 + 4 * H, { irt: "n1", nak: true }),
  // A thread whose root is missing: bob's reply is the first stored message.
  msg("orph", "bob", T0 + 3 * D, { irt: "gone@x", refs: ["gone@x"] }),
  // An unanswered thread by cat; a bot's thread; eve only posts cross-posted to all lists.
  msg("lone", "cat", T0 + 4 * D, { lists: ["beta"] }),
  msg("bt", "robot", T0 + 4 * D + H, { bot: true, lists: ["beta"] }),
  msg("cx", "eve", T0 + 5 * D, { lists: ALL }),
  msg("cx2", "eve", T0 + 5 * D + H, { irt: "cx", lists: ALL }),
  msg("cxr", "ann", T0 + 5 * D + 2 * H, { irt: "cx", lists: ALL }),
  // The bot replies to ann and ann to the bot: bot edges.
  msg("br", "robot", T0 + 6 * D, { irt: "cov", bot: true }),
  msg("ar", "ann", T0 + 6 * D + H, { irt: "bt", lists: ["beta"] }),
  // A patch fred wrote, forwarded by gus.
  { ...msg("fw", "gus", T0 + 7 * D, { subject: "[PATCH] net: fix", patch: {} }), author: "fred" },
];
const trailers = [trailer("r1", "reviewed-by", "bob"), trailer("r2", "acked-by", "bob"), trailer("v2", "reviewed-by", "bob"),
  trailer("v2", "nacked-by", "dan"), trailer("n1", "nacked-by", "dan"), trailer("v2", "reviewed-by", "hal")];
// hal is named in a trailer only; ivy is in the store without any message.
const c = corpus(ms, trailers, [person("robot", { bot: true }), person("fred"), person("ivy")]);
const a = analyzeCorpus(c);
const files = withReferenceViews(a, siteFiles(a, "v1", Date.now()));
const read = <T>(f: string): T => JSON.parse(files.get(f)!);
const meta = read<MetaArtifact>("meta.json");
const people = read<PeopleArtifact>("people.json").rows;
const row = (id: string) => people.find((p) => p.id === id)!;

test("people: the header count is people active in the window (1+ message, no bots); others are flagged", () => {
  const senders = new Set(ms.map((m) => m.from));
  senders.delete("robot");
  assert.equal(meta.counts.people, senders.size);
  assert.equal(people.filter((p) => p.active).length, meta.counts.people);
  for (const id of ["hal", "ivy", "fred", "robot"]) assert.equal(row(id).active, false, id);
  assert.equal(meta.counts.people_listed, people.length);
});

test("reviews: given in replies and carried in patches are separate figures; per-person sums equal the site totals", () => {
  const rev = read<ReviewsArtifact>("reviews.json");
  assert.deepEqual([row("bob").reviews_given, row("bob").reviews_carried], [2, 1]);
  assert.deepEqual([row("hal").reviews_given, row("hal").reviews_carried], [0, 1]);
  const sum = (k: "reviews_given" | "reviews_carried" | "reviews_received") => people.reduce((s, p) => s + (p[k] ?? 0), 0);
  assert.equal(sum("reviews_given"), meta.counts.reviews);
  assert.equal(sum("reviews_given"), rev.totals.reviewed + rev.totals.acked + rev.totals.tested);
  assert.equal(sum("reviews_received"), meta.counts.reviews);
  assert.equal(sum("reviews_carried"), meta.counts.reviews_carried);
  assert.equal(meta.counts.reviews_carried, 2);
  // The person page lists the reviewed message's own subject, not the thread's (the cover letter).
  const d = fromShard<PersonDetail>(files, FILES.personShard, row("bob").id)!;
  const onP1 = d.reviews_given.find((r) => r.message_id === "r1")!;
  assert.deepEqual([onP1.target_id, onP1.target_subject, onP1.source], ["p1", "[PATCH 1/2] widget: one", "reply"]);
  assert.equal(d.reviews_given.find((r) => r.message_id === "v2")!.source, "carried");
});

test("NAKs: only in non-patch messages, one per (NAKer, target)", () => {
  const rev = read<ReviewsArtifact>("reviews.json");
  assert.deepEqual(rev.naks.map((n) => [n.from.id, n.message_id, n.source]), [["dan", "n1", "trailer"]]);
  assert.equal(meta.counts.naks, 1);
  assert.equal(row("dan").naks_given, 1);
});

test("home list: messages weigh 1/k over their lists; a tie is the cross-list home, not the first list", () => {
  const tracked = new Set(ALL);
  const h = homeLists([{ from: "x", lists: ALL }, { from: "y", lists: ["beta", "gamma"] }, { from: "y", lists: ["gamma"] },
    { from: "z", lists: ["alpha"] }, { from: "z", lists: ["beta"] }, { from: "w", lists: ["other"] }], tracked);
  assert.deepEqual(Object.fromEntries(h), { x: CROSS_LIST_HOME, y: "gamma", z: CROSS_LIST_HOME, w: null });
  assert.equal(row("eve").home, CROSS_LIST_HOME);
  const br = read<BridgesArtifact>("bridges.json");
  assert.deepEqual(br.home_lists, [...ALL, CROSS_LIST_HOME]);
  const X = br.home_lists!.indexOf(CROSS_LIST_HOME);
  assert.equal(br.flow_home_to_home[br.home_lists!.indexOf("alpha")][X], 1, "ann (alpha) replied to eve (cross-list)");
  assert.equal(br.flow_home_to_home.length, br.home_lists!.length);
  const t = read<ThreadsArtifact>("threads.json").rows.find((r) => r.id === "cx")!;
  assert.deepEqual(t.homes, { [CROSS_LIST_HOME]: 1, alpha: 1 });
});

test("bridges: messages are unique messages, not the sum of per-list arrivals", () => {
  const br = read<BridgesArtifact>("bridges.json");
  const eve = br.people.find((p) => p.id === "eve")!;
  assert.deepEqual([eve.messages, eve.nlists], [2, 3]);
  assert.equal(eve.messages, row("eve").messages);
});

test("graph: default counts exclude bots; a node's replies match the people table", () => {
  const g = read<GraphArtifact>("graph.json");
  assert.equal(g.stats.nodes, g.nodes.filter((n) => !n.bot && (n.in_w > 0 || n.out_w > 0)).length);
  assert.equal(g.stats.edges_with_bots, g.pruning.total_edges);
  const ann = g.nodes.find((n) => n.id === "ann")!;
  assert.deepEqual([ann.out_w, ann.in_w], [row("ann").replies_sent, row("ann").replies_received]);
  assert.ok(g.stats.edges < g.stats.edges_with_bots!);
});

test("threads: unanswered = responsiveness' censored threads; a missing root has no author and is flagged", () => {
  const th = read<ThreadsArtifact>("threads.json").rows;
  const resp = read<ResponsivenessArtifact>("responsiveness.json");
  const all = resp.curves.find((x) => x.group === "all" && x.kind === "thread")!;
  assert.equal(th.filter((t) => t.unanswered).length, all.censored);
  const orph = th.find((t) => t.id === "gone@x")!;
  assert.deepEqual([orph.root_missing, orph.author, orph.unanswered, orph.first_reply_ms], [true, null, null, null]);
  assert.equal(th.find((t) => t.id === "bt")!.unanswered, null, "a bot's thread is not observed");
  assert.equal(th.find((t) => t.id === "lone")!.unanswered, true);
  assert.equal(row("bob").threads_started, 0);
});

test("activity: new people are new to the store (history before the window counts); partial weeks say how many days", () => {
  const early = msg("old", "bob", T0 - 30 * D);
  const wc = windowCorpus(corpus([early, ...ms], trailers), T0, T0 + 9 * D);
  const act: ActivityArtifact = buildActivity(analyzeCorpus(wc, { windowStart: T0, windowEnd: T0 + 9 * D, window: { since: "2024-07-01", until: "2024-07-10" } }));
  const w1 = act.rows.find((r) => r.list === "*" && r.week === T0)!;
  assert.equal(w1.people, 6); // ann, bob, dan, cat, robot, eve
  assert.equal(w1.returning_people, 1, "bob posted before the window");
  assert.equal(w1.days, 7);
  const last = act.rows.filter((r) => r.list === "*").at(-1)!;
  assert.equal(last.days, 2);
  assert.equal(act.history_start!["*"], T0 - 30 * D);
});

test("thread messages: a forwarded patch names its author besides the sender", () => {
  const th = read<ThreadsArtifact>("threads.json").rows.find((t) => t.id === "fw")!;
  assert.ok(th.detail);
  const d = fromShard<ThreadDetail>(files, FILES.threadShard, th.id)!;
  const m = d.messages.find((x) => x.id === "fw")!;
  assert.deepEqual([m.from, m.author?.id, m.author?.name], ["gus", "fred", "FRED"]);
  assert.equal(d.messages.find((x) => x.id === "fw" && x.from === "fred"), undefined);
});
