// Two files with the same Maildir key (a copy left in new/ beside its renamed cur/ file, two flag
// variants in cur/ after a client crash): the same message is read once; a different one is read
// too, under its own file name, never dropped unseen. Through the store, a re-run adds nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { maildirSource } from "../../loaders/sources/maildir.ts";
import { openSource } from "../../loaders/sources/index.ts";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { tempDir, msg, drain, ids } from "./helpers.ts";

test("maildir: files sharing a key are all read; an identical copy once", async (t) => {
  const d = tempDir(t);
  for (const s of ["cur", "new", "tmp"]) mkdirSync(join(d, s));
  writeFileSync(join(d, "new", "1720000001.A.host"), msg("a"));
  writeFileSync(join(d, "cur", "1720000001.A.host:2,S"), msg("a")); // the same message, renamed with a copy left behind
  writeFileSync(join(d, "new", "1720000002.B.host"), msg("b"));
  writeFileSync(join(d, "cur", "1720000002.B.host:2,S"), msg("b2")); // same key, another message
  writeFileSync(join(d, "cur", "1720000002.B.host:2,RS"), msg("b3"));
  const r = await drain(maildirSource(d, { list: "ksummit" }));
  assert.equal(r.error, undefined);
  assert.deepEqual(ids(r.items).sort(), ["a@example.com", "b2@example.com", "b3@example.com", "b@example.com"]);
  const pos = r.items.map((i) => i.provenance.position);
  assert.equal(new Set(pos).size, pos.length, "every copy has its own position");

  const store = await openStore(join(tempDir(t), "store"));
  try {
    const s1 = await ingest(store, [openSource(`ksummit=${d}`)]);
    assert.equal(s1.sources[0].new, 4);
    const s2 = await ingest(store, [openSource(`ksummit=${d}`)]);
    assert.equal(s2.sources[0].seen, 0, "a re-run reads nothing again");
  } finally {
    await store.close();
  }
});
