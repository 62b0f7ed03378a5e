import { test } from "node:test";
import assert from "node:assert/strict";
import { buildThreads } from "../../loaders/thread/index.ts";
import { msg, H, T0 } from "../analysis/fixture.ts";

const seriesOf = (ms: { id: string }[], r: ReturnType<typeof buildThreads>, id: string) => r.series[ms.findIndex((m) => m.id === id)];

test("patches threaded under a cover letter, and replies to them, share the cover's series id", () => {
  const ms = [
    msg("cover", "dev", T0, { subject: "[PATCH v2 0/3] widgets", patch: { version: 2, index: 0, total: 3, isCover: true } }),
    msg("p1", "dev", T0 + 1000, { irt: "cover", patch: { version: 2, index: 1, total: 3 } }),
    msg("p2", "dev", T0 + 2000, { irt: "cover", patch: { version: 2, index: 2, total: 3 } }),
    msg("p3", "dev", T0 + 3000, { irt: "p2", patch: { version: 2, index: 3, total: 3 } }), // shallow chain
    msg("rev", "maint", T0 + H, { irt: "p2", refs: ["cover", "p2"] }),
    msg("other", "someone", T0 + H),
  ];
  const r = buildThreads(ms);
  for (const id of ["cover", "p1", "p2", "p3", "rev"]) assert.equal(seriesOf(ms, r, id), "cover", id);
  assert.equal(seriesOf(ms, r, "other"), null);
  const t = r.threads.find((t) => t.id === "cover")!;
  assert.equal(t.isSeries, true);
  assert.equal(t.seriesId, "cover");
  assert.equal(t.members.length, 5);
  assert.deepEqual(t.participants, ["dev", "maint"]);
});

test("unthreaded patches join the cover by subject (same author, version, total, within hours)", () => {
  const ms = [
    msg("c", "dev", T0, { patch: { version: 1, index: 0, total: 2, isCover: true } }),
    msg("q1", "dev", T0 + 60_000, { patch: { version: 1, index: 1, total: 2 } }),
    msg("q2", "dev", T0 + 120_000, { patch: { version: 1, index: 2, total: 2 } }),
    // same shape, other author: not part of it
    msg("z1", "other", T0 + 60_000, { patch: { version: 1, index: 1, total: 2 } }),
    // same author, a day later: a different posting
    msg("late", "dev", T0 + 30 * H, { patch: { version: 1, index: 2, total: 2 } }),
  ];
  const r = buildThreads(ms);
  assert.equal(seriesOf(ms, r, "q1"), "c");
  assert.equal(seriesOf(ms, r, "q2"), "c");
  assert.equal(seriesOf(ms, r, "z1"), "z1");
  assert.equal(seriesOf(ms, r, "late"), "late");
  // Threads stay as the headers say: the unthreaded patches are their own threads.
  assert.equal(r.threads.length, 5);
});

test("a v2 cover sent in reply to v1 starts its own series; a lone patch is not a series", () => {
  const ms = [
    msg("v1", "dev", T0, { patch: { version: 1, index: 0, total: 2, isCover: true } }),
    msg("v1p1", "dev", T0 + 1000, { irt: "v1", patch: { version: 1, index: 1, total: 2 } }),
    msg("v2", "dev", T0 + 48 * H, { irt: "v1", patch: { version: 2, index: 0, total: 2, isCover: true } }),
    msg("v2p1", "dev", T0 + 48 * H + 1000, { irt: "v2", patch: { version: 2, index: 1, total: 2 } }),
    msg("single", "dev2", T0 + H, { patch: {} }),
    msg("re-single", "rev", T0 + 2 * H, { irt: "single" }),
  ];
  const r = buildThreads(ms);
  assert.equal(seriesOf(ms, r, "v1p1"), "v1");
  assert.equal(seriesOf(ms, r, "v2"), "v2");
  assert.equal(seriesOf(ms, r, "v2p1"), "v2");
  assert.equal(seriesOf(ms, r, "single"), null);
  assert.equal(seriesOf(ms, r, "re-single"), null);
  assert.equal(r.threads.find((t) => t.id === "single")!.isSeries, false);
});

test("a series needs a cover, n/m with m > 1 or several linked patches; [PATCH] and 1/1 are patches", () => {
  const ms = [
    msg("lone", "a", T0, { patch: {} }),
    msg("one", "b", T0, { patch: { index: 1, total: 1 } }),
    msg("re-one", "c", T0 + H, { irt: "one" }),
    msg("two", "d", T0, { patch: { index: 2, total: 2 } }),        // 2/2 whose 1/2 is missing: still a series
    msg("c0", "e", T0, { patch: { index: 0, total: 1, isCover: true } }), // a cover makes a series
    msg("c1", "e", T0 + 1, { irt: "c0", patch: { index: 1, total: 1 } }),
  ];
  const r = buildThreads(ms);
  assert.deepEqual(ms.map((m) => seriesOf(ms, r, m.id)), [null, null, null, "two", "c0", "c0"]);
  assert.deepEqual(r.threads.map((t) => [t.id, t.isSeries]).sort(), [["c0", true], ["lone", false], ["one", false], ["two", true]]);
});
