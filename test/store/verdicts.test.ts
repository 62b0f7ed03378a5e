// The verdicts view end to end: a synthetic mbox ingested with the real parser, then queried.
// Also: pw-bot changes-requested / reject lines are NAK evidence in the naks view, NAKs show as
// 'rejected' verdicts, and a store written before verdicts existed still reads.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { openSource } from "../../loaders/sources/index.ts";
import { runAnalysis } from "../../loaders/analysis/run.ts";
import { tempDir } from "./helpers.ts";

let n = 0;
function mail(o: { id: string; from: string; subject: string; replyTo?: string; body: string[] }): string {
  const date = new Date(Date.UTC(2024, 6, 1) + ++n * 3_600_000).toUTCString().replace("GMT", "+0000");
  return [
    "From mboxrd@z Thu Jan  1 00:00:00 1970", `From: ${o.from}`, "To: zoo@lists.example.org", `Subject: ${o.subject}`, `Date: ${date}`,
    `Message-ID: <${o.id}>`, ...(o.replyTo ? [`In-Reply-To: <${o.replyTo}>`, `References: <${o.replyTo}>`] : []), "",
    ...o.body, "", "",
  ].join("\n");
}

const AUTHOR = "Dev One <dev1@example.org>";
const MAINT = "Mae Tainer <mae@example.org>";

function corpus(): string {
  return [
    mail({ id: "cover@x", from: AUTHOR, subject: "[PATCH zoo-next v2 0/2] zoo: things", body: ["Two things."] }),
    mail({ id: "p1@x", from: AUTHOR, subject: "[PATCH zoo-next v2 1/2] zoo: one", replyTo: "cover@x", body: ["Applied, thanks!", "", "Signed-off-by: Dev One <dev1@example.org>"] }),
    mail({ id: "bot@x", from: "patchwork-bot+zoo@kernel.org", subject: "Re: [PATCH zoo-next v2 0/2] zoo: things", replyTo: "cover@x", body: [
      "Hello:", "", "This series was applied to zoo/zoo-next.git (main)", `by ${MAINT}:`, "",
      "Here is the summary with links:", "  - [zoo-next,v2,1/2] zoo: one", "    https://git.kernel.org/zoo/zoo-next/c/0123456789ab",
      "  - [zoo-next,v2,2/2] zoo: two", "    (no matching commit)", "", "You are awesome, thank you!"] }),
    mail({ id: "cr@x", from: MAINT, subject: "Re: [PATCH zoo-next v2 1/2] zoo: one", replyTo: "p1@x", body: ["> Applied, thanks!", "", "Please respin.", "", "pw-bot: cr"] }),
    mail({ id: "rej@x", from: MAINT, subject: "Re: [PATCH zoo-next v2 1/2] zoo: one", replyTo: "p1@x", body: ["No.", "", "pw-bot: reject"] }),
    mail({ id: "ok@x", from: MAINT, subject: "Re: [PATCH zoo-next v2 0/2] zoo: things", replyTo: "cover@x", body: ["On Mon, Dev One wrote:", "> stuff", "", "Applied to zoo-next, thanks"] }),
    mail({ id: "nak@x", from: "Nora Naker <nora@example.org>", subject: "Re: [PATCH zoo-next v2 1/2] zoo: one", replyTo: "p1@x", body: ["NAK, wrong layer.", "", "Nacked-by: Nora Naker <nora@example.org>"] }),
  ].join("");
}

