import { test } from "node:test";
import assert from "node:assert/strict";
import { buildThreads } from "../../loaders/thread/index.ts";
import { buildSeriesLifecycle, type NakMark } from "../../loaders/series/index.ts";
import type { AnalysisMessage } from "../../loaders/model/corpus.ts";
import type { VerdictRecord } from "../../loaders/model/verdict.ts";
import { msg, D, H, T0 } from "../analysis/fixture.ts";
import { posting, reply, verdict } from "./helpers.ts";

const find = (ms: AnalysisMessage[], id: string) => ms.find((m) => m.id === id)!;

function lifecycle(ms: AnalysisMessage[], verdicts: VerdictRecord[] = [], naks: NakMark[] = []) {
  const tr = buildThreads(ms);
  const lc = buildSeriesLifecycle(ms, tr, verdicts, naks, (id) => id.startsWith("bot"));
  const rev = (id: string) => lc.revisions.findIndex((r) => r.id === id);
  const group = (id: string) => lc.grouping.groups[lc.grouping.groupOf[rev(id)]].revisions.map((r) => lc.revisions[r].id);
  const outcome = (id: string) => lc.outcomes[rev(id)];
  return { lc, rev, group, outcome };
}

test("v1..v3 of one series form one group in posting order; a single-patch respin counts too", () => {
  const ms = [
    ...posting("a1", "dev", T0, 1, "net: widgets", ["net: add widget", "net: use widget"]),
    ...posting("a2", "dev", T0 + 5 * D, 2, "net: widgets", ["net: add widget", "net: use widget"]),
    ...posting("a3", "dev", T0 + 9 * D, 3, "Net:  Widgets", ["net: add widget", "net: use widget", "net: doc widget"]),
    ...posting("s1", "dev", T0 + D, 1, "", ["mm: fix leak"]),
    ...posting("s2", "dev", T0 + 2 * D, 2, "", ["mm: fix leak"]),
  ];
  const { lc, group } = lifecycle(ms);
  assert.deepEqual(group("a1"), ["a1", "a2", "a3"]);
  assert.deepEqual(group("s2"), ["s1", "s2"]);
  assert.equal(lc.grouping.groups.length, 2);
  const a3 = lc.revisions.find((r) => r.id === "a3")!;
  assert.equal(a3.version, 3);
  assert.equal(a3.patches, 3);
  assert.equal(a3.date, T0 + 9 * D);
});

test("a lone v1 patch and its v2 grown into a series with a cover are one group (by the patch's title)", () => {
  const ms = [
    ...posting("p1", "dev", T0, 1, "", ["cxl: fix region teardown"]),
    ...posting("p2", "dev", T0 + 3 * D, 2, "cxl: region fixes", ["cxl: fix region teardown", "cxl: test region teardown"]),
  ];
  assert.deepEqual(lifecycle(ms).group("p2"), ["p1", "p2"]);
});

test("two series sharing a subject are not merged: other author, applied earlier one, other patches, far apart", () => {
  const ms = [
    // other author, same subject and version
    ...posting("x1", "alice", T0, 1, "", ["net: fix typo"]),
    ...posting("y1", "bob", T0 + D, 1, "", ["net: fix typo"]),
    // same author: the first applied, the same subject again later is new work
    ...posting("z1", "carol", T0, 1, "", ["rdma: fix refcount"]),
    ...posting("z2", "carol", T0 + 30 * D, 1, "", ["rdma: fix refcount"]),
    // same author, same cover title and version, other patches: another series
    ...posting("w1", "dave", T0, 1, "cleanups", ["a: one", "a: two"]),
    ...posting("w2", "dave", T0 + 40 * D, 1, "cleanups", ["b: three", "b: four"]),
    // same author, same title, higher version but over a year later
    ...posting("u1", "erin", T0, 1, "", ["io: tune"]),
    ...posting("u2", "erin", T0 + 400 * D, 2, "", ["io: tune"]),
  ];
  const applied = reply("z1-applied", "maint", T0 + 2 * D, find(ms, "z1"));
  const { group } = lifecycle([...ms, applied], [verdict("z1-applied", "applied", "maintainer-applied")]);
  for (const id of ["x1", "y1", "z1", "z2", "w1", "w2", "u1", "u2"]) assert.deepEqual(group(id), [id], id);
});

