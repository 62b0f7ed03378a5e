// Maildir files sharing a key ("twins") across runs: a run killed after a key's main file was
// committed but before its twin was stored reads the twin when resumed (the twin's own position,
// its path, is what the store checks); a twin that appears after its key was stored is read too,
// also one that now sorts as the key's main file (then the old one is read again: a duplicate).
// A twin identical to its main file is still never stored a second time, and counts stay right.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Source } from "../../loaders/model/records.ts";
import { maildirSource } from "../../loaders/sources/maildir.ts";
import { openSource } from "../../loaders/sources/index.ts";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { drain, ids, msg, tempDir } from "./helpers.ts";

function maildir(d: string): string {
  for (const s of ["cur", "new", "tmp"]) mkdirSync(join(d, s), { recursive: true });
  return d;
}

/** The source, failing after `n` items (a run killed mid-way). */
function failingAfter(src: Source, n: number): Source {
  return { ...src, async *read(c, ctx) { let i = 0; for await (const it of src.read(c, ctx)) { if (i++ === n) throw new Error("killed"); yield it; } } };
}

async function run(storeDir: string, src: Source, batchSize?: number) {
  const store = await openStore(storeDir);
  try {
    const s = await ingest(store, [src], { batchSize }).then((r) => r.sources[0], (e) => {
      if (!/killed/.test(String(e))) throw e;
      return e.summary.sources[0];
    });
    const rows = await store.query<{ id: string }>("SELECT message_id AS id FROM messages ORDER BY 1");
    const arrivals = await store.query<{ n: bigint }>("SELECT count(*) AS n FROM raw_arrivals");
    return { sum: s, ids: rows.map((r) => r.id), arrivals: Number(arrivals[0].n) };
  } finally {
    await store.close();
  }
}

test("maildir: a run killed between a main file and its twin reads the twin when resumed", async (t) => {
  const d = maildir(join(tempDir(t), "mail"));
  writeFileSync(join(d, "new", "1720000002.B.host"), msg("b")); // the twin (listed first)
  writeFileSync(join(d, "cur", "1720000002.B.host:2,S"), msg("b2")); // the key's main file
  writeFileSync(join(d, "cur", "1720000003.C.host:2,S"), msg("c"));
  const storeDir = join(tempDir(t), "store");
  const killed = await run(storeDir, failingAfter(openSource(`ksummit=${d}`), 1), 1);
  assert.deepEqual(killed.ids, ["b2@example.com"], "the main file was committed, then the run died");
  const resumed = await run(storeDir, openSource(`ksummit=${d}`), 1);
  assert.deepEqual(resumed.ids, ["b2@example.com", "b@example.com", "c@example.com"]);
  assert.deepEqual([resumed.sum.seen, resumed.sum.new, resumed.sum.duplicate], [2, 2, 0]);
  const again = await run(storeDir, openSource(`ksummit=${d}`));
  assert.deepEqual([again.sum.seen, again.arrivals], [0, 3], "a re-run reads nothing again");
});

test("maildir: a twin that appears after its key was stored is read, also when it sorts as the main file; an identical one is not stored again", async (t) => {
  const d = maildir(join(tempDir(t), "mail"));
  writeFileSync(join(d, "cur", "1720000002.B.host:2,S"), msg("b"));
  writeFileSync(join(d, "cur", "1720000004.D.host:2,S"), msg("d"));
  writeFileSync(join(d, "new", "1720000005.E.host"), msg("e"));
  const storeDir = join(tempDir(t), "store");
  assert.equal((await run(storeDir, openSource(`ksummit=${d}`))).sum.new, 3);
  writeFileSync(join(d, "new", "1720000002.B.host"), msg("b3")); // another message under the same key (sorts first)
  writeFileSync(join(d, "new", "1720000004.D.host"), msg("d")); // the same message, a copy left behind
  writeFileSync(join(d, "cur", "1720000005.E.host:2,S"), msg("e2")); // another message, now the key's main file
  const second = await run(storeDir, openSource(`ksummit=${d}`));
  assert.deepEqual(second.ids, ["b3@example.com", "b@example.com", "d@example.com", "e2@example.com", "e@example.com"]);
  // which of B's and E's files the stored copy came from is unknown: the main file is read again, a counted duplicate
  assert.deepEqual([second.sum.seen, second.sum.new, second.sum.duplicate, second.arrivals], [4, 2, 2, 7]);
  const third = await run(storeDir, openSource(`ksummit=${d}`));
  assert.deepEqual([third.sum.seen, third.arrivals], [0, 7], "nothing is read or stored again");
});

test("maildir without the store: a cursor taken between a main file and its twin reads the key again", async (t) => {
  const d = maildir(join(tempDir(t), "mail"));
  writeFileSync(join(d, "new", "1720000002.B.host"), msg("b"));
  writeFileSync(join(d, "cur", "1720000002.B.host:2,S"), msg("b2"));
  writeFileSync(join(d, "cur", "1720000003.C.host:2,S"), msg("c"));
  const src = maildirSource(d);
  const all = await drain(src);
  assert.deepEqual(ids(all.items), ["b2@example.com", "b@example.com", "c@example.com"]);
  const afterMain = JSON.parse(JSON.stringify(all.items[0].cursor));
  // the twin is read again (the main file too: a duplicate by Message-ID, never a loss)
  assert.deepEqual(ids((await drain(src, afterMain)).items), ["b2@example.com", "b@example.com", "c@example.com"]);
  const afterTwin = JSON.parse(JSON.stringify(all.items[1].cursor));
  assert.deepEqual(ids((await drain(src, afterTwin)).items), ["c@example.com"]);
  assert.deepEqual((await drain(src, all.cursor)).items, []);
});
