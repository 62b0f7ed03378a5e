import { test } from "node:test";
import assert from "node:assert/strict";
import { buildThreads, threadMessages, cleanRefs } from "../../loaders/thread/index.ts";
import { msg, H, T0 } from "../analysis/fixture.ts";

const idx = (ms: { id: string }[], id: string) => ms.findIndex((m) => m.id === id);

test("a reply chain is one thread rooted at the first message, with depths and parents", () => {
  const ms = [
    msg("a", "p1", T0),
    msg("b", "p2", T0 + H, { irt: "a" }),
    msg("c", "p3", T0 + 2 * H, { irt: "b", refs: ["a", "b"] }),
    msg("d", "p1", T0 + 3 * H, { irt: "a" }),
    msg("x", "p4", T0 + 4 * H),
  ];
  const th = threadMessages(ms);
  assert.deepEqual(th.threadId, ["a", "a", "a", "a", "x"]);
  assert.deepEqual([...th.depth], [0, 1, 2, 1, 0]);
  assert.deepEqual([...th.parent], [-1, 0, 1, 0, -1]);
  assert.equal(th.stats.phantoms, 0);
});

test("replies to a missing message share a phantom-rooted thread; parent is null", () => {
  const ms = [
    msg("r1", "p1", T0 + H, { irt: "gone" }),
    msg("r2", "p2", T0 + 2 * H, { irt: "gone" }),
    msg("r3", "p3", T0 + 3 * H, { refs: ["gone", "r2"], irt: "r2" }),
  ];
  const th = threadMessages(ms);
  assert.deepEqual(th.threadId, ["gone", "gone", "gone"]);
  assert.deepEqual([...th.parent], [-1, -1, 1]);
  assert.deepEqual(th.parentId, ["gone", "gone", "r2"]);
  assert.equal(th.stats.phantoms, 1);
  const { threads } = buildThreads(ms);
  assert.equal(threads.length, 1);
  assert.equal(threads[0].rootIsPhantom, true);
  assert.equal(ms[threads[0].root].id, "r1");
  assert.equal(threads[0].depth, 1);
});

test("mutual references do not loop: the link that would close the cycle is refused and counted", () => {
  const ms = [
    msg("m1", "p1", T0, { irt: "m2" }),
    msg("m2", "p2", T0 + H, { irt: "m1" }),
    msg("m3", "p3", T0 + 2 * H, { refs: ["m3", "", "m2", "m2"], irt: "m2" }),
  ];
  const th = threadMessages(ms);
  assert.equal(th.stats.loopsRefused, 1);
  assert.equal(new Set(th.threadId).size, 1);
  assert.equal(th.stats.badReferences, 1); // m3: self, empty and repeated references
  assert.equal(th.parent[idx(ms, "m3")], idx(ms, "m2"));
});

test("a message's own In-Reply-To wins over what other messages' References claimed", () => {
  const ms = [
    msg("a", "p1", T0),
    msg("c", "p2", T0 + H),
    // z arrives first (earlier date) and claims b's parent is a
    msg("z", "p3", T0 + 2 * H, { refs: ["a", "b"], irt: "b" }),
    msg("b", "p4", T0 + 3 * H, { irt: "c" }),
  ];
  const th = threadMessages(ms);
  assert.equal(th.parent[idx(ms, "b")], idx(ms, "c"));
  assert.equal(th.threadId[idx(ms, "z")], "c");
  assert.equal(th.threadId[idx(ms, "a")], "a");
});

test("threading does not depend on input order", () => {
  const ms = [
    msg("a", "p1", T0), msg("b", "p2", T0 + H, { irt: "a" }), msg("c", "p3", T0 + 2 * H, { refs: ["a", "b"], irt: "b" }),
    msg("q", "p1", T0 + 5 * H, { irt: "zz" }), msg("w", "p2", T0 + 6 * H, { refs: ["zz", "q"], irt: "q" }),
  ];
  const fwd = threadMessages(ms);
  const rev = threadMessages([...ms].reverse());
  for (const m of ms) {
    assert.equal(fwd.threadId[idx(ms, m.id)], rev.threadId[ms.length - 1 - idx(ms, m.id)]);
  }
});

test("In-Reply-To goes last even when References list it earlier; junk ids are dropped", () => {
  const m = msg("m", "p", T0, { refs: ["r1", "p0", "r2"], irt: "p0" });
  assert.deepEqual(cleanRefs(m).refs, ["r1", "r2", "p0"]);
  assert.deepEqual(cleanRefs(msg("k", "p", T0, { refs: ["", "k", "ok", "ok"] })).refs, ["ok"]);
  // an id with a blank inside is an id like any other (the parser keeps it as written)
  assert.deepEqual(cleanRefs(msg("k", "p", T0, { refs: ["has space", "ok"] })).refs, ["has space", "ok"]);
});

test("re-parenting several children of one container, one after another, keeps every other child in place", () => {
  // p's phantom gets children a, b, c, d from other messages' References; then b and d arrive with
  // their own parents (q, r) and leave p, one after the other; a and c stay under p.
  const ms = [
    msg("x1", "u1", T0, { refs: ["p", "a"], irt: "a" }),
    msg("x2", "u2", T0 + H, { refs: ["p", "b"], irt: "b" }),
    msg("x3", "u3", T0 + 2 * H, { refs: ["p", "c"], irt: "c" }),
    msg("x4", "u4", T0 + 3 * H, { refs: ["p", "d"], irt: "d" }),
    msg("b", "u5", T0 + 4 * H, { irt: "q" }),
    msg("d", "u6", T0 + 5 * H, { irt: "r" }),
    msg("a", "u7", T0 + 6 * H, { irt: "p" }),
  ];
  const th = threadMessages(ms);
  const of = (id: string) => [th.threadId[idx(ms, id)], th.depth[idx(ms, id)], th.parentId[idx(ms, id)]];
  assert.deepEqual(of("x1"), ["p", 2, "a"]);
  assert.deepEqual(of("a"), ["p", 1, "p"]);
  assert.deepEqual(of("x3"), ["p", 2, "c"]);
  assert.deepEqual(of("b"), ["q", 1, "q"]);
  assert.deepEqual(of("x2"), ["q", 2, "b"]);
  assert.deepEqual(of("d"), ["r", 1, "r"]);
  assert.deepEqual(of("x4"), ["r", 2, "d"]);
  assert.deepEqual(new Set(buildThreads(ms).threads.map((t) => t.id)), new Set(["p", "q", "r"]));
  assert.equal(buildThreads(ms).threads.reduce((n, t) => n + t.members.length, 0), ms.length);
  assert.equal(th.stats.loopsRefused, 0);
});
