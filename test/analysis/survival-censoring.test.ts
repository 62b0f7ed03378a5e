// Censoring of unanswered threads: at the end of observation of the lists a thread reached
// (each list's own source), never at the store's latest date reached through another archive.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { censorAtListEnds, listObservationEnds } from "../../loaders/analysis/survival.ts";
import { corpus, msg, D, T0 } from "./fixture.ts";
import type { AnalysisMessage } from "../../loaders/model/corpus.ts";

const from = (source: string, m: AnalysisMessage): AnalysisMessage => ({ ...m, sources: [source] });

// alpha's own archive ends at day 10, beta's at day 100. A late alpha+beta cross-post (day 90)
// is seen only through beta's archive, so it must not stretch alpha's end.
function fixture() {
  const ms = [
    from("mbox:alpha", msg("a", "ann", T0 + 2 * D)),                                    // alpha only, unanswered
    from("mbox:alpha", msg("last-a", "zed", T0 + 10 * D)),                             // alpha's last message
    from("mbox:beta", msg("x", "bob", T0 + 5 * D, { lists: ["alpha", "beta"] })),     // cross-posted, unanswered
    from("mbox:beta", msg("b", "cat", T0 + 20 * D, { lists: ["beta"] })),             // beta only, unanswered
    from("mbox:beta", msg("late", "dan", T0 + 90 * D, { lists: ["alpha", "beta"] })), // late cross-post
    from("mbox:beta", msg("last-b", "eve", T0 + 100 * D, { lists: ["beta"] })),
  ];
  const c = corpus(ms, [], [], ["alpha", "beta"]);
  c.sources = [{ source: "mbox:alpha", list: "alpha", messages: 2 }, { source: "mbox:beta", list: "beta", messages: 4 }];
  return c;
}

test("unanswered threads are censored at the earliest end of observation among their lists", () => {
  const a = analyzeCorpus(fixture());
  const t = (key: string) => a.observations.find((o) => o.kind === "thread" && o.key === key)!;
  assert.deepEqual([t("a").answered, t("a").time], [false, 8 * D]);   // alpha ends at day 10, not day 100
  assert.deepEqual([t("x").answered, t("x").time], [false, 5 * D]);   // alpha+beta: the earlier end (alpha's)
  assert.deepEqual([t("b").answered, t("b").time], [false, 80 * D]);  // beta ends at day 100
  assert.equal(a.windowEnd, T0 + 100 * D);
});

test("an analysis window end caps every list's end of observation", () => {
  const a = analyzeCorpus(fixture(), { windowEnd: T0 + 7 * D });
  const t = (key: string) => a.observations.find((o) => o.kind === "thread" && o.key === key)!;
  assert.equal(t("a").time, 5 * D);
  assert.equal(t("b").time, 0); // started after the window end: censored at once, never negative
});

test("a list without an own source is observed as long as the sources carrying it", () => {
  const ms = [
    from("mbox:alpha", msg("p", "ann", T0, { lists: ["alpha"] })),
    from("mbox:alpha", msg("q", "bob", T0 + 3 * D, { lists: ["alpha", "beta"] })), // beta's only message
    from("mbox:alpha", msg("r", "cat", T0 + 9 * D, { lists: ["alpha"] })),
    msg("s", "dan", T0 + 20 * D, { lists: ["gamma"] }),                            // no source at all
  ];
  const ends = listObservationEnds(ms, (i) => (i < 3 ? ["alpha"] : []));
  assert.deepEqual([...ends].sort(), [["alpha", T0 + 9 * D], ["beta", T0 + 9 * D], ["gamma", T0 + 20 * D]]);
  const at = censorAtListEnds(ends, 42);
  assert.equal(at(["delta"]), 42);
  assert.equal(at([]), 42);
  assert.equal(at(["gamma", "beta", "delta"]), T0 + 9 * D);
});