test("a same-version resend with the same patches continues the group", () => {
  const ms = [
    ...posting("r1", "dev", T0, 2, "", ["fs: tidy"]),
    ...posting("r2", "dev", T0 + 10 * D, 2, "", ["fs: tidy"]),
  ];
  assert.deepEqual(lifecycle(ms).group("r1"), ["r1", "r2"]);
});

test("a patchwork-bot notice on the cover: applied in full, by the applier it names, to its tree, with evidence", () => {
  const ms = posting("c", "dev", T0, 2, "net: widgets", ["net: a", "net: b", "net: c"]);
  const note = reply("pw1", "bot-pw", T0 + 3 * D, ms[0], { bot: true });
  const { outcome } = lifecycle([...ms, note], [verdict("pw1", "applied", "patchwork-bot-applied",
    { personId: "maint", tree: "netdev/net-next.git", branch: "main", scope: "series",
      items: [{ subject: "[net-next,v2,1/3] net: a", commit: "abc" }, { subject: "[net-next,v2,2/3] net: b", commit: "abd" },
        { subject: "[net-next,v2,3/3] net: c", commit: "abe" }] })]);
  const o = outcome("c");
  assert.equal(o.outcome, "applied");
  assert.equal(o.partial, false);
  assert.equal(o.appliedPatches, 3);
  assert.equal(o.by, "maint");
  assert.equal(o.tree, "netdev/net-next.git");
  assert.equal(o.at, T0 + 3 * D);
  assert.deepEqual([o.evidence?.messageId, o.evidence?.rule], ["pw1", "patchwork-bot-applied"]);
});

test("partial application: a summary item without a commit, or an applied reply to one patch n/m", () => {
  const a = posting("a", "dev", T0, 1, "series a", ["a: 1", "a: 2", "a: 3"]);
  const b = posting("b", "dev2", T0, 1, "series b", ["b: 1", "b: 2", "b: 3"]);
  const notice = reply("pwa", "bot-pw", T0 + D, a[0], { bot: true });
  const thanks = reply("tb", "maint", T0 + 2 * D, find(b, "b.2"));
  const { outcome } = lifecycle([...a, ...b, notice, thanks], [
    verdict("pwa", "applied", "patchwork-bot-applied", { personId: "maint", scope: "series",
      items: [{ subject: "a: 1", commit: "111" }, { subject: "a: 2", commit: null }, { subject: "a: 3", commit: "333" }] }),
    verdict("tb", "applied", "maintainer-applied"),
  ]);
  assert.deepEqual([outcome("a").outcome, outcome("a").partial, outcome("a").appliedPatches], ["applied", true, 2]);
  // The reply answers patch 2/3: it belongs to series b, applies one patch, and names its sender.
  assert.deepEqual([outcome("b").outcome, outcome("b").partial, outcome("b").appliedPatches, outcome("b").by], ["applied", true, 1, "maint"]);
});

