// public-inbox-purge (the epoch's history rewritten without a message) during a re-tag of the
// same inbox (ksummit=inbox, then netdev=inbox): the purged message must disappear, whether the
// purge lands in the same run as the re-tag, in the run after it, or before an interrupted
// re-tag is resumed; the messages still in the history carry only the new tag.
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { Source } from "../../loaders/model/records.ts";
import { openSource } from "../../loaders/sources/index.ts";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { computeStats } from "../../loaders/store/stats.ts";
import { tempDir, msg } from "./helpers.ts";
import { buildEpoch } from "./git-epoch.ts";

type Lists = Record<string, string[]>;

async function run(storeDir: string, sources: Source[], batchSize?: number): Promise<{ lists: Lists; stats: number[] }> {
  const store = await openStore(storeDir);
  try {
    await ingest(store, sources, { batchSize }).catch((e) => { if (!/killed/.test(String(e))) throw e; });
    const rows = await store.query<{ id: string; lists: string[] }>("SELECT message_id AS id, lists FROM messages ORDER BY 1");
    const st = await computeStats(store);
    return { lists: Object.fromEntries(rows.map((r) => [r.id, r.lists])), stats: [st.messages, st.arrivals, st.duplicates] };
  } finally {
    await store.close();
  }
}

const ABC: ["m", string, number][] = [["m", msg("a"), 1720000000], ["m", msg("b"), 1720000100], ["m", msg("c"), 1720000200]];
const AC: ["m", string, number][] = [["m", msg("a"), 1720000000], ["m", msg("c"), 1720000200]];

function purge(inbox: string): void {
  rmSync(join(inbox, "git", "0.git"), { recursive: true, force: true });
  buildEpoch(inbox, 0, AC);
}

/** The source, failing after `n` items (a run killed mid-way). */
function failingAfter(src: Source, n: number): Source {
  return { ...src, async *read(c, ctx) { let i = 0; for await (const it of src.read(c, ctx)) { if (i++ === n) throw new Error("killed"); yield it; } } };
}

const AFTER = { "a@example.com": ["netdev"], "c@example.com": ["netdev"] };

test("a purge in the same run as a re-tag hides the purged message's old-tag copy", async (t) => {
  const d = tempDir(t);
  const inbox = join(d, "inbox");
  buildEpoch(inbox, 0, ABC);
  const storeDir = join(d, "store");
  await run(storeDir, [openSource(`ksummit=${inbox}`)]);
  purge(inbox);
  const r = await run(storeDir, [openSource(`netdev=${inbox}`)]);
  assert.deepEqual(r.lists, AFTER);
  assert.deepEqual(r.stats, [2, 2, 0]);
  assert.deepEqual((await run(storeDir, [openSource(`netdev=${inbox}`)])).lists, AFTER, "a re-run changes nothing");
});

test("a purge in the run after a re-tag hides both tags' copies", async (t) => {
  const d = tempDir(t);
  const inbox = join(d, "inbox");
  buildEpoch(inbox, 0, ABC);
  const storeDir = join(d, "store");
  await run(storeDir, [openSource(`ksummit=${inbox}`)]);
  assert.deepEqual((await run(storeDir, [openSource(`netdev=${inbox}`)])).lists, { ...AFTER, "b@example.com": ["netdev"] });
  purge(inbox);
  const r = await run(storeDir, [openSource(`netdev=${inbox}`)]);
  assert.deepEqual(r.lists, AFTER);
  assert.deepEqual(r.stats, [2, 2, 0]);
});

test("a purge before an interrupted re-tag is resumed", async (t) => {
  const d = tempDir(t);
  const inbox = join(d, "inbox");
  buildEpoch(inbox, 0, ABC);
  const storeDir = join(d, "store");
  await run(storeDir, [openSource(`ksummit=${inbox}`)]);
  await run(storeDir, [failingAfter(openSource(`netdev=${inbox}`), 1)], 1); // a re-read under netdev, killed after a
  purge(inbox);
  const r = await run(storeDir, [openSource(`netdev=${inbox}`)]);
  assert.deepEqual(r.lists, AFTER);
  assert.deepEqual(r.stats, [2, 2, 0]);
});

test("a re-read after a purge stores no second copy of the unchanged commits, and later runs add no rows", async (t) => {
  const d = tempDir(t);
  const inbox = join(d, "inbox");
  buildEpoch(inbox, 0, ABC);
  const storeDir = join(d, "store");
  await run(storeDir, [openSource(`ksummit=${inbox}`)]);
  // the last message purged: the new history is the old one's first two commits, unchanged
  rmSync(join(inbox, "git", "0.git"), { recursive: true, force: true });
  buildEpoch(inbox, 0, ABC.slice(0, 2));
  const rows = async () => {
    const s = await openStore(storeDir);
    try {
      return (await s.query<{ n: number }>("SELECT (SELECT count(*) FROM raw_arrivals) + (SELECT count(*) FROM raw_tombstones) AS n"))[0].n;
    } finally {
      await s.close();
    }
  };
  const r = await run(storeDir, [openSource(`ksummit=${inbox}`)]);
  assert.deepEqual(r.lists, { "a@example.com": ["ksummit"], "b@example.com": ["ksummit"] });
  assert.deepEqual(r.stats, [2, 2, 0], "one copy of each message, no duplicate of a re-read commit");
  const n = await rows();
  await run(storeDir, [openSource(`ksummit=${inbox}`)]);
  await run(storeDir, [openSource(`ksummit=${inbox}`)]);
  assert.equal(await rows(), n, "re-runs add nothing");
});
