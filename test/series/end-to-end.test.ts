// Series outcomes end to end: a synthetic mbox through the real parser (verdicts at ingest),
// the store, the analysis and the series / revision_groups tables. Quoted "Applied" text in a
// reply must decide nothing; a pw-bot line below it does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { openSource } from "../../loaders/sources/index.ts";
import { readCorpus, writeDerivedTables } from "../../loaders/analysis/store-io.ts";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { tempDir } from "../store/helpers.ts";
import { run as seriesCommand } from "../../loaders/commands/series.ts";

const DAY = 86400_000;
function mail(o: { id: string; from: string; subject: string; day: number; replyTo?: string; body: string[] }): string {
  const date = new Date(Date.UTC(2024, 6, 1) + o.day * DAY).toUTCString().replace("GMT", "+0000");
  return [
    "From mboxrd@z Thu Jan  1 00:00:00 1970", `From: ${o.from}`, "To: zoo@lists.example.org", `Subject: ${o.subject}`, `Date: ${date}`,
    `Message-ID: <${o.id}>`, ...(o.replyTo ? [`In-Reply-To: <${o.replyTo}>`, `References: <${o.replyTo}>`] : []), "", ...o.body, "", "",
  ].join("\n");
}
const DEV = "Dev One <dev1@example.org>", MAINT = "Mae Tainer <mae@example.org>", DEV2 = "Dee Two <dev2@example.org>";

function archive(): string {
  return [
    mail({ id: "a1@x", from: DEV, day: 0, subject: "[PATCH zoo-next 0/2] zoo: things", body: ["Two things."] }),
    mail({ id: "a1.1@x", from: DEV, day: 0, replyTo: "a1@x", subject: "[PATCH zoo-next 1/2] zoo: one", body: ["diff"] }),
    mail({ id: "a1.2@x", from: DEV, day: 0, replyTo: "a1@x", subject: "[PATCH zoo-next 2/2] zoo: two", body: ["diff"] }),
    mail({ id: "a1-cr@x", from: MAINT, day: 2, replyTo: "a1.1@x", subject: "Re: [PATCH zoo-next 1/2] zoo: one",
      body: ["Dev One wrote:", "> Applied, thanks!", "", "Please respin with the fix.", "", "pw-bot: cr"] }),
    mail({ id: "a2@x", from: DEV, day: 5, subject: "[PATCH zoo-next v2 0/2] Zoo: things", body: ["Two things, again."] }),
    mail({ id: "a2.1@x", from: DEV, day: 5, replyTo: "a2@x", subject: "[PATCH zoo-next v2 1/2] zoo: one", body: ["diff"] }),
    mail({ id: "a2.2@x", from: DEV, day: 5, replyTo: "a2@x", subject: "[PATCH zoo-next v2 2/2] zoo: two", body: ["diff"] }),
    mail({ id: "a2-pw@x", from: "patchwork-bot+zoo@kernel.org", day: 8, replyTo: "a2@x", subject: "Re: [PATCH zoo-next v2 0/2] Zoo: things", body: [
      "Hello:", "", "This series was applied to zoo/zoo-next.git (main)", `by ${MAINT}:`, "",
      "Here is the summary with links:", "  - [zoo-next,v2,1/2] zoo: one", "    https://git.kernel.org/zoo/zoo-next/c/0123456789ab",
      "  - [zoo-next,v2,2/2] zoo: two", "    (no matching commit)", "", "You are awesome, thank you!"] }),
    // Only quoted text says applied: pending.
    mail({ id: "b@x", from: DEV2, day: 1, subject: "[PATCH] zoo: quiet", body: ["diff"] }),
    mail({ id: "b-q@x", from: MAINT, day: 3, replyTo: "b@x", subject: "Re: [PATCH] zoo: quiet",
      body: ["On Tue, Dee Two wrote:", "> Applied to zoo-next, thanks", "", "Who said that? Not me."] }),
    // A maintainer's own "Applied, thanks!": applied by them.
    mail({ id: "c@x", from: DEV2, day: 2, subject: "[PATCH] zoo: loud", body: ["diff"] }),
    mail({ id: "c-ok@x", from: MAINT, day: 4, replyTo: "c@x", subject: "Re: [PATCH] zoo: loud", body: ["Applied, thanks!"] }),
  ].join("");
}

