// public-inbox: a message added again after its deletion (`m`, `d`, then `m` with the same
// Message-ID) shows again; a deletion after the re-addition hides it again. The order is the
// archive's own (epoch, commit depth), so it holds across epochs, incremental runs and re-reads.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { openSource } from "../../loaders/sources/index.ts";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { eventSeq } from "../../loaders/sources/public-inbox.ts";
import { tempDir, msg } from "./helpers.ts";
import { appendCommit, buildEpoch } from "./git-epoch.ts";

const A = msg("a");
const C = msg("c");

async function visible(storeDir: string): Promise<string[]> {
  const store = await openStore(storeDir);
  try {
    return (await store.query<{ id: string }>("SELECT message_id AS id FROM messages ORDER BY 1")).map((r) => r.id);
  } finally {
    await store.close();
  }
}

async function ingestInbox(storeDir: string, spec: string) {
  const store = await openStore(storeDir);
  try {
    return await ingest(store, [openSource(spec)]);
  } finally {
    await store.close();
  }
}

test("m, d, m in one epoch: the message shows again; a later d hides it again", async (t) => {
  const d = tempDir(t);
  const inbox = join(d, "inbox");
  buildEpoch(inbox, 0, [["m", A, 1720000000], ["m", C, 1720000050], ["d", A, 1720000100], ["m", A, 1720000200]]);
  await ingestInbox(join(d, "s1"), `ksummit=${inbox}`);
  assert.deepEqual(await visible(join(d, "s1")), ["a@example.com", "c@example.com"]);

  buildEpoch(join(d, "inbox2"), 0, [["m", A, 1720000000], ["d", A, 1720000100], ["m", A, 1720000200], ["d", A, 1720000300]]);
  await ingestInbox(join(d, "s2"), `ksummit=${join(d, "inbox2")}`);
  assert.deepEqual(await visible(join(d, "s2")), []);
});

test("across epochs and incremental runs, the latest event wins", async (t) => {
  const d = tempDir(t);
  const inbox = join(d, "inbox");
  const storeDir = join(d, "store");
  buildEpoch(inbox, 0, [["m", A, 1720000000], ["m", C, 1720000050]]);
  await ingestInbox(storeDir, `ksummit=${inbox}`);
  const e1 = buildEpoch(inbox, 1, [["d", A, 1720000100]]);
  await ingestInbox(storeDir, `ksummit=${inbox}`);
  assert.deepEqual(await visible(storeDir), ["c@example.com"], "deleted in the next epoch");
  appendCommit(e1, "m", A, 1720000200);
  await ingestInbox(storeDir, `ksummit=${inbox}`);
  assert.deepEqual(await visible(storeDir), ["a@example.com", "c@example.com"], "added again in a later run");
  appendCommit(e1, "d", A, 1720000300);
  await ingestInbox(storeDir, `ksummit=${inbox}`);
  assert.deepEqual(await visible(storeDir), ["c@example.com"], "deleted again in a later run");
  appendCommit(e1, "m", A, 1720000400);
  // the same epoch given by its own path: the same archive, the same order
  await ingestInbox(storeDir, `ksummit=${e1}`);
  assert.deepEqual(await visible(storeDir), ["a@example.com", "c@example.com"]);
});

test("re-reading an older epoch (a rewritten history, a re-tag) does not undo a later deletion", async (t) => {
  const d = tempDir(t);
  const inbox = join(d, "inbox");
  const storeDir = join(d, "store");
  buildEpoch(inbox, 0, [["m", A, 1720000000], ["m", C, 1720000050]]);
  buildEpoch(inbox, 1, [["d", A, 1720000100]]);
  await ingestInbox(storeDir, `ksummit=${inbox}`);
  await ingestInbox(storeDir, `netdev=${inbox}`); // a re-tag reads every epoch again
  assert.deepEqual(await visible(storeDir), ["c@example.com"]);
});

test("the order is epoch first, then commit depth, and stays a safe integer", () => {
  assert.ok(eventSeq(0, 5) < eventSeq(0, 6));
  assert.ok(eventSeq(0, 10_000_000) < eventSeq(1, 1));
  assert.ok(Number.isSafeInteger(eventSeq(999_999_999, 1)));
});

test("rows without an order (stores from before it was recorded) keep the old rule: the deletion hides every copy", async (t) => {
  const d = tempDir(t);
  const storeDir = join(d, "store");
  const id = `pi:${join(d, "old")}`;
  let n = 0;
  const item = (kind: "message" | "delete", text: string) =>
    ({ kind, bytes: Buffer.from(text), provenance: { source: `${id}#0`, position: String(++n), list: "ksummit" }, cursor: { epochs: { 0: String(n) } } }) as const;
  const source = {
    id, kind: "public-inbox" as const, path: join(d, "old"), list: "ksummit",
    async *read() {
      yield item("message", A);
      yield item("delete", A);
      yield item("message", A);
    },
  };
  const store = await openStore(storeDir);
  await ingest(store, [source]);
  await store.close();
  assert.deepEqual(await visible(storeDir), []);
});
