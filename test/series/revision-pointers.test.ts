// Revision groups joined through pointers in the mail ("v2 is at <link>"), forward and backward.
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildThreads } from "../../loaders/thread/index.ts";
import { buildSeriesLifecycle, type RevisionLinks } from "../../loaders/series/index.ts";
import type { AnalysisMessage } from "../../loaders/model/corpus.ts";
import { D, H, T0 } from "../analysis/fixture.ts";
import { posting, reply } from "./helpers.ts";

const find = (ms: AnalysisMessage[], id: string) => ms.find((m) => m.id === id)!;
const ptr = (...ids: string[]) => ({ changeId: null, previous: [], pointers: ids.map((id) => ({ id, rule: "version-link" })) });

function lifecycle(ms: AnalysisMessage[], links: RevisionLinks) {
  const lc = buildSeriesLifecycle(ms, buildThreads(ms), [], [], (id) => id.startsWith("bot"), links);
  const rev = (id: string) => lc.revisions.findIndex((r) => r.id === id);
  const group = (id: string) => lc.grouping.groups[lc.grouping.groupOf[rev(id)]].revisions.map((r) => lc.revisions[r].id);
  return { lc, rev, group };
}

test("a reply under v1 pointing to v2 joins v2 (retitled) to v1's group, with the evidence; a posting's link back to v1 does too", () => {
  const base = [
    ...posting("a1", "dev", T0, 1, "zoo: widgets", ["zoo: add widget", "zoo: use widget"]),
    ...posting("a2", "dev", T0 + 6 * D, 2, "zoo: gadgets instead", ["zoo: add gadget", "zoo: use gadget"]),
  ];
  const ms = [...base, reply("a1-r", "dev", T0 + 6 * D + H, find(base, "a1"))];
  const { lc, rev, group } = lifecycle(ms, new Map([["a1-r", ptr("a2")]]));
  assert.deepEqual(group("a1"), ["a1", "a2"]);
  assert.deepEqual(lc.grouping.joinedBy[rev("a2")], { rule: "link", linkRule: "version-link", messageId: "a1-r" });
  assert.equal(lc.outcomes[rev("a1")].outcome, "superseded");
  // Without the pointer the titles differ: two groups (the test above fails without the link).
  assert.equal(lifecycle(ms, new Map()).lc.grouping.groups.length, 2);
  // Backward: v2's own cover (or a reply under v2) naming v1's patch.
  for (const [holder, links] of [["a2", ptr("a1.2")], ["a2-r", ptr("a1")]] as const) {
    const withReply = [...base, reply("a2-r", "reviewer", T0 + 7 * D, find(base, "a2"))];
    const l = lifecycle(withReply, new Map([[holder, links]]));
    assert.deepEqual(l.group("a2"), ["a1", "a2"], holder);
    assert.equal(l.lc.grouping.joinedBy[l.rev("a2")]?.messageId, holder);
  }
});

test("another participant's pointer counts; a bot's, or one to another author's series, or into the same posting, does not", () => {
  const base = [
    ...posting("a1", "dev", T0, 1, "zoo: widgets", ["zoo: add widget"]),
    ...posting("a2", "dev", T0 + 6 * D, 2, "zoo: other words", ["zoo: other patch"]),
    ...posting("x1", "stranger", T0 + 7 * D, 1, "zoo: unrelated", ["zoo: unrelated patch"]),
  ];
  const ms = [...base, reply("p", "reviewer", T0 + 7 * D, find(base, "a1")), reply("b", "bot-ci", T0 + 7 * D, find(base, "a1"))];
  assert.deepEqual(lifecycle(ms, new Map([["p", ptr("a2")]])).group("a1"), ["a1", "a2"]);
  assert.deepEqual(lifecycle(ms, new Map([["b", ptr("a2")]])).group("a1"), ["a1"], "a bot's pointer");
  const l = lifecycle(ms, new Map([["p", ptr("x1", "a1")]]));
  assert.deepEqual(l.group("a1"), ["a1"], "another author's series never joins");
  assert.deepEqual(l.group("x1"), ["x1"]);
  assert.equal(l.lc.outcomes[l.rev("a1")].outcome, "pending");
});

test("two series, one subject: the pointer puts v2 with the series it answers, not the most recent one", () => {
  const base = [
    ...posting("a1", "dev", T0, 1, "zoo: fixes", ["zoo: fix alpha", "zoo: fix beta"]),
    ...posting("b1", "dev", T0 + D, 1, "zoo: fixes", ["zoo: fix gamma", "zoo: fix delta"]),
    ...posting("a2", "dev", T0 + 5 * D, 2, "zoo: fixes", ["zoo: fix alpha", "zoo: fix beta v2"]),
  ];
  const ms = [...base, reply("a1-r", "dev", T0 + 5 * D + H, find(base, "a1"))];
  // By title alone v2 continues the most recent group of that title (b1's): the trap.
  assert.deepEqual(lifecycle(ms, new Map()).group("a2"), ["b1", "a2"]);
  const { group, lc, rev } = lifecycle(ms, new Map([["a1-r", ptr("a2")]]));
  assert.deepEqual(group("a2"), ["a1", "a2"]);
  assert.deepEqual(group("b1"), ["b1"]);
  assert.equal(lc.outcomes[rev("b1")].outcome, "pending");
});

test("a pointer whose later revision has a lower version joins nothing (another series of the same author), but a v1 after RFC rounds does", () => {
  const base = [
    ...posting("x5", "dev", T0, 5, "zoo: feature", ["zoo: feature"]),
    ...posting("y2", "dev", T0 + 3 * D, 2, "bar: unrelated fix", ["bar: unrelated fix"]),
    ...posting("r1", "dev", T0 + 6 * D, 1, "zoo: feature, renamed", ["zoo: feature, renamed"]),
  ];
  const ms = [...base, reply("y2-r", "dev", T0 + 4 * D, find(base, "y2")), reply("x5-r", "dev", T0 + 7 * D, find(base, "x5"))];
  assert.deepEqual(lifecycle(ms, new Map([["y2-r", ptr("x5")]])).group("y2"), ["y2"], "v2 after v5: not its next revision");
  assert.deepEqual(lifecycle(ms, new Map([["x5-r", ptr("r1")]])).group("x5"), ["x5", "r1"], "renumbered from v1");
});
