// The reads that look up a few messages before joining them (the naks view's candidates, the
// analysis' revision links and first/last dates per address) must give what the plain queries over
// the whole messages view give: deleted copies drop out, a copy left in another archive keeps a
// message with that archive's lists, cross-posts keep every list. Synthetic records only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import type { Store } from "../../loaders/store/api.ts";
import { readRowSets } from "../../loaders/analysis/read-rows.ts";
import { REVISION_SET } from "../../loaders/analysis/series-io.ts";
import { AFFILIATION_SETS } from "../../loaders/analysis/affiliation-input.ts";
import { fakeParse, fakeSource, msgs, pm, tempDir } from "./helpers.ts";
import type { ParsedMessage, Verdict } from "../../loaders/model/records.ts";

const PATCH = { isPatch: true, isRfc: false, version: 2, index: 1, total: 1, isCover: false, tags: [] };
const nackBy = (name: string, email: string) => ({ kind: "nacked-by" as const, name, email, raw: `Nacked-by: ${name} <${email}>` });
const pwBot = (state: "changes-requested" | "rejected", email: string): Verdict => ({
  kind: state, rule: "pw-bot", state, name: "Mae", email, tree: null, branch: null, scope: null, items: [], raw: `pw-bot: ${state}` });
const from = (email: string) => ({ name: email.split("@")[0], email });
const at = (h: number) => Date.UTC(2024, 6, 1, h);

/** The naks view as first defined: every branch over the whole messages view. */
const NAKS_REFERENCE = `WITH nm AS (
    SELECT *, is_patch AND NOT regexp_matches(coalesce(subject, ''), '^\\s*(re|aw|sv|antw|fwd?)\\s*(\\[\\d+\\])?\\s*:', 'i') AS own_patch FROM messages)
  SELECT t.message_id, 'nacked-by' AS kind, t.person_id, t.email, t.name, m.date, m.subject, m.lists, m.thread_id, t.raw
    FROM trailers t JOIN nm m USING (message_id) WHERE t.kind = 'nacked-by' AND NOT m.own_patch
  UNION ALL
  SELECT m.message_id, 'nak-line', m.person_id, m.from_email, m.from_name, m.date, m.subject, m.lists, m.thread_id, CAST(NULL AS VARCHAR)
    FROM nm m WHERE m.nak_line AND NOT m.own_patch AND NOT EXISTS (
      SELECT 1 FROM raw_trailers t WHERE t.message_id = m.message_id AND t.kind = 'nacked-by' AND t.email = m.from_email)
  UNION ALL
  SELECT m.message_id, 'pw-bot-' || v.kind, m.person_id, m.from_email, m.from_name, m.date, m.subject, m.lists, m.thread_id, v.raw
    FROM raw_verdicts v JOIN nm m USING (message_id)
    WHERE v.rule = 'pw-bot' AND v.kind IN ('changes-requested', 'rejected') AND NOT m.own_patch`;

const SEEN_REFERENCE = `SELECT p, e, min(d) AS f, max(d) AS l FROM (
    SELECT person_id AS p, from_email AS e, epoch_ms(date) AS d FROM messages WHERE date IS NOT NULL
    UNION ALL SELECT author_person_id, author_email, epoch_ms(date) FROM messages WHERE date IS NOT NULL AND coalesce(author_email, '') <> '')
  WHERE e IS NOT NULL GROUP BY p, e ORDER BY p, e`;

const REVISIONS_REFERENCE = `SELECT message_id, change_id, previous_revisions, revision_links, revision_link_rules FROM messages
  WHERE change_id IS NOT NULL OR len(coalesce(previous_revisions, [])) > 0 OR len(coalesce(revision_links, [])) > 0 ORDER BY message_id`;

const ORDER = "ORDER BY message_id, kind, raw NULLS FIRST, person_id";

async function sameAsReference(store: Store): Promise<void> {
  assert.deepEqual(await store.query(`SELECT * FROM naks ${ORDER}`), await store.query(`SELECT * FROM (${NAKS_REFERENCE}) ${ORDER}`), "naks");
  const sets = await readRowSets(store, { seen: AFFILIATION_SETS.seen, revisions: REVISION_SET });
  assert.deepEqual(sets.seen, (await store.query(SEEN_REFERENCE)).map((r) => Object.values(r)), "seen");
  assert.deepEqual(sets.revisions, (await store.query(REVISIONS_REFERENCE)).map((r) => Object.values(r)), "revisions");
}

