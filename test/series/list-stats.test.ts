// Per-list series figures and the netdev-comparable block (analysis/series-stats.ts) on a small
// synthetic corpus whose every figure is worked out by hand below.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { seriesListStats } from "../../loaders/analysis/series-stats.ts";
import type { AnalysisPerson, AnalysisTrailer } from "../../loaders/model/corpus.ts";
import { corpus, msg, D, T0 } from "../analysis/fixture.ts";
import { posting, reply, verdict } from "./helpers.ts";

const who = (id: string, email: string): AnalysisPerson => ({ id, name: id, email, emails: [email], isBot: false });
const tag = (messageId: string, kind: AnalysisTrailer["kind"], personId: string, email: string): AnalysisTrailer => ({ messageId, kind, personId, name: personId, email });

function fixture() {
  const s = posting("s", "dev", T0, 1, "zoo: pair", ["zoo: one", "zoo: two"]);
  const p = posting("p", "dev2", T0 + D, 1, "", ["zoo: lone"]);
  const q = posting("q", "dev3", T0 + D, 1, "", ["zoo: answered"]);
  const z = posting("z", "dev3", T0 + 2 * D, 1, "", ["zoo: ignored"]);
  const ms = [...s, ...p, ...q, ...z,
    reply("s-rev", "rev", T0 + D, s[1]),                 // Reviewed-by on patch 1 from another domain
    reply("s-ok", "maint", T0 + 2 * D, s[0]),            // applied, on the cover
    reply("p-ok", "maint", T0 + 3 * D, p[0]),
    reply("q-dev", "dev", T0 + 3 * D, q[0]),             // dev replies in a thread dev3 started: dev did both
    msg("talk", "talker", T0 + 4 * D, { subject: "a question" }),
    msg("bot-mail", "ci-bot", T0 + 4 * D, { irt: "s", bot: true }),
  ];
  const people = [who("dev", "dev@corp.example"), who("dev2", "dev2@corp.example"), who("col", "col@corp.example"),
    who("rev", "rev@other.example"), who("dev3", "dev3@third.example")];
  const trailers = [tag("s-rev", "reviewed-by", "rev", "rev@other.example"), tag("p", "acked-by", "col", "col@corp.example"),
    tag("s.2", "signed-off-by", "dev", "dev@corp.example")];
  const c = { ...corpus(ms, trailers, people, ["alpha"]), verdicts: [verdict("s-ok", "applied", "maintainer-applied"), verdict("p-ok", "applied", "maintainer-applied")] };
  return analyzeCorpus(c, { deferLayout: () => {}, windowStart: T0, windowEnd: T0 + 10 * D });
}

test("outcome figures per list: acceptance share, KM median days, revisions, never answered (and never applied)", () => {
  const [alpha, all] = seriesListStats(fixture());
  assert.equal(alpha.list, "alpha");
  assert.equal(all.list, "*");
  assert.deepEqual([alpha.groups, alpha.applied, alpha.acceptance_share], [4, 2, 0.5]);
  assert.equal(alpha.median_days_to_accept, 2, "s and p both applied after 2 days; q and z censored later: S drops to 0.5 at 2 d");
  assert.deepEqual([alpha.km_applied_30d, alpha.km_applied_90d], [0.5, 0.5], "q and z censored at the window end (10 d)");
  assert.deepEqual([alpha.median_revisions_to_accept, alpha.mean_revisions_to_accept], [1, 1]);
  assert.deepEqual([alpha.never_answered_share, alpha.never_answered_never_applied_share], [0.25, 0.25], "only z");
});

test("netdev-comparable: messages/day, people, role split, review tags on applied patches and series, cross-domain share", () => {
  const [alpha] = seriesListStats(fixture());
  // Messages on the list: s (cover + 2), p, q, z, 4 replies, talk, bot-mail = 12, over a 10-day window.
  assert.deepEqual([alpha.window_days, alpha.messages, alpha.messages_per_day], [10, 12, 1.2]);
  // Non-bot senders: dev (posted + replied to dev3's thread), dev2, dev3 (posted only), rev, maint (replied only), talker (neither).
  assert.equal(alpha.people, 6);
  assert.deepEqual([alpha.posted_only_share, alpha.replied_only_share, alpha.both_share, alpha.neither_share], [0.3333, 0.3333, 0.1667, 0.1667]);
  // Applied patches s.1 (Reviewed-by, other domain), s.2 (none: a Signed-off-by is no review), p (Acked-by carried, same domain).
  assert.deepEqual([alpha.applied_patches, alpha.applied_patches_reviewed_share, alpha.reviewed_patches_cross_domain_share], [3, 0.6667, 0.5]);
  assert.deepEqual([alpha.applied_series_reviewed_share, alpha.reviewed_series_cross_domain_share], [1, 0.5]);
});

test("a review tag in a reply to the cover letter counts for every patch of the applied series", () => {
  const s = posting("s", "dev", T0, 1, "zoo: trio", ["zoo: a", "zoo: b", "zoo: c"]);
  const ms = [...s, reply("ack", "rev", T0 + D, s[0]), reply("ok", "maint", T0 + 2 * D, s[0])];
  const c = { ...corpus(ms, [tag("ack", "acked-by", "rev", "rev@other.example")], [who("dev", "dev@corp.example")], ["alpha"]),
    verdicts: [verdict("ok", "applied", "maintainer-applied")] };
  const [alpha] = seriesListStats(analyzeCorpus(c, { deferLayout: () => {} }));
  assert.deepEqual([alpha.applied_patches, alpha.applied_patches_reviewed_share, alpha.reviewed_patches_cross_domain_share], [3, 1, 1]);
});