test("outcomes from real parsing: quoted 'Applied' decides nothing, pw-bot cr then a partial patchwork-bot application; tables queryable", async () => {
  const t = tempDir();
  try {
    const mbox = join(t.dir, "zoo.mbox");
    writeFileSync(mbox, archive());
    const store = await openStore(join(t.dir, "store"));
    try {
      await ingest(store, [openSource(`zoo=${mbox}`)], { lists: [{ name: "zoo", address: "zoo@lists.example.org" }] });
      const a = analyzeCorpus(await readCorpus(store, ["zoo"]), { deferLayout: () => {} });
      await writeDerivedTables(store, a);
      const rows = await store.query<Record<string, unknown>>(`SELECT series_id, revision_group, version, patches, outcome, verdict, outcome_by,
        outcome_evidence, outcome_rule, applied_to, partly_applied, applied_patches, interval_ms FROM series ORDER BY posted_at`);
      const by = new Map(rows.map((r) => [r.series_id, r]));
      assert.deepEqual(by.get("a1@x"), { series_id: "a1@x", revision_group: "a1@x", version: 1, patches: 2, outcome: "superseded", verdict: "changes_requested",
        outcome_by: "dev1@example.org", outcome_evidence: "a2@x", outcome_rule: "later-revision", applied_to: null, partly_applied: false, applied_patches: 0, interval_ms: null });
      assert.deepEqual(by.get("a2@x"), { series_id: "a2@x", revision_group: "a1@x", version: 2, patches: 2, outcome: "applied", verdict: "applied",
        outcome_by: "mae@example.org", outcome_evidence: "a2-pw@x", outcome_rule: "patchwork-bot-applied", applied_to: "zoo/zoo-next.git",
        partly_applied: true, applied_patches: 1, interval_ms: 5 * DAY });
      assert.equal(by.get("b@x")!.outcome, "pending");
      assert.deepEqual([by.get("c@x")!.outcome, by.get("c@x")!.outcome_by, by.get("c@x")!.outcome_rule], ["applied", "mae@example.org", "maintainer-applied"]);
      const groups = await store.query<Record<string, unknown>>(`SELECT revision_group, revisions, outcome, revisions_to_accept, time_to_accept_ms
        FROM revision_groups ORDER BY revision_group`);
      assert.deepEqual(groups.find((g) => g.revision_group === "a1@x"), { revision_group: "a1@x", revisions: 2, outcome: "applied", revisions_to_accept: 2, time_to_accept_ms: 8 * DAY });
    } finally {
      await store.close();
    }
    // `threadgraph series` from any message of the series (here a reply under v1's patch 1/2) prints the whole lifecycle.
    const out: string[] = [];
    const log = console.log;
    console.log = (s: string) => out.push(s);
    let code: number;
    try { code = await seriesCommand(["--store", join(t.dir, "store"), "--json", "a1-cr@x"]); } finally { console.log = log; }
    assert.equal(code, 0);
    const j = JSON.parse(out.join(""));
    assert.deepEqual(j.revisions.map((r: any) => [r.version, r.outcome, r.outcome_rule]), [[1, "superseded", "later-revision"], [2, "applied", "patchwork-bot-applied"]]);
    assert.equal(j.group.outcome, "applied");
    const err = console.error;
    console.error = () => {};
    try { assert.equal(await seriesCommand(["--store", join(t.dir, "store"), "--json", "nosuch@x"]), 1); } finally { console.error = err; }
  } finally {
    t.cleanup();
  }
});

test("b4 change-id and 'Link to v1' read at ingest group a renamed respin; quoted ones do not", async () => {
  const t = tempDir();
  try {
    const mbox = join(t.dir, "zoo.mbox");
    writeFileSync(mbox, [
      mail({ id: "r1@x", from: DEV, day: 0, subject: "[PATCH 0/1] zoo: first title", body: ["Cover.", "", "---", "change-id: 20240701-zoo-0123abcd"] }),
      mail({ id: "r1.1@x", from: DEV, day: 0, replyTo: "r1@x", subject: "[PATCH 1/1] zoo: step", body: ["diff"] }),
      mail({ id: "r2@x", from: DEV, day: 9, subject: "[PATCH v2 0/1] zoo: another title", body: ["Cover.", "",
        "- Link to v1: https://lore.kernel.org/r/r1@x", "", "---", "change-id: 20240701-zoo-0123abcd"] }),
      mail({ id: "r2.1@x", from: DEV, day: 9, replyTo: "r2@x", subject: "[PATCH v2 1/1] zoo: other step", body: ["diff"] }),
      mail({ id: "q1@x", from: DEV2, day: 1, subject: "[PATCH 0/1] zoo: quoted", body: ["Cover.", "> change-id: 20240701-zoo-0123abcd"] }),
      mail({ id: "q1.1@x", from: DEV2, day: 1, replyTo: "q1@x", subject: "[PATCH 1/1] zoo: quoted step", body: ["diff"] }),
    ].join(""));
    const store = await openStore(join(t.dir, "store"));
    try {
      await ingest(store, [openSource(`zoo=${mbox}`)], { lists: [{ name: "zoo", address: "zoo@lists.example.org" }] });
      const links = await store.query(`SELECT message_id, change_id, previous_revisions FROM messages WHERE change_id IS NOT NULL ORDER BY 1`);
      assert.deepEqual(links, [{ message_id: "r1@x", change_id: "20240701-zoo-0123abcd", previous_revisions: null },
        { message_id: "r2@x", change_id: "20240701-zoo-0123abcd", previous_revisions: ["r1@x"] }]);
      const a = analyzeCorpus(await readCorpus(store, ["zoo"]), { deferLayout: () => {} });
      await writeDerivedTables(store, a);
      const rows = await store.query(`SELECT series_id, revision_group FROM series ORDER BY series_id`);
      assert.deepEqual(rows, [{ series_id: "q1@x", revision_group: "q1@x" }, { series_id: "r1@x", revision_group: "r1@x" }, { series_id: "r2@x", revision_group: "r1@x" }]);
    } finally {
      await store.close();
    }
  } finally {
    t.cleanup();
  }
});

