// A stored mbox moved or renamed (x.mbox -> y.mbox, plain or .gz, maybe grown since) is the same
// archive: read on from its cursor under its stored source id, not read again as a second copy
// of every message; a later re-tag acts on the one archive. A copy beside the original, or
// another file that only starts the same way, stays a source of its own.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, copyFileSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { openSource } from "../../loaders/sources/index.ts";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { computeStats } from "../../loaders/store/stats.ts";
import { tempDir, msg, mboxrd } from "./helpers.ts";

const other = (id: string) => msg(id).replace("To: list@example.org", "To: other@example.org"); // only the tag gives a list
const text = (from: number, to: number) => mboxrd(Array.from({ length: to - from }, (_, i) => other(`n${from + i}`)));

async function run(dir: string, spec: string) {
  const store = await openStore(join(dir, "store"));
  try {
    const s = await ingest(store, [openSource(spec)], {});
    const stats = await computeStats(store);
    const lists = await store.query<{ l: string; n: number }>("SELECT l, count(*)::INT AS n FROM (SELECT unnest(lists) AS l FROM messages) GROUP BY 1 ORDER BY 1");
    return { sum: s.sources[0], stats, lists: Object.fromEntries(lists.map((r) => [r.l, r.n])) };
  } finally {
    await store.close();
  }
}

for (const gz of [false, true]) {
  test(`a stored ${gz ? "mbox.gz" : "mbox"} renamed, moved and grown is read on, not again; a re-tag then acts on it`, async (t) => {
    const d = tempDir(t);
    const ext = gz ? ".mbox.gz" : ".mbox";
    const x = join(d, `x${ext}`);
    writeFileSync(x, gz ? gzipSync(text(0, 30)) : text(0, 30));
    let r = await run(d, `netdev=${x}`);
    assert.equal(r.sum.new, 30);
    // renamed, and (plain: appended to; gzip: a member appended) meanwhile
    const y = join(d, `y${ext}`);
    renameSync(x, y);
    appendFileSync(y, gz ? gzipSync(text(30, 35)) : text(30, 35));
    r = await run(d, `netdev=${y}`);
    assert.deepEqual({ seen: r.sum.seen, new: r.sum.new, duplicate: r.sum.duplicate }, { seen: 5, new: 5, duplicate: 0 }, "only the new mail is read");
    assert.equal(r.sum.renamed?.from, x);
    assert.equal(r.stats.sources, 1);
    assert.equal(r.stats.duplicates, 0);
    // moved to another directory: the same again, nothing new
    mkdirSync(join(d, "sub"));
    const z = join(d, "sub", `z${ext}`);
    renameSync(y, z);
    r = await run(d, `netdev=${z}`);
    assert.deepEqual({ seen: r.sum.seen, new: r.sum.new }, { seen: 0, new: 0 });
    r = await run(d, `netdev=${z}`); // and a plain re-run of the new path
    assert.deepEqual({ seen: r.sum.seen, new: r.sum.new }, { seen: 0, new: 0 });
    // a re-tag through the new path moves every message of the archive to the new list
    r = await run(d, `linux-cxl=${z}`);
    assert.deepEqual(r.lists, { "linux-cxl": 35 });
    assert.equal(r.stats.messages, 35);
    assert.equal(r.stats.arrivals, 35);
  });
}

test("a copy beside the original, and another file that only starts like it, are sources of their own", async (t) => {
  const d = tempDir(t);
  const x = join(d, "x.mbox");
  writeFileSync(x, text(0, 30));
  await run(d, `netdev=${x}`);
  const copy = join(d, "copy.mbox");
  copyFileSync(x, copy);
  let r = await run(d, `netdev=${copy}`);
  assert.deepEqual({ seen: r.sum.seen, duplicate: r.sum.duplicate, renamed: r.sum.renamed }, { seen: 30, duplicate: 30, renamed: undefined });
  // the original goes away; a different archive that shares only its first messages is not it
  renameSync(x, join(d, "gone.tmp"));
  const diverged = join(d, "diverged.mbox");
  writeFileSync(diverged, text(0, 20) + text(100, 140));
  r = await run(d, `netdev=${diverged}`);
  assert.equal(r.sum.renamed, undefined);
  assert.equal(r.sum.seen, 60);
});
