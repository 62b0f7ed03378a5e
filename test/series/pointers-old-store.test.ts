// messages.revision_links / revision_link_rules were added later: a store whose parts predate
// them opens, reads them as NULL and gives the analysis no pointers; a new part stores them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { readRevisionLinks } from "../../loaders/analysis/series-io.ts";
import { fakeParse, fakeSource, msgs, pm, tempDir } from "../store/helpers.ts";

test("a store written before revision_links: NULL, no pointers; a new part's pointers are read with their rules", async () => {
  const t = tempDir();
  try {
    const dir = join(t.dir, "store");
    let store = await openStore(dir);
    await ingest(store, [fakeSource("s", msgs(pm("a@h", { revisionPointers: [{ id: "b@h", rule: "version-link" }] })))], {}, { parseStream: fakeParse });
    await store.close();
    const m = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    const part = join(dir, m.parts.messages[0]);
    assert.ok(part.endsWith(".parquet"));
    store = await openStore(dir);
    const con = await (store as unknown as { con(): Promise<{ run(sql: string): Promise<unknown> }> }).con();
    await con.run(`COPY (SELECT * EXCLUDE (revision_links, revision_link_rules) FROM read_parquet('${part}')) TO '${part}.tmp' (FORMAT parquet)`);
    await store.close();
    renameSync(`${part}.tmp`, part);
    store = await openStore(dir);
    try {
      assert.deepEqual(await store.query("SELECT message_id, revision_links, revision_link_rules FROM messages"),
        [{ message_id: "a@h", revision_links: null, revision_link_rules: null }]);
      assert.equal((await readRevisionLinks(store)).size, 0);
      await ingest(store, [fakeSource("s2", msgs(pm("c@h", { revisionPointers: [{ id: "d@h", rule: "superseded-by" }] })))], {}, { parseStream: fakeParse });
      assert.deepEqual([...(await readRevisionLinks(store))], [["c@h", { changeId: null, previous: [], pointers: [{ id: "d@h", rule: "superseded-by" }] }]]);
    } finally {
      await store.close();
    }
  } finally {
    t.cleanup();
  }
});
