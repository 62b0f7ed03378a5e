// Report window (whole analysis restricted to [since, until)).
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { parseWindow, storeHistory, windowCorpus } from "../../loaders/analysis/run.ts";
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

test("store history: each list's first date and any list's ('*'), over every dated message; senders before the window start", () => {
  const c = corpus([
    msg("u", "zed", null, { lists: ["alpha", "beta"] }),            // undated: no date to count
    msg("b2", "bob", T0 + 3 * D, { lists: ["beta"] }),
    msg("a1", "ann", T0 + 2 * D, { lists: ["alpha", "beta"] }),
    msg("g", "gus", T0 + D, { lists: [] }),                         // on no tracked list: counts for '*' only
    msg("s", "sid", T0 + 5 * D, { lists: ["*"] }),                  // a list named like the key of any list
  ]);
  const h = storeHistory(c, T0 + 2 * D + 1);
  assert.deepEqual({ ...h.firstDate }, { "*": T0 + D, beta: T0 + 2 * D, alpha: T0 + 2 * D });
  assert.deepEqual([...h.priorSenders].sort(), ["ann", "gus"]);
  assert.deepEqual([...storeHistory(c).priorSenders], []); // no window start: nobody is prior
});
