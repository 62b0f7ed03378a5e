// pw-bot lines decide an outcome only from someone netdev's mailbot obeys (series/authority.ts):
// the series' author, a MAINTAINERS M:/R: of a section it touches or of its list, or, without
// MAINTAINERS, someone who applied patches on its list. Anyone else's line stays evidence.
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildThreads } from "../../loaders/thread/index.ts";
import { buildSeriesLifecycle, type MaintainerAuthority } from "../../loaders/series/index.ts";
import type { AnalysisMessage } from "../../loaders/model/corpus.ts";
import type { VerdictRecord } from "../../loaders/model/verdict.ts";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { corpus, D, T0 } from "../analysis/fixture.ts";
import { posting, reply, verdict } from "./helpers.ts";

const pw = (id: string, kind: VerdictRecord["kind"], who: string) => verdict(id, kind, "pw-bot", { personId: who });

function outcomes(ms: AnalysisMessage[], verdicts: VerdictRecord[], maintainers?: MaintainerAuthority) {
  const lc = buildSeriesLifecycle(ms, buildThreads(ms), verdicts, [], () => false, undefined, maintainers);
  return (id: string) => lc.outcomes[lc.revisions.findIndex((r) => r.id === id)];
}

/** Series "s" by dev on list alpha, and a pw-bot line from `who` under it. */
function oneLine(who: string, kind: VerdictRecord["kind"] = "changes-requested", extra: AnalysisMessage[] = [], extraVerdicts: VerdictRecord[] = []) {
  const s = posting("s", "dev", T0, 1, "", ["zoo: fix"], { lists: ["alpha"] });
  return { ms: [...s, reply("line", who, T0 + D, s[0]), ...extra], verdicts: [pw("line", kind, who), ...extraVerdicts] };
}

test("without MAINTAINERS: the author's line counts, a stranger's is kept as ignored evidence and decides nothing", () => {
  let { ms, verdicts } = oneLine("dev");
  assert.equal(outcomes(ms, verdicts)("s").outcome, "changes_requested");
  ({ ms, verdicts } = oneLine("stranger"));
  const o = outcomes(ms, verdicts)("s");
  assert.equal(o.outcome, "pending");
  assert.deepEqual(o.all.map((e) => [e.messageId, e.rule, e.ignored]), [["line", "pw-bot", "pw-bot-not-authorised"]]);
  // Not even 'accept': a stranger cannot mark a series applied.
  ({ ms, verdicts } = oneLine("stranger", "accepted"));
  assert.equal(outcomes(ms, verdicts)("s").outcome, "pending");
});

test("without MAINTAINERS: someone who applied patches on the series' list may; one who applied only on another list may not", () => {
  const other = posting("o", "dev2", T0, 1, "", ["zoo: other"], { lists: ["alpha"] });
  const elsewhere = posting("e", "dev3", T0, 1, "", ["bar: other"], { lists: ["beta"] });
  const applied = reply("ok", "maint", T0 + D, other[0]), appliedElsewhere = reply("ok2", "beta-maint", T0 + D, elsewhere[0]);
  const bot = reply("pwbot", "patchwork-bot", T0 + D, elsewhere[0]);
  let { ms, verdicts } = oneLine("maint", "changes-requested", [...other, applied], [verdict("ok", "applied", "maintainer-applied")]);
  assert.equal(outcomes(ms, verdicts)("s").outcome, "changes_requested", "applied on alpha");
  ({ ms, verdicts } = oneLine("beta-maint", "changes-requested", [...elsewhere, appliedElsewhere], [verdict("ok2", "applied", "b4-thanks")]));
  assert.equal(outcomes(ms, verdicts)("s").outcome, "pending", "applied on beta only");
  // The applier a patchwork-bot notice names counts as having applied (the bot itself does not).
  ({ ms, verdicts } = oneLine("named", "rejected", [...elsewhere, { ...bot, lists: ["alpha"] }],
    [verdict("pwbot", "applied", "patchwork-bot-applied", { personId: "named" })]));
  assert.equal(outcomes(ms, verdicts)("s").outcome, "pending", "named applier, but on beta");
  const onAlpha = posting("a", "dev4", T0, 1, "", ["zoo: third"], { lists: ["alpha"] });
  ({ ms, verdicts } = oneLine("named", "rejected", [...onAlpha, reply("pwbot", "patchwork-bot", T0 + D, onAlpha[0])],
    [verdict("pwbot", "applied", "patchwork-bot-applied", { personId: "named" })]));
  assert.equal(outcomes(ms, verdicts)("s").outcome, "rejected", "named applier on alpha");
});

test("with MAINTAINERS: M:/R: of a touched section or of a section listing the list may; a role elsewhere, or none, may not", () => {
  const maintainers = (subs: string[], roles: [string, string][], sectionLists: [string, string[]][] = []): MaintainerAuthority => ({
    roles: new Map(roles.map(([p, s]) => [p, new Set([s])])), subsystemsOf: (id) => (id.startsWith("s") ? subs : []), sectionLists: new Map(sectionLists) });
  const { ms, verdicts } = oneLine("rev");
  assert.equal(outcomes(ms, verdicts, maintainers(["ZOO DRIVER"], [["rev", "ZOO DRIVER"]]))("s").outcome, "changes_requested", "touched section");
  assert.equal(outcomes(ms, verdicts, maintainers([], [["rev", "ALPHA CORE"]], [["ALPHA CORE", ["alpha"]]]))("s").outcome, "changes_requested",
    "section whose L: is the list");
  assert.equal(outcomes(ms, verdicts, maintainers(["ZOO DRIVER"], [["rev", "BAR DRIVER"]], [["BAR DRIVER", ["beta"]]]))("s").outcome, "pending",
    "a role in an unrelated section");
  // With MAINTAINERS, having applied something on the list is not enough.
  const other = posting("o", "dev2", T0, 1, "", ["zoo: other"], { lists: ["alpha"] });
  const x = oneLine("maint", "changes-requested", [...other, reply("ok", "maint", T0 + D, other[0])], [verdict("ok", "applied", "maintainer-applied")]);
  assert.equal(outcomes(x.ms, x.verdicts)("s").outcome, "changes_requested", "fallback: an applier");
  assert.equal(outcomes(x.ms, x.verdicts, maintainers([], []))("s").outcome, "pending", "MAINTAINERS: no role");
  assert.equal(outcomes(ms, verdicts, maintainers([], []))("s").outcome, "pending", "MAINTAINERS: no role, not the author");
  const own = oneLine("dev");
  assert.equal(outcomes(own.ms, own.verdicts, maintainers([], []))("s").outcome, "changes_requested", "MAINTAINERS: the author");
});

test("the analysis recomputes outcomes once MAINTAINERS tables are known (as the analysis run does after subsystems)", () => {
  const { ms, verdicts } = oneLine("rev");
  const c = { ...corpus(ms), verdicts };
  const a = analyzeCorpus(c, { deferLayout: () => {} });
  const outcome = () => a.series.groups.find((g) => g.id === "s")!.outcome;
  assert.equal(outcome(), "pending", "no MAINTAINERS, not an applier");
  a.corpus.subsystems = new Map([["s", ["ZOO DRIVER"]]]);
  a.corpus.maintainerRoles = [{ personId: "rev", subsystem: "ZOO DRIVER", role: "reviewer" }];
  a.corpus.sectionLists = new Map([["ZOO DRIVER", ["alpha"]]]);
  a.series = a.series.recompute();
  assert.equal(outcome(), "changes_requested");
  assert.deepEqual(a.series.groups.find((g) => g.id === "s")!.subsystems, ["ZOO DRIVER"]);
});
