// stats "sources": every archive registered in the store (it gave a message, a deletion or an
// error), an inbox once however many epochs it has; "sources_with_mail": those holding a visible copy.
// An empty archive gives nothing, so nothing registers it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { openSource } from "../../loaders/sources/index.ts";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { computeStats } from "../../loaders/store/stats.ts";
import { tempDir, msg, mboxrd } from "../sources/helpers.ts";
import { buildEpoch } from "../sources/git-epoch.ts";

test("sources counts registered archives (an all-deleted inbox included, each inbox once); sources_with_mail those with mail", async (t) => {
  const d = tempDir(t);
  const full = join(d, "full.mbox"), empty1 = join(d, "empty1.mbox"), empty2 = join(d, "empty2.mbox");
  writeFileSync(full, mboxrd([msg("a"), msg("b")]));
  writeFileSync(empty1, "");
  writeFileSync(empty2, "");
  const inbox = join(d, "inbox");
  buildEpoch(inbox, 0, [["m", msg("c"), 1720000000]]);
  buildEpoch(inbox, 1, [["m", msg("e"), 1720000100]]);
  const gone = join(d, "gone");
  buildEpoch(gone, 0, [["m", msg("f"), 1720000000], ["d", msg("f"), 1720000100]]);
  const store = await openStore(join(d, "store"));
  try {
    await ingest(store, [full, empty1, empty2, `ksummit=${inbox}`, gone].map((s) => openSource(s)));
    // the same inbox again, epoch by epoch: still one archive
    await ingest(store, [openSource(`ksummit=${join(inbox, "git", "1.git")}`)]);
    const st = await computeStats(store);
    assert.equal(st.sources, 3, "full, inbox, gone (all its mail deleted); the empty files gave nothing");
    assert.equal(st.sources_with_mail, 2, "full and inbox");
    assert.equal(st.messages, 4);
  } finally {
    await store.close();
  }
});

test("an HTTP search's copies (one source id per date slice) are one archive in sources and sources_with_mail", async (t) => {
  const d = tempDir(t);
  const id = "lore-http:http://127.0.0.1:1/l/";
  const slices = ["d:20240701..20240707", "d:20240708..20240714", "d:20240715.."];
  const source = {
    id, kind: "mbox" as const, path: "http://127.0.0.1:1/l/", list: "netdev",
    async *read() {
      for (const [i, q] of slices.entries()) {
        yield { kind: "message" as const, bytes: Buffer.from(msg(`h${i}`)), provenance: { source: `${id}?${q}`, position: "0", list: "netdev" }, cursor: { covered: [] } };
      }
    },
  };
  const store = await openStore(join(d, "store"));
  try {
    await ingest(store, [source]);
    const st = await computeStats(store);
    assert.deepEqual([st.sources, st.sources_with_mail, st.messages], [1, 1, 3]);
  } finally {
    await store.close();
  }
});
