import { test } from "node:test";
import assert from "node:assert/strict";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { computeStats } from "../../loaders/store/stats.ts";
import { fakeParse, fakeSource, msgs, pm, tempDir } from "./helpers.ts";

// Two list archives sharing a cross-post (x1), plus one message only in each.
function archives() {
  const x1 = pm("x1@host", { lists: ["linux-rdma", "netdev"], to: [{ name: "", email: "netdev@vger.kernel.org" }] });
  const netdev = fakeSource("netdev-src", msgs(pm("n1@host", { lists: ["netdev"] }), x1), "netdev");
  // The linux-rdma copy of x1 has the same content; its own lists view differs (it is that archive's copy).
  const rdma = fakeSource("rdma-src", msgs({ ...x1, lists: ["linux-rdma"] }, pm("r1@host", { lists: ["linux-rdma"] })), "linux-rdma");
  return { netdev, rdma };
}

test("cross-posted message is stored once with the union of its lists and sources", async () => {
  const t = tempDir();
  const store = await openStore(t.dir);
  try {
    const { netdev, rdma } = archives();
    const sum = await ingest(store, [netdev, rdma], {}, { parseStream: fakeParse });
    assert.deepEqual(sum.sources.map((s) => [s.seen, s.new, s.duplicate]), [[2, 2, 0], [2, 1, 1]]);
    const rows = await store.query<{ message_id: string; lists: string[]; sources: string[] }>(
      "SELECT message_id, lists, sources FROM messages ORDER BY message_id");
    assert.deepEqual(rows, [
      { message_id: "n1@host", lists: ["netdev"], sources: ["netdev-src"] },
      { message_id: "r1@host", lists: ["linux-rdma"], sources: ["rdma-src"] },
      { message_id: "x1@host", lists: ["linux-rdma", "netdev"], sources: ["netdev-src", "rdma-src"] },
    ]);
    const stats = await computeStats(store);
    assert.equal(stats.messages, 3);
    assert.equal(stats.duplicates, 1);
    assert.deepEqual(stats.per_list, { "linux-cxl": 0, netdev: 2, "linux-rdma": 2 });
  } finally {
    await store.close();
    t.cleanup();
  }
});

test("same Message-ID with different content: first kept, conflict counted and listed", async () => {
  const t = tempDir();
  const store = await openStore(t.dir);
  try {
    const a = fakeSource("a", msgs(pm("m@h", { subject: "first", contentHash: "h1" })));
    const b = fakeSource("b", msgs(pm("m@h", { subject: "second", contentHash: "h2" })));
    const sum = await ingest(store, [a, b], {}, { parseStream: fakeParse });
    assert.equal(sum.sources[1].conflicting, 1);
    assert.equal(sum.sources[1].new, 0);
    const [m] = await store.query<{ subject: string }>("SELECT subject FROM messages");
    assert.equal(m.subject, "first");
    const c = await store.query("SELECT message_id, source, content_hash, kept_content_hash FROM conflicts");
    assert.deepEqual(c, [{ message_id: "m@h", source: "b", content_hash: "h2", kept_content_hash: "h1" }]);
    assert.equal((await computeStats(store)).conflicts, 1);
  } finally {
    await store.close();
    t.cleanup();
  }
});

test("errors become rows and counts; deletions hide only the deleting archive's copy", async () => {
  const t = tempDir();
  const store = await openStore(t.dir);
  try {
    const gone = pm("gone@h", { lists: ["netdev"] });
    const both = pm("both@h");
    const inbox = fakeSource("inbox", [
      ...msgs(gone, both, pm("stay@h")),
      { kind: "error", reason: "unreadable blob" },
      { kind: "bad", reason: "no header block" },
      { kind: "delete", msg: gone },
      { kind: "delete", msg: both },
    ], "ksummit");
    const other = fakeSource("other", msgs(both), "netdev");
    const sum = await ingest(store, [inbox, other], {}, { parseStream: fakeParse });
    assert.deepEqual(sum.sources[0], { source: "inbox", path: "/fake/inbox", list: "ksummit", seen: 5, new: 3, duplicate: 0, conflicting: 0, deleted: 2, error: 2 });
    const ids = await store.query<{ message_id: string; lists: string[] }>("SELECT message_id, lists FROM messages ORDER BY 1");
    // gone@h is hidden; both@h survives through the other archive, and only that archive's list counts.
    assert.deepEqual(ids, [{ message_id: "both@h", lists: ["netdev"] }, { message_id: "stay@h", lists: ["ksummit"] }]);
    const errs = await store.query("SELECT source, position, reason FROM errors ORDER BY position");
    assert.deepEqual(errs, [
      { source: "inbox", position: "3", reason: "unreadable blob" },
      { source: "inbox", position: "4", reason: "no header block" },
    ]);
    const stats = await computeStats(store);
    assert.equal(stats.errors, 2);
    assert.equal(stats.deleted, 1);
  } finally {
    await store.close();
    t.cleanup();
  }
});

test("re-running resumes from the cursor and changes nothing; appended items are ingested", async () => {
  const t = tempDir();
  const store = await openStore(t.dir);
  try {
    const entries = msgs(pm("a@h"), pm("b@h"));
    const src = fakeSource("s", entries);
    await ingest(store, [src], { batchSize: 1 }, { parseStream: fakeParse });
    const v1 = await store.version();
    const dump1 = await store.query("SELECT * FROM messages ORDER BY message_id");
    const again = await ingest(store, [src], {}, { parseStream: fakeParse });
    assert.equal(again.sources[0].seen, 0, "nothing re-read");
    assert.deepEqual(src.reads, [0, 2]);
    assert.equal(await store.version(), v1, "a no-op run commits nothing");
    assert.deepEqual(await store.query("SELECT * FROM messages ORDER BY message_id"), dump1);
    entries.push(...msgs(pm("c@h")));
    const more = await ingest(store, [src], {}, { parseStream: fakeParse });
    assert.equal(more.sources[0].new, 1);
    assert.notEqual(await store.version(), v1);
    assert.equal((await store.query("SELECT * FROM messages")).length, 3);
  } finally {
    await store.close();
    t.cleanup();
  }
});

test("untrusted text with NUL bytes and lone surrogates is stored (surrogates replaced)", async () => {
  const t = tempDir();
  const store = await openStore(t.dir);
  try {
    const odd = pm("odd@h", { subject: "a\u0000b \ud800 c", from: { name: "X \udc00", email: "x@example.org" } });
    await ingest(store, [fakeSource("s", msgs(odd))], {}, { parseStream: fakeParse });
    const [m] = await store.query<{ subject: string; from_name: string }>("SELECT subject, from_name FROM messages");
    assert.equal(m.subject, "a\u0000b \ufffd c");
    assert.equal(m.from_name, "X \ufffd");
  } finally {
    await store.close();
    t.cleanup();
  }
});
