// Store -> analysis for a forwarded patch: readCorpus takes author_person_id, and the derived
// replies/threads/reviews tables name the author. Synthetic records only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { readCorpus, writeDerivedTables } from "../../loaders/analysis/store-io.ts";
import { fakeParse, fakeSource, msgs, pm, tempDir } from "../store/helpers.ts";

const PATCH = { isPatch: true, isRfc: false, version: 1, index: null, total: null, isCover: false, tags: ["net"] };

test("store -> analysis: a reply to a forwarded patch is an edge to the in-body author", async () => {
  const t = tempDir();
  const store = await openStore(join(t.dir, "store"));
  try {
    const day = Date.UTC(2024, 6, 1);
    await ingest(store, [fakeSource("s", msgs(
      pm("fwd@h", { date: day, from: { name: "Mae Intainer", email: "mae@maint.example" }, author: { name: "Ann Author", email: "ann@author.example" },
        patch: PATCH, subject: "[PATCH net] fix frob", lists: ["netdev"] }),
      pm("rev@h", { date: day + 3600_000, from: { name: "Rex Viewer", email: "rex@example.org" }, inReplyTo: "fwd@h", references: ["fwd@h"], isReply: true,
        subject: "Re: [PATCH net] fix frob", lists: ["netdev"],
        trailers: [{ kind: "reviewed-by", name: "Rex Viewer", email: "rex@example.org", raw: "Reviewed-by: Rex Viewer <rex@example.org>" }] }),
    ), "netdev")], {}, { parseStream: fakeParse });
    const corpus = await readCorpus(store, ["netdev"]);
    const fwd = corpus.messages.find((m) => m.id === "fwd@h")!;
    assert.deepEqual([fwd.from, fwd.author], ["mae@maint.example", "ann@author.example"]);
    assert.equal(corpus.messages.find((m) => m.id === "rev@h")!.author, undefined);
    assert.ok(corpus.people.some((p) => p.id === "ann@author.example"), "the author is a person");
    const a = analyzeCorpus(corpus);
    await writeDerivedTables(store, a);
    assert.deepEqual(await store.query("SELECT from_id, to_id FROM replies"), [{ from_id: "rex@example.org", to_id: "ann@author.example" }]);
    assert.deepEqual(await store.query("SELECT author_id, sender_id FROM threads"), [{ author_id: "ann@author.example", sender_id: "mae@maint.example" }]);
    assert.deepEqual(await store.query("SELECT reviewer_id, author_id FROM reviews"), [{ reviewer_id: "rex@example.org", author_id: "ann@author.example" }]);
  } finally {
    await store.close();
    t.cleanup();
  }
});