test("a reply saying where the next version is, read at ingest, joins a retitled v2 (evidence in series.joined_*); quoted and unrelated links do not", async () => {
  const t = tempDir();
  try {
    const mbox = join(t.dir, "zoo.mbox");
    writeFileSync(mbox, [
      mail({ id: "p1@x", from: DEV, day: 0, subject: "[PATCH] zoo: first wording", body: ["diff"] }),
      mail({ id: "p2@x", from: DEV, day: 6, subject: "[PATCH v2] zoo: completely new wording", body: ["diff"] }),
      mail({ id: "u1@x", from: DEV, day: 7, subject: "[PATCH] zoo: unrelated work", body: ["diff"] }),
      mail({ id: "p1-r@x", from: DEV, day: 6, replyTo: "p1@x", subject: "Re: [PATCH] zoo: first wording", body: [
        "Mae Tainer wrote:", "> v9: https://lore.kernel.org/r/u1@x", "", "See also https://lore.kernel.org/r/u1@x", "",
        "Please ignore, I sent v2 here: https://lore.kernel.org/r/p2@x"] }),
    ].join(""));
    const store = await openStore(join(t.dir, "store"));
    try {
      await ingest(store, [openSource(`zoo=${mbox}`)], { lists: [{ name: "zoo", address: "zoo@lists.example.org" }] });
      assert.deepEqual(await store.query(`SELECT message_id, revision_links, revision_link_rules FROM messages WHERE revision_links IS NOT NULL`),
        [{ message_id: "p1-r@x", revision_links: ["p2@x"], revision_link_rules: ["version-link"] }]);
      const a = analyzeCorpus(await readCorpus(store, ["zoo"]), { deferLayout: () => {} });
      await writeDerivedTables(store, a);
      const rows = await store.query(`SELECT series_id, revision_group, outcome, joined_by, joined_evidence FROM series ORDER BY series_id`);
      assert.deepEqual(rows, [
        { series_id: "p1@x", revision_group: "p1@x", outcome: "superseded", joined_by: null, joined_evidence: null },
        { series_id: "p2@x", revision_group: "p1@x", outcome: "pending", joined_by: "link:version-link", joined_evidence: "p1-r@x" },
        { series_id: "u1@x", revision_group: "u1@x", outcome: "pending", joined_by: null, joined_evidence: null }]);
    } finally {
      await store.close();
    }
    // `threadgraph series --json` without a message: the per-list figures, netdev-comparable block labelled.
    const log = console.log, out: string[] = [];
    console.log = (x: string) => { out.push(x); };
    try { assert.equal(await seriesCommand(["--store", join(t.dir, "store"), "--json"]), 0); } finally { console.log = log; }
    const j = JSON.parse(out.join(""));
    assert.deepEqual(j.lists.map((l: { list: string }) => l.list), ["zoo", "*"]);
    assert.deepEqual([j.lists[0].series.groups, j.lists[0].series.applied, j.lists[0].series.never_answered_share], [2, 0, 1]);
    assert.deepEqual([j.lists[0].netdev_comparable.messages, j.lists[0].netdev_comparable.people, j.lists[0].netdev_comparable.posted_only_share], [4, 1, 1]);
  } finally {
    t.cleanup();
  }
});
