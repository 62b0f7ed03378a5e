// Re-tagging an HTTP search source (the same inbox synced under another list name): its copies are
// stored per date slice ("<id>?d:..."), and the copies with the old tag are hidden once read again
// with the new one, as for an mbox or an epoch.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import type { Source } from "../../loaders/model/records.ts";
import { tempDir, msg } from "./helpers.ts";

const id = "lore-http:http://127.0.0.1:1/l/";
const slices = ["d:20240701..20240707", "d:20240708.."];
const search = (list: string): Source => ({
  id, kind: "mbox", path: "http://127.0.0.1:1/l/", list,
  async *read() {
    for (const [i, q] of slices.entries()) {
      yield { kind: "message", bytes: Buffer.from(msg(`h${i}`)), provenance: { source: `${id}?${q}`, position: "0", list }, cursor: { covered: [] } };
    }
  },
});

test("a search source synced under another list name moves its messages to that list", async (t) => {
  const d = tempDir(t);
  const store = await openStore(join(d, "store"));
  try {
    await ingest(store, [search("netdev")]);
    const sum = await ingest(store, [search("linux-cxl")]);
    assert.deepEqual(sum.sources[0].retagged, { from: "netdev", to: "linux-cxl" });
    const lists = await store.query<{ l: string[] }>("SELECT lists AS l FROM messages ORDER BY message_id");
    assert.deepEqual(lists.map((r) => r.l), [["linux-cxl"], ["linux-cxl"]]);
  } finally {
    await store.close();
  }
});
