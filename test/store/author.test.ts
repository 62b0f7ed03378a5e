// Forwarded patches: author columns, messages.author_person_id, authors as people, and stores
// written before the author columns existed. Synthetic records only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore, type DuckStore } from "../../loaders/store/store.ts";
import { compactParts } from "../../loaders/store/compact.ts";
import { sqlString } from "../../loaders/store/schema.ts";
import { computeStats } from "../../loaders/store/stats.ts";
import { fakeParse, fakeSource, msgs, pm, tempDir } from "./helpers.ts";

const PATCH = { isPatch: true, isRfc: false, version: 1, index: 1, total: 2, isCover: false, tags: ["net-next"] };
const MAE = { name: "Mae Intainer", email: "mae@maint.example" };
const ANN = { name: "Ann Author", email: "ann@author.example" };

const batch1 = () => msgs(
  pm("fwd@h", { from: MAE, author: ANN, patch: PATCH, subject: "[PATCH net-next 1/2] x" }),
  pm("own@h", { from: MAE, patch: { ...PATCH, index: 2 }, subject: "[PATCH net-next 2/2] y" }),
  pm("re@h", { from: { name: "Rev Iewer", email: "rev@example.org" }, inReplyTo: "fwd@h", isReply: true }),
);

type Row = { message_id: string; person_id: string; author_person_id: string; author_email: string | null };
const rows = (s: DuckStore) => s.query<Row>("SELECT message_id, person_id, author_person_id, author_email FROM messages ORDER BY 1");

test("author_person_id: the in-body author for a forwarded patch, the sender otherwise; authors are people", async () => {
  const t = tempDir();
  const store = await openStore(join(t.dir, "store"));
  try {
    await ingest(store, [fakeSource("s", batch1())], {}, { parseStream: fakeParse });
    assert.deepEqual(await rows(store), [
      { message_id: "fwd@h", person_id: "mae@maint.example", author_person_id: "ann@author.example", author_email: "ann@author.example" },
      { message_id: "own@h", person_id: "mae@maint.example", author_person_id: "mae@maint.example", author_email: null },
      { message_id: "re@h", person_id: "rev@example.org", author_person_id: "rev@example.org", author_email: null },
    ]);
    // Ann never sent a message, yet she is a person (with 0 messages sent)
    const [ann] = await store.query<{ name: string; messages: number }>("SELECT name, messages FROM people WHERE person_id = 'ann@author.example'");
    assert.deepEqual(ann, { name: "Ann Author", messages: 0 });
    assert.equal((await computeStats(store)).forwarded_patches, 1);
    // the author goes through the same address map: a mailmap entry moves her
    const mailmap = join(t.dir, "mailmap");
    writeFileSync(mailmap, "Ann Author <ann@new.example> <ann@author.example>\n");
    await ingest(store, [fakeSource("s", batch1())], { mailmap }, { parseStream: fakeParse });
    const [fwd] = await rows(store);
    assert.equal(fwd.author_person_id, "ann@new.example");
    assert.equal(fwd.person_id, "mae@maint.example");
  } finally {
    await store.close();
    t.cleanup();
  }
});

test("a store written before the author columns opens, queries, takes new batches and compacts", async () => {
  const t = tempDir();
  const dir = join(t.dir, "store");
  let store = await openStore(dir);
  try {
    await ingest(store, [fakeSource("s", batch1())], {}, { parseStream: fakeParse });
    // Rewrite every message part with the old column set (no author_name/author_email).
    const con = await store.con();
    for (const part of store.manifest().parts.messages) {
      const f = join(dir, part);
      await con.run(`COPY (SELECT * EXCLUDE (author_name, author_email) FROM read_parquet(${sqlString(f)})) TO ${sqlString(f + ".old")} (FORMAT parquet)`);
      await con.run(`COPY (SELECT * FROM read_parquet(${sqlString(f + ".old")})) TO ${sqlString(f)} (FORMAT parquet)`);
      const cols = (await (await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${sqlString(f)})`)).getRowObjectsJS()).map((r) => r.column_name);
      assert.ok(!cols.includes("author_email"), "part has the old column set");
    }
    await store.close();
    store = await openStore(dir);
    const old = await rows(store);
    assert.equal(old.length, 3);
    for (const r of old) {
      assert.equal(r.author_email, null);
      assert.equal(r.author_person_id, r.person_id, "no author known: the sender");
    }
    // A new batch (new column set) beside the old parts; both read together.
    await ingest(store, [fakeSource("s2", msgs(pm("fwd2@h", { from: MAE, author: ANN, patch: PATCH, subject: "[PATCH net-next 1/2] z" })))], {}, { parseStream: fakeParse });
    const mixed = await rows(store);
    assert.equal(mixed.length, 4);
    assert.equal(mixed.find((r) => r.message_id === "fwd2@h")!.author_person_id, "ann@author.example");
    assert.ok((await store.query("SELECT person_id FROM people WHERE person_id = 'ann@author.example'")).length === 1);
    // Compaction merges old and new parts into the new column set.
    assert.ok((await compactParts(store, 1)).includes("messages"));
    assert.deepEqual(await rows(store), mixed);
  } finally {
    await store.close();
    t.cleanup();
  }
});
