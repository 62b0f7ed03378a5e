// public-inbox-purge rewrites an epoch's history without the purged message (no `d` commit): the
// stored copy whose commit is gone from the history is hidden, the messages still in the new
// history stay (read again at their new commits), and another archive's copy keeps the message.
// Also through a renamed inbox (the copies are stored under the old id).
import { test } from "node:test";
import assert from "node:assert/strict";
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openSource } from "../../loaders/sources/index.ts";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { tempDir, msg, mboxrd } from "./helpers.ts";
import { buildEpoch } from "./git-epoch.ts";

async function run(storeDir: string, specs: string[]) {
  const store = await openStore(storeDir);
  try {
    const s = await ingest(store, specs.map((x) => openSource(x)));
    const ids = (await store.query<{ id: string }>("SELECT message_id AS id FROM messages ORDER BY 1")).map((r) => r.id);
    const srcB = (await store.query<{ s: string[] }>("SELECT sources AS s FROM messages WHERE message_id = 'b@example.com'")).map((r) => r.s);
    return { sum: s.sources, ids, srcB };
  } finally {
    await store.close();
  }
}

/** The epoch rebuilt in place with other commits (what public-inbox-purge does to a history). */
function rewrite(inbox: string, commits: ["m" | "d", string, number][]) {
  rmSync(join(inbox, "git", "0.git"), { recursive: true, force: true });
  buildEpoch(inbox, 0, commits);
}

test("a purged message (history rewritten without it) disappears; the others stay; another archive's copy keeps it", async (t) => {
  const d = tempDir(t);
  const inbox = join(d, "inbox");
  const storeDir = join(d, "store");
  buildEpoch(inbox, 0, [["m", msg("a"), 1720000000], ["m", msg("b"), 1720000100], ["m", msg("c"), 1720000200]]);
  let r = await run(storeDir, [`ksummit=${inbox}`]);
  assert.deepEqual(r.ids, ["a@example.com", "b@example.com", "c@example.com"]);
  rewrite(inbox, [["m", msg("a"), 1720000000], ["m", msg("c"), 1720000200], ["m", msg("e"), 1720000300]]);
  r = await run(storeDir, [`ksummit=${inbox}`]);
  assert.deepEqual(r.ids, ["a@example.com", "c@example.com", "e@example.com"]);
  assert.equal(r.sum[0].deleted, 2, "the copies of b and c are gone from the history (c is read again at its new commit)");
  r = await run(storeDir, [`ksummit=${inbox}`]); // a re-run changes nothing
  assert.deepEqual(r.ids, ["a@example.com", "c@example.com", "e@example.com"]);

  // the same with a copy of b in an mbox: b stays, from the mbox only
  const mbox = join(d, "b.mbox");
  writeFileSync(mbox, mboxrd([msg("b")]));
  const two = join(d, "two");
  const inbox2 = join(d, "inbox2");
  buildEpoch(inbox2, 0, [["m", msg("a"), 1720000000], ["m", msg("b"), 1720000100]]);
  await run(two, [`ksummit=${inbox2}`, `netdev=${mbox}`]);
  rewrite(inbox2, [["m", msg("a"), 1720000050]]);
  r = await run(two, [`ksummit=${inbox2}`]);
  assert.deepEqual(r.ids, ["a@example.com", "b@example.com"]);
  assert.deepEqual(r.srcB, [[`mbox:${mbox}`]]);
});

test("a purge seen through a renamed inbox hides the copy stored under the old id", async (t) => {
  const d = tempDir(t);
  const inbox = join(d, "inbox");
  const storeDir = join(d, "store");
  buildEpoch(inbox, 0, [["m", msg("a"), 1720000000], ["m", msg("b"), 1720000100]]);
  await run(storeDir, [`ksummit=${inbox}`]);
  const moved = join(d, "moved");
  renameSync(inbox, moved);
  let r = await run(storeDir, [`ksummit=${moved}`]); // adopted under the old id
  assert.equal(r.sum[0].renamed?.from, inbox);
  rewrite(moved, [["m", msg("a"), 1720000000]]);
  r = await run(storeDir, [`ksummit=${moved}`]);
  assert.deepEqual(r.ids, ["a@example.com"]);
});
