// public-inbox `d` commits through ingest and the store: a purged message leaves the messages
// view and what is derived from it, across epochs and runs; another archive's copy keeps it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { openSource } from "../../loaders/sources/index.ts";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { tempDir, msg, mboxrd } from "./helpers.ts";
import { buildEpoch } from "./git-epoch.ts";

// a: the message to purge; its sender sends nothing else, it carries a trailer and a NAK line
const A = msg("a", "NAK, this is wrong.\n\nReviewed-by: Rita Reviewer <rita@example.com>\n")
  .replace("From: Tester <tester@example.com>", "From: Gone Sender <gone@example.com>");
const B = msg("b", "> NAK, this is wrong.\nI agree.\n", "In-Reply-To: <a@example.com>\n");
const C = msg("c");

async function snapshot(storeDir: string) {
  const store = await openStore(storeDir);
  try {
    const q = async (sql: string) => (await store.query<{ v: unknown }>(sql)).map((r) => r.v);
    return {
      messages: await q("SELECT message_id AS v FROM messages ORDER BY 1"),
      arrivals: await q("SELECT DISTINCT message_id AS v FROM arrivals ORDER BY 1"),
      trailers: await q("SELECT DISTINCT email AS v FROM trailers ORDER BY 1"),
      naks: await q("SELECT message_id AS v FROM naks ORDER BY 1"),
      people: await q("SELECT person_id AS v FROM people ORDER BY 1"),
      sourcesOfA: await q("SELECT sources AS v FROM messages WHERE message_id = 'a@example.com'"),
      listsOfA: await q("SELECT lists AS v FROM messages WHERE message_id = 'a@example.com'"),
    };
  } finally {
    await store.close();
  }
}

test("a d commit in a later epoch and a later run purges the message and what derives from it", async (t) => {
  const d = tempDir(t);
  const inbox = join(d, "inbox");
  const storeDir = join(d, "store");
  buildEpoch(inbox, 0, [["m", A, 1720000000], ["m", B, 1720000100], ["m", C, 1720000200]]);
  let store = await openStore(storeDir);
  await ingest(store, [openSource(`ksummit=${inbox}`)]);
  await store.close();
  const before = await snapshot(storeDir);
  assert.deepEqual(before.messages, ["a@example.com", "b@example.com", "c@example.com"]);
  assert.deepEqual(before.naks, ["a@example.com"]);
  assert.ok(before.people.includes("gone@example.com") && before.trailers.includes("rita@example.com"));

  buildEpoch(inbox, 1, [["d", A, 1720000300]]); // the purge lands in the next epoch
  store = await openStore(storeDir);
  const sum = await ingest(store, [openSource(`ksummit=${inbox}`)]);
  await store.close();
  assert.equal(sum.sources[0].deleted, 1);
  const after = await snapshot(storeDir);
  assert.deepEqual(after.messages, ["b@example.com", "c@example.com"]);
  assert.deepEqual(after.arrivals, ["b@example.com", "c@example.com"]);
  assert.deepEqual(after.trailers, [], "the purged message's trailers are gone");
  assert.deepEqual(after.naks, [], "and its NAK");
  assert.ok(!after.people.includes("gone@example.com"), "its sender is no longer a person");
  assert.ok(!after.people.includes("rita@example.com"), "nor the person only its trailer named");
});

test("epochs given one by one are one archive; a copy from another archive keeps the message, with that archive's list only", async (t) => {
  const d = tempDir(t);
  const inbox = join(d, "inbox");
  const e0 = buildEpoch(inbox, 0, [["m", A, 1720000000], ["m", C, 1720000200]]);
  const e1 = buildEpoch(inbox, 1, [["d", A, 1720000300]]);

  const one = join(d, "one");
  let store = await openStore(one);
  await ingest(store, [openSource(`ksummit=${e0}`)]);
  await ingest(store, [openSource(`ksummit=${e1}`)]); // the deletion in a separate run, from the epoch path
  await store.close();
  assert.deepEqual((await snapshot(one)).messages, ["c@example.com"]);

  const mbox = join(d, "netdev.mbox");
  writeFileSync(mbox, mboxrd([A]));
  const two = join(d, "two");
  store = await openStore(two);
  await ingest(store, [openSource(`ksummit=${inbox}`), openSource(`netdev=${mbox}`)]);
  await store.close();
  const s = await snapshot(two);
  assert.deepEqual(s.messages, ["a@example.com", "c@example.com"]);
  assert.deepEqual(s.sourcesOfA, [[`mbox:${mbox}`]]);
  assert.deepEqual(s.listsOfA, [["netdev"]]);
  assert.ok(s.people.includes("gone@example.com"));
});