test("pw-bot states and NAKs: the latest counts; applied wins; a later revision supersedes; none is pending", () => {
  const cr = posting("cr", "d1", T0, 1, "", ["x: cr"]);
  const rj = posting("rj", "d2", T0, 1, "", ["x: rj"]);
  const df = posting("df", "d3", T0, 1, "", ["x: df"]);
  const nk = posting("nk", "d4", T0, 1, "", ["x: nk"]);
  const ap = posting("ap", "d5", T0, 1, "", ["x: ap"]);
  const v1 = posting("v1", "d6", T0, 1, "", ["x: v"]);
  const v2 = posting("v2", "d6", T0 + 4 * D, 2, "", ["x: v"]);
  const pe = posting("pe", "d7", T0, 1, "", ["x: pe"]);
  const r = (id: string, to: AnalysisMessage[], t: number) => reply(id, "maint", t, to[0]);
  const ms = [...cr, ...rj, ...df, ...nk, ...ap, ...v1, ...v2, ...pe,
    r("cr-a", cr, T0 + D), r("cr-b", cr, T0 + 2 * D), r("rj-a", rj, T0 + D), r("df-a", df, T0 + D), r("nk-a", nk, T0 + D),
    r("ap-a", ap, T0 + D), r("ap-b", ap, T0 + 2 * D), r("v1-a", v1, T0 + D)];
  const { outcome } = lifecycle(ms, [
    verdict("cr-a", "deferred", "pw-bot"), verdict("cr-b", "changes-requested", "pw-bot"),
    verdict("rj-a", "rejected", "pw-bot"), verdict("df-a", "deferred", "pw-bot"),
    verdict("ap-a", "applied", "maintainer-applied"), verdict("ap-b", "changes-requested", "pw-bot"),
    verdict("v1-a", "changes-requested", "pw-bot"),
  ], [{ messageId: "nk-a", reviewer: "maint" }]);
  assert.deepEqual([outcome("cr").outcome, outcome("cr").evidence?.messageId], ["changes_requested", "cr-b"]);
  assert.equal(outcome("rj").outcome, "rejected");
  assert.equal(outcome("df").outcome, "deferred");
  assert.deepEqual([outcome("nk").outcome, outcome("nk").evidence?.rule, outcome("nk").by], ["rejected", "nak", "maint"]);
  assert.equal(outcome("ap").outcome, "applied");
  assert.deepEqual([outcome("v1").outcome, outcome("v1").verdict, outcome("v1").evidence?.messageId], ["superseded", "changes_requested", "v2"]);
  assert.equal(outcome("v2").outcome, "pending");
  assert.equal(outcome("pe").outcome, "pending");
});

test("verdicts carried inside a patch, or not under any revision, decide nothing", () => {
  const a = posting("a", "dev", T0, 1, "", ["y: a"]);
  const carrier = msg("carrier", "dev", T0 + D, { irt: "a", refs: ["a"], subject: "[PATCH] y: other", patch: { version: 1 } });
  const stray = msg("stray", "maint", T0 + D, { subject: "weekly report" });
  const { outcome } = lifecycle([...a, carrier, stray], [verdict("carrier", "applied", "b4-thanks"), verdict("stray", "applied", "maintainer-applied")]);
  assert.equal(outcome("a").outcome, "pending");
});

test("answered: a reply from someone other than the author, not a bot", () => {
  const a = posting("a", "dev", T0, 1, "", ["z: a"]);
  const b = posting("b", "dev2", T0, 1, "", ["z: b"]);
  const { lc, rev } = lifecycle([...a, ...b, reply("a-self", "dev", T0 + H, a[0]), reply("a-bot", "bot-ci", T0 + H, a[0], { bot: true }),
    reply("b-r", "rev", T0 + H, b[0])]);
  assert.equal(lc.answered[rev("a")], false);
  assert.equal(lc.answered[rev("b")], true);
});

test("hang guard: 20,000 postings under one title by one sender, and 5,000 applied replies to one big series, finish in seconds", () => {
  const ms: AnalysisMessage[] = [];
  for (let k = 0; k < 20_000; k++) ms.push(...posting(`h${k}`, "flood", T0 + k * 1000, 1, "same title", [`t${k}.1`, `t${k}.2`]));
  const big = posting("big", "dev", T0, 1, "big", Array.from({ length: 5000 }, (_, k) => `big: ${k}`));
  const replies = big.slice(1).map((p, k) => reply(`ok${k}`, "maint", T0 + D, p));
  const t = performance.now();
  const { lc, outcome } = lifecycle([...ms, ...big, ...replies], replies.map((r) => verdict(r.id, "applied", "maintainer-applied")));
  assert.ok(performance.now() - t < 10_000, "finishes within 10 s instead of minutes");
  assert.equal(lc.grouping.groups.length, 20_001, "same title, same version, other patches: each its own series");
  assert.deepEqual([outcome("big").outcome, outcome("big").partial, outcome("big").appliedPatches], ["applied", false, 5000]);
});

