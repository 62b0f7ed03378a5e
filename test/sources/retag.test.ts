// Re-tagging a stored source (netdev=x.mbox, later linux-cxl=x.mbox) applies the new tag: its
// messages gain the new list and lose the old one where only the tag gave it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Source } from "../../loaders/model/records.ts";
import { openSource } from "../../loaders/sources/index.ts";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore, type DuckStore } from "../../loaders/store/store.ts";
import { computeStats } from "../../loaders/store/stats.ts";
import { tempDir, msg, mboxrd } from "./helpers.ts";

const lists = async (store: DuckStore) =>
  Object.fromEntries((await store.query<{ id: string; lists: string[] }>("SELECT message_id AS id, lists FROM messages ORDER BY 1")).map((r) => [r.id, r.lists]));

/** The same source, failing after `n` items (a run killed mid-way). */
function failingAfter(src: Source, n: number): Source {
  return {
    ...src,
    async *read(c) {
      let i = 0;
      for await (const it of src.read(c)) {
        if (i++ === n) throw new Error("killed");
        yield it;
      }
    },
  };
}

test("re-tagging a stored mbox applies the new list and drops the old tag's, also after an interrupted re-tag", async (t) => {
  const d = tempDir(t);
  const p = join(d, "x.mbox");
  // b is addressed to netdev itself: it keeps netdev whatever the tag
  writeFileSync(p, mboxrd([msg("a"), msg("b").replace("To: list@example.org", "To: netdev@vger.kernel.org"), msg("c")]));
  const store = await openStore(join(d, "store"));
  try {
    await ingest(store, [openSource(`netdev=${p}`)]);
    assert.deepEqual(await lists(store), { "a@example.com": ["netdev"], "b@example.com": ["netdev"], "c@example.com": ["netdev"] });

    // interrupted after one message: what was not read again keeps its old tag for now
    await assert.rejects(ingest(store, [failingAfter(openSource(`linux-cxl=${p}`), 1)], { batchSize: 1 }));
    assert.deepEqual(await lists(store), { "a@example.com": ["linux-cxl"], "b@example.com": ["netdev"], "c@example.com": ["netdev"] });

    const sum = await ingest(store, [openSource(`linux-cxl=${p}`)]);
    assert.equal(sum.sources[0].retagged, undefined, "the interrupted run already switched the tag; this one resumes");
    assert.deepEqual(await lists(store), {
      "a@example.com": ["linux-cxl"], "b@example.com": ["linux-cxl", "netdev"], "c@example.com": ["linux-cxl"],
    });
    assert.deepEqual((await store.query("SELECT DISTINCT list FROM arrivals")).map((r) => r.list), ["linux-cxl"]);

    // and straight from one tag to another, reported in the summary
    const again = await ingest(store, [openSource(`linux-rdma=${p}`)]);
    assert.deepEqual(again.sources[0].retagged, { from: "linux-cxl", to: "linux-rdma" });
    assert.deepEqual(await lists(store), {
      "a@example.com": ["linux-rdma"], "b@example.com": ["linux-rdma", "netdev"], "c@example.com": ["linux-rdma"],
    });
    // an unchanged tag re-reads nothing
    const same = await ingest(store, [openSource(`linux-rdma=${p}`)]);
    assert.equal(same.sources[0].seen, 0);
    // stats count the copies the arrivals view shows: the old tags' copies are no duplicates
    const st = await computeStats(store);
    assert.deepEqual([st.messages, st.arrivals, st.duplicates, st.sources], [3, 3, 0, 1]);
  } finally {
    await store.close();
  }
});
