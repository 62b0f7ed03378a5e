import { test } from "node:test";
import assert from "node:assert/strict";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { derivedRowCounts } from "../../loaders/store/stats.ts";
import { fakeParse, fakeSource, msgs, pm, tempDir } from "./helpers.ts";

test("writeDerived replaces a table atomically, joins message_threads, bumps version, shows in stats", async () => {
  const t = tempDir();
  const store = await openStore(t.dir);
  try {
    await ingest(store, [fakeSource("s", msgs(pm("a@h"), pm("b@h")))], {}, { parseStream: fakeParse });
    const v0 = await store.version();
    await store.writeDerived("message_threads", { message_id: "VARCHAR", thread_id: "VARCHAR", series_id: "VARCHAR" }, [
      { message_id: "a@h", thread_id: "a@h", series_id: null },
      { message_id: "b@h", thread_id: "a@h", series_id: "s1" },
    ]);
    const v1 = await store.version();
    assert.notEqual(v1, v0);
    const rows = await store.query("SELECT message_id, thread_id, series_id FROM messages ORDER BY 1");
    assert.deepEqual(rows, [
      { message_id: "a@h", thread_id: "a@h", series_id: null },
      { message_id: "b@h", thread_id: "a@h", series_id: "s1" },
    ]);
    const cols = { thread_id: "VARCHAR", start: "TIMESTAMP", n: "BIGINT", people: "VARCHAR[]", w: "DOUBLE[]" } as const;
    await store.writeDerived("threads", cols, [{ thread_id: "a@h", start: Date.UTC(2024, 0, 2), n: 2, people: ["x", "y"], w: [0.5] }]);
    assert.deepEqual(await store.query("SELECT * FROM threads"),
      [{ thread_id: "a@h", start: Date.UTC(2024, 0, 2), n: 2, people: ["x", "y"], w: [0.5] }]);
    await store.writeDerived("threads", cols, []);
    assert.deepEqual(await store.query("SELECT count(*) AS n FROM threads"), [{ n: 0 }]);
    const stats = await derivedRowCounts(store);
    assert.equal(stats.threads, 0);
    assert.equal(stats.message_threads, 2);
    await assert.rejects(store.writeDerived("messages", { a: "VARCHAR" }, []), /invalid derived table name/);
    await assert.rejects(store.writeDerived("../x", { a: "VARCHAR" }, []), /invalid derived table name/);
  } finally {
    await store.close();
    t.cleanup();
  }
});
