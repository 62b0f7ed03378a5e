// A stored Maildir or public-inbox inbox moved or renamed (same content, maybe grown) is the same
// archive: read on under its stored source id, not read again as a second source; deletions and
// re-tags act on the one archive. An unrelated directory at a new path stays a source of its own.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openSource } from "../../loaders/sources/index.ts";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { computeStats } from "../../loaders/store/stats.ts";
import { tempDir, msg } from "./helpers.ts";
import { appendCommit, buildEpoch } from "./git-epoch.ts";

async function run(storeDir: string, spec: string) {
  const store = await openStore(storeDir);
  try {
    const s = await ingest(store, [openSource(spec)]);
    const stats = await computeStats(store);
    const ids = (await store.query<{ id: string }>("SELECT message_id AS id FROM messages ORDER BY 1")).map((r) => r.id);
    return { sum: s.sources[0], stats, ids };
  } finally {
    await store.close();
  }
}

function maildir(dir: string, keys: string[]): void {
  for (const sub of ["cur", "new", "tmp"]) mkdirSync(join(dir, sub), { recursive: true });
  for (const k of keys) writeFileSync(join(dir, "cur", `${k}:2,S`), msg(k));
}

test("a renamed Maildir is read on, not again; an unrelated Maildir is its own source", async (t) => {
  const d = tempDir(t);
  const storeDir = join(d, "store");
  const a = join(d, "a");
  maildir(a, ["1700000000.M1P1.h", "1700000001.M2P1.h", "1700000002.M3P1.h"]);
  let r = await run(storeDir, `netdev=${a}`);
  assert.equal(r.sum.new, 3);
  const b = join(d, "moved", "b");
  mkdirSync(join(d, "moved"));
  renameSync(a, b);
  writeFileSync(join(b, "new", "1700000003.M4P1.h"), msg("1700000003.M4P1.h"));
  r = await run(storeDir, `netdev=${b}`);
  assert.deepEqual({ seen: r.sum.seen, new: r.sum.new }, { seen: 1, new: 1 }, "only the new file is read");
  assert.equal(r.sum.renamed?.from, a);
  assert.equal(r.sum.source, `maildir:${a}`);
  assert.deepEqual([r.stats.sources, r.stats.duplicates, r.stats.messages], [1, 0, 4]);
  r = await run(storeDir, `netdev=${b}`); // a plain re-run of the new path
  assert.deepEqual({ seen: r.sum.seen, renamed: r.sum.renamed }, { seen: 0, renamed: undefined });
  // the old path gone, but this Maildir shares no key with the stored one: a source of its own
  const c = join(d, "c");
  maildir(c, ["1800000000.M1P9.other"]);
  renameSync(b, join(d, "gone"));
  r = await run(storeDir, `netdev=${c}`);
  assert.equal(r.sum.renamed, undefined);
  assert.equal(r.sum.source, `maildir:${c}`);
  assert.equal(r.stats.sources, 2);
});

test("a renamed public-inbox inbox is read on from its last commit; a later deletion still hides the message", async (t) => {
  const d = tempDir(t);
  const storeDir = join(d, "store");
  const inbox = join(d, "inbox");
  buildEpoch(inbox, 0, [["m", msg("a"), 1720000000], ["m", msg("b"), 1720000100]]);
  let r = await run(storeDir, `ksummit=${inbox}`);
  assert.equal(r.sum.new, 2);
  const moved = join(d, "moved");
  renameSync(inbox, moved);
  appendCommit(join(moved, "git", "0.git"), "m", msg("c"), 1720000200);
  r = await run(storeDir, `ksummit=${moved}`);
  assert.deepEqual({ seen: r.sum.seen, new: r.sum.new }, { seen: 1, new: 1 }, "only the new commit is read");
  assert.equal(r.sum.renamed?.from, inbox);
  assert.deepEqual([r.stats.sources, r.stats.duplicates, r.stats.messages], [1, 0, 3]);
  appendCommit(join(moved, "git", "0.git"), "d", msg("a"), 1720000300);
  r = await run(storeDir, `ksummit=${moved}`);
  assert.equal(r.sum.deleted, 1);
  assert.deepEqual(r.ids, ["b@example.com", "c@example.com"]);
  // another inbox (other history) at a new path while the stored one is gone: its own source
  const other = join(d, "other");
  buildEpoch(other, 0, [["m", msg("z"), 1720000000]]);
  renameSync(moved, join(d, "gone"));
  r = await run(storeDir, `ksummit=${other}`);
  assert.equal(r.sum.renamed, undefined);
  assert.equal(r.stats.sources, 2);
});