test("a b4 change-id or a 'Link to v1' joins revisions whose titles differ; another author's change-id does not", () => {
  const ms = [
    ...posting("k1", "dev", T0, 1, "zoo: first name", ["zoo: a", "zoo: b"]),
    ...posting("k2", "dev", T0 + 3 * D, 2, "zoo: renamed", ["zoo: c", "zoo: d"]),
    ...posting("k3", "other", T0 + 4 * D, 2, "zoo: renamed", ["zoo: c", "zoo: d"]),
    ...posting("l1", "dev", T0, 1, "", ["bar: one thing"]),
    ...posting("l2", "dev", T0 + 30 * D, 1, "bar: all new words", ["bar: x", "bar: y"]),
  ];
  const applied = reply("l1-ok", "maint", T0 + D, ms.find((m) => m.id === "l1")!);
  const links = new Map([["k1", { changeId: "20240701-zoo-0123abcd", previous: [] }], ["k2", { changeId: "20240701-zoo-0123abcd", previous: [] }],
    ["k3", { changeId: "20240701-zoo-0123abcd", previous: [] }], ["l2", { changeId: null, previous: ["l1"] }]]);
  const all = [...ms, applied];
  const tr = buildThreads(all);
  const lc = buildSeriesLifecycle(all, tr, [verdict("l1-ok", "applied", "maintainer-applied")], [], () => false, links);
  const group = (id: string) => lc.grouping.groups[lc.grouping.groupOf[lc.revisions.findIndex((r) => r.id === id)]].revisions.map((r) => lc.revisions[r].id);
  assert.deepEqual(group("k2"), ["k1", "k2"]);
  assert.deepEqual(group("k3"), ["k3"], "same change-id, other author");
  assert.deepEqual(group("l2"), ["l1", "l2"], "an explicit link joins even an applied revision's group");
});

test("a 'Supersedes:' / 'Link to v1' naming another author's posting does not join (or supersede) that series", () => {
  const ms = [
    ...posting("a1", "dev", T0, 1, "", ["zoo: careful fix"]),
    ...posting("x1", "mallory", T0 + D, 2, "", ["zoo: something else"]),
  ];
  const links = new Map([["x1", { changeId: null, previous: ["a1"] }]]);
  const tr = buildThreads(ms);
  const lc = buildSeriesLifecycle(ms, tr, [], [], () => false, links);
  const at = (id: string) => lc.revisions.findIndex((r) => r.id === id);
  assert.notEqual(lc.grouping.groupOf[at("a1")], lc.grouping.groupOf[at("x1")], "two authors never share a group");
  assert.equal(lc.outcomes[at("a1")].outcome, "pending", "the first author's series is not superseded by a stranger's link");
});

test("pending and superseded outcomes keep their key order and values (the series tables and files serialise them)", () => {
  const v1 = posting("v1", "d6", T0, 1, "", ["x: v"]);
  const v2 = posting("v2", "d6", T0 + 4 * D, 2, "", ["x: v"]);
  const v3 = posting("v3", "d6", T0 + 8 * D, 3, "", ["x: v"]);
  const ms = [...v1, ...v2, ...v3, reply("v1-a", "maint", T0 + D, v1[0])];
  const { outcome } = lifecycle(ms, [], [{ messageId: "v1-a", reviewer: "maint" }]);
  const keys = ["tree", "partial", "appliedPatches", "all", "outcome", "verdict", "at", "by", "evidence"];
  for (const id of ["v1", "v2", "v3"]) assert.deepEqual(Object.keys(outcome(id)), keys, id);
  const later = (id: string, at: number) => ({ messageId: id, rule: "later-revision", kind: "superseded", date: at });
  assert.equal(JSON.stringify(outcome("v1")), JSON.stringify({ tree: null, partial: false, appliedPatches: 0,
    all: [{ messageId: "v1-a", rule: "nak", kind: "nak", date: T0 + D }], outcome: "superseded",
    verdict: "rejected", at: T0 + 4 * D, by: "d6", evidence: later("v2", T0 + 4 * D) }));
  assert.equal(JSON.stringify(outcome("v2")), JSON.stringify({ tree: null, partial: false, appliedPatches: 0, all: [], outcome: "superseded",
    verdict: null, at: T0 + 8 * D, by: "d6", evidence: later("v3", T0 + 8 * D) }));
  assert.equal(JSON.stringify(outcome("v3")), JSON.stringify({ tree: null, partial: false, appliedPatches: 0, all: [], outcome: "pending",
    verdict: null, at: null, by: null, evidence: null }));
});
