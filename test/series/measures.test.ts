// Series measures in analyzeCorpus: time to acceptance censored at the end of observation of the
// group's lists (not the window end), revisions before acceptance, never answered, and reviewer
// load from MAINTAINERS roles (only when the subsystem tables are there).
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { buildSeries } from "../../loaders/analysis/build-series.ts";
import { corpus, D, T0 } from "../analysis/fixture.ts";
import { posting, reply, verdict } from "./helpers.ts";
import type { AnalysisMessage } from "../../loaders/model/corpus.ts";

function withSources(ms: AnalysisMessage[]) {
  // alpha's archive ends at T0 + 20 d, beta's at T0 + 50 d (their last messages).
  for (const m of ms) m.sources = [m.lists.includes("beta") ? "src-beta" : "src-alpha"];
  const c = corpus(ms);
  c.sources = [{ source: "src-alpha", list: "alpha", messages: 0 }, { source: "src-beta", list: "beta", messages: 0 }];
  return c;
}

test("time to acceptance: applied at the verdict after the first revision; unapplied censored at their lists' end", () => {
  const ms = [
    ...posting("a1", "dev", T0, 1, "", ["x: a"]), ...posting("a2", "dev", T0 + 4 * D, 2, "", ["x: a"]),
    ...posting("b1", "dev2", T0 + 2 * D, 1, "", ["x: b"]),
    ...posting("c1", "dev3", T0 + 10 * D, 1, "", ["x: c"], { lists: ["beta"] }),
    ...posting("late-a", "other", T0 + 20 * D, 1, "", ["x: end of alpha"]),
    ...posting("late-b", "other", T0 + 50 * D, 1, "", ["x: end of beta"], { lists: ["beta"] }),
  ];
  const ok = reply("a2-ok", "maint", T0 + 7 * D, ms.find((m) => m.id === "a2")!);
  const c = withSources([...ms, ok]);
  c.verdicts = [verdict("a2-ok", "applied", "maintainer-applied")];
  const a = analyzeCorpus(c, { deferLayout: () => {} });
  const g = (id: string) => a.series.groups.find((x) => x.id === id)!;
  assert.deepEqual([g("a1").accepted, g("a1").time, g("a1").revisionsToAccept], [true, 7 * D, 2]);
  assert.deepEqual([g("b1").accepted, g("b1").time], [false, 18 * D], "censored at alpha's end, not beta's");
  assert.deepEqual([g("c1").accepted, g("c1").time], [false, 40 * D], "censored at beta's end");
  const art = buildSeries(a);
  const all = art.curves.find((x) => x.group === "all")!;
  assert.deepEqual([all.n, all.events, all.censored], [5, 1, 4]);
  assert.equal(art.curves.find((x) => x.group === "list:beta")!.events, 0);
  assert.deepEqual(art.revisions_to_accept, [{ revisions: 2, groups: 1 }]);
  assert.equal(art.totals.never_answered, 4, "only a's group got a reply from someone else");
  assert.equal(art.reviewer_load, null, "no subsystem tables: no reviewer load");
});

test("reviewer load: series touching a maintainer's sections, answered and applied by them", () => {
  const ms = [...posting("a", "dev", T0, 1, "", ["x: a"]), ...posting("b", "dev", T0 + D, 1, "", ["x: b"]), ...posting("c", "dev2", T0, 1, "", ["y: c"])];
  const ok = reply("a-ok", "maint", T0 + 2 * D, ms[0]);
  const c = corpus([...ms, ok]);
  c.verdicts = [verdict("a-ok", "applied", "maintainer-applied")];
  c.subsystems = new Map([["a", ["ZOO"]], ["b", ["ZOO"]], ["c", ["BAR"]]]);
  c.maintainerRoles = [{ personId: "maint", subsystem: "ZOO", role: "maintainer" }, { personId: "rev", subsystem: "BAR", role: "reviewer" }];
  const art = buildSeries(analyzeCorpus(c, { deferLayout: () => {} }));
  assert.deepEqual(art.reviewer_load!.map((r) => [r.person.id, r.subsystems, r.touching, r.answered, r.applied]),
    [["maint", ["ZOO"], 2, 1, 1], ["rev", ["BAR"], 1, 0, 0]]);
  assert.ok(art.curves.some((x) => x.group === "subsystem:ZOO"));
});