test("verdicts view: every rule with its person, tree, items (partial application) and what it answers; quoted text and patches give none", async () => {
  const t = tempDir();
  try {
    const mbox = join(t.dir, "zoo.mbox");
    writeFileSync(mbox, corpus());
    const store = await openStore(join(t.dir, "store"));
    await ingest(store, [openSource(`zoo=${mbox}`)], { lists: [{ name: "zoo", address: "zoo@lists.example.org" }] });
    const rows = await store.query(`SELECT message_id, kind, state, rule, person_id, tree, branch, scope, items, in_reply_to
                                    FROM verdicts ORDER BY message_id, rule`);
    assert.deepEqual(rows, [
      { message_id: "bot@x", kind: "applied", state: null, rule: "patchwork-bot-applied", person_id: "mae@example.org", tree: "zoo/zoo-next.git",
        branch: "main", scope: "series", in_reply_to: "cover@x", items: [
          { subject: "[zoo-next,v2,1/2] zoo: one", commit: "https://git.kernel.org/zoo/zoo-next/c/0123456789ab" },
          { subject: "[zoo-next,v2,2/2] zoo: two", commit: null }] },
      { message_id: "cr@x", kind: "changes-requested", state: "changes-requested", rule: "pw-bot", person_id: "mae@example.org", tree: null,
        branch: null, scope: "series", in_reply_to: "p1@x", items: [] },
      { message_id: "nak@x", kind: "rejected", state: null, rule: "nak", person_id: "nora@example.org", tree: null,
        branch: null, scope: null, in_reply_to: "p1@x", items: [] },
      { message_id: "ok@x", kind: "applied", state: null, rule: "maintainer-applied", person_id: "mae@example.org", tree: "zoo-next",
        branch: null, scope: null, in_reply_to: "cover@x", items: [] },
      { message_id: "rej@x", kind: "rejected", state: "rejected", rule: "pw-bot", person_id: "mae@example.org", tree: null,
        branch: null, scope: "series", in_reply_to: "p1@x", items: [] },
    ]);
    // pw-bot changes-requested and reject are NAK evidence, under their own kinds, beside Nacked-by
    const naks = await store.query("SELECT message_id, kind, person_id FROM naks ORDER BY message_id");
    assert.deepEqual(naks, [
      { message_id: "cr@x", kind: "pw-bot-changes-requested", person_id: "mae@example.org" },
      { message_id: "nak@x", kind: "nacked-by", person_id: "nora@example.org" },
      { message_id: "rej@x", kind: "pw-bot-rejected", person_id: "mae@example.org" },
    ]);
    await store.close();
  } finally {
    t.cleanup();
  }
});

test("a store written before verdicts existed (no verdicts parts in its manifest) reads, with only its NAKs as verdicts", async () => {
  const t = tempDir();
  try {
    const mbox = join(t.dir, "zoo.mbox");
    writeFileSync(mbox, corpus());
    const dir = join(t.dir, "store");
    let store = await openStore(dir);
    await ingest(store, [openSource(`zoo=${mbox}`)], { lists: [{ name: "zoo", address: "zoo@lists.example.org" }] });
    await store.close();
    // what an older version wrote: no verdicts table in the manifest, no verdicts directory
    const mf = join(dir, "manifest.json");
    const m = JSON.parse(readFileSync(mf, "utf8"));
    delete m.parts.verdicts;
    m.retired = (m.retired ?? []).filter((r: { file: string }) => !r.file.startsWith("verdicts/"));
    writeFileSync(mf, JSON.stringify(m));
    rmSync(join(dir, "verdicts"), { recursive: true, force: true });
    store = await openStore(dir);
    assert.deepEqual(await store.query("SELECT message_id, rule FROM verdicts"), [{ message_id: "nak@x", rule: "nak" }]);
    assert.deepEqual(await store.query("SELECT kind FROM naks"), [{ kind: "nacked-by" }]);
    assert.equal((await store.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM messages"))[0].n, 7);
    await store.close();
  } finally {
    t.cleanup();
  }
});

test("analysis: pw-bot verdicts reach the reviews table and the Reviews artifact with their kinds, counted apart from NAKs", async () => {
  const t = tempDir();
  try {
    const mbox = join(t.dir, "zoo.mbox");
    writeFileSync(mbox, corpus());
    const dir = join(t.dir, "store");
    const store = await openStore(dir);
    await ingest(store, [openSource(`zoo=${mbox}`)], { lists: [{ name: "zoo", address: "zoo@lists.example.org" }] });
    await store.close();
    const r = await runAnalysis({ storeDir: dir, writeDerived: true, lists: ["zoo"], window: {} });
    const rev = JSON.parse(r.files.get("reviews.json")!);
    assert.deepEqual([rev.totals.naks, rev.totals.pw_bot_changes_requested, rev.totals.pw_bot_rejected], [1, 1, 1]);
    assert.deepEqual(rev.pw_bot.map((x: { message_id: string; kind: string; from: { id: string }; to: { id: string } }) =>
      [x.message_id, x.kind, x.from.id, x.to.id]).sort(), [["cr@x", "changes-requested", "mae@example.org", "dev1@example.org"],
      ["rej@x", "rejected", "mae@example.org", "dev1@example.org"]]);
    assert.deepEqual(rev.naks.map((x: { message_id: string }) => x.message_id), ["nak@x"]);
    const s2 = await openStore(dir);
    assert.deepEqual(await s2.query("SELECT kind, count(*)::INTEGER AS n FROM reviews WHERE source = 'pw-bot' GROUP BY kind ORDER BY kind"),
      [{ kind: "pw-bot-changes-requested", n: 1 }, { kind: "pw-bot-rejected", n: 1 }]);
    assert.deepEqual(await s2.query("SELECT naks, pw_bot_changes_requested, pw_bot_rejected FROM headline"),
      [{ naks: 1, pw_bot_changes_requested: 1, pw_bot_rejected: 1 }]);
    await s2.close();
  } finally {
    t.cleanup();
  }
});
