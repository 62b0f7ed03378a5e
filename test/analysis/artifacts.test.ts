// Page artifacts from a synthetic corpus whose bridges, flows, overlaps and weeks are known by hand.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { siteFiles } from "../../loaders/analysis/site.ts";
import { REFERENCE_VIEWS, withReferenceViews } from "../../loaders/analysis/reference-views.ts";
import type { ActivityArtifact, BridgesArtifact, MetaArtifact, PersonDetail, ThreadDetail, UpsetArtifact, ResponsivenessArtifact } from "../../loaders/analysis/artifacts.ts";
import { corpus, msg, trailer, fromShard, H, D, T0 } from "./fixture.ts";
import { FILES } from "../../loaders/analysis/artifacts.ts";

// ann: alpha x2, beta x1 -> home alpha; bob: beta x2 -> home beta; cat: gamma x1 + alpha/gamma cross-post.
const ms = [
  msg("a", "ann", T0, { lists: ["alpha"], patch: {} }),
  msg("b", "bob", T0 + H, { irt: "a", lists: ["beta"] }),              // bob(beta) replies on alpha's thread
  msg("c", "ann", T0 + 2 * H, { irt: "b", lists: ["alpha", "beta"] }),  // ann(alpha) -> bob, cross-posted
  msg("d", "bob", T0 + 8 * D, { lists: ["beta"] }),                     // week 2, unanswered
  msg("e", "cat", T0 + 8 * D + H, { lists: ["alpha", "gamma"] }),       // week 2, new person, cross-post
  msg("f", "ann", T0 + 9 * D, { irt: "e", lists: ["alpha"] }),
  msg("g", "cat", T0 + 9 * D + H, { irt: "f", lists: ["gamma"], nak: true }),
];
const a = analyzeCorpus(corpus(ms, [trailer("b", "reviewed-by", "bob")]));
const files = withReferenceViews(a, siteFiles(a, "v1", Date.now()));
const read = <T>(f: string): T => JSON.parse(files.get(f)!);

test("views the pages compute from the fact tables are not written (no page loads them)", () => {
  const written = siteFiles(a, "v1", Date.now());
  for (const f of Object.keys(REFERENCE_VIEWS)) assert.equal(written.has(f), false, f);
  assert.ok(written.has(FILES.facts) && written.has(FILES.factsObs));
});

test("meta, upset and bridges", () => {
  const meta = read<MetaArtifact>("meta.json");
  assert.deepEqual([meta.empty, meta.counts.messages, meta.counts.threads, meta.counts.reply_messages], [false, 7, 3, 4]);
  const up = read<UpsetArtifact>("upset.json");
  assert.deepEqual(up.combos.map((c) => [c.lists.join("+"), c.people]).sort(), [["alpha+beta", 1], ["alpha+gamma", 1], ["beta", 1]]);
  assert.deepEqual(up.sets, [{ list: "alpha", people: 2 }, { list: "beta", people: 2 }, { list: "gamma", people: 1 }]);
  const br = read<BridgesArtifact>("bridges.json");
  // Ranked by participation (cross-posts split 1/k): cat 1.5 gamma + 0.5 alpha (0.375) before ann 2.5 alpha + 0.5 beta (0.28);
  // neither has the minimum activity of a bridge.
  assert.deepEqual(br.people.map((p) => [p.id, p.home, p.nlists, p.participation, p.bridge]), [["cat", "gamma", 2, 0.375, false], ["ann", "alpha", 2, 0.2778, false]]);
  // replies: b bob(beta)->ann on beta+alpha(parent) ; c ann(alpha)->bob on alpha+beta ; f ann->cat on alpha(+alpha,gamma parent) ; g cat(gamma)->ann on gamma+alpha
  const [A, B, G] = [0, 1, 2];
  assert.equal(br.flow_home_to_home[B][A], 1);
  assert.equal(br.flow_home_to_home[A][B], 1);
  assert.equal(br.flow_home_to_home[A][G], 1);
  assert.equal(br.flow_home_to_home[G][A], 1);
  assert.deepEqual(br.flow_home_to_list[A], [2, 1, 1]);
  const ab = br.pairs.find((p) => p.a === "alpha" && p.b === "beta")!;
  assert.deepEqual([ab.shared_people, ab.crossposted_threads], [1, 1]);
});

test("weekly activity: new vs returning people and cross-post share", () => {
  const rows = read<ActivityArtifact>("activity.json").rows.filter((r) => r.list === "*");
  assert.equal(rows.length, 2);
  assert.deepEqual([rows[0].messages, rows[0].people, rows[0].new_people, rows[0].crossposted], [3, 2, 2, 1]);
  assert.deepEqual([rows[1].messages, rows[1].people, rows[1].new_people, rows[1].returning_people], [4, 3, 1, 2]);
  assert.equal(rows[1].crosspost_share, 1 / 4);
});

test("detail files: thread tree with latencies, person with correspondents, NAK line, survival", () => {
  const t = fromShard<ThreadDetail>(files, FILES.threadShard, "a")!;
  assert.deepEqual(t.thread.homes, { alpha: 1, beta: 1 });
  assert.deepEqual(t.messages.map((m) => [m.id, m.parent, m.latency_ms]), [["a", null, null], ["b", "a", H], ["c", "b", H]]);
  assert.equal(t.trailers.length, 1);
  assert.deepEqual([t.trailers[0].from.id, t.trailers[0].to!.id, t.trailers[0].applies_to], ["bob", "ann", "a"]);
  const p = fromShard<PersonDetail>(files, FILES.personShard, "ann")!;
  assert.deepEqual(p.correspondents_out.map((c) => [c.id, c.w]).sort(), [["bob", 1], ["cat", 1]]);
  assert.equal(p.naks_received.length, 1);
  const r = read<ResponsivenessArtifact>("responsiveness.json");
  const all = r.curves.find((c) => c.group === "all" && c.kind === "thread")!;
  // threads a (answered 1h), d (censored), e (answered 23h): S = 1 - 1/3 at 1h, then (2/3)*(1 - 1/2) at 23h... d censored at window end (1d+1h)
  assert.deepEqual([all.n, all.events, all.censored], [3, 2, 1]);
  assert.ok(Math.abs(all.unanswered.d1 - 1 / 3) < 1e-9);
});
