// The fact tables and the browser code over them (src/components/*.js, run here in Node): with no
// filter they reproduce the loader's own artifacts (list overlap, reply flows, first-reply curves);
// a window keeps exactly its days; and the graph metrics buckets cover all time and each quarter.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { buildFacts } from "../../loaders/analysis/facts.ts";
import { buildBridges, buildUpset } from "../../loaders/analysis/build-graph.ts";
import { buildResponsiveness } from "../../loaders/analysis/build-people.ts";
import { buildGraphBuckets } from "../../loaders/analysis/graph-buckets.ts";
import { personIndexOf } from "../../loaders/analysis/fact-index.ts";
import { corpus, msg, trailer, D, H, T0 } from "./fixture.ts";
// @ts-expect-error plain browser JS module without types
import { decodeFacts, keepRows, windowCounts, listOverlap, replyFlows, maskOf } from "../../src/components/facts.js";
// @ts-expect-error plain browser JS module without types
import { observations, survivalCurves, firstResponders } from "../../src/components/survival.js";
// @ts-expect-error plain browser JS module without types
import { weeklyActivity } from "../../src/components/activity.js";

const ALL = { from: null, to: null, lists: null, bots: true };

/** Two quarters, three lists, cross-posts, a bot, a review, a NAK line, an undated message, an out-of-order thread start. */
function fixture() {
  const Q4 = Date.UTC(2024, 9, 7);
  const ms = [
    msg("a", "ann", T0, { lists: ["alpha", "beta"], patch: {} }),
    msg("b", "bob", T0 + 2 * H, { irt: "a", lists: ["alpha", "beta"] }),
    msg("c", "cat", T0 + D, { irt: "b", lists: ["beta"] }),
    msg("d", "bot", T0 + D + H, { irt: "a", bot: true }),
    msg("e", "dan", T0 + 3 * D, { lists: ["gamma"] }),
    msg("f", "ann", T0 + 3 * D + 5 * H, { irt: "e", lists: ["gamma", "alpha"] }),
    msg("g", "eve", Q4, { lists: ["beta"], patch: {} }),
    msg("h", "bob", Q4 + H, { irt: "g", lists: ["beta"], nak: true }),
    msg("i", "cat", Q4 + 2 * D, { irt: "g", lists: ["beta", "gamma"] }),
    msg("u", "dan", null, { lists: ["alpha"] }),
  ];
  return analyzeCorpus(corpus(ms, [trailer("b", "reviewed-by", "bob"), trailer("i", "acked-by", "cat")]));
}

test("no filter: the browser's overlap, flows and curves equal the loader's artifacts", () => {
  const a = fixture();
  const f = decodeFacts(JSON.parse(JSON.stringify(buildFacts(a))));
  const { keep } = keepRows(f, ALL);
  const up = buildUpset(a), ov = listOverlap(f, keep);
  assert.deepEqual(ov.sets, up.sets);
  const sortCombos = (cs: { lists: string[]; people: number; messages: number }[]) => [...cs].sort((x, y) => x.lists.join().localeCompare(y.lists.join()));
  assert.deepEqual(sortCombos(ov.combos), sortCombos(up.combos));
  const br = buildBridges(a), fl = replyFlows(f, keep);
  assert.deepEqual(fl.home_to_list, br.flow_home_to_list);
  assert.deepEqual(fl.home_to_home, br.flow_home_to_home);
  const resp = buildResponsiveness(a);
  for (const kind of ["thread", "series"]) {
    for (const c of survivalCurves(f, observations(f, ALL, maskOf), kind)) {
      const o = resp.curves.find((x) => x.kind === kind && x.group === c.group)!;
      assert.ok(o, `${kind} ${c.group} exists in the artifact`);
      assert.deepEqual([c.n, c.events, c.censored], [o.n, o.events, o.censored], `${kind} ${c.group}`);
    }
  }
  // Headline figures with no filter: the analysis's own (undated message included).
  const c = windowCounts(f, ALL);
  assert.deepEqual([c.messages, c.threads], [a.corpus.messages.length, a.tr.threads.length]);
});

