// Store views over identity and NAK evidence: people_suspects (persisted with the people tables)
// and naks (Nacked-by trailers and NAK lines in non-patch messages).
import { test } from "node:test";
import assert from "node:assert/strict";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { fakeParse, fakeSource, msgs, pm, tempDir } from "./helpers.ts";

test("people_suspects lists look-alike people kept apart, with the override line; survives reopen", async () => {
  const t = tempDir();
  try {
    let store = await openStore(t.dir);
    await ingest(store, [fakeSource("s", msgs(
      pm("1@h", { from: { name: "Mara Kelp-Bunting", email: "mkb@corp-a.example" } }),
      pm("2@h", { from: { name: "Mara Kelp-Bunting", email: "frog@pond.example" } }),
      pm("3@h", { from: { name: "Mara Kelp-Bunting", email: "mkb@corp-a.example" } }),
      pm("4@h", { from: { name: "Hugo Brandt", email: "hugo@corp-b.example" } }),
    ))], {}, { parseStream: fakeParse });
    await store.close();
    store = await openStore(t.dir);
    const rows = await store.query("SELECT person_a, person_b, messages_a, messages_b, reason, override FROM people_suspects");
    assert.deepEqual(rows, [{ person_a: "frog@pond.example", person_b: "mkb@corp-a.example", messages_a: 1, messages_b: 2,
      reason: "same-name", override: "join frog@pond.example mkb@corp-a.example" }]);
    await store.close();
  } finally {
    t.cleanup();
  }
});

test("naks: Nacked-by trailers and NAK lines in replies; not in patches; a line beside the sender's own trailer is one NAK", async () => {
  const t = tempDir();
  try {
    const store = await openStore(t.dir);
    const patch = { isPatch: true, isRfc: false, version: 1, index: 1, total: 1, isCover: false, tags: [] };
    const nackBy = (name: string, email: string) => ({ kind: "nacked-by" as const, name, email, raw: `Nacked-by: ${name} <${email}>` });
    await ingest(store, [fakeSource("s", msgs(
      pm("p@h", { patch, nakLine: true, trailers: [nackBy("Old Naker", "old@x.example")] }), // carried over: not a NAK here
      pm("r1@h", { isReply: true, inReplyTo: "p@h", from: { name: "Nora Naker", email: "nora@x.example" }, trailers: [nackBy("Nora Naker", "nora@x.example")], nakLine: true }),
      pm("r2@h", { isReply: true, inReplyTo: "p@h", from: { name: "Lin Liner", email: "lin@x.example" }, nakLine: true }),
      pm("r3@h", { isReply: true, inReplyTo: "p@h", from: { name: "Quiet Person", email: "q@x.example" } }),
      // a reply keeps its patch's subject tags ("Re: [PATCH]"): still a reply, so its NAK counts
      pm("r4@h", { isReply: true, inReplyTo: "p@h", subject: "Re: [PATCH] thing", patch, from: { name: "Tag Keeper", email: "t@x.example" }, nakLine: true }),
    ))], {}, { parseStream: fakeParse });
    const rows = await store.query("SELECT message_id, kind, person_id FROM naks ORDER BY message_id");
    assert.deepEqual(rows, [
      { message_id: "r1@h", kind: "nacked-by", person_id: "nora@x.example" },
      { message_id: "r2@h", kind: "nak-line", person_id: "lin@x.example" },
      { message_id: "r4@h", kind: "nak-line", person_id: "t@x.example" },
    ]);
    await store.close();
  } finally {
    t.cleanup();
  }
});
