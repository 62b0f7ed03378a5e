// Report window (whole analysis restricted to [since, until)) and detail-page caps.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { parseWindow, windowCorpus } from "../../loaders/analysis/run.ts";
import { siteFiles } from "../../loaders/analysis/site.ts";
import { corpus, msg, trailer, D, H, T0 } from "./fixture.ts";

const ms = [
  msg("old", "ann", T0 - 10 * D),                                  // root before the window
  msg("r1", "bob", T0 + H, { irt: "old", refs: ["old"] }),        // reply in the window to it
  msg("r2", "ann", T0 + 2 * H, { irt: "r1", refs: ["old", "r1"] }),
  msg("new", "cat", T0 + D),
  msg("late", "dan", T0 + 40 * D, { irt: "new" }),                // after the window
];

test("report window: only messages in [since, until); a reply to an earlier root keeps its thread id", () => {
  const w = parseWindow({ since: "2024-07-01", until: "2024-08-01" });
  const c = windowCorpus(corpus(ms, [trailer("late", "reviewed-by", "dan")]), w.start, w.end);
  assert.deepEqual(c.messages.map((m) => m.id), ["r1", "r2", "new"]);
  assert.equal(c.trailers.length, 0);
  const a = analyzeCorpus(c, { windowStart: w.start, windowEnd: w.end, window: { since: "2024-07-01", until: "2024-08-01" } });
  const tid = (id: string) => a.tr.threading.threadId[c.messages.findIndex((m) => m.id === id)];
  assert.equal(tid("r1"), "old");   // same thread id as a whole-store analysis gives
  assert.equal(tid("r2"), "old");
  const whole = analyzeCorpus(corpus(ms));
  assert.equal(whole.tr.threading.threadId[1], "old");
  // r2 -> r1 is in the window; r1 -> old is not (its parent is outside).
  assert.deepEqual(a.replies.map((e) => [e.from, e.to]), [["ann", "bob"]]);
  const meta = JSON.parse(siteFiles(a, "v", Date.now()).get("meta.json")!);
  assert.deepEqual(meta.window, { start: w.start, end: w.end, since: "2024-07-01", until: "2024-08-01" });
  assert.equal(meta.counts.messages, 3);
  assert.throws(() => parseWindow({ since: "nope" }), /not a date/);
  assert.throws(() => parseWindow({ since: "2024-08-01", until: "2024-07-01" }), /not after/);
  assert.deepEqual(windowCorpus(corpus(ms)).messages.length, 5); // no window: all data
});

test("detail caps: people with at least N messages up to a cap; top threads + cross-posted + fetched", () => {
  const many = [
    ...Array.from({ length: 6 }, (_, i) => msg(`a${i}`, "ann", T0 + i * H)),                 // ann: 6 messages
    ...Array.from({ length: 3 }, (_, i) => msg(`b${i}`, "bob", T0 + i * H, { irt: "a0" })), // bob: 3
    msg("x", "cat", T0, { lists: ["alpha", "beta"] }), msg("x1", "dan", T0 + H, { irt: "x", lists: ["alpha", "beta"] }),
    msg("x2", "eve", T0 + 2 * H, { irt: "x1", lists: ["alpha", "beta"] }),                   // cross-posted, 3 msgs
    msg("f", "gil", T0, { fetched: true }),                                                  // fetched, 1 msg
  ];
  const a = analyzeCorpus(corpus(many), { details: { people: 5, personMinMessages: 3, threads: 1, crossPosted: 1 } });
  assert.deepEqual([...a.personDetail].sort(), ["ann", "bob"]);
  assert.deepEqual([...a.threadDetail].sort(), ["a0", "f", "x"]);
  const capped = analyzeCorpus(corpus(many), { details: { people: 1, personMinMessages: 1, threads: 0, crossPosted: 0 } });
  assert.deepEqual([...capped.personDetail], ["ann"]);
  assert.deepEqual([...capped.threadDetail], ["f"]);
  // Tables still list everyone; only rows with a page say detail: true.
  const files = siteFiles(a, "v", Date.now());
  const people = JSON.parse(files.get("people.json")!).rows;
  assert.equal(people.length, 6);
  assert.equal(people.filter((r: { detail: boolean }) => r.detail).length, 2);
  const meta = JSON.parse(files.get("meta.json")!);
  assert.equal(meta.person_keys.length, 2);
  assert.equal(meta.thread_keys.length, 3);
});