test("a list filter: curves and first responders per list only for the chosen lists (a cross-post gives no other list a curve)", () => {
  const f = decodeFacts(JSON.parse(JSON.stringify(buildFacts(fixture()))));
  const filter = { from: null, to: null, lists: ["beta"], bots: true };
  const obs = observations(f, filter, maskOf);
  // Thread a reached alpha and beta: it is kept, and would otherwise give alpha a curve and a responder row.
  assert.ok(obs.some((o: { lists: number }) => o.lists & (1 << f.lists.indexOf("alpha"))), "a kept thread also reached alpha");
  const listCurves = (kind: string) => survivalCurves(f, obs, kind, filter.lists).map((c: { group: string }) => c.group).filter((g: string) => g.startsWith("list:"));
  assert.deepEqual(listCurves("thread"), ["list:beta"]);
  assert.deepEqual(listCurves("series").filter((g: string) => g !== "list:beta"), [], "series");
  assert.deepEqual([...new Set(firstResponders(f, obs, filter.lists).map((r: { list: string }) => r.list))].sort(), ["*", "beta"]);
  // No list chosen: every list with an observation keeps its curve.
  const all = observations(f, ALL, maskOf);
  assert.ok(survivalCurves(f, all, "thread", null).some((c: { group: string }) => c.group === "list:alpha"));
});

test("a window keeps exactly its days; lists and bots narrow it", () => {
  const f = decodeFacts(JSON.parse(JSON.stringify(buildFacts(fixture()))));
  // 2024-07-01 .. 2024-07-02: a, b; not c and d (07-02, to is exclusive) nor the undated one.
  assert.deepEqual(windowCounts(f, { from: "2024-07-01", to: "2024-07-02", lists: null, bots: true }),
    { messages: 2, threads: 1, people: 2, reviews: 1, naks: 0 });
  // To 07-03: a, b, c and the bot's d; bots out leaves d out.
  assert.equal(windowCounts(f, { from: "2024-07-01", to: "2024-07-03", lists: null, bots: true }).messages, 4);
  assert.equal(windowCounts(f, { from: "2024-07-01", to: "2024-07-03", lists: null, bots: false }).messages, 3);
  // gamma only: e and f (f also reached alpha) and i; people dan, ann, cat. Reviews and NAKs go by
  // their thread's lists: g's thread reached gamma through i, so bob's NAK and cat's ack count.
  assert.deepEqual(windowCounts(f, { from: null, to: null, lists: ["gamma"], bots: true }),
    { messages: 3, threads: 2, people: 3, reviews: 1, naks: 1 });
  // Q4 only: g, h, i; the NAK line and cat's Acked-by.
  assert.deepEqual(windowCounts(f, { from: "2024-10-01", to: null, lists: null, bots: true }),
    { messages: 3, threads: 1, people: 3, reviews: 1, naks: 1 });
});

test("graph metrics buckets: all time, then each quarter with its own replies", () => {
  const a = fixture();
  const idx = personIndexOf(a);
  const { buckets } = buildGraphBuckets(a, idx);
  assert.deepEqual(buckets.map((b) => [b.id, b.from, b.to]), [["all", null, null], ["2024-Q3", "2024-07-01", "2024-10-01"], ["2024-Q4", "2024-10-01", "2025-01-01"]]);
  const names = new Map([...idx].map(([id, k]) => [k, id]));
  const people = (id: string) => buckets.find((b) => b.id === id)!.person.map((k) => names.get(k)).sort();
  // Q3 replies: bob->ann, cat->bob, ann->dan (the bot's reply left out); Q4: bob->eve, cat->eve.
  assert.deepEqual(people("2024-Q3"), ["ann", "bob", "cat", "dan"]);
  assert.deepEqual(people("2024-Q4"), ["bob", "cat", "eve"]);
  assert.equal(buckets[0].nodes, a.graph.order);
  const q4 = buckets.find((b) => b.id === "2024-Q4")!;
  assert.equal(q4.in_w[q4.person.indexOf(idx.get("eve")!)], 2);
});

test("weekly activity: per week and list, people without bots, new people, partial weeks", () => {
  const f = decodeFacts(JSON.parse(JSON.stringify(buildFacts(fixture()))));
  const rows = weeklyActivity(f, keepRows(f, ALL).keep, ALL);
  const wk = Date.UTC(2024, 6, 1); // Monday
  const all = rows.find((r: { week: number; list: string }) => r.week === wk && r.list === "*");
  // a b c d e f: two threads started, people ann bob cat dan (the bot is not a person), all new;
  // cross-posted: a, b (alpha+beta) and f (gamma+alpha).
  assert.deepEqual([all.messages, all.threads_active, all.threads_started, all.people, all.new_people, all.crossposted], [6, 2, 2, 4, 4, 3]);
  const beta = rows.find((r: { week: number; list: string }) => r.week === wk && r.list === "beta");
  assert.deepEqual([beta.messages, beta.people], [3, 3]);
  // Filtered to 2024-07-02 .. 2024-07-04: the week is partial (2 of 7 days), and cat and dan only.
  const w2 = { from: "2024-07-02", to: "2024-07-04", lists: null, bots: false };
  const part = weeklyActivity(f, keepRows(f, w2).keep, w2).find((r: { list: string }) => r.list === "*");
  assert.deepEqual([part.messages, part.people, part.days], [1, 1, 2]);
});
