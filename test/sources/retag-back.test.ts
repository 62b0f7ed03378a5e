// Re-tagging a source back to a tag it had before (netdev, linux-cxl, netdev again) reads it again
// like any re-tag; the copies already stored with that tag are not stored a second time, and
// neither are its errors rows. Before, every message of the archive counted as its own duplicate
// (stats: duplicates 3, arrivals 6 for 3 messages) and a Maildir's bad entries as new errors per run.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openSource } from "../../loaders/sources/index.ts";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { computeStats } from "../../loaders/store/stats.ts";
import { tempDir, msg, mboxrd } from "./helpers.ts";

for (const kind of ["mbox", "maildir"] as const) {
  test(`re-tagging a ${kind} back to an earlier tag stores no second copy and no second errors row`, async (t) => {
    const d = tempDir(t);
    let path: string;
    if (kind === "mbox") {
      path = join(d, "x.mbox");
      writeFileSync(path, mboxrd([msg("a"), msg("b"), msg("c")]));
    } else {
      path = join(d, "md");
      for (const sub of ["cur", "new", "tmp"]) mkdirSync(join(path, sub), { recursive: true });
      ["a", "b", "c"].forEach((id, i) => writeFileSync(join(path, "cur", `170000000${i}.M${i}.h:2,S`), msg(id)));
      symlinkSync("/nonexistent/target", join(path, "cur", "1700000009.M9.h:2,S")); // a dangling symlink: an errors row
      mkdirSync(join(path, "cur", "1700000008.M8.h:2,S")); // a directory: another
    }
    const store = await openStore(join(d, "store"));
    try {
      await ingest(store, [openSource(`netdev=${path}`)]);
      const first = await computeStats(store);
      assert.equal(first.messages, 3);
      const errors = first.errors;
      if (kind === "maildir") assert.equal(errors, 2, "the bad entries are errors rows");
      for (const tag of ["linux-cxl", "netdev", "linux-cxl", "netdev"]) {
        const sum = await ingest(store, [openSource(`${tag}=${path}`)]);
        assert.ok(sum.sources[0].retagged, `${tag}: read again as a re-tag`);
        const s = await computeStats(store);
        assert.equal(s.messages, 3, tag);
        assert.equal(s.arrivals, 3, `${tag}: one copy per message`);
        assert.equal(s.duplicates, 0, `${tag}: no message is a duplicate of itself`);
        assert.equal(s.errors, errors, `${tag}: the same bad entries, the same errors rows`);
        assert.equal(s.per_list.netdev, tag === "netdev" ? 3 : 0, tag);
        const raw = await store.query<{ n: number }>("SELECT count(*)::INT AS n FROM raw_arrivals");
        assert.ok(raw[0].n <= 6, `${tag}: at most one stored copy per message and tag (${raw[0].n})`);
      }
    } finally {
      await store.close();
    }
  });
}

test("an mbox rewritten in place (its cursor no longer fits) is read again without storing its unchanged copies twice", async (t) => {
  const d = tempDir(t);
  const path = join(d, "x.mbox");
  writeFileSync(path, mboxrd([msg("a", "First.\n"), msg("b"), msg("c")]));
  const store = await openStore(join(d, "store"));
  try {
    await ingest(store, [openSource(`netdev=${path}`)]);
    // the first message edited (same length: only the content check can tell), the rest unchanged
    writeFileSync(path, mboxrd([msg("a", "Frist.\n"), msg("b"), msg("c")]));
    const sum = await ingest(store, [openSource(`netdev=${path}`)]);
    assert.equal(sum.sources[0].seen, 3, "read again from the start");
    let s = await computeStats(store);
    assert.equal(s.messages, 3);
    assert.equal(s.conflicts, 1, "the edited copy is a conflicting copy");
    assert.equal(s.arrivals, 4, "the two unchanged copies are not stored again");
    assert.equal(s.duplicates, 1);
    // new mail appended afterwards is read as usual
    writeFileSync(path, mboxrd([msg("a", "Frist.\n"), msg("b"), msg("c"), msg("d")]));
    await ingest(store, [openSource(`netdev=${path}`)]);
    s = await computeStats(store);
    assert.equal(s.messages, 4);
    assert.equal(s.arrivals, 5);
  } finally {
    await store.close();
  }
});

test("an mbox rewritten in place with another bad entry at the same offset records that entry too", async (t) => {
  // An errors row is known by position and reason only: skipping it on a re-read dropped a different bad entry.
  const d = tempDir(t);
  const path = join(d, "x.mbox");
  const bad = (n: string) => `X-Junk: ${n}\n\nnot a message ${n}\n`;
  writeFileSync(path, mboxrd([bad("1"), msg("b")]));
  const store = await openStore(join(d, "store"));
  try {
    await ingest(store, [openSource(`netdev=${path}`)]);
    assert.equal((await computeStats(store)).errors, 1);
    writeFileSync(path, mboxrd([bad("2"), msg("b")])); // same length and offset, other bytes
    await ingest(store, [openSource(`netdev=${path}`)]);
    const s = await computeStats(store);
    assert.equal(s.errors, 2, "the second bad entry has its own errors row");
    assert.equal(s.arrivals, 1, "the unchanged copy is not stored again");
  } finally {
    await store.close();
  }
});
