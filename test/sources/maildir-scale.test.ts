// A big Maildir keeps a small cursor: which keys were read is what the store holds (the positions
// of the source's rows), so the manifest written with every batch does not grow with the Maildir
// (it listed every key: quadratic writes for a million-message Maildir). Resuming stays exact: a
// file delivered later under an older key is read, an interrupted run resumes where it committed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openSource } from "../../loaders/sources/index.ts";
import { ingest, type ParseStreamFn } from "../../loaders/pipeline/ingest.ts";
import { parseStream } from "../../loaders/parse/index.ts";
import { openStore } from "../../loaders/store/store.ts";
import { tempDir, msg } from "./helpers.ts";

const key = (i: number) => `${1700000000 + i}.M${i}P1.host.example.org`;

function maildir(dir: string, from: number, to: number): void {
  for (const sub of ["cur", "new", "tmp"]) mkdirSync(join(dir, sub), { recursive: true });
  for (let i = from; i < to; i++) writeFileSync(join(dir, "cur", `${key(i)}:2,S`), msg(`k${i}`));
}

async function ids(storeDir: string): Promise<string[]> {
  const s = await openStore(storeDir);
  try {
    return (await s.query<{ id: string }>("SELECT message_id AS id FROM messages ORDER BY 1")).map((r) => r.id);
  } finally {
    await s.close();
  }
}

test("a 1,500-file Maildir in 15 batches: the manifest stays small; a file with an old key delivered later is read", async (t) => {
  const d = tempDir(t);
  const md = join(d, "md");
  maildir(md, 100, 1600);
  const storeDir = join(d, "store");
  const store = await openStore(storeDir);
  try {
    const s = await ingest(store, [openSource(`netdev=${md}`)], { batchSize: 100 });
    assert.equal(s.sources[0].new, 1500);
    const size = readFileSync(join(storeDir, "manifest.json")).length;
    assert.ok(size < 16_000, `manifest.json is ${size} bytes for a 1,500-file Maildir`);
    maildir(md, 50, 51); // older key than anything read: still new
    maildir(md, 1600, 1605);
    const again = await ingest(store, [openSource(`netdev=${md}`)], { batchSize: 100 });
    assert.deepEqual({ seen: again.sources[0].seen, new: again.sources[0].new }, { seen: 6, new: 6 });
    const none = await ingest(store, [openSource(`netdev=${md}`)], { batchSize: 100 });
    assert.equal(none.sources[0].seen, 0);
  } finally {
    await store.close();
  }
  assert.equal((await ids(storeDir)).length, 1506);
});

test("a Maildir run that fails half way resumes from its last committed batch: the store equals one uninterrupted run", async (t) => {
  const d = tempDir(t);
  const md = join(d, "md");
  maildir(md, 0, 300);
  // the parser stops the run after 130 messages (a crash, say): 1 batch of 100 is committed
  const failing: ParseStreamFn = async function* (items, ctx) {
    let n = 0;
    for await (const r of parseStream(items, ctx)) {
      if (++n > 130) throw new Error("boom");
      yield r;
    }
  };
  const broken = join(d, "broken");
  let store = await openStore(broken);
  await assert.rejects(ingest(store, [openSource(`netdev=${md}`)], { batchSize: 100 }, { parseStream: failing }), /boom/);
  await store.close();
  assert.ok((await ids(broken)).length >= 100 && (await ids(broken)).length < 300);
  store = await openStore(broken);
  const resumed = await ingest(store, [openSource(`netdev=${md}`)], { batchSize: 100 });
  await store.close();
  assert.equal(resumed.sources[0].duplicate, 0, "nothing read twice");
  const whole = join(d, "whole");
  store = await openStore(whole);
  await ingest(store, [openSource(`netdev=${md}`)]);
  await store.close();
  assert.deepEqual(await ids(broken), await ids(whole));
});

test("cursors of the old form (every key listed) still resume; without the store the new form resumes after its last key", async (t) => {
  const d = tempDir(t);
  const md = join(d, "md");
  maildir(md, 0, 6);
  const src = openSource(`netdev=${md}`);
  const read = async (cursor: Record<string, unknown>) => {
    const out: string[] = [];
    for await (const it of src.read(cursor)) out.push(it.provenance.position);
    return out;
  };
  assert.deepEqual(await read({ seen: [key(0), key(2), key(4)] }), [key(1), key(3), key(5)]);
  assert.deepEqual(await read({ v: 2, after: key(3) }), [key(4), key(5)]);
});