test("naks, revision links and first/last dates read from their few candidates equal the plain queries over the messages view", async () => {
  const t = tempDir();
  const store = await openStore(t.dir);
  try {
    const m = (id: string, h: number, over: Partial<ParsedMessage>) =>
      pm(id, { date: at(h), isReply: true, inReplyTo: "p@h", subject: "Re: [PATCH v2] zoo: thing", ...over });
    const patch = pm("p@h", { date: at(1), subject: "[PATCH v2] zoo: thing", patch: PATCH, from: from("dev@a.example"), changeId: "20240701-zoo-v2",
      previousRevisions: ["p1@h"], trailers: [nackBy("Old", "old@x.example")], nakLine: true }); // carried over: not a NAK here
    const cross = m("cross@h", 2, { from: from("nora@x.example"), trailers: [nackBy("Nora", "nora@x.example")], nakLine: true });
    const gone = m("gone@h", 3, { from: from("gone@x.example"), nakLine: true, changeId: "gone-id" }); // deleted: no NAK, link or date
    const kept = m("kept@h", 4, { from: from("lin@x.example"), nakLine: true }); // deleted here, kept by the other archive
    const bot = m("bot@h", 5, { from: from("mae@x.example"), verdicts: [pwBot("changes-requested", "mae@x.example")] });
    const goneBot = m("gonebot@h", 6, { from: from("mae@x.example"), verdicts: [pwBot("rejected", "mae@x.example")] });
    const fwd = pm("fwd@h", { date: at(7), subject: "[PATCH] zoo: other", patch: PATCH, from: from("mae@x.example"), author: from("late@y.example"),
      previousRevisions: ["old@h"] });
    const fwdReply = m("fwdreply@h", 8, { from: from("late@y.example"), nakLine: true, trailers: [nackBy("Late", "late@y.example")] });
    const inbox = fakeSource("inbox", [
      ...msgs(patch, cross, gone, kept, bot, goneBot, fwd, fwdReply, pm("quiet@h", { date: at(9) })),
      { kind: "delete", msg: gone }, { kind: "delete", msg: kept }, { kind: "delete", msg: goneBot },
    ], "zoo");
    const other = fakeSource("other", msgs(cross, kept), "yak");
    await ingest(store, [inbox, other], {}, { parseStream: fakeParse });

    const naks = await store.query<{ message_id: string; kind: string; lists: string[] }>(`SELECT message_id, kind, lists FROM naks ${ORDER}`);
    assert.deepEqual(naks, [
      { message_id: "bot@h", kind: "pw-bot-changes-requested", lists: ["zoo"] },
      { message_id: "cross@h", kind: "nacked-by", lists: ["yak", "zoo"] },
      { message_id: "fwdreply@h", kind: "nacked-by", lists: ["zoo"] },
      { message_id: "kept@h", kind: "nak-line", lists: ["yak"] },
    ]);
    await sameAsReference(store);
    assert.ok(!(await store.query<{ e: string }>(SEEN_REFERENCE)).some((r) => r.e === "gone@x.example"), "a deleted message's sender is not seen");

    // With the thread ids of an analysis joined in: thread_id comes along.
    await store.writeDerived("message_threads", { message_id: "VARCHAR", thread_id: "VARCHAR", series_id: "VARCHAR" },
      ["p@h", "cross@h", "kept@h", "bot@h", "fwdreply@h"].map((id) => ({ message_id: id, thread_id: "p@h", series_id: null })));
    assert.deepEqual((await store.query<{ thread_id: string }>("SELECT DISTINCT thread_id FROM naks")).map((r) => r.thread_id), ["p@h"]);
    await sameAsReference(store);
    const verdicts = await store.query<{ message_id: string; rule: string }>("SELECT message_id, rule FROM verdicts ORDER BY message_id, rule");
    assert.deepEqual(verdicts, [{ message_id: "bot@h", rule: "pw-bot" }, { message_id: "cross@h", rule: "nak" },
      { message_id: "fwdreply@h", rule: "nak" }, { message_id: "kept@h", rule: "nak" }]);
  } finally {
    await store.close();
    t.cleanup();
  }
});
