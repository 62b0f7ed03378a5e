// seriesListStats stays linear in the size of a revision: one applied series of N patches, each
// answered with a review tag. Membership was tested with members.includes per message and per
// ancestor step (N x N: minutes at N = 200k); a hang guard, not a timing measurement.
import { test } from "node:test";
import assert from "node:assert/strict";
import { seriesListStats } from "../../loaders/analysis/series-stats.ts";
import type { Analysis } from "../../loaders/analysis/analyze.ts";
import { msg, trailer, T0 } from "../analysis/fixture.ts";

/** Just what seriesListStats reads of an analysis: one thread, one revision of n patches (applied), a tagged reply to each patch. */
function bigSeries(n: number): Analysis {
  const messages = [], parent = new Int32Array(2 * n), revisionOf = new Int32Array(2 * n);
  for (let k = 0; k < n; k++) {
    messages.push(msg(`p${k}`, "dev", T0 + k, { patch: { version: 1, index: k + 1, total: n }, irt: k ? "p0" : undefined }));
    parent[k] = k ? 0 : -1;
  }
  for (let k = 0; k < n; k++) { messages.push(msg(`r${k}`, "rev", T0 + n + k, { irt: `p${k}` })); parent[n + k] = k; }
  const trailers = Array.from({ length: n }, (_, k) => trailer(`r${k}`, "reviewed-by", "rev"));
  const members = Array.from({ length: n }, (_, k) => k);
  return {
    corpus: { messages, trailers, people: [], lists: ["alpha"], sources: [] },
    tr: { threading: { parent, threadId: messages.map(() => "p0") }, threads: [{ id: "p0", root: 0, sender: "dev", members: messages.map((_, i) => i) }], threadIndex: new Map([["p0", 0]]) },
    series: {
      lifecycle: { revisions: [{ members, lists: ["alpha"], author: "dev" }], revisionOf, outcomes: [{ outcome: "applied" }] },
      groups: [{ group: 0, author: "dev", lists: ["alpha"], applied: 0, time: 1000, accepted: true, revisionsToAccept: 1, answered: true }],
    },
    bots: new Set(), windowStart: T0, windowEnd: T0 + 86400_000,
  } as unknown as Analysis;
}

// A hang guard, not a timing: about 1 s now, 94 s when each reply scanned the series' members
// (a synchronous call, so the test's own timeout could not stop it).
test("per-list series figures over one applied series of 200k patches, each reviewed: seconds, not minutes", () => {
  const n = 200_000;
  const a = bigSeries(n);
  const t = Date.now();
  const [alpha, all] = seriesListStats(a);
  const s = (Date.now() - t) / 1000;
  assert.ok(s < 30, `seriesListStats took ${s} s`);
  for (const x of [alpha, all]) {
    assert.deepEqual([x.messages, x.people, x.applied_patches, x.applied_patches_reviewed_share], [2 * n, 2, n, 1]);
    assert.deepEqual([x.posted_only_share, x.replied_only_share], [0.5, 0.5]);
  }
});
